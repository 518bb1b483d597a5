"""read -> parse -> run the selected rules -> sorted findings."""

from __future__ import annotations

from dataclasses import dataclass

from .config import Settings
from .diagnostics import Diagnostic
from .model import Document
from .parser import parse
from .rules import RuleContext, all_rules


@dataclass(slots=True)
class LintResult:
    document: Document
    diagnostics: list[Diagnostic]


# Rules that make sense on another organ's text: only its one finding.
_OTHER_ORGAN_RULES = frozenset({"S005"})


def lint_document(doc: Document, settings: Settings | None = None, path: str | None = None) -> list[Diagnostic]:
    settings = settings or Settings()
    context = RuleContext(
        extra_preambular=tuple(settings.preambular_openers),
        extra_operative=tuple(settings.operative_openers),
        options=settings.rule_options,
    )
    selected = settings.selected_codes(path or doc.source.path)
    found: list[Diagnostic] = []
    for code, rule in all_rules().items():
        if code not in selected:
            continue
        if doc.kind == "other-organ" and code not in _OTHER_ORGAN_RULES:
            continue
        severity = settings.severity_for(code, rule.severity)
        for diagnostic in rule.check(doc, context):
            diagnostic.code = code
            diagnostic.severity = severity if diagnostic.severity_override is None or code in settings.severity else diagnostic.severity_override
            found.append(diagnostic)
    found.sort(key=Diagnostic.sort_key)
    from .suppressions import apply_suppressions

    return apply_suppressions(doc, found, selected)


def lint_text(text: str, path: str = "-", fmt: str | None = None, settings: Settings | None = None) -> LintResult:
    settings = settings or Settings()
    doc = parse(
        text, fmt, path,
        extra_preambular=tuple(settings.preambular_openers), extra_operative=tuple(settings.operative_openers),
    )
    return LintResult(doc, lint_document(doc, settings, path))
