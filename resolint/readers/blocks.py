"""Block tokens, and the classification both readers share.

A block is one paragraph-level unit of the document: a header line, the
title, the opener, a paragraph, a subparagraph, a heading, a footnote body, a
page break, the plenary line.  Its ``kind`` is a :class:`~resolint.kinds.BlockKind`,
the terminal of ``grammar/resolution.lark`` the parser feeds it as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicon
from ..kinds import PARAGRAPH_KINDS, SET_ASIDE_KINDS, BlockKind
from ..vocabulary import COUNCILS, MONTH_NAMES, alternation

MONTHS = alternation(MONTH_NAMES)
DATE_LINE = re.compile(rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}\s*$")
PLENARY = re.compile(r"(\d+)(?:st|nd|rd|th)\s+(\(resumed\)\s+|resumed\s+)?plenary\s+meeting\b", re.I)
ADOPTED = re.compile(r"Resolutions?\s+adopted\s+by\s+the\s+General\s+Assembly\s+on\b")
ORIGIN = re.compile(r"\[?\s*(?:on the (?:report|recommendation)|without reference)\b")
SESSION = re.compile(r"(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)(?:(?:emergency\s+)?special\s+)?session$")
AGENDA = re.compile(r"(?:Provisional\s+)?[Aa]genda\s+items?\s+\d")
DISTRIBUTION = re.compile(r"Distr\.:")
# "77/176. International …"; a resolution in parts published one part a
# document: "78/183 A. Enlargement of …" (group 2 is the part).
TITLE = re.compile(r"((?:ES-|S-)?\d{1,2}/\d{1,4})(?:[ \t\u00a0]+([A-Z]))?\.\s+\S")
SYMBOL = re.compile(r"A/(?:RES/|C\.\d/|ES-\d+/|S-\d+/|\d+/)[\w./\- ]*$")
DRAFT_LABEL = re.compile(
    r"(?:[^.]{0,200}\bdraft\s+(?:resolution|decision)s?\b.{0,40}|(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee)$",
    re.I,
)
ORGAN = re.compile(r"(?:General Assembly|United Nations)$")
OPENER = re.compile(r"The\s+General\s+Assembly\b\s*(,?)")
OTHER_ORGAN = re.compile(
    rf"The\s+({alternation(COUNCILS)}|"
    r"Commission on [A-Z][\w ]+?|Conference of the Parties|Executive Board|Governing Council)\s*,"
)
ANNEX = re.compile(r"Annex(?:es)?(?:\s+[IVXL]+)?\.?$")
ACTION = re.compile(r"(?:Action|Objective)\s+\d+\b")
ROMAN_HEADING = re.compile(r"[IVXL]+\.?$")
# "A. Base/floor salary scale": a lettered section inside a section of the operative part.
SUBSECTION = re.compile(r"[A-Z]\.[ \t\u00a0]+[A-Z\u201c]")
# "6.\u200e Reaffirms", "6. \u200eReaffirms": invisible marks around the space after the number.
NUMBERED = re.compile(
    r"(\d{1,3})(\.?)((?:[ \t\u00a0]*[\u200e\u200f\u200b\u2060\ufeff])*)(?=\s|(?<=[\u200e\u200f\u200b\u2060\ufeff])\S)"
)
# Notes of a table the text does not carry: "a See A/75/383.", "*a* Reflects …", "Abbreviations: …".
TABLE_NOTE = re.compile(r"(?:([a-z])[ \t\u00a0]+[A-Z]|Abbreviations?:\s)")
NUMBER_MISTYPED = re.compile(r"(\d{1,3})(?:([ \t\u00a0]+)\.(?=\s)|\.(?=[A-Z“\"‘']))")
# "1.1 . Raise awareness …": an item of an instrument numbered in its own decimal scheme.
DECIMAL_ITEM = re.compile(r"\d{1,2}\.\d{1,2}[ \t\u00a0]*\.?[ \t\u00a0]+[A-Z\u201c]")
# "* * *": a separator between groups of paragraphs (Markdown reads it as a rule).
SEPARATOR = re.compile(r"\*(?:[ \t\u00a0]*\*){2,}$")
LABEL = re.compile(r"\(([a-z]{1,3}|[ivxl]{4,6})\)(?=\s)")
JUNK = re.compile(
    r"(?:From|To|Cc|Bcc|Subject|Sent|Date|Reply-To|Tel|Fax|E-mail|Email):\s|"
    r"\S+@\S+\.\w|https?://|www\.|\|.*\||-{3,}\s*(?:Original|Forwarded)|[<>=|+#~^]"
)
WORD = re.compile(r"[^\W\d_]+")
# "Adopts the following declaration:", "Decides to approve the following programme …:", as _words gives them.
ADOPTING = re.compile(
    r"(?:also |further )?(?:adopts|approves|endorses|proclaims|"
    r"decides to (?:adopt|approve|endorse|proclaim))\b.*\b(?:the following|as follows)\b"
)
ROMAN_NUMERALS = frozenset(
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx "
    "xxi xxii xxiii xxiv xxv xxvi xxvii xxviii xxix xxx".split()
)
_ROMAN_SUCCESSOR = {"i": "ii", "v": "vi", "x": "xi"}


@dataclass(slots=True)
class Block:
    kind: BlockKind | None  # None until the classifier has read the block
    start: int
    end: int
    content_start: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    heading: bool = False  # the surface marks it as a heading (Markdown #, bold, unindented line)
    indented: bool = False
    italic_end: int = -1  # end of the italic run that opens the block, -1 when none
    number: str | None = None
    number_start: int = -1
    number_end: int = -1
    number_problem: str | None = None
    label: str | None = None
    label_start: int = -1
    label_end: int = -1
    opener: lexicon.OpenerMatch | None = None
    opener_start: int = -1
    footnote_number: int | None = None
    footnote_number_end: int = -1
    resumes: bool = False  # the resolution's numbering goes on here, after a text it introduced


@dataclass(slots=True)
class ReadResult:
    plain: str
    blocks: list[Block]
    markers: list[tuple[int, int, int, str]]  # (number, start, end, text as written)
    metadata: dict[str, str] = field(default_factory=dict)
    body_end: int = 0  # where the document ends and any export trailer begins


def _skip_space(plain: str, pos: int, end: int) -> int:
    """The first position from ``pos`` (up to ``end``) that is not a space, tab or no-break space."""
    while pos < end and plain[pos] in " \t\u00a0":
        pos += 1
    return pos


class Classifier:
    """Decides the kind of each block from its own text and its neighbours.

    It keeps just enough state to tell an ``(i)`` that is the letter after
    ``(h)`` from an ``(i)`` that opens a roman list, and to know that a colon
    paragraph introduces numbered paragraphs that need not open with a verb.
    """

    def __init__(self, plain: str, extra_preambular=(), extra_operative=(), *, indented_paragraphs: bool = False):
        self.plain = plain
        # In the document system's export every paragraph is indented with a
        # tab; a line at the margin is a heading or a masthead line.
        self.indented_paragraphs = indented_paragraphs
        self.extra_preambular = tuple(extra_preambular)
        self.extra_operative = tuple(extra_operative)
        self.last_letter: str | None = None  # the last letter label in the current paragraph
        self.in_roman = False
        # The blocks, and the index of the one being classified: a letter list
        # and a roman list are told apart by how they go on ("(ii)" after "(i)").
        self.blocks: list[Block] = []
        self.index = 0
        # Sections of the operative part ("I" / its title; "A. Base/floor
        # salary scale").  After an annex heading the annex grammar reads its
        # own headings: a roman numeral there stays a heading or a part label.
        self.in_annex = False
        # After "Adopts the following Pact …:", the instrument's own headings
        # ("I.", "A. …") until the plenary line, or until the resolution goes
        # on: its next section numeral, or its next paragraph number.
        self.in_instrument = False
        # After any colon paragraph of the operative part, the text it
        # introduces, numbered on its own, until the resolution goes on.
        self.in_introduced = False
        self.last_number = 0  # the resolution's last paragraph number in this part
        self.last_section = 0  # the value of its last section numeral ("II": 2)
        self.introduced_number = 0  # the introduced text's last paragraph number
        self.instrument_section = 0  # the value of the instrument's last roman heading
        self.adopting: Block | None = None  # "2. Adopts the following declaration:", until a paragraph follows
        self.title_words = ""  # the resolution's title, its number left out, as _words gives it
        self.in_operative = False  # an operative paragraph seen since the opener
        self.last_part_label: str | None = None
        self.section_title_pending = False
        self.introducing = False  # a subparagraph ending with ":" introduces a list ("Panel 1: …")
        self.next_note = "a"  # the letter the next table note would carry
        self.previous_kind: BlockKind | None = None
        self.previous_end = ""  # the last character of the previous block

    def classify(self, block: Block, *, header_zone: bool) -> None:
        """Set ``block.kind`` (and number, label, opener) from its text."""
        plain = self.plain
        pos = _skip_space(plain, block.content_start, block.end)
        block.content_start = pos
        text = plain[pos : block.end].strip()
        if not text:
            block.kind = BlockKind.PAGE_BREAK
            return
        title_pending, self.section_title_pending = self.section_title_pending, False
        introducing, self.introducing = self.introducing, False
        self._classify(block, text, pos, header_zone, title_pending, introducing)
        kind = block.kind
        if kind in _NUMBERING_KINDS:
            self._paragraph_numbering(block, text)
        # What a block of this kind changes in the state (most kinds: nothing).
        after = _AFTER_KIND.get(kind)
        if after is not None:
            after(self, block, text)
        if kind != BlockKind.TABLE_NOTE:
            self.next_note = "a"
        self.previous_kind = kind
        self.previous_end = text[-1]

    def _after_annex(self, block: Block, text: str) -> None:
        self.in_annex = True
        self.in_introduced = self.in_instrument = False

    def _after_opener(self, block: Block, text: str) -> None:
        self.in_annex = self.in_instrument = self.in_introduced = self.in_operative = False
        self.last_number = self.last_section = 0

    def _after_plenary(self, block: Block, text: str) -> None:
        self.in_instrument = self.in_introduced = False

    def _after_title(self, block: Block, text: str) -> None:
        m = TITLE.match(text)
        self.title_words = _words(text[m.end() - 1 :]) if m else ""

    def _after_heading(self, block: Block, text: str) -> None:
        if self.in_instrument:
            if ROMAN_HEADING.match(text):
                self.instrument_section = _roman_value(text)
        elif (
            self.previous_kind in (BlockKind.OPENER, BlockKind.PREAMBULAR)
            and not self.in_operative
            and self.title_words
            and _words(text) == self.title_words
        ):
            # The resolution's title again after the preamble: the title of
            # the text it adopts ("*Adopts* the following document:" moved
            # below, or lost): the text's own headings are not sections.
            self._start_introduced(instrument=True)

    def _after_operative(self, block: Block, text: str) -> None:
        self.in_operative = True
        kind = block.kind
        # A colon paragraph of the resolution, not one of the text it introduces.
        if (
            kind != BlockKind.UNNUMBERED_OPERATIVE
            and not self.in_annex
            and text.endswith(":")
            and not (self.in_introduced if kind == BlockKind.NUMBERED else self.in_instrument)
        ):
            adopts = ADOPTING.match(_words(self.plain[block.content_start : block.end])) is not None
            self._start_introduced(instrument=adopts)
            self.adopting = block if kind == BlockKind.NUMBERED and adopts else None

    def _after_part_label(self, block: Block, text: str) -> None:
        self.last_part_label = text[:1]
        self.last_number = self.last_section = 0

    def _after_section(self, block: Block, text: str) -> None:
        self.section_title_pending = True
        self.in_instrument = self.in_introduced = False
        self.last_section = _roman_value(text)

    def _after_introduced(self, block: Block, text: str) -> None:
        self.introducing = True

    def _after_subparagraph(self, block: Block, text: str) -> None:
        if text.endswith(":"):
            self.introducing = True

    def _classify(
        self, block: Block, text: str, pos: int, header_zone: bool, title_pending: bool, introducing: bool
    ) -> None:
        """Set ``block.kind``: a line of the masthead, a short structural line
        (a section numeral, an annex heading …) or a paragraph, tried in that
        order.  Each pattern is tried only where the block's first character
        allows it: a paragraph would otherwise pay a dozen failed matches."""
        first_line = _first_line(text)
        kind = (
            self._masthead_kind(block, text, first_line, header_zone)
            or (self._short_line_kind(block, first_line, header_zone) if len(first_line) < 80 else None)
            or self._label_kind(block, text, first_line, header_zone)
            or self._paragraph_kind(block, text, first_line, pos, title_pending, introducing)
        )
        block.kind = kind

    def _masthead_kind(self, block: Block, text: str, first_line: str, header_zone: bool) -> BlockKind | None:
        """The plenary line, the adoption and origin lines, "Distr.", the agenda item, an opener, the title."""
        first = text[0]
        digit = first.isdecimal()  # the \d of the patterns
        if digit and PLENARY.match(text):
            return BlockKind.PLENARY
        if first == "R" and ADOPTED.match(text):
            return BlockKind.ADOPTED
        if first in "[ow" and ORIGIN.match(text):
            return BlockKind.ORIGIN
        if first == "D" and DISTRIBUTION.match(text):
            return BlockKind.DISTRIBUTION
        if first in "PAa" and AGENDA.match(text):
            return BlockKind.AGENDA_ITEM
        if first == "T":
            if len(text) < 40 and OPENER.match(text):
                return BlockKind.OPENER
            if OTHER_ORGAN.match(text) and len(first_line) < 120:
                return BlockKind.OTHER_ORGAN_OPENER
        if (digit or first in "ES") and TITLE.match(text) and (block.heading or header_zone or not block.indented):
            return BlockKind.TITLE
        return None

    def _short_line_kind(self, block: Block, first_line: str, header_zone: bool) -> BlockKind | None:
        """A short line that is a structure of its own: the organ and the session of
        the masthead, a symbol, an annex heading, a section numeral, a part's label."""
        first = first_line[:1]
        if not "A" <= first <= "Z":  # the [A-Z] of the patterns
            return None
        if header_zone and first in "GU" and ORGAN.match(first_line):
            return BlockKind.ORGAN
        if header_zone and SESSION.match(first_line):
            return BlockKind.SESSION
        if first == "A" and SYMBOL.match(first_line):
            return BlockKind.SYMBOL
        if first == "A" and ANNEX.match(first_line) and self._starts_annex(block):
            return BlockKind.ANNEX
        if (
            first in "IVXL"
            and not self.in_annex
            and ROMAN_HEADING.match(first_line)
            and (not self.in_instrument or self._resumes_sections(first_line))
            and not (len(first_line) == 1 and self._continues_parts(first))
        ):
            # "I", "II.", "**IV**" on a line of its own: a section of the
            # operative part (a part label only where it is the letter
            # after the last part's: "I" after "H").
            return BlockKind.SECTION
        if len(first_line) == 1 and (block.heading or not block.indented):  # "A", "B": a part's label
            return BlockKind.PART_LABEL
        return None

    def _starts_annex(self, block: Block) -> bool:
        """Is an "Annex" line the heading of the resolution's annex?"""
        return (
            block.heading
            or not block.indented
            or self.previous_kind == BlockKind.PLENARY
            or (
                # The plenary line lost: "Annex" after the last operative
                # paragraph's full stop is still the resolution's annex
                # (an "Annex I" inside the annex, indented, is not).
                not self.in_annex
                and self.previous_end == "."
                and self.previous_kind
                in (BlockKind.NUMBERED, BlockKind.UNNUMBERED_OPERATIVE, BlockKind.LETTERED, BlockKind.ROMAN)
            )
        )

    def _label_kind(self, block: Block, text: str, first_line: str, header_zone: bool) -> BlockKind | None:
        """A lettered section's heading, a table note, a draft's label, a separator."""
        first = text[0]
        if (
            "A" <= first <= "Z"
            and not (self.in_annex or self.in_instrument)
            and "\n" not in text
            and SUBSECTION.match(first_line)
            and (block.heading or not block.indented)
            and _heading_like(first_line)
        ):
            # "A. Base/floor salary scale": a lettered section of a section.
            return BlockKind.SUBSECTION
        if (first.islower() or first == "A") and len(text) < 300 and "\n" not in text and self._table_note(block, text):
            return BlockKind.TABLE_NOTE
        if header_zone and len(first_line) < 200 and DRAFT_LABEL.match(first_line):
            return BlockKind.DRAFT_LABEL
        if first == "*" and SEPARATOR.match(text):
            return BlockKind.PAGE_BREAK
        return None

    def _paragraph_kind(
        self, block: Block, text: str, first_line: str, pos: int, title_pending: bool, introducing: bool
    ) -> BlockKind:
        """A numbered paragraph or a subparagraph, a heading, a paragraph by its
        opener, prose, or what is not part of a resolution."""
        first = text[0]
        at = self.plain[pos]  # the first character the number and label patterns see
        if at.isdecimal() and self._numbered(block, pos):
            return block.kind
        if first.isdecimal() and DECIMAL_ITEM.match(text):
            # Not a paragraph number of the resolution: the numbering rules
            # leave it alone, the grammar reads it as a paragraph.
            return BlockKind.PLAIN
        if at == "(" and self._lettered(block, pos):
            return block.kind
        if not first.islower():
            # A lower-case block continues the paragraph before it (merged later),
            # so it must not end the current (a), (b) … or (i), (ii) … list.
            self.last_letter = None
            self.in_roman = False
        if self._heading(block, text, first_line, title_pending):
            return BlockKind.HEADING
        opener = self._opener(block, pos)
        if opener is not None:
            if opener.kind == "preambular":
                return BlockKind.PREAMBULAR
            if text.endswith(":") and not opener.first_person:
                return BlockKind.INTRODUCING
            return BlockKind.UNNUMBERED_OPERATIVE
        if JUNK.match(text) or JUNK.search(first_line[:200]) and not _prose(text):
            return BlockKind.UNRECOGNISED
        if block.heading is False and "\n" not in text and _heading_like(first_line):
            if not block.indented or self._indented_heading(first_line):
                # The plain-text export indents a subject heading inside the
                # body ("Multimodal transportation") like a paragraph: a line
                # with no opener and no final mark is a heading there too.
                return BlockKind.HEADING
        if _prose(text):
            # "Panel 1: …" after "(b) … the following themes:": the list a
            # subparagraph introduces, not a paragraph of the resolution.
            return BlockKind.INTRODUCED if introducing and not self.in_annex else BlockKind.PLAIN
        return BlockKind.UNRECOGNISED

    def _heading(self, block: Block, text: str, first_line: str, title_pending: bool) -> bool:
        """An action or roman heading, a section's title, a line the surface marks as a heading."""
        first = text[0]
        if (first in "AO" and ACTION.match(text)) or (first in "IVXL" and ROMAN_HEADING.match(first_line)):
            return True
        if title_pending and "\n" not in text and _heading_like(first_line):
            # The line after a section's numeral is its title, indented or not.
            return True
        return block.heading or (self.indented_paragraphs and not block.indented and _heading_like(first_line))

    def _indented_heading(self, line: str) -> bool:
        """Is an indented line with no opener and no final mark a subject heading?

        It is ("Multimodal transportation"; "Role of the Department of Global
        Communications in United Nations peacekeeping operations, …", A/RES/77/128),
        short or long, unless its first word is a near miss of an opener of
        the part it stands in ("Recaling its resolution 75/1" in the preamble,
        "Reqests the Secretary-General …" among operative paragraphs, its
        final mark lost): then it is a paragraph, for the phrasing rules to
        judge.  In an annex or an adopted text, whose paragraphs those rules
        do not judge, such a line stays a heading ("Ending inequalities …",
        not a misspelt "Reminding").
        """
        if self.in_annex or self.in_instrument:
            return True
        words = WORD.findall(line)
        kind = "operative" if self.in_operative else "preambular"
        return not words or lexicon.suggest_opener(words[0], kind) is None

    def _next_label(self) -> str | None:
        """The label of the next block ("ii" for "(ii) …"), footnotes and page breaks passed over."""
        plain, blocks = self.plain, self.blocks
        for index in range(self.index + 1, len(blocks)):
            block = blocks[index]
            if block.kind in SET_ASIDE_KINDS:
                continue
            pos = _skip_space(plain, block.content_start, block.end)
            m = LABEL.match(plain, pos, block.end) if plain.startswith("(", pos) else None
            return m.group(1) if m else None
        return None

    def _start_introduced(self, *, instrument: bool) -> None:
        """A colon paragraph: the text it introduces follows, numbered on its own."""
        self.in_introduced = True
        self.in_instrument = instrument
        self.introduced_number = self.instrument_section = 0

    def _resumes_sections(self, numeral: str) -> bool:
        """Is "II" in an adopted text the resolution's next section, not the text's own?"""
        value = _roman_value(numeral)
        return self.last_section > 0 and value == self.last_section + 1 and value != self.instrument_section + 1

    def _paragraph_numbering(self, block: Block, text: str) -> None:
        """Follow the resolution's numbering and that of the text a colon paragraph introduces.

        In introduced text, a paragraph whose number continues the
        resolution's ("3. *Requests* …" after "2. *Adopts* the following
        declaration:" and its paragraphs 1 and 2) ends it: the block is
        marked ``resumes``, and the resolution goes on.  A number that
        continues both is the text's, unless the paragraph opens with an
        operative verb of the resolution.  The resolution's numbering counts
        only paragraphs that open with one of its phrases.
        """
        adopting, self.adopting = self.adopting, None
        if block.number is None:
            return
        n = int(block.number.rstrip("."))
        opener = block.opener
        if not self.in_introduced:
            # Only a paragraph that opens as the resolution's do: "12. We will
            # build trust." moved above "*Adopts* the following declaration:"
            # is the declaration's paragraph, not the resolution's 12.
            if opener is not None and not opener.first_person:
                self.last_number = n
            return
        if adopting is not None and n == 1 and self.introduced_number == 0:
            # "2. *Adopts* the following declaration:" / "1. We will …": the
            # numbering restarts, the paragraph introduces the text.
            adopting.kind = BlockKind.INTRODUCING
        verb = opener is not None and opener.kind == "operative" and not opener.first_person
        if self.last_number and n == self.last_number + 1 and (n != self.introduced_number + 1 or verb):
            block.resumes = True
            self.in_introduced = self.in_instrument = False
            self.last_number = n
        else:
            self.introduced_number = n

    def _continues_parts(self, letter: str) -> bool:
        """Is a lone "I" (or "V", "X", "L") the letter after the last part label?"""
        last = self.last_part_label
        return last is not None and ord(letter) == ord(last) + 1

    def _table_note(self, block: Block, text: str) -> bool:
        """ "a See A/75/383.", "b Reflects amounts after recosting.", "Abbreviations: …".

        The notes of a table that the text does not carry (a budget
        resolution's annex).  A letter note must come in its place in the
        run a, b, c …, and not where a paragraph broken off mid-sentence
        would continue ("a number of …" after "… to").
        """
        m = TABLE_NOTE.match(text)
        if m is None:
            return False
        letter = m.group(1)
        if letter is None:
            return True
        if letter != self.next_note:
            return False
        if self.previous_kind in PARAGRAPH_KINDS and self.previous_end not in ".:":
            return False
        self.next_note = chr(ord(letter) + 1)
        return True

    def _opener(self, block: Block, pos: int):
        block.opener_start = pos
        block.opener = lexicon.match_opener(self.plain[pos : pos + 120], self.extra_preambular, self.extra_operative)
        return block.opener

    def _numbered(self, block: Block, pos: int) -> bool:
        plain = self.plain
        m = NUMBERED.match(plain, pos, block.end)
        after = _skip_space(plain, m.end(), block.end) if m else block.end
        if m and m.group(2) and after < block.end and plain[after] == "(" and LABEL.match(plain, after, block.end):
            # "3. (a) Each State Party …": a paragraph that opens with its first subparagraph.
            return self._set_number(block, m.group(1) + m.group(2), m.start(), m.end(), None, after)
        if after >= block.end or not (plain[after].isupper() or plain[after] in "“\"‘'"):
            # "7 . Requests", "7.Requests", Markdown's escaped "7\\. Requests": a
            # number typed into the text.  It stays the paragraph's number, with
            # its problem, so the numbering does not cascade.
            m = NUMBER_MISTYPED.match(plain, pos, block.end)
            if not m:
                return False
            after = _skip_space(plain, m.end(), block.end)
            if after >= block.end or not (plain[after].isupper() or plain[after] in "“\"‘'"):
                return False
            typed = "no space after the full stop" if m.group(2) is None else "space before the full stop"
            return self._set_number(block, m.group(1) + ".", m.start(), m.end(), typed, after)
        problem = None
        if not m.group(2):
            # "3 Requests": a paragraph number without its full stop.  Only a
            # number followed by a known opener counts, so "2 November 2022"
            # or a footnote-like line is not taken for a paragraph.
            rest = plain[after : min(block.end, after + 120)]
            opener = lexicon.match_opener(rest, self.extra_preambular, self.extra_operative)
            if opener is None:
                return False
            problem = "missing full stop"
        elif m.group(3):
            problem = "invisible character"
        return self._set_number(block, m.group(1) + m.group(2), m.start(), m.end(), problem, after)

    def _set_number(self, block: Block, number: str, start: int, end: int, problem: str | None, after: int) -> bool:
        block.number = number
        block.number_start = start
        block.number_end = end
        block.number_problem = problem
        block.content_start = after
        opener = self._opener(block, after)
        block.kind = BlockKind.NUMBERED_PREAMBULAR if opener and opener.kind == "preambular" else BlockKind.NUMBERED
        self.last_letter = None
        self.in_roman = False
        inner = LABEL.match(self.plain, after, block.end) if self.plain.startswith("(", after) else None
        if inner is not None and inner.group(1) == "a":
            # "3. (a) Each State Party …": the paragraph opens with its (a); (b) follows.
            self.last_letter = "a"
        return True

    def _lettered(self, block: Block, pos: int) -> bool:
        plain = self.plain
        m = LABEL.match(plain, pos, block.end)
        if not m:
            return False
        label = m.group(1)
        block.label = f"({label})"
        block.label_start = m.start()
        block.label_end = m.end()
        block.content_start = _skip_space(plain, m.end(), block.end)
        self._opener(block, block.content_start)
        roman = label in ROMAN_NUMERALS
        if roman and self.last_letter is not None and not self.in_roman:
            # (i) after (h), (v) after (u), (x) after (w): the next letter,
            # unless the list goes on (ii), (vi), (xi): roman items under (h).
            if len(label) == 1 and ord(label) == ord(self.last_letter[-1]) + 1 and len(self.last_letter) == 1:
                roman = self._next_label() == _ROMAN_SUCCESSOR.get(label)
            elif label != "i":
                roman = False
        if roman and self.last_letter is None and label != "i" and not self.in_roman:
            roman = False
        if roman:
            block.kind = BlockKind.ROMAN
            self.in_roman = True
        else:
            block.kind = BlockKind.LETTERED
            self.last_letter = label
            inner = (
                LABEL.match(plain, block.content_start, block.end)
                if plain.startswith("(", block.content_start)
                else None
            )
            # "(a) (i) The conversion …": the subparagraph opens with its (i); (ii) follows.
            self.in_roman = inner is not None and inner.group(1) == "i"
        return True


