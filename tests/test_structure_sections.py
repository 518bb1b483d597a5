"""Sections of the operative part, introduced lists, table notes and recovery (issues 11 and 15)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from resolint.diagnostics import Severity
from resolint.fixes import apply_edits
from resolint.linter import lint_text
from resolint.outline import outline
from resolint.parser import parse
from resolint.rules.numbering import _moved_item

# Published texts whose structure the grammar did not know: none of these
# codes is a real fault in any of them (both formats).
_STRUCTURE_CODES = ("S001", "S002", "S003", "S004", "N001", "N002", "P006")
_DOCUMENTS = [
    "assembly-75-80/{fmt}/A-RES-80-109.{ext}",  # sections I–XII, numbering running on
    "assembly-75-80/{fmt}/A-RES-78-234.{ext}",  # sections I–VIII
    "assembly-75-80/{fmt}/A-RES-80-238.{ext}",  # paragraphs 1–2 before section I
    "assembly-75-80/{fmt}/A-RES-80-236AB.{ext}",  # lettered sections with their own preamble
    "assembly-75-80/{fmt}/A-RES-77-274.{ext}",  # "Panel 1: …" introduced by (b)
    "assembly-75-80/{fmt}/A-RES-79-249.{ext}",  # "as follows:" with its table not in the text
    "assembly-variety/{fmt}/A-RES-75-249.{ext}",  # table notes without their table
    "assembly-variety/{fmt}/A-RES-75-190.{ext}",  # (viii), (xiii) in a long list
    "assembly-variety/{fmt}/A-RES-78-1.{ext}",
    "assembly-variety/{fmt}/A-RES-78-183A.{ext}",  # "78/183 A. Enlargement of …"
    "assembly-variety/{fmt}/A-RES-78-183B.{ext}",
    "assembly-variety/{fmt}/A-RES-76-242.{ext}",  # "6.\u200e Reaffirms"
    "assembly-variety/{fmt}/A-RES-77-118.{ext}",  # subject headings in the operative part
    "assembly-variety/{fmt}/A-RES-77-128.{ext}",
    "assembly-variety/{fmt}/A-RES-78-148.{ext}",  # "* * *" and headings in the preamble
    "assembly-variety/{fmt}/A-RES-75-1.{ext}",
]
_CASES = [d.format(fmt=fmt, ext=ext) for d in _DOCUMENTS for fmt, ext in (("markdown", "md"), ("plaintext", "txt"))]


def _lint(path: Path):
    return lint_text(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("name", _CASES)
def test_published_structure_gives_no_structure_warning(corpus: Path, name: str) -> None:
    path = corpus / name
    if not path.exists():
        pytest.skip(f"{name} is not in this corpus")
    result = _lint(path)
    found = [
        (d.code, d.message) for d in result.diagnostics if d.code in _STRUCTURE_CODES and d.severity >= Severity.WARNING
    ]
    assert found == []


@pytest.mark.parametrize(
    "name",
    [
        "assembly-variety/markdown/A-RES-76-242.md",
        "assembly-variety/plaintext/A-RES-76-242.txt",
        "assembly-75-80/markdown/A-RES-80-238.md",
        "assembly-75-80/plaintext/A-RES-80-238.txt",
    ],
)
def test_invisible_mark_after_a_number_is_one_finding_with_a_safe_fix(corpus: Path, name: str) -> None:
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    result = lint_text(text, str(path))
    n003 = [d for d in result.diagnostics if d.code == "N003"]
    assert len(n003) == 1
    assert not [d for d in result.diagnostics if d.code in ("S001", "S004", "N001")]
    fix = n003[0].fix
    assert fix is not None and fix.safe
    fixed = apply_edits(text, list(fix.edits))
    line = next(
        x
        for x in fixed.splitlines()
        if "Reaffirms* its decision, contained" in x or "Reaffirms its decision, contained" in x
    )
    assert "\u200e" not in line
    # the number keeps one separator before the verb, as the format writes it
    assert line.lstrip("\t").startswith(("6. *Reaffirms*", "6.\tReaffirms"))
    # and the paragraph stays in the sequence
    assert [p.number_value for p in result.document.operative if p.number_value][:7] == [1, 2, 3, 4, 5, 6, 7]


def test_sections_in_the_model_and_the_outline(corpus: Path) -> None:
    path = corpus / "assembly-75-80/markdown/A-RES-80-236AB.md"
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    part = doc.parts[0]
    assert [s.label for s in part.sections] == ["I", "II"]
    inner = part.sections[1].sections
    assert [(s.label, s.title) for s in inner] == [
        ("A", "Base/floor salary scale"),
        ("B", "Evolution of the United Nations/United States net remuneration margin"),
    ]
    assert [p.opener.phrase for p in inner[0].preamble] == ["Recalling"]
    assert [p.number for p in inner[1].operative] == ["1.", "2.", "3.", "4."]
    shown = outline(doc)
    assert "section II. Conditions of service of staff in the Professional and higher categories" in shown
    assert "lettered section B. Evolution of the United Nations/United States net remuneration margin" in shown


def test_section_numerals_in_the_plain_text_export(corpus: Path) -> None:
    path = corpus / "assembly-variety/plaintext/A-RES-77-118.txt"
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    sections = doc.parts[0].sections
    assert [s.label for s in sections][:5] == ["I", "II", "III", "IV", "V"]
    assert sections[0].title == "Achieving sustainable fisheries"
    assert sections[5].title == "Fishing overcapacity"


def test_title_with_a_part(corpus: Path) -> None:
    path = corpus / "assembly-variety/plaintext/A-RES-78-183B.txt"
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    assert doc.title is not None
    assert (doc.title.number, doc.title.part) == ("78/183", "B")
    assert doc.title.text.startswith("Enlargement of")


def test_table_notes_are_notes(corpus: Path) -> None:
    path = corpus / "assembly-variety/markdown/A-RES-75-249.md"
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    assert [n.text for n in doc.table_notes] == [
        "a See A/75/383.",
        "b See A/75/639.",
        "c Reflects amounts after recosting.",
    ]
    assert doc.unrecognised == []


_LIST = """\
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,

