"""Seed one known fault into a real resolution, for the recall harness.

Each seeder takes the text of a published resolution (Markdown or the UN
document system's plain-text export), finds a fixed spot where its kind of
fault can be made (the middle eligible spot, so the choice is deterministic
and independent of the linter), and returns the mutated text, the code(s) a
linter should report and the place where it should report them.  A seeder
returns None when the document has no eligible spot (no footnotes, no
plenary line in a draft, no citation the record can confirm …); such a
document is not counted for that kind.

The seeders read the text with their own small patterns, not with
resolint's readers: the harness measures the parser, so it must not depend
on it.  The only part of resolint used is the record of adoption dates
(``resolint.record``), which decides where a moved citation date is a fault
the record can prove.

:func:`caught` decides whether a seeded fault was found: a finding with an
expected code lies in the seeded window of the mutated text, and there are
more such findings than in the same window of the unmutated text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from resolint.diagnostics import Severity
from resolint.record import lookup

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_RE = "|".join(MONTHS)
DATE_RE = re.compile(rf"\b(\d{{1,2}}) ({_MONTH_RE}) (\d{{4}})\b")
_DATE_LINE = re.compile(rf"^\*?\d{{1,2}} (?:{_MONTH_RE}) \d{{4}}\*?\s*$")


def format_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


# ---------------------------------------------------------------------------
# A text-level skeleton of the document
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the text: a Markdown paragraph or a plain-text line.

    ``start``/``end`` are offsets into the text (``end`` before the line
    break); ``kind`` is one of opener, preambular, operative, sub, plenary,
    adoption, footnote, annex, other; ``label`` is the paragraph number,
    subparagraph letter or footnote number as written.
    """

    start: int
    end: int
    text: str
    kind: str
    label: str = ""


_MD_OPENER = re.compile(r"^\*The General Assembly(?:\*,?|,\*)\s*$")
_TX_OPENER = re.compile(r"^\s+The General Assembly,?\s*$")
_MD_OPERATIVE = re.compile(r"^(\d{1,3})\.\s+\S")
_TX_OPERATIVE = re.compile(r"^\t(\d{1,3})\.\s+\S")
_MD_SUB = re.compile(r"^\(([a-z]{1,4})\)\s+\S")
_TX_SUB = re.compile(r"^\t\(([a-z]{1,4})\)\s+\S")
_MD_FOOTNOTE = re.compile(r"^<sup>(\d{1,3})</sup>\s")
_TX_FOOTNOTE = re.compile(r"^(\d{1,3}) (?!plenary)\S")
_PLENARY = re.compile(r"^\*?\d{1,3}(?:st|nd|rd|th) plenary meeting")
_ADOPTION = re.compile(r"Resolution adopted by the General Assembly on (" + DATE_RE.pattern + ")")
_ANNEX = re.compile(r"^(?:#+ |\*\*|\s*)Annex(?: [IVX]+)?\**\s*$")
_MD_PREAMBULAR = re.compile(r"^\*[A-Z][^*]*\*")
_TX_PREAMBULAR = re.compile(r"^\t[A-Z]")

# A footnote marker at the end of a paragraph, after its final mark.
_MD_TRAILING_MARKERS = re.compile(r"(?:<sup>\d{1,3}</sup>)+\s*$")
_TX_TRAILING_MARKER = re.compile(r"(?<=[,;:.])\d{1,3}\s*$")


def fmt_of(path: str) -> str:
    return "markdown" if path.endswith((".md", ".markdown")) else "text"


def blocks_of(text: str, fmt: str) -> list[Block]:
    """The blocks of ``text``, classified by their surface alone."""
    raw: list[tuple[int, int]] = []
    if fmt == "markdown":
        for m in re.finditer(r"(?:^[ \t]*\S.*(?:\n|$))+", text, re.M):
            raw.append((m.start(), m.end() - (1 if m.group().endswith("\n") else 0)))
    else:
        for m in re.finditer(r"^.*\S.*$", text, re.M):
            raw.append((m.start(), m.end()))
    out: list[Block] = []
    after_plenary = False
    for start, end in raw:
        body = text[start:end]
        kind, label = _classify(body, fmt, after_plenary)
        if kind == "plenary":
            after_plenary = True
        out.append(Block(start, end, body, kind, label))
    return out