# The kinds whose paragraphs follow the resolution's numbering.
_NUMBERING_KINDS = frozenset(
    (
        BlockKind.NUMBERED,
        BlockKind.NUMBERED_PREAMBULAR,
        BlockKind.UNNUMBERED_OPERATIVE,
        BlockKind.INTRODUCING,
        BlockKind.PLAIN,
    )
)
# What a block of each kind changes in the classifier's state (the other kinds: nothing).
_AFTER_KIND = {
    BlockKind.ANNEX: Classifier._after_annex,
    BlockKind.OPENER: Classifier._after_opener,
    BlockKind.PLENARY: Classifier._after_plenary,
    BlockKind.TITLE: Classifier._after_title,
    BlockKind.HEADING: Classifier._after_heading,
    BlockKind.NUMBERED: Classifier._after_operative,
    BlockKind.UNNUMBERED_OPERATIVE: Classifier._after_operative,
    BlockKind.INTRODUCING: Classifier._after_operative,
    BlockKind.PART_LABEL: Classifier._after_part_label,
    BlockKind.SECTION: Classifier._after_section,
    BlockKind.INTRODUCED: Classifier._after_introduced,
    BlockKind.LETTERED: Classifier._after_subparagraph,
    BlockKind.ROMAN: Classifier._after_subparagraph,
}