1. *Urges* Member States:

{letters}

{item}

{after}

2. *Decides* to remain seized of the matter.
"""


@pytest.mark.parametrize(
    ("item", "after", "kinds"),
    [
        ("(i) To act once more;", "(j) To report.", ["letter", "letter", "letter", "letter"]),
        ("(i) At home;", "(ii) Abroad;", ["letter", "letter", "roman", "roman"]),
    ],
)
def test_letter_or_roman_is_decided_by_the_sequence(item: str, after: str, kinds: list[str]) -> None:
    letters = "\n\n".join(f"({chr(c)}) To act;" for c in range(ord("a"), ord("h") + 1))
    text = _LIST.format(letters=letters, item=item, after=after)
    doc = parse(text, "markdown")
    labels = [p.label_kind for p in doc.paragraphs() if p.label][-4:]
    assert labels == kinds
    result = lint_text(text, "x.md")
    assert not [d for d in result.diagnostics if d.code in ("N002", "S001", "S004")]


def test_a_paragraph_moved_into_the_preamble_is_one_finding() -> None:
    paragraphs = [f"{n}. *Requests* the Secretary-General to act {n};" for n in range(1, 6)]
    preamble = [f"*Recalling* its resolution 70/{n},\n" for n in range(1, 6)]
    moved = [*preamble[:2], paragraphs[2] + "\n", *preamble[2:]]
    rest = [p for i, p in enumerate(paragraphs) if i != 2]
    text = "\n".join(["*The General Assembly*,\n", *moved, *[p + "\n" for p in rest]])
    result = lint_text(text, "x.md")
    structure = [d for d in result.diagnostics if d.code.startswith("S")]
    assert [d.code for d in structure] == ["S004"]
    # the block out of place is the paragraph moved up, not the preamble after it
    assert text[structure[0].start :].startswith("3. *Requests*")
    # the rest is read as if the moved paragraph were absent: its number is missing once
    assert [d.code for d in result.diagnostics if d.code.startswith("N")] == ["N001"]


@pytest.mark.parametrize(
    ("values", "moved"),
    [
        ([1, 2, 6, 3, 4, 5, 7], 2),
        ([1, 2, 4, 5, 3, 6], 4),
        ([1, 3, 2, 4], 1),
        ([1, 2, 3], None),
        ([1, 2, 4, 5], None),  # a skip is not a move
        ([1, 2, 2, 3], None),
    ],
)
def test_moved_item(values: list[int], moved: int | None) -> None:
    assert _moved_item(values) == moved


def test_a_moved_paragraph_number_is_one_n001() -> None:
    body = "\n".join(f"{n}. *Requests* the Secretary-General to act {n};\n" for n in (1, 2, 5, 3, 4, 6))
    text = "*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n" + body
    n001 = [d for d in lint_text(text, "x.md").diagnostics if d.code == "N001"]
    assert len(n001) == 1
    assert "5 is out of place" in n001[0].message


def test_drafts_need_no_plenary_line(corpus: Path) -> None:
    for path in sorted((corpus / "assembly-75-80/markdown").glob("draft-*.md"))[:10]:
        result = _lint(path)
        assert result.document.kind == "draft"
        assert not [d for d in result.diagnostics if d.code == "S003"], path.name


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("assembly-variety/markdown/A-RES-77-118.md", "\n9 December 2022*"),
        ("assembly-variety/plaintext/A-RES-77-118.txt", "\n9 December 2022\n"),
    ],
)
def test_plenary_line_after_the_last_section_is_read(corpus: Path, name: str, line: str) -> None:
    """The plenary line after section XIV and its paragraphs is the part's:
    a wrong date on it is found (D006), in both formats."""
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    assert text.count(line) == 1
    doc = parse(text, None, str(path))
    assert doc.parts[0].plenary is not None and doc.parts[0].plenary.ordinal == 51
    wrong = text.replace(line, line.replace("9 December", "19 December"))
    codes = [d.code for d in lint_text(wrong, str(path)).diagnostics if d.severity >= Severity.WARNING]
    assert codes.count("D006") == 1


@pytest.mark.parametrize(
    ("name", "plenary", "line"),
    [
        # an annex after the plenary line, "Annex I", "Annex II" inside it (plain text indents all three)
        ("assembly-variety/plaintext/A-RES-77-100.txt", "\n47th plenary meeting\n7 December 2022\n", 21),
        ("assembly-variety/plaintext/A-RES-77-104.txt", "\n47th plenary meeting\n7 December 2022\n", 18),
        # the last paragraph has subparagraphs: the finding goes after the last of them
        ("markdown/A-RES-79-1.md", "\n*3rd plenary meeting  \n22 September 2024*\n", 855),
    ],
)
def test_a_lost_plenary_line_is_one_s003_where_it_belongs(corpus: Path, name: str, plenary: str, line: int) -> None:
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    assert text.count(plenary) == 1
    before = Counter((d.code, d.message) for d in _lint(path).diagnostics if d.severity >= Severity.WARNING)
    result = lint_text(text.replace(plenary, "\n"), str(path))
    after = Counter((d.code, d.message) for d in result.diagnostics if d.severity >= Severity.WARNING)
    assert [code for code, _ in after - before] == ["S003"]
    s003 = next(d for d in result.diagnostics if d.code == "S003")
    assert result.document.span(s003.start, s003.end).line + 1 == line


_SECTIONS_AROUND_A_COLON_PARAGRAPH = (
    "The General Assembly,\n\n*Recalling* its resolution 76/1,\n\nI\n\nAchieving sustainable fisheries\n\n"
    "1. *Welcomes* the work;\n\n*Decides* that the following arrangements shall apply:\n\nStaff costs\n\n"
    "(a) Salaries shall be paid;\n\nII\n\nOther matters\n\n3. *Requests* the Secretary-General to report.\n\n"
    "53rd plenary meeting\n1 December 2022\n"
)


def test_a_colon_paragraph_that_adopts_nothing_does_not_hide_the_next_section() -> None:
    """ "*Decides* that the following arrangements shall apply:" and a heading: section II is still a section."""
    doc = parse(_SECTIONS_AROUND_A_COLON_PARAGRAPH, "markdown", "draft.md")
    assert [s.label for s in doc.parts[0].sections] == ["I", "II"]
    requests = doc.parts[0].operative[-1]
    assert requests.number_value == 3 and not requests.introduced
    codes = [d.code for d in lint_text(_SECTIONS_AROUND_A_COLON_PARAGRAPH, "draft.md").diagnostics]
    assert "P005" not in codes  # "(a) …;" is not the last of the operative part
    assert "N001" in codes  # 3 after 1: the colon paragraph has lost its number


def test_the_resolution_section_after_an_adopted_text_ends_it() -> None:
    """ "II" after "*Adopts* the following programme:" and its text goes on with the resolution's sections."""
    text = _SECTIONS_AROUND_A_COLON_PARAGRAPH.replace(
        "*Decides* that the following arrangements shall apply:\n\nStaff costs\n\n(a) Salaries shall be paid;",
        "2. *Adopts* the following programme of work:\n\nProgramme of work\n\n1. Salaries shall be paid.\n\n"
        "2. Posts shall be filled.",
    )
    doc = parse(text, "markdown", "draft.md")
    assert [s.label for s in doc.parts[0].sections] == ["I", "II"]
    programme = [p for p in doc.parts[0].operative if p.introduced]
    assert [p.text for p in programme] == ["Salaries shall be paid.", "Posts shall be filled."]
    assert [d.code for d in lint_text(text, "draft.md").diagnostics] == []
