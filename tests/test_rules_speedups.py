"""The rules' remaining shortcuts give what the readable forms beside them give.

Issue 13 measured each shortcut in resolint/rules/ on the calls of one corpus
pass: the ones that saved under 1% of the pass (F007's literal searches,
look-backs and reuse of whole-text matches) went back to the plain regex
searches.  What is left:

* N004's cross-references are found from the literal "aragraph"
  (``numbering._cross_reference_matches``) instead of a regex search that
  tries the pattern's leading word boundary at every position: 5 ms instead
  of 152 ms on the corpus (4.5% of a pass).  ``_reference_cross_reference_matches``
  is the readable form; the property below holds them equal.
* P002's fuzzy adverb match is remembered (``functools.lru_cache``).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.rules import numbering, phrasing

# The pieces of a cross-reference and what stands around one, so that random
# texts hit the pattern's edges: a word before "paragraph", a number run into a
# letter, "aragraph" inside a match, ranges, labels, a line break.
_PIECES = (
    " ",
    "\u00a0",
    "\n",
    ",",
    "paragraph",
    "Paragraph",
    "paragraphs",
    "aragraph",
    "xparagraph",
    "Subparagraph",
    "1",
    "12",
    "123",
    "1234",
    "(a)",
    "(iv)",
    " (b)",
    "and",
    "to",
    "–",
    "-",
    "or",
    "above",
    "below",
    "aboveground",
    "of the present resolution",
    "of this resolution",
    "of resolution",
    "of section",
    "of part",
    "A",
    "b",
    "the",
)


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@example("paragraph 5 above")
@example("see paragraphs 3 to 5 and 7 (b) below and paragraph 2 above")
@example("Paragraph 1 of resolution A above, subparagraph 2 above")
@example("xparagraph 5 above paragraph\u00a012\u00a0(a) of the present resolution")
@example("paragraph 5 aboveground; paragraph 6 of part B above")
def test_cross_references_from_the_literal_are_the_regex_search(text):
    assert _spans(numbering._cross_reference_matches(text)) == _spans(
        numbering._reference_cross_reference_matches(text)
    )


def test_the_property_sees_cross_references():
    """The examples above are not all empty: the comparison is of real matches."""
    found = _spans(numbering._cross_reference_matches("see paragraphs 3 to 5 and 7 (b) below"))
    assert [span for span, _ in found] == [(4, 37)]


@pytest.mark.parametrize(
    "word, meant",
    [
        ("also", "also"),
        ("aslo", "also"),
        ("alsso", "also"),
        ("alos", "also"),
        ("als", "also"),
        ("furhter", "further"),
        ("futher", "further"),
        ("fruther", "further"),
        ("further", "further"),
        ("farther", None),
        ("the", None),
        ("its", None),
        ("that", None),
    ],
)
def test_adverb_meant_is_the_fuzzy_match(word, meant):
    assert phrasing._adverb_meant(word) == meant
