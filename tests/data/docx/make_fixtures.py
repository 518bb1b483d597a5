"""Build the Word fixtures of tests/test_docx*.py from real texts with pandoc.

    python tests/data/docx/make_fixtures.py            # writes the .docx files beside this script

Needs pandoc (Debian package ``pandoc``; made with pandoc 2.17), for the
seed ``../shared/corpus/markdown``, and for the ``*.libreoffice.docx`` files
LibreOffice with python3-uno (``libreoffice-writer-nogui python3-uno``; made
with LibreOffice 7.4), driven by lo_tools.py: LibreOffice saves the seed
again, and deletes an operative paragraph with change recording on, as a
drafter does in Writer.  The .docx files are committed, so
the tests need neither.  The Markdown of the corpus becomes pandoc Markdown
(:func:`pandoc_markdown`): each ``<sup>n</sup>`` marker a pandoc footnote,
each footnote body its definition, the page breaks gone and a paragraph that
a page break split joined again — Word has no pages to split at — and pandoc
writes real italic runs, Word list numbering ("1." and "(a)" lists) and real
footnotes.  Tracked changes come from pandoc's ``[text]{.insertion …}`` and
``[text]{.deletion …}`` spans.  Two things pandoc cannot write are added to
its output by :func:`edit_part`, each said where it is done: a deleted
paragraph mark (``w:pPr/w:rPr/w:del``, how Word records a deleted paragraph)
and a typed paragraph number in a list.

``google-docs-imitation.docx`` imitates a Google Docs export (no Google Docs
can be run here): Google's part layout and habits — every run with its own
``w:rPr``, italics as ``<w:i w:val="1"/>``, numbering from one abstract
numbering with ``%1.`` at level 0 and ``(%2)`` lowerLetter at level 1,
footnotes with ``w:id`` from 1, no styles for lists — written by hand below.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2].parent / "shared" / "corpus" / "markdown"
AUTHOR = 'author="Delegation of Norway" date="2026-11-20T10:00:00Z"'

_BODY = re.compile(r"^<sup>\s*(\d+)\s*</sup>\s*(.*)$", re.S)
_MARKER = re.compile(r"<sup>\s*(\d+)\s*</sup>")


def pandoc_markdown(md: str) -> str:
    """The corpus's Markdown as pandoc reads it: markers as footnotes, page breaks gone."""
    blocks = [b for b in re.split(r"\n[ \t]*\n", md.strip("\n")) if b.strip()]
    kept: list[str] = []
    notes: list[str] = []
    broken = False  # a page break (or its footnotes) stands between kept[-1] and the next block
    for block in blocks:
        stripped = block.strip()
        if stripped == "---":
            broken = True
            continue
        body = _BODY.match(stripped)
        if body:
            notes.append(f"[^{body.group(1)}]: {body.group(2).strip()}")
            broken = True
            continue
        if broken and kept and _continues(kept[-1], stripped):
            kept[-1] = kept[-1].rstrip() + " " + stripped
        else:
            kept.append(block)
        broken = False
    text = "\n\n".join(_break_lists(kept))
    text = _MARKER.sub(lambda m: f"[^{m.group(1)}]", text)
    return text + "\n\n" + "\n\n".join(notes) + "\n"


_DECIMAL = re.compile(r"(\d{1,3})\.[ \t]")
_PAREN = re.compile(r"\(([a-z]{1,5})\)[ \t]")


def _break_lists(blocks: list[str]) -> list[str]:
    """An HTML comment where a typed list restarts: pandoc would carry one
    list on ("7." then "1." … "5." become 7 … 12), Word numbers what it is told."""
    out: list[str] = []
    previous = None
    for block in blocks:
        decimal, paren = _DECIMAL.match(block), _PAREN.match(block)
        if decimal:
            value = int(decimal.group(1))
            if isinstance(previous, int) and value != previous + 1:
                out.append("<!-- -->")
            previous = value
        elif paren:
            if paren.group(1) in ("a", "i") and previous == "paren":
                out.append("<!-- -->")
            previous = "paren"
        else:
            previous = None
        out.append(block)
    return out


def _continues(before: str, after: str) -> bool:
    """Does ``after`` continue the paragraph that a page break split?"""
    end = re.sub(r"(\[\^\d+\]|<sup>\s*\d+\s*</sup>)+$", "", before.rstrip()).rstrip("*")
    return bool(end) and end[-1] not in ",;:." and after[:1].islower()


def pandoc(markdown: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.md"
        src.write_text(markdown, encoding="utf-8")
        subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "docx", "-o", str(out), str(src)], check=True)


def edit_part(path: Path, part: str, edit) -> None:
    """Rewrite one XML part of a package (``edit`` maps its text to the new text)."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename == part:
                new = edit(data.decode("utf-8"))
                if new == data.decode("utf-8"):
                    raise SystemExit(f"{path.name}: the edit of {part} changed nothing")
                data = new.encode("utf-8")
            zout.writestr(info, data)
    tmp.replace(path)


DRAFT = """# General Assembly

