"""Word documents of any size, grown from the seed fixture: its preambular
paragraphs (italic openers, footnote references, citations) repeated before
its operative part (Word's list numbering), with optional incompressible
"images" to reach a given file size.  The grown document has the seed's one
finding, however long it is.  Shared by tests/test_docx_inputs.py
and benchmarks/docx_perf.py."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

SEED = Path(__file__).resolve().parent / "A-RES-77-176.docx"
PAGE_CHARS = 3300  # about 500 words: one page of a resolution


def grow(copies: int, image_bytes: int = 0, seed: Path = SEED) -> bytes:
    """The seed with its preamble repeated ``copies`` times (1: the seed itself)."""
    with zipfile.ZipFile(seed) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "word/document.xml":
                data = _repeat_preamble(data.decode("utf-8"), copies).encode("utf-8")
            z.writestr(info, data)
        if image_bytes:
            # Images are stored, not read: random bytes do not compress, as a photograph.
            z.writestr(zipfile.ZipInfo("word/media/image1.png"), os.urandom(image_bytes), zipfile.ZIP_STORED)
    return out.getvalue()


def _repeat_preamble(xml: str, copies: int) -> str:
    """Repeat the preambular paragraphs after the first (whose opener is not italic)."""
    paragraphs = [m.span() for m in re.finditer(r"<w:p>.*?</w:p>", xml, re.S)]
    first = next(i for i, (a, b) in enumerate(paragraphs) if "Recalling its resolutions" in xml[a:b])
    numbered = next(i for i, (a, b) in enumerate(paragraphs) if "<w:numPr>" in xml[a:b])
    start, end = paragraphs[first + 1][0], paragraphs[numbered - 1][1]
    return xml[:start] + xml[start:end] * copies + xml[end:]


def pages(data: bytes) -> float:
    from resolint.word import read_word

    return len(read_word(data).text) / PAGE_CHARS
