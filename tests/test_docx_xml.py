"""The Word reader on small hand-written packages: one feature of WordprocessingML each
(numbering, footnotes, tracked changes, fields, tables, text boxes, styles)."""

from __future__ import annotations

import io
import zipfile

import pytest

pytest.importorskip("lxml")

from resolint.readers.docx import format_number  # noqa: E402
from resolint.report import to_finding  # noqa: E402
from resolint.word import lint_docx, read_word  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RELS = (
    HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)
PART_RELS = {
    "styles": "styles",
    "numbering": "numbering",
    "footnotes": "footnotes",
    "settings": "settings",
}


def package(body: str, numbering: str = "", footnotes: str = "", styles: str = "", settings: str = "") -> bytes:
    """A minimal .docx: ``body`` is the inside of w:body, the others the inside of their parts' roots."""
    out = io.BytesIO()
    parts = {"numbering": numbering, "footnotes": footnotes, "styles": styles, "settings": settings}
    roots = {"numbering": "numbering", "footnotes": "footnotes", "styles": "styles", "settings": "settings"}
    rels = "".join(
        f'<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}"'
        f' Target="{name}.xml"/>'
        for name, xml in parts.items()
        if xml
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("_rels/.rels", RELS)
        z.writestr(
            "word/_rels/document.xml.rels",
            HEAD
            + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        z.writestr("word/document.xml", HEAD + f"<w:document {W}><w:body>{body}</w:body></w:document>")
        for name, xml in parts.items():
            if xml:
                z.writestr(f"word/{name}.xml", HEAD + f"<w:{roots[name]} {W}>{xml}</w:{roots[name]}>")
    return out.getvalue()


def run(text: str, italic: bool = False, extra: str = "") -> str:
    rpr = ("<w:i/>" if italic else "") + extra
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(content: str, num: tuple[int, int] | None = None, style: str | None = None, ppr_extra: str = "") -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    )
    ppr += ppr_extra
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: dict[int, int] | None = None) -> str:
    inner = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for lvl, start in (overrides or {}).items()
    )
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{inner}</w:num>'


OPERATIVE_AND_LETTERS = abstract(
    1, level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)"), level(2, "lowerRoman", "(%3)")
)


def numbers(data: bytes, revisions: str = "accepted") -> list[str | None]:
    return [p.number for p in read_word(data, revisions).paragraphs]


# ------------------------------------------------------------------ numbering


def test_levels_count_and_restart_below_a_higher_level():
    body = "".join(
        para(run(t), (1, lvl))
        for t, lvl in [("A", 0), ("B", 1), ("C", 1), ("D", 2), ("E", 0), ("F", 1), ("G", 2), ("H", 2)]
    )
    data = package(body, numbering=OPERATIVE_AND_LETTERS + num(1, 1))
    assert numbers(data) == ["1.", "(a)", "(b)", "(i)", "2.", "(a)", "(i)", "(ii)"]


def test_lvl_restart_zero_never_restarts():
    levels = level(0, "decimal", "%1."), level(1, "decimal", "%1.%2", extra='<w:lvlRestart w:val="0"/>')
    body = "".join(para(run(t), (1, lvl)) for t, lvl in [("A", 0), ("B", 1), ("C", 0), ("D", 1)])
    assert numbers(package(body, numbering=abstract(1, *levels) + num(1, 1))) == ["1.", "1.1", "2.", "2.2"]


def test_lists_sharing_an_abstract_numbering_share_its_counter_unless_overridden():
    body = "".join(
        [para(run("A"), (1, 0)), para(run("B"), (1, 0)), para(run("x")), para(run("C"), (2, 0))]
        + [para(run("D"), (3, 0)), para(run("E"), (3, 0))]
    )
    numbering = OPERATIVE_AND_LETTERS + num(1, 1) + num(2, 1) + num(3, 1, {0: 1})
    assert numbers(package(body, numbering=numbering)) == ["1.", "2.", None, "3.", "1.", "2."]


def test_a_restart_in_an_overriding_instance_goes_on_in_the_plain_one():
    """How LibreOffice writes a list it restarted: the first paragraph in an
    instance with w:startOverride, the others in the plain instance."""
    body = para(run("A"), (1, 0)) + para(run("B"), (1, 0)) + para(run("x"))
    body += para(run("C"), (3, 0)) + para(run("D"), (1, 0)) + para(run("E"), (1, 0))
    numbering = OPERATIVE_AND_LETTERS + num(1, 1) + num(3, 1, {0: 1})
    assert numbers(package(body, numbering=numbering)) == ["1.", "2.", None, "1.", "2.", "3."]