def _classify(body: str, fmt: str, after_plenary: bool) -> tuple[str, str]:
    md = fmt == "markdown"
    if (_MD_OPENER if md else _TX_OPENER).match(body):
        return "opener", ""
    if _PLENARY.match(body.strip()):
        return "plenary", ""
    if _ADOPTION.search(body):
        return "adoption", ""
    if _ANNEX.match(body):
        return "annex", ""
    m = (_MD_OPERATIVE if md else _TX_OPERATIVE).match(body)
    if m:
        return "operative", m.group(1)
    m = (_MD_SUB if md else _TX_SUB).match(body)
    if m:
        return "sub", m.group(1)
    if md:
        m = _MD_FOOTNOTE.match(body)
        if m:
            return "footnote", m.group(1)
    elif after_plenary or not body.startswith("\t"):
        m = _TX_FOOTNOTE.match(body)
        if m and not _DATE_LINE.match(body) and not body[m.end(1) :].strip().startswith("plenary"):
            return "footnote", m.group(1)
    if _DATE_LINE.match(body.strip()):
        return "date", ""
    if (_MD_PREAMBULAR if md else _TX_PREAMBULAR).match(body):
        return "paragraph", ""
    return "other", ""


@dataclass(slots=True)
class Skeleton:
    """The first part of a resolution: its opener, preamble, operative part, plenary."""

    text: str
    fmt: str
    blocks: list[Block]
    opener: int | None  # index of the first "The General Assembly," block
    end: int  # index of the first block after the first part's body (plenary, annex or end)
    preamble: list[int] = field(default_factory=list)
    operative: list[int] = field(default_factory=list)  # numbered paragraphs
    subs: list[int] = field(default_factory=list)  # lettered/roman subparagraphs
    footnotes: list[int] = field(default_factory=list)  # footnote bodies, anywhere
    plenary: int | None = None
    adoption: int | None = None

    @property
    def body(self) -> list[int]:
        """Indices of the preambular, operative and subparagraph blocks."""
        return sorted(self.preamble + self.operative + self.subs)


def skeleton(text: str, fmt: str) -> Skeleton:
    blocks = blocks_of(text, fmt)
    opener = next((i for i, b in enumerate(blocks) if b.kind == "opener"), None)
    sk = Skeleton(text, fmt, blocks, opener, len(blocks))
    sk.adoption = next((i for i, b in enumerate(blocks) if b.kind == "adoption"), None)
    sk.footnotes = [i for i, b in enumerate(blocks) if b.kind == "footnote"]
    if opener is None:
        return sk
    for i in range(opener + 1, len(blocks)):
        kind = blocks[i].kind
        if kind in ("plenary", "annex", "opener", "adoption"):
            sk.end = i
            if kind == "plenary":
                sk.plenary = i
            break
    in_preamble = True
    for i in range(opener + 1, sk.end):
        kind = blocks[i].kind
        if kind == "operative":
            in_preamble = False
            sk.operative.append(i)
        elif kind == "sub" and not in_preamble:
            sk.subs.append(i)
        elif kind == "paragraph" and in_preamble:
            sk.preamble.append(i)
        elif kind == "paragraph" and blocks[i].text.startswith(("**", "#")):
            continue
    return sk


def strip_trailing_markers(body: str, fmt: str) -> str:
    if fmt == "markdown":
        return _MD_TRAILING_MARKERS.sub("", body).rstrip()
    return _TX_TRAILING_MARKER.sub("", body).rstrip()


def final_mark(sk: Skeleton, i: int) -> tuple[int, str] | None:
    """Offset and character of a block's final punctuation (before trailing markers)."""
    block = sk.blocks[i]
    body = strip_trailing_markers(block.text, sk.fmt)
    if not body:
        return None
    return block.start + len(body) - 1, body[-1]


