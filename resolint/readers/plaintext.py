"""Plain text as the UN document system exports it.

Surface features: paragraphs indented with a tab (``\\t1.\\tTakes note …``,
``\\t(a)\\t…``), no italics, footnote markers glued to the word, punctuation
or digit before them (``Development1 reflects``, ``Secretary-General;2``,
``22 May 20045``), footnote bodies after the plenary line (``1 Resolution
70/1.``), and a trailer of system metadata (``[Start1]<<ODS JOB NO>>…``,
barcodes, running headers) that is not part of the resolution.

Markers are found in two passes: the footnote bodies first, then each marker
by the number expected next, because a digit glued to a word is only a marker
when the sequence of footnotes calls for it (``COVID-19`` and ``G20`` are not).
A footnote whose marker the sequence missed has it looked for between its
neighbours' markers, in the forms too ambiguous to take unasked (``Agenda
216`` = Agenda 21 + 6, ``COVID‑1916``, ``VIII.7441``, ``2015–2030.7``,
``a8nd``, ``14as``); one miss never makes the later markers strangers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate

from ..vocabulary import SUPPRESSION_OPENING
from .blocks import DATE_LINE, PLENARY, Block, BlockKind, ReadResult, classify_blocks

# The export trailer: from the first line that opens with "<<ODS " (or "[Start1]<<ODS ").
_TRAILER_OPENS = "<<ODS "
_START_LINE = "[Start1]"
_LONE_CR = re.compile(r"\r(?!\n)")
_FOOTNOTE_BODY = re.compile(r"(\d{1,3}) (\S.*)$")
_SYMBOL = re.compile(r"<<ODS DOC SYMBOL1>>(.*?)<<ODS DOC SYMBOL1>>")
_NOT_LINE_BREAKS = re.compile(r"[^\r\n]+")
# What a footnote marker is never glued to (it follows a word or punctuation).
_NOT_GLUED_TO = r"\s\d(\[/\-‑–+"
# A run of digits glued to what precedes it: a candidate footnote marker (a
# whole run: up to three digits glued to a word or punctuation, or a year or
# a symbol number that may end in a glued marker).
_GLUED = re.compile(
    rf"(?:(?<=[^{_NOT_GLUED_TO}])(\d{{1,3}})(?![\d\w])|(?:(?<=/)\d{{4,8}}|(?<![\d\w])(?:19|20)\d{{3,5}})(?![\d\w]))"
)
# The digit runs where _GLUED may match: glued to a character a marker follows,
# or four digits and more.  Trying _GLUED only there is 2.5x cheaper than its
# finditer: this pattern opens with a bare \d, so re skips to the next digit in
# C, where _GLUED's lookarounds would run at every character.
_GLUED_CANDIDATE = re.compile(rf"\d(?:(?<=[^{_NOT_GLUED_TO}]\d)\d*|\d{{3,}})")
# The same for ASCII text (most lines), where the only digits are 0-9: a range
# test costs re half what \d's Unicode table lookup does.
_GLUED_CANDIDATE_ASCII = re.compile(rf"[0-9](?:(?<=[^{_NOT_GLUED_TO}][0-9])[0-9]*|[0-9]{{3,}})")
_STRONG_BEFORE = frozenset(",;:.)]”’\"'»")
# Suppression comments (resolint/suppressions.py) are invisible to the reader: blanked, offsets kept.
# Bounded: an unclosed "<!-- resolint:" must not scan to the end of a long
# line for each of its repetitions (quadratic).
_SUPPRESSION = re.compile(SUPPRESSION_OPENING + r"[^\r\n]{0,1000}?-->")


def read_plaintext(text: str, extra_preambular=(), extra_operative=()) -> ReadResult:
    if "<!--" in text:
        text = _SUPPRESSION.sub(_as_spaces, text)
    metadata: dict[str, str] = {}
    body_end = _trailer_start(text)
    if body_end < len(text):
        sm = _SYMBOL.search(text, body_end)
        if sm and sm.group(1).strip():
            metadata["symbol"] = sm.group(1).strip()

    lines = _cut_lines(text, body_end)
    footnote_lines = _footnote_lines(lines)
    first_footnote_line = min(footnote_lines, default=len(lines))
    blocks = _body_blocks(lines[:first_footnote_line])
    blocks += _footnote_blocks(lines, first_footnote_line, footnote_lines)

    markers = _find_markers(text, blocks, set(footnote_lines.values()))
    # Markers come in text order, apart: joined slices, not a list of every character.
    plain = _blank_spans(text, [(start, end) for _, start, end, _ in markers]) if markers else text
    if body_end < len(text):
        plain = plain[:body_end] + _NOT_LINE_BREAKS.sub(_as_spaces, plain[body_end:])

    blocks = classify_blocks(blocks, plain, extra_preambular, extra_operative, indented_paragraphs=True)
    return ReadResult(plain=plain, blocks=blocks, markers=markers, metadata=metadata, body_end=body_end)


def _trailer_start(text: str) -> int:
    """Where the export trailer begins: the first line that opens with "<<ODS "
    or "[Start1]<<ODS " (len(text) when there is none).

    A literal search with a look at the line start: the multi-line ``^``
    pattern of ``_reference_trailer_start`` tries a match at every character
    of the body (377M instead of 11M instructions a corpus pass).
    """
    at = text.find(_TRAILER_OPENS)
    while at >= 0:
        line_start = at
        if at >= len(_START_LINE) and text.startswith(_START_LINE, at - len(_START_LINE)):
            line_start = at - len(_START_LINE)
        if line_start == 0 or text[line_start - 1] == "\n":
            return line_start
        at = text.find(_TRAILER_OPENS, at + 1)
    return len(text)


# The readable form of _trailer_start: a multi-line "^" pattern, tried at every character.
_TRAILER = re.compile(r"^(?:\[Start1\])?<<ODS ", re.M)


def _reference_trailer_start(text: str) -> int:
    m = _TRAILER.search(text)
    return m.start() if m else len(text)


def _cut_lines(text: str, end: int) -> list[tuple[int, str]]:
    """The lines of text[:end], each as (start offset, text without its line break).

    A line ends at "\n", "\r\n" or a lone "\r".  str.split is four times
    cheaper than the line pattern of ``_reference_cut_lines`` (77M instead of
    303M instructions a corpus pass); a lone "\r" becomes "\n" first (same
    length, so the offsets hold).
    """
    body = text[:end]
    if "\r" in body:
        body = _LONE_CR.sub("\n", body)
    pieces = body.split("\n")
    if not pieces[-1]:
        pieces.pop()  # the line break that ends the body opens no line
    lines = []
    start = 0
    for piece in pieces:
        lines.append((start, piece.removesuffix("\r")))
        start += len(piece) + 1
    return lines


_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")


def _reference_cut_lines(text: str, end: int) -> list[tuple[int, str]]:
    """The readable form of ``_cut_lines``: a line pattern stepped through the body."""
    lines = []
    for m in _LINE.finditer(text, 0, end):
        if m.start() == end:
            break  # the end of the body
        lines.append((m.start(), m.group(1)))
    return lines


def _footnote_lines(lines: list[tuple[int, str]]) -> dict[int, int]:
    """Pass 1: the footnote bodies, a run of "N text" lines at the end of the
    document (a wrapped body continues on an unnumbered line): line index ->
    footnote number, in line order."""
    index = len(lines) - 1
    while index >= 0 and not lines[index][1].strip():
        index -= 1
    run: list[tuple[int, int]] = []
    while index >= 0:
        line = lines[index][1]
        fm = _FOOTNOTE_BODY.match(line)
        if fm and not DATE_LINE.match(line) and not PLENARY.match(line):
            run.append((index, int(fm.group(1))))
        elif line.strip() and not line.startswith("\t") and index + 1 < len(lines):
            pass  # a continuation line of the body below it
        else:
            break
        index -= 1
    run.reverse()
    return dict(run)


def _body_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """A block for each non-blank line above the footnotes; the date line that
    follows a plenary line joins it."""
    blocks: list[Block] = []
    plenary_pending: Block | None = None
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            plenary_pending = None
            continue
        end = start + len(line)
        if plenary_pending is not None and DATE_LINE.match(stripped):
            plenary_pending.end = end
            plenary_pending.segments = [(plenary_pending.start, end)]
            plenary_pending = None
            continue
        if stripped == _START_LINE:
            continue  # the first line of an export: system metadata, not text
        content_start = end - len(line.lstrip(" \t"))
        block = _new_block(None, content_start, end)
        block.indented = line.startswith("\t")
        blocks.append(block)
        if stripped[0].isdecimal() and PLENARY.match(stripped):  # PLENARY opens with \d: skip the call otherwise
            plenary_pending = block
    return blocks


def _footnote_blocks(lines: list[tuple[int, str]], first: int, numbers: dict[int, int]) -> list[Block]:
    """A FOOTNOTE block for each footnote body from line ``first`` on; an
    unnumbered line continues the body above it."""
    blocks: list[Block] = []
    for index in range(first, len(lines)):
        start, line = lines[index]
        if not line.strip():
            continue
        end = start + len(line)
        if index in numbers:
            block = _new_block(BlockKind.FOOTNOTE, start, end)
            block.footnote_number = numbers[index]
            block.footnote_number_end = start + len(_FOOTNOTE_BODY.match(line).group(1))
            blocks.append(block)
        else:
            body = blocks[-1]
            body.end = end
            body.segments = [(body.start, end)]
    return blocks


def _new_block(kind: BlockKind | None, start: int, end: int) -> Block:
    """A one-segment block whose content starts where it does.  Positional
    arguments: keywords cost the dataclass's __init__ a dict each (a third of
    a block's creation)."""
    return Block(kind, start, end, start, [(start, end)])


