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
    lines = [l.strip() for l in README.read_text(encoding="utf-8").splitlines()]
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    install_and_check, install_and_test = block[0], block[1]
    assert "resolint check" in install_and_check
    assert "pytest" in install_and_test
    assert install_and_test in CI.read_text(encoding="utf-8").splitlines()
