"""Readers: turn the text of one format into block tokens with spans.

A reader knows the surface of its format (Markdown italics and ``<sup>``
markers; the document system's tabs, glued markers and trailer) and nothing
of a resolution's order: it classifies each block on its own (a numbered
paragraph, a heading, a footnote body …) and the grammar decides whether the
blocks stand in a valid order.
"""

from __future__ import annotations

from pathlib import PurePath

from .blocks import Block, ReadResult

FORMATS = ("markdown", "text")


def format_for_path(path: str) -> str | None:
    suffix = PurePath(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".txt", ".text"):
        return "text"
    return None


def sniff_format(text: str) -> str:
    """Guess the format of text with no file name (stdin)."""
    head = text[:20000]
    md_signals = head.count("<sup>") + head.count("\n#") + head.count("\n*") + head.count("](")
    tab_signals = head.count("\n\t")
    return "markdown" if md_signals > tab_signals else "text"


__all__ = ["Block", "ReadResult", "FORMATS", "format_for_path", "sniff_format"]
