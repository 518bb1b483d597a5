"""Applying fixes: choose non-overlapping edits and splice them into the text.

Shared by ``resolint check --fix`` and the language server's "fix all": one
place decides which fixes apply together, so both give the same result.
"""

from __future__ import annotations

from typing import Iterable

from .diagnostics import Diagnostic, Edit, Fix


def applicable(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """The diagnostics whose fixes may be applied at this level."""
    return [d for d in diagnostics if d.fix is not None and d.fix.edits and (unsafe or d.fix.safe)]


def select_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """Fixes that can be applied together: whole fixes, none overlapping another.

    A fix is taken or left whole (its edits belong together); among
    overlapping fixes the first in document order wins and the rest wait for
    the next round, after a re-lint.
    """
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    for d in sorted(applicable(diagnostics, unsafe), key=lambda d: (min(e.start for e in d.fix.edits), d.code)):
        ranges = [(e.start, e.end) for e in d.fix.edits]
        if any(_overlaps(r, t) for r in ranges for t in taken):
            continue
        chosen.append(d)
        taken.extend(ranges)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # Two insertions at one offset also conflict: their order would be arbitrary.
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Splice non-overlapping ``edits`` (offsets into ``text``) into ``text``."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edits at offset {e.start}")
        out.append(text[pos:e.start])
        out.append(e.new_text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> tuple[str, list[Diagnostic]]:
    """One round: the text with every compatible fix applied, and the fixed diagnostics."""
    chosen = select_fixes(diagnostics, unsafe)
    return apply_edits(text, [e for d in chosen for e in d.fix.edits]), chosen


def fix_text(text: str, lint, unsafe: bool = False, max_rounds: int = 10) -> tuple[str, list[Diagnostic]]:
    """Lint, fix, re-lint … until nothing more applies (at most ``max_rounds``).

    ``lint(text)`` returns the diagnostics of ``text``.  Returns the final text
    and every diagnostic that a fix removed, across rounds.
    """
    fixed: list[Diagnostic] = []
    for _ in range(max_rounds):
        new_text, chosen = apply_fixes(text, lint(text), unsafe)
        if not chosen or new_text == text:
            break
        fixed.extend(chosen)
        text = new_text
    return text, fixed


__all__ = ["applicable", "select_fixes", "apply_edits", "apply_fixes", "fix_text", "Fix", "Edit"]
