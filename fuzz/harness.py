"""The invariants every fuzz input must keep, shared by the atheris target
(fuzz_lint.py) and the fallback random-mutation driver (mutate.py).

One input is linted as Markdown and as plain text with every rule; a
crash is any exception, a span outside the text, a span that does not
survive the LSP's UTF-16 conversion, or a fix that cannot be applied.
"""

from __future__ import annotations

from resolint.fixes import fix_text
from resolint.linter import lint_text
from resolint.source import Source


def decode(data: bytes) -> str:
    """Bytes -> text as an editor would hold it (undecodable bytes replaced)."""
    return data.decode("utf-8", errors="replace")


def check(text: str, fix: bool = True) -> None:
    """Raise AssertionError (or whatever the linter raises) if an invariant breaks."""
    for fmt in ("markdown", "text"):
        result = lint_text(text, "-", fmt)
        source = Source(text)
        n = len(text)
        for d in result.diagnostics:
            assert 0 <= d.start <= d.end <= n, (fmt, d.code, d.start, d.end, n)
            for offset in (d.start, d.end):
                line, column = source.utf16_position(offset)
                back = source.offset_of_utf16(line, column)
                # An offset between \r and \n of a CRLF is not a position an
                # editor can name; everything else must come back exactly.
                assert back == offset or text[back : offset + 1] == "\r\n"[: offset - back + 1], (
                    fmt,
                    d.code,
                    offset,
                    back,
                )
            for start, end, _note in d.related:
                assert 0 <= start <= end <= n, (fmt, d.code, "related", start, end, n)
            if d.fix is not None:
                for e in d.fix.edits:
                    assert 0 <= e.start <= e.end <= n, (fmt, d.code, "edit", e.start, e.end, n)
        if fix and result.diagnostics:
            lint = lambda t, fmt=fmt: lint_text(t, "-", fmt).diagnostics  # noqa: E731
            fixed, _ = fix_text(text, lint, unsafe=True, max_rounds=3)
            assert isinstance(fixed, str)
