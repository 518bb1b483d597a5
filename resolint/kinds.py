"""The kinds of block: the terminals the grammar reads, named once.

The readers (``resolint/readers/``) give every block of a document one of
these kinds; the parser feeds them to ``grammar/resolution.lark`` as tokens
of the same names; the document model keeps the kind of a block it set
aside.  Nothing else names a block kind with a bare string.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import ClassVar


class _KindSetType(type):
    """A set of kinds is iterable, sized and indexed by name, as an Enum is."""

    def __iter__(cls) -> Iterator[Kind]:
        return iter(cls._members)

    def __len__(cls) -> int:
        return len(cls._members)

    def __getitem__(cls, name: str) -> Kind:
        return cls._by_name[name]


class Kind(str, metaclass=_KindSetType):
    """One kind of a set (a subclass): a string equal to its name, one object per name.

    Why not ``enum.StrEnum``: on Python 3.11 every ``BlockKind.NUMBERED``
    goes through ``EnumType.__getattr__`` (0.2 µs, ten times a plain class
    attribute), and the classifier and parser name kinds for every block:
    6% more instructions for a corpus pass.  This keeps what the code uses
    of an Enum — members declared in the class body, ``Kind[name]``,
    ``Kind(value)`` returning the member, iteration, ``.name``, a readable
    ``repr`` — as plain class attributes.
    """

    __slots__ = ()
    _members: ClassVar[tuple] = ()
    _by_name: ClassVar[dict] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        members = []
        for name, value in list(vars(cls).items()):
            if name.isupper() and isinstance(value, str):
                if value != name:
                    raise ValueError(f"{cls.__name__}.{name} must equal its name, not {value!r}")
                member = str.__new__(cls, value)
                setattr(cls, name, member)
                members.append(member)
        cls._members = tuple(members)
        cls._by_name = {str(m): m for m in members}

    def __new__(cls, value: str) -> Kind:
        try:
            return cls._by_name[value]
        except KeyError:
            raise ValueError(f"{value!r} is not a {cls.__name__}") from None

    @property
    def name(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{str.__str__(self)}"

    def __reduce__(self):
        return type(self), (str.__str__(self),)


class BlockKind(Kind):
    """What a block is: the terminal of ``grammar/resolution.lark`` the parser is fed.

    The grammar declares the same names (``%declare``); a test checks that the
    two lists agree.  Each value is its name, so a kind reads as the terminal
    it is in a token, a message or a test.
    """

    ORGAN = "ORGAN"  # "General Assembly" in the masthead
    DISTRIBUTION = "DISTRIBUTION"  # "Distr.: General"
    SESSION = "SESSION"  # "Seventy-seventh session"
    AGENDA_ITEM = "AGENDA_ITEM"  # "Agenda item 20 (b)"
    ADOPTED = "ADOPTED"  # "Resolution adopted by the General Assembly on 14 December 2022"
    ORIGIN = "ORIGIN"  # "[on the report of the Second Committee (A/77/445/Add.2, para. 8)]"
    DRAFT_LABEL = "DRAFT_LABEL"  # "Draft resolution", "Mexico:* draft resolution", "Second Committee"
    SYMBOL = "SYMBOL"  # "A/C.2/77/L.12", "A/RES/77/176"
    TITLE = "TITLE"  # "77/176. International migration and development"
    PART_LABEL = "PART_LABEL"  # "A", "B" … of a resolution in parts
    HEADING = "HEADING"  # a subject heading, "I.", "Action 1."
    OPENER = "OPENER"  # "The General Assembly,"
    OTHER_ORGAN_OPENER = "OTHER_ORGAN_OPENER"  # "The Security Council,"
    PREAMBULAR = "PREAMBULAR"  # "Recalling …"
    PLAIN = "PLAIN"  # a paragraph whose opening phrase is not in the lexicon
    UNNUMBERED_OPERATIVE = "UNNUMBERED_OPERATIVE"  # "Decides …" without a number
    INTRODUCING = "INTRODUCING"  # an unnumbered operative paragraph ending with ":"
    NUMBERED = "NUMBERED"  # "1. Takes note …"
    NUMBERED_PREAMBULAR = "NUMBERED_PREAMBULAR"  # "3. Recalling …"
    LETTERED = "LETTERED"  # "(a) …"
    ROMAN = "ROMAN"  # "(i) …"
    PLENARY = "PLENARY"  # "53rd plenary meeting" and its date
    ANNEX = "ANNEX"  # "Annex", "Annex I"
    SECTION = "SECTION"  # "I", "II." on a line of its own in the operative part
    SUBSECTION = "SUBSECTION"  # "A. Base/floor salary scale": a lettered section inside a section
    INTRODUCED = "INTRODUCED"  # "Panel 1: …": an item of the list a subparagraph introduces
    TABLE_NOTE = "TABLE_NOTE"  # "a See A/75/383.": a note of a table the text does not carry
    UNRECOGNISED = "UNRECOGNISED"  # not part of a resolution (a pasted e-mail line, a table row)
    FOOTNOTE = "FOOTNOTE"  # a footnote body: may stand anywhere
    PAGE_BREAK = "PAGE_BREAK"  # a page break: may stand anywhere


# The paragraphs of a resolution, its subparagraphs included.
PARAGRAPH_KINDS = frozenset(
    (
        BlockKind.PREAMBULAR,
        BlockKind.PLAIN,
        BlockKind.UNNUMBERED_OPERATIVE,
        BlockKind.INTRODUCING,
        BlockKind.NUMBERED,
        BlockKind.NUMBERED_PREAMBULAR,
        BlockKind.LETTERED,
        BlockKind.ROMAN,
    )
)
# Blocks that stand wherever the page put them: the grammar never sees them.
SET_ASIDE_KINDS = frozenset((BlockKind.FOOTNOTE, BlockKind.PAGE_BREAK))


class AnnexKind(Kind):
    """What a block of an annex is: the terminal of ``grammar/annex.lark`` (resolint/annex.py classifies)."""

    ANNEX = "ANNEX"  # "Annex", "Annex II"
    TITLE = "TITLE"  # the annex's title, right after the label
    DIVISION = "DIVISION"  # "Part one", "Chapter I", "Section 2", "I.", "A. Introduction"
    PREAMBLE_HEADING = "PREAMBLE_HEADING"  # "Preamble"
    ARTICLE = "ARTICLE"  # "Article 1", "Article 13."
    LABEL_TITLE = "LABEL_TITLE"  # the title under a bare label: "Purpose" under "Article 1"
    HEADING = "HEADING"  # a subject heading: "Commitments", "Targets", "Universal health coverage"
    SEPARATOR = "SEPARATOR"  # "* * *"
    PARTIES_OPENER = "PARTIES_OPENER"  # "The States Parties to this Convention,", "We, the Heads of State …,"
    OPENER = "OPENER"  # "The General Assembly,"
    NUMBERED = "NUMBERED"  # "1. …"
    DECIMAL = "DECIMAL"  # "1.1 . Raise awareness …"
    PLAIN = "PLAIN"  # an unnumbered paragraph
    PREAMBULAR = "PREAMBULAR"  # "Reaffirming …," (a preamble of the annex's own)
    OPERATIVE = "OPERATIVE"  # "Decides …" without a number
    LETTERED = "LETTERED"  # "(a) …"
    ROMAN = "ROMAN"  # "(i) …"
    BULLET = "BULLET"  # "• Achieve …"
    NOTE = "NOTE"  # "a See A/75/383.", "b Reflects amounts after recosting."
    PLENARY = "PLENARY"  # a plenary line inside the annex
    UNRECOGNISED = "UNRECOGNISED"  # not part of any document
    FOOTNOTE = "FOOTNOTE"  # a footnote body
    PAGE_BREAK = "PAGE_BREAK"  # a page break


# Each kind's name as a plain string, the token type the parsers are fed: Lark
# looks each token's type up in its parse tables, whose keys are plain strings,
# and a dictionary finds a plain string key faster than an equal subclass one.
TERMINAL_NAMES: dict[Kind, str] = {kind: sys.intern(kind.name) for kinds in (BlockKind, AnnexKind) for kind in kinds}
