"""One fault, one finding (issue 11): moving one block must not cascade.

For every document of ``../shared/corpus`` one paragraph is moved across the
preamble/operative boundary (``faults.move_block``: the middle preambular
paragraph goes after the middle operative paragraph, or the middle operative
paragraph goes up into the preamble; which one is fixed per document, the
same in both formats).  The moved document may have at most one structure
(S) finding and at most three findings in all that the unmoved document
lacks, counted by code and message class (the message with its quotations,
labels and numbers blanked, so that the same finding on a shifted paragraph
is not counted as new but each extra finding of a cascade is).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

import faults
import pytest
from conftest import CORPUS

from resolint.diagnostics import Severity
from resolint.linter import lint_text

MAX_NEW = 3
MAX_NEW_S = 1


def _documents() -> list[str]:
    if not CORPUS.is_dir():
        return ["(no corpus)"]
    return sorted(
        str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt") and p.name != "README.md"
    )


def message_class(code: str, message: str) -> str:
    message = re.sub(r"“[^”]*”|\"[^\"]*\"", "“…”", message)
    message = re.sub(r"\([a-z]{1,5}\)", "(…)", message)
    message = re.sub(r"\d+", "#", message)
    return f"{code} {message}"


def _classes(findings) -> Counter:
    return Counter(message_class(d.code, d.message) for d in findings if d.severity > Severity.HINT)


def which_move(path: str) -> int:
    """0 or 1, the same for a document's Markdown and plain-text files."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return zlib.crc32(stem.encode()) % 2


@pytest.mark.parametrize("rel", _documents())
def test_moving_one_block_gives_at_most_three_new_findings(corpus, rel):
    path = corpus / rel
    text = path.read_text(encoding="utf-8")
    fmt = faults.fmt_of(path.name)
    moved = faults.move_block(text, fmt, which_move(rel))
    if moved is None:
        pytest.skip("no preamble and operative part to move a paragraph between")
    mutated, note = moved
    before = _classes(lint_text(text, str(path), fmt).diagnostics)
    after = _classes(lint_text(mutated, str(path), fmt).diagnostics)
    new = after - before
    shown = "\n  ".join(f"{n} × {c}" for c, n in new.most_common())
    total = sum(new.values())
    s_count = sum(n for c, n in new.items() if c.startswith("S"))
    assert total <= MAX_NEW and s_count <= MAX_NEW_S, f"{note}: {total} new findings ({s_count} S):\n  {shown}"
