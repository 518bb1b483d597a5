"""Annexes: documents of their own after the plenary line.

A resolution may carry in its annexes a declaration, a programme of action,
draft articles, a convention, a strategy, guidelines, a statute.  They are
not built like the resolution: "Part one", "Chapter I", "Article 1" and its
title, paragraphs numbered inside each article, "Preamble", goals with
"Targets" and bulleted items, lettered sections ("A." and a title),
decimal-numbered actions ("1.1"), repeated subject headings ("Commitments"),
separators ("* * *").

The parser (``resolint/parser.py``) hands each annex to this module:

* :func:`prepare` finds the annexes (an "Annex" line after the plenary line,
  at the margin or indented), gives each block in them an annex kind, and
  hides their blocks from the resolution's grammar, which sees only the
  "Annex" line;
* :func:`build` parses each annex with ``grammar/annex.lark`` and builds its
  :class:`~resolint.model.Annex`: divisions nested as the text nests them,
  paragraphs with their items, and the resolution body of an annex built
  like one (its own "The General Assembly,").

Footnotes, their markers, dates and citations are read over the whole text,
annexes included, so the rules about them judge annex text too.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, islice
from typing import TYPE_CHECKING

from lark import Lark, Token, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer

from .grammars import grammar_text
from .kinds import PARAGRAPH_KINDS, SET_ASIDE_KINDS, TERMINAL_NAMES, AnnexKind, BlockKind
from .model import Annex, AnnexDivision, Heading, Paragraph, Part, Problem
from .readers.blocks import ANNEX, ROMAN_NUMERALS, WORD, Block, _prose, _skip_space

if TYPE_CHECKING:  # pragma: no cover
    from .parser import _Builder

# ---------------------------------------------------------------- patterns
SEPARATOR = re.compile(r"(?:\\?\*[ \t\u00a0]*){3,}$")
ARTICLE = re.compile(
    r"(?:Draft\s+)?(?:Article|Principle|Guideline|Rule|Conclusion)\s+\d{1,3}(?:\s+(?:bis|ter|quater))?\.?$", re.I
)
_ORDINAL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
DIVISION = re.compile(
    rf"(Part|Chapter|Section|Title|Book)\s+([IVXLC]+|\d{{1,2}}|[A-Z]|{_ORDINAL_WORDS})\b\.?(?:\s*[.:–—-]?\s*(\S.*))?$",
    re.I,
)
ROMAN_DIVISION = re.compile(r"([IVXL]{1,6})\.(?:\s+(\S.*))?$")
LETTER_DIVISION = re.compile(r"([A-Z])\.(?:\s+(\S.*))?$")
PREAMBLE = re.compile(r"Preamble\.?$")
DECIMAL = re.compile(r"\d{1,3}(?:\.\d{1,3})+[ \t\u00a0]*\.?(?=\s)")
TABLE_NOTE = re.compile(r"[a-z][ \t\u00a0]+[A-Z]")  # "a See A/75/383.": a note of a table the text does not hold
BULLET = re.compile(r"[•●▪◦‣∙][ \t\u00a0]")
NUMBER_BEFORE_LABEL = re.compile(r"(\d{1,3})\.(?=[ \t\u00a0]+\()")
# Any letters up to five ("(aa)", "(xviii)"): wider than blocks.LABEL, as an annex's lists run long.
LABEL = re.compile(r"\(([a-z]{1,5})\)(?=\s)")
BARE_LABEL = re.compile(r"\(([a-z]{1,5})\)$")
PARTIES = re.compile(r"(?:The\s+(?:States\s+)?Parties\b|The\s+(?:High\s+)?Contracting\s+Parties\b|We,\s)")
_FINAL = ",;.!?"

# What the resolution's grammar sees of an annex's inner blocks: nothing, as of a page break.
_MASK = BlockKind.PAGE_BREAK
_IGNORED = frozenset((AnnexKind.FOOTNOTE, AnnexKind.PAGE_BREAK))  # annex kinds the grammar never sees
# The blocks :func:`prepare` looks at: an "Annex" line or an unrecognised block,
# and after the plenary line a heading, paragraph or part label that reads "Annex".
_BEFORE_PLENARY = frozenset((BlockKind.ANNEX, BlockKind.UNRECOGNISED))
_AFTER_PLENARY = _BEFORE_PLENARY | {BlockKind.HEADING, BlockKind.PLAIN, BlockKind.PART_LABEL}


class _TokenLexer(Lexer):
    """The annex's tokens are made by :func:`_classify`, one per block: the
    lexer hands them on."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, data):
        return iter(data)


@lru_cache(maxsize=1)
def annex_parser() -> Lark:
    text = grammar_text("annex.lark")
    return Lark(text, parser="lalr", lexer=_TokenLexer, cache=True, maybe_placeholders=False)


