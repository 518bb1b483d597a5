"""Footnote rules (F) on small edits of real texts: what fires, what must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.linter import lint_text
from resolint.report import position
from resolint.rules import all_rules


def _f(text: str, path: str) -> list[tuple[str, int, int, str]]:
    result = lint_text(text, path)
    out = []
    for d in result.diagnostics:
        if d.code.startswith("F"):
            line, col = position(result.document.source, d.start)
            out.append((d.code, line, col, d.message))
    return out


def _corpus(corpus: Path, name: str) -> str:
    path = corpus / name
    return path.read_text(encoding="utf-8")


def test_default_severities() -> None:
    rules = all_rules()
    assert {c: str(rules[c].severity) for c in ("F001", "F002", "F003", "F004", "F005", "F006", "F007")} == {
        "F001": "error",
        "F002": "warning",
        "F003": "warning",
        "F004": "warning",
        "F005": "warning",
        "F006": "warning",
        "F007": "info",
    }


def test_repeated_marker_pointing_back_is_not_a_fault(corpus) -> None:
    # UN practice (A/RES/65/141 reuses "4"): a later mention repeats the marker.
    text = _corpus(corpus, "markdown/A-RES-79-262.md")
    text = text.replace(
        "Budgetary Questions,<sup>2</sup>", "Budgetary Questions,<sup>2</sup> and the Fund<sup>1</sup>", 1
    )
    assert _f(text, "x.md") == []


def test_new_marker_out_of_sequence_names_the_expected_number(corpus) -> None:
    text = _corpus(corpus, "markdown/A-RES-79-262.md").replace("Questions,<sup>2</sup>", "Questions,<sup>3</sup>", 1)
    text = text.replace("<sup>2</sup> [A/79/673](#).", "<sup>3</sup> [A/79/673](#).", 1)
    found = _f(text, "x.md")
    assert [(c, m) for c, _, _, m in found] == [("F003", "footnote marker 3 follows marker 1: expected 2")]


def test_parts_share_one_sequence(corpus) -> None:
    # A-RES-76-247-A-C: footnote 1 in part A, 2 in a later part; both clean.
    assert _f(_corpus(corpus, "markdown/A-RES-76-247-A-C.md"), "x.md") == []
    assert _f(_corpus(corpus, "plaintext/A-RES-76-247-A-C.txt"), "x.txt") == []


def test_annex_footnotes_run_on(corpus) -> None:
    # A-RES-79-1: the Pact's annexes continue the resolution's numbering.
    assert _f(_corpus(corpus, "markdown/A-RES-79-1.md"), "x.md") == []


def test_digits_after_digits_are_not_markers_in_plain_text(corpus) -> None:
    text = _corpus(corpus, "plaintext/A-RES-70-126.txt")
    text = text.replace("equality of opportunity", "equality of opportunity after COVID-19 and within the G20", 1)
    assert _f(text, "x.txt") == []


def test_missing_body_reports_line_of_marker(corpus) -> None:
    text = _corpus(corpus, "markdown/A-RES-79-262.md").replace("<sup>2</sup> [A/79/673](#).\n", "", 1)
    ((code, line, _, message),) = _f(text, "x.md")
    assert code == "F001" and message.startswith(f"footnote 2 has no text: the marker is on line {line}")


def test_ibid_after_ibid_is_grounded(corpus) -> None:
    # A-RES-80-223 chains "Ibid." through footnotes 2-4 and 14-18.
    assert not [f for f in _f(_corpus(corpus, "markdown/A-RES-80-223.md"), "x.md") if f[0] == "F006"]


@pytest.mark.parametrize(
    "old, new, fires",
    [
        # A name identified by a resolution in the same sentence needs no footnote.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note*, in the light of resolution 76/4, of the Convention on the Rights of the Child and of the intergovernmental",
            False,
        ),
        # An instrument still to be drafted cannot be cited.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the work towards a convention on tax and a Convention on Tax Cooperation and of the intergovernmental",
            False,
        ),
        # An item title in quotation marks is not a citation.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the item “Declaration on the Right to Development” and of the intergovernmental",
            False,
        ),
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the Convention on the Rights of the Child and of the intergovernmental",
            True,
        ),
        # An organ named after an instrument is no mention of it.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the work of the Special Committee on the Situation with regard to the Implementation"
            " of the Declaration on the Granting of Independence to Colonial Countries and Peoples and of the intergovernmental",
            False,
        ),
        # A date after "Convention on" is no name.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the opening for signature of the Convention on 10 December 1982 and of the intergovernmental",
            False,
        ),
        # One marker after two coordinated names cites both.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the Copenhagen Declaration on Social Development and the Programme of Action of the"
            " World Summit for Social Development<sup>9</sup> and of the intergovernmental",
            False,
        ),
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the Copenhagen Declaration on Social Development and the Programme of Action of the"
            " World Summit for Social Development and of the intergovernmental",
            True,
        ),
        # The instrument the resolution adopts is in its own annex.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the Convention on the Rights of the Child, contained in the annex to the present"
            " resolution, and of the intergovernmental",
            False,
        ),
        # A report's marker follows its quoted title.
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the report of the Secretary-General entitled “Our Common Agenda: the future”,<sup>9</sup>"
            " and of the intergovernmental",
            False,
        ),
        (
            "*Also takes note* of the intergovernmental",
            "*Also takes note* of the report of the Secretary-General’s High-level Panel on Water and of the intergovernmental",
            False,
        ),
    ],
)
def test_uncited_instrument_precision(old: str, new: str, fires: bool, corpus) -> None:
    text = _corpus(corpus, "drafts/draft-78-166.md")
    assert old in text
    found = [f for f in _f(text.replace(old, new, 1), "x.md") if f[0] == "F007"]
    assert bool(found) == fires, found


def test_uncited_instrument_leaves_annexes_and_earlier_mentions_alone(corpus: Path) -> None:
    # A-RES-76-258 annexes the Doha Programme of Action, which names the
    # instruments it builds on without footnotes; A-RES-75-242 B cites the
    # report in its preamble (no verb before it) and takes note of it later.
    for name in ("assembly-variety/markdown/A-RES-76-258.md", "assembly-75-80/markdown/A-RES-75-242-B.md"):
        path = corpus / name
        found = [f for f in _f(path.read_text(encoding="utf-8"), str(path)) if f[0] == "F007"]
        assert found == []


def test_a_part_published_apart_starts_at_its_first_footnote(corpus: Path) -> None:
    # A/RES/75/242 B: footnote 1 is in part A; part B's run 2-4.
    for name in ("markdown/A-RES-75-242-B.md", "plaintext/A-RES-75-242-B.txt"):
        path = corpus / "assembly-75-80" / name
        text = path.read_text(encoding="utf-8")
        assert _f(text, str(path)) == []
        # Its first marker dropped: footnote 2 is unreferenced, said once.
        dropped = text.replace("operations,<sup>2</sup>", "operations,", 1).replace("operations,2 ", "operations, ", 1)
        assert [f[0] for f in _f(dropped, str(path))] == ["F002"]


def test_uncited_instrument_gives_one_hint_per_text(corpus) -> None:
    text = _corpus(corpus, "drafts/draft-78-166.md").replace(
        "*Also takes note* of the intergovernmental",
        "*Also takes note* of the Convention on the Rights of the Child and of the intergovernmental",
        1,
    )
    text = text.replace("\n1. ", "\n1. *Welcomes* the Convention against Torture;\n\n1. ", 1)
    found = [f for f in _f(text, "x.md") if f[0] == "F007"]
    assert len(found) == 1, found
    assert "(and 1 more name without one: line " in found[0][3]
