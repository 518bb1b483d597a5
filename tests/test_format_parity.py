"""The same document in the two formats gives the same findings.

Each text of ``assembly-75-80`` and ``assembly-variety`` exists as Markdown
and as the document system's plain text.  Their findings must agree by code
and by paragraph, not by line (the two formats wrap and lay out
differently), apart from what only Markdown can show: italics (P001).

A finding's paragraph is named by its words, which the two formats share
once markup, markers, numbers and labels are set aside: the first words of
the paragraph (or subparagraph) that holds it, of the footnote that holds
it, or else of its line.  Words survive a parse that differs between the
formats, where a kind-and-number path would not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from pathlib import Path

import pytest

from resolint.linter import lint_text

FOLDERS = ("assembly-75-80", "assembly-variety")
MARKDOWN_ONLY = frozenset({"P001"})  # italics
_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_WORDS = 8


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text)[:_WORDS]).lower()


def _where(document, offset: int, places: tuple[list[int], list[tuple[int, int, str]]]) -> str:
    starts, spans = places
    i = bisect_right(starts, offset) - 1
    while i >= 0:
        start, end, name = spans[i]
        if start <= offset < end:
            return name
        if end <= offset and start < offset - 100_000:
            break
        i -= 1
    plain = document.plain
    line_start = plain.rfind("\n", 0, offset) + 1
    line_end = plain.find("\n", offset)
    return "line: " + _words(plain[line_start : len(plain) if line_end < 0 else line_end])


def _places(document) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The paragraphs' segments and the footnotes, innermost last among equals, by start."""
    spans = []
    for paragraph in document.paragraphs():
        name = "paragraph: " + _words(paragraph.text)
        spans += [(start, end, name) for start, end in paragraph.segments]
    for note in document.footnotes:
        spans.append((note.span.start, note.span.end, f"footnote {note.number}: " + _words(note.text)))
    spans.sort(key=lambda span: (span[0], -span[1]))
    return [start for start, _, _ in spans], spans


def _findings(path: Path) -> Counter:
    result = lint_text(path.read_text(encoding="utf-8"), str(path))
    places = _places(result.document)
    return Counter(
        (d.code, _where(result.document, d.start, places)) for d in result.diagnostics if d.code not in MARKDOWN_ONLY
    )


def _pairs(corpus: Path, folder: str) -> list[tuple[Path, Path]]:
    pairs = []
    for md in sorted((corpus / folder / "markdown").glob("*.md")):
        txt = corpus / folder / "plaintext" / (md.stem + ".txt")
        if txt.exists():
            pairs.append((md, txt))
    return pairs


@pytest.mark.parametrize("folder", FOLDERS)
def test_both_formats_give_the_same_findings(corpus: Path, folder: str) -> None:
    pairs = _pairs(corpus, folder)
    assert pairs, f"no document of ../shared/corpus/{folder} in both formats"
    differ = []
    for md, txt in pairs:
        in_md, in_txt = _findings(md), _findings(txt)
        if in_md != in_txt:
            only_md = sorted((in_md - in_txt).elements())
            only_txt = sorted((in_txt - in_md).elements())
            differ.append(f"{md.parent.parent.name}/{md.stem}: only Markdown {only_md}; only text {only_txt}")
    assert not differ, f"{len(differ)} of {len(pairs)} pairs differ:\n" + "\n".join(differ)
