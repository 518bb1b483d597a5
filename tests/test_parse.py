"""The reader + grammar + model on the two documents the project started from, and on the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.parser import parse

# The two documents the project started from ship with the tests (tests/data).
DATA = Path(__file__).resolve().parent / "data"


def _doc(folder: Path, rel: str):
    path = folder / rel
    return parse(path.read_text(encoding="utf-8"), path=str(path))


def test_77_176_markdown():
    doc = _doc(DATA, "A-RES-77-176.md")
    assert doc.kind == "adopted" and doc.format == "markdown"
    assert len(doc.preamble) == 26
    assert [p.number_value for p in doc.operative] == list(range(1, 19))
    twelve = doc.operative[11]
    assert [s.label for s in twelve.subparagraphs] == [f"({c})" for c in "abcdefghijklmnop"]
    assert all(s.label_kind == "letter" for s in twelve.subparagraphs)
    assert len(doc.markers) == 22 and len(doc.footnotes) == 22
    assert [n.number for n in doc.footnotes] == list(range(1, 23))
    dated = [c for c in doc.citations if c.date]
    assert len(dated) == 31
    assert sum(c.body == "General Assembly" for c in dated) == 27
    assert sum(c.body == "Commission on Population and Development" and c.scheme == "year" for c in dated) == 4
    undated_in_notes = {c.symbol for c in doc.citations if c.in_footnote and not c.date}
    assert {"71/256", "217 A (III)", "2200 A (XXI)", "41/128"} <= undated_in_notes
    assert doc.title.number == "77/176" and doc.title.session == 77
    assert doc.title.text == "International migration and development"
    assert doc.header.adopted.text == "14 December 2022"
    assert doc.plenary.text == "53rd plenary meeting, 14 December 2022"
    assert doc.plenary.ordinal == 53 and not doc.plenary.resumed
    assert not doc.unrecognised


def test_77_176_spans():
    doc = _doc(DATA, "A-RES-77-176.md")
    text = doc.source.text
    first = doc.preamble[0]
    assert (first.span.line, first.span.column) == (25, 0)  # line 26, the un-italic "Recalling"
    assert first.opener.phrase == "Recalling" and not first.opener.italic
    assert doc.preamble[1].opener.italic
    # A paragraph split by a block of footnotes continues after it.
    assert len(first.segments) == 2
    assert text[first.segments[1][0] :].startswith("the occasion of the twenty-fifth anniversary")
    assert first.final_mark == ","
    marker = doc.markers[0]
    assert text[marker.span.start : marker.span.end] == "<sup>1</sup>"
    note = doc.footnotes[0]
    assert note.number == 1 and text[note.span.start :].startswith("<sup>1</sup> *Report of the International")
    c = next(c for c in doc.citations if c.symbol == "70/1" and c.date)
    assert text[c.span.start : c.span.end] == "70/1"
    assert c.date.text == "25 September 2015" and c.date.value.isoformat() == "2015-09-25"
    twelve = doc.operative[11]
    assert twelve.number == "12." and twelve.opener.phrase.startswith("Takes note with appreciation")
    assert twelve.final_mark == ":"
    c_sub = twelve.subparagraphs[2]
    assert len(c_sub.segments) == 2  # "(c) … by" / blank line / "strengthening …"
    assert doc.operative[-1].final_mark == "."


def test_70_126_plaintext():
    doc = _doc(DATA, "A-RES-70-126.txt")
    assert doc.kind == "adopted" and doc.format == "text"
    assert len(doc.preamble) == 21
    assert [p.number_value for p in doc.operative] == list(range(1, 16))
    assert [n.number for n in doc.footnotes] == [1, 2]
    assert [m.number for m in doc.markers] == [1, 2]
    text = doc.source.text
    assert text[doc.markers[0].span.start - len("Development") : doc.markers[0].span.end] == "Development1"
    dated = {(c.symbol, c.body, c.date.text) for c in doc.citations if c.date}
    assert dated == {
        ("2010/12", "Economic and Social Council", "22 July 2010"),
        ("66/122", "General Assembly", "19 December 2011"),
        ("68/131", "General Assembly", "18 December 2013"),
    }
    assert doc.plenary.text == "80th plenary meeting, 17 December 2015"
    assert doc.header.symbol == "A/RES/70/126"  # only in the export's trailer
    # Nothing from the trailer: no finding, no citation, no date after it.
    trailer = text.index("[Start1]<<ODS")
    assert all(c.span.start < trailer for c in doc.citations)
    assert all(d.span.start < trailer for d in doc.dates)
    assert not doc.unrecognised


def test_plaintext_ambiguous_markers(corpus):
    doc = _doc(corpus, "drafts/draft-79-219.txt")
    text = doc.source.text
    # "Decade 2014–20242": 2024 + marker 2.
    two = next(m for m in doc.markers if m.number == 2)
    assert text[two.span.start - 4 : two.span.end] == "20242"
    doc = _doc(corpus, "plaintext/A-RES-80-223.txt")
    assert sorted({m.number for m in doc.markers}) == [n.number for n in doc.footnotes]


ALL = [
    "markdown/A-RES-74-196.md",
    "markdown/A-RES-75-308.md",
    "markdown/A-RES-76-1.md",
    "markdown/A-RES-76-247-A-C.md",
    "markdown/A-RES-77-176.md",
    "markdown/A-RES-77-5.md",
    "markdown/A-RES-78-229.md",
    "markdown/A-RES-78-264.md",
    "markdown/A-RES-79-1.md",
    "markdown/A-RES-79-262.md",
    "markdown/A-RES-80-10.md",
    "markdown/A-RES-80-223.md",
    "markdown/A-RES-ES-11-4.md",
    "drafts/draft-78-166.md",
    "drafts/draft-79-219.txt",
]


@pytest.mark.parametrize(
    "rel",
    ALL
    + [
        r.replace("markdown/", "plaintext/").replace(".md", ".txt")
        for r in ALL
        if r.startswith("markdown/") and "77-176" not in r
    ]
    + ["plaintext/A-RES-70-126.txt"],
)
def test_corpus_parses_without_unrecognised_blocks(corpus, rel):
    doc = _doc(corpus, rel)
    assert doc.unrecognised == []
    assert doc.parts and any(part.operative for part in doc.parts)
    expected_kind = "draft" if rel.startswith("drafts/") else "adopted"
    assert doc.kind == expected_kind
    if expected_kind == "adopted":
        assert all(part.plenary is not None for part in doc.parts)
    # Markers and footnote bodies agree in both formats.
    assert sorted({m.number for m in doc.markers}) == sorted(n.number for n in doc.footnotes)


def test_parts_and_annexes(corpus):
    doc = _doc(corpus, "markdown/A-RES-76-247-A-C.md")
    assert [p.label for p in doc.parts] == ["A", "B", "C"]
    for part in doc.parts:
        assert part.opener is not None and not part.opener_comma
        assert part.operative[0].opener.phrase.startswith("Resolves")
        assert [p.number_value for p in part.operative[1:]] == [1, 2, 3]
        assert all(p.introduced for p in part.operative[1:])
        assert part.plenary.resumed
    doc = _doc(corpus, "plaintext/A-RES-77-5.txt")
    assert len(doc.operative) == 1 and doc.operative[0].number is None
    assert [a.label for a in doc.annexes] == ["Annex"]
    assert [p.number_value for p in doc.annexes[0].paragraphs] == [1, 2, 3]
    doc = _doc(corpus, "markdown/A-RES-79-1.md")
    assert [a.label for a in doc.annexes] == ["Annex I", "Annex II"]
    assert any(h.kind == "action" for h in doc.headings)


def test_drafts_are_drafts(corpus):
    doc = _doc(corpus, "drafts/draft-78-166.md")
    assert doc.kind == "draft" and doc.plenary is None
    assert doc.title.number is None and doc.title.text.startswith("Operational activities")
    assert doc.parts[0].opener_comma  # "*The General Assembly*,"


def test_fragment_and_partial_drafts():
    doc = parse("*Recalling* its resolution 70/1 of 25 September 2015,\n", "markdown")
    assert doc.kind == "fragment" and len(doc.preamble) == 1
    doc = parse(
        "1. *Requests* the Secretary-General to report;\n\n2. *Decides* to remain seized of the matter.\n", "markdown"
    )
    assert doc.kind == "fragment" and [p.number_value for p in doc.operative] == [1, 2]
    doc = parse("", "markdown")
    assert doc.kind == "fragment" and doc.parts == []
    doc = parse("*The General Assembly,*\n\n*Recalling* its resolution", "markdown")  # being typed
    assert len(doc.preamble) == 1 and doc.preamble[0].final_mark == ""


def test_other_organ():
    text = (
        "The Security Council,\n\nRecalling its resolution 2334 (2016),\n\n1. Decides to remain seized of the matter.\n"
    )
    doc = parse(text, "markdown")
    assert doc.kind == "other-organ" and doc.other_organ[0] == "Security Council"


def test_citation_lists_and_parts():
    text = (
        "*The General Assembly,*\n\n*Recalling* its resolutions [75/253](#) B of 16 April 2021 and "
        "[75/253](#) C of 30 June 2021, Human Rights Council resolution 43/1 of 19 June 2020, "
        "Security Council resolution 2334 (2016) and resolution [ES-10/2](#) of 25 April 1997,\n"
    )
    doc = parse(text, "markdown")
    cites = [(c.symbol, c.part, c.scheme, c.body, c.date.text if c.date else None) for c in doc.citations]
    assert ("75/253 B", "B", "ga", "General Assembly", "16 April 2021") in cites
    assert ("75/253 C", "C", "ga", "General Assembly", "30 June 2021") in cites
    assert ("43/1", None, "other", "Human Rights Council", "19 June 2020") in cites
    assert ("2334 (2016)", None, "sc", "Security Council", None) in cites
    assert ("ES-10/2", None, "ga-emergency", "General Assembly", "25 April 1997") in cites


def test_continuation_block_keeps_the_roman_list_going():
    # (ii) continues after a page break in lower case; (iii) is still a roman
    # numeral inside (c), not a letter out of sequence.
    text = (DATA / "A-RES-77-176.md").read_text(encoding="utf-8")
    text = text.replace("(c) Promote the meaningful", "(c) Promote:\n\n(i) the meaningful", 1)
    text = text.replace(
        "strengthening the provision of information", "(ii) strengthening\n\nthe provision of information", 1
    )
    text = text.replace("\n(d) Eliminate", "\n(iii) also;\n\n(d) Eliminate", 1)
    doc = parse(text, "markdown", "x.md")
    twelve = next(p for p in doc.operative if p.number_value == 12)
    c = next(s for s in twelve.subparagraphs if s.label == "(c)")
    assert [s.label for s in c.subparagraphs] == ["(i)", "(ii)", "(iii)"]
    assert [s.label for s in twelve.subparagraphs][:4] == ["(a)", "(b)", "(c)", "(d)"]


@pytest.mark.slow
@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_line_ends_do_not_change_what_is_found(corpus, line_end):
    # An old Mac file (lone CR) or a Windows one reads like the original.
    from resolint.linter import lint_text
    from resolint.report import position

    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        expected = lint_text(text, path.name)
        converted = lint_text(text.replace("\n", line_end), path.name)
        old, new = expected.document.header, converted.document.header
        assert (new.session, new.agenda_item, new.adopted and new.adopted.text) == (
            old.session,
            old.agenda_item,
            old.adopted and old.adopted.text,
        ), path.name
        assert [(d.code, position(converted.document.source, d.start)) for d in converted.diagnostics] == [
            (d.code, position(expected.document.source, d.start)) for d in expected.diagnostics
        ], path.name
        assert len(converted.document.footnotes) == len(expected.document.footnotes), path.name
        assert len(list(converted.document.paragraphs())) == len(list(expected.document.paragraphs())), path.name


def test_linting_leaves_the_garbage_collector_as_it_found_it():
    import gc

    from resolint.linter import lint_text

    text = "*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n"
    assert gc.isenabled()
    lint_text(text, "a.md")
    assert gc.isenabled()
    gc.disable()
    try:
        lint_text(text, "a.md")
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
