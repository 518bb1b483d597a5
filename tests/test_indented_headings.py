"""Plain text: an indented line with no opener and no final mark inside the body is a subject heading."""

from __future__ import annotations

from resolint.linter import lint_text

_BODY = (
    "\tThe General Assembly,\n"
    "\tRecalling its resolution 76/83 of 9 December 2021,\n"
    "\t1.\tRequests the Secretary-General to continue to report;\n"
    "\t{line}\n"
    "\t2.\tRequests the Department of Global Communications to continue its work.\n"
)
# A/RES/77/128 B: a subject heading of 16 words between paragraphs 88 and 89.
_HEADING = (
    "Role of the Department of Global Communications in United Nations peacekeeping operations, "
    "special political missions and peacebuilding"
)


def _codes(line: str) -> list[str]:
    return sorted(d.code for d in lint_text(_BODY.format(line=line), "draft.txt").diagnostics)


def test_a_long_subject_heading_is_a_heading():
    assert _codes(_HEADING) == []
    assert _codes("Multimodal transportation") == []


def test_a_long_paragraph_whose_opener_is_misspelt_is_still_judged():
    """Not a heading: its first word is a near miss of an opener, and its final mark is lost."""
    line = (
        "Reqests the Department of Global Communications to strengthen its work in peacekeeping operations and missions"
    )
    assert "P002" in _codes(line)


def test_a_short_paragraph_whose_opener_is_misspelt_is_still_judged():
    """Short, in the operative part: a near miss of an operative verb is a paragraph, not a heading."""
    codes = _codes("Reqests the Secretary-General to report")
    assert "P002" in codes


def test_a_short_preambular_paragraph_whose_opener_is_misspelt_is_still_judged(corpus):
    """A/RES/75/103 with one preambular paragraph added, its participle misspelt and its comma lost."""
    path = corpus / "assembly-75-80" / "plaintext" / "A-RES-75-103.txt"
    text = path.read_text(encoding="utf-8")
    anchor = "\tBearing in mind the relevant provisions"
    assert anchor in text
    changed = text.replace(anchor, "\tRecaling its resolution 75/1\n" + anchor, 1)
    before = sorted(d.code for d in lint_text(text, path.name).diagnostics)
    after = sorted(d.code for d in lint_text(changed, path.name).diagnostics)
    added = list(after)
    for code in before:
        added.remove(code)
    assert sorted(added) == ["P002", "P004"]


def test_a_heading_of_an_annex_is_not_taken_for_a_misspelt_opener(corpus):
    """A/RES/75/284's declaration: "Ending inequalities …" is a heading, not "Reminding" misspelt."""
    from resolint.readers.plaintext import read_plaintext

    path = corpus / "assembly-variety" / "plaintext" / "A-RES-75-284.txt"
    result = read_plaintext(path.read_text(encoding="utf-8"))
    kinds = {result.plain[b.content_start : b.end].strip(): b.kind for b in result.blocks}
    assert kinds["Ending inequalities and engaging stakeholders to end AIDS"] == "HEADING"
