"""Every output format of `resolint check` on a real text with known findings."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_cli_helpers import REAL_TXT, copy_real

from resolint.cli import main
from resolint.formats.full import snippet


@pytest.fixture
def faulty(tmp_path, monkeypatch):
    """A real resolution with an e-mail line (S001) and an un-italic opener, checked from its folder."""
    doc = copy_real(tmp_path, name="draft one.md")
    text = doc.read_text(encoding="utf-8")
    text = text.replace(
        "*Welcoming* the results", "From: drafting@example.org, 100% sure\n\n*Welcoming* the results", 1
    )
    doc.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path(doc.name), text


def _run(capsys, *argv) -> tuple[int, str]:
    code = main(["check", "--isolated", "--jobs", "1", *map(str, argv)])
    return code, capsys.readouterr().out


def _email_line(text: str) -> int:
    return text[: text.index("From:")].count("\n") + 1


def test_full_is_the_default_with_source_line_and_caret(faulty, capsys):
    doc, text = faulty
    code, out = _run(capsys, doc)
    line = _email_line(text)
    assert code == 1
    expected = (
        f"{doc}:{line}:1: S001 unrecognised block: “From: drafting@example.org, 100% sure” is not part of a resolution\n"
        f"   |\n"
        f"{line} | From: drafting@example.org, 100% sure\n"
        f"   | {'^' * len('From: drafting@example.org, 100% sure')}\n\n"
    )
    assert expected in out
    assert "\033[" not in out  # not a terminal: no colour
    assert out.rstrip().endswith("in 1 file.")


def test_full_format_colour_honours_no_color_and_the_option(faulty, capsys, monkeypatch):
    doc, _ = faulty
    assert "\033[" in _run(capsys, "--color", "always", doc)[1]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in _run(capsys, doc)[1]
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm")
    assert "\033[" in _run(capsys, doc)[1]
    assert "\033[" not in _run(capsys, "--color", "never", doc)[1]


def test_caret_under_tabs_wide_characters_and_long_lines():
    assert snippet("\tab", 2, 4) == ("    ab", "    ^^")
    assert snippet("漢字 x", 4, 5) == ("漢字 x", "     ^")
    long = "a" * 300 + "TARGET" + "b" * 300
    source, carets = snippet(long, 301, 307)
    assert source.startswith("…") and source.endswith("…") and len(source) <= 102
    assert source[carets.index("^") : carets.index("^") + 6] == "TARGET"
    assert snippet("end", 4, 4) == ("end", "   ^")  # an insertion point after the last character


def test_concise_and_text_alias(faulty, capsys):
    doc, text = faulty
    line = _email_line(text)
    code, concise = _run(capsys, "--format", "concise", doc)
    assert (
        concise.splitlines()[0]
        == f"{doc}:{line}:1: S001 unrecognised block: “From: drafting@example.org, 100% sure” is not part of a resolution"
    )
    assert _run(capsys, "--format", "text", doc)[1] == concise


def test_json_contract(faulty, capsys):
    doc, text = faulty
    code, out = _run(capsys, "--format", "json", doc)
    findings = json.loads(out)
    assert code == 1 and len(findings) == 1
    f = findings[0]
    keys = {"path", "code", "severity", "message", "line", "column", "end_line", "end_column", "fix", "paragraph"}
    assert set(f) == keys
    assert f["paragraph"] is None  # a block that is no paragraph of the resolution
    assert (f["path"], f["code"], f["line"], f["column"], f["end_column"]) == (
        str(doc),
        "S001",
        _email_line(text),
        1,
        38,
    )


# The OASIS SARIF 2.1.0 schema as the npm registry package @microsoft/jest-sarif
# (1.0.0-beta.0, MIT) ships it (lib/schemas/sarif-2.1.0-rtm.5.json); no PyPI
# package carries it, so it is kept beside the tests.
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def _validate_sarif(log: dict) -> None:
    import jsonschema

    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_sarif_has_every_field_github_requires(faulty, capsys, tmp_path):
    doc, text = faulty
    code, out = _run(capsys, "--format", "sarif", doc)
    log = json.loads(out)
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "resolint" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    from resolint.rules import all_rules

    assert set(rules) == set(all_rules())
    for r in rules.values():
        assert r["shortDescription"]["text"] and r["help"]["text"] and r["help"]["markdown"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"
    [result] = run["results"]
    assert (
        result["ruleId"] == "S001"
        and result["level"] == "warning"
        and result["message"]["text"].startswith("unrecognised block")
    )
    assert driver["rules"][result["ruleIndex"]]["id"] == "S001"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft%20one.md"  # relative, percent-encoded
    assert location["region"] == {
        "startLine": _email_line(text),
        "startColumn": 1,
        "endLine": _email_line(text),
        "endColumn": 38,
    }
    _validate_sarif(log)


def test_sarif_with_fixes_validates_against_the_schema(capsys):
    example = Path(__file__).parents[1] / "examples" / "draft-resolution.md"
    code, out = _run(capsys, "--format", "sarif", str(example))
    log = json.loads(out)
    results = log["runs"][0]["results"]
    assert code == 1 and len(results) >= 5
    assert any("fixes" in r for r in results)
    _validate_sarif(log)
    # A schema violation is caught: the check can fail.
    import jsonschema

    results[0]["level"] = "severe"
    with pytest.raises(jsonschema.ValidationError):
        _validate_sarif(log)


def test_sarif_fixes_and_levels(tmp_path, capsys, monkeypatch):
    from test_cli_helpers import install_synthetic_rules

    install_synthetic_rules(monkeypatch)
    doc = copy_real(tmp_path, name="a.md")
    doc.write_text(doc.read_text(encoding="utf-8").replace("*Welcoming* the", "*Welcoming* teh", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = _run(capsys, "--format", "sarif", "--select", "S901", "--severity", "S901=info", "a.md")
    [result] = json.loads(out)["runs"][0]["results"]
    assert result["level"] == "note"
    [fix] = result["fixes"]
    assert fix["description"]["text"] == "replace “teh” with “the” (safe)"
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "a.md"
    [replacement] = change["replacements"]
    assert replacement["insertedContent"]["text"] == "the"
    region = replacement["deletedRegion"]
    assert region["endColumn"] - region["startColumn"] == 3 and region["startLine"] == region["endLine"]


def test_github_annotations(faulty, capsys):
    doc, text = faulty
    code, out = _run(capsys, "--format", "github", doc)
    line = _email_line(text)
    assert out == (
        f"::warning file={doc},line={line},col=1,endLine={line},endColumn=38,title=S001 (unrecognised-block)"
        f"::unrecognised block: “From: drafting@example.org, 100%25 sure” is not part of a resolution\n"
    )


def test_junit(faulty, capsys, tmp_path):
    doc, text = faulty
    clean = copy_real(tmp_path, REAL_TXT)
    code, out = _run(capsys, "--format", "junit", doc, clean.name)
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("tests") == "2"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(doc), clean.name]
    failure = suites[0].find("testcase/failure")
    assert failure.get("type") == "S001" and "100% sure" in failure.get("message")
    assert suites[1].find("testcase/failure") is None


def test_statistics_quiet_and_exit_zero(faulty, capsys, tmp_path):
    doc, _ = faulty
    second = copy_real(tmp_path, name="second.md")
    second.write_text(
        second.read_text(encoding="utf-8").replace("*Welcoming* the", "From: x@example.org\n\n*Welcoming* the", 1),
        encoding="utf-8",
    )
    code, out = _run(capsys, "--statistics", doc, second.name)
    assert out.splitlines()[0] == "     2  S001      unrecognised-block"
    assert out.splitlines()[-1].startswith("Found 2 findings (2 warnings) in 2 files.")
    code, out = _run(capsys, "--statistics", "--format", "json", doc)
    assert json.loads(out) == [{"code": "S001", "name": "unrecognised-block", "count": 1, "fixable": 0}]
    code, out = _run(capsys, "--quiet", "--format", "concise", doc)
    assert code == 1 and len(out.splitlines()) == 1
    code, out = _run(capsys, "--exit-zero", doc)
    assert code == 0 and "Found 1 finding" in out


def test_machine_formats_carry_the_files_that_could_not_be_checked(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"*The General Assembly*,\n\xff\xfe\n")
    code, out = _run(capsys, "--format", "sarif", bad)
    assert code == 2
    log = json.loads(out)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "not valid UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    _validate_sarif(log)
    code, out = _run(capsys, "--format", "junit", bad)
    assert code == 2 and 'errors="1"' in out and "not valid UTF-8" in out
    code, out = _run(capsys, "--format", "github", bad)
    assert code == 2 and out.startswith(f"::error file={bad},title=resolint::") and "not valid UTF-8" in out


def test_json_names_the_paragraph_as_drafters_do(capsys):
    """ "PP 2", "OP 1", "OP 4": the key the contract adds, on the bundled example."""
    example = Path(__file__).resolve().parents[1] / "examples" / "draft-resolution.md"
    code, out = _run(capsys, "--format", "json", str(example))
    named = {(f["code"], f["paragraph"]) for f in json.loads(out)}
    assert {("D002", "PP 2"), ("P002", "PP 4"), ("F001", "OP 1"), ("D007", "OP 2"), ("N001", "OP 4")} <= named
