"""`resolint check --fix / --unsafe-fixes / --diff / --show-fixes`: rounds, atomic writes, refusals."""

from __future__ import annotations

import os
import stat

import pytest
from test_cli_helpers import REAL_MD, copy_real, install_synthetic_rules

from resolint.cli import main
from resolint.fixes import WriteError, fix_text, write_atomic
from resolint.linter import lint_text


@pytest.fixture
def synthetic(monkeypatch):
    install_synthetic_rules(monkeypatch)


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fix_writes_safe_fixes_keeps_mode_and_leaves_no_temporary_file(tmp_path, synthetic, capsys):
    doc = copy_real(tmp_path)
    _edit(doc, "*Welcoming* the results", "*Welcoming* teh results")
    os.chmod(doc, 0o640)
    before_inode = doc.stat().st_ino
    assert main(["check", "--fix", "--jobs", "1", "--select", "S901", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "Fixed 1 finding. All checks passed (1 file checked)." in out
    assert "*Welcoming* the results" in doc.read_text(encoding="utf-8")
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640
    assert doc.stat().st_ino != before_inode  # replaced by rename, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == [doc.name]


def test_unchanged_file_is_not_written(tmp_path, synthetic, capsys):
    doc = copy_real(tmp_path)
    mtime = doc.stat().st_mtime_ns
    inode = doc.stat().st_ino
    assert main(["check", "--fix", "--jobs", "1", str(doc)]) == 0
    assert (doc.stat().st_mtime_ns, doc.stat().st_ino) == (mtime, inode)


def test_unsafe_fixes_only_with_unsafe_flag(tmp_path, synthetic, capsys):
    doc = copy_real(tmp_path)
    _edit(doc, "*Reaffirming also* its", "*Reaffirming also* its Recalls")
    assert main(["check", "--fix", "--jobs", "1", "--select", "S903", "--format", "concise", str(doc)]) == 1
    assert "Recalls" in doc.read_text(encoding="utf-8")
    assert "S903" in capsys.readouterr().out
    assert main(["check", "--unsafe-fixes", "--jobs", "1", "--select", "S903", str(doc)]) == 0
    assert "Recalls" not in doc.read_text(encoding="utf-8")


def test_overlapping_fixes_apply_over_rounds_and_twice_changes_nothing(tmp_path, synthetic, capsys):
    doc = copy_real(tmp_path)
    _edit(doc, "*Welcoming* the results", "*Welcoming* xxxxxxxx teh teh results")
    assert main(["check", "--fix", "--show-fixes", "--jobs", "1", "--select", "S901,S902", str(doc)]) == 0
    out = capsys.readouterr().out
    text = doc.read_text(encoding="utf-8")
    assert "*Welcoming* x the the results" in text
    assert "S902" in out and "S901" in out and "Fixed " in out
    # Idempotent: the second run finds nothing to do and does not touch the file.
    mtime = doc.stat().st_mtime_ns
    assert main(["check", "--fix", "--show-fixes", "--jobs", "1", "--select", "S901,S902", str(doc)]) == 0
    assert "No fixes applied." in capsys.readouterr().out
    assert doc.stat().st_mtime_ns == mtime and doc.read_text(encoding="utf-8") == text


def test_fix_loop_is_bounded_when_fixes_never_settle(synthetic):
    text = REAL_MD.read_text(encoding="utf-8").replace("*Welcoming* the", "*Welcoming* ping the", 1)
    from resolint.config import Settings

    settings = Settings(select=["S904"])
    final, fixed = fix_text(text, lambda t: lint_text(t, "x.md", None, settings).diagnostics, max_rounds=7)
    assert len(fixed) == 7 and final != text  # stopped after the bound, not forever


def test_diff_prints_and_does_not_write(tmp_path, synthetic, capsys):
    doc = copy_real(tmp_path)
    _edit(doc, "*Welcoming* the results", "*Welcoming* teh results")
    original = doc.read_bytes()
    assert main(["check", "--diff", "--jobs", "1", "--select", "S901", str(doc)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{doc}\n+++ b/{doc}\n@@ ")
    assert "\n-*Welcoming* teh results" in out and "\n+*Welcoming* the results" in out
    assert doc.read_bytes() == original
    assert main(["check", "--diff", "--jobs", "1", "--select", "S902", str(doc)]) == 0
    assert capsys.readouterr().out == ""


def test_fix_keeps_line_ends_bom_and_encoding(tmp_path, synthetic, capsys):
    text = REAL_MD.read_text(encoding="utf-8").replace("*Welcoming* the", "*Welcoming* teh", 1)
    doc = tmp_path / "crlf.md"
    doc.write_bytes("\ufeff".encode("utf-8") + text.replace("\n", "\r\n").encode("utf-8"))
    utf16 = tmp_path / "utf16.md"
    utf16.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert main(["check", "--fix", "--jobs", "1", "--select", "S901", str(doc), str(utf16)]) == 0
    data = doc.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"*Welcoming* the" in data and data.count(b"\r\n") == text.count("\n")
    assert utf16.read_bytes() == b"\xff\xfe" + text.replace("teh", "the", 1).encode("utf-16-le")


def test_stdin_fix_writes_fixed_text_to_stdout(monkeypatch, synthetic, capsys):
    import io
    import sys

    text = REAL_MD.read_text(encoding="utf-8").replace("*Welcoming* the", "*Welcoming* teh", 1)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["check", "--fix", "--select", "S901", "-", "--stdin-filename", "draft.md"]) == 0
    assert capsys.readouterr().out == text.replace("teh", "the", 1)


def test_unwritable_file_during_fix_exit_2_no_partial_or_temp_file(tmp_path, synthetic, monkeypatch, capsys):
    doc = copy_real(tmp_path)
    _edit(doc, "*Welcoming* the results", "*Welcoming* teh results")
    other = copy_real(tmp_path, name="other.md")
    _edit(other, "*Welcoming* the results", "*Welcoming* teh results")
    original = doc.read_bytes()
    real_replace = os.replace

    def refuse(src, dst, *a, **k):
        if os.path.basename(dst) == doc.name:
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["check", "--fix", "--jobs", "1", "--select", "S901", str(doc), str(other)]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert errors == [f"resolint: {doc}: cannot write the fixes: Permission denied; the file is unchanged"]
    assert doc.read_bytes() == original
    assert "*Welcoming* the results" in other.read_text(encoding="utf-8")  # the rest of the run finished
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([doc.name, other.name])
    assert f"{doc}:" in captured.out  # its findings are still reported


def test_write_failure_while_writing_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_bytes(b"old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(WriteError, match="No space left on device; the file is unchanged"):
        write_atomic(target, b"new", expected=b"old")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_file_changed_on_disk_since_read_is_not_overwritten(tmp_path, synthetic, monkeypatch, capsys):
    doc = copy_real(tmp_path)
    _edit(doc, "*Welcoming* the results", "*Welcoming* teh results")
    import resolint.fixes as fixes

    real = fixes.write_atomic

    def someone_saves_first(path, data, expected=None):
        path.write_bytes(b"edited by someone else\n")
        return real(path, data, expected)

    monkeypatch.setattr(fixes, "write_atomic", someone_saves_first)
    assert main(["check", "--fix", "--jobs", "1", "--select", "S901", str(doc)]) == 2
    assert "changed on disk since it was read; not overwritten" in capsys.readouterr().err
    assert doc.read_bytes() == b"edited by someone else\n"


def test_symlink_is_kept_and_its_target_fixed(tmp_path, synthetic, capsys):
    real = copy_real(tmp_path, name="real.md")
    _edit(real, "*Welcoming* the results", "*Welcoming* teh results")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert main(["check", "--fix", "--jobs", "1", "--select", "S901", str(link)]) == 0
    assert link.is_symlink() and "*Welcoming* the results" in real.read_text(encoding="utf-8")


def test_real_rule_fix_on_the_corpus_defect(tmp_path, capsys):
    """The phrasing rules' fix for the one real defect of the corpus."""
    doc = copy_real(tmp_path, REAL_MD.parent / "A-RES-77-176.md")
    assert main(["check", "--fix", "--jobs", "1", "--select", "P001", str(doc)]) == 0
    assert "\n*Recalling* its resolutions" in doc.read_text(encoding="utf-8")
