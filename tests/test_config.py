"""Configuration files and their command-line twins: discovery, every key, and the error paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli_helpers import copy_real

from resolint.cli import main
from resolint.config import ConfigError, Settings, settings_for
from resolint.linter import lint_text


def _defective(tmp_path, name="draft.md"):
    """A real resolution with two structural faults: an e-mail line (S001) and no opener (S002)."""
    doc = copy_real(tmp_path, name=name)
    text = doc.read_text(encoding="utf-8").replace("*The General Assembly*,\n", "", 1)
    text = text.replace("*Welcoming* the results", "From: drafting@example.org\n\n*Welcoming* the results", 1)
    doc.write_text(text, encoding="utf-8")
    return doc


def _codes(capsys, *argv) -> tuple[int, list[str]]:
    code = main(["check", "--format", "json", "--jobs", "1", *map(str, argv)])
    return code, sorted(f["code"] for f in json.loads(capsys.readouterr().out))


def test_nearest_config_wins_and_isolated_ignores_all(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.resolint]\nignore = ["S001"]\n', encoding="utf-8")
    sub = tmp_path / "drafts"
    sub.mkdir()
    doc = _defective(sub)
    assert _codes(capsys, doc) == (1, ["S002"])
    (sub / "resolint.toml").write_text('ignore = ["S002"]\n', encoding="utf-8")
    assert _codes(capsys, doc) == (1, ["S001"])
    (sub / ".resolint.toml").write_text(
        'select = ["S"]\nignore = []\n', encoding="utf-8"
    )  # .resolint.toml before resolint.toml
    assert _codes(capsys, doc) == (1, ["S001", "S002"])
    assert _codes(capsys, "--isolated", doc) == (1, ["S001", "S002"])
    other = tmp_path / "other.toml"
    other.write_text('select = ["S001"]\n', encoding="utf-8")
    assert _codes(capsys, "--config", other, doc) == (1, ["S001"])


def test_pyproject_without_tool_table_is_skipped(tmp_path, capsys):
    (tmp_path / "resolint.toml").write_text('ignore = ["S001"]\n', encoding="utf-8")
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert _codes(capsys, _defective(sub)) == (1, ["S002"])


@pytest.mark.parametrize(
    "file_keys, cli, expected",
    [
        ('select = ["S001"]', [], ["S001"]),
        ('select = ["S001"]\nextend-select = ["S002"]', [], ["S001", "S002"]),
        ('ignore = ["S"]', [], []),
        ("", ["--select", "S001"], ["S001"]),
        ("", ["--select", "S001", "--extend-select", "S002"], ["S001", "S002"]),
        ("", ["--ignore", "S001"], ["S002"]),
        ('select = ["S002"]', ["--select", "ALL", "--ignore", "S002"], ["S001"]),
        ('per-file-ignores = { "draft*.md" = ["S001"] }', [], ["S002"]),
        ('per-file-ignores = { "other/*.md" = ["S001"] }', [], ["S001", "S002"]),
        ("", ["--per-file-ignores", "*.md:S002"], ["S001"]),
    ],
)
def test_selection_keys_and_options(tmp_path, capsys, file_keys, cli, expected):
    (tmp_path / "resolint.toml").write_text(file_keys + "\n", encoding="utf-8")
    assert _codes(capsys, *cli, _defective(tmp_path))[1] == expected


def test_severity_override_and_fail_on(tmp_path, capsys):
    doc = _defective(tmp_path)
    (tmp_path / "resolint.toml").write_text('severity = { S001 = "info", S002 = "hint" }\n', encoding="utf-8")
    code = main(["check", "--format", "json", "--jobs", "1", str(doc)])
    found = {f["code"]: f["severity"] for f in json.loads(capsys.readouterr().out)}
    assert (code, found) == (0, {"S001": "info", "S002": "hint"})  # below the default fail-on (warning)
    assert main(["check", "-q", "--format", "concise", "--fail-on", "info", str(doc)]) == 1
    assert main(["check", "-q", "--format", "concise", "--severity", "S001=error", "--fail-on", "error", str(doc)]) == 1
    (tmp_path / "resolint.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert main(["check", "-q", "--format", "concise", str(doc)]) == 0
    assert main(["check", "-q", "--format", "concise", "--fail-on", "warning", str(doc)]) == 1
    assert main(["check", "-q", "--format", "concise", "--exit-zero", "--fail-on", "warning", str(doc)]) == 0
    capsys.readouterr()


def test_exclude_applies_to_walked_files_and_force_exclude(tmp_path, capsys):
    (tmp_path / "resolint.toml").write_text('exclude = ["old/*"]\n', encoding="utf-8")
    (tmp_path / "old").mkdir()
    kept = _defective(tmp_path, "kept.md")
    old = _defective(tmp_path / "old", "old.md")
    main(["check", "--format", "json", "--jobs", "1", str(tmp_path)])
    assert {f["path"] for f in json.loads(capsys.readouterr().out)} == {str(kept)}
    main(["check", "--format", "json", "--jobs", "1", str(old)])  # named: checked
    assert json.loads(capsys.readouterr().out)
    main(["check", "--format", "json", "--jobs", "1", "--force-exclude", str(old)])
    assert json.loads(capsys.readouterr().out) == []
    main(["check", "--format", "json", "--jobs", "1", "--exclude", "kept.md", str(tmp_path)])
    assert json.loads(capsys.readouterr().out) == []


def test_extra_openers_are_accepted(tmp_path, capsys):
    doc = copy_real(tmp_path)
    doc.write_text(doc.read_text(encoding="utf-8").replace("*Welcoming* the", "*Applauding* the", 1), encoding="utf-8")
    code, found = _codes(capsys, "--select", "P002", doc)
    assert found == ["P002"]
    assert _codes(capsys, "--select", "P002", "--preambular-openers", "Applauding", doc) == (0, [])
    (tmp_path / "resolint.toml").write_text(
        'preambular-openers = ["Applauding"]\noperative-openers = ["Endorses wholeheartedly"]\n', encoding="utf-8"
    )
    assert _codes(capsys, "--select", "P002", doc) == (0, [])


@pytest.mark.parametrize(
    "content, expected",
    [
        ('selcet = ["S001"]', "unknown key 'selcet'; allowed keys: exclude, extend-select, fail-on"),
        ('select = ["Z999"]', "select: unknown rule code or family 'Z999'; expected a code like S001"),
        ('select = "S001"\nignore = 3', "ignore must be a list of strings (got 3)"),
        ('severity = { S001 = "fatal" }', "severity.S001 must be one of error, warning, info, hint (got 'fatal')"),
        ('severity = { Q001 = "error" }', "severity: unknown rule code 'Q001'"),
        ('fail-on = "sometimes"', "fail-on must be one of error, warning, info, hint, never (got 'sometimes')"),
        (
            'per-file-ignores = { "drafts/[ab.md" = ["S001"] }',
            "invalid glob 'drafts/[ab.md' (an unclosed [); expected a pattern like drafts/*.md",
        ),
        ('exclude = ["[x"]', "exclude: invalid glob '[x' (an unclosed [)"),
        ('select = ["S001"', "invalid TOML: "),
    ],
)
def test_bad_configuration_names_file_key_and_allowed_values(tmp_path, capsys, content, expected):
    config = tmp_path / "resolint.toml"
    config.write_text(content + "\n", encoding="utf-8")
    doc = _defective(tmp_path)
    assert main(["check", "--jobs", "1", str(doc)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"resolint: {config}: ") and expected in err[0], err


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["--select", "S001,X123"], "command line: select: unknown rule code or family 'X123'"),
        (["--ignore", "Q"], "command line: ignore: unknown rule code or family 'Q'"),
        (["--per-file-ignores", "drafts/[a:S001"], "command line: per-file-ignores: invalid glob 'drafts/[a'"),
        (["--per-file-ignores", "S001"], "--per-file-ignores 'S001': expected GLOB:CODES"),
        (["--severity", "S001"], "--severity 'S001': expected CODE=LEVEL"),
        (["--severity", "S001=loud"], "severity.S001 must be one of error, warning, info, hint"),
        (["--exclude", "[x"], "command line: exclude: invalid glob '[x'"),
        (["--rules", "D004=3"], "--rules 'D004=3': expected CODE.OPTION=VALUE"),
        (["--rules", "D004.strong-agreement=many"], "rules.D004.strong-agreement must be an integer (got 'many')"),
        (["--rules", "D004.nothing=1"], "command line: rules.D004: unknown option 'nothing'"),
    ],
)
def test_bad_command_line_values_exit_2(tmp_path, capsys, argv, expected):
    doc = _defective(tmp_path)
    assert main(["check", "--isolated", *argv, str(doc)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err and len(captured.err.strip().splitlines()) == 1


def test_unknown_option_and_bad_jobs_exit_2(capsys):
    assert main(["check", "--no-such-option"]) == 2
    assert main(["check", "--jobs", "many", "x.md"]) == 2
    assert "expected a number of processes" in capsys.readouterr().err


def test_settings_api_used_by_the_server(tmp_path):
    (tmp_path / "resolint.toml").write_text('ignore = ["S001"]\n', encoding="utf-8")
    settings = settings_for(str(tmp_path / "a.md"))
    assert "S001" not in settings.selected_codes(str(tmp_path / "a.md"))
    assert settings.with_command_line({"ignore": ["S002"]}).ignore == ["S001", "S002"]
    with pytest.raises(ConfigError):
        Settings().merged({"select": ["NOPE"]})


# ------------------------------------------------------------ rule options
# [tool.resolint.rules.CODE]: each rule declares its options (rules/base.py, Option);
# D004's `strong-agreement` is how many unanimous citing texts make a `cited` date a warning.
CITED_RECORD = Path(__file__).parent / "fixtures" / "d" / "differs-from-cited-record.md"  # 112 of 112 citations


def _d004_severity(capsys, *argv) -> list[str]:
    main(["check", "--format", "json", "--jobs", "1", "--select", "D004", *map(str, argv)])
    return [f["severity"] for f in json.loads(capsys.readouterr().out)]


def test_rule_options_from_pyproject(tmp_path, capsys):
    doc = tmp_path / "draft.md"
    shutil.copyfile(CITED_RECORD, doc)
    assert _d004_severity(capsys, doc) == ["warning"]  # the default: 5 texts suffice
    (tmp_path / "pyproject.toml").write_text("[tool.resolint.rules.D004]\nstrong-agreement = 200\n", encoding="utf-8")
    assert _d004_severity(capsys, doc) == ["info"]  # 112 texts are now too few
    assert _d004_severity(capsys, "--severity", "D004=error", doc) == ["error"]  # the user's severity wins
    assert _d004_severity(capsys, "--isolated", doc) == ["warning"]
    assert _d004_severity(capsys, "--isolated", "--rules", "D004.strong-agreement=113", doc) == ["info"]
    assert _d004_severity(capsys, "--rules", "d004.strong-agreement=112", doc) == ["warning"]  # over the file's 200


def test_rule_options_merge_by_code_and_reach_the_rule(tmp_path):
    (tmp_path / "resolint.toml").write_text("[rules.d004]\nstrong-agreement = 113\n", encoding="utf-8")
    settings = settings_for(str(tmp_path / "a.md"))
    assert settings.rule_options == {"D004": {"strong-agreement": 113}}
    text = CITED_RECORD.read_text(encoding="utf-8")
    assert [str(d.severity) for d in lint_text(text, "a.md", settings=settings).diagnostics if d.code == "D004"] == [
        "info"
    ]
    relaxed = settings.overridden({"rule_options": {"D004": {"strong-agreement": 112}}})
    assert relaxed.rule_options == {"D004": {"strong-agreement": 112}}
    assert [str(d.severity) for d in lint_text(text, "a.md", settings=relaxed).diagnostics if d.code == "D004"] == [
        "warning"
    ]


@pytest.mark.parametrize(
    "content, expected",
    [
        (
            "[rules.D004]\nstrong-agrement = 3",
            "rules.D004: unknown option 'strong-agrement'; allowed: strong-agreement",
        ),
        ('[rules.D004]\nstrong-agreement = "3"', "rules.D004.strong-agreement must be an integer (got '3')"),
        ("[rules.D004]\nstrong-agreement = true", "rules.D004.strong-agreement must be an integer (got True)"),
        ("[rules.Q004]\nx = 1", "rules: unknown rule code 'Q004'"),
        ("[rules.N001]\nx = 1", "rules.N001: unknown option 'x'; allowed: none: the rule has no options"),
        ("rules = 3", "rules must be a table of [rules.CODE] tables of options"),
        ("[rules]\nD004 = 5", "rules.D004 must be a table of options (allowed: strong-agreement)"),
    ],
)
def test_bad_rule_options_name_file_rule_and_option(tmp_path, capsys, content, expected):
    config = tmp_path / "resolint.toml"
    config.write_text(content + "\n", encoding="utf-8")
    doc = tmp_path / "draft.md"
    shutil.copyfile(CITED_RECORD, doc)
    assert main(["check", "--jobs", "1", str(doc)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"resolint: {config}: ") and expected in err[0], err
