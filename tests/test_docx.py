"""The Word reader on real .docx files: the seed as Word, drafts with tracked
changes, typed and restarted numbering, footnotes, a Google Docs imitation.

The fixtures in tests/data/docx were made by tests/data/docx/make_fixtures.py
with pandoc 2.17 from real texts; the tests need neither pandoc nor
../shared (except the corpus parity of test_docx_corpus.py): the seed's Markdown is in tests/data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("lxml")

from resolint.linter import lint_text  # noqa: E402
from resolint.report import to_finding  # noqa: E402
from resolint.word import convert_docx, lint_docx, read_word  # noqa: E402

DATA = Path(__file__).parent / "data" / "docx"
SEED_MD = Path(__file__).resolve().parent / "data" / "A-RES-77-176.md"  # the corpus's seed, shipped


def findings(path: Path, **kwargs) -> list[tuple]:
    result = lint_docx(path, **kwargs)
    source = result.document.source
    out = []
    for d in result.diagnostics:
        f = to_finding(source, d, with_line=True)
        out.append((f.code, f.line, f.column, f.end_column, f.message, f.source_line))
    return out


def wp_text(path: Path, index: int) -> str:
    """The accepted text of the 1-based body w:p ``index``."""
    return read_word(path).wp_texts[index - 1]


# ------------------------------------------------------------------ the seed


def test_seed_as_word_gives_one_p001_on_the_first_recalling():
    found = findings(DATA / "A-RES-77-176.docx")
    assert [(code, line, column, end) for code, line, column, end, _, _ in found] == [("P001", 10, 1, 10)]
    code, line, column, end, message, source_line = found[0]
    assert message == "opening phrase “Recalling” is not italic: expected “*Recalling*”"
    # Line 10 is the tenth w:p of the body; its accepted text starts with the phrase.
    assert source_line.startswith("Recalling its resolutions 58/208 of 23 December 2003")
    assert source_line[column - 1 : end - 1] == "Recalling"


def test_seed_as_word_gives_the_findings_of_the_seed_as_markdown():
    markdown = lint_text(SEED_MD.read_text(encoding="utf-8"), str(SEED_MD)).diagnostics
    word = lint_docx(DATA / "A-RES-77-176.docx").diagnostics
    assert [(d.code, d.message) for d in word] == [(d.code, d.message) for d in markdown]


def test_seed_model_matches_the_markdown_model():
    """Not only no findings: the same paragraphs, footnotes, markers and citations."""
    a = lint_text(SEED_MD.read_text(encoding="utf-8"), str(SEED_MD)).document
    b = lint_docx(DATA / "A-RES-77-176.docx").document
    for doc in (a, b):
        assert doc.kind == "adopted"
    assert [len(p.preamble) for p in b.parts] == [len(p.preamble) for p in a.parts] == [26]
    assert [len(p.operative) for p in b.parts] == [len(p.operative) for p in a.parts] == [18]
    assert [f.number for f in b.footnotes] == [f.number for f in a.footnotes] == list(range(1, 23))
    assert [m.number for m in b.markers] == [m.number for m in a.markers]
    # In the Markdown, the end of a paragraph split by a page break comes after the footnotes.
    assert sorted(c.symbol for c in b.citations) == sorted(c.symbol for c in a.citations)
    assert [f.text.split() for f in b.footnotes] == [f.text.split() for f in a.footnotes]


def test_seed_reads_automatic_numbers_italics_and_footnote_marks():
    word = read_word(DATA / "A-RES-77-176.docx")
    numbered = [p for p in word.paragraphs if p.number]
    # 18 operative paragraphs from Word's list numbering, and the (a)–(p) of paragraph 12.
    assert [p.number for p in numbered if p.number.endswith(".")] == [f"{n}." for n in range(1, 19)]
    letters = [p.number for p in numbered if p.number.startswith("(")]
    assert letters == [f"({chr(c)})" for c in range(ord("a"), ord("p") + 1)]
    assert "\n12. *Calls upon* " in word.text or "\n12. *" in word.text
    assert "*Reaffirming* its resolution 70/1" in word.text
    assert "Development<sup>1</sup> and" in word.text
    # The numbers are not in the paragraph's text; the footnote marks are, as Word shows them.
    twelve = next(p for p in numbered if p.number == "12.")
    assert not twelve.text.startswith("12")
    first = next(p for p in word.paragraphs if p.text.startswith("Recalling its resolutions"))
    assert "Development1 and Commission" in first.text


# ------------------------------------------------------------------ drafts


def test_deleted_operative_paragraph_renumbers_itself_no_finding():
    path = DATA / "draft-deleted-paragraph.docx"
    assert findings(path) == []
    word = read_word(path)
    ops = [p for p in word.paragraphs if p.number]
    assert [p.number for p in ops] == ["1.", "2.", "3.", "4.", "5."]
    assert all("Encourages" not in p.text for p in word.paragraphs)
    # The inserted words are read; the deleted paragraph joined the next one.
    assert any("adopt and enforce comprehensive" in p.text for p in ops)
    calls = next(p for p in ops if "Calls upon" in p.text)
    assert calls.number == "3." and len(calls.wp) == 2


def test_deleted_paragraph_original_revisions_has_it_back():
    path = DATA / "draft-deleted-paragraph.docx"
    word = read_word(path, revisions="original")
    ops = [p for p in word.paragraphs if p.number]
    assert [p.number for p in ops] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert ops[2].text.startswith("Encourages Member States")
    assert not any("and enforce" in p.text for p in ops)
    assert findings(path, revisions="original") == []


def test_deleted_footnote_text_is_a_reference_to_an_empty_footnote():
    path = DATA / "draft-deleted-footnote-text.docx"
    found = findings(path)
    assert [(code, line) for code, line, *_ in found] == [("F001", 6)]
    code, line, column, end, message, source_line = found[0]
    assert message == "footnote 2 has no text: the marker is on line 6, expected a footnote body 2"
    # The finding points at the reference mark, which shows "2".
    assert source_line[column - 1 : end - 1] == "2"
    assert source_line.startswith("Welcomes the report of the Secretary-General;")
    assert findings(path, revisions="original") == []


def test_typed_number_between_automatic_numbers():
    path = DATA / "draft-typed-number.docx"
    word = read_word(path)
    ops = [p for p in word.paragraphs if p.text.startswith(("5.", "Invites", "Welcomes", "Encourages", "Calls", "Req"))]
    assert [(p.number, p.text[:10]) for p in ops] == [
        ("1.", "Welcomes t"),
        ("2.", "Invites Me"),
        ("3.", "Encourages"),
        ("4.", "Calls upon"),
        (None, "5. Invites"),
        ("5.", "Requests t"),
    ]
    # Word goes on counting after the typed "5.": the last paragraph shows 5 again.
    assert [(code, line, message) for code, line, _, _, message, _ in findings(path)] == [
        ("N001", 11, "operative paragraph 5 is repeated: expected 6")
    ]


def test_restarted_list():
    path = DATA / "draft-restarted-list.docx"
    word = read_word(path)
    assert [p.number for p in word.paragraphs if p.number] == ["1.", "2.", "3.", "1.", "2.", "3."]
    assert [(code, message) for code, _, _, _, message, _ in findings(path)] == [
        ("N001", "operative paragraph 1 follows 3: expected 4")
    ]


def test_subparagraphs_at_level_zero_of_their_own_list():
    path = DATA / "draft-subparagraphs.docx"
    word = read_word(path)
    assert [p.number for p in word.paragraphs if p.number] == ["1.", "2.", "(a)", "(b)", "(c)", "3.", "4.", "5.", "6."]
    assert {p.level for p in word.paragraphs if p.number} == {0}
    assert findings(path) == []
    doc = lint_docx(path).document
    two = doc.parts[0].operative[1]
    assert [s.label for s in two.subparagraphs] == ["(a)", "(b)", "(c)"]


def test_google_docs_imitation():
    """An imitation, not a real export (none can be made here): one abstract
    numbering with (%2) at level 1, w:i w:val="1", footnote ids from 1."""
    path = DATA / "google-docs-imitation.docx"
    word = read_word(path)
    assert [p.number for p in word.paragraphs if p.number] == ["1.", "2.", "(a)", "(b)", "3."]
    assert [p.level for p in word.paragraphs if p.number] == [0, 0, 1, 1, 0]
    assert "*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>" in word.text
    assert [(f.number, f.text) for f in word.footnotes] == [(1, "A/70/PV.4."), (2, "A/80/1.")]
    assert findings(path) == []


def test_convert_to_markdown_reads_as_the_word_document():
    path = DATA / "draft-subparagraphs.docx"
    markdown = convert_docx(path, to="markdown")
    assert markdown == read_word(path).text
    via_markdown = lint_text(markdown, "draft.md").diagnostics
    assert [(d.code, d.message) for d in via_markdown] == [(d.code, d.message) for d in lint_docx(path).diagnostics]
    assert "(a) To adopt comprehensive road safety legislation;" in markdown


def test_convert_to_text_reads_as_the_word_document():
    path = DATA / "draft-deleted-footnote-text.docx"
    text = convert_docx(path, to="text")
    assert "\n\t1.\tWelcomes the report of the Secretary-General;2\n" in text
    assert "\n1 A/74/PV.97.\n" in text and "\n2 " not in text
    assert [d.code for d in lint_text(text, "draft.txt").diagnostics] == ["F001"]
    with pytest.raises(ValueError, match="expected 'markdown' or 'text'"):
        convert_docx(path, to="html")


# ------------------------------------------------------------------ paragraph names


def test_paragraph_labels_name_paragraphs_as_drafters_do():
    from resolint.word import paragraph_label

    doc = lint_docx(DATA / "draft-subparagraphs.docx").document
    text = doc.source.text
    labels = {
        needle: paragraph_label(doc, text.index(needle))
        for needle in ("General Assembly", "Recalling", "Noting", "Welcomes", "To adopt", "To review", "Requests")
    }
    assert labels == {
        "General Assembly": None,
        "Recalling": "PP 1",
        "Noting": "PP 2",
        "Welcomes": "OP 1",
        "To adopt": "OP 2 (a)",
        "To review": "OP 2 (c)",
        "Requests": "OP 6",
    }
    seed = lint_docx(DATA / "A-RES-77-176.docx")
    p001 = seed.diagnostics[0]
    assert paragraph_label(seed.document, p001.start) == "PP 1"
    # A preambular paragraph that a page break split in the Markdown is one paragraph in Word.
    assert paragraph_label(seed.document, seed.document.source.text.index("the occasion of the twenty")) == "PP 1"


def test_paragraph_labels_on_markdown():
    from resolint.word import paragraph_label

    text = "*The General Assembly,*\n\n*Recalling* x,\n\n1. *Decides* y:\n\n(a) One;\n\n(b) Two;\n\n2. *Requests* z.\n"
    doc = lint_text(text, "draft.md").document
    assert [paragraph_label(doc, text.index(n)) for n in ("Recalling", "Decides", "Two", "Requests")] == [
        "PP 1",
        "OP 1",
        "OP 1 (b)",
        "OP 2",
    ]


# ------------------------------------------------------------------ LibreOffice as the producer


def test_seed_saved_by_libreoffice_gives_the_same_finding():
    found = findings(DATA / "A-RES-77-176.libreoffice.docx")
    assert [(code, line, column, end) for code, line, column, end, _, _ in found] == [("P001", 10, 1, 10)]
    pandoc_doc = lint_docx(DATA / "A-RES-77-176.docx").document
    libre_doc = lint_docx(DATA / "A-RES-77-176.libreoffice.docx").document
    assert [len(p.operative) for p in libre_doc.parts] == [len(p.operative) for p in pandoc_doc.parts]
    assert [f.number for f in libre_doc.footnotes] == [f.number for f in pandoc_doc.footnotes]
    assert sorted(c.symbol for c in libre_doc.citations) == sorted(c.symbol for c in pandoc_doc.citations)


def test_paragraph_deleted_in_libreoffice_with_changes_recorded():
    path = DATA / "draft-deleted-paragraph.libreoffice.docx"
    assert findings(path) == []
    accepted = read_word(path)
    assert [p.number for p in accepted.paragraphs if p.number] == ["1.", "2.", "3.", "4.", "5."]
    assert not any("Encourages" in p.text for p in accepted.paragraphs)
    original = read_word(path, revisions="original")
    assert [p.text.split()[0] for p in original.paragraphs if p.number] == [
        "Welcomes",
        "Invites",
        "Encourages",
        "Calls",
        "Invites",
        "Requests",
    ]


def test_after_a_deletion_the_typed_number_is_the_fault():
    """Word renumbered the automatic paragraphs; the typed "5." now stands after "3."."""
    path = DATA / "draft-typed-number-deleted.libreoffice.docx"
    word = read_word(path)
    assert [p.number or p.text[:2] for p in word.paragraphs if p.number or p.text.startswith("5.")] == [
        "1.",
        "2.",
        "3.",
        "5.",
        "4.",
    ]
    found = findings(path)
    assert [(code, line, message) for code, line, _, _, message, _ in found] == [
        ("N001", 10, "operative paragraph 5 is out of place: expected after 4")
    ]
    assert found[0][5].startswith("5. Invites the regional commissions")


def test_typed_numbers_beside_automatic_ones_are_named():
    from resolint.word import typed_numbers

    typed = typed_numbers(read_word(DATA / "draft-typed-number.docx"))
    assert [(p.index, p.text[:10]) for p in typed] == [(10, "5. Invites")]
    after = typed_numbers(read_word(DATA / "draft-typed-number-deleted.libreoffice.docx"))
    assert [(p.index, p.text[:10]) for p in after] == [(10, "5. Invites")]
    assert typed_numbers(read_word(DATA / "A-RES-77-176.docx")) == []
    assert typed_numbers(read_word(DATA / "draft-restarted-list.docx")) == []