# ---------------------------------------------------------------------------
# Seeded faults
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Seeded:
    """One seeded fault.

    ``windows`` are ranges of the ORIGINAL text where the finding belongs;
    :meth:`window_after` maps them into the mutated text.
    """

    kind: str
    codes: tuple[str, ...]
    original: str
    text: str
    edits: tuple[Edit, ...]
    windows: tuple[tuple[int, int], ...]
    note: str

    def map_offset(self, offset: int) -> int:
        shift = 0
        for e in self.edits:
            if e.end <= offset:
                shift += len(e.new) - (e.end - e.start)
            elif e.start < offset:
                return e.start + shift + min(len(e.new), offset - e.start)
        return offset + shift

    def windows_after(self) -> list[tuple[int, int]]:
        return [(self.map_offset(a), self.map_offset(b)) for a, b in self.windows]

    def line(self) -> int:
        """1-based line of the seeded spot in the mutated text."""
        return self.text.count("\n", 0, self.map_offset(self.edits[0].start)) + 1


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, tuple[Edit, ...]]:
    ordered = tuple(sorted(edits, key=lambda e: e.start))
    out, pos = [], 0
    for e in ordered:
        assert e.start >= pos, "edits overlap"
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), ordered


def _seeded(
    kind: str,
    codes: Sequence[str],
    text: str,
    edits: Iterable[Edit],
    windows: Iterable[tuple[int, int]],
    note: str,
) -> Seeded:
    mutated, ordered = apply(text, edits)
    return Seeded(kind, tuple(codes), text, mutated, ordered, tuple(windows), note)


