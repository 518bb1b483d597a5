"""Findings and fixes: plain values, no I/O and no protocol types.

A rule produces :class:`Diagnostic` objects whose spans are character offsets
into the document text.  The reporters (CLI) and the LSP layer convert offsets
to their own coordinates through :class:`resolint.source.Source`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` reads naturally."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}: expected error, warning, info or hint") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``new_text``."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass(slots=True)
class Diagnostic:
    code: str
    message: str
    start: int
    end: int
    # None until graded: a rule may grade one finding itself (``finding(...,
    # severity=...)``); the linter then sets the user's configured severity for
    # the code, else the finding's own, else the rule's default.
    severity: Severity | None = None
    fix: Fix | None = None
    # Related places ("the earlier citation is here") as (offset, offset, note).
    related: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