@dataclass(slots=True)
class _Region:
    start: int  # index of the "Annex" block
    end: int  # one past the last block
    kinds: list[AnnexKind] = field(default_factory=list)  # annex kind of each block start..end
    division_kinds: dict[int, str] = field(default_factory=dict)  # block index -> part, chapter, article …
    number_then_label: set[int] = field(default_factory=set)  # "3. (a) Each State Party …"


# ---------------------------------------------------------------- prepare
def prepare(builder: _Builder, kinds: list[BlockKind]) -> list[BlockKind]:
    """Find the annexes, classify their blocks, and return the block kinds the
    resolution's grammar reads: an annex is its "Annex" line alone there.

    Outside annexes it also reads two blocks the resolution's classifier does
    not know: a separator ("* * *", which Markdown drops as a rule) is set
    aside like a page break, and an action numbered "1.1" is a paragraph.
    """
    blocks, plain, text = builder.blocks, builder.plain, builder.source.text
    if builder.doc.format == "markdown":
        kinds = _markdown_separators(builder, kinds)
    kinds = list(kinds)
    regions: dict[int, _Region] = {}
    starts: list[int] = []
    try:
        plenary = kinds.index(BlockKind.PLENARY)
    except ValueError:  # a draft: no plenary line
        plenary = len(kinds)
    # Only a few kinds can start an annex or need a second look: find them
    # without a test per block in Python, most documents have none after the plenary line.
    candidates = _indexes_of(kinds, _BEFORE_PLENARY, 0, plenary)
    candidates += _indexes_of(kinds, _AFTER_PLENARY, plenary + 1, len(kinds))
    for index in candidates:
        kind = kinds[index]
        block = blocks[index]
        if kind is BlockKind.ANNEX or (index > plenary and ANNEX.match(_first_line(plain, block))):
            starts.append(index)
        elif kind is BlockKind.UNRECOGNISED:
            first = _first_line(text, block)
            if SEPARATOR.match(first):
                kinds[index] = _MASK
            elif _decimal(plain, block):
                block.kind = kinds[index] = BlockKind.PLAIN
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        # A title after the block that follows the "Annex" line: a resolution of its own follows.
        # (kinds[i] is blocks[i].kind there: only earlier annexes and set-aside separators differ.)
        try:
            end = kinds.index(BlockKind.TITLE, start + 2, end)
        except ValueError:
            pass
        region = _Region(start, end)
        _classify(region, blocks, plain, text, builder.doc.format == "text")
        regions[start] = region
        kinds[start] = BlockKind.ANNEX
        kinds[start + 1 : end] = [_MASK] * (end - start - 1)
    builder.annex_regions = regions
    return kinds


def _indexes_of(kinds: list[BlockKind], wanted: frozenset[BlockKind], start: int, stop: int) -> list[int]:
    """The indexes from ``start`` to ``stop`` whose kind is one of ``wanted``, in order
    (``[i for i in range(start, stop) if kinds[i] in wanted]``, looped in C)."""
    return list(compress(range(start, stop), map(wanted.__contains__, islice(kinds, start, stop))))


def _markdown_separators(builder: _Builder, kinds: list[BlockKind]) -> list[BlockKind]:
    """Markdown blanks "* * *" as emphasis markup, so no block holds it: give
    each separator line a block of its own, a page break to the resolution's
    grammar (as the plain-text one is) and a separator inside an annex."""
    text = builder.source.text
    if "* * *" not in text and "\\* \\* \\*" not in text:
        return kinds
    blocks = builder.blocks
    added = []
    for m in re.finditer(r"^[ \t]*((?:\\?\*[ \t]*){3,})$", text, re.M):
        added.append(Block(BlockKind.PAGE_BREAK, m.start(1), m.end(1), m.start(1)))
        added[-1].segments = [(m.start(1), m.end(1))]
    if not added:
        return kinds
    merged = sorted(blocks + added, key=lambda b: b.start)
    blocks[:] = merged
    return [b.kind for b in blocks]


def _decimal(plain: str, block: Block) -> re.Match | None:
    """ "1.1 . Raise awareness …": an action numbered inside its objective (a
    sentence follows the number, so "2.5 million people" is not one)."""
    # Most blocks start with a letter: one test spares the pattern (\d is a decimal digit).
    if not plain[block.content_start : block.content_start + 1].isdecimal():
        return None
    m = DECIMAL.match(plain, block.content_start, block.end)
    if m is None:
        return None
    after = _skip_space(plain, m.end(), block.end)
    return m if after < block.end and plain[after].isupper() else None


def _text_start(block: Block) -> int:
    """Where the block's text starts, its number or label included."""
    if block.label_start >= 0:
        return block.label_start
    return block.number_start if block.number_start >= 0 else block.content_start


