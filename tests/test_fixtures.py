"""Every fixture under tests/fixtures yields exactly the findings its sidecar lists.

A fixture is a real text with one thing changed; ``NAME.md.expect`` lists one
expected finding a line, ``CODE LINE:COL MESSAGE`` (the message pinned as
written, as ruff's snapshots and markdownlint's inline markers pin theirs).
Lines starting with ``#`` are comments (what was changed, and why); a line
``# only: F,N`` restricts the comparison to those families.

The catalogue as a whole is held to its fixtures too: every rule has a fixture
that finds it, and a rule declared fixable offers a fix there (one not
declared fixable never does).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from resolint.linter import LintResult, lint_text
from resolint.report import position
from resolint.rules import FAMILIES, all_rules

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())

Expected = tuple[str, int, int, str]  # code, line, column (1-based), message


def _expected(path: Path) -> tuple[set[Expected], set[str] | None]:
    sidecar = path.with_name(path.name + ".expect")
    expected, only = set(), None
    for number, raw in enumerate(sidecar.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line[1:].strip().startswith("only:"):
                only = {f.strip() for f in line.split(":", 1)[1].split(",") if f.strip()}
            continue
        fields = line.split(maxsplit=2)
        assert len(fields) == 3, f"{sidecar.name}:{number}: expected “CODE LINE:COL MESSAGE”, got {line!r}"
        code, where, message = fields
        row, col = where.split(":")
        expected.add((code, int(row), int(col), message))
    return expected, only


@cache
def _lint(path: Path) -> LintResult:
    return lint_text(path.read_text(encoding="utf-8"), str(path))


def _found(path: Path, only: set[str] | None) -> set[Expected]:
    result = _lint(path)
    found = set()
    for d in result.diagnostics:
        if only and not any(d.code.startswith(f) for f in only):
            continue
        line, col = position(result.document.source, d.start)
        found.add((d.code, line, col, d.message))
    return found


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(FIXTURES)) for p in CASES])
def test_fixture(path: Path) -> None:
    assert path.with_name(path.name + ".expect").exists(), f"{path.name} has no .expect sidecar"
    expected, only = _expected(path)
    found = _found(path, only)
    assert found == expected, "\n".join(
        [f"missing:    {e}" for e in sorted(expected - found)] + [f"unexpected: {f}" for f in sorted(found - expected)]
    )


def test_expect_parser_reads_the_message():
    """A sidecar line is split in three: the message keeps its spaces and colons."""
    expected, only = _expected(FIXTURES / "p" / "preambular-semicolon.md")
    assert (expected, only) == ({("P004", 29, 238, "preambular paragraph ends with “;”: expected “,”")}, {"P"})


def _codes_expected_by_fixtures() -> dict[str, list[Path]]:
    where: dict[str, list[Path]] = {}
    for path in CASES:
        for code, *_ in _expected(path)[0]:
            where.setdefault(code, []).append(path)
    return where


def test_every_rule_has_a_fixture_that_finds_it():
    covered = _codes_expected_by_fixtures()
    missing = [code for code in all_rules() if code not in covered]
    assert not missing, f"rules with no fixture under tests/fixtures/: {missing}"


def test_fixtures_are_filed_by_family():
    """tests/fixtures/<family letter>/ (and x/ for annexes, where every family runs)."""
    folders = {p.parent.name for p in CASES}
    assert folders <= {f.letter.lower() for f in FAMILIES} | {"x"}


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_fixable_rules_offer_fixes_on_their_fixtures(code):
    """A rule declared fixable offers a fix on its fixtures; a rule that is not never does."""
    r = all_rules()[code]
    paths = _codes_expected_by_fixtures().get(code, [])
    fixes = [d.fix for path in paths for d in _lint(path).diagnostics if d.code == code]
    if r.fixable:
        assert any(fix is not None and fix.edits for fix in fixes), f"{code} is declared fixable but offers no fix"
    else:
        assert all(fix is None for fix in fixes), f"{code} offers a fix but is not declared fixable"