def _roman_value(numeral: str) -> int:
    """ "II." -> 2, "XIV" -> 14 (0 for what is not a numeral up to L)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    digits = [values.get(c, 0) for c in numeral.strip().rstrip(".")]
    if not digits or 0 in digits:
        return 0
    return sum(-d if d < after else d for d, after in zip(digits, digits[1:] + [0], strict=True))


def _words(text: str) -> str:
    """The words of a line, lower-cased, markup and punctuation left out."""
    return " ".join(WORD.findall(text.lower()))


def _first_line(text: str) -> str:
    r"""``text.split("\n", 1)[0].strip()`` without copying the lines after the first."""
    end = text.find("\n")
    return text.strip() if end < 0 else text[:end].strip()


def _reference_first_line(text: str) -> str:
    """The readable form of ``_first_line`` (it copies the lines after the first).

    The fast path saves 0.4% of a corpus pass (106M -> 62M instructions):
    under the 5% a fast path must gain to stand beside its readable form."""
    return text.split("\n", 1)[0].strip()


def _prose(text: str) -> bool:
    """Does the block read as a sentence of a resolution?"""
    first = text[:1]
    if not (first.isupper() or first in "“\"‘'"):
        return False
    words = WORD.findall(text[:400])
    return len(words) >= 3


def _heading_like(line: str) -> bool:
    """A line with no final punctuation: a subject heading (annex titles run long)."""
    return (
        0 < len(line) <= 400
        and line[-1] not in ",;:."
        and line[:1].isupper()
        and not JUNK.match(line)
        and "@" not in line
        and "://" not in line
    )


def classify_blocks(
    blocks: list[Block], plain: str, extra_preambular=(), extra_operative=(), *, indented_paragraphs: bool = False
) -> list[Block]:
    """Give every block without a kind yet its kind, in document order, then
    join the continuations.  The masthead patterns apply until the opener or
    the first paragraph ends the header zone."""
    classifier = Classifier(plain, extra_preambular, extra_operative, indented_paragraphs=indented_paragraphs)
    classifier.blocks = blocks
    header_zone = True
    for index, block in enumerate(blocks):
        if block.kind:
            if block.kind not in SET_ASIDE_KINDS:  # a plenary line the reader read
                classifier.previous_kind = block.kind
            continue
        classifier.index = index
        classifier.classify(block, header_zone=header_zone)
        if header_zone and (
            block.kind in (BlockKind.OPENER, BlockKind.OTHER_ORGAN_OPENER) or block.kind in PARAGRAPH_KINDS
        ):
            header_zone = False
    return merge_continuations(blocks, plain)


def merge_continuations(blocks: list[Block], plain: str) -> list[Block]:
    """Join a block that starts in lower case to the paragraph before it.

    A page break or a block of footnotes splits a paragraph in the converted
    documents ("…and the declaration on" / footnotes / "the occasion of …");
    the second piece starts in lower case and belongs to the first.
    """
    merged: list[Block] = []
    last_paragraph: Block | None = None
    for block in blocks:
        if block.kind in SET_ASIDE_KINDS:
            merged.append(block)
            continue
        if block.kind in (BlockKind.PLAIN, BlockKind.UNRECOGNISED, BlockKind.HEADING) and last_paragraph is not None:
            first = plain[block.content_start : block.content_start + 1]
            if first.islower() and not JUNK.search(
                plain[block.content_start : min(block.end, block.content_start + 200)]
            ):
                last_paragraph.segments.append((block.start, block.end))
                last_paragraph.end = block.end
                continue
        if block.kind in PARAGRAPH_KINDS:
            last_paragraph = block
        else:
            last_paragraph = None
        merged.append(block)
    return merged