def _first_line(text: str, block: Block, start: int = -1) -> str:
    """The block's first line, stripped, without copying the lines after it."""
    start = block.content_start if start < 0 else start
    end = block.end
    while start < end and text[start].isspace():
        start += 1
    newline = text.find("\n", start, end)
    return text[start : end if newline < 0 else newline].strip()


def _heading_like(line: str, block: Block, margin: bool = False) -> bool:
    """A short line with no final punctuation: a heading of the annex."""
    if not line or len(line) > 250:
        return False
    words = WORD.findall(line)
    if not words or len(words) > 40:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "“\"‘'"):
        return False
    end = line.rstrip("”’\"')]*_ ")
    if not end:
        return False
    if end[-1] == ":":
        # "Targets:", a bold or unindented "We commit to taking the following actions:"
        return block.heading or len(words) <= 3 or (margin and not block.indented)
    if end[-1].isdigit() and len(end) > 1 and end[-2] in _FINAL:  # "Convention,2": a footnote marker
        return False
    return end[-1] not in _FINAL


@dataclass(slots=True)
class _Reading:
    """What the classifier carries from one block of an annex to the next."""

    region: _Region
    blocks: list[Block]
    plain: str
    text: str
    margin: bool  # paragraphs are indented and headings stand at the margin (the plain-text export)
    expect_title: bool = True  # the first heading after the label is the annex's title
    bare_label: bool = False  # "Article 1", "A.": the heading after it is its title
    last_roman: str | None = None  # the roman item the list is at, None outside a roman list
    last_letter: str | None = None
    last_section: str | None = None  # the letter of the last "A.", "B." section
    previous_paragraph: Block | None = None


@dataclass(slots=True)
class _Line:
    """One block of an annex as the classifier reads it."""

    index: int
    block: Block
    main: str  # the kind the resolution's classifier gave it
    line: str  # its first line, number or label included, markup blanked
    text_start: int  # where its text starts, number or label included
    one_line: bool


# Kinds the classifier tests every block against, as sets built once.
_CONTINUED = frozenset((BlockKind.PLAIN, BlockKind.UNRECOGNISED, BlockKind.HEADING))  # may go on a broken paragraph
_LIST_ITEMS = frozenset((AnnexKind.LETTERED, AnnexKind.ROMAN))
# The annex kinds a block broken by a page may go on.
_PARAGRAPH_LEVEL = frozenset(
    (
        AnnexKind.NUMBERED,
        AnnexKind.DECIMAL,
        AnnexKind.PLAIN,
        AnnexKind.PREAMBULAR,
        AnnexKind.OPERATIVE,
        AnnexKind.LETTERED,
        AnnexKind.ROMAN,
        AnnexKind.BULLET,
    )
)
_RESOLUTION_LINES = frozenset((BlockKind.PLENARY, BlockKind.OPENER))
_NUMBERED_KINDS = frozenset((BlockKind.NUMBERED, BlockKind.NUMBERED_PREAMBULAR))
_OPERATIVE_KINDS = frozenset((BlockKind.UNNUMBERED_OPERATIVE, BlockKind.INTRODUCING))
_PLAIN_KINDS = frozenset((BlockKind.PLAIN, BlockKind.TITLE, BlockKind.HEADING, BlockKind.ORIGIN, BlockKind.ADOPTED))
_TITLE_GOES_ON = (";", ":", ",", "–", "—")

# The first character each label pattern can match, so that most lines (a
# number, a sentence) are turned away by one set test instead of a pattern
# each.  ARTICLE and DIVISION ignore case: "ſ" (long s) matches "s" there.
_BARE_LABEL_INITIALS = frozenset("(")
_ARTICLE_INITIALS = frozenset("DdAaPpGgRrCc")  # Draft, Article, Principle, Guideline, Rule, Conclusion
_PREAMBLE_INITIALS = frozenset("P")
_DIVISION_INITIALS = frozenset("PpCcSsTtBbſ")  # Part, Chapter, Section, Title, Book
_LABEL_INITIALS = _BARE_LABEL_INITIALS | _ARTICLE_INITIALS | _PREAMBLE_INITIALS | _DIVISION_INITIALS
_ROMAN_INITIALS = frozenset("IVXL")
_LETTER_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_BULLETS = frozenset("•●▪◦‣∙")  # BULLET's first character


def _separator(text: str, block: Block) -> bool:
    """Is the block's first line, as written, a separator ("* * *", "\\\\* \\\\* \\\\*")?"""
    first = text[block.content_start : block.content_start + 1]
    # Most blocks start with a letter or a digit: no line to cut out for the pattern.
    if first not in ("*", "\\") and not first.isspace():
        return False
    return SEPARATOR.match(_first_line(text, block)) is not None


