"""The rule registry.

A rule is a small function over the document model, registered with a
stable code, a readable name and a default severity.  Its docstring is its
documentation: the first line is the one-line summary, then the sections
*What it does*, *Why it matters*, *Example* and *Fix* — ``resolint rule
CODE`` prints it and the README's rules table is generated from it.

A rule yields :class:`~resolint.diagnostics.Diagnostic` objects; the linter
fills in the code and the (configured) severity, so a rule only says where
and what.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Fix, Severity
from ..model import Document

RuleCheck = Callable[[Document, "RuleContext"], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fixable: bool
    check: RuleCheck

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def family(self) -> str:
        return self.code[0]


@dataclass(slots=True)
class RuleContext:
    """What a rule may know beyond the document: the user's settings."""

    extra_preambular: tuple[str, ...] = ()
    extra_operative: tuple[str, ...] = ()
    options: dict = field(default_factory=dict)


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str = "warning", fixable: bool = False):
    """Register ``check`` as rule ``code``."""

    def register(check: RuleCheck) -> RuleCheck:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        if not (check.__doc__ or "").strip():
            raise ValueError(f"rule {code} has no docstring")
        REGISTRY[code] = Rule(code, name, Severity.parse(severity), fixable, check)
        return check

    return register


def finding(start: int, end: int, message: str, fix: Fix | None = None, related=()) -> Diagnostic:
    """A diagnostic whose code and severity the linter fills in."""
    return Diagnostic(code="", message=message, start=start, end=max(end, start), fix=fix, related=tuple(related))


__all__ = ["Rule", "RuleContext", "REGISTRY", "rule", "finding", "Diagnostic", "Fix", "Severity"]
