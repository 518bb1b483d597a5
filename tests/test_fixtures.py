"""Every fixture under tests/fixtures yields exactly the findings its sidecar lists.

A fixture is a real text with one thing changed; ``NAME.md.expect`` lists
``CODE LINE:COL`` per expected finding.  A line ``# only: F,N`` restricts the
comparison to those families.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.linter import lint_text
from resolint.report import position

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())


def _expected(path: Path) -> tuple[set[tuple[str, int, int]], set[str] | None]:
    sidecar = path.with_name(path.name + ".expect")
    expected, only = set(), None
    for raw in sidecar.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line[1:].strip().startswith("only:"):
                only = {f.strip() for f in line.split(":", 1)[1].split(",") if f.strip()}
            continue
        code, where = line.split()
        row, col = where.split(":")
        expected.add((code, int(row), int(col)))
    return expected, only


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(FIXTURES)) for p in CASES])
def test_fixture(path: Path) -> None:
    assert path.with_name(path.name + ".expect").exists(), f"{path.name} has no .expect sidecar"
    expected, only = _expected(path)
    result = lint_text(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for d in result.diagnostics:
        if only and not any(d.code.startswith(f) for f in only):
            continue
        line, col = position(result.document.source, d.start)
        found.add((d.code, line, col))
    assert found == expected, "\n".join(
        [f"missing: {e}" for e in sorted(expected - found)]
        + [
            f"unexpected: {f} " + next(d.message for d in result.diagnostics if d.code == f[0])
            for f in sorted(found - expected)
        ]
    )