def _classify(region: _Region, blocks: list[Block], plain: str, text: str, margin: bool) -> None:
    """The annex kind of each block of the annex.  ``margin``: paragraphs are
    indented and headings stand at the margin (the plain-text export)."""
    state = _Reading(region, blocks, plain, text, margin)
    kinds = region.kinds
    kinds.append(AnnexKind.ANNEX)
    for index in range(region.start + 1, region.end):
        block = blocks[index]
        main = block.kind
        if main in SET_ASIDE_KINDS:
            if _separator(text, block):
                kinds.append(AnnexKind.SEPARATOR)
                state.expect_title = state.bare_label = False
            else:
                kinds.append(AnnexKind(main))
            continue
        text_start = _text_start(block)
        line = _first_line(plain, block, text_start)
        newline = plain.find("\n", block.content_start, block.end)
        one_line = newline < 0 or not plain[newline : block.end].strip()
        if line[:1].islower() and state.previous_paragraph is not None and main in _CONTINUED:
            # "law. States Parties shall not …": the rest of a paragraph a page broke.
            state.previous_paragraph.segments.append((block.start, block.end))
            state.previous_paragraph.end = block.end
            kinds.append(AnnexKind.PAGE_BREAK)
            continue
        item = _Line(index, block, main, line, text_start, one_line)
        division = _division(state, item)
        if division is not None:
            kind, name, bare = division
        else:
            kind, name, bare = _numbered(state, item) or _labelled(state, item) or _text_kind(state, item), "", False
        if kind not in _LIST_ITEMS:
            state.last_roman = None
            if kind != AnnexKind.BULLET:
                state.last_letter = None
        kind = _title(state, item, kind)
        if name:
            region.division_kinds[index] = name
        # A title that ends with ";" or ":" goes on on the next line.
        state.expect_title = kind == AnnexKind.TITLE and line.rstrip().endswith(_TITLE_GOES_ON)
        state.bare_label = bare
        kinds.append(kind)
        state.previous_paragraph = block if kind in _PARAGRAPH_LEVEL else None


def _division(state: _Reading, item: _Line) -> tuple[str, str, bool] | None:
    """A label or heading that opens a division, a separator, the annex's own
    opener or plenary line: (annex kind, division kind, bare label) or None."""
    line, one_line, main = item.line, item.one_line, item.main
    first = line[:1]
    if one_line and first in _LABEL_INITIALS:
        if first in _BARE_LABEL_INITIALS and BARE_LABEL.match(line):
            # "(a)" alone, then "(a) Transport": a lettered subject heading
            return AnnexKind.DIVISION, "subheading", True
        # "Article 1", "Preamble", "Chapter II" under a bare "Chapter I" are labels of their own, not its title.
        if first in _ARTICLE_INITIALS and ARTICLE.match(line):
            return AnnexKind.ARTICLE, "article", True
        if first in _PREAMBLE_INITIALS and PREAMBLE.match(line):
            return AnnexKind.PREAMBLE_HEADING, "preamble", True
        if (
            first in _DIVISION_INITIALS
            and len(line) <= 250
            and (m := DIVISION.match(line))
            and not line.endswith((";", ","))
        ):
            return AnnexKind.DIVISION, m.group(1).lower(), not m.group(3)
    if (
        state.bare_label
        and state.region.kinds[-1] == AnnexKind.DIVISION
        and _heading_like(LABEL.sub("", line, 1).strip(), item.block)
    ):
        return AnnexKind.HEADING, "", False
    if _separator(state.text, item.block):
        return AnnexKind.SEPARATOR, "", False
    if main in _RESOLUTION_LINES:
        return AnnexKind(main), "", False
    if main == BlockKind.PART_LABEL:
        return AnnexKind.DIVISION, "part", True  # "B": a part of the annex, or of the resolution
    if not one_line or first not in _LETTER_INITIALS:  # roman numerals are capitals too
        return None
    if (
        first in _ROMAN_INITIALS
        and (m := ROMAN_DIVISION.match(line))
        and (not m.group(2) or _heading_like(line, item.block))
    ):
        # "I." after "H." is the next lettered section, not roman one.
        last = state.last_section
        follows_letter = last is not None and m.group(1) == chr(ord(last) + 1)
        if follows_letter:
            state.last_section = m.group(1)
        return AnnexKind.DIVISION, "letter" if follows_letter else "roman", not m.group(2)
    if (m := LETTER_DIVISION.match(line)) and (not m.group(2) or _heading_like(line, item.block)):
        state.last_section = m.group(1)
        return AnnexKind.DIVISION, "letter", not m.group(2)
    return None


def _numbered(state: _Reading, item: _Line) -> str:
    """A decimal action ("1.1 ."), a table note, a bullet, a numbered
    paragraph: its annex kind, or ""."""
    plain, block, main = state.plain, item.block, item.main
    if (m := _decimal(plain, block)) is not None:
        block.number_start, block.number_end = m.start(), m.end()
        block.content_start = _skip_space(plain, m.end(), block.end)
        if main == BlockKind.UNRECOGNISED:
            block.kind = BlockKind.PLAIN
        return AnnexKind.DECIMAL
    if main not in PARAGRAPH_KINDS and item.one_line and TABLE_NOTE.match(item.line):
        return AnnexKind.NOTE
    if plain[block.content_start : block.content_start + 1] in _BULLETS and BULLET.match(
        plain, block.content_start, block.end
    ):
        return AnnexKind.BULLET
    if main in _NUMBERED_KINDS:
        return AnnexKind.NUMBERED
    return ""


