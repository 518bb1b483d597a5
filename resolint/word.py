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

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .diagnostics import Diagnostic
from .linter import LintResult, _cyclic_collector_paused, lint_document
from .model import Document
from .outline import paragraph_label
from .readers.docx import REVISIONS, DocxError, WordDocument, WordParagraph, WordSource, read_docx

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
    "typed_numbers",
]


def read_word(source: str | Path | bytes, revisions: str = "accepted", name: str | None = None) -> WordDocument:
    """Read a ``.docx`` (a path or its bytes) into its rendering and map."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return read_docx(bytes(source), name or "-", revisions)
    path = Path(source)
    label = name or str(path)
    # The command line reads the bytes itself (resolint/cli/files.py, its messages); this is the library's way.
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocxError(f"{label}: no such file or directory") from None
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


def convert_docx(
    source: str | Path | bytes, to: str = "markdown", revisions: str = "accepted", name: str | None = None
) -> str:
    """The text resolint reads from a ``.docx``: ``to="markdown"`` gives the
    rendering (italics, ``<sup>n</sup>`` markers, footnotes at the end), so a
    drafter can go on in an editor with the language server; ``to="text"``
    the plain text of the document system's export (a tab before each
    paragraph, footnote markers glued to the words, notes at the end).
    ``name``: what a message calls the document (default: its path, or "-")."""
    word = read_word(source, revisions, name)
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


# ------------------------------------------------------------------ Word's own numbering faults

_TYPED_NUMBER = re.compile(r"\s*(?:\d{1,3}\.|\([a-z]{1,5}\))(?=\s)")


def typed_numbers(word: WordDocument) -> list[WordParagraph]:
    """Paragraphs whose number is typed ("5. ", "(c) ") where a paragraph
    before or after them is numbered by Word: the fault a negotiation
    exposes, since Word renumbers its own numbers and never the typed one.
    A fact for a rule to judge (the existing N001 finds the broken sequence;
    this names the paragraph to fix)."""
    paragraphs = word.paragraphs
    found = []
    for i, paragraph in enumerate(paragraphs):
        if paragraph.number or not _TYPED_NUMBER.match(paragraph.text):
            continue
        neighbours = paragraphs[max(0, i - 2) : i] + paragraphs[i + 1 : i + 3]
        if any(other.number for other in neighbours):
            found.append(paragraph)
    return found


# ------------------------------------------------------------------ fixes as tracked changes


@dataclass(slots=True)
class WordFixes:
    """What :func:`fix_docx` did: the fixes written as tracked changes (their
    positions those of the document before them) and those it left, with why."""

    applied: list[Diagnostic] = field(default_factory=list)
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)
    written: bool = False
    # The source of the round each applied fix was made in (its offsets are offsets into that text).
    sources: list[WordSource] = field(default_factory=list, repr=False)

    def findings(self, names: dict[str, str] | None = None) -> list:
        """The applied fixes as report Findings (line = w:p, column in its text, before the fix)."""
        from .report import to_finding

        return [to_finding(source, d, names) for source, d in zip(self.sources, self.applied, strict=True)]


def fix_docx(
    source: str | Path | bytes,
    output: str | Path,
    settings: Settings | None = None,
    *,
    unsafe: bool = False,
    author: str = "resolint",
    date: str | None = None,
    max_rounds: int = 10,
    name: str | None = None,
) -> WordFixes:
    """Write a copy of a ``.docx`` to ``output`` in which each fix is a tracked
    change by ``author`` (``w:del``/``w:ins`` for text, ``w:rPrChange`` for
    italics), so the drafter accepts or rejects each in Word.  The original
    is never touched; every zip entry but ``word/document.xml`` is copied
    unchanged.  Nothing is written when there is nothing to fix.  Fixes are
    chosen as ``--fix`` chooses them, in rounds, on the text as it reads with
    every change accepted — so fixing the fixed copy changes nothing more.

    Left (reported in ``skipped``, with why): fixes of an automatic number
    (Word renumbers by itself; changing the list would be a paragraph-
    property change), italics inside a footnote, several edits in one
    paragraph, and a fix that touches a paragraph another fix of the same
    round changed (it is judged again in the next round)."""
    import datetime as dt
    import zipfile

    from .readers.docx import open_package

    settings = settings or Settings()
    data = bytes(source) if isinstance(source, (bytes, bytearray, memoryview)) else Path(source).read_bytes()
    name = name or ("-" if isinstance(source, (bytes, bytearray, memoryview)) else str(source))
    stamp = date or dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = open_package(data, name)
    report = WordFixes()
    changed_roles: set[str] = set()
    for _ in range(max_rounds):
        changed = _fix_round(parts, name, settings, unsafe, (author, stamp), report)
        if not changed:
            break
        changed_roles |= changed
    if changed_roles:
        names = _part_names(data)
        _write_copy(data, Path(output), {names[role]: parts[role] for role in changed_roles}, zipfile)
        report.written = True
    return report


def _fix_round(parts: dict, name: str, settings: Settings, unsafe: bool, stamp: tuple, report: WordFixes) -> set[str]:
    """Lint the document as it reads now, write the fixes that apply together
    into its XML, and put the changed parts back in ``parts``: the roles of
    the parts changed (empty when no fix could be written)."""
    from lxml import etree

    from .fixes import select_fixes

    word = read_docx_parts(parts, name)
    doc = parse_docx(word, name, settings)
    with _cyclic_collector_paused():
        diagnostics = lint_document(doc, settings, name)
    writer = _TrackedChanges(word, *stamp)
    for d in select_fixes(diagnostics, unsafe):
        reason = writer.apply(d)
        if reason is None:
            report.applied.append(d)
            report.sources.append(doc.source)
        elif (d.code, d.message) not in {(s.code, s.message) for s, _ in report.skipped}:
            report.skipped.append((d, reason))  # judged again each round: said once
    changed = set()
    if writer.body_changed:
        parts["document"] = etree.tostring(word.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        changed.add("document")
    if writer.footnotes_changed:
        parts["footnotes"] = etree.tostring(
            word.footnotes_root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        changed.add("footnotes")
    return changed


def read_docx_parts(parts: dict[str, bytes], name: str) -> WordDocument:
    from .readers.docx import _Reader, _render

    return _render(_Reader(parts, name, "accepted"))


def _part_names(data: bytes) -> dict[str, str]:
    """The zip entry of each part the reader reads, by role ("document", "footnotes" …)."""
    import io
    import zipfile

    from .readers.docx import _main_part, _related_parts

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = {info.filename: info for info in archive.infolist()}
        main = _main_part(archive, names, "-", [0]) or "word/document.xml"
        return {"document": main, **_related_parts(archive, names, main, "-", [0])}


def _write_copy(data: bytes, output: Path, replaced: dict[str, bytes], zipfile) -> None:
    """The package again, entry by entry in the same order with the same
    names, dates and compression; only the entries in ``replaced`` differ."""
    import io
    import os
    import tempfile

    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".resolint-", suffix=".docx", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(handle, "w") as zout:
                for info in zin.infolist():
                    content = replaced.get(info.filename)
                    if content is None:
                        content = zin.read(info)
                    zout.writestr(info, content, compress_type=info.compress_type)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The run properties that come before w:i in the schema's order.
_BEFORE_ITALIC = frozenset(_W + t for t in ("rStyle", "rFonts", "b", "bCs"))
_TRACKED = frozenset(_W + t for t in ("ins", "del", "moveTo", "moveFrom"))


class _TrackedChanges:
    """Writes fixes into a WordDocument's XML tree as tracked changes."""

    def __init__(self, word: WordDocument, author: str, date: str):
        self.word = word
        self.author = author
        self.date = date
        ids = [int(v) for v in word.root.xpath("//@w:id", namespaces={"w": _W[1:-1]}) if v.lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.touched: set[tuple] = set()  # paragraphs already edited this round: their pieces are stale
        self.footnotes_changed = False
        self.body_changed = False

    # ------------------------------------------------------------ entry
    def apply(self, d: Diagnostic) -> str | None:
        """Write the fix of ``d``; None when written, else why not."""
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        text = self.word.text
        in_note = [self._footnote_at(e.start) for e in edits]
        if all(set(e.new_text) <= {"*"} and set(text[e.start : e.end]) <= {"*"} for e in edits):
            if any(in_note):
                return "a change of formatting inside a footnote is not written as a tracked change yet"
            return self._italicize(edits[0].start, edits[-1].end)
        places = [self._target(e.start, e.end, note) for e, note in zip(edits, in_note, strict=True)]
        if any(place is None for place in places):
            return "the fix changes an automatic number or other text Word makes itself; change it in Word"
        if any("*" in e.new_text or "<" in e.new_text for e in edits):
            return "a fix that changes formatting is not written as a tracked change yet"
        keys = [place[0] for place in places]
        if len(set(keys)) != len(keys):
            return "a fix of several edits in one paragraph is not written as a tracked change yet"
        if self.touched.intersection(keys):
            return "another fix changed this paragraph in this round"
        for (key, pieces, element, start, end), edit in zip(places, edits, strict=True):
            self._replace(pieces, element, start, end, edit.new_text)
            self.touched.add(key)
            if key[0] == "note":
                self.footnotes_changed = True
            else:
                self.body_changed = True
        return None

    def _footnote_at(self, offset: int):
        for note in self.word.footnotes:
            if note.end > note.start and note.start < offset <= note.end:
                return note
        return None

    def _target(self, start: int, end: int, note):
        """(key, the pieces of the paragraph, its w:p, start column, end column)
        when rendering[start:end] is text of one paragraph of the body or of a footnote."""
        word = self.word
        if note is None:
            found = _columns(word.starts, word.wps, word.cols, word.linear, start, end)
            if found is None:
                return None
            wp, first, last = found
            return ("body", wp), word.wp_pieces[wp], word.elements[wp], first, last
        if end > note.end:
            return None
        found = _columns(note.starts, note.paras, note.cols, note.linear, start, end)
        if found is None or not 0 <= found[0] < len(note.elements):
            return None
        k, first, last = found
        pieces = [p for p in note.pieces if p.wp == k]
        return ("note", note.note_id, k), pieces, note.elements[k], first, last

    # ------------------------------------------------------------ italics
    def _italicize(self, start: int, end: int) -> str | None:
        word = self.word
        ranges: dict[int, list[int]] = {}
        for offset in range(start, end):
            i = bisect_right(word.starts, offset) - 1
            if i < 0 or not word.linear[i]:
                continue
            wp, col = word.location(offset)
            span = ranges.setdefault(wp, [col, col + 1])
            span[0], span[1] = min(span[0], col), max(span[1], col + 1)
        if not ranges:
            return "no text to italicize"
        if any(("body", wp) in self.touched for wp in ranges):
            return "another fix changed this paragraph in this round"
        for wp, (first, last) in ranges.items():
            for node in _isolate(self.word.wp_pieces[wp], first, last):
                self._set_italic(node.getparent())
            self.touched.add(("body", wp))
        self.body_changed = True
        return None

    def _set_italic(self, run) -> None:
        from lxml import etree

        rpr = run.find(_W + "rPr")
        if rpr is None:
            rpr = etree.Element(_W + "rPr")
            run.insert(0, rpr)
        if rpr.find(_W + "rPrChange") is None:
            change = etree.SubElement(rpr, _W + "rPrChange", self._attributes())
            old = etree.SubElement(change, _W + "rPr")
            for child in rpr:
                if child is not change:
                    old.append(_copy(child))
        for existing in rpr.findall(_W + "i"):
            rpr.remove(existing)
        italic = etree.Element(_W + "i")
        position = 0
        while position < len(rpr) and rpr[position].tag in _BEFORE_ITALIC:
            position += 1
        rpr.insert(position, italic)

    # ------------------------------------------------------------ text
    def _replace(self, pieces, element, start: int, end: int, new_text: str) -> None:
        from lxml import etree

        nodes = _isolate(pieces, start, end) if end > start else []
        anchor_run = None
        after = True
        if nodes:
            for node in nodes:
                run = node.getparent()
                for t in run.iter(_W + "t"):
                    t.tag = _W + "delText"
                wrapper = etree.Element(_W + "del", self._attributes())
                run.addprevious(wrapper)
                wrapper.append(run)
                anchor_run = wrapper
        else:
            anchor_run, after = _insertion_point(pieces, start)
        if not new_text:
            return
        insertion = etree.Element(_W + "ins", self._attributes())
        run = etree.SubElement(insertion, _W + "r")
        template = self._template_run(anchor_run)
        if template is not None:
            rpr = template.find(_W + "rPr")
            if rpr is not None:
                copied = _copy(rpr)
                for change in copied.findall(_W + "rPrChange"):
                    copied.remove(change)
                run.append(copied)
        t = etree.SubElement(run, _W + "t")
        t.text = new_text
        t.set(_XML_SPACE, "preserve")
        if anchor_run is None:
            element.append(insertion)
            return
        anchor = anchor_run
        while anchor.getparent() is not None and anchor.getparent().tag in _TRACKED and anchor.tag != _W + "del":
            anchor = anchor.getparent()
        if after:
            anchor.addnext(insertion)
        else:
            anchor.addprevious(insertion)

    @staticmethod
    def _template_run(element):
        if element is None:
            return None
        if element.tag == _W + "r":
            return element
        return next(element.iter(_W + "r"), None)

    def _attributes(self) -> dict:
        attributes = {_W + "id": str(self.next_id), _W + "author": self.author, _W + "date": self.date}
        self.next_id += 1
        return attributes


def _columns(starts, paras, cols, linear, start: int, end: int) -> tuple[int, int, int] | None:
    """(paragraph, start column, end column) when the rendering's [start, end)
    is text of one paragraph in this map (no markup in it), else None."""
    i = bisect_right(starts, start) - 1
    if i < 0:
        return None
    if start == end:
        if not linear[i] and starts[i] < start:
            return None  # inside markup: a number, a footnote mark
        col = cols[i] + (start - starts[i] if linear[i] else 0)
        return paras[i], col, col
    j = bisect_right(starts, end - 1) - 1
    if any(not linear[k] or paras[k] != paras[i] for k in range(i, j + 1)):
        return None
    first = cols[i] + start - starts[i]
    last = cols[j] + end - starts[j]
    if last - first != end - start:
        return None
    return paras[i], first, last


def _insertion_point(pieces, col: int):
    """(the run to insert beside, True to insert after it) for an insertion at ``col``."""
    text = [p for p in pieces if p.kind in ("text", "custom") and p.node is not None]
    before = [p for p in text if p.col < col]
    at = [p for p in text if p.col >= col]
    if before and before[-1].col + len(before[-1].text) > col:
        nodes = _isolate(pieces, col, before[-1].col + len(before[-1].text))
        return nodes[0].getparent(), False
    if before:
        return before[-1].node.getparent(), True
    if at:
        return at[0].node.getparent(), False
    return None, True


def _isolate(pieces, start: int, end: int) -> list:
    """The content elements that show columns [start, end) of a paragraph,
    each alone in its run (runs and w:t split at the column edges)."""
    out = []
    for piece in pieces:
        if piece.kind not in ("text", "custom") or piece.node is None:
            continue
        p_start, p_end = piece.col, piece.col + len(piece.text)
        if p_end <= start or p_start >= end:
            continue
        node = piece.node
        first = piece.lead + max(start, p_start) - p_start
        last = piece.lead + min(end, p_end) - p_start
        if node.tag == _W + "t" and (first > 0 or last < len(node.text or "")):
            node = _split_text(node, first, last)
        out.append(node)
    for node in out:
        _alone_in_run(node)
    return out


def _copy(element):
    import copy

    return copy.deepcopy(element)


def _split_text(node, start: int, end: int):
    """Split a w:t so that its text[start:end] is a w:t of its own; return that one."""
    from lxml import etree

    text = node.text or ""
    pieces = [(text[:start], "before"), (text[start:end], "middle"), (text[end:], "after")]
    middle = None
    current = node
    node.text = pieces[0][0] if pieces[0][0] else None
    first_used = bool(pieces[0][0])
    for value, role in pieces[1:]:
        if not value:
            continue
        if not first_used:
            node.text = value
            node.set(_XML_SPACE, "preserve")
            first_used = True
            current = node
        else:
            new = etree.Element(_W + "t")
            new.text = value
            new.set(_XML_SPACE, "preserve")
            current.addnext(new)
            current = new
        if role == "middle":
            middle = current
    node.set(_XML_SPACE, "preserve")
    return middle


def _alone_in_run(node) -> None:
    """Move the content before and after ``node`` in its run into runs of their own."""
    run = node.getparent()
    if run is None or run.tag != _W + "r":
        return
    rpr = run.find(_W + "rPr")
    content = [child for child in run if child.tag != _W + "rPr"]
    index = content.index(node)
    before, after = content[:index], content[index + 1 :]
    if before:
        run.addprevious(_run_with(rpr, before))
    if after:
        run.addnext(_run_with(rpr, after))


def _run_with(rpr, children):
    """A new run holding ``children``, formatted as ``rpr`` (a copy of it; None: plain)."""
    from lxml import etree

    new = etree.Element(_W + "r")
    if rpr is not None:
        new.append(_copy(rpr))
    for child in children:
        new.append(child)
    return new
