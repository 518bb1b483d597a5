"""`resolint check` end to end: formats, exit codes, bad input (issue 2's contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import SEED_FOLDERS

from resolint.cli import main


def test_corpus_has_one_warning_the_real_defect_or_none(corpus, capsys):
    code = main(["check", "--format", "json", *(str(corpus / folder) for folder in SEED_FOLDERS)])
    out = json.loads(capsys.readouterr().out)
    serious = [(Path(f["path"]).name, f["code"], f["line"]) for f in out if f["severity"] in ("warning", "error")]
    # The only real defect of the seed folders: the un-italic "Recalling".
    assert serious == [("A-RES-77-176.md", "P001", 26)]
    assert code == 1


def test_json_contract_and_exit_status(tmp_path, capsys):
    doc = tmp_path / "draft.md"
    doc.write_text(
        "*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n\nFrom: someone@example.org\n", encoding="utf-8"
    )
    assert main(["check", "--format", "json", str(doc)]) == 1
    findings = json.loads(capsys.readouterr().out)
    s001 = next(f for f in findings if f["code"] == "S001")
    assert set(s001) == {
        "path",
        "code",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
        "paragraph",
    }
    assert (s001["line"], s001["column"], s001["end_line"], s001["end_column"]) == (5, 1, 5, 26)
    assert s001["path"] == str(doc)


def test_text_format(tmp_path, capsys):
    doc = tmp_path / "draft.md"
    doc.write_text("“Quoted” *The General Assembly,*\n\nFrom: é@example.org\n", encoding="utf-8")
    main(["check", str(doc)])
    out = capsys.readouterr().out
    assert f"{doc}:3:1: S001 " in out
    assert out.strip().splitlines()[-1].startswith("Found ")


def test_bad_inputs_exit_2_and_others_still_checked(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text("*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n", encoding="utf-8")
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\x00\x01\x02binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("\tRecalling its résolution,\n".encode("latin-1"))
    word = tmp_path / "draft.docx"
    word.write_bytes(b"PK\x03\x04")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    code = main(["check", str(good), str(binary), str(latin), str(word), str(tmp_path / "missing.md"), str(empty_dir)])
    err = capsys.readouterr().err
    assert code == 2
    assert "binary file" in err and "not valid UTF-8" in err and "offset" in err
    assert "corrupt Word document" in err and "no such file" in err and "no documents" in err
    assert len(err.strip().splitlines()) == 5  # one line per bad input; good.md still checked


def test_directories_skip_readmes_and_ignored_files(tmp_path, capsys):
    (tmp_path / "README.md").write_text("# My drafts\n\nSome notes about the drafts.\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        "*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n", encoding="utf-8"
    )
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("From: a@b.org\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "y.md").write_text("From: a@b.org\n", encoding="utf-8")
    main(["check", "--verbose", str(tmp_path)])
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "README.md" in captured.err
    assert "(1 file checked)" in captured.out


def test_stdin_and_no_lsp_imports():
    script = (
        "import sys; from resolint.cli import main; code = main(['check', '-', '--stdin-filename', 'x.md']);"
        "assert not any(m.startswith(('pygls', 'lsprotocol')) for m in sys.modules), 'LSP imported'; sys.exit(code)"
    )
    proc = subprocess.run([sys.executable, "-c", script], input=b"From: a@b.org\n", capture_output=True)
    assert proc.returncode == 1, proc.stderr.decode()
    assert proc.stdout.decode().startswith("x.md:1:1: S001 unrecognised block: “From: a@b.org”")


def test_outline(capsys):
    assert main(["outline", str(Path(__file__).resolve().parent / "data" / "A-RES-77-176.md")]) == 0
    out = capsys.readouterr().out
    assert "title: 77/176. International migration and development" in out
    assert "12. Takes note with appreciation" in out and "(p)" in out
    assert "plenary: 53rd plenary meeting, 14 December 2022" in out


def test_a_bad_configuration_is_not_reported_as_all_checks_passed(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.resolint]\nselec = ["N"]\n', encoding="utf-8")
    doc = tmp_path / "draft.md"
    doc.write_text("*The General Assembly*,\n\n1. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    assert main(["check", str(doc)]) == 2
    captured = capsys.readouterr()
    assert "unknown key 'selec'" in captured.err
    assert "All checks passed" not in captured.out
