"""Numbering rules (N): fixes, messages and the sequence logic behind them.

Where a rule fires at which line:column is pinned by tests/fixtures/n; here
the documents are again real corpus texts with one thing changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolint.fixes import fix_text
from resolint.linter import lint_text
from resolint.parser import parse
from resolint.rules import all_rules
from resolint.rules.numbering import _letter_label, _letter_value, _one_digit_off, _sequence_slips


def _corpus(corpus: Path, name: str) -> str:
    path = next(corpus.rglob(name), None)
    assert path is not None, f"{name} is not in ../shared/corpus"
    return path.read_text(encoding="utf-8")


def _n_findings(text: str, path: str, code: str = "N"):
    return [d for d in lint_text(text, path).diagnostics if d.code.startswith(code)]


def _operative_numbers(text: str, path: str) -> list[list[int]]:
    doc = parse(text, path=path)
    return [[p.number_value for p in part.operative if p.number_value is not None] for part in doc.parts]


def _fixed(text: str, path: str) -> str:
    new_text, fixed = fix_text(
        text, lambda t: [d for d in lint_text(t, path).diagnostics if d.code == "N001"], unsafe=True
    )
    assert fixed, "expected an N001 fix to apply"
    return new_text


def test_fix_renumbers_every_paragraph_after_a_deleted_one(corpus):
    text = _corpus(corpus, "A-RES-77-176.md")
    # Delete operative paragraph 2, as a negotiator would: 1, 3, 4 … 18 remain.
    deleted = re.sub(r"(?m)^2\. \*[^\n]*\n", "", text, count=1)
    assert deleted != text
    findings = _n_findings(deleted, "A-RES-77-176.md", "N001")
    assert [d.message for d in findings] == ["operative paragraph 3 follows 1: expected 2"]
    assert findings[0].fix is not None and not findings[0].fix.safe
    fixed = _fixed(deleted, "A-RES-77-176.md")
    assert _operative_numbers(fixed, "A-RES-77-176.md") == [list(range(1, 18))]
    assert not _n_findings(fixed, "A-RES-77-176.md", "N001")
    # Only the numbers changed: the text of every paragraph is as it was.
    assert re.sub(r"(?m)^\d+\. ", "", fixed) == re.sub(r"(?m)^\d+\. ", "", deleted)


def test_fix_keeps_a_sub_list_and_renumbers_only_its_own_list(corpus):
    text = _corpus(corpus, "A-RES-79-1.md")
    lines = text.split("\n")
    # The Global Digital Compact: paragraph 7 introduces objectives 1–5, then 8.
    index = next(i for i, line in enumerate(lines) if line.startswith("8. Our digital cooperation"))
    lines[index] = "9." + lines[index][2:]
    broken = "\n".join(lines)
    findings = _n_findings(broken, "A-RES-79-1.md", "N001")
    assert [d.message for d in findings] == ["paragraph 9 follows 7 in Annex I: expected 8"]
    fixed = _fixed(broken, "A-RES-79-1.md")
    assert fixed == text


def test_fix_of_a_swap_and_message_lists_cross_references(corpus):
    text = _corpus(corpus, "A-RES-76-247-A-C.md")
    # Part A: "1. … :", "2.", "3. In addition to the appropriations approved under paragraph 1 above".
    broken = text.replace("\n1. ", "\n2. ", 1)
    findings = _n_findings(broken, "A-RES-76-247-A-C.md", "N001")
    assert len(findings) == 1
    assert findings[0].message.startswith("operative paragraph 2 is the first: expected 1")
    assert "“paragraph 1 above”" in findings[0].message
    assert _fixed(broken, "A-RES-76-247-A-C.md") == text


def test_numbering_restarts_in_each_part(corpus):
    text = _corpus(corpus, "A-RES-76-247-A-C.md")
    assert [nums[:1] for nums in _operative_numbers(text, "A-RES-76-247-A-C.md")] == [[1], [1], [1]]
    assert not _n_findings(text, "A-RES-76-247-A-C.md")


@pytest.mark.parametrize(
    "values, slips",
    [
        ([1, 2, 3, 4, 5], []),
        ([1, 2, 3, 5, 6], [3]),  # skip: one finding
        ([1, 2, 3, 3, 4], [3]),  # repeat: one finding
        ([1, 2, 7, 4, 5], [2]),  # typo: one finding
        ([1, 2, 4, 3, 5], [2, 3]),  # swap: two
        ([2, 3, 4], [0]),  # does not start at 1
        ([1, None, 3], [1]),  # a label that is no number keeps its place
    ],
)
def test_sequence_slips_one_mistake_one_finding(values, slips):
    assert [s.index for s in _sequence_slips(values)[0]] == slips


def test_letters_after_z_and_one_digit_off():
    assert [_letter_label(v) for v in (1, 8, 9, 26, 27, 28, 30)] == ["a", "h", "i", "z", "aa", "bb", "dd"]
    assert _letter_value("aa") == 27 and _letter_value("dd") == 30 and _letter_value("ab") is None
    assert _one_digit_off("78/292", "78/229") and _one_digit_off("74/170", "74/710")
    assert _one_digit_off("78/29", "78/229") and not _one_digit_off("78/292", "78/111")


def test_unknown_resolution_suggests_from_the_date_in_the_record(corpus):
    text = _corpus(corpus, "A-RES-78-264.md")
    broken = text.replace("[76/254](#) of 15 March 2022", "[76/524](#) of 15 March 2022", 1)
    assert broken != text
    (finding,) = _n_findings(broken, "A-RES-78-264.md", "N005")
    assert finding.message.startswith("resolution 76/524 does not exist: the record of the seventy-sixth session")
    assert finding.message.endswith("did you mean 76/254?")
    assert not finding.fix.safe
    new_text, _ = fix_text(
        broken, lambda t: [d for d in lint_text(t, "A-RES-78-264.md").diagnostics if d.code == "N005"], unsafe=True
    )
    assert new_text == text


def test_cross_reference_to_a_missing_subparagraph(corpus):
    text = _corpus(corpus, "A-RES-75-308.md")
    broken = text.replace("paragraph 4 (c) of the present resolution", "paragraph 4 (e) of the present resolution", 1)
    assert broken != text
    (finding,) = _n_findings(broken, "A-RES-75-308.md", "N004")
    assert "paragraph 4 has no subparagraph (e)" in finding.message


def test_malformed_number_fix_is_safe_and_clean(corpus):
    text = _corpus(corpus, "A-RES-78-264.md")
    broken = text.replace("\n3. *Requests*", "\n3 *Requests*", 1)
    (finding,) = _n_findings(broken, "A-RES-78-264.md")
    assert finding.code == "N003" and finding.fix.safe
    new_text, _ = fix_text(broken, lambda t: lint_text(t, "A-RES-78-264.md").diagnostics)
    assert new_text == text


def test_numbering_rules_are_warnings():
    rules = all_rules()
    for code in ("N001", "N002", "N003", "N004", "N005"):
        assert str(rules[code].severity) == "warning"
    assert rules["N001"].fixable and rules["N003"].fixable and rules["N005"].fixable


def test_cross_reference_below_that_points_above(corpus):
    text = _corpus(corpus, "A-RES-76-247-A-C.txt")
    broken = text.replace("paragraph 1 above", "paragraph 1 below", 1)
    assert broken != text
    (finding,) = _n_findings(broken, "A-RES-76-247-A-C.txt", "N004")
    assert (
        finding.message == "broken cross-reference “paragraph 1 below”: paragraph 1 is above the reference, not below"
    )


def test_roman_subparagraphs_inside_a_letter(corpus):
    text = _corpus(corpus, "A-RES-77-176.md")
    # Paragraph 12's (b), (c) turned into romans under (a): (i), (iii).
    broken = text.replace("\n(b) ", "\n(i) ", 1).replace("\n(c) ", "\n(iii) ", 1)
    messages = [d.message for d in _n_findings(broken, "A-RES-77-176.md", "N002")]
    assert messages == ["subparagraph (iii) follows (i): expected (ii)", "subparagraph (d) follows (a): expected (b)"]
