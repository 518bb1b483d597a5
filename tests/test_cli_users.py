"""What a new user trips over on the command line (issue 12): no silent passes, clear words."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resolint.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "draft-resolution.md"


def _resolint(*argv, cwd, stdin=subprocess.DEVNULL, input=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resolint", *map(str, argv)],
        cwd=cwd,
        stdin=stdin if input is None else None,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path):
    """A folder holding one resolution with one fault (P001, line 26) and a README."""
    shutil.copy(Path(__file__).resolve().parent / "data" / "A-RES-77-176.md", tmp_path / "a.md")
    (tmp_path / "README.md").write_text("# Drafts\n\nWhere the drafting team keeps its texts.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("stdin", ["closed", "empty line"])
def test_no_path_checks_the_current_directory_whatever_stdin_is(folder, stdin):
    run = (
        _resolint("check", "--isolated", "--format", "concise", cwd=folder)
        if stdin == "closed"
        else _resolint("check", "--isolated", "--format", "concise", cwd=folder, input="\n")
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("a.md:26:1: P001 ")
    assert "All checks passed" not in run.stdout


def test_stdin_only_with_dash_or_stdin_filename(folder):
    text = (folder / "a.md").read_text(encoding="utf-8")
    for argv in (["-"], ["--stdin-filename", "drafts/a.md"]):
        run = _resolint("check", "--isolated", "--format", "concise", *argv, cwd="/", input=text)
        assert run.returncode == 1 and ":26:1: P001 " in run.stdout, (argv, run.stderr)


def test_version_short_option_and_rule_by_name(capsys):
    with pytest.raises(SystemExit):
        from resolint.cli import build_parser

        build_parser().parse_args(["-V"])
    assert capsys.readouterr().out.startswith("resolint ")
    assert main(["rule", "missing-footnote"]) == 0
    assert capsys.readouterr().out.startswith("# F001 missing-footnote")
    assert main(["rule", "no-such-rule"]) == 2
    assert "unknown rule code or name 'no-such-rule'" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["outline", "rules", "rule", "lsp"])
def test_every_command_has_a_description(command, capsys):
    from resolint.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    usage, _, rest = capsys.readouterr().out.partition("\n\n")
    assert usage.startswith(f"usage: resolint {command}")
    assert not rest.startswith(("positional arguments", "options")), rest[:200]


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_statistics_with_a_machine_format_is_an_error_not_a_text_table(fmt, capsys):
    assert main(["check", "--isolated", "--statistics", "--format", fmt, str(EXAMPLE)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and f"does not combine with --format {fmt}" in captured.err


def test_stdin_fix_writes_the_text_and_reports_what_is_left_on_stderr(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    code = main(["check", "--isolated", "--format", "concise", "--fix", "-"])
    captured = capsys.readouterr()
    assert code == 1
    assert "25 September 2023" in captured.out and "F001" not in captured.out  # the fixed text, only
    assert "-:15:" in captured.err and "F001" in captured.err  # what the fixes could not remove
    assert "Found " in captured.err


def test_summary_says_when_unsafe_fixes_are_available(capsys):
    main(["check", "--isolated", "--format", "concise", str(EXAMPLE)])
    findings = [f for f in _json(capsys, EXAMPLE) if f["fix"] and f["fix"]["applicability"] == "unsafe"]
    main(["check", "--isolated", "--format", "concise", str(EXAMPLE)])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert findings and summary.endswith(f"{len(findings)} more fixable with --unsafe-fixes.")
    main(["check", "--isolated", "--format", "concise", "--unsafe-fixes", "--diff", str(EXAMPLE)])
    assert "--unsafe-fixes." not in capsys.readouterr().out


def _json(capsys, path) -> list[dict]:
    capsys.readouterr()
    main(["check", "--isolated", "--format", "json", str(path)])
    return json.loads(capsys.readouterr().out)


def test_exclude_on_the_command_line_does_not_depend_on_how_the_path_is_typed(folder):
    (folder / "old").mkdir()
    shutil.copy(folder / "a.md", folder / "old" / "b.md")
    sub = folder / "sub"
    sub.mkdir()
    for cwd, path in ((folder, "."), (folder, str(folder)), (sub, "..")):
        args = ["check", "--isolated", "--format", "concise", "--exclude", "old/*", path]
        if cwd == sub:
            args[-2] = "../old/*"  # globs are relative to where the command runs
        run = _resolint(*args, cwd=cwd)
        assert "b.md" not in run.stdout and "a.md:26:1: P001" in run.stdout, (cwd, path, run.stdout)


def test_a_file_outside_the_project_takes_the_configuration_of_the_current_directory(folder, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.copy(folder / "a.md", elsewhere / "draft.md")
    (folder / "pyproject.toml").write_text('[tool.resolint]\nignore = ["P001"]\n', encoding="utf-8")
    run = _resolint("check", "--format", "concise", elsewhere / "draft.md", cwd=folder)
    assert run.returncode == 0 and "P001" not in run.stdout, run.stdout
    (elsewhere / "resolint.toml").write_text("", encoding="utf-8")  # the file's own folders win
    run = _resolint("check", "--format", "concise", elsewhere / "draft.md", cwd=folder)
    assert run.returncode == 1 and "P001" in run.stdout
