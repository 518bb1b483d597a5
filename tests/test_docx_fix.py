"""Fixes written into a copy of a .docx as tracked changes by "resolint":
the accepted text has no finding left, the original is the draft as it was,
every other part of the package is copied unchanged, and fixing the fixed
copy changes nothing more."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("lxml")

from resolint.word import fix_docx, lint_docx, read_word  # noqa: E402

DATA = Path(__file__).parent / "data" / "docx"
DATE = "2026-12-02T12:00:00Z"


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


@pytest.fixture
def fixed(tmp_path):
    def make(name: str, **kwargs) -> tuple[Path, Path, object]:
        source = tmp_path / name
        shutil.copy(DATA / name, source)
        before = source.read_bytes()
        output = tmp_path / (source.stem + ".resolint.docx")
        report = fix_docx(source, output, date=DATE, **kwargs)
        assert source.read_bytes() == before  # the original is never rewritten
        return source, output, report

    return make


def test_seed_italic_fix_is_a_formatting_change(fixed):
    source, output, report = fixed("A-RES-77-176.docx")
    assert report.written and [d.code for d in report.applied] == ["P001"] and report.skipped == []
    assert lint_docx(output).diagnostics == []
    assert [d.code for d in lint_docx(output, revisions="original").diagnostics] == ["P001"]
    xml = entries(output)["word/document.xml"].decode()
    change = '<w:rPrChange w:id="47" w:author="resolint" w:date="2026-12-02T12:00:00Z"><w:rPr/></w:rPrChange>'
    assert f'<w:r><w:rPr><w:i/>{change}</w:rPr><w:t xml:space="preserve">Recalling</w:t></w:r>' in xml
    assert "*Recalling* its resolutions" in read_word(output).text


def test_every_other_entry_is_copied_unchanged(fixed):
    source, output, _ = fixed("A-RES-77-176.docx")
    before, after = entries(source), entries(output)
    assert list(after) == list(before)
    assert [name for name in before if before[name] != after[name]] == ["word/document.xml"]
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(output) as b:
        assert [(i.filename, i.date_time, i.compress_type) for i in a.infolist()] == [
            (i.filename, i.date_time, i.compress_type) for i in b.infolist()
        ]


def test_text_fixes_are_deletions_and_insertions(fixed):
    source, output, report = fixed("draft-fixable.docx")
    assert [d.code for d in lint_docx(source).diagnostics] == ["D007", "P004", "P001", "P005"]
    assert sorted(d.code for d in report.applied) == ["D007", "P001", "P004", "P005"]
    where = sorted((f.code, f.line, f.column) for f in report.findings())
    assert where == [("D007", 4, 36), ("P001", 7, 1), ("P004", 5, 64), ("P005", 11, 142)]
    assert lint_docx(output).diagnostics == []
    accepted = [p.text for p in read_word(output).paragraphs]
    original = [p.text for p in read_word(output, revisions="original").paragraphs]
    assert accepted[3] == "Recalling its resolution 74/299 of 31 August 2020 on improving global road safety,1"
    assert original[3] == "Recalling its resolution 74/299 of August 31, 2020 on improving global road safety,1"
    assert accepted[4].endswith("collaboration,") and original[4].endswith("collaboration;")
    assert accepted[-1].endswith("present resolution.") and original[-1].endswith("present resolution;")
    assert original == [p.text for p in read_word(source).paragraphs]
    xml = entries(output)["word/document.xml"].decode()
    assert xml.count('w:author="resolint"') == 7  # three deletions, three insertions, one formatting change
    assert '<w:delText xml:space="preserve">August 31, 2020</w:delText>' in xml
    assert '<w:t xml:space="preserve">31 August 2020</w:t>' in xml


def test_fixing_the_fixed_copy_changes_nothing_more(fixed, tmp_path):
    for name in ("A-RES-77-176.docx", "draft-fixable.docx"):
        _, output, _ = fixed(name)
        again = tmp_path / "again.docx"
        report = fix_docx(output, again, date=DATE)
        assert not report.written and report.applied == [] and not again.exists()


def test_nothing_to_fix_writes_nothing(fixed):
    _, output, report = fixed("draft-subparagraphs.docx")
    assert not report.written and not output.exists()


def test_automatic_number_fix_is_left_to_word(fixed):
    """N001 on a restarted list: its fix would retype a number Word makes."""
    _, output, report = fixed("draft-restarted-list.docx", unsafe=True)
    assert [d.code for d, _ in report.skipped] == ["N001"]
    assert "automatic number" in report.skipped[0][1]
    assert not report.written


def test_python_docx_opens_the_fixed_copy(fixed):
    docx = pytest.importorskip("docx", reason="python-docx is not installed")
    _, output, _ = fixed("draft-fixable.docx")
    document = docx.Document(str(output))
    texts = [p.text for p in document.paragraphs]
    assert len(texts) == len(read_word(output).wp_texts)
    # python-docx reads the runs outside w:ins and w:del only: neither the old date nor the new.
    assert "Recalling its resolution 74/299 of  on improving global road safety," in texts


def _uno_python() -> str | None:
    if shutil.which("soffice") is None:
        return None
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


@pytest.mark.skipif(_uno_python() is None, reason="LibreOffice with python3-uno is not installed")
def test_libreoffice_accepts_the_changes(fixed, tmp_path):
    _, output, _ = fixed("draft-fixable.docx")
    text, again = tmp_path / "accepted.txt", tmp_path / "accepted.docx"
    run = subprocess.run(
        [_uno_python(), str(DATA / "lo_tools.py"), "accept", str(output), str(text), str(again)],
        capture_output=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    lines = [line.strip() for line in text.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    assert "Recalling its resolution 74/299 of 31 August 2020 on improving global road safety,1" in lines
    assert "Noting the work of the United Nations road safety collaboration," in lines
    assert not any("August 31" in line for line in lines)
    # Saved as Word again by LibreOffice, with no tracked change left: no finding, italics kept.
    assert b"w:ins " not in entries(again)["word/document.xml"]
    assert lint_docx(again).diagnostics == []
    assert "2. *Invites* Member States" in read_word(again).text


def test_fixes_from_bytes(tmp_path):
    data = (DATA / "draft-fixable.docx").read_bytes()
    out = tmp_path / "out.docx"
    report = fix_docx(data, out, date=DATE)
    assert report.written and lint_docx(io.BytesIO(out.read_bytes()).getvalue()).diagnostics == []
    assert sys.modules.get("resolint.word") is not None


def test_typed_numbers_renumbered_across_paragraphs(tmp_path):
    """N001's fix retypes typed numbers in several paragraphs: one tracked change in each."""
    from test_docx_xml import package, para, run

    body = para(run("The General Assembly,", True)) + para(run("Recalling", True) + run(" the Charter,"))
    body += para(run("1. ") + run("Decides", True) + run(" to act;"))
    body += para(run("3. ") + run("Decides", True) + run(" to meet;"))
    body += para(run("4. ") + run("Requests", True) + run(" a report."))
    data = package(body)
    assert [d.code for d in lint_docx(data).diagnostics] == ["N001"]
    out = tmp_path / "out.docx"
    assert fix_docx(data, out, date=DATE).written is False  # N001's fix is unsafe
    report = fix_docx(data, out, unsafe=True, date=DATE)
    assert [d.code for d in report.applied] == ["N001"]
    assert [p.text[:3] for p in read_word(out).paragraphs][2:] == ["1. ", "2. ", "3. "]
    assert [p.text[:3] for p in read_word(out, revisions="original").paragraphs][2:] == ["1. ", "3. ", "4. "]
    assert lint_docx(out).diagnostics == []


def test_fix_inside_a_footnote_is_written_into_footnotes_xml(tmp_path):
    from test_docx_xml import SEPARATORS, footnote, package, para, ref, run

    body = para(run("The General Assembly,", True))
    body += para(run("Recalling", True) + run(" its resolution 70/1 of 25 September 2015,") + ref(7))
    data = package(body, footnotes=SEPARATORS + footnote(7, "Adopted on September 25, 2015."))
    assert [d.code for d in lint_docx(data).diagnostics] == ["D007"]
    out = tmp_path / "out.docx"
    report = fix_docx(data, out, date=DATE)
    assert [d.code for d in report.applied] == ["D007"]
    assert [f.text for f in read_word(out).footnotes] == ["Adopted on 25 September 2015."]
    assert [f.text for f in read_word(out, revisions="original").footnotes] == ["Adopted on September 25, 2015."]
    before, after = entries_of(data), entries(out)
    assert [name for name in before if before[name] != after[name]] == ["word/footnotes.xml"]
    assert lint_docx(out).diagnostics == []
    assert not fix_docx(out, tmp_path / "again.docx", date=DATE).written


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}
