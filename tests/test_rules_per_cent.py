"""P007 per-cent-sign beyond its fixtures: what is a per cent sign, what the fix writes, where the rule reads.

The fixtures (tests/fixtures/p/per-cent-sign*) prove it fires on a real text
and stays silent on a footnote and a web address; these pin the edges.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Settings
from resolint.fixes import apply_fixes
from resolint.linter import lint_text

FIXTURES = Path(__file__).parent / "fixtures" / "p"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
P007 = Settings(select=["P007"])

RESOLUTION = """### 80/999. Remittances at {title}

*The General Assembly*,

*Noting* that the cost of remittances remained at {text},

1. *Decides* to remain seized of the matter.
"""


def _p007(text: str, path: str = "draft.md"):
    return [d for d in lint_text(text, path, settings=P007).diagnostics if d.code == "P007"]


def _in_paragraph(words: str) -> list[str]:
    doc = RESOLUTION.format(title="cost", text=words)
    return [doc[d.start : d.end] for d in _p007(doc)]


@pytest.mark.parametrize(
    "words, signs",
    [
        ("6.3% in 2021", ["6.3%"]),
        ("6.3 % in 2021", ["6.3 %"]),
        ("6.3\u00a0% in 2021", ["6.3\u00a0%"]),
        ("0,5 % (a), 12%; and (15%)", ["0,5 %", "12%", "15%"]),
        ("10–12% of the amount", ["12%"]),
        ("6.3 per cent in 2021", []),
        ("see www.example.org/2023%20Declaration.pdf", []),  # an escape of a web address
        ("see example.org/growth-5%2Fyear", []),
        ("under item No.5% of the list", []),  # the figure does not start a word
        ("a ratio of 7%% in the table", []),
        ("the % of the cost", []),  # no figure
        ("x5% of it", []),
    ],
)
def test_what_is_a_per_cent_sign(words, signs):
    assert _in_paragraph(words) == signs


@pytest.mark.parametrize(
    "words, fixed",
    [
        ("6.3% in 2021", "6.3 per cent in 2021"),
        ("6.3 % in 2021", "6.3 per cent in 2021"),
        ("6.3\u00a0% in 2021", "6.3\u00a0per cent in 2021"),  # a no-break space stays
        ("*6.3%* in 2021", "*6.3 per cent* in 2021"),
    ],
)
def test_the_fix_writes_per_cent(words, fixed):
    doc = RESOLUTION.format(title="cost", text=words)
    new, applied = apply_fixes(doc, _p007(doc))
    assert len(applied) == 1 and new == RESOLUTION.format(title="cost", text=fixed)


@pytest.mark.parametrize("words", ["50%-60% of the cost", "6.3*%* in 2021"])
def test_no_fix_for_a_range_or_markup_inside(words):
    """A range ("50%-60%" reads "50–60 per cent": a rewording), or markup between figure and sign: no fix."""
    doc = RESOLUTION.format(title="cost", text=words)
    found = _p007(doc)
    assert found and found[0].fix is None


def test_the_title_is_read_and_another_organs_text_is_not():
    doc = RESOLUTION.format(title="3%", text="6.3 per cent")
    assert [doc[d.start : d.end] for d in _p007(doc)] == ["3%"]
    council = doc.replace("*The General Assembly*,", "*The Security Council*,").replace("6.3 per cent", "6.3%")
    assert _p007(council) == []


def test_a_table_and_a_heading_are_not_read():
    doc = RESOLUTION.format(title="cost", text="6.3 per cent") + (
        "\n*80th plenary meeting*\n*1 December 2025*\n\n## Annex\n\n### Scale\n\n"
        "| Member State | Rate |\n| --- | --- |\n| Albania | 0.008% |\n\nGrowth of 12%\n\n1. It grows by 5% a year.\n"
    )
    assert [doc[d.start : d.end] for d in _p007(doc)] == ["5%"]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_the_fix_gives_back_the_published_text(suffix):
    path = FIXTURES / f"per-cent-sign{suffix}"
    text = path.read_text(encoding="utf-8")
    fixed, applied = apply_fixes(text, lint_text(text, str(path)).diagnostics)
    assert {d.code for d in applied} == {"P007"} and len(applied) == 2
    assert "%" not in fixed and "90 per cent of those casualties" in fixed and "by at least 50 per cent" in fixed
    published = CORPUS / ("markdown" if suffix == ".md" else "plaintext") / f"A-RES-75-308{suffix}"
    if published.is_file():
        assert fixed == published.read_text(encoding="utf-8")
