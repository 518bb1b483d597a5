"""Markdown, as resolutions are converted from the published documents.

Surface features: ``#`` headings for the masthead, ``*italic*`` opening
phrases, ``1. *Takes note* …`` items, ``(a) …`` subparagraphs, ``<sup>n</sup>``
markers and footnote bodies that start with ``<sup>n</sup>``, ``---`` page
breaks, ``[58/208](#)`` links and ``**Annex**`` in bold.
"""

from __future__ import annotations

import re

from .blocks import Block, Classifier, ReadResult, merge_continuations

# Markup that carries no words.  Blanked to spaces of the same length so that
# every offset in the plain text is an offset in the source.
# The leading lookahead lets the engine skip to a markup character first.
_MARKUP_KINDS = (
    r"<sup>[^<\n]{0,40}</sup>", r"\]\([^)\s]{0,500}\)", r"\*+", r"\\(?=[^\w\s])", r"^#{1,6}[ \t]", r"^>[ \t]?", r"\[",
)
_MARKUP = re.compile(r"(?=[<\]*\\#>\[])(?:<!--.*?-->|" + "|".join(_MARKUP_KINDS) + ")", re.M | re.S)
# The same without comments, for the text after the last "-->": there an
# opening "<!--" can never close, and trying to close each one would scan to
# the end of the text every time (quadratic on a run of "<!--").
_MARKUP_NO_COMMENT = re.compile(r"(?=[<\]*\\#>\[])(?:" + "|".join(_MARKUP_KINDS) + ")", re.M)
_MARKER = re.compile(r"<sup>\s*(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*</sup>")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_NEW_ITEM = re.compile(r"[ \t]{0,3}(?:\d{1,3}\.[\u200e\u200f]*[ \t]|\d{1,3}[ \t]+\*?[A-Z][a-z]+s\b|\*\d{1,3}\.[ \t]|\(\w{1,4}\)[ \t]|#|<sup>\s*\d|---\s*$|\*\*Annex|\*?\d{1,3}(?:st|nd|rd|th) )")
_FOOTNOTE = re.compile(r"[ \t]{0,3}<sup>\s*(\d{1,4})\s*</sup>")
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]")
_BOLD_LINE = re.compile(r"[ \t]{0,3}\*\*[^*\n]+\*\*\s*$")
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
    if comments_end == 0:
        return _MARKUP_NO_COMMENT.sub(_blank, text)
    pieces: list[str] = []
    pos = 0
    for pattern, start, end in ((_MARKUP, 0, comments_end), (_MARKUP_NO_COMMENT, comments_end, len(text))):
        for m in pattern.finditer(text, start, end):
            pieces.append(text[pos : m.start()])
            pieces.append(_blank(m))
            pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces)


def read_markdown(text: str, extra_preambular=(), extra_operative=()) -> ReadResult:
    comments_end = _comments_end(text)
    plain = _blank_markup(text, comments_end)
    markers: list[tuple[int, int, int, str]] = []
    comments = [(m.start(), m.end(), m.group(1)) for m in _COMMENT.finditer(text, 0, comments_end)] if comments_end else []

    # Lines -> blocks: blank lines separate blocks; inside a group of lines a
    # new list item, heading, footnote or page break starts a new block.
    blocks: list[Block] = []
    current: Block | None = None
    for m in _LINE.finditer(text):
        line_start, line_end_nl = m.start(), m.end()
        if line_start == line_end_nl:
            break
        raw = m.group()
        stripped = raw.rstrip("\r\n")
        line_end = line_start + len(stripped)
        if not plain[line_start:line_end].strip() and not stripped.strip().startswith("<sup>"):
            if stripped.strip() and comments:
                pass  # a comment-only line: invisible, keeps the block open
            else:
                current = None
            continue
        if current is None or _NEW_ITEM.match(stripped) or _HEADING.match(stripped) or _BOLD_LINE.match(stripped):
            current = Block(kind="", start=line_start, end=line_end, content_start=line_start)
            current.heading = bool(_HEADING.match(stripped) or _BOLD_LINE.match(stripped))
            fm = _FOOTNOTE.match(stripped)
            if fm:
                current.kind = "FOOTNOTE"
                current.footnote_number = int(fm.group(1))
                current.footnote_number_end = line_start + fm.end()
            elif stripped.strip() == "---":
                current.kind = "PAGE_BREAK"
            blocks.append(current)
            if current.heading:
                current = None  # a heading is one line
        else:
            current.end = line_end

    for block in blocks:
        block.segments = [(block.start, block.end)]
        if block.kind == "FOOTNOTE":
            continue
        for mm in _MARKER.finditer(text, block.start, block.end):
            for number in re.findall(r"\d+", mm.group(1)):
                markers.append((int(number), mm.start(), mm.end(), mm.group()))
        # An opening italic run: "*Reaffirming also* its …", "*The General Assembly,*"
        lead = block.start + (len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip(" \t")))
        # "5\. *Decides*": a Markdown-escaped full stop still ends the number.
        number_m = re.match(r"(?:\d{1,3}\\?\.?[\u200e\u200f]*|\(\w{1,4}\))[ \t]+", text[lead : lead + 12])
        if number_m:
            lead += number_m.end()
        im = _ITALIC_OPEN.match(text, lead, block.end)
        if im:
            block.italic_end = im.end() - 1

    classifier = Classifier(plain, extra_preambular, extra_operative)
    header_zone = True
    for block in blocks:
        if block.kind:
            continue
        classifier.classify(block, header_zone=header_zone)
        if block.kind in ("OPENER", "OTHER_ORGAN_OPENER") or block.code in "ptucnqar":
            header_zone = False
    blocks = merge_continuations(blocks, plain)
    return ReadResult(plain=plain, blocks=blocks, markers=markers, comments=comments, body_end=len(text))
