"""The document model: what the parser understood, as plain dataclasses.

No Lark type leaves the parser.  Every node carries a :class:`Span` with
character offsets into the original text and 0-based line/column (code
points) of both ends, so rules can point at the exact place and the LSP layer
can convert to UTF-16 without re-reading the text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from .kinds import BlockKind
from .source import Source

DocumentKind = Literal["adopted", "draft", "fragment", "other-organ"]


@dataclass(slots=True)
class Span:
    """Character offsets ``[start, end)`` into the document text.

    Line and column (0-based, code points) are worked out when asked for:
    most spans are never shown, and computing them for every node of every
    document cost a fifth of the parse.

    A span is a value: never assign to its fields.  (It is not a frozen
    dataclass because creating one of those costs three times as much, and
    the parser creates one for every node; it is not hashable either, so
    that no set or dict can hold one that changes.)
    """

    start: int
    end: int
    source: Source | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, source: Source, start: int, end: int) -> Span:
        return cls(start, end, source)

    @property
    def line(self) -> int:
        return self.source.position(self.start)[0] if self.source else 0

    @property
    def column(self) -> int:
        return self.source.position(self.start)[1] if self.source else 0

    @property
    def end_line(self) -> int:
        return self.source.position(self.end)[0] if self.source else 0

    @property
    def end_column(self) -> int:
        return self.source.position(self.end)[1] if self.source else 0

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(slots=True)
class DateMention:
    """A date written in the text, in UN form ("14 December 2022") or not."""

    text: str
    span: Span
    value: _dt.date | None  # None when the date is impossible ("31 November 2015")
    form: Literal["un", "month-first", "ordinal", "abbreviated"] = "un"
    day: int = 0
    month: int = 0
    year: int = 0


@dataclass(slots=True)
class FootnoteMarker:
    number: int
    span: Span
    text: str  # as written: "<sup>3</sup>" or "3"


@dataclass(slots=True)
class Citation:
    """A citation of a resolution or decision in the text.

    ``symbol`` is as written ("58/208", "2200 A (XXI)", "ES-10/2", "2010/12",
    "2334 (2016)"); ``body`` is the issuing body when the text names it or it
    follows from the symbol's form.  ``scheme`` says which calendar the symbol
    belongs to:

    * ``ga`` — Assembly regular session, ``session/number``;
    * ``ga-roman`` — Assembly, old style ``2200 A (XXI)`` (session in roman numerals);
    * ``ga-special`` / ``ga-emergency`` — ``S-26/2``, ``ES-10/2``;
    * ``year`` — numbered by year (Economic and Social Council and its commissions);
    * ``sc`` — Security Council ``2334 (2016)``;
    * ``other`` — another body's own sessions (Human Rights Council ``43/1``).
    """

    symbol: str
    span: Span
    scheme: str
    body: str | None = None
    session: int | None = None
    number: int | None = None
    part: str | None = None
    year: int | None = None
    date: DateMention | None = None
    decision: bool = False
    in_footnote: bool = False
    list_id: int = -1  # citations in one "resolutions …" phrase share an id


@dataclass(slots=True)
class Opener:
    """The opening phrase of a paragraph ("Recalling also", "Takes note")."""

    phrase: str
    span: Span
    kind: Literal["preambular", "operative", "unknown"]
    italic: bool
    head: str = ""
    adverb: str | None = None
    first_person: bool = False


@dataclass(slots=True)
class Paragraph:
    """A preambular, operative or plain paragraph, or a subparagraph.

    ``segments`` are the source ranges the paragraph is made of: a paragraph
    split by a page break or a block of footnotes continues in a second
    segment.  ``number`` and ``label`` are as written ("12.", "(a)").
    """

    kind: Literal["preambular", "operative", "plain", "subparagraph"]
    span: Span
    segments: list[tuple[int, int]]
    text: str  # the paragraph's text with markup blanked, segments joined by a space
    number: str | None = None
    number_value: int | None = None
    number_span: Span | None = None
    number_problem: str | None = None  # "missing full stop", "invisible character" …
    label: str | None = None
    label_kind: Literal["letter", "roman", ""] = ""
    opener: Opener | None = None
    final_mark: str = ""
    final_mark_span: Span | None = None
    subparagraphs: list[Paragraph] = field(default_factory=list)
    introduced: bool = False  # text of an instrument a colon paragraph introduces
    displaced: bool = False  # a paragraph of that text standing before the colon paragraph (parser.py)
    content_start: int = 0

    def walk(self) -> Iterator[Paragraph]:
        yield self
        for sub in self.subparagraphs:
            yield from sub.walk()


def paragraph_trees(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Each paragraph followed by its subparagraphs, as ``walk`` gives them, in
    a list: the rules go through every paragraph, and a chain of walk()
    generators costs more than a list."""
    found: list[Paragraph] = []
    _add_trees(found, paragraphs)
    return found


