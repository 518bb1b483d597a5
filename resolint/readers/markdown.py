"""Markdown, as resolutions are converted from the published documents.

Surface features: ``#`` headings for the masthead, ``*italic*`` opening
phrases, ``1. *Takes note* …`` items, ``(a) …`` subparagraphs, ``<sup>n</sup>``
markers and footnote bodies that start with ``<sup>n</sup>``, ``---`` page
breaks, ``[58/208](#)`` links and ``**Annex**`` in bold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .blocks import Block, BlockKind, ReadResult, classify_blocks

# Markup that carries no words.  Blanked to spaces of the same length so that
# every offset in the plain text is an offset in the source.
_MARKUP_KINDS = (r"<sup>[^<\n]{0,40}</sup>", r"\]\([^)\s]{0,500}\)", r"\\(?=[^\w\s])", r"^#{1,6}[ \t]", r"^>[ \t]?")
# The characters those start with (the "#" and ">" only at the start of a line).
_MARKUP_STARTS = "<]\\#>"
# Markup wherever they stand: alone, or inside other markup and blanked with
# it.  Blanked all at once with str.replace; as a run of "*" or a "[" holds
# nothing else, leaving them out of the patterns does not move the rest.
_ALWAYS_MARKUP = "*["
_MARKUP = re.compile(r"<!--.*?-->|" + "|".join(_MARKUP_KINDS), re.M | re.S)
# The same without comments, for the text after the last "-->": there an
# opening "<!--" can never close, and trying to close each one would scan to
# the end of the text every time (quadratic on a run of "<!--").
_MARKUP_NO_COMMENT = re.compile("|".join(_MARKUP_KINDS), re.M)
_MARKER = re.compile(r"<sup>\s*(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*</sup>")
_DIGITS = re.compile(r"\d+")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_NEW_ITEM = re.compile(
    r"[ \t]{0,3}(?:\d{1,3}\.[\u200e\u200f]*[ \t]|\d{1,3}[ \t]+\*?[A-Z][a-z]+s\b|\*\d{1,3}\.[ \t]|\(\w{1,4}\)[ \t]|#|<sup>\s*\d|---\s*$|\*\*Annex|\*?\d{1,3}(?:st|nd|rd|th) )"
)
_FOOTNOTE = re.compile(r"[ \t]{0,3}<sup>\s*(\d{1,4})\s*</sup>")
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]")
_BOLD_LINE = re.compile(r"[ \t]{0,3}\*\*[^*\n]+\*\*\s*$")
# "5\. *Decides*": a Markdown-escaped full stop still ends the number.
_ITEM_NUMBER = re.compile(
    r"(?:\d{1,3}\\?\.?[\u200e\u200f]*|\(\w{1,6}\))[ \t]+(?:[\u200e\u200f\u200b\u2060\ufeff][ \t]*)*"
)
_ITALIC_OPEN = re.compile(r"\*(?!\*)([^*\n]+)\*")


def _blank(m: re.Match) -> str:
    s = m.group()
    return re.sub(r"[^\r\n]", " ", s) if ("\n" in s or "\r" in s) else " " * len(s)


def _comments_end(text: str) -> int:
    """Where comments can no longer close: just after the last "-->" that
    follows a "<!--" (0 when there is none)."""
    opening = text.find("<!--")
    if opening < 0:
        return 0
    closing = text.rfind("-->")
    return closing + 3 if closing > opening else 0


def _blank_markup(text: str, comments_end: int) -> str:
    """The text with its markup blanked, offsets kept: what
    ``_reference_blank_markup`` gives, for 183M instead of 2,427M
    instructions a corpus pass (str.find at the candidates, str.replace of
    "*" and "[", instead of a pattern tried at every character)."""
    blanked = text
    for char in _ALWAYS_MARKUP:
        blanked = blanked.replace(char, " ")
    pieces: list[str] = []
    pos = 0
    for pattern, start, end in ((_MARKUP, 0, comments_end), (_MARKUP_NO_COMMENT, comments_end, len(text))):
        for m in _markup_matches(text, pattern, start, end):
            markup_start, markup_end = m.span()
            pieces.append(blanked[pos:markup_start])
            pieces.append(_blank(m))
            pos = markup_end
    pieces.append(blanked[pos:])
    return "".join(pieces)


def _reference_blank_markup(text: str, comments_end: int) -> str:
    """The readable form of ``_blank_markup``: one pattern (with the "*" runs
    and "[" that _blank_markup blanks with str.replace) stepped through every
    character, each match blanked in place."""
    kinds = "|".join(_MARKUP_KINDS + (r"\*+", r"\["))
    pieces: list[str] = []
    pos = 0
    with_comments = re.compile(r"<!--.*?-->|" + kinds, re.M | re.S)
    for pattern, start, end in ((with_comments, 0, comments_end), (re.compile(kinds, re.M), comments_end, len(text))):
        for m in pattern.finditer(text, start, end):
            pieces += (text[pos : m.start()], _blank(m))
            pos = m.end()
    return "".join(pieces) + text[pos:]


def _markup_matches(text: str, pattern: re.Pattern, start: int, end: int) -> Iterator[re.Match]:
    """What ``pattern.finditer(text, start, end)`` finds, trying the pattern
    only where markup can start: the regex engine would try it at every
    character, str.find skips to the next candidate many times faster."""
    pos = start
    for candidate in _markup_candidates(text, start, end):
        if candidate >= pos:
            m = pattern.match(text, candidate, end)
            if m:
                yield m
                pos = m.end()


def _markup_candidates(text: str, start: int, end: int) -> list[int]:
    """Where in text[start:end] markup can start, in order."""
    candidates = []
    for char in _MARKUP_STARTS:
        at = text.find(char, start, end)
        while at >= 0:
            candidates.append(at)
            at = text.find(char, at + 1, end)
    candidates.sort()
    return candidates


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Each line as (start, end, text), its end before the "\n" or "\r\n":
    what ``_reference_lines`` gives, cut with str.split (90M instead of 413M
    instructions a corpus pass)."""
    has_cr = "\r" in text
    if has_cr and text.count("\r") != text.count("\r\n"):
        return _reference_lines(text)  # a lone CR ends a line too
    pieces = text.split("\n")
    if not pieces[-1]:
        pieces.pop()  # nothing after the last line break (or an empty text)
    lines = []
    start = 0
    for piece in pieces:
        end = start + len(piece)
        lines.append((start, end, piece))
        start = end + 1
    if has_cr:
        return [
            (start, end - 1, line[:-1]) if line.endswith("\r") else (start, end, line) for start, end, line in lines
        ]
    return lines


