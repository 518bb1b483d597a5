"""The rule registry: a rule is one decorated function that carries its own metadata.

A rule is a small function over the document model, registered by
:func:`rule` with everything the rest of resolint needs to know about it: a
stable code, a readable name, a default severity, whether it has a fix, when
it runs (before or after the suppression comments are applied), whether it
judges another organ's text, and the options a user may set for it in
``[tool.resolint.rules.CODE]``.  Its docstring is its documentation: the first
line is the one-line summary, then the sections *What it does*, *Why it
matters*, *Example* and *Fix* — ``resolint rule CODE`` prints it and the
README's rules table is generated from it.

A rule yields :class:`~resolint.diagnostics.Diagnostic` objects made by
:func:`finding`; the linter fills in the code and the severity (the user's
configured one, else the finding's own, else the rule's default), so a rule
only says where and what.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..diagnostics import Diagnostic, Fix, Severity
from ..model import Document

RuleCheck = Callable[[Document, "RuleContext"], Iterable[Diagnostic]]


# ---------------------------------------------------------------- families


@dataclass(frozen=True, slots=True)
class Family:
    """A family of rules: its code letter, its module in resolint/rules/ and what it judges."""

    letter: str
    module: str
    title: str


# The one table of families: the catalogue loads their modules, the
# configuration accepts their letters as selectors, the README lists them.
FAMILIES: tuple[Family, ...] = (
    Family("S", "structure", "structure"),
    Family("N", "numbering", "numbering"),
    Family("F", "footnotes", "footnotes"),
    Family("D", "dates", "dates and citations"),
    Family("P", "phrasing", "phrasing and punctuation"),
)
FAMILY_LETTERS: tuple[str, ...] = tuple(f.letter for f in FAMILIES)


# ---------------------------------------------------------------- metadata


class Phase(StrEnum):
    """When a rule runs."""

    # With the other rules; the suppression comments then drop what they cover.
    BEFORE_SUPPRESSIONS = "before-suppressions"
    # Once the comments have been applied: rules that judge the comments themselves.
    AFTER_SUPPRESSIONS = "after-suppressions"


_OPTION_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string"}


@dataclass(frozen=True, slots=True)
class Option:
    """One setting of a rule: ``[tool.resolint.rules.D004] strong-agreement = 3``."""

    name: str
    type: type  # bool, int, float or str
    default: Any
    description: str

    def __post_init__(self) -> None:
        if self.type not in _OPTION_TYPES:
            raise ValueError(f"option {self.name}: type must be one of bool, int, float, str")
        self.check(self.default)

    @property
    def type_name(self) -> str:
        return _OPTION_TYPES[self.type]

    def check(self, value: Any) -> Any:
        """``value`` if it has the option's type (an integer is a number too), else ValueError."""
        if isinstance(value, bool) and self.type is not bool:
            ok = False
        elif self.type is float:
            ok = isinstance(value, (int, float))
        else:
            ok = isinstance(value, self.type)
        if not ok:
            article = "an" if self.type_name[0] in "aeiou" else "a"
            raise ValueError(f"must be {article} {self.type_name} (got {value!r})")
        return float(value) if self.type is float else value


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fixable: bool
    check: RuleCheck
    phase: Phase = Phase.BEFORE_SUPPRESSIONS
    # Does the rule judge a text of another organ ("The Security Council,")?
    # Only S005, which says that it is one; the others know the Assembly's conventions.
    other_organ: bool = False
    options: tuple[Option, ...] = ()

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options}

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


@dataclass(slots=True)
class RuleContext:
    """What a rule may know beyond the document: the user's settings."""

    extra_preambular: tuple[str, ...] = ()
    extra_operative: tuple[str, ...] = ()
    # The rule's own options: its defaults, then what the configuration sets.
    options: dict[str, Any] = field(default_factory=dict)
    # The codes selected for the file (None: all), for the rules that run after the suppressions.
    selected: frozenset[str] | None = None


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str = "warning",
    *,
    fixable: bool = False,
    phase: Phase = Phase.BEFORE_SUPPRESSIONS,
    other_organ: bool = False,
    options: tuple[Option, ...] = (),
):
    """Register ``check`` as rule ``code``, with its metadata (see :class:`Rule`)."""

    def register(check: RuleCheck) -> RuleCheck:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        if code[:1] not in FAMILY_LETTERS or len(code) != 4 or not code[1:].isdigit():
            raise ValueError(f"rule code {code!r}: expected a family letter ({', '.join(FAMILY_LETTERS)}) and 3 digits")
        if not (check.__doc__ or "").strip():
            raise ValueError(f"rule {code} has no docstring")
        REGISTRY[code] = Rule(code, name, Severity.parse(severity), fixable, check, phase, other_organ, tuple(options))
        return check

    return register


def finding(
    start: int,
    end: int,
    message: str,
    fix: Fix | None = None,
    related=(),
    severity: Severity | None = None,
) -> Diagnostic:
    """A diagnostic whose code the linter fills in.  ``severity`` grades this one
    finding unlike the rule's default (D004: info where the record's date is only
    weakly attested); a severity the user configured for the code still wins."""
    return Diagnostic(
        code="",
        message=message,
        start=start,
        end=max(end, start),
        fix=fix,
        related=tuple(related),
        severity=severity,
    )


__all__ = [
    "FAMILIES",
    "FAMILY_LETTERS",
    "Family",
    "Option",
    "Phase",
    "Rule",
    "RuleContext",
    "REGISTRY",
    "rule",
    "finding",
    "Diagnostic",
    "Fix",
    "Severity",
]