def _add_trees(found: list[Paragraph], paragraphs: list[Paragraph]) -> None:
    for p in paragraphs:
        found.append(p)
        if p.subparagraphs:
            _add_trees(found, p.subparagraphs)


@dataclass(slots=True)
class Heading:
    text: str
    span: Span
    kind: Literal["heading", "action", "part", "annex", "division", "article", "separator", "section"] = "heading"


@dataclass(slots=True)
class Section:
    """A section of an operative part: "I" and its title, or a lettered
    section inside one ("A. Base/floor salary scale").

    Its paragraphs are also in the part's ``preamble`` and ``operative``
    lists, in document order (the rules that read a part see every
    paragraph); ``preamble`` and ``operative`` here are the same objects, so
    a rule can judge a section on its own (numbering that restarts at 1, a
    single unnumbered paragraph).
    """

    label: str  # "I", "II", "A"
    title: str
    span: Span  # the label and the title
    level: int = 1  # 1 a roman section, 2 a lettered section inside it
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for sub in self.sections:
            yield from sub.walk()


@dataclass(slots=True)
class Footnote:
    number: int
    span: Span
    number_span: Span
    text: str


@dataclass(slots=True)
class PlenaryLine:
    ordinal: int
    resumed: bool
    date: DateMention | None
    span: Span
    text: str


@dataclass(slots=True)
class Title:
    number: str | None  # "77/176" or None for a draft's unnumbered title
    text: str
    span: Span
    session: int | None = None
    part: str | None = None  # "A" in "78/183 A. Enlargement of …"


@dataclass(slots=True)
class Header:
    organ: str | None = None
    symbol: str | None = None
    distribution: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    adopted: DateMention | None = None
    adopted_span: Span | None = None
    origin: str | None = None
    draft_label: str | None = None
    lines: list[tuple[str, Span]] = field(default_factory=list)  # (field name, span) in order


class Problem(Enum):
    """Why the parser set a block aside."""

    UNRECOGNISED = "unrecognised"  # not part of a resolution at all
    AFTER_OPERATIVE = "after the operative part"  # a preambular paragraph among operative ones
    BEFORE_OPENER = "before the opener"  # a paragraph above "The General Assembly,"
    NO_PARAGRAPH = "no paragraph to belong to"  # a subparagraph with no paragraph before it
    SECOND_OPENER = "second opener"  # "The General Assembly," twice in one part
    ADOPTING_AFTER_TEXT = "adopting after its text"  # "Adopts the following …:" below the text it adopts
    OUT_OF_PLACE = "out of place"  # any other block the grammar does not expect where it stands


# How a message names a block of each kind.
_KIND_WORDS = {
    BlockKind.PREAMBULAR: "a preambular paragraph",
    BlockKind.PLAIN: "a paragraph",
    BlockKind.NUMBERED: "an operative paragraph",
    BlockKind.NUMBERED_PREAMBULAR: "a numbered paragraph",
    BlockKind.UNNUMBERED_OPERATIVE: "an operative paragraph",
    BlockKind.INTRODUCING: "an operative paragraph",
    BlockKind.LETTERED: "a subparagraph",
    BlockKind.ROMAN: "a subparagraph",
    BlockKind.OPENER: '"The General Assembly,"',
    BlockKind.TITLE: "the title",
    BlockKind.PLENARY: "the plenary line",
    BlockKind.ADOPTED: "the adoption line",
    BlockKind.HEADING: "a heading",
    BlockKind.ANNEX: "an annex heading",
    BlockKind.PART_LABEL: "a part label",
    BlockKind.SECTION: "a section number",
    BlockKind.SUBSECTION: "a section heading",
    BlockKind.INTRODUCED: "an item of an introduced list",
    BlockKind.OTHER_ORGAN_OPENER: "another organ's opener",
}


