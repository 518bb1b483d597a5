"""README.md shows the rules table the code produces, and opens with the two commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.rules import rules_table_markdown

README = Path(__file__).resolve().parents[1] / "README.md"
CI = Path(__file__).resolve().parents[1] / ".ci" / "run"


def test_rules_table_is_generated_from_the_code():
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- rules-table:start -->") + len("<!-- rules-table:start -->\n")
    end = text.index("<!-- rules-table:end -->")
    assert text[start:end] == rules_table_markdown(), (
        "README rules table is stale: regenerate with\n"
        "python -c 'from resolint.rules import rules_table_markdown as t; print(t(), end=\"\")'"
    )


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    lines = [line.strip() for line in README.read_text(encoding="utf-8").splitlines()]
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    install_and_check, install_and_test = block[0], block[1]
    assert "resolint check" in install_and_check
    assert install_and_test.endswith(" && python3 -m pytest")
    assert "python3 -m ruff check . && python3 -m ruff format --check ." in install_and_test
    assert install_and_test in CI.read_text(encoding="utf-8").splitlines()


def _cli_reference() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("<!-- cli-reference:start -->") : text.index("<!-- cli-reference:end -->")]


def test_readme_documents_every_command_and_option():
    """Fails when an argparse command or option exists that the README's command-line reference does not mention."""
    import argparse

    from resolint.cli import build_parser

    reference = _cli_reference()

    def mentioned(option: str) -> bool:
        return any(form in reference for form in (f"`{option}", f" {option} ", f" {option}`"))

    parser = build_parser()
    missing = [
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and not mentioned(option) and option != "--help"
    ]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        if f"`resolint {name}" not in reference:
            missing.append(f"command {name}")
        for action in command._actions:
            for option in action.option_strings:
                if option in ("-h", "--help"):
                    continue
                if not mentioned(option):
                    missing.append(f"{name} {option}")
            for choice in action.choices or () if action.dest == "format" and name == "check" else ():
                if f"`--format {choice}" not in reference and f"(`{choice}`" not in reference:
                    missing.append(f"{name} --format {choice}")
    assert not missing, f"README's command-line reference does not mention: {', '.join(missing)}"


def test_readme_documents_every_configuration_key():
    from resolint.config import _KNOWN

    reference = _cli_reference()
    missing = [key for key in sorted(_KNOWN) if f"| `{key}` |" not in reference or f"`--{key}" not in reference]
    assert not missing, f"README does not document the configuration keys (or their options): {missing}"


def test_every_package_is_shipped_in_the_wheel():
    # `pip install .` (README's first command) installs only the listed packages:
    # a new subpackage left out works in the editable install and breaks the real one.
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(root).parts)
        for p in (root / "resolint").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found - {"resolint.grammar"} <= listed, sorted(found - listed)
    assert "resolint.grammar" in listed


# ------------------------------------------------------------------ blocks that must be true
def _blocks(language: str) -> list[str]:
    import re

    text = README.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.S | re.M)


def _fresh_clone(tmp_path: Path) -> Path:
    """The files git tracks, as a clone of them would have them (the working tree's content)."""
    import shutil
    import subprocess

    root = CI.parents[1]
    clone = tmp_path / "clone"
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: no way to tell which files a clone would have")
    for name in listed.stdout.decode("utf-8").split("\0"):
        if name and (root / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, clone / name)
    return clone


@pytest.mark.slow
def test_every_sh_block_runs_as_written_from_a_fresh_clone(tmp_path):
    """Each line of each `sh` block, in a new virtual environment, from a copy of what git tracks.

    A command exits 0, or 1 where it reports findings (the example draft has faults on purpose);
    2, 127 or a traceback fails.  The one exception is `.ci/run`'s command: running the whole suite
    inside the suite would recurse, so its install and lint run here and `pytest` only collects the tests
    (CI runs that very line whole)."""
    import os
    import subprocess
    import sys

    clone = _fresh_clone(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", str(venv)], check=True)
    env = dict(os.environ, PATH=os.pathsep.join([str(venv / "bin"), os.environ.get("PATH", "")]))
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    ci_lines = CI.read_text(encoding="utf-8").splitlines()
    commands = [
        line.strip()
        for block in _blocks("sh")
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert len(commands) >= 3, commands
    for command in commands:
        if command in ci_lines:
            install_and_lint, _, test = command.rpartition(" && ")
            assert test == "python3 -m pytest", command
            command = f"{install_and_lint} && python3 -m pytest --collect-only -q"
        run = subprocess.run(
            ["bash", "-c", command], cwd=clone, env=env, capture_output=True, text=True, timeout=600, check=False
        )
        assert run.returncode in (0, 1), (command, run.stdout[-2000:], run.stderr[-2000:])
        assert "Traceback" not in run.stderr, (command, run.stderr[-2000:])
        assert run.stdout.strip(), (command, run.stderr[-2000:])  # each says something


def test_the_worked_configuration_does_what_its_comments_say(tmp_path):
    """A wrong date (session or record) fails the run; what `ignore` drops does not."""
    from resolint.cli import main

    [example] = [b for b in _blocks("toml") if "[tool.resolint]" in b]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    text = (Path(__file__).resolve().parent / "data" / "A-RES-77-176.md").read_text(encoding="utf-8")
    assert "[58/208](#) of 23 December 2003" in text
    (tmp_path / "clean.md").write_text(text, encoding="utf-8")  # its only finding, P001, is ignored
    (tmp_path / "wrong-year.md").write_text(
        text.replace("[58/208](#) of 23 December 2003", "[58/208](#) of 23 December 2004", 1), encoding="utf-8"
    )
    assert main(["check", "--jobs", "1", "-q", str(tmp_path / "clean.md")]) == 0
    assert main(["check", "--jobs", "1", "-q", "--format", "concise", str(tmp_path / "wrong-year.md")]) == 1


def test_the_pre_commit_snippet_pins_a_commit_that_defines_the_hooks():
    import re
    import subprocess

    [snippet] = [b for b in _blocks("yaml") if "rev:" in b]
    rev = re.search(r"rev: (\S+)", snippet).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev), f"rev: {rev} is not a commit (there are no tags)"
    root = CI.parents[1]
    shown = subprocess.run(
        ["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=root, capture_output=True, text=True, check=False
    )
    if shown.returncode != 0 and "not a git repository" in shown.stderr:
        pytest.skip("not a git checkout")
    assert shown.returncode == 0, shown.stderr
    assert "- id: resolint\n" in shown.stdout and "- id: resolint-fix\n" in shown.stdout
