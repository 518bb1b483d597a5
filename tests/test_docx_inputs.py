"""Files that are not readable Word documents: one clear line each; zip
bombs refused; a large .docx read in time linear in its size."""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("lxml")

from resolint.readers import docx as reader  # noqa: E402
from resolint.word import DocxError, lint_docx, read_word  # noqa: E402

DATA = Path(__file__).parent / "data" / "docx"
sys.path.insert(0, str(DATA))

from scale import grow  # noqa: E402

SEED = (DATA / "A-RES-77-176.docx").read_bytes()


def zipped(entries: dict[str, bytes | str], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def seed_with(part: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(SEED)) as z:
        entries = {info.filename: z.read(info) for info in z.infolist()}
    entries[part] = data
    return zipped(entries)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    "data, message",
    [
        (OLE + b"WordDocument".decode().encode("utf-16-le") + b"\0" * 100, "old binary Word document (.doc)"),
        (OLE + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100, "password-protected"),
        (b"{\\rtf1\\ansi Draft}", "Rich Text Format"),
        (b"", "not a Word document"),
        (b"The General Assembly,\n", "not a Word document"),
        (b"PK\x03\x04" + b"\0" * 200, "corrupt Word document"),
        (SEED[: len(SEED) // 2], "corrupt Word document"),
        (zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), "OpenDocument"),
        (zipped({"hello.txt": "hello"}), "a zip archive that is not a Word document"),
        (seed_with("word/document.xml", b"<w:document><w:body><w:p>"), "corrupt Word document (broken XML"),
        (
            seed_with(
                "word/document.xml",
                b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document/>',
            ),
            "declares a DTD",
        ),
    ],
)
def test_bad_input_is_one_line(data, message):
    with pytest.raises(DocxError) as caught:
        read_word(data, name="draft.docx")
    text = str(caught.value)
    assert message in text
    assert text.startswith("draft.docx: ") and "\n" not in text


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(DocxError, match=r"^.*missing\.docx: no such file or directory$"):
        lint_docx(tmp_path / "missing.docx")


def test_zip_bomb_is_refused_before_it_is_expanded():
    # 40 MB of zeros compress to some 40 KB: a thousand to one, where Word's XML is 10 to 50.
    bomb = seed_with("word/document.xml", b"<" + b"\0" * (40 * 1024 * 1024))
    assert len(bomb) < 200_000
    start = time.process_time()
    with pytest.raises(DocxError, match="refused: word/document.xml would expand to 41943041 bytes"):
        read_word(bomb, name="bomb.docx")
    assert time.process_time() - start < 1.0


def test_part_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(reader, "MAX_PART_BYTES", 50_000)
    with pytest.raises(DocxError, match="a zip bomb"):
        read_word(SEED, name="seed.docx")
    monkeypatch.setattr(reader, "MAX_PART_BYTES", 64 * 1024 * 1024)
    monkeypatch.setattr(reader, "MAX_TOTAL_BYTES", 80_000)
    with pytest.raises(DocxError, match="expand to more than 80000 bytes"):
        read_word(SEED, name="seed.docx")


def test_images_are_not_read_and_a_10_mb_docx_is_checked():
    data = grow(24, image_bytes=10 * 1024 * 1024)
    assert len(data) > 10 * 1024 * 1024
    start = time.process_time()
    result = lint_docx(data)
    elapsed = time.process_time() - start
    assert [d.code for d in result.diagnostics] == ["P001"]
    assert elapsed < 5.0, elapsed  # the goal is 0.5 s for 100 pages on a quiet machine


def test_time_is_linear_in_the_size():
    def cost(copies: int) -> tuple[float, int]:
        data = grow(copies)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            result = lint_docx(data)
            best = min(best, time.process_time() - start)
        return best, len(result.document.source.text)

    small, small_chars = cost(8)
    large, large_chars = cost(32)
    growth = large_chars / small_chars
    assert growth > 3.5
    # Linear: four times the text, at most about six times the time (quadratic would be sixteen).
    assert large / small < 1.6 * growth, (small, large, growth)


def test_damaged_packages_give_a_result_or_one_line():
    """Bytes flipped anywhere in the seed: read, or refused with DocxError, never another exception."""
    import random

    rng = random.Random(14)
    outcomes = {"read": 0, "refused": 0}
    for _ in range(150):
        data = bytearray(SEED)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_word(bytes(data), name="damaged.docx")
            outcomes["read"] += 1
        except DocxError as error:
            assert str(error).startswith("damaged.docx: ") and "\n" not in str(error)
            outcomes["refused"] += 1
    assert outcomes["read"] and outcomes["refused"]


def test_odd_values_in_the_xml_are_read_without_error():
    from test_docx_xml import abstract, level, num, package, para, run

    numbering = abstract(1, level(0, "decimal", "%1.%9)"), level(1, "ordinalText", "%2")) + num(1, 1) + num(2, 99)
    numbering += '<w:num w:numId="x"><w:abstractNumId w:val="1"/></w:num><w:abstractNum w:abstractNumId="y"/>'
    body = para(run("A"), (1, 0)) + para(run("B"), (1, 7)) + para(run("C"), (2, 0)) + para(run("D"), (1, 1))
    body += (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="zz"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>E</w:t></w:r></w:p>'
    )
    body += '<w:p><w:r><w:footnoteReference w:id="nope"/><w:sym w:char="zz"/><w:t>F</w:t></w:r></w:p>'
    word = read_word(package(body, numbering=numbering))
    assert [p.number for p in word.paragraphs] == ["1.0)", None, None, "1", "2.0)", None]
    assert word.paragraphs[-1].text == "1F"


def test_damaged_xml_gives_a_result_or_one_line():
    """Characters changed inside the seed's XML parts (a valid zip around them)."""
    import random

    rng = random.Random(1414)
    with zipfile.ZipFile(io.BytesIO(SEED)) as z:
        parts = {name: z.read(name) for name in ("word/document.xml", "word/numbering.xml", "word/footnotes.xml")}
    outcomes = {"read": 0, "refused": 0}
    for _ in range(120):
        name = rng.choice(list(parts))
        xml = bytearray(parts[name])
        for _ in range(rng.randint(1, 3)):
            xml[rng.randrange(len(xml))] = rng.choice(b'<>"/= :w0123456789-')
        try:
            lint_docx(seed_with(name, bytes(xml)), path="damaged.docx")
            outcomes["read"] += 1
        except DocxError as error:
            assert str(error).startswith("damaged.docx: ") and "\n" not in str(error)
            outcomes["refused"] += 1
    assert outcomes["read"] and outcomes["refused"]