def kind_words(kind: BlockKind) -> str:
    """ "an operative paragraph", "the plenary line": a block kind as a message names it."""
    return _KIND_WORDS.get(kind) or kind.lower().replace("_", " ")


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a set-aside block stands and what was wrong with it, as the parser saw it.

    ``previous`` is the kind of the block before it (footnotes and page
    breaks passed over; None at the start), ``expected`` the kinds the
    grammar could have taken there, and ``detail`` what a problem needs
    besides (the number of the paragraph an adopting paragraph follows).
    """

    problem: Problem
    kind: BlockKind
    previous: BlockKind | None = None
    expected: frozenset[BlockKind] = frozenset()
    detail: str = ""

    @property
    def reason(self) -> str:
        """The placement in words: "unrecognised", "out of order: a heading after the title" …"""
        if self.problem is Problem.UNRECOGNISED:
            return "unrecognised"
        return f"out of order: {self.description}"

    @property
    def description(self) -> str:
        """What stands where: "a preambular paragraph after the operative part"."""
        what = kind_words(self.kind)
        problem = self.problem
        if problem is Problem.UNRECOGNISED:
            return f"{what} not part of a resolution"
        if problem is Problem.AFTER_OPERATIVE:
            return f"{what} after the operative part"
        if problem is Problem.BEFORE_OPENER:
            return f'{what} before "The General Assembly,"'
        if problem is Problem.NO_PARAGRAPH:
            return f"{what} with no paragraph to belong to"
        if problem is Problem.SECOND_OPENER:
            return 'a second "The General Assembly," in the same part'
        if problem is Problem.ADOPTING_AFTER_TEXT:
            return f"the paragraph adopting a text after paragraph {self.detail} of that text"
        return f"{what} after {kind_words(self.previous)}" if self.previous else f"{what} at the start"


@dataclass(slots=True)
class UnrecognisedBlock:
    """A block the parser set aside: unrecognised, or where the grammar does not expect it."""

    text: str
    span: Span
    placement: Placement

    @property
    def kind(self) -> BlockKind:
        """The block's kind as the readers classified it."""
        return self.placement.kind

    @property
    def reason(self) -> str:
        return self.placement.reason


@dataclass(slots=True)
class Part:
    """One resolution body: the whole resolution, or one part (A, B, C …) of it."""

    label: str | None = None
    headings: list[Heading] = field(default_factory=list)
    opener: Paragraph | None = None
    opener_comma: bool = True
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    plenary: PlenaryLine | None = None
    span: Span | None = None
    sections: list[Section] = field(default_factory=list)

    def operative_groups(self) -> list[list[Paragraph]]:
        """The operative paragraphs by the innermost section that holds them
        (those before the first section are one group): where the choice of
        numbered or unnumbered paragraphs is judged."""
        return self._groups(self.operative, "operative")

    def preamble_groups(self) -> list[list[Paragraph]]:
        """The preamble, then each section's own short preamble: where the
        sequence of opening phrases ("Recalling", "Recalling also") runs."""
        return self._groups(self.preamble, "preamble")

    def _groups(self, paragraphs: list[Paragraph], field_name: str) -> list[list[Paragraph]]:
        if not self.sections:
            return [paragraphs] if paragraphs else []
        inside = {id(p): id(s) for top in self.sections for s in top.walk() for p in getattr(s, field_name)}
        groups: dict[int, list[Paragraph]] = {}
        for p in paragraphs:
            groups.setdefault(inside.get(id(p), 0), []).append(p)
        return list(groups.values())


@dataclass(slots=True)
class TableNote:
    """A note of a table that the text does not carry ("a See A/75/383.")."""

    text: str
    span: Span


