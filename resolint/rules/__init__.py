"""The rule catalogue, one module per family.

====  ==========================  ==========================
S     structure                   rules/structure.py
N     numbering                   rules/numbering.py
F     footnotes                   rules/footnotes.py
D     dates and citations         rules/dates.py
P     phrasing and punctuation    rules/phrasing.py
====  ==========================  ==========================
"""

from __future__ import annotations

import importlib

from .base import REGISTRY, Rule, RuleContext, finding, rule

_FAMILIES = ("structure", "numbering", "footnotes", "dates", "phrasing")
_loaded = False


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by code, in code order."""
    global _loaded
    if not _loaded:
        for family in _FAMILIES:
            try:
                importlib.import_module(f"{__name__}.{family}")
            except ModuleNotFoundError as error:
                if error.name != f"{__name__}.{family}":
                    raise
        _loaded = True
    return dict(sorted(REGISTRY.items()))


__all__ = ["all_rules", "Rule", "RuleContext", "finding", "rule"]


def rules_table_markdown() -> str:
    """The README's rules table, generated from the registry."""
    rows = ["| code | name | severity | fix | summary |", "| --- | --- | --- | --- | --- |"]
    for r in all_rules().values():
        rows.append(f"| {r.code} | {r.name} | {r.severity} | {'yes' if r.fixable else ''} | {r.summary} |")
    return "\n".join(rows) + "\n"