def _reference_lines(text: str) -> list[tuple[int, int, str]]:
    """The readable form of ``_lines``, and what it does where a lone CR ends
    a line (parser.parse turns each into LF before reading, so only a direct
    caller of the reader comes here)."""
    lines = []
    for m in _LINE.finditer(text):
        if m.end() == m.start():
            break  # the end of the text
        line = m.group().rstrip("\r\n")
        lines.append((m.start(), m.start() + len(line), line))
    return lines


def _item_body(line: str) -> str:
    """The line after its indent when a new item, heading or footnote could
    open it: those start within three spaces or tabs ("" after a deeper indent)."""
    body = line.lstrip(" \t")
    return body if len(line) - len(body) <= 3 else ""


def _opens_block(line: str) -> bool:
    """A list item, heading, footnote, page break or bold line: a new block
    even without a blank line before it.  (_NEW_ITEM covers _HEADING.
    Trying them only on a line whose first character can open one saved
    0.2M instructions a corpus pass.)"""
    return bool(_NEW_ITEM.match(line) or _BOLD_LINE.match(line))


def _new_block(line: str, start: int, end: int, body: str) -> Block:
    # Positional: with keywords, the 18-field constructor takes twice the time.
    block = Block(None, start, end, start)
    if body.startswith("#"):
        block.heading = _HEADING.match(line) is not None
    elif body.startswith("**"):
        block.heading = _BOLD_LINE.match(line) is not None
    footnote = _FOOTNOTE.match(line) if body.startswith("<sup>") else None
    if footnote:
        block.kind = BlockKind.FOOTNOTE
        block.footnote_number = int(footnote.group(1))
        block.footnote_number_end = start + footnote.end()
    elif line.strip() == "---":
        block.kind = BlockKind.PAGE_BREAK
    return block


def _split_blocks(text: str, plain: str, has_comments: bool) -> list[Block]:
    """Lines -> blocks: blank lines separate blocks; inside a group of lines a
    new list item, heading, footnote or page break starts a new block."""
    blocks: list[Block] = []
    current: Block | None = None
    for start, end, line in _lines(text):
        plain_line = plain[start:end]
        if (not plain_line or plain_line.isspace()) and not line.strip().startswith("<sup>"):
            if line.strip() and has_comments:
                pass  # a comment-only line: invisible, keeps the block open
            else:
                current = None
            continue
        body = _item_body(line)
        if current is None or _opens_block(line):
            current = _new_block(line, start, end, body)
            blocks.append(current)
            if current.heading:
                current = None  # a heading is one line
        else:
            current.end = end
    return blocks


def _markers(text: str, blocks: list[Block]) -> list[tuple[int, int, int, str]]:
    """The footnote markers in the blocks other than footnote bodies."""
    markers = []
    for block in blocks:
        if block.kind == BlockKind.FOOTNOTE or text.find("<sup>", block.start, block.end) < 0:
            continue
        for m in _MARKER.finditer(text, block.start, block.end):
            written = m.group()
            for number in _DIGITS.findall(m.group(1)):
                markers.append((int(number), m.start(), m.end(), written))
    return markers


def _italic_end(text: str, block: Block) -> int:
    """The end of an opening italic run: "*Reaffirming also* its …", "*The
    General Assembly,*", "1. *Decides* …" (-1 when none)."""
    lead = block.start
    while text[lead] in " \t":  # the block's first line holds more than blanks
        lead += 1
    if text[lead] == "(" or text[lead].isdecimal():
        number = _ITEM_NUMBER.match(text, lead, lead + 12)
        if number:
            lead = number.end()
    italic = _ITALIC_OPEN.match(text, lead, block.end) if text.startswith("*", lead, block.end) else None
    return italic.end() - 1 if italic else -1


def read_markdown(text: str, extra_preambular=(), extra_operative=()) -> ReadResult:
    comments_end = _comments_end(text)
    plain = _blank_markup(text, comments_end)
    has_comments = comments_end > 0 and _COMMENT.search(text, 0, comments_end) is not None
    blocks = _split_blocks(text, plain, has_comments)
    markers = _markers(text, blocks)
    for block in blocks:
        block.segments = [(block.start, block.end)]
        if block.kind != BlockKind.FOOTNOTE:
            block.italic_end = _italic_end(text, block)

    blocks = classify_blocks(blocks, plain, extra_preambular, extra_operative)
    return ReadResult(plain=plain, blocks=blocks, markers=markers, body_end=len(text))
