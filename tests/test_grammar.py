"""The grammar owns the order of a resolution's blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from lark.exceptions import UnexpectedInput

from resolint.annex import annex_parser
from resolint.kinds import AnnexKind, BlockKind
from resolint.model import Problem
from resolint.parser import grammar_parser, parse

ROOT = Path(__file__).resolve().parents[1]


def codes(*names: str) -> list[BlockKind]:
    return [BlockKind[n] for n in names]


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


def _declared_terminals(grammar: str) -> list[str]:
    """The terminals a .lark file declares (``%declare A B …``), in order."""
    text = (ROOT / "grammar" / grammar).read_text(encoding="utf-8")
    return [name for line in text.splitlines() if line.startswith("%declare ") for name in line.split()[1:]]


@pytest.mark.parametrize("grammar, kinds", [("resolution.lark", BlockKind), ("annex.lark", AnnexKind)])
def test_the_grammar_declares_exactly_the_block_kinds(grammar, kinds):
    declared = _declared_terminals(grammar)
    assert len(declared) == len(set(declared)), "a terminal declared twice"
    assert set(declared) == {kind.name for kind in kinds}


@pytest.mark.parametrize("parser, kinds", [(grammar_parser, BlockKind), (annex_parser, AnnexKind)])
def test_every_terminal_the_rules_use_is_a_block_kind(parser, kinds):
    used = {symbol.name for rule in parser().rules for symbol in rule.expansion if symbol.is_term}
    assert used and used <= {kind.name for kind in kinds}


def test_a_misplaced_block_carries_its_placement():
    doc = parse(
        "The General Assembly,\n\n1. *Decides* to act;\n\n*Recalling* its resolution 70/1,\n\n2. *Requests* a report.\n",
        "markdown",
    )
    [block] = doc.unrecognised
    placement = block.placement
    assert placement.problem is Problem.AFTER_OPERATIVE
    assert placement.kind is BlockKind.PREAMBULAR and placement.previous is BlockKind.NUMBERED
    # What the grammar would have taken there: more operative paragraphs, not a preambular one.
    assert BlockKind.NUMBERED in placement.expected and BlockKind.PREAMBULAR not in placement.expected
    assert block.reason == "out of order: a preambular paragraph after the operative part"


def test_the_grammars_are_found_from_a_checkout_as_from_the_installed_package(monkeypatch):
    """A fresh clone runs its tests before any install: no resolint.grammar package then."""
    from resolint import grammars

    installed = grammars.grammar_text("annex.lark")

    def no_package(name):
        raise ModuleNotFoundError(f"No module named {name!r}")

    monkeypatch.setattr(grammars.resources, "files", no_package)
    assert grammars.grammar_text("annex.lark") == installed == (ROOT / "grammar" / "annex.lark").read_text("utf-8")