def _labelled(state: _Reading, item: _Line) -> str:
    """A paragraph whose first words are an item ("3. (a) Each State Party …")
    or a lettered or roman item ("(a) …", "(iv) …"): its annex kind, or ""."""
    plain, block = state.plain, item.block
    # Both patterns start with their first character: a digit, a parenthesis.
    if plain[block.content_start : block.content_start + 1].isdecimal() and (
        m := NUMBER_BEFORE_LABEL.match(plain, block.content_start, block.end)
    ):
        block.kind = BlockKind.NUMBERED
        block.number = m.group(1) + "."
        block.number_start, block.number_end = m.start(1), m.end()
        block.content_start = _skip_space(plain, m.end(), block.end)
        state.region.number_then_label.add(item.index)
        return AnnexKind.NUMBERED
    start = item.text_start  # as the block stands: _numbered changed it only for a decimal action
    if plain[start : start + 1] != "(" or (m := LABEL.match(plain, start, block.end)) is None:
        return ""
    label = m.group(1)
    # Only a roman numeral needs the next label to tell it from a letter.
    following = _next_label(state.blocks, plain, item.index, state.region.end) if label in ROMAN_NUMERALS else None
    roman = _roman_here(label, state.last_letter, state.last_roman, following)
    block.kind = BlockKind.ROMAN if roman else BlockKind.LETTERED
    block.label = f"({label})"
    block.label_start, block.label_end = m.start(), m.end()
    block.content_start = _skip_space(plain, m.end(), block.end)
    if roman:
        state.last_roman = label
    else:
        state.last_letter = label
        inner = LABEL.match(plain, block.content_start, block.end)  # "(a) (i) The conversion …"
        state.last_roman = "i" if inner and inner.group(1) == "i" else None
        if state.last_roman:
            state.region.number_then_label.add(item.index)
    return block.kind


def _text_kind(state: _Reading, item: _Line) -> str:
    """An unnumbered block: the parties' opener, a heading, a paragraph, or
    text that belongs to no document."""
    line, main = item.line, item.main
    if (
        main != BlockKind.HEADING
        and PARTIES.match(line)
        and line.rstrip().endswith(",")
        and item.one_line
        and len(line) < 300
    ):
        return AnnexKind.PARTIES_OPENER
    if item.one_line and (main == BlockKind.HEADING or _heading_like(line, item.block, state.margin)):
        return AnnexKind.HEADING
    if main == BlockKind.PREAMBULAR:
        return AnnexKind.PREAMBULAR
    if main in _OPERATIVE_KINDS:
        return AnnexKind.OPERATIVE
    if main in _PLAIN_KINDS or _prose(line):
        return AnnexKind.PLAIN
    return AnnexKind.UNRECOGNISED


def _title(state: _Reading, item: _Line, kind: str) -> str:
    """A heading right after the label (or after a title that runs on) is the
    annex's title; one under a bare label ("Article 1") is that label's title."""
    if not (state.expect_title or state.bare_label):  # most blocks: nothing to title
        return kind
    line = item.line
    if (
        state.expect_title
        and kind in (AnnexKind.PLAIN, AnnexKind.OPERATIVE)
        and item.one_line
        and len(line) <= 300
        and not line.endswith(",")
        and not _sentence(line)
    ):
        kind = AnnexKind.HEADING  # "United Nations Convention against Cybercrime; Strengthening …"
    if kind == AnnexKind.HEADING and state.expect_title:
        return AnnexKind.TITLE
    if kind == AnnexKind.HEADING and state.bare_label:
        return AnnexKind.LABEL_TITLE
    return kind


_ROMAN_ORDER = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()


def _next_label(blocks: list[Block], plain: str, index: int, end: int) -> str | None:
    """The label of the next labelled item, if the next paragraph-level block is one."""
    for following in blocks[index + 1 : min(end, index + 4)]:
        if following.kind in SET_ASIDE_KINDS:
            continue
        m = LABEL.match(plain, following.label_start if following.label_start >= 0 else following.content_start)
        return m.group(1) if m else None
    return None


