"""Annexes are documents of their own (issue 15): their structure is read and
shown, the resolution's own rules leave it alone, and the rules that still
apply there (footnotes, citation dates) keep working (tests/fixtures/x)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.linter import lint_text
from resolint.navigation import document_symbols
from resolint.outline import outline
from resolint.parser import parse

FIXTURES = Path(__file__).parent / "fixtures" / "x"


def _doc(name: str):
    path = FIXTURES / name
    return parse(path.read_text(encoding="utf-8"), path=str(path))


@pytest.mark.parametrize("name", ["annex-convention.md", "annex-convention.txt"])
def test_draft_articles_outline_shows_chapters_and_articles(name):
    text = outline(_doc(name))
    assert "chapter: Chapter I. General provisions" in text
    assert "article: Article 1. Scope of application (3 paragraphs)" in text
    assert "article: Article 2. Definitions" in text
    assert "title: United Nations Convention on Negotiable Cargo Documents" in text
    assert "[built like an instrument]" in text
    assert "not understood" not in text


@pytest.mark.parametrize("name", ["annex-convention.md", "annex-convention.txt"])
def test_document_symbols_nest_articles_in_chapters(name):
    symbols = document_symbols(_doc(name))
    annex = next(s for s in symbols if s.kind == "annex")
    chapters = [c for c in annex.children if c.kind == "division"]
    assert [c.name for c in chapters][:2] == [
        "Chapter I. General provisions",
        "Chapter II. Issuance, content and legal effect of negotiable cargo documents",
    ]
    articles = [a.name for a in chapters[0].children if a.kind == "article"]
    assert articles == ["Article 1. Scope of application", "Article 2. Definitions"]
    assert all(a.start >= chapters[0].start and a.end <= chapters[0].end for a in chapters[0].children)


def test_numbering_restarts_inside_each_article():
    doc = _doc("annex-convention.txt")
    article = doc.annexes[0].divisions[0].children[0]
    assert [p.number_value for p in article.paragraphs] == [1, 2, 3]


def _annexed_resolution(opener: str) -> str:
    return (
        "77/5. Test\n\n\tThe General Assembly,\n\t1.\tDecides to adopt the text annexed.\n\n"
        "53rd plenary meeting\n14 December 2022\n\nAnnex\nDraft resolution recommended for adoption\n"
        f"\t{opener}\n\tRecalling its resolution 70/1,\n\t1.\tDecides to recall its decision\n"
    )


def test_annex_built_like_a_resolution_is_judged_by_its_rules():
    doc = parse(_annexed_resolution("The General Assembly,"), "text")
    annex = doc.annexes[0]
    assert annex.resolution_rules_apply and annex.built_like == "resolution"
    assert [p.opener.phrase for p in annex.body.preamble] == ["Recalling"]
    found = lint_text(_annexed_resolution("The General Assembly,"), "x.txt", "text").diagnostics
    # The annexed resolution's last operative paragraph lacks its full stop.
    assert [d.code for d in found if d.start >= annex.span.start] == ["P005"]


def test_declaration_in_the_first_person_is_not_judged_as_a_resolution():
    text = _annexed_resolution("We, the Heads of State and Government,")
    doc = parse(text, "text")
    assert doc.annexes[0].built_like == "declaration" and not doc.annexes[0].resolution_rules_apply
    codes = [d.code for d in lint_text(text, "x.txt", "text").diagnostics]
    assert not [c for c in codes if c.startswith(("P", "S"))]


def test_separator_and_bullets_in_an_annex():
    text = (
        "77/5. Test\n\n\tThe General Assembly,\n\t1.\tAdopts the programme annexed to the present resolution.\n\n"
        "53rd plenary meeting\n14 December 2022\n\nAnnex\n2021 Programme of Action on Energy\n"
        "Goal 1\nTargets:\n\t• Achieve universal access to energy by 2030.\n\t• Double the rate of improvement.\n"
        "\t* * *\n\t1.\tWe commit to the goals above.\n"
        "Overarching objective 1: Enhance energy access\n\t1.1\t. Raise awareness of energy access.\n"
    )
    doc = parse(text, "text")
    annex = doc.annexes[0]
    assert not doc.unrecognised
    assert annex.title == "2021 Programme of Action on Energy"
    assert annex.paragraphs[-1].number == "1.1"
    kinds = [d.kind for d in annex.divisions]
    assert "separator" in kinds
    bullets = [p for p in annex.paragraphs if p.text.startswith("•")]
    assert len(bullets) == 2


def test_no_structure_findings_in_annex_text_of_the_variety_corpus(corpus):
    folder = corpus / "assembly-variety"
    if not folder.is_dir():
        pytest.skip("no assembly-variety folder")
    for path in sorted(folder.glob("*/*")):
        if path.suffix not in (".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        doc = parse(text, path=str(path))
        result = lint_text(text, str(path))
        for annex in doc.annexes:
            inside = [
                d
                for d in result.diagnostics
                if d.code in ("S001", "S004") and annex.span.start <= d.start < annex.span.end
            ]
            assert not inside, f"{path.name}: {inside[:3]}"


def test_every_annex_of_the_corpus_parses_with_the_annex_grammar(corpus, monkeypatch):
    """The classifier gives the grammar only sequences it accepts: no annex of the
    corpus falls back to the flat reading."""
    import resolint.annex as annexes

    def fail(self, tokens):
        raise AssertionError("annex read flat: the grammar rejected the classifier's tokens")

    monkeypatch.setattr(annexes._Walker, "flat", fail)
    count = 0
    for folder in ("assembly-variety", "markdown", "plaintext", "drafts"):
        for path in sorted((corpus / folder).glob("**/*")):
            if path.suffix in (".md", ".txt") and path.name != "README.md":
                count += len(parse(path.read_text(encoding="utf-8"), path=str(path)).annexes)
    assert count >= 20


@pytest.mark.parametrize("name", ["A-RES-75-1", "A-RES-76-3"])
def test_separators_and_decimal_actions_in_adopted_text_are_not_unrecognised(corpus, name):
    """ "* * *" between the paragraphs of a declaration adopted in the operative
    part (75/1) and the actions "1.1 ." of a document it adopts (76/3)."""
    folder = corpus / "assembly-variety"
    if not folder.is_dir():
        pytest.skip("no assembly-variety folder")
    for path in (folder / "markdown" / f"{name}.md", folder / "plaintext" / f"{name}.txt"):
        result = lint_text(path.read_text(encoding="utf-8"), str(path))
        assert not [d for d in result.diagnostics if d.code in ("S001", "S004")], path.name


def _resolution_after_annex() -> str:
    """An annex, then a resolution of its own with two faults: a preambular
    paragraph ending with "." and an operative paragraph with no final mark."""
    return (
        "# Resolution adopted by the General Assembly on 1 December 2022\n\n"
        "## 77/1. Test resolution\n\nThe General Assembly,\n\n"
        "*Recalling* its resolution 76/1 of 22 September 2021,\n\n"
        "1. *Decides* to do things;\n\n2. *Requests* the Secretary-General to report.\n\n"
        "53rd plenary meeting  \n1 December 2022\n\nAnnex\n\nDeclaration on things\n\n1. We commit to act.\n\n"
        "## 77/2. Another resolution\n\nThe General Assembly,\n\n"
        "*Recalling* its resolution 76/1 of 22 September 2021.\n\n"
        "1. *Decides* to do things\n\n2. *Requests* the Secretary-General to report.\n\n"
        "54th plenary meeting  \n1 December 2022\n"
    )


def test_a_resolution_after_an_annex_is_kept_and_judged():
    text = _resolution_after_annex()
    doc = parse(text, "markdown")
    second = text.index("## 77/2.")
    assert doc.annexes[0].span.end <= second
    assert [p.opener.phrase for p in doc.parts[-1].operative] == ["Decides", "Requests"]
    assert doc.parts[-1].plenary is not None and doc.parts[-1].plenary.ordinal == 54
    found = [(d.code, text.count("\n", 0, d.start) + 1) for d in lint_text(text, "x.md", "markdown").diagnostics]
    assert ("P004", text[:second].count("\n") + 5) in found  # "Recalling … 2021." ends with a full stop
    assert ("P005", text[:second].count("\n") + 7) in found  # "1. Decides to do things" has no final mark


def test_an_annex_the_annex_grammar_rejects_is_read_flat(monkeypatch):
    """The fallback runs for real (the grammar made to reject every annex): the
    annex keeps its paragraphs and the text after it is still read."""
    import lark

    import resolint.annex as annexes

    class Rejecting:
        def parse(self, tokens):
            raise lark.exceptions.UnexpectedInput()

    monkeypatch.setattr(annexes, "annex_parser", lambda: Rejecting())
    text = _resolution_after_annex()
    doc = parse(text, "markdown")
    annex = doc.annexes[0]
    assert [(p.number, p.text.strip()) for p in annex.paragraphs] == [("1.", "We commit to act.")]
    assert len(doc.parts[-1].operative) == 2
    assert "P005" in [d.code for d in lint_text(text, "x.md", "markdown").diagnostics]


def test_footnotes_after_an_annex_are_not_inside_it():
    doc = _doc("annex-declaration-footnote.md")
    annex = doc.annexes[0]
    last_paragraph = annex.paragraphs[-1].span.end
    after = [f for f in doc.footnotes if f.span.start > last_paragraph]
    assert after, "the fixture ends with footnotes"
    assert annex.span.end <= after[0].span.start


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_article_under_a_bare_chapter_label_is_not_its_title(fmt):
    lines = ["Chapter I", "Article 1", "Purpose", "1.\tThe x.", "Article 2", "Scope", "1.\tThe y."]
    if fmt == "markdown":
        body = "\n\n".join(line.replace("\t", " ") for line in lines)
        text = f"53rd plenary meeting  \n1 December 2022\n\nAnnex\n\nConvention on things\n\n{body}\n"
    else:
        body = "\n".join(("\t" + line) if line[0].isdigit() else line for line in lines)
        text = f"53rd plenary meeting\n1 December 2022\n\nAnnex\nConvention on things\n{body}\n"
    annex = parse(text, fmt).annexes[0]
    [chapter] = annex.divisions
    assert (chapter.kind, chapter.name) == ("chapter", "Chapter I")
    assert [(a.kind, a.name) for a in chapter.children] == [
        ("article", "Article 1. Purpose"),
        ("article", "Article 2. Scope"),
    ]