def test_start_and_start_override():
    body = para(run("A"), (1, 0)) + para(run("B"), (1, 0)) + para(run("C"), (2, 0))
    numbering = abstract(1, level(0, "decimal", "%1.", start=5)) + num(1, 1) + num(2, 1, {0: 12})
    assert numbers(package(body, numbering=numbering)) == ["5.", "6.", "12."]


def test_num_id_zero_and_unknown_lists_show_no_number():
    body = para(run("A"), (1, 0)) + para(run("B"), (0, 0)) + para(run("C"), (77, 0)) + para(run("D"), (1, 0))
    assert numbers(package(body, numbering=OPERATIVE_AND_LETTERS + num(1, 1))) == ["1.", None, None, "2."]


def test_numbering_from_the_paragraph_style_and_numid_zero_removing_it():
    styles = (
        '<w:style w:type="paragraph" w:styleId="OP"><w:name w:val="UN operative"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="OP2"><w:name w:val="UN operative 2"/><w:basedOn w:val="OP"/></w:style>'
    )
    body = (
        para(run("A"), style="OP")
        + para(run("B"), style="OP2")
        + para(run("C"), style="OP", ppr_extra="")
        + para(run("D"), (0, 0), style="OP")
    )
    word = read_word(package(body, numbering=OPERATIVE_AND_LETTERS + num(1, 1), styles=styles))
    assert [p.number for p in word.paragraphs] == ["1.", "2.", "3.", None]
    assert [p.numbering_from for p in word.paragraphs] == ["style", "style", "style", None]


def test_labels_come_from_the_format_not_the_level():
    """pandoc puts an (a)-list at level 0 of a list of its own."""
    numbering = (
        abstract(1, level(0, "decimal", "%1."))
        + abstract(2, level(0, "lowerLetter", "(%1)"))
        + abstract(3, level(0, "upperRoman", "%1."))
        + num(1, 1)
        + num(2, 2)
        + num(3, 3)
    )
    body = "".join(para(run(t), (n, 0)) for t, n in [("A", 1), ("a", 2), ("b", 2), ("I", 3), ("II", 3), ("B", 1)])
    assert numbers(package(body, numbering=numbering)) == ["1.", "(a)", "(b)", "I.", "II.", "2."]


