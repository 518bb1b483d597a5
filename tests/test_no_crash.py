"""No input crashes the reader, the parser or the rules."""

from __future__ import annotations

import random

import pytest

from resolint.linter import lint_text


def _texts(corpus):
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*")) if p.suffix in (".md", ".txt")]


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_truncated_and_shuffled(corpus, fmt):
    rng = random.Random(1234)
    for path, text in _texts(corpus)[:10]:
        for cut in (0, 1, len(text) // 3, len(text) // 2, len(text) - 1):
            lint_text(text[:cut], str(path), fmt)
        lines = text.splitlines(keepends=True)
        rng.shuffle(lines)
        result = lint_text("".join(lines), str(path), fmt)
        n = len(result.document.source.text)
        assert all(0 <= d.start <= d.end <= n for d in result.diagnostics)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_empty_random_bytes_and_long_lines(fmt):
    rng = random.Random(42)
    lint_text("", "-", fmt)
    lint_text("\n\n\r\n\r", "-", fmt)
    garbage = bytes(rng.randrange(256) for _ in range(20000)).decode("latin-1")
    lint_text(garbage, "-", fmt)
    for piece in ("9", "/", " ", "*", "<sup>", "(", "resolution 1/1 of 1 January 2000, ", "\t1.\t"):
        lint_text(piece * (100_000 // len(piece)), "-", fmt)
