"""Word drafts: lint a ``.docx``, convert it to what resolint reads, fix it with tracked changes.

The function API the command line calls for a ``.docx``:

* :func:`lint_docx` — the findings, positioned in Word's coordinates
  (line = the 1-based ``w:p`` among the body's paragraphs, column = the
  1-based code-point column in its accepted text, automatic number
  excluded); ``report.to_finding(result.document.source, d)`` gives them;
* :func:`convert_docx` — the Markdown (or plain text) that resolint reads;
* :func:`fix_docx` — a copy of the document in which each fix is a tracked
  change;
* :func:`paragraph_label` — "PP 4", "OP 12 (c)": how drafters name the
  paragraph a finding is in.

lxml is imported only here and in :mod:`resolint.readers.docx`, and only when
a ``.docx`` is read, so checking Markdown pays nothing for it.
"""

from __future__ import annotations

from pathlib import Path

from .config import Settings
from .linter import LintResult, _cyclic_collector_paused, lint_document
from .model import Document
from .readers.docx import REVISIONS, DocxError, WordDocument, WordSource, read_docx

__all__ = [
    "DocxError",
    "REVISIONS",
    "WordDocument",
    "convert_docx",
    "fix_docx",
    "lint_docx",
    "paragraph_label",
    "parse_docx",
    "read_word",
]


def read_word(source: str | Path | bytes, revisions: str = "accepted", name: str | None = None) -> WordDocument:
    """Read a ``.docx`` (a path or its bytes) into its rendering and map."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return read_docx(bytes(source), name or "-", revisions)
    path = Path(source)
    label = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocxError(f"{label}: no such file or directory") from None
    except IsADirectoryError:
        raise DocxError(f"{label}: is a directory where a file was expected") from None
    except PermissionError:
        raise DocxError(f"{label}: permission denied; not checked") from None
    except OSError as error:
        raise DocxError(f"{label}: cannot read: {error.strerror or error}") from None
    return read_docx(data, label, revisions)


def parse_docx(word: WordDocument, path: str = "-", settings: Settings | None = None) -> Document:
    """The document model of a Word document: its rendering read as Markdown,
    every span positioned through a :class:`WordSource`."""
    from .parser import _Builder
    from .readers.markdown import read_markdown

    settings = settings or Settings()
    source = WordSource(word.text, path, word=word)
    result = read_markdown(word.text, tuple(settings.preambular_openers), tuple(settings.operative_openers))
    return _Builder(source, "markdown", result).build()


def lint_docx(
    source: str | Path | bytes,
    settings: Settings | None = None,
    revisions: str = "accepted",
    path: str | None = None,
) -> LintResult:
    """Lint a ``.docx`` as it reads in Word (``revisions="accepted"``: with
    every tracked change accepted; ``"original"``: before them).

    ``path`` is the name findings are reported under (default: the path
    given).  DocxError (one line) for a file that is not a readable Word
    document."""
    settings = settings or Settings()
    display = path or (str(source) if not isinstance(source, (bytes, bytearray, memoryview)) else "-")
    word = read_word(source, revisions, display)
    with _cyclic_collector_paused():
        doc = parse_docx(word, display, settings)
        return LintResult(doc, lint_document(doc, settings, display))


def convert_docx(source: str | Path | bytes, to: str = "markdown", revisions: str = "accepted") -> str:
    """The text resolint reads from a ``.docx``: ``to="markdown"`` gives the
    rendering (italics, ``<sup>n</sup>`` markers, footnotes at the end), so a
    drafter can go on in an editor with the language server; ``to="text"``
    the plain text of the document system's export (a tab before each
    paragraph, footnote markers glued to the words, notes at the end)."""
    word = read_word(source, revisions)
    if to == "markdown":
        return word.text
    if to == "text":
        return _plain_text(word)
    raise ValueError(f"unknown target format {to!r}: expected 'markdown' or 'text'")


def _plain_text(word: WordDocument) -> str:
    """The shape of the document system's plain text: a paragraph a line,
    a tab before it (and after its number), headings flush left, the
    footnotes at the end as "1 Resolution 70/1." with their marks glued to
    the words."""
    lines: list[str] = []
    for paragraph in word.paragraphs:
        text = paragraph.text.replace("\n", " ").strip()
        if paragraph.number:
            text = f"{paragraph.number}\t{text}"
        lines.append(text if paragraph.heading else "\t" + text)
    notes = [f for f in word.footnotes if f.text]
    if notes:
        lines.append("")
        lines.extend(f"{f.number} {f.text}" for f in notes)
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ paragraph names


def paragraph_label(doc: Document, offset: int) -> str | None:
    """How a drafter names the paragraph holding ``offset``: "PP 4" (the
    fourth preambular paragraph), "OP 12", "OP 12 (c)" (a subparagraph), or
    None outside the preamble and the operative part."""
    from .model import Paragraph

    preambular = 0
    operative = 0
    for paragraph in _paragraphs(doc):
        if not isinstance(paragraph, Paragraph):
            continue
        kind = getattr(paragraph, "kind", "")
        if kind == "preambular":
            preambular += 1
        elif kind == "operative":
            operative += 1
        span = paragraph.span
        inside = any(start <= offset < end for start, end in paragraph.segments) or span.start <= offset < span.end
        if not inside:
            continue
        if kind == "preambular":
            return f"PP {preambular}"
        if kind == "operative":
            label = f"OP {paragraph.number or operative}"
            for sub in getattr(paragraph, "subparagraphs", []) or []:
                sub_span = sub.span
                if sub_span.start <= offset < sub_span.end:
                    return f"{label} {sub.label}" if getattr(sub, "label", None) else label
            return label
    return None


def _paragraphs(doc: Document):
    for part in doc.parts if getattr(doc, "parts", None) else [doc]:
        yield from getattr(part, "preamble", []) or []
        yield from getattr(part, "operative", []) or []


# ------------------------------------------------------------------ fixes as tracked changes


def fix_docx(*args, **kwargs):  # pragma: no cover - defined below when written
    raise NotImplementedError