@pytest.mark.parametrize(
    "value, fmt, text",
    [
        (4, "lowerRoman", "iv"),
        (1999, "upperRoman", "MCMXCIX"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (53, "upperLetter", "AAA"),
        (7, "decimalZero", "07"),
        (12, "decimal", "12"),
    ],
)
def test_number_formats(value, fmt, text):
    assert format_number(value, fmt) == text


def test_automatic_number_is_not_in_the_columns():
    numbering = OPERATIVE_AND_LETTERS + num(1, 1)
    body = para(run("The General Assembly,", italic=True)) + para(run("Decides", True) + run(" to act;"), (1, 0))
    body += para(run("Decides", True) + run(" to act agan;"), (1, 0)) + para(run("Decides to end."), (1, 0))
    result = lint_docx(package(body, numbering=numbering))
    found = [to_finding(result.document.source, d, with_line=True) for d in result.diagnostics]
    p001 = [f for f in found if f.code == "P001"]
    assert [(f.line, f.column, f.end_column) for f in p001] == [(4, 1, 8)]
    assert p001[0].source_line == "Decides to end."
    assert "\n3. Decides to end." in read_word(package(body, numbering=numbering)).text


# ------------------------------------------------------------------ footnotes


def footnote(nid: int, text: str) -> str:
    return (
        f'<w:footnote w:id="{nid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f"{run(' ' + text) if text else ''}</w:p></w:footnote>"
    )


SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def ref(nid: int, custom: str = "") -> str:
    if custom:
        return f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{nid}"/><w:t>{custom}</w:t></w:r>'
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{nid}"/></w:r>'


def test_footnote_numbers_are_the_order_of_references_from_num_start():
    body = para(run("First") + ref(31) + run(" second") + ref(20) + run(" third") + ref(25))
    notes = SEPARATORS + footnote(20, "Twenty.") + footnote(25, "Twenty-five.") + footnote(31, "Thirty-one.")
    word = read_word(package(body, footnotes=notes))
    assert [(f.number, f.note_id, f.text) for f in word.footnotes] == [
        (1, 31, "Thirty-one."),
        (2, 20, "Twenty."),
        (3, 25, "Twenty-five."),
    ]
    assert "First<sup>1</sup> second<sup>2</sup> third<sup>3</sup>" in word.text
    settings = '<w:footnotePr><w:numStart w:val="4"/></w:footnotePr>'
    word = read_word(package(body, footnotes=notes, settings=settings))
    assert [f.number for f in word.footnotes] == [4, 5, 6]
    assert word.wp_texts[0] == "First4 second5 third6"


def test_footnote_findings_point_at_the_reference_mark():
    body = para(run("The General Assembly,", True)) + para(
        run("Recalling", True) + run(" its resolution 70/1 of 25 September 2015,") + ref(7)
    )
    notes = SEPARATORS + footnote(7, "Adopted on September 25, 2015.")
    result = lint_docx(package(body, footnotes=notes))
    found = [to_finding(result.document.source, d, with_line=True) for d in result.diagnostics]
    d007 = [f for f in found if f.code == "D007"]
    assert len(d007) == 1
    mark = found[0].source_line.index(",1") + 2
    assert (d007[0].line, d007[0].column) == (2, mark)
    assert d007[0].source_line.endswith("2015,1")


def test_empty_footnote_and_unreferenced_footnote():
    body = para(run("The General Assembly,", True)) + para(run("Recalling", True) + run(" the Charter,") + ref(2))
    notes = SEPARATORS + footnote(2, "") + footnote(3, "A note nothing points to.")
    result = lint_docx(package(body, footnotes=notes))
    assert sorted(d.code for d in result.diagnostics) == ["F001", "F002"]
    word = read_word(package(body, footnotes=notes))
    assert word.unreferenced == [3]


def test_custom_mark_and_typed_superscript_number():
    body = para(run("The General Assembly,", True)) + para(
        run("Recalling", True)
        + run(" the Charter,")
        + ref(2, custom="*")
        + run(" and the Covenant,")
        + run("2", extra='<w:vertAlign w:val="superscript"/>')
    )
    notes = SEPARATORS + footnote(2, "A custom mark's note.")
    word = read_word(package(body, footnotes=notes))
    assert word.footnotes == []  # a custom mark is not numbered by Word
    assert "Charter,<sup>*</sup> and the Covenant,<sup>2</sup>" in word.text
    # The typed "2" looks like a footnote mark: the footnote rules judge it as one
    # (no footnote 2, and a first mark that is not 1).
    found = lint_docx(package(body, footnotes=notes)).diagnostics
    assert [(d.code, d.message.split(":")[0]) for d in found] == [
        ("F001", "footnote 2 has no text"),
        ("F003", "footnote marker 2 is the first marker"),
    ]


# ------------------------------------------------------------------ tracked changes


def ins(content: str) -> str:
    return f'<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">{content}</w:ins>'


def dele(text: str) -> str:
    return (
        f'<w:del w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{text}'
        "</w:delText></w:r></w:del>"
    )


def test_insertions_deletions_and_moves():
    body = para(
        run("Takes note ")
        + ins(run("with appreciation "))
        + dele("with concern ")
        + run("of the report")
        + '<w:moveFrom w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z">'
        + run(" of 2025")
        + "</w:moveFrom>"
        + run(";")
    )
    body += para('<w:moveTo w:id="4" w:author="A" w:date="2026-01-01T00:00:00Z">' + run("Moved here.") + "</w:moveTo>")
    accepted = read_word(package(body))
    original = read_word(package(body), revisions="original")
    assert [p.text for p in accepted.paragraphs] == ["Takes note with appreciation of the report;", "Moved here."]
    assert [p.text for p in original.paragraphs] == ["Takes note with concern of the report of 2025;"]


def test_deleted_paragraph_mark_joins_the_paragraph_to_the_next():
    mark_deleted = '<w:rPr><w:del w:id="5" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr>'
    body = para(run("A"), (1, 0)) + para(dele("Deleted paragraph;"), (1, 0), ppr_extra=mark_deleted)
    body += para(run("C"), (1, 0))
    data = package(body, numbering=OPERATIVE_AND_LETTERS + num(1, 1))
    word = read_word(data)
    assert [(p.number, p.text, p.wp) for p in word.paragraphs] == [("1.", "A", [1]), ("2.", "C", [2, 3])]
    assert numbers(data, "original") == ["1.", "2.", "3."]


def test_inserted_paragraph_mark_joins_in_the_original():
    mark_inserted = '<w:rPr><w:ins w:id="5" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr>'
    body = para(run("First half") + ins(run(".")), ppr_extra=mark_inserted) + para(ins(run("S")) + run("econd half."))
    assert [p.text for p in read_word(package(body)).paragraphs] == ["First half.", "Second half."]
    assert [p.text for p in read_word(package(body), "original").paragraphs] == ["First halfecond half."]


def test_formatting_and_numbering_changes():
    """w:rPrChange holds the old run formatting, w:pPrChange the old paragraph properties."""
    old_plain = '<w:rPrChange w:id="6" w:author="A" w:date="2026-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'
    old_numbered = (
        '<w:pPrChange w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z"><w:pPr>'
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>'
    )
    body = para(run("The General Assembly,", True)) + para(
        f"<w:r><w:rPr><w:i/>{old_plain}</w:rPr><w:t>Recalling</w:t></w:r>" + run(" the Charter,"),
        ppr_extra=old_numbered,
    )
    data = package(body, numbering=OPERATIVE_AND_LETTERS + num(1, 1))
    assert "\n\n*Recalling* the Charter," in read_word(data).text
    assert read_word(data).paragraphs[1].number is None
    original = read_word(data, "original")
    assert "\n\n1. Recalling the Charter," in original.text


# ------------------------------------------------------------------ what Word displays


def test_fields_hyperlinks_breaks_tabs_symbols_and_hidden_text():
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF bookmark \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("paragraph 3")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    link = '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    link += run("70/1") + "</w:hyperlink>"
    simple = '<w:fldSimple w:instr=" PAGE ">' + run("7") + "</w:fldSimple>"
    body = para(
        run("See ")
        + field
        + run(" and resolution ")
        + link
        + run(", p. ")
        + simple
        + "<w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/><w:t>z</w:t><w:noBreakHyphen/><w:t>w</w:t></w:r>"
        + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>'
        + run("hidden", extra="<w:vanish/>")
        + run("\u00a0end\u2019s")
    )
    word = read_word(package(body))
    assert word.paragraphs[0].text == "See paragraph 3 and resolution 70/1, p. 7x\ty\nz\u2011w\u00b7\u00a0end\u2019s"


def test_tables_and_text_boxes_are_not_paragraphs_and_not_counted():
    table = "<w:tbl><w:tr><w:tc>" + para(run("1. Cell text with no opener")) + "</w:tc></w:tr></w:tbl>"
    textbox = (
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        + para(run("Decides in a text box"))
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    body = para(run("The General Assembly,", True)) + table + para(run("Decides", True) + textbox + run(" to act;"))
    body += para("") + para(run("Requests", True) + run(" a report."))
    word = read_word(package(body))
    assert [p.text for p in word.paragraphs] == ["The General Assembly,", "Decides to act;", "Requests a report."]
    assert [p.index for p in word.paragraphs] == [1, 2, 4]  # the empty third w:p counts; the table's does not
    assert [d.code for d in lint_docx(package(body)).diagnostics] == []


def test_styles_italic_by_character_style_and_based_on():
    styles = (
        '<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Emph2"><w:name w:val="Strong emphasis"/><w:basedOn w:val="Emph"/>'
        "</w:style>"
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
    )
    body = para(run("General Assembly"), style="H1") + para(
        '<w:r><w:rPr><w:rStyle w:val="Emph2"/></w:rPr><w:t>The General Assembly,</w:t></w:r>'
    )
    body += para('<w:r><w:rPr><w:rStyle w:val="Emph"/><w:i w:val="0"/></w:rPr><w:t>Recalling</w:t></w:r>' + run(" x,"))
    word = read_word(package(body, styles=styles))
    assert word.text.startswith("# General Assembly\n\n*The General Assembly,*\n\nRecalling x,")


def test_markdown_characters_in_word_text_stay_text():
    body = para(run("The General Assembly,", True)) + para(
        run("Recalling", True) + run(" that 2 * 3 &lt;sup>4&lt;/sup> and &lt;!-- no comment --> stay text,")
    )
    word = read_word(package(body))
    assert "*Recalling* that 2 \\* 3 <\u200bsup>4<\u200b/sup> and <\u200b!-- no comment --> stay text," in word.text
    result = lint_docx(package(body))
    assert [d.code for d in result.diagnostics] == []
    assert result.document.markers == [] and result.document.suppressions == []


def test_numbering_through_a_list_style():
    """Word's list styles: the paragraph's list names an abstract numbering
    that only links to a numbering style, whose own list holds the levels."""
    styles = (
        '<w:style w:type="numbering" w:styleId="UNList"><w:name w:val="UN list"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        OPERATIVE_AND_LETTERS
        + '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="UNList"/></w:abstractNum>'
        + num(5, 1)
        + num(6, 2)
    )
    body = para(run("A"), (6, 0)) + para(run("a"), (6, 1)) + para(run("B"), (6, 0))
    assert numbers(package(body, numbering=numbering, styles=styles)) == ["1.", "(a)", "2."]


def test_bold_headings_and_bold_paragraphs():
    bold = "<w:b/>"
    body = para(run("Annex", extra=bold)) + para(run("The General Assembly,", True))
    body += para(run("Recalling", True, extra=bold) + run(" the Charter,", extra=bold))
    word = read_word(package(body))
    assert word.text.startswith("**Annex**\n\n*The General Assembly,*\n\n*Recalling* the Charter,")