def _middle(items: Sequence):
    return items[len(items) // 2] if items else None


def _span(sk: Skeleton, *indices: int) -> tuple[int, int]:
    return sk.blocks[min(indices)].start, sk.blocks[max(indices)].end


def _line_removal(sk: Skeleton, i: int) -> Edit:
    """Remove block ``i`` with the blank line(s) that follow it."""
    block = sk.blocks[i]
    end = block.end
    text = sk.text
    while end < len(text) and text[end] == "\n":
        end += 1
        if sk.fmt == "text":
            break
    if sk.fmt == "markdown" and i + 1 < len(sk.blocks):
        end = min(end, sk.blocks[i + 1].start)
    return Edit(block.start, end, "")


# --- numbering ---------------------------------------------------------------


def seed_n001(sk: Skeleton) -> Seeded | None:
    """Renumber the middle operative paragraph whose neighbours run in sequence (k → k+1)."""
    ops = sk.operative
    eligible = []
    for j in range(1, len(ops) - 1):
        a, b, c = (int(sk.blocks[ops[x]].label) for x in (j - 1, j, j + 1))
        if a + 1 == b and b + 1 == c:
            eligible.append(j)
    j = _middle(eligible)
    if j is None:
        return None
    i = ops[j]
    block = sk.blocks[i]
    number = block.label
    at = block.start + block.text.index(number)
    new = str(int(number) + 1)
    return _seeded(
        "N001",
        ("N001",),
        sk.text,
        [Edit(at, at + len(number), new)],
        [_span(sk, ops[j - 1], ops[j + 1])],
        f"paragraph {number} renumbered {new}",
    )


def _letter_runs(sk: Skeleton) -> list[list[int]]:
    """Runs of subparagraphs lettered (a), (b), (c) … in the first part's operative part."""
    runs: list[list[int]] = []
    current: list[int] = []
    last = ""
    for i in range(sk.operative[0] if sk.operative else sk.end, sk.end):
        block = sk.blocks[i]
        if block.kind == "operative":
            if len(current) >= 3:
                runs.append(current)
            current, last = [], ""
            continue
        if block.kind != "sub":
            continue
        label = block.label
        if len(label) == 1 and (label == "a" or (last and ord(label) == ord(last) + 1)):
            if label == "a":
                if len(current) >= 3:
                    runs.append(current)
                current = []
            current.append(i)
            last = label
        elif set(label) <= set("ivxl"):
            continue  # a nested roman list
        else:
            if len(current) >= 3:
                runs.append(current)
            current, last = [], ""
    if len(current) >= 3:
        runs.append(current)
    return runs


def seed_n002(sk: Skeleton) -> Seeded | None:
    """Reletter the middle subparagraph of the middle lettered run ((b) → (c))."""
    run = _middle(_letter_runs(sk))
    if run is None:
        return None
    j = len(run) // 2
    j = min(max(j, 1), len(run) - 2)
    i = run[j]
    block = sk.blocks[i]
    at = block.start + block.text.index("(") + 1
    new = chr(ord(block.label) + 1)
    return _seeded(
        "N002",
        ("N002",),
        sk.text,
        [Edit(at, at + 1, new)],
        [_span(sk, run[j - 1], run[j + 1])],
        f"subparagraph ({block.label}) relettered ({new})",
    )


# --- footnotes ---------------------------------------------------------------


def _md_markers(text: str, number: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!^)<sup>{number}</sup>", text, re.M)]


def _tx_markers(sk: Skeleton, number: str) -> list[int]:
    """Offsets of a glued plain-text marker ``number`` in the body paragraphs."""
    pattern = re.compile(rf"(?<=[A-Za-z\)\].,;:”’\"])({number})(?=[\s,.;:)]|$)")
    found = []
    for i in sk.body:
        block = sk.blocks[i]
        for m in pattern.finditer(block.text):
            found.append(block.start + m.start())
    return found


def _footnote_choices(sk: Skeleton) -> list[tuple[int, int]]:
    """(footnote body index, marker offset) for footnotes with one body and one marker in the body paragraphs."""
    bodies: dict[str, list[int]] = {}
    for i in sk.footnotes:
        bodies.setdefault(sk.blocks[i].label, []).append(i)
    body_spans = [_span(sk, i) for i in sk.body]
    choices = []
    for number, found in bodies.items():
        if len(found) != 1:
            continue
        if sk.fmt == "markdown":
            markers = _md_markers(sk.text, number)
        else:
            markers = _tx_markers(sk, number)
        if len(markers) != 1:
            continue
        if not any(a <= markers[0] < b for a, b in body_spans):
            continue
        if sk.fmt == "text" and len(_tx_markers(sk, str(int(number) + 1))) > 1:
            continue
        choices.append((found[0], markers[0]))
    return choices


def _block_at(sk: Skeleton, offset: int) -> int:
    return next(i for i, b in enumerate(sk.blocks) if b.start <= offset <= b.end)


def seed_f001(sk: Skeleton) -> Seeded | None:
    """Drop the body of the middle footnote (its marker stays)."""
    choice = _middle(_footnote_choices(sk))
    if choice is None:
        return None
    body, marker = choice
    return _seeded(
        "F001",
        ("F001",),
        sk.text,
        [_line_removal(sk, body)],
        [_span(sk, _block_at(sk, marker))],
        f"body of footnote {sk.blocks[body].label} dropped",
    )


def seed_f002(sk: Skeleton) -> Seeded | None:
    """Drop the marker of the middle footnote (its body stays)."""
    choice = _middle(_footnote_choices(sk))
    if choice is None:
        return None
    body, marker = choice
    number = sk.blocks[body].label
    length = len(f"<sup>{number}</sup>") if sk.fmt == "markdown" else len(number)
    return _seeded(
        "F002",
        ("F002",),
        sk.text,
        [Edit(marker, marker + length, "")],
        [_span(sk, body), _span(sk, _block_at(sk, marker))],
        f"marker of footnote {number} dropped",
    )


# --- dates and citations ------------------------------------------------------

_CITATION = re.compile(
    r"(?<![\w/.\-])\[?(\d{2})/(\d{1,3})(?: ([A-Z]))?(?:\]\(#\))? of (\d{1,2}) (" + _MONTH_RE + r") (\d{4})\b"
)
_KEYWORD = re.compile(r"\b(resolutions?|decisions?)\b")


def session_bounds(session: int) -> tuple[dt.date, dt.date]:
    """A safe inner range of session ``session``: mid-September to early September."""
    year = 1945 + session
    return dt.date(year, 9, 20), dt.date(year + 1, 9, 5)


@dataclass(frozen=True, slots=True)
class CitedDate:
    session: int
    number: int
    part: str | None
    date: dt.date
    date_start: int
    date_end: int
    block: int


def confirmed_citations(sk: Skeleton, strong: bool) -> list[CitedDate]:
    """Dated citations of Assembly resolutions in the body whose date the record confirms.

    ``strong``: only a ``record`` row or a ``cited`` row on which at least five
    texts agree unanimously (what makes a differing date a warning).
    """
    out = []
    for i in sk.body:
        block = sk.blocks[i]
        for m in _CITATION.finditer(block.text):
            keywords = _KEYWORD.findall(block.text, 0, m.start())
            if not keywords or not keywords[-1].startswith("resolution"):
                continue
            before = block.text[max(0, m.start() - 60) : m.start()]
            if re.search(
                r"(Council|Commission|Board|Conference|Committee|Forum|Organization)\W+resolutions?\W*$", before
            ):
                continue
            session, number, part = int(m.group(1)), int(m.group(2)), m.group(3)
            try:
                date = dt.date(int(m.group(6)), _MONTH_NUMBER[m.group(5)], int(m.group(4)))
            except ValueError:
                continue
            entry = lookup(session, number, part)
            if entry is None or entry.adopted != date:
                continue
            if strong and entry.source != "record":
                k, _, n = entry.agreement.partition("/")
                if not (k.isdigit() and n.isdigit() and k == n and int(n) >= 5):
                    continue
            start = block.start + m.start(4)
            out.append(CitedDate(session, number, part, date, start, block.start + m.end(6), i))
    return out


def seed_d002(sk: Skeleton) -> Seeded | None:
    """Move the middle record-confirmed citation date two years back, out of its session."""
    eligible = []
    for c in confirmed_citations(sk, strong=False):
        try:
            moved = c.date.replace(year=c.date.year - 2)
        except ValueError:
            continue
        eligible.append((c, moved))
    choice = _middle(eligible)
    if choice is None:
        return None
    c, moved = choice
    return _seeded(
        "D002",
        ("D002", "D004"),
        sk.text,
        [Edit(c.date_start, c.date_end, format_date(moved))],
        [_span(sk, c.block)],
        f"{c.session}/{c.number} dated {format_date(moved)} (record: {format_date(c.date)})",
    )


def seed_d004(sk: Skeleton) -> Seeded | None:
    """Move the middle record-confirmed citation date by a week, inside its session."""
    eligible = []
    for c in confirmed_citations(sk, strong=True):
        low, high = session_bounds(c.session)
        for delta in (-7, 7):
            moved = c.date + dt.timedelta(days=delta)
            if low <= moved <= high:
                eligible.append((c, moved))
                break
    choice = _middle(eligible)
    if choice is None:
        return None
    c, moved = choice
    return _seeded(
        "D004",
        ("D004",),
        sk.text,
        [Edit(c.date_start, c.date_end, format_date(moved))],
        [_span(sk, c.block)],
        f"{c.session}/{c.number} dated {format_date(moved)} (record: {format_date(c.date)})",
    )


_THIRTY_DAY = {2: 30, 4: 31, 6: 31, 9: 31, 11: 31}
_NEIGHBOUR = {1: 2, 3: 4, 5: 6, 7: 6, 8: 9, 10: 11, 12: 11}


def seed_d001(sk: Skeleton) -> Seeded | None:
    """Make the middle date of the body impossible: 31 of a thirty-day month (30 February)."""
    dates = []
    for i in sk.body:
        block = sk.blocks[i]
        for m in DATE_RE.finditer(block.text):
            dates.append((i, block.start + m.start(), block.start + m.end(), m))
    choice = _middle(dates)
    if choice is None:
        return None
    i, start, end, m = choice
    month = _MONTH_NUMBER[m.group(2)]
    if month in _THIRTY_DAY:
        new = f"{_THIRTY_DAY[month]} {m.group(2)} {m.group(3)}"
    else:
        other = _NEIGHBOUR[month]
        new = f"{_THIRTY_DAY[other]} {MONTHS[other - 1]} {m.group(3)}"
    return _seeded("D001", ("D001",), sk.text, [Edit(start, end, new)], [_span(sk, i)], f"{m.group()} → {new}")


def _plenary_date(sk: Skeleton) -> tuple[int, int, int, dt.date] | None:
    """(block index, start, end, date) of the first plenary line's date."""
    if sk.plenary is None:
        return None
    for i in (sk.plenary, sk.plenary + 1):
        if i >= len(sk.blocks):
            return None
        block = sk.blocks[i]
        m = DATE_RE.search(block.text)
        if m and (i == sk.plenary or block.kind == "date"):
            date = dt.date(int(m.group(3)), _MONTH_NUMBER[m.group(2)], int(m.group(1)))
            return i, block.start + m.start(), block.start + m.end(), date
    return None


def seed_d006(sk: Skeleton) -> Seeded | None:
    """Date the plenary line a day after the adoption line's date."""
    found = _plenary_date(sk)
    if found is None or sk.adoption is None:
        return None
    i, start, end, date = found
    m = DATE_RE.search(sk.blocks[sk.adoption].text)
    if not m or m.group() != format_date(date):
        return None
    moved = date + dt.timedelta(days=1)
    windows = [_span(sk, sk.plenary, i), _span(sk, sk.adoption)]
    return _seeded(
        "D006",
        ("D006",),
        sk.text,
        [Edit(start, end, format_date(moved))],
        windows,
        f"plenary date {format_date(date)} → {format_date(moved)}",
    )


# --- phrasing ----------------------------------------------------------------

_MD_ITALIC_OPENER = re.compile(r"^(?:\d{1,3}\.\s+)?(\*)([^*\n]+)(\*)")


def seed_p001(sk: Skeleton) -> Seeded | None:
    """Markdown only: drop the italics of the middle preambular opener."""
    if sk.fmt != "markdown":
        return None
    eligible = [i for i in sk.preamble if _MD_ITALIC_OPENER.match(sk.blocks[i].text)]
    i = _middle(eligible)
    if i is None:
        return None
    block = sk.blocks[i]
    m = _MD_ITALIC_OPENER.match(block.text)
    edits = [
        Edit(block.start + m.start(1), block.start + m.end(1), ""),
        Edit(block.start + m.start(3), block.start + m.end(3), ""),
    ]
    return _seeded("P001", ("P001",), sk.text, edits, [_span(sk, i)], f"“{m.group(2)}” no longer italic")


def _ending_seed(sk: Skeleton, kind: str, indices: list[int], old: str, new: str) -> Seeded | None:
    eligible = []
    for i in indices:
        mark = final_mark(sk, i)
        if mark and mark[1] in old:
            eligible.append((i, mark[0], mark[1]))
    choice = _middle(eligible)
    if choice is None:
        return None
    i, at, was = choice
    return _seeded(kind, (kind,), sk.text, [Edit(at, at + 1, new)], [_span(sk, i)], f"final “{was}” → “{new}”")


def seed_p004(sk: Skeleton) -> Seeded | None:
    """A preambular paragraph that ends with a semicolon."""
    return _ending_seed(sk, "P004", sk.preamble, ",", ";")


def seed_p005(sk: Skeleton) -> Seeded | None:
    """An operative paragraph that ends with a comma."""
    return _ending_seed(sk, "P005", verb_paragraphs(sk), ";.", ",")


_TX_OPENER_WORD = re.compile(r"^\t(?:\d{1,3}\.\t)?([A-Z][a-z]{3,})")
_MD_OPENER_WORD = re.compile(r"^(?:\d{1,3}\.\s+)?\*([A-Z][a-z]{3,})")


_ADVERBS = frozenset({"Also", "Further", "Again", "Once", "again", "Strongly", "Urgently", "Firmly", "Fully", "Deeply"})


def has_operative_verb(sk: Skeleton, i: int) -> bool:
    """Whether a numbered paragraph opens with a verb in the present indicative.

    First-person declarations ("We reaffirm …") and appropriation paragraphs
    that open with a noun are numbered too, but the rules on openers and
    final marks do not apply to them (``../shared/spec/rules.md`` §5).
    """
    words = re.sub(r"^\t?\d{1,3}\.\s+", "", sk.blocks[i].text).replace("*", "").split()[:4]
    while words and words[0] in _ADVERBS:
        words.pop(0)
    return (
        bool(words)
        and re.fullmatch(r"[A-Z]?[a-z]{3,}s", words[0]) is not None
        and not words[0].endswith(("ions", "ss"))
    )


def verb_paragraphs(sk: Skeleton) -> list[int]:
    return [i for i in sk.operative if has_operative_verb(sk, i)]


def seed_p002(sk: Skeleton) -> Seeded | None:
    """A typo in the first word of the middle operative paragraph's opener ("Requests" → "Reqquests")."""
    pattern = _MD_OPENER_WORD if sk.fmt == "markdown" else _TX_OPENER_WORD
    eligible = [i for i in verb_paragraphs(sk) if pattern.match(sk.blocks[i].text)]
    i = _middle(eligible)
    if i is None:
        return None
    block = sk.blocks[i]
    m = pattern.match(block.text)
    word = m.group(1)
    typo = word[:3] + word[2] + word[3:]
    at = block.start + m.start(1)
    return _seeded("P002", ("P002",), sk.text, [Edit(at, at + len(word), typo)], [_span(sk, i)], f"{word} → {typo}")


def _opener_phrase(sk: Skeleton, i: int) -> tuple[int, str] | None:
    """Offset and text of a paragraph's opening phrase.

    Markdown: the italic run; plain text: the first word, with the next one
    when it is "also" or "further".
    """
    block = sk.blocks[i]
    if sk.fmt == "markdown":
        m = _MD_ITALIC_OPENER.match(block.text)
        return (block.start + m.start(2), m.group(2)) if m else None
    m = re.match(r"^\t([A-Z][a-z]+)(?: (also|further)\b)?", block.text)
    return (block.start + m.start(1), m.group(0).strip()) if m else None


def seed_p003(sk: Skeleton) -> Seeded | None:
    """Put "further" before "also" in a run of one preambular verb.

    Where the run has both "*Verb also*" and a later "*Verb further*", the two
    adverbs are swapped; otherwise the first "*Verb also*" that follows a plain
    "*Verb*" becomes "*Verb further*" (the run skips "also").
    """
    phrases: list[tuple[int, int, str]] = []
    for i in sk.preamble:
        found = _opener_phrase(sk, i)
        if found:
            phrases.append((i, found[0], found[1]))
    # A run of one verb starts at its plain use ("Recalling") and goes on
    # through "Recalling also" and "Recalling further" until the next plain use.
    swaps, skips = [], []
    last: dict[str, str] = {}  # verb -> the adverb of its last use in the run ("" plain)
    for n, (i, at, phrase) in enumerate(phrases):
        words = phrase.split()
        verb = words[0]
        if len(words) == 1:
            last[verb] = ""
            continue
        if len(words) != 2 or words[1] not in ("also", "further"):
            continue
        if words[1] == "also" and last.get(verb) == "":
            later = None
            for p in phrases[n + 1 :]:
                if p[2].split()[0] != verb:
                    continue
                if p[2].split() == [verb, "further"]:
                    later = p
                break
            if later:
                swaps.append(((i, at, phrase), later))
            else:
                skips.append((i, at, phrase))
        last[verb] = words[1]
    if swaps:
        (i, at, phrase), (k, at2, phrase2) = _middle(swaps)
        a = at + len(phrase.split()[0]) + 1
        b = at2 + len(phrase2.split()[0]) + 1
        edits = [Edit(a, a + 4, "further"), Edit(b, b + 7, "also")]
        return _seeded(
            "P003", ("P003",), sk.text, edits, [_span(sk, i), _span(sk, k)], f"“{phrase}” and “{phrase2}” swapped"
        )
    choice = _middle(skips)
    if choice is None:
        return None
    i, at, phrase = choice
    a = at + len(phrase.split()[0]) + 1
    return _seeded("P003", ("P003",), sk.text, [Edit(a, a + 4, "further")], [_span(sk, i)], f"“{phrase}” → further")


# --- structure ---------------------------------------------------------------


def seed_s003(sk: Skeleton) -> Seeded | None:
    """Drop the first part's plenary line (meeting and date); not for drafts, which have none."""
    if sk.plenary is None or sk.adoption is None or not sk.body:
        return None
    found = _plenary_date(sk)
    last = sk.plenary if found is None else found[0]
    start = sk.blocks[sk.plenary].start
    end = sk.blocks[last].end
    text = sk.text
    while end < len(text) and text[end] == "\n" and (sk.fmt == "markdown" or end == sk.blocks[last].end):
        end += 1
    if last + 1 < len(sk.blocks):
        end = min(end, sk.blocks[last + 1].start)
    previous = sk.body[-1]
    following = last + 1 if last + 1 < len(sk.blocks) else last
    return _seeded(
        "S003",
        ("S003",),
        sk.text,
        [Edit(start, end, "")],
        [(sk.blocks[previous].start, sk.blocks[following].end)],
        "plenary line dropped",
    )


def seed_s002(sk: Skeleton) -> Seeded | None:
    """Drop the opener "The General Assembly," of the first part."""
    if sk.opener is None or not sk.body:
        return None
    first = sk.body[0]
    return _seeded(
        "S002",
        ("S002",),
        sk.text,
        [_line_removal(sk, sk.opener)],
        [(sk.blocks[sk.opener].start, sk.blocks[first].end)],
        "opener dropped",
    )


SEEDERS: dict[str, Callable[[Skeleton], Seeded | None]] = {
    "N001": seed_n001,
    "N002": seed_n002,
    "F001": seed_f001,
    "F002": seed_f002,
    "D001": seed_d001,
    "D002": seed_d002,
    "D004": seed_d004,
    "D006": seed_d006,
    "P001": seed_p001,
    "P002": seed_p002,
    "P003": seed_p003,
    "P004": seed_p004,
    "P005": seed_p005,
    "S002": seed_s002,
    "S003": seed_s003,
}
KINDS = tuple(SEEDERS)


def seed(kind: str, text: str, fmt: str) -> Seeded | None:
    """Seed one fault of ``kind`` ("N001", …) into ``text``; None where the text has no eligible spot."""
    return SEEDERS[kind](skeleton(text, fmt))


def seed_all(text: str, fmt: str) -> dict[str, Seeded]:
    sk = skeleton(text, fmt)
    out = {}
    for kind, seeder in SEEDERS.items():
        seeded = seeder(sk)
        if seeded is not None:
            out[kind] = seeded
    return out


def _count(findings, code: str, windows: Iterable[tuple[int, int]]) -> int:
    """Findings of ``code`` (severity info or above: a hint is not a report) that touch a window."""
    windows = list(windows)
    return sum(
        1
        for d in findings
        if d.code == code and d.severity > Severity.HINT and any(d.start <= b and d.end >= a for a, b in windows)
    )


def caught(seeded: Seeded, before, after) -> bool:
    """True when ``after`` (findings on the mutated text) has more findings of an
    expected code in the seeded window than ``before`` (findings on the original) has
    in the same window.  Hints do not count."""
    for code in seeded.codes:
        if _count(after, code, seeded.windows_after()) > _count(before, code, seeded.windows):
            return True
    return False


# ---------------------------------------------------------------------------
# Moving one block
# ---------------------------------------------------------------------------


def _has_marker(sk: Skeleton, i: int) -> bool:
    body = sk.blocks[i].text
    if sk.fmt == "markdown":
        return "<sup>" in body
    return bool(re.search(r"[A-Za-z\)\].,;:”’]\d{1,3}(?=[\s,.;:)]|$)", body))


def move_block(text: str, fmt: str, which: int) -> tuple[str, str] | None:
    """Move one paragraph across the preamble/operative boundary.

    ``which`` even: the middle preambular paragraph goes after the middle
    operative paragraph; odd: the middle operative paragraph goes up before
    the middle preambular paragraph.  Paragraphs with footnote markers or
    subparagraphs are not moved (their markers would fall out of sequence,
    a second, real fault).  Where the chosen move is impossible (a preamble
    of one paragraph) the other one is made.  Returns (mutated text,
    description) or None.
    """
    sk = skeleton(text, fmt)
    pre = [i for i in sk.preamble if not _has_marker(sk, i)]
    ops = [
        i
        for i in verb_paragraphs(sk) or sk.operative
        if not _has_marker(sk, i) and (final_mark(sk, i) or (0, ":"))[1] != ":" and i != sk.operative[-1]
    ]
    # Preamble down: the preamble keeps a paragraph; operative up: the operative part keeps one.
    possible = [len(sk.preamble) >= 2 and bool(pre and ops), len(sk.operative) >= 2 and bool(pre and ops)]
    if not possible[which % 2]:
        which += 1
        if not possible[which % 2]:
            return None
    sep = "\n\n" if fmt == "markdown" else "\n"
    if which % 2 == 0:
        moved, anchor = _middle(pre), _middle(ops)
        # after the anchor and its subparagraphs
        after = anchor
        while after + 1 < sk.end and sk.blocks[after + 1].kind == "sub":
            after += 1
        block = sk.blocks[moved]
        insert_at = sk.blocks[after].end
        edits = [_line_removal(sk, moved), Edit(insert_at, insert_at, sep + block.text)]
        note = f"preambular paragraph at line {text.count(chr(10), 0, block.start) + 1} moved after paragraph {sk.blocks[anchor].label}"
    else:
        moved, anchor = _middle(ops), _middle(pre)
        block = sk.blocks[moved]
        insert_at = sk.blocks[anchor].start
        edits = [Edit(insert_at, insert_at, block.text + sep), _line_removal(sk, moved)]
        note = f"operative paragraph {block.label} moved into the preamble"
    mutated, _ = apply(text, edits)
    return mutated, note
