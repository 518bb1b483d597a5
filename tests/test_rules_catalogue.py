"""The catalogue as a whole: codes, default severities, docs, and the `rules` / `rule` commands."""

from __future__ import annotations

import json
import re

import pytest

from resolint.cli import main
from resolint.rules import FAMILY_LETTERS, Phase, all_rules

# Part of the design (issue 3): every rule is a warning, except an impossible
# date and a marker without a body (error) and an uncited instrument and a
# list of resolutions in no order (info).
DEFAULT_SEVERITIES = {
    **{f"S00{i}": "warning" for i in range(1, 7)},
    **{f"N00{i}": "warning" for i in range(1, 6)},
    "F001": "error",
    "F002": "warning",
    "F003": "warning",
    "F004": "warning",
    "F005": "warning",
    "F006": "warning",
    "F007": "info",
    "D001": "error",
    **{f"D00{i}": "warning" for i in range(2, 8)},
    "D005": "info",  # issue 11: a list in neither order is a hint at most
    **{f"P00{i}": "warning" for i in range(1, 8)},
}


def test_every_rule_and_its_default_severity():
    assert {code: str(r.severity) for code, r in all_rules().items()} == DEFAULT_SEVERITIES


@pytest.mark.parametrize("code", sorted(DEFAULT_SEVERITIES))
def test_docstring_has_the_four_sections(code):
    r = all_rules()[code]
    assert re.fullmatch(rf"[{''.join(FAMILY_LETTERS)}]\d{{3}}", code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name)
    assert r.summary and not r.summary.startswith("#")
    for section in ("## What it does", "## Why it matters", "## Example", "## Fix"):
        assert section in r.doc, f"{code} lacks {section}"


def test_names_are_unique():
    names = [r.name for r in all_rules().values()]
    assert len(names) == len(set(names))


def test_rules_json_lists_every_rule(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == sorted(DEFAULT_SEVERITIES)
    assert all(set(r) >= {"code", "name", "summary", "severity", "fixable"} for r in rows)
    assert {r["code"]: r["severity"] for r in rows} == DEFAULT_SEVERITIES


def test_rule_prints_its_docstring(capsys):
    assert main(["rule", "N001"]) == 0
    out = capsys.readouterr().out
    assert "operative-numbering" in out and "## Why it matters" in out


def test_unknown_rule_code_is_exit_2(capsys):
    assert main(["rule", "Z999"]) == 2
    assert "Z999" in capsys.readouterr().err


def test_families_are_one_table():
    """Every rule's code starts with a family letter of rules.base.FAMILIES, and the
    configuration's error names the same letters."""
    from resolint.config import ConfigError, validate

    assert FAMILY_LETTERS == ("S", "N", "F", "D", "P")
    assert {r.family for r in all_rules().values()} == set(FAMILY_LETTERS)
    with pytest.raises(ConfigError, match="a family letter \\(S, N, F, D, P\\)"):
        validate({"select": ["Q"]}, "test")


def test_phase_and_other_organ_are_declared_by_the_rules():
    rules = all_rules()
    assert [c for c, r in rules.items() if r.phase is Phase.AFTER_SUPPRESSIONS] == ["S006"]
    assert [c for c, r in rules.items() if r.other_organ] == ["S005"]


def test_options_are_declared_by_the_rules():
    options = {c: {o.name: (o.type, o.default) for o in r.options} for c, r in all_rules().items() if r.options}
    assert options == {"D004": {"strong-agreement": (int, 5)}}


def test_rule_prints_its_options_and_phase(capsys):
    assert main(["rule", "D004"]) == 0
    out = capsys.readouterr().out
    assert "[tool.resolint.rules.D004]" in out and "strong-agreement = 5  (integer)" in out
    assert main(["rule", "S006"]) == 0
    assert "Runs after the suppression comments are applied." in capsys.readouterr().out


def test_a_rule_needs_a_family_code_and_a_docstring():
    from resolint.rules import rule

    with pytest.raises(ValueError, match="family letter"):
        rule("Z001", "nothing")(lambda doc, ctx: iter(()))

    def undocumented(doc, ctx):
        return iter(())

    with pytest.raises(ValueError, match="no docstring"):
        rule("P999", "undocumented")(undocumented)
