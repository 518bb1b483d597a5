"""Word documents on the command line: check, --fix as tracked changes, --output, --revisions, convert, walks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from resolint.cli import main

DOCX = Path(__file__).parent / "data" / "docx"


@pytest.fixture
def drafts(tmp_path):
    for name in ("A-RES-77-176.docx", "draft-fixable.docx", "draft-deleted-footnote-text.docx"):
        shutil.copy(DOCX / name, tmp_path / name)
    return tmp_path


def _json(capsys, *args):
    code = main(["check", "--format", "json", *map(str, args)])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_the_seed_as_word_gives_its_one_finding_with_its_paragraph(drafts, capsys):
    code, findings, err = _json(capsys, drafts / "A-RES-77-176.docx")
    assert (code, err) == (1, "")
    [f] = findings
    assert (f["code"], f["line"], f["column"], f["paragraph"]) == ("P001", 10, 1, "PP 1")


def test_fix_writes_a_copy_with_tracked_changes_and_never_the_document(drafts, capsys):
    original = (drafts / "draft-fixable.docx").read_bytes()
    code = main(["check", "--fix", str(drafts / "draft-fixable.docx")])
    captured = capsys.readouterr()
    copy = drafts / "draft-fixable.resolint.docx"
    assert code == 0 and "Fixed 4 findings. All checks passed" in captured.out
    assert f"wrote {copy}: 4 fixes as tracked changes by resolint" in captured.err
    assert (drafts / "draft-fixable.docx").read_bytes() == original
    assert b"w:ins" in _document_xml(copy) and b'w:author="resolint"' in _document_xml(copy)
    # Idempotent: the fixed copy has nothing left to fix, so nothing more is written.
    assert main(["check", "--fix", str(copy)]) == 0
    assert not (drafts / "draft-fixable.resolint.resolint.docx").exists()


def test_fix_output_option_and_refusing_to_replace_the_document(drafts, capsys):
    target = drafts / "out" / "fixed.docx"
    target.parent.mkdir()
    assert main(["check", "--fix", "--output", str(target), str(drafts / "draft-fixable.docx")]) == 0
    assert target.exists() and not (drafts / "draft-fixable.resolint.docx").exists()
    capsys.readouterr()
    source = drafts / "draft-fixable.docx"
    assert main(["check", "--fix", "--output", str(source), str(source)]) == 2
    assert "would replace the document itself" in capsys.readouterr().err


def test_revisions_original_reads_the_text_before_the_changes(drafts, capsys):
    document = drafts / "draft-deleted-footnote-text.docx"
    code, accepted, _ = _json(capsys, document)
    assert code == 1 and [f["code"] for f in accepted] == ["F001"]  # footnote 2's text deleted
    code, original, _ = _json(capsys, "--revisions", "original", document)
    assert (code, original) == (0, [])


def test_convert_prints_the_text_resolint_reads(drafts, capsys):
    assert main(["convert", str(drafts / "A-RES-77-176.docx")]) == 0
    markdown = capsys.readouterr().out
    assert "Recalling its resolutions 58/208" in markdown and "*Recognizing*" in markdown and "<sup>1</sup>" in markdown
    assert main(["convert", "--to", "text", str(drafts / "A-RES-77-176.docx")]) == 0
    assert "\tRecalling its resolutions 58/208" in capsys.readouterr().out
    (drafts / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert main(["convert", str(drafts / "old.doc")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"resolint: {drafts / 'old.doc'}")


def test_a_walk_checks_docx_but_not_word_lock_files_nor_fixed_copies(drafts, capsys):
    (drafts / "~$draft-fixable.docx").write_bytes(b"lock")
    shutil.copy(drafts / "draft-fixable.docx", drafts / "draft-fixable.resolint.docx")
    code, findings, err = _json(capsys, drafts)
    assert err == ""
    assert {Path(f["path"]).name for f in findings} == {
        "A-RES-77-176.docx",
        "draft-fixable.docx",
        "draft-deleted-footnote-text.docx",
    }


def _document_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def test_output_names_the_copy_of_one_word_document_being_fixed(drafts, capsys):
    one, two = drafts / "draft-fixable.docx", drafts / "A-RES-77-176.docx"
    assert main(["check", "--output", str(drafts / "x.docx"), str(one)]) == 2
    assert "it goes with --fix" in capsys.readouterr().err
    assert main(["check", "--fix", "--output", str(drafts / "x.docx"), str(one), str(two)]) == 2
    assert "give exactly one .docx" in capsys.readouterr().err
    assert not (drafts / "x.docx").exists()
