"""Bad inputs (issue 6): one clear line each on standard error, exit 2, and the rest of the run finishes."""

from __future__ import annotations

import json
import os
import pathlib

from test_cli_helpers import REAL_MD, copy_real

from resolint.cli import main


def _run(capsys, *args) -> tuple[int, list[str], list[dict]]:
    code = main(["check", "--format", "json", "--jobs", "1", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.err.strip().splitlines(), json.loads(captured.out)


def _with_defect(tmp_path, name="bad.md"):
    doc = copy_real(tmp_path, name=name)
    doc.write_text(doc.read_text(encoding="utf-8").replace("*Welcoming* the", "Welcoming the", 1), encoding="utf-8")
    return doc


def test_undecodable_bytes_give_offset_and_encoding(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("\tThe General Assembly,\n\tRecalling its résolution 70/1,\n".encode("cp1252"))
    good = _with_defect(tmp_path)
    code, err, out = _run(capsys, latin, good)
    offset = b"\tThe General Assembly,\n\tRecalling its r".__len__()
    assert code == 2
    assert err == [
        f"resolint: {latin}: not valid UTF-8 (byte 0xe9 at offset {offset}, line 2); it looks like windows-1252: re-save it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)"
    ]
    assert out and all(f["path"] == str(good) for f in out)


def test_utf16_without_bom_is_named(tmp_path, capsys):
    doc = tmp_path / "wide.txt"
    doc.write_bytes("\tThe General Assembly,\n".encode("utf-16-le"))
    code, err, _ = _run(capsys, doc)
    assert code == 2 and len(err) == 1
    assert "byte 0x00 at offset 1" in err[0] and "UTF-16 (little-endian) without a byte-order mark" in err[0]


def test_directory_where_a_file_is_expected(tmp_path, capsys):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    assert main(["outline", str(folder)]) == 2
    assert capsys.readouterr().err.strip() == f"resolint: {folder}: is a directory where a file was expected"
    assert main(["check", "--config", str(tmp_path), str(REAL_MD)]) == 2
    assert "is a directory where a configuration file" in capsys.readouterr().err


def test_symlink_loop(tmp_path, capsys):
    loop = tmp_path / "loop.md"
    loop.symlink_to(tmp_path / "loop.md")
    good = _with_defect(tmp_path)
    code, err, out = _run(capsys, tmp_path)  # found by walking the folder
    assert code == 2
    assert err == [f"resolint: {loop}: symbolic link loop (the link leads back to itself); not checked"]
    assert {f["path"] for f in out} == {str(good)}
    code, err, _ = _run(capsys, loop)  # named
    assert code == 2 and err == [f"resolint: {loop}: symbolic link loop (the link leads back to itself); not checked"]


def test_permission_denied_simulated(tmp_path, monkeypatch, capsys):
    # Tests run as root, where file modes do not stop a read: simulate the refusal.
    locked = _with_defect(tmp_path, "locked.md")
    good = _with_defect(tmp_path, "good.md")
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    code, err, out = _run(capsys, locked, good)
    assert code == 2
    assert err == [f"resolint: {locked}: permission denied; not checked"]
    assert {f["path"] for f in out} == {str(good)}


def test_file_deleted_mid_run(tmp_path, monkeypatch, capsys):
    first = _with_defect(tmp_path, "a.md")
    doomed = _with_defect(tmp_path, "b.md")
    last = _with_defect(tmp_path, "c.md")
    import resolint.cli.workers as cli

    real_check = cli.check_file

    def check_and_delete(job, path, named, text=None):
        result = real_check(job, path, named, text)
        if path.endswith("a.md"):
            os.unlink(doomed)  # deleted after the folder was listed, before it is read
        return result

    monkeypatch.setattr(cli, "check_file", check_and_delete)
    code, err, out = _run(capsys, tmp_path)
    assert code == 2
    assert err == [f"resolint: {doomed}: disappeared during the run (deleted or moved); not checked"]
    assert {f["path"] for f in out} == {str(first), str(last)}


def test_corrupt_word_document_one_line(tmp_path, capsys):
    word = tmp_path / "draft.docx"
    word.write_bytes(b"PK\x03\x04 not really a zip")
    code, err, out = _run(capsys, word)
    assert (code, out) == (2, [])
    assert err == [
        f"resolint: {word}: corrupt Word document (the zip package cannot be opened: File is not a zip file)"
    ]


def test_bad_files_do_not_stop_parallel_runs(tmp_path, capsys):
    for i in range(6):
        _with_defect(tmp_path, f"doc{i}.md")
    (tmp_path / "latin.md").write_bytes(b"caf\xe9\n")
    code = main(["check", "--format", "json", "--jobs", "2", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert len(captured.err.strip().splitlines()) == 1 and "latin.md" in captured.err
    assert len({f["path"] for f in json.loads(captured.out)}) == 6


def test_clean_files_with_no_errors_exit_by_findings(tmp_path, capsys):
    good = copy_real(tmp_path)
    code, err, out = _run(capsys, good)
    assert (code, err, out) == (0, [], [])


def test_unlistable_folder_is_one_line(tmp_path, monkeypatch, capsys):
    good = _with_defect(tmp_path, "good.md")
    locked = tmp_path / "locked"
    locked.mkdir()
    _with_defect(locked, "hidden.md")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, err, out = _run(capsys, tmp_path)
    assert code == 2
    assert err == [f"resolint: {locked}: cannot list this folder: permission denied; not checked"]
    assert {f["path"] for f in out} == {str(good)}
