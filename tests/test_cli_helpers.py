"""Shared helpers for the CLI tests: real corpus texts and synthetic fixable rules."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from resolint.diagnostics import Edit, Fix, Severity
from resolint.rules.base import REGISTRY, Rule, finding

# Real resolutions shipped with the tests (tests/data/README.md): no ../shared needed.
DATA = Path(__file__).resolve().parent / "data"
REAL_MD = DATA / "A-RES-78-229.md"
REAL_TXT = DATA / "A-RES-70-126.txt"


def copy_real(tmp_path: Path, source: Path = REAL_MD, name: str | None = None) -> Path:
    target = tmp_path / (name or source.name)
    shutil.copyfile(source, target)
    return target


def _typo(doc, ctx):
    """Synthetic test rule: "teh" for "the" (a safe fix)."""
    for m in re.finditer(r"\bteh\b", doc.text):
        yield finding(
            m.start(),
            m.end(),
            "“teh” is a typo: expected “the”",
            fix=Fix("replace “teh” with “the”", (Edit(m.start(), m.end(), "the"),)),
        )


def _doubled(doc, ctx):
    """Synthetic test rule: "xx" collapses to "x" (overlapping findings: fixed over several rounds)."""
    for m in re.finditer(r"(?=xx)", doc.text):
        yield finding(
            m.start(), m.start() + 2, "doubled x", fix=Fix("collapse", (Edit(m.start(), m.start() + 2, "x"),))
        )


def _unsafe(doc, ctx):
    """Synthetic test rule: "Recalls" → "Recalling" (an unsafe fix: it changes the wording)."""
    for m in re.finditer(r"\bRecalls\b", doc.text):
        yield finding(
            m.start(),
            m.end(),
            "“Recalls” is an operative form",
            fix=Fix("use “Recalling”", (Edit(m.start(), m.end(), "Recalling"),), safe=False),
        )


def _flip(doc, ctx):
    """Synthetic test rule whose fix never settles ("ping" <-> "pong"): the fix loop must stop."""
    for m in re.finditer(r"\bp[io]ng\b", doc.text):
        other = "pong" if m.group() == "ping" else "ping"
        yield finding(m.start(), m.end(), "ping-pong", fix=Fix("flip", (Edit(m.start(), m.end(), other),)))


SYNTHETIC = {
    "S901": Rule("S901", "test-typo", Severity.WARNING, True, _typo),
    "S902": Rule("S902", "test-doubled", Severity.WARNING, True, _doubled),
    "S903": Rule("S903", "test-unsafe", Severity.WARNING, True, _unsafe),
    "S904": Rule("S904", "test-flip", Severity.WARNING, True, _flip),
}


def install_synthetic_rules(monkeypatch) -> None:
    for code, rule in SYNTHETIC.items():
        monkeypatch.setitem(REGISTRY, code, rule)
    import resolint.cli.checking as cli

    monkeypatch.setattr(cli, "_NAMES", {})
