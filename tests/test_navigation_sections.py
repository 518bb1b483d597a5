"""The editor's outline shows the operative part as ``resolint outline`` does (issue 15).

Both come from one tree (``outline.body_tree``): the sections of an
operative part, the lettered sections inside them with their own short
preambles, and the paragraphs of each under it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolint.navigation import Symbol, document_symbols, folding_ranges
from resolint.outline import outline
from resolint.parser import parse


def _doc(corpus: Path, name: str):
    path = corpus / name
    return parse(path.read_text(encoding="utf-8"), None, str(path))


def _walk(symbols: list[Symbol]):
    for s in symbols:
        yield s
        yield from _walk(s.children)


@pytest.mark.parametrize("ext", ["markdown/A-RES-80-236AB.md", "plaintext/A-RES-80-236AB.txt"])
def test_sections_and_lettered_sections_are_symbols(corpus: Path, ext: str) -> None:
    doc = _doc(corpus, f"assembly-75-80/{ext}")
    part_a = next(s for s in document_symbols(doc) if s.name == "Part A")
    sections = [s for s in part_a.children if s.kind == "division"]
    assert [s.name.split(".")[0] for s in sections] == ["I", "II"]
    assert all(s.detail == "section" for s in sections)
    # Section II holds its own paragraph and the lettered sections A and B, each with its preamble.
    second = sections[1]
    lettered = [c for c in second.children if c.kind == "division"]
    assert [c.name[:2] for c in lettered] == ["A.", "B."]
    assert all(c.detail == "lettered section" for c in lettered)
    b = lettered[1]
    assert [c.kind for c in b.children] == ["preamble", "operative", "operative", "operative", "operative"]
    assert [c.name.split()[0] for c in b.children[1:]] == ["1.", "2.", "3.", "4."]
    # Every symbol lies inside its parent, and a paragraph of a section is not also at the part's level.
    for parent in _walk([part_a]):
        assert all(parent.start <= c.start and c.end <= parent.end for c in parent.children)
    top = [c.name for c in part_a.children if c.kind == "operative"]
    assert top[0].startswith("1. Takes note") and not any(n.startswith("Approves") for n in top)
    # The sections fold.
    folds = {(f.start, f.end) for f in folding_ranges(doc)}
    assert all((s.start, s.end) in folds for s in _walk(sections) if s.kind == "division")


@pytest.mark.parametrize(
    "name",
    [
        "assembly-75-80/markdown/A-RES-80-236AB.md",
        "assembly-75-80/plaintext/A-RES-80-109.txt",
        "assembly-75-80/markdown/A-RES-80-238.md",
        "assembly-variety/markdown/A-RES-77-118.md",
    ],
)
def test_the_editor_outline_has_the_sections_resolint_outline_prints(corpus: Path, name: str) -> None:
    doc = _doc(corpus, name)
    printed = re.findall(r"^\s*(?:lettered )?section (.+?)  @(\d+):", outline(doc), re.M)
    assert printed
    shown = [
        (s.name, doc.span(s.selection_start, s.selection_end).line + 1)
        for s in _walk(document_symbols(doc))
        if s.kind == "division" and s.detail in ("section", "lettered section")
    ]
    assert [line for _, line in shown] == [int(line) for _, line in printed]
    assert [n.split(".")[0] for n, _ in shown] == [label.split(".")[0] for label, _ in printed]