### Draft resolution on road safety

*The General Assembly,*

*Recalling* its resolution 74/299 of 31 August 2020 on improving global road safety,[^1]

*Noting* the work of the United Nations road safety collaboration,

1. *Welcomes* the report of the Secretary-General;[^2]

2. *Invites* Member States to adopt comprehensive road safety legislation;

3. *Encourages* Member States to strengthen their road safety management systems;

4. *Calls upon* Member States to consider acceding to the United Nations road safety conventions;

5. *Invites* the regional commissions to support Member States in their efforts;

6. *Requests* the Secretary-General to report to the General Assembly at its eighty-second session on the implementation of the present resolution.

[^1]: A/74/PV.97.

[^2]: A/80/123.
"""


def seed(out: Path) -> None:
    md = (CORPUS / "A-RES-77-176.md").read_text(encoding="utf-8")
    pandoc(pandoc_markdown(md), out)


def deleted_paragraph(out: Path) -> None:
    """Operative paragraph 3 deleted with tracked changes: its text in
    ``w:del`` (pandoc's deletion span) and its paragraph mark deleted
    (added here: pandoc has no way to delete a paragraph mark)."""
    md = DRAFT.replace(
        "3. *Encourages* Member States to strengthen their road safety management systems;",
        "3. [*Encourages* Member States to strengthen their road safety management systems;]{.deletion " + AUTHOR + "}",
    ).replace("adopt comprehensive", "adopt [and enforce]{.insertion " + AUTHOR + "} comprehensive")
    pandoc(md, out)

    def delete_mark(xml: str) -> str:
        at = xml.index("Encourages")
        p_start = xml.rindex("<w:p>", 0, at)
        ppr_end = xml.index("</w:pPr>", p_start)
        mark = f'<w:rPr><w:del w:id="9001" {AUTHOR.replace("author", "w:author").replace("date", "w:date")} /></w:rPr>'
        return xml[:ppr_end] + mark + xml[ppr_end:]

    edit_part(out, "word/document.xml", delete_mark)


def deleted_footnote_text(out: Path) -> None:
    """The text of footnote 2 deleted with tracked changes; its mark stays."""
    md = DRAFT.replace("[^2]: A/80/123.", "[^2]: [A/80/123.]{.deletion " + AUTHOR + "}")
    pandoc(md, out)


def typed_number(out: Path) -> None:
    """Paragraph 5 typed "5." between automatic numbers: pandoc numbers a
    list itself, so the paragraph is taken out of the list (its w:numPr
    removed) and "5. " typed before its text, as a drafter does by hand."""
    pandoc(DRAFT, out)

    def type_five(xml: str) -> str:
        at = xml.index("the regional commissions")
        p_start = xml.rindex("<w:p>", 0, at)
        num_start = xml.index("<w:numPr>", p_start)
        num_end = xml.index("</w:numPr>", num_start) + len("</w:numPr>")
        xml = xml[:num_start] + xml[num_end:]
        first_run = xml.index("<w:r>", p_start)
        typed = '<w:r><w:t xml:space="preserve">5. </w:t></w:r>'
        return xml[:first_run] + typed + xml[first_run:]

    edit_part(out, "word/document.xml", type_five)


def restarted_list(out: Path) -> None:
    """The operative list restarts at 1 by mistake after paragraph 3 (a
    separate list in pandoc: a paragraph between them ends the first)."""
    md = (
        DRAFT.replace("4. *Calls upon*", "<!-- -->\n\n1. *Calls upon*")
        .replace("5. *Invites* the regional", "2. *Invites* the regional")
        .replace("6. *Requests*", "3. *Requests*")
    )
    pandoc(md, out)


def subparagraphs(out: Path) -> None:
    """(a)/(b) subparagraphs: pandoc writes them as a list of their own, at level 0."""
    md = DRAFT.replace(
        "2. *Invites* Member States to adopt comprehensive road safety legislation;",
        "2. *Invites* Member States:\n\n(a) To adopt comprehensive road safety legislation;\n\n"
        "(b) To enforce it;\n\n(c) To review it regularly;",
    ).replace("3. *Encourages*", "3. *Encourages*")
    pandoc(md, out)


def fixable(out: Path) -> None:
    """A draft with faults that --fix mends: a date not in UN form (D007), a
    preambular paragraph ending in a semicolon (P004), an operative verb not
    in italics (P001) and a last paragraph ending in a semicolon (P005)."""
    md = (
        DRAFT.replace("of 31 August 2020", "of August 31, 2020")
        .replace("road safety collaboration,", "road safety collaboration;")
        .replace("2. *Invites* Member States", "2. Invites Member States")
        .replace("present resolution.", "present resolution;")
    )
    pandoc(md, out)


_GOOGLE_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" PartName="/word/numbering.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml" PartName="/word/footnotes.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" PartName="/word/styles.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml" PartName="/word/settings.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" PartName="/word/document.xml"/></Types>"""
_GOOGLE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
_GOOGLE_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _g_run(text: str, italic: bool = False) -> str:
    rpr = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' + ('<w:i w:val="1"/>' if italic else "")
    return f'<w:r><w:rPr>{rpr}<w:rtl w:val="0"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _g_para(runs: str, num: tuple[int, int] | None = None) -> str:
    numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    return f'<w:p><w:pPr>{numpr}<w:spacing w:after="240" w:before="0"/><w:rPr/></w:pPr>{runs}</w:p>'


def _g_note_ref(nid: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{nid}"/></w:r>'


def google_docs_imitation(out: Path) -> None:
    """An imitation of a Google Docs export (labelled so: none can be made here)."""
    body = "".join(
        [
            _g_para(_g_run("The General Assembly,", italic=True)),
            _g_para(_g_run("Recalling", True) + _g_run(" its resolution 70/1 of 25 September 2015,") + _g_note_ref(1)),
            _g_para(_g_run("Noting", True) + _g_run(" the report of the Secretary-General,") + _g_note_ref(2)),
            _g_para(_g_run("Decides", True) + _g_run(" to hold a high-level meeting;"), (1, 0)),
            _g_para(_g_run("Requests", True) + _g_run(" the Secretary-General:"), (1, 0)),
            _g_para(_g_run("To prepare a report;"), (1, 1)),
            _g_para(_g_run("To consult Member States;"), (1, 1)),
            _g_para(_g_run("Decides", True) + _g_run(" to remain seized of the matter."), (1, 0)),
        ]
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_W}><w:body>{body}'
        '<w:sectPr><w:pgSz w:h="15840" w:w="12240" w:orient="portrait"/></w:sectPr></w:body></w:document>'
    )

    def level(ilvl: int, fmt: str, text: str) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        )

    levels = level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)") + level(2, "lowerRoman", "(%3)")
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {_W}>'
        f'<w:abstractNum w:abstractNumId="1"><w:nsid w:val="11223344"/>{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )

    def note(nid: int, text: str) -> str:
        return (
            f'<w:footnote w:id="{nid}"><w:p><w:pPr><w:spacing w:after="0" w:before="0"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f"{_g_run(' ' + text)}</w:p></w:footnote>"
        )

    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_W}>'
        '<w:footnote w:id="-1" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="0" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f"{note(1, 'A/70/PV.4.')}{note(2, 'A/80/1.')}</w:footnotes>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {_W}><w:docDefaults><w:rPrDefault><w:rPr>'
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="normal"/></w:style></w:styles>'
    )
    settings = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {_W}>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _GOOGLE_CT)
        z.writestr("_rels/.rels", _GOOGLE_RELS)
        z.writestr("word/_rels/document.xml.rels", _GOOGLE_DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/footnotes.xml", footnotes)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/settings.xml", settings)


