"""The rule catalogue, one module per family (the table is ``base.FAMILIES``).

Adding a rule is one decorated function in its family's module, plus its
fixture under tests/fixtures/ (README, "Contributing").
"""

from __future__ import annotations

import importlib

from .base import FAMILIES, FAMILY_LETTERS, REGISTRY, Family, Option, Phase, Rule, RuleContext, finding, rule

_loaded = False


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by code, in code order."""
    global _loaded
    if not _loaded:
        for family in FAMILIES:
            importlib.import_module(f"{__name__}.{family.module}")
        _loaded = True
    return dict(sorted(REGISTRY.items()))


__all__ = [
    "all_rules",
    "FAMILIES",
    "FAMILY_LETTERS",
    "Family",
    "Option",
    "Phase",
    "Rule",
    "RuleContext",
    "finding",
    "rule",
    "rules_table_markdown",
    "rule_help",
]


def rule_help(r: Rule) -> str:
    """What ``resolint rule CODE`` prints: the metadata, the options, then the docstring."""
    lines = [f"# {r.code} {r.name}", "", f"Default severity: {r.severity}. Fixable: {'yes' if r.fixable else 'no'}."]
    if r.phase is Phase.AFTER_SUPPRESSIONS:
        lines.append("Runs after the suppression comments are applied.")
    if r.other_organ:
        lines.append("Also judges the text of another organ.")
    if r.options:
        lines += ["", f"Options ([tool.resolint.rules.{r.code}] in pyproject.toml or resolint.toml):"]
        lines += [f"  {o.name} = {_toml(o.default)}  ({o.type_name}) {o.description}" for o in r.options]
    return "\n".join(lines) + "\n\n" + r.doc


def _notes(r: Rule) -> str:
    """What the README's table says beyond the summary: when the rule runs, its options."""
    notes = []
    if r.phase is Phase.AFTER_SUPPRESSIONS:
        notes.append("Runs after the suppression comments are applied")
    if r.other_organ:
        notes.append("Runs on another organ's text too")
    notes += [f"Option `{o.name}` ({o.type_name}, default `{_toml(o.default)}`): {o.description}" for o in r.options]
    return "".join(f" *{note}.*" for note in notes)


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def rules_table_markdown() -> str:
    """The README's rules table, generated from the registry."""
    families = ", ".join(f"{f.letter} {f.title} (`rules/{f.module}.py`)" for f in FAMILIES)
    rows = [
        f"Families: {families}.",
        "",
        "| code | name | severity | fix | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in all_rules().values():
        rows.append(f"| {r.code} | {r.name} | {r.severity} | {'yes' if r.fixable else ''} | {r.summary}{_notes(r)} |")
    return "\n".join(rows) + "\n"
