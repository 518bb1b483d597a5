"""README.md shows the rules table the code produces, and opens with the two commands."""

from __future__ import annotations

from pathlib import Path

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
    assert "pytest" in install_and_test
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
