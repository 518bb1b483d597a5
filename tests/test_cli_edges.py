"""Edges a user hits: read-only files, stdin round trips, a bad --tcp address."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resolint.cli import main

EXAMPLE = Path(__file__).parents[1] / "examples" / "draft-resolution.md"
DRAFT = "*The General Assembly*,\n\n1. *Decides* to meet on September 25, 2023;\n\n2. *Decides also* to remain seized of the matter.\n"


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_fix_leaves_a_read_only_file_alone(tmp_path, monkeypatch, capsys):
    doc = tmp_path / "draft.md"
    doc.write_text(DRAFT, encoding="utf-8")
    doc.chmod(0o444)
    # Tests run as root, for whom every file is writable: ask as a user would be answered.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, *a, **k: False if mode == os.W_OK else real_access(p, mode, *a, **k)
    )
    assert main(["check", "--isolated", "--fix", str(doc)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert doc.read_text(encoding="utf-8") == DRAFT
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]  # no temporary file left


def test_fix_on_stdin_gives_back_an_excluded_text_unchanged(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, "Hello\n")
    main(["check", "--isolated", "--fix", "--force-exclude", "--exclude", "*.md", "--stdin-filename", "notes.md", "-"])
    assert capsys.readouterr().out == "Hello\n"


def test_diff_on_stdin_exits_1_like_a_file(monkeypatch, capsys):
    _stdin(monkeypatch, DRAFT)
    assert main(["check", "--isolated", "--diff", "-"]) == 1
    assert "+1. *Decides* to meet on 25 September 2023;" in capsys.readouterr().out


@pytest.mark.parametrize("address", ["127.0.0.1:99999", "127.0.0.1:abc", "nohost.invalid:2087"])
def test_lsp_tcp_bad_address_is_one_line_and_exit_2(address):
    run = subprocess.run(
        [sys.executable, "-m", "resolint", "lsp", "--tcp", address], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert run.stderr.startswith("resolint: ") and "Traceback" not in run.stderr


@pytest.mark.parametrize("empty", ["", ","])
def test_empty_select_is_an_error_not_a_silent_pass(empty, capsys):
    assert main(["check", "--isolated", "--select", empty, str(EXAMPLE)]) == 2
    assert "--select is empty" in capsys.readouterr().err


def test_stdin_among_files_is_a_clear_error_and_the_files_are_still_checked(capsys):
    assert main(["check", "--isolated", "--format", "concise", "-", str(EXAMPLE)]) == 2
    captured = capsys.readouterr()
    assert "standard input is read only when it is the only path" in captured.err
    assert "draft-resolution.md:" in captured.out


def test_the_exit_status_table(tmp_path, monkeypatch, capsys):
    """Each row of resolint/cli/status.py's table that the other tests do not reach."""
    import resolint.cli.check as check

    assert main([]) == 2 and capsys.readouterr().err.startswith("usage: resolint")  # no command
    assert main(["check", "--help"]) == 0 and "usage: resolint check" in capsys.readouterr().out
    assert main(["check", "--no-such-option"]) == 2 and "unrecognized arguments" in capsys.readouterr().err
    assert main(["check", "--isolated", "--fail-on", "never", str(EXAMPLE)]) == 0  # findings, none failing
    assert main(["check", "--isolated", str(EXAMPLE)]) == 1

    def interrupted(paths, errors):
        raise KeyboardInterrupt

    monkeypatch.setattr(check, "discover", interrupted)
    assert main(["check", str(tmp_path)]) == 130

    def pipe_closed(paths, errors):
        raise BrokenPipeError

    monkeypatch.setattr(check, "discover", pipe_closed)
    assert main(["check", str(tmp_path)]) == 0  # resolint check | head