def _as_spaces(match: re.Match) -> str:
    return " " * len(match.group())


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """text with each span (in order, disjoint) turned to spaces: offsets kept."""
    pieces = []
    done = 0
    for start, end in spans:
        pieces += (text[done:start], " " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _find_markers(text: str, blocks: list[Block], numbers: set[int]) -> list[tuple[int, int, int, str]]:
    """Pass 2: the markers, first by the sequence, then in the gaps it leaves.

    The paragraphs (indented blocks other than footnote bodies) are where
    markers stand.  ``_sequence_markers`` takes each number where the
    sequence expects it; a number that has a body but no marker after that is
    looked for again by ``_fill_gaps`` in the forms too ambiguous to take
    unasked (``Agenda 216``, ``2015–2030.7``, ``a8nd``).
    """
    spans = [(block.start, block.end) for block in blocks if block.kind != BlockKind.FOOTNOTE and block.indented]
    markers = _sequence_markers(text, spans, numbers)
    if len(numbers) > len({number for number, *_ in markers} & numbers):
        markers = _fill_gaps(text, spans, numbers, markers)
    return markers


def _sequence_markers(text: str, spans: list[tuple[int, int]], numbers: set[int]) -> list[tuple[int, int, int, str]]:
    """Find each marker by the number the sequence expects next.

    A number glued to a lower-case word or to closing punctuation is a marker
    when it is the next number, repeats an earlier one (UN practice for a
    second mention of the same source), or has a footnote body of its own
    (then it is out of sequence, and the footnote rules say so: one missed
    marker does not make every later one a stranger).  A number glued to
    digits (``20045`` = 2004 + 5) or to capitals (``G20``, ``DEC.3``) is
    only taken when the sequence demands exactly it.
    """
    markers: list[tuple[int, int, int, str]] = []
    last_body = max(numbers, default=0)
    expected = 1
    seen: set[int] = set()
    for span_start, span_end in spans:
        for m in _glued_runs(text, span_start, span_end):
            if text.startswith("/", m.end()):
                continue  # "C.6/43": a symbol goes on
            if m.group(1) is not None:  # glued to a word or punctuation
                found = _glued_marker(text, m.group(1), m.start(1), expected, numbers, last_body, seen)
            else:
                found = _run_marker(text, m.group(), m.start(), expected, numbers, last_body)
            if found is None:
                continue
            number, mstart, digits = found
            markers.append((number, mstart, mstart + len(digits), digits))
            if number not in seen:
                seen.add(number)
                expected = max(expected, number + 1)
    return markers


def _glued_marker(
    text: str, digits: str, mstart: int, expected: int, numbers: set[int], last_body: int, seen: set[int]
) -> tuple[int, int, str] | None:
    """The marker that digits glued to a word or punctuation are, as
    (number, start, digits), or None when they are not one."""
    if digits[0] == "0":
        return None
    before = text[mstart - 1]
    if _symbol_dot(text, mstart - 1):
        return None  # "Add.1", "DEC.3", "CMA.5": a symbol's last number
    strong = before.islower() or before in _STRONG_BEFORE
    if before in ".," and mstart >= 2 and text[mstart - 2].isdigit() and (len(digits) == 3 or before == "."):
        return None  # 10.7, 3,121,651,000: a decimal or a thousands group
    number = int(digits)
    if number == expected and number in numbers:
        pass
    elif number >= expected and strong and number + 1 in numbers:
        # The sequence demands it: a marker whose body is missing
        # (the first of a part published apart, too: its
        # numbers run on from the earlier parts).
        pass
    elif number == expected and number > last_body and (before.islower() or before in ".;,:)”’"):
        # The next number after the last body, glued to a word or to
        # closing punctuation: a marker whose footnote is still to be
        # written (a draft's newest note).
        pass
    elif not (strong and (number in seen or number in numbers)):
        return None
    return number, mstart, digits


def _run_marker(
    text: str, run: str, run_start: int, expected: int, numbers: set[int], last_body: int
) -> tuple[int, int, str] | None:
    """The expected marker glued to the end of a year or a symbol number
    ("22 May 20045" = 2004 + marker 5; "resolutions 71/20519" = 71/205 +
    marker 19), as (number, start, digits), or None."""
    tail = str(expected)
    # A body, or the next one's, or the last body is the one before.
    demanded = expected in numbers or expected + 1 in numbers or (numbers and expected == last_body + 1)
    if not demanded or not run.endswith(tail) or len(run) <= len(tail):
        return None
    prefix = run[: -len(tail)]
    is_year = len(prefix) == 4 and prefix[:2] in ("19", "20")
    # Assembly resolution numbers have at most three digits.
    after_slash = (
        text[run_start - 1 : run_start] == "/"
        and len(run) > 3
        and prefix[0] != "0"
        and not _body_year(text, run_start, run)
    )
    if not (is_year or after_slash):
        return None
    return expected, run_start + len(prefix), tail


# Words that a full stop and a number follow in a document symbol or a
# reference, never a sentence that a marker ends: "A/70/L.5/Add.1", "vol. 2".
_ABBREVIATIONS = frozenset(
    "Add Rev Corr Amend Suppl Sub Part Vol vol No Nos no para paras art arts chap sect annex p pp".split()
)
_WORD_BEFORE_DOT = re.compile(r"[^\W\d_]+$")


def _symbol_dot(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` part of a symbol or reference ("DEC.3",
    "CMA.5", "Add.1", "VIII.74") rather than the end of a sentence?"""
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    word = word.group()
    return word in _ABBREVIATIONS or not any(char.islower() for char in word)


# Where a footnote number can hide: every digit run of a paragraph.
_DIGIT_RUN = re.compile(r"\d+")
# Words written elsewhere that a gap's number is tried in before giving up (a bound, not a guess).
_MAX_TRIES = 8
_AROUND_WORDS = "()[]“”‘’\"',;:.!?"
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_HYPHENS = "-‑"
_LETTERS = re.compile(r"[^\W\d_]+")
# A capitalized name that a number completes: "Agenda 21", "Goal 16".
_NAMED_NUMBER = re.compile(
    r"\b(?!(?:Article|Principle|Rule|Chapter|Part|Section|Goal|Target|Action|Annex) )[A-Z][a-z]+ $"
)


def _fill_gaps(
    text: str, spans: list[tuple[int, int]], numbers: set[int], markers: list[tuple[int, int, int, str]]
) -> list[tuple[int, int, int, str]]:
    """The markers the sequence missed, found where they are ambiguous.

    A footnote body whose number no marker carries has its marker between
    the first marker of a lower number and the first of a higher one.  There
    the number is looked for in the forms the sequence does not take unasked:
    glued to a number ("Agenda 216" = Agenda 21 + 6, "COVID-1916",
    "paragraphs VIII.7441"), after a full stop that ends a year or a number
    ("2015–2030.7", "strategy 10.24 Furthermore"), or glued to the next word
    ("2030, 14as", "a8nd").  The most certain form wins, then the first.
    When none is there the marker is really missing, and F002 says so.
    """
    taken = {start for _, start, _, _ in markers}
    first: dict[int, int] = {}
    for number, start, _, _ in markers:
        first.setdefault(number, start)
    by_number = sorted(first.items())
    keys = [number for number, _ in by_number]
    lows = list(accumulate((start for _, start in by_number), max))
    highs = list(accumulate((start for _, start in reversed(by_number)), min))[::-1]
    gaps = []
    for number in sorted(numbers - first.keys()):
        i = bisect_left(keys, number)
        gaps.append((number, lows[i - 1] if i else -1, highs[i] if i < len(keys) else len(text)))
    # Only the paragraphs' text inside a gap is read.
    windows = _merged(sorted((low, high + 1) for _, low, high in gaps if low < high))
    candidates = _gap_candidates(text, [clip for span in spans for clip in _clipped(span, windows)])
    if not candidates:
        return markers
    added: list[tuple[int, int, int, str]] = []
    found_low = -1
    words = _Words(text)
    for number, low, high in gaps:
        options = candidates.get(number)
        if not options:
            continue
        low = max(low, found_low)
        best = None
        tries = 0
        for start, end, _rank, token_start in sorted(options, key=lambda option: option[2]):
            if not (low < start < high and start not in taken):
                continue
            if not words.elsewhere(text, token_start, end):
                best = (start, end)
                break
            tries += 1
            if tries == _MAX_TRIES:
                break
        if best is not None:
            start, end = best
            added.append((number, start, end, text[start:end]))
            taken.add(start)
            found_low = start
    if not added:
        return markers
    return sorted(markers + added, key=lambda marker: marker[1])


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted intervals joined where they overlap: disjoint and in order."""
    merged: list[tuple[int, int]] = []
    for low, high in windows:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _clipped(span: tuple[int, int], windows: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The parts of a span inside the windows (disjoint, in order)."""
    span_start, span_end = span
    i = bisect_left(windows, (span_start,))
    if i and windows[i - 1][1] > span_start:
        i -= 1
    while i < len(windows) and windows[i][0] < span_end:
        start, end = max(windows[i][0], span_start), min(windows[i][1], span_end)
        if start < end:
            yield start, end
        i += 1


class _Words:
    """How often each word that holds a digit, and each such word with the
    word before it, is written in a text (punctuation around them aside):
    counted once, in one split of the text, for any number of questions, and
    only when the first is asked (most documents ask none)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        previous = ""
        for word in self.text.split():
            word = word.strip(_AROUND_WORDS)
            if any(map(str.isdigit, word)):
                counts[word] += 1
                counts[previous + " " + word] += 1
            previous = word
        return counts

    def elsewhere(self, text: str, token_start: int, end: int) -> bool:
        """Is the word that a marker would be cut from ("COVID‑19" for
        COVID‑1 + 9, "Agenda 21" for Agenda 2 + 1) written the same
        elsewhere?  Then it is that word.  (-1: no word is cut.)"""
        if token_start < 0:
            return False
        token = " ".join(word.strip(_AROUND_WORDS) for word in text[token_start:end].split())
        return self.counts[token] > 1


def _gap_candidates(text: str, spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int, int, int]]]:
    """Every place in the paragraphs where a marker could stand: number ->
    [(start, end, rank, token start)] in text order, rank 0 for a marker
    glued the usual way, 1 for a form rarely anything else, 2 for a number
    glued to a number after a space ("Agenda 216"); the token start is where
    the word that the marker is cut from begins ("Agenda 216"), -1 when the
    marker is a whole run of digits."""
    found: dict[int, list[tuple[int, int, int, int]]] = {}
    for span_start, span_end in spans:
        for m in _DIGIT_RUN.finditer(text, span_start, span_end):
            run, start, end = m.group(), m.start(), m.end()
            before = text[start - 1] if start > span_start else " "
            after = text[end] if end < span_end else " "
            if after == "/" or (after in ".,:" and text[end + 1 : end + 2].isdigit()):
                continue  # a symbol or a number goes on
            for size in range(min(3, len(run)), 0, -1):
                digits = run[-size:]
                if digits[0] == "0":
                    continue
                rank = _gap_rank(text, run, start, end, min(end + 3, span_end), size, before, after)
                if rank is not None:
                    token_start = -1
                    if size < len(run):
                        token_start = text.rfind(" ", span_start, start - 1 if rank == 2 else start)
                        token_start = span_start if token_start < 0 else token_start + 1
                    found.setdefault(int(digits), []).append((end - size, end, rank, token_start))
    return found


def _is_year(digits: str) -> bool:
    """ "2005" in "resolution 3/2005": a year, not a number and a marker."""
    return len(digits) == 4 and digits[:2] in ("19", "20")


def _body_year(text: str, start: int, run: str) -> bool:
    """Is the run after a slash a year, as in another body's "resolution
    3/2005"?  After an Assembly session of two digits it is a resolution
    number and a marker ("71/2057" = 71/205 + 7)."""
    return _is_year(run) and not text[max(0, start - 3) : start - 1].isdigit()


def _gap_rank(text: str, run: str, start: int, end: int, limit: int, size: int, before: str, after: str) -> int | None:
    """How surely the last ``size`` digits of the run ``text[start:end]`` are
    a marker: 0 glued the usual way, 1 in a form rarely anything else, 2
    glued to a number after a space; None when they cannot be one."""
    if after.isalnum():
        # "a8nd": inside a word; "2030, 14as": glued to the next word.
        word = _LETTERS.match(text, end, end + 20)
        if size != len(run) or word is None or not after.islower():
            return None  # "5G"
        if before.islower():
            return 1
        return 1 if before.isspace() and word.group() not in _ORDINAL_SUFFIXES else None  # not "21st"
    if size == len(run):
        if not (before.islower() or before in _STRONG_BEFORE) or _symbol_dot(text, start - 1):
            return None
        if before in ".," and text[start - 2 : start - 1].isdigit():
            # "in 2021.9", "2015–2030.7", "strategy 10.24 Furthermore": a
            # number's full stop that ends a sentence or the paragraph (a
            # decimal goes on in lower case: "7.7 per cent").
            rest = text[end:limit].lstrip()[:1]
            return 1 if before == "." and (not rest or rest[0].isupper() or rest[0] in '“"') else None
        return 0
    prefix = run[:-size]
    if prefix[0] == "0" or len(prefix) > 4:
        return None
    if len(prefix) == 4 and prefix[:2] in ("19", "20"):
        return 1  # "30 June 2020" + 3
    # The name keeps two digits at least: "COVID‑19" is not COVID-1 + 9.
    if len(prefix) >= 2 and (before.isalpha() or (before in _HYPHENS and text[start - 2 : start - 1].isalpha())):
        return 1  # "COVID‑19" + 16, "G20" + 3
    if (before == "/" and len(run) > 3 and not _body_year(text, start, run)) or _symbol_dot(text, start - 1):
        # "71/205" + 19 (an Assembly resolution has at most three digits),
        # "VIII.74" + 41, "Add.1" + 2
        return 1
    year = _is_year(run)
    # "Agenda 21" + 6, in a sentence that goes on ("Article 12" alone on its line is a heading).
    goes_on = after in ",;" or (after == " " and text[end + 1 : end + 2].islower())
    if (
        before == " "
        and goes_on
        and len(run) <= 4
        and not year
        and _NAMED_NUMBER.search(text, max(0, start - 30), start)
    ):
        return 2
    return None


def _reference_glued_runs(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The readable form of ``_glued_runs``."""
    return _GLUED.finditer(text, start, end)


def _glued_runs(text: str, start: int, end: int) -> Iterator[re.Match]:
    """What _GLUED.finditer(text, start, end) gives (``_reference_glued_runs``),
    tried at the candidate runs only: 404M instead of 4,818M instructions a
    corpus pass."""
    candidates = _GLUED_CANDIDATE_ASCII if text[start:end].isascii() else _GLUED_CANDIDATE
    for candidate in candidates.finditer(text, start, end):
        m = _GLUED.match(text, candidate.start(), end)
        if m is not None:
            yield m
