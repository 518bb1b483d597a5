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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .blocks import DATE_LINE, PLENARY, Block, ReadResult, classify_blocks

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
_SUPPRESSION = re.compile(r"<!--[ \t]*resolint:[^\r\n]{0,1000}?-->")


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

    A literal search with a look at the line start: a multi-line ``^`` pattern
    would try a match at every character of the body.
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


def _cut_lines(text: str, end: int) -> list[tuple[int, str]]:
    """The lines of text[:end], each as (start offset, text without its line break).

    A line ends at "\n", "\r\n" or a lone "\r".  str.split is ten times
    cheaper than a line regex; a lone "\r" becomes "\n" first (same length, so
    the offsets hold).
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
        block = _new_block("", content_start, end)
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
            block = _new_block("FOOTNOTE", start, end)
            block.footnote_number = numbers[index]
            block.footnote_number_end = start + len(_FOOTNOTE_BODY.match(line).group(1))
            blocks.append(block)
        else:
            body = blocks[-1]
            body.end = end
            body.segments = [(body.start, end)]
    return blocks


def _new_block(kind: str, start: int, end: int) -> Block:
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
    """Pass 2: find each marker by the number the sequence expects next.

    A number glued to a lower-case word or to closing punctuation is a marker
    when it is the next number, repeats an earlier one (UN practice for a
    second mention of the same source), or has a footnote body of its own
    (then it is out of sequence, and the footnote rules say so).  A number
    glued to digits (``20045`` = 2004 + 5) or to capitals (``G20``) is only
    taken when the sequence demands exactly it.
    """
    markers: list[tuple[int, int, int, str]] = []
    last_body = max(numbers, default=0)
    expected = 1
    seen: set[int] = set()
    for block in blocks:
        if block.kind == "FOOTNOTE" or not block.indented:
            continue
        for m in _glued_runs(text, block.start, block.end):
            if m.group(1) is not None:  # glued to a word or punctuation
                digits, mstart = m.group(1), m.start(1)
                if digits[0] == "0":
                    continue
                before = text[mstart - 1]
                strong = before.islower() or before in _STRONG_BEFORE
                if before in ".," and mstart >= 2 and text[mstart - 2].isdigit():
                    # 10.7, 3,121,651,000: a decimal or a thousands group,
                    # unless a single digit after "2020," the sequence demands.
                    if len(digits) == 3 or before == ".":
                        continue
                    strong = False
                number = int(digits)
                if number == expected and number in numbers:
                    pass
                elif number == expected and strong and number + 1 in numbers:
                    pass  # the sequence demands it: a marker whose body is missing
                elif number == expected and number > last_body and (before.islower() or before in ";,:)”’"):
                    # The next number after the last body, glued to a word or to
                    # closing punctuation: a marker whose footnote is still to be
                    # written (a draft's newest note).
                    pass
                elif strong and number in seen:
                    pass
                elif strong and number in numbers and number > expected and before.islower():
                    pass
                else:
                    continue
            else:
                run, run_start = m.group(), m.start()
                # "22 May 20045" = 2004 + marker 5; "resolutions 71/20519" =
                # 71/205 + marker 19: a year or a symbol number with the
                # expected number glued to its end.
                tail = str(expected)
                demanded = expected in numbers or expected + 1 in numbers  # a body, or the next one's
                if not demanded or not run.endswith(tail) or len(run) <= len(tail):
                    continue
                prefix = run[: -len(tail)]
                is_year = len(prefix) == 4 and prefix[:2] in ("19", "20")
                # Assembly resolution numbers have at most three digits.
                after_slash = text[run_start - 1 : run_start] == "/" and len(run) > 3 and prefix[0] != "0"
                if not (is_year or after_slash):
                    continue
                digits, mstart, number = tail, run_start + len(prefix), expected
            markers.append((number, mstart, mstart + len(digits), digits))
            if number not in seen:
                seen.add(number)
                expected = max(expected, number + 1)
    return markers


def _glued_runs(text: str, start: int, end: int) -> Iterator[re.Match]:
    """What _GLUED.finditer(text, start, end) gives, tried at the candidate runs only."""
    candidates = _GLUED_CANDIDATE_ASCII if text[start:end].isascii() else _GLUED_CANDIDATE
    for candidate in candidates.finditer(text, start, end):
        m = _GLUED.match(text, candidate.start(), end)
        if m is not None:
            yield m