def _roman_here(label: str, last_letter: str | None, last_roman: str | None, following: str | None) -> bool:
    """Is "(label)" a roman item, from the list around it?  "(i)" after "(h)"
    is the letter when "(j)" follows; "(v)" after "(u)" is a letter; "(viii)"
    after "(vii)" is roman, in a long lettered list or not."""
    if label not in ROMAN_NUMERALS:
        return False
    if last_roman is not None and label == _ROMAN_ORDER[min(_ROMAN_ORDER.index(last_roman) + 1, 19)]:
        return True  # the next roman item: (vii), (viii)
    expected_letter = chr(ord(last_letter[-1]) + 1) if last_letter and len(last_letter) == 1 else "a"
    if label == expected_letter:
        # (i) after (h), (v) after (u), (x) after (w): the letter, unless the next is (ii).
        return following == "ii"
    return label == "i" or last_roman is not None


def _sentence(line: str) -> bool:
    """Does the line read as a sentence (a full stop inside or at its end)?"""
    return line.rstrip("”’\"') ").endswith(".") or ". " in line


# ---------------------------------------------------------------- build
def build(builder: _Builder, tree: Tree) -> Annex:
    """The annex whose "Annex" line opens ``tree`` (the resolution grammar's
    annex), parsed with its own grammar."""
    start = tree.children[0].start_pos
    region: _Region = builder.annex_regions[start]
    blocks = builder.blocks
    first = blocks[start]
    label = builder.plain[first.content_start : first.end].strip()
    annex = Annex(label=label, span=builder._span(first.start, first.end))
    builder.doc.headings.append(Heading(text=label, span=annex.span, kind="annex"))
    tokens = []
    end = first.end  # the end of the last block the grammar reads or sets aside
    for index, kind in enumerate(region.kinds, start):
        if kind in _IGNORED:
            continue
        if blocks[index].end > end:
            end = blocks[index].end
        if kind is AnnexKind.UNRECOGNISED:
            builder._set_aside(index, Problem.UNRECOGNISED)
            continue
        name = TERMINAL_NAMES[kind]
        tokens.append(Token(name, name, index))
    try:
        annex_tree = annex_parser().parse(tokens)
    except LarkError:
        annex_tree = None
    walker = _Walker(builder, region, annex)
    if annex_tree is not None:
        walker.walk(annex_tree.children[0])
    else:  # the classifier promised the grammar more than it keeps: read the annex flat
        walker.flat(tokens)
    annex.span = builder._span(first.start, end)
    walker.close(end)
    _after_annex(builder, annex, tree.children[1:])
    return annex


def _after_annex(builder: _Builder, annex: Annex, children: list[Tree | Token]) -> None:
    """The blocks after the annex's region that the resolution's grammar still
    gave it.  A resolution of its own ("77/2. …" and its opener, paragraphs
    and plenary line) is a body of the document, judged by the resolution's
    rules like a part; other blocks (none in a well-formed text) are kept as
    the annex's headings and paragraphs."""
    if any(isinstance(c, Token) and c.type == BlockKind.OPENER for c in children):
        builder.doc.parts.append(_resolution_after_annex(builder, children))
        return
    blocks = builder.blocks
    for child in children:
        if isinstance(child, Token):
            block = blocks[child.start_pos]
            heading = Heading(
                text=builder.plain[block.content_start : block.end].strip(), span=builder._span(block.start, block.end)
            )
            annex.headings.append(heading)
            builder.doc.headings.append(heading)
            end = block.end
        else:
            paragraph = builder._paragraph_tree(child, "operative")
            for p in paragraph.walk():
                p.introduced = True
            annex.paragraphs.append(paragraph)
            end = paragraph.span.end
        annex.span = builder._span(annex.span.start, end)


_PREAMBLE_HEADS = frozenset((BlockKind.PREAMBULAR, BlockKind.PLAIN, BlockKind.NUMBERED_PREAMBULAR))


def _resolution_after_annex(builder: _Builder, children: list[Tree | Token]) -> Part:
    """A resolution after an annex (its title, opener, preamble, operative
    part and plenary line), read as the resolution grammar reads a body."""
    blocks = builder.blocks
    part = Part()
    start = end = -1
    for child in children:
        if isinstance(child, Token):
            block = blocks[child.start_pos]
            if child.type == BlockKind.OPENER and part.opener is None:
                part.opener = builder._paragraph(block, "plain")
                part.opener_comma = builder.plain[block.content_start : block.end].rstrip().endswith(",")
            elif child.type == BlockKind.PLENARY and part.plenary is None:
                part.plenary = builder._plenary(block)
            else:  # its title, a heading
                builder._heading(child)
            start = block.start if start < 0 else start
            end = block.end
            continue
        head = child.children[0]
        if isinstance(head, Tree):  # a subparagraph with no paragraph before it
            paragraph = builder._paragraph_tree(child, "subparagraph")
            last = (part.operative or part.preamble)[-1:]
            (last[0].subparagraphs if last else part.operative).append(paragraph)
        elif head.type in _PREAMBLE_HEADS and not part.operative:
            paragraph = builder._paragraph_tree(child, "preambular")
            part.preamble.append(paragraph)
        else:
            paragraph = builder._paragraph_tree(child, "plain" if head.type == BlockKind.PLAIN else "operative")
            part.operative.append(paragraph)
        start = paragraph.span.start if start < 0 else start
        end = paragraph.span.end
    part.span = builder._span(start, end)
    return part


