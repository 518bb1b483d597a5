"""The inline scans' fast paths give what their readable forms give.

Citation keywords, Council names and month names are found with str.find
and checked around; a paragraph's spaces are collapsed without splitting it into words when spaces
are its only whitespace.  Each fast path is compared, on hand-picked edge
cases and on random strings of the pieces that matter, with the readable
form beside it in its module (``_reference_…``).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint import citations, dates, parser

PIECES = [
    " ",
    "  ",
    "\n",
    "\u00a0",
    ",",
    ".",
    "'s",
    "_",
    "x",
    "é",
    "٣",
    "1",
    "s",
    "S",
    "X",
    "resolution",
    "Resolution",
    "resolutions",
    "decision",
    "Decisions",
    "irresolution",
    "esolution",
    "ecision",
    "Council",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "Trusteeship Council",
    "Jan",
    "January",
    "Dec",
    "Dec.",
    "December",
    "May",
    "Sept",
    "September",
    "Mar",
    "March",
    "Marc",
    "14 ",
    "3rd ",
    "2022",
    "General Assembly",
    "Assembly",
    "Commission on ",
    "Commission ",
    "its",
    "their",
    "Board",
    "Parties",
    "draft",
    " draft ",
    "Conference of the Parties",
    "Women",
]
EDGE_CASES = [
    "",
    "resolution",
    "resolutions",
    "resolutionsX",
    "resolution_",
    "_resolution",
    "xresolution",
    "Resolutions,",
    "decisions.",
    "Decisión",
    "resolution\u00a0",
    "Security Council",
    "Security Councils",
    "The Security Council's",
    "XSecurity Council",
    "Council",
    "14 December 2022",
    "December",
    "Decides",
    "Dec",
    "14 Sept. 2020",
    "JanJan",
    "General Assembly resolution",
    "its draft resolution",
    "Council's  draft  resolution",
    "Commission on Women resolution",
]


TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join)


def with_edge_cases(test):
    for text in EDGE_CASES:
        test = example(text)(test)
    return settings(max_examples=500, deadline=None)(given(TEXTS)(test))


@with_edge_cases
def test_keywords_are_the_whole_words_the_regex_finds(text):
    for end in (len(text), max(0, len(text) - 3)):
        assert citations._keywords(text, end) == citations._reference_keywords(text, end)


@with_edge_cases
def test_council_names_are_the_whole_names_the_regex_finds(text):
    assert citations._council_names(text) == citations._reference_council_names(text)


@with_edge_cases
def test_month_anchors_are_the_months_the_regex_finds(text):
    for start, end in ((0, len(text)), (1, max(1, len(text) - 2))):
        assert dates._month_anchors(text, start, end) == dates._reference_month_anchors(text, start, end)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "a", "é", "“", "word"])).map("".join)
)
@example("")
@example("  a  b  ")
@example("a\u00a0 b")
def test_single_spacing_equals_split_and_join(text):
    assert parser._single_spaced(text) == parser._reference_single_spaced(text)


def test_the_parser_resumes_after_a_misplaced_block_with_the_block_kind_lexer():
    # A preambular paragraph after the operative part: recorded, and the parse
    # goes on from the next block (paragraph 2) instead of starting over.
    doc = parser.parse(
        "*The General Assembly,*\n\n*Recalling* its work,\n\n1. *Decides* to act;\n\n"
        "*Noting* the report,\n\n2. *Requests* a report.\n",
        "markdown",
    )
    assert [u.reason for u in doc.unrecognised] == ["out of order: a preambular paragraph after the operative part"]
    assert [(p.kind, p.opener.phrase) for p in doc.paragraphs()] == [
        ("preambular", "Recalling"),
        ("operative", "Decides"),
        ("operative", "Requests"),
    ]
