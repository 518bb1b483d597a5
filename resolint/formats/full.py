"""``full`` (the default): the concise header, then the source line with a caret under the span.

    drafts/a.md:26:1: P001 opening phrase "Recalling" is not italic …
       |
    26 | Recalling its resolutions 58/208 of 23 December 2003, …
       | ^^^^^^^^^
       = fix (safe): italicize "Recalling"

Long lines (a plain-text paragraph is one line) are cut to a window around
the span.  Tabs show as four spaces and wide characters as two columns, so the
caret stands under the span in a terminal.  Colour only when asked
(``--color``, a terminal without ``NO_COLOR``).
"""

from __future__ import annotations

import unicodedata
from typing import TextIO

from .concise import header

WIDTH = 100  # columns of source shown
_RESET = "\033[0m"
_BOLD = "\033[1m"
_BLUE = "\033[34m"
_CYAN = "\033[36m"
_COLOUR = {"error": "\033[31m", "warning": "\033[33m", "info": _CYAN, "hint": _CYAN}


def _cells(char: str) -> int:
    if char == "\t":
        return 4
    if unicodedata.combining(char) or char in "\u200b\u200e\u200f\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _render(text: str) -> str:
    return "".join("    " if c == "\t" else ("" if _cells(c) == 0 and c in "\u200e\u200f\ufeff" else c) for c in text)


def _width(text: str) -> int:
    return sum(_cells(c) for c in text)


def snippet(line_text: str, column: int, end_column: int | None) -> tuple[str, str]:
    """(source text, caret line) for 1-based ``column`` .. ``end_column`` (exclusive, same line)."""
    start = max(0, column - 1)
    end = len(line_text) if end_column is None else min(len(line_text), max(end_column - 1, start))
    if end <= start:
        end = start + 1  # a point (an insertion): one caret
    left = 0
    prefix = ""
    if start > WIDTH - 30:
        left = start - 20
        prefix = "…"
    right = min(len(line_text), left + WIDTH)
    suffix = "…" if right < len(line_text) else ""
    shown = line_text[left:right]
    pad = _width(prefix) + _width(line_text[left:start])
    carets = max(1, _width(line_text[start : min(end, right)]))
    return prefix + _render(shown) + suffix, " " * pad + "^" * carets


def write(results, out: TextIO, options) -> None:
    colour = options.color

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    for r in results:
        for f in r.findings:
            head = header(r.path, f)
            if colour:
                location = f"{r.path}:{f.line}:{f.column}:"
                head = f"{_BOLD}{location}{_RESET} {paint(_BOLD + _COLOUR[f.severity], f.code)} {f.message}"
            out.write(head + "\n")
            if f.source_line or f.line:
                end_column = f.end_column if f.end_line == f.line else None
                source, carets = snippet(f.source_line, f.column, end_column)
                number = str(f.line)
                gutter = " " * len(number)
                out.write(paint(_BLUE, f"{gutter} |") + "\n")
                out.write(paint(_BLUE, f"{number} |") + f" {source}\n")
                out.write(paint(_BLUE, f"{gutter} |") + " " + paint(_BOLD + _COLOUR[f.severity], carets) + "\n")
                if f.paragraph:
                    out.write(paint(_BLUE, f"{gutter} =") + f" in {f.paragraph}\n")
                if f.fix is not None:
                    out.write(paint(_BLUE, f"{gutter} =") + f" fix ({f.fix['applicability']}): {f.fix['message']}\n")
            out.write("\n")
