"""F007's shortcuts give what the plain regex searches beside them give.

Each shortcut (rules/footnotes.py) names the search it stands for in its
docstring; together they save 8% of a corpus pass (callgrind: 901.6M ->
834.8M instructions on the seed folders), so they stay, and these
properties hold them to the plain form on random texts of the pieces that
matter.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.rules import footnotes

_PIECES = (
    " ", "  ", "\n", "a ", "draft ", "new ", "Convention ", "Convention on ", "Convention against ", "the ",
    "Covenant on ", "Declaration on ", "Declaration and Programme of Action", "Programme of Action",
    "report of the Secretary-General", "’s ", "resolution 70/1", "Resolutions 5", "annex to the present resolution",
    "annexed to the present resolution", "United ", "Nations ", "2030 ", "1982 ", "X", "x", "é", ",", ".",
)  # fmt: skip
TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)

_WORD_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*|\d{4})\s+$")


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=200))
@example("the United Nations Convention ", 30)
@example("in 1982 ", 8)
@example("", 0)
def test_word_before_is_the_regex_search_of_its_window(text, offset):
    offset = min(offset, len(text))
    m = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    assert footnotes._word_before(text, offset) == (m.start() if m and m.end() == offset else None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="Aa1’'-. \n\u00a0é", max_size=60), st.integers(min_value=0, max_value=60))
@example("x" * 45 + "Ab1999 ", 52)
def test_word_before_on_any_characters_is_the_regex_search(text, offset):
    offset = min(offset, len(text))
    m = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    assert footnotes._word_before(text, offset) == (m.start() if m and m.end() == offset else None)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("a draft ")
@example("possible")
def test_after_lower_word_is_the_regex_search(before):
    assert footnotes._after_lower_word(before) == (footnotes._LOWER_BEFORE.search(before) is not None)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=20), st.integers(min_value=0, max_value=400))
def test_resolution_and_own_annex_found_from_their_literals_as_by_search(text, start, end):
    end = min(end, len(text))
    start = min(start, end)
    assert footnotes._names_resolution(text, start, end) == (footnotes._RESOLUTION.search(text, start, end) is not None)
    assert footnotes._adopts_annex(text, start, end) == (footnotes._OWN_ANNEX.search(text, start, end) is not None)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("the Convention on the Law of the Sea")
def test_candidates_found_from_literals_are_the_finditer_matches(text):
    literal_first = footnotes._candidates(text, 0, len(text))
    reports = [m.span() for m in footnotes._REPORT[1].finditer(text)]
    instruments = sorted(m.span() for _, pattern in footnotes._INSTRUMENT for m in pattern.finditer(text))
    assert (literal_first.reports, literal_first.keywords) == (reports, instruments)


_NAME_PIECES = (
    "the ", "convention ", "covenant ", "declaration ", "programme of action", "on ", "x", "y ", "accra ",
    "report of the secretary-general on ", "toward ", "towards ", "of 1982", " ", "and ",
)  # fmt: skip
NAMES = st.lists(st.sampled_from(_NAME_PIECES), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(NAMES, NAMES)
@example("the united nations convention on x", "the accra convention on x")
@example("convention on x", "the convention on x")
def test_same_name_with_keyword_tails_is_the_pairwise_search(earlier, key):
    with_tails = footnotes._same_name(earlier, key, footnotes._keyword_tails(earlier), footnotes._keyword_tails(key))
    assert with_tails == footnotes._reference_same_name(earlier, key)
