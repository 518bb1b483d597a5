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