def _libreoffice(*args: str) -> None:
    """Run tests/data/docx/lo_tools.py with the system Python, which has LibreOffice's uno."""
    subprocess.run(["/usr/bin/python3", str(HERE / "lo_tools.py"), *map(str, args)], check=True, timeout=600)


def libreoffice_seed(out: Path) -> None:
    """The seed as LibreOffice writes it (opened and saved again): other styles, other numbering XML."""
    with tempfile.TemporaryDirectory() as tmp:
        made = Path(tmp) / "seed.docx"
        seed(made)
        _libreoffice("resave", made, out)


def libreoffice_deleted_paragraph(out: Path) -> None:
    """Operative paragraph 3 deleted in LibreOffice Writer with change recording on."""
    with tempfile.TemporaryDirectory() as tmp:
        made = Path(tmp) / "draft.docx"
        pandoc(DRAFT, made)
        _libreoffice("delete-paragraph", made, out, "Encourages")


def libreoffice_typed_number_deleted(out: Path) -> None:
    """The typed-"5." draft after a negotiation deleted paragraph 3 in LibreOffice:
    Word renumbers 4 to 3 and 6 to 4, the typed 5 stays 5."""
    with tempfile.TemporaryDirectory() as tmp:
        made = Path(tmp) / "draft.docx"
        typed_number(made)
        _libreoffice("delete-paragraph", made, out, "Encourages")


FIXTURES = {
    "A-RES-77-176.docx": seed,
    "draft-deleted-paragraph.docx": deleted_paragraph,
    "draft-deleted-footnote-text.docx": deleted_footnote_text,
    "draft-typed-number.docx": typed_number,
    "draft-restarted-list.docx": restarted_list,
    "draft-subparagraphs.docx": subparagraphs,
    "google-docs-imitation.docx": google_docs_imitation,
    "draft-fixable.docx": fixable,
    "A-RES-77-176.libreoffice.docx": libreoffice_seed,
    "draft-deleted-paragraph.libreoffice.docx": libreoffice_deleted_paragraph,
    "draft-typed-number-deleted.libreoffice.docx": libreoffice_typed_number_deleted,
}


def main(argv: list[str]) -> int:
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 2
    wanted = argv or list(FIXTURES)
    for name in wanted:
        FIXTURES[name](HERE / name)
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
