"""The inline scans' fast paths give what the plain regex scans gave.

Citation keywords, Council names and month names are found with str.find and
checked around; a body is looked for before a keyword only when the window
can end with one; a paragraph's spaces are collapsed without splitting it
into words when spaces are its only whitespace.  Each is checked here against
the straightforward formulation it replaced, on edge cases and on random
strings of the pieces that matter.
"""

from __future__ import annotations

import random
import re

import pytest

from resolint import citations, dates, parser

# The straightforward formulations: one pattern stepped through every character.
_KEYWORD = re.compile(r"\b([Rr]esolutions?|[Dd]ecisions?)\b")
_COUNCIL_NAME = re.compile(
    r"\b(Economic and Social Council|Security Council|Human Rights Council|Trusteeship Council)\b"
)

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


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25))) for _ in range(count)]


CASES = EDGE_CASES + _random_texts(3000, 11)


@pytest.mark.parametrize("end_cut", [0, 3])
def test_keywords_are_the_whole_words_the_regex_found(end_cut):
    for text in CASES:
        end = max(0, len(text) - end_cut)
        expected = [(m.start(), m.end(), m.group()) for m in _KEYWORD.finditer(text, 0, end)]
        assert citations._keywords(text, end) == expected, text


def test_council_names_are_the_whole_names_the_regex_found():
    for text in CASES:
        expected = [(m.start(), m.group(1)) for m in _COUNCIL_NAME.finditer(text)]
        assert citations._council_names(text) == expected, text


def test_month_anchors_are_the_months_the_regex_found():
    for text in CASES:
        for start, end in ((0, len(text)), (1, max(1, len(text) - 2))):
            expected = [(m.start(), m.end()) for m in dates._ANCHOR.finditer(text, start, end)]
            assert dates._month_anchors(text, start, end) == expected, text


def test_the_body_search_finds_what_a_search_of_the_whole_window_found():
    names = [
        "United Nations Environment Assembly",
        "World Health Assembly",
        "Economic and Social Council",
        "Conference of the Parties",
        "Commission on the Status of Women",
        "Statistical Commission",
    ]
    rng = random.Random(7)
    windows = CASES + [w + " " for w in CASES]
    windows += [
        rng.choice(CASES) + " " + rng.choice(names) + rng.choice(["", "'s"]) + rng.choice([" ", "  draft ", "\u00a0"])
        for _ in range(2000)
    ]
    for window in windows:
        window = window[-120:]
        expected = citations._BODY_BEFORE.search(window)
        start = citations._body_search_start(window)
        if expected is None:
            assert start is None or citations._BODY_BEFORE.search(window, start) is None, window
        else:
            assert start is not None, window
            assert citations._BODY_BEFORE.search(window, start).group(1) == expected.group(1), window


def test_single_spacing_equals_split_and_join():
    pieces = [" ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "a", "é", "“", "word"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert parser._single_spaced(text) == " ".join(text.split()), repr(text)


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
