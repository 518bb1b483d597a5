"""Every document of ../shared/corpus/markdown as Word (made by pandoc from
the Markdown, as tests/data/docx/make_fixtures.py makes the seed) gives the
findings of its Markdown original, and the same model."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("lxml")

from resolint.linter import lint_text  # noqa: E402
from resolint.word import lint_docx  # noqa: E402

DATA = Path(__file__).parent / "data" / "docx"
sys.path.insert(0, str(DATA))

from make_fixtures import pandoc, pandoc_markdown  # noqa: E402


@pytest.fixture(scope="module")
def as_word(tmp_path_factory):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed (apt-get install pandoc): the corpus cannot be made into Word here")
    folder = tmp_path_factory.mktemp("docx")

    def convert(markdown: Path) -> Path:
        out = folder / (markdown.stem + ".docx")
        if not out.exists():
            pandoc(pandoc_markdown(markdown.read_text(encoding="utf-8")), out)
        return out

    return convert


def facts(doc) -> dict:
    paragraphs = [p for part in doc.parts for p in part.preamble + part.operative]
    return {
        "kind": doc.kind,
        "preambular": sum(len(part.preamble) for part in doc.parts),
        "operative": sum(len(part.operative) for part in doc.parts),
        "subparagraphs": sum(len(p.subparagraphs) for p in paragraphs),
        "italic openers": sum(1 for p in paragraphs if p.opener and p.opener.italic),
        "footnotes": [f.number for f in doc.footnotes],
        "markers": [m.number for m in doc.markers],
        "dates": sorted(d.text for d in doc.dates),
        "annexes": len(doc.annexes),
        "unrecognised": len(doc.unrecognised),
    }


@pytest.mark.slow
def test_word_gives_the_markdown_findings(corpus, as_word):
    documents = sorted((corpus / "markdown").glob("*.md"))
    assert documents, "the corpus has no markdown folder"
    for markdown in documents:
        original = lint_text(markdown.read_text(encoding="utf-8"), str(markdown))
        word = lint_docx(as_word(markdown))
        # Messages name lines: a Markdown line there, a Word paragraph here.
        assert [(d.code, d.message) for d in word.diagnostics if "line" not in d.message] == [
            (d.code, d.message) for d in original.diagnostics if "line" not in d.message
        ], markdown.name
        assert [d.code for d in word.diagnostics] == [d.code for d in original.diagnostics], markdown.name
        assert facts(word.document) == facts(original.document), markdown.name


def test_what_word_expresses_better(corpus, as_word):
    """The one difference in the models: "[36](#)[/55](#)", a citation the
    Markdown's link markup cuts in two, is one run of text in Word."""
    markdown = corpus / "markdown" / "A-RES-78-264.md"
    original = lint_text(markdown.read_text(encoding="utf-8"), str(markdown)).document
    word = lint_docx(as_word(markdown)).document
    assert "36/55" not in [c.symbol for c in original.citations]
    assert "36/55" in [c.symbol for c in word.citations]
