"""No input crashes the reader, the parser or the rules, and every finding lies inside its text."""

from __future__ import annotations

import random

import pytest

from resolint.linter import lint_text


def _texts(corpus):
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*")) if p.suffix in (".md", ".txt")]


def _linted(text: str, name: str, fmt: str):
    """The findings on ``text``, each checked to lie inside it."""
    result = lint_text(text, name, fmt)
    n = len(result.document.source.text)
    assert n == len(text)
    bad = [(d.code, d.start, d.end) for d in result.diagnostics if not 0 <= d.start <= d.end <= n]
    assert not bad, f"{name}: findings outside the text: {bad}"
    return result.diagnostics


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_truncated_and_shuffled(corpus, fmt):
    rng = random.Random(1234)
    documents = [(path, text) for path, text in _texts(corpus) if path.name != "README.md"][:10]
    assert len(documents) == 10
    for path, text in documents:
        for cut in (0, 1, len(text) // 3, len(text) // 2, len(text) - 1):
            _linted(text[:cut], str(path), fmt)
        lines = text.splitlines(keepends=True)
        rng.shuffle(lines)
        # A resolution with its lines shuffled is never a clean one.
        assert _linted("".join(lines), str(path), fmt), f"{path.name}: no finding on its shuffled lines"


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_empty_and_blank_texts_have_no_findings(fmt):
    for text in ("", "\n\n\r\n\r", " " * 100_000, "*" * 100_000):
        assert _linted(text, "-", fmt) == [], repr(text[:10])


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_random_bytes_lint(fmt):
    rng = random.Random(42)
    garbage = bytes(rng.randrange(256) for _ in range(20000)).decode("latin-1")
    assert _linted(garbage, "-", fmt)  # no resolution: something is reported


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize("piece", ["9", "/", "<sup>", "(", "resolution 1/1 of 1 January 2000, ", "\t1.\t"])
def test_a_100kb_line_of_one_piece_is_one_unrecognised_block(piece, fmt):
    findings = _linted(piece * (100_000 // len(piece)), "-", fmt)
    assert [d.code for d in findings] == ["S001"]