class _Walker:
    """Builds the annex's model from its tree: divisions nested by rank."""

    _RANK = {
        "part": 1,
        "book": 1,
        "title": 1,
        "chapter": 2,
        "section": 3,
        "article": 6,
        "heading": 8,
        "separator": 8,
        "subheading": 9,
    }

    def __init__(self, builder: _Builder, region: _Region, annex: Annex):
        self.builder = builder
        self.region = region
        self.annex = annex
        self.stack: list[tuple[float, AnnexDivision]] = []
        self.dynamic: dict[str, float] = {}
        self.body: Part | None = None

    # -------------------------------------------------------- divisions
    def _rank(self, kind: str) -> float:
        if kind in self._RANK:
            return self._RANK[kind]
        if kind == "preamble":
            return 1
        # Roman and lettered sections: the style that comes first holds the other.
        return self.dynamic.setdefault(kind, 4 + 0.5 * len(self.dynamic))

    def _open(self, kind: str, label_token: Token, title_token: Token | None) -> None:
        b = self.builder
        block = b.blocks[label_token.start_pos]
        label = b.plain[_text_start(block) : block.end].strip()
        end = block.end
        title = ""
        if title_token is not None:
            tblock = b.blocks[title_token.start_pos]
            title = " ".join(b.plain[tblock.content_start : tblock.end].split())
            end = tblock.end
        label = " ".join(label.split())
        m = None
        if kind in ("part", "chapter", "section", "book", "title"):
            m = DIVISION.match(label)
            group = 3
        elif kind in ("roman", "letter"):
            m = ROMAN_DIVISION.match(label) if kind == "roman" else LETTER_DIVISION.match(label)
            group = 2
        if m is not None and m.group(group):
            title = title or m.group(group)
            label = label[: m.start(group)].rstrip(" .:–—-") + "."
        if title.startswith(label) and title != label:  # "(a)" then "(a) Transport"
            title = title[len(label) :].strip()
        span = b._span(block.start, end)
        division = AnnexDivision(kind=kind, label=label, span=span, title=title, end=end)
        rank = self._rank(kind)
        while self.stack and (self.stack[-1][0] >= rank or (self.stack[-1][1].kind == "preamble" and rank < 8)):
            self.stack.pop()
        (self.stack[-1][1].children if self.stack else self.annex.divisions).append(division)
        self.stack.append((rank, division))
        heading_kind = {"article": "article", "separator": "separator", "heading": "heading"}.get(kind, "division")
        heading = Heading(text=division.name, span=span, kind=heading_kind)
        self.annex.headings.append(heading)
        b.doc.headings.append(heading)

    def _add(self, paragraph: Paragraph) -> None:
        self.annex.paragraphs.append(paragraph)
        if self.stack:
            self.stack[-1][1].paragraphs.append(paragraph)

    def close(self, end: int) -> None:
        def finish(divisions: list[AnnexDivision], limit: int) -> None:
            for d, following in zip(divisions, [*divisions[1:], None], strict=False):
                d.end = following.span.start if following is not None else limit
                finish(d.children, d.end)

        finish(self.annex.divisions, end)

    # -------------------------------------------------------- tree
    def walk(self, tree: Tree) -> None:
        for child in tree.children:
            if isinstance(child, Token):
                if child.type == AnnexKind.ANNEX:
                    continue
                if child.type == AnnexKind.PLENARY:
                    self._plenary(child)
                continue
            self._item(child)

    def _item(self, tree: Tree) -> None:
        data = tree.data
        if data == "annex_title":
            b = self.builder
            lines = []
            for token in tree.children:
                block = b.blocks[token.start_pos]
                lines.append(" ".join(b.plain[block.content_start : block.end].split()))
                heading = Heading(text=lines[-1], span=b._span(block.start, block.end))
                self.annex.headings.append(heading)
                b.doc.headings.append(heading)
            self.annex.title = " ".join(lines)
        elif data in ("division", "article"):
            label = tree.children[0]
            title = tree.children[1] if len(tree.children) > 1 else None
            kind = self.region.division_kinds.get(label.start_pos, "heading")
            if label.type == AnnexKind.HEADING:
                kind = "heading"
            self._open(kind, label, title)
        elif data == "separator":
            token = tree.children[0]
            self._open("separator", token, None)
        elif data == "opening":
            token = tree.children[0]
            self._add(self._paragraph(token, "plain"))
            line = self.builder.plain[self.builder.blocks[token.start_pos].content_start :].lstrip()
            self.annex.built_like = self.annex.built_like or ("declaration" if line.startswith("We") else "instrument")
        elif data == "paragraph":
            self._add(self._paragraph_tree(tree))
        elif data == "note":
            self._add(self._paragraph(tree.children[0], "plain"))
        elif data == "items":
            for sub in tree.children:
                self._add(self._sub(sub))
        elif data == "resolution_body":
            self._resolution_body(tree)

    def _resolution_body(self, tree: Tree) -> None:
        b = self.builder
        part = Part()
        self.annex.built_like = "resolution"
        self.annex.body = part
        for child in tree.children:
            if isinstance(child, Token):
                block = b.blocks[child.start_pos]
                if child.type == AnnexKind.OPENER:
                    part.opener = b._paragraph(block, "plain")
                    part.opener_comma = b.plain[block.content_start : block.end].rstrip().endswith(",")
                    part.span = b._span(block.start, block.end)
                elif child.type == AnnexKind.PLENARY:
                    part.plenary = b._plenary(block)
                continue
            paragraph = self._paragraph_tree(child, judged=True)
            if paragraph.kind == "preambular" and not part.operative:
                part.preamble.append(paragraph)
            else:
                if paragraph.kind == "preambular":
                    paragraph.kind = "operative"
                part.operative.append(paragraph)
            self._add(paragraph)

    def _plenary(self, token: Token) -> None:
        if self.annex.body is not None and self.annex.body.plenary is None:
            self.annex.body.plenary = self.builder._plenary(self.builder.blocks[token.start_pos])

    def _paragraph(self, token: Token, kind: str, judged: bool = False) -> Paragraph:
        b = self.builder
        block = b.blocks[token.start_pos]
        p = b._paragraph(block, kind)
        if token.type == AnnexKind.DECIMAL:
            m = DECIMAL.match(b.plain, block.number_start, block.end)
            p.number = m.group(0).replace(" ", "").replace("\t", "").rstrip(".")
            p.number_span = b._span(m.start(), m.end())
        p.introduced = not judged
        return p

    def _paragraph_tree(self, tree: Tree, judged: bool = False) -> Paragraph:
        head = tree.children[0]
        kind = "preambular" if head.type == AnnexKind.PREAMBULAR else "operative"
        p = self._paragraph(head, kind, judged)
        self._inline_item(head, p, judged)
        for sub in tree.children[1:]:
            p.subparagraphs.append(self._sub(sub, judged))
        return p

    def _inline_item(self, head: Token, p: Paragraph, judged: bool) -> None:
        """ "3. (a) Each State Party …", "(a) (i) The conversion …": the first
        item of the paragraph's list stands on its line."""
        if head.start_pos not in self.region.number_then_label:
            return
        plain = self.builder.plain
        block = copy.copy(self.builder.blocks[head.start_pos])
        m = LABEL.match(plain, block.content_start, block.end)
        label = m.group(1)
        block.kind = BlockKind.ROMAN if label == "i" and head.type == AnnexKind.LETTERED else BlockKind.LETTERED
        block.number, block.label = None, f"({label})"
        block.label_start, block.label_end = m.start(), m.end()
        block.content_start = _skip_space(plain, m.end(), block.end)
        block.segments = list(block.segments)
        first = self.builder._paragraph(block, "subparagraph")
        first.introduced = not judged
        p.subparagraphs.append(first)

    def _sub(self, tree: Tree, judged: bool = False) -> Paragraph:
        head = tree.children[0]
        if isinstance(head, Tree):  # roman inside lettered
            head = head.children[0]
        p = self._paragraph(head, "subparagraph", judged)
        self._inline_item(head, p, judged)
        for child in tree.children[1:]:
            token = child.children[0] if isinstance(child, Tree) else child
            p.subparagraphs.append(self._paragraph(token, "subparagraph", judged))
        return p

    # -------------------------------------------------------- fallback
    def flat(self, tokens: list[Token]) -> None:
        last: Paragraph | None = None
        for token in tokens:
            if token.type in (AnnexKind.ANNEX, AnnexKind.PLENARY):
                continue
            if token.type in (
                AnnexKind.NUMBERED,
                AnnexKind.DECIMAL,
                AnnexKind.PLAIN,
                AnnexKind.PREAMBULAR,
                AnnexKind.OPERATIVE,
                AnnexKind.OPENER,
                AnnexKind.PARTIES_OPENER,
            ):
                last = self._paragraph(token, "operative")
                self._add(last)
            elif token.type in (AnnexKind.LETTERED, AnnexKind.ROMAN, AnnexKind.BULLET):
                sub = self._paragraph(token, "subparagraph")
                if last is not None:
                    last.subparagraphs.append(sub)
                else:
                    self._add(sub)
            elif token.type == AnnexKind.SEPARATOR:
                self._open("separator", token, None)
            else:
                kind = self.region.division_kinds.get(token.start_pos, "heading")
                self._open(kind, token, None)