# ---------------------------------------------------------------- annexes
# An annex is a document of its own (resolint/annex.py, grammar/annex.lark):
# parts, chapters, articles with their titles, lettered and roman sections,
# subject headings and separators, each holding its paragraphs.


@dataclass(slots=True)
class AnnexDivision:
    """A division of an annex: "Part one", "Chapter I", "Article 1" and its title,
    "A. Introduction", "Preamble", a subject heading ("Commitments"), a separator."""

    kind: Literal["part", "chapter", "section", "article", "roman", "letter", "preamble", "heading", "separator"]
    label: str  # as written: "Article 1", "Part one", "A.", "Commitments", "* * *"
    span: Span  # the heading itself (label and title)
    title: str = ""  # "Purpose" under "Article 1", "Introduction" under "A."
    end: int = 0  # where the division's text ends
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[AnnexDivision] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.title and self.title != self.label:
            return f"{self.label} {self.title}" if self.label.endswith((".", ")")) else f"{self.label}. {self.title}"
        return self.label


@dataclass(slots=True)
class Annex:
    label: str
    span: Span
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str = ""  # "Doha Programme of Action for the Least Developed Countries"
    # How the annex is built: "resolution" (its own "The General Assembly,"),
    # "declaration" ("We, the Heads of State …"), "instrument" ("The States
    # Parties to this Convention,"), or "" (a programme, guidelines, a list).
    built_like: str = ""
    divisions: list[AnnexDivision] = field(default_factory=list)  # the top-level divisions, nested
    body: Part | None = None  # the resolution an annex built like one carries

    @property
    def resolution_rules_apply(self) -> bool:
        """Do the resolution's own rules (opener lexicon, paragraph endings,
        operative numbering) judge this annex?  Only when it is built like a
        resolution, with its own "The General Assembly,"."""
        return self.body is not None


@dataclass(slots=True)
class Document:
    source: Source
    format: Literal["markdown", "text"]
    plain: str  # the text with markup blanked to spaces: same length, same offsets
    kind: DocumentKind = "fragment"
    header: Header = field(default_factory=Header)
    title: Title | None = None
    parts: list[Part] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    markers: list[FootnoteMarker] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    unrecognised: list[UnrecognisedBlock] = field(default_factory=list)
    table_notes: list[TableNote] = field(default_factory=list)
    other_organ: tuple[str, Span] | None = None
    suppressions: list = field(default_factory=list)
    body_span: Span | None = None
    # (start, end) ranges of the footnote bodies: citations there are undated by custom.
    footnote_ranges: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.source, start, end)

    @property
    def preamble(self) -> list[Paragraph]:
        return [p for part in self.parts for p in part.preamble]

    @property
    def operative(self) -> list[Paragraph]:
        return [p for part in self.parts for p in part.operative]

    def resolution_bodies(self) -> list[Part]:
        """The bodies the resolution's own rules judge: each part of the
        resolution, then each annex built like a resolution (see
        :attr:`Annex.resolution_rules_apply`).  Other annex text is not judged
        by them."""
        return self.parts + [a.body for a in self.annexes if a.body is not None]

    @property
    def plenary(self) -> PlenaryLine | None:
        for part in reversed(self.parts):
            if part.plenary:
                return part.plenary
        return None

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and subparagraph of the body and the annexes, in order."""
        tops = [p for part in self.parts for p in (*part.preamble, *part.operative)]
        tops += [p for annex in self.annexes for p in annex.paragraphs]
        return iter(paragraph_trees(tops))

    def has_resolution_structure(self) -> bool:
        """Does the text look like a resolution at all?  (A README found in a folder does not.)"""
        header = self.header
        if self.other_organ or header.adopted_span or (self.title and self.title.number) or header.draft_label:
            return True
        for part in self.parts:
            if part.opener is not None or part.plenary is not None:
                return True
            for p in part.preamble + part.operative:
                if p.opener is not None and p.opener.kind != "unknown":
                    return True
        return False

    def footnote(self, number: int) -> Footnote | None:
        for note in self.footnotes:
            if note.number == number:
                return note
        return None
