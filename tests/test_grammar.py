"""The grammar owns the order of a resolution's blocks."""

from __future__ import annotations

import pytest
from lark.exceptions import UnexpectedInput

from resolint.parser import grammar_parser, parse
from resolint.readers.blocks import KINDS


def codes(*names: str) -> str:
    return "".join(KINDS[n] for n in names)


@pytest.mark.parametrize(
    "sequence",
    [
        (
            "ORGAN",
            "SESSION",
            "AGENDA_ITEM",
            "HEADING",
            "ADOPTED",
            "ORIGIN",
            "TITLE",
            "OPENER",
            "PREAMBULAR",
            "NUMBERED",
            "LETTERED",
            "ROMAN",
            "NUMBERED",
            "PLENARY",
        ),
        ("DRAFT_LABEL", "HEADING", "OPENER", "PREAMBULAR", "FOOTNOTE", "PAGE_BREAK", "PREAMBULAR", "NUMBERED"),
        ("PREAMBULAR", "PREAMBULAR"),  # a preamble being drafted
        ("NUMBERED", "NUMBERED"),  # an operative part alone
        (
            "TITLE",
            "PART_LABEL",
            "HEADING",
            "OPENER",
            "INTRODUCING",
            "NUMBERED",
            "PLENARY",
            "PART_LABEL",
            "HEADING",
            "OPENER",
            "INTRODUCING",
            "NUMBERED",
            "LETTERED",
            "PLENARY",
        ),
        (
            "TITLE",
            "OPENER",
            "PREAMBULAR",
            "UNNUMBERED_OPERATIVE",
            "PLENARY",
            "ANNEX",
            "HEADING",
            "NUMBERED",
            "LETTERED",
            "NUMBERED",
        ),
        (
            "TITLE",
            "OPENER",
            "INTRODUCING",
            "HEADING",
            "NUMBERED",
            "HEADING",
            "NUMBERED",
            "PLENARY",
            "ANNEX",
            "HEADING",
            "NUMBERED",
            "ANNEX",
            "PREAMBULAR",
        ),
    ],
)
def test_accepts_real_structures(sequence):
    grammar_parser().parse(codes(*sequence))


@pytest.mark.parametrize(
    "sequence",
    [
        ("NUMBERED", "OPENER", "PREAMBULAR"),  # an operative paragraph before the opener
        ("OPENER", "PREAMBULAR", "NUMBERED", "PREAMBULAR"),  # a preambular paragraph after the operative part
        ("OPENER", "LETTERED"),  # a subparagraph with no paragraph
        ("OPENER", "PREAMBULAR", "UNRECOGNISED", "PREAMBULAR"),
        ("OPENER", "NUMBERED", "PLENARY", "NUMBERED"),  # text after the plenary line, outside an annex
    ],
)
def test_rejects_order_violations(sequence):
    with pytest.raises(UnexpectedInput):
        grammar_parser().parse(codes(*sequence))


def test_misplaced_block_is_recorded_and_parsing_resumes():
    text = (
        "*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n\n"
        "1. *Requests* the Secretary-General to report;\n\n"
        "*Noting* the report,\n\n2. *Decides* to remain seized of the matter.\n"
    )
    doc = parse(text, "markdown")
    assert [u.reason for u in doc.unrecognised] == ["out of order: a preambular paragraph after the operative part"]
    assert [p.number_value for p in doc.operative] == [1, 2]  # the rest is still read


def test_operative_before_opener():
    doc = parse(
        "1. *Requests* the Secretary-General to report;\n\n*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n",
        "markdown",
    )
    assert doc.unrecognised and doc.unrecognised[0].reason.startswith("out of order:")


@pytest.mark.parametrize(
    "stray",
    [
        "| Sponsor | Status |",
        "From: drafting-group@example.org",
        "-----Original Message-----",
        "https://undocs.org/A/RES/77/176",
    ],
)
def test_text_that_is_not_a_resolution_is_unrecognised(stray):
    text = f"*The General Assembly,*\n\n*Recalling* its resolution 70/1,\n\n{stray}\n\n*Noting* the report,\n"
    doc = parse(text, "markdown")
    assert [u.reason for u in doc.unrecognised] == ["unrecognised"]
    assert doc.unrecognised[0].text.strip() == stray
    assert len(doc.preamble) == 2


def test_plaintext_stray_line_is_unrecognised():
    text = (
        "\tThe General Assembly,\n\tRecalling its resolution 70/1,\n\tFrom: someone@example.org\n\tNoting the report,\n"
    )
    doc = parse(text, "text")
    assert [u.reason for u in doc.unrecognised] == ["unrecognised"]
