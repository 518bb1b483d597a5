"""The rules' shortcuts give what the plain regex searches they replace give.

Each shortcut skips work a search would do for nothing (positions where no
match can start, a second scan of the same text); these pin the edge cases
where skipping could change the answer.
"""

from __future__ import annotations

import random
import re

import pytest

from resolint.rules import footnotes, phrasing

_PIECES = (
    " ",
    "  ",
    "\n",
    "\r\n",
    "\u00a0",
    ",",
    ".",
    "“",
    "”",
    "(",
    ")",
    "_",
    "’",
    "-",
    "1",
    "1961",
    "x",
    "The",
    "the",
    "of",
    "on",
    "only",
    "Convention",
    "Covenant",
    "Declaration",
    "Programme of Action",
    "and",
    "against",
    "report",
    "Secretary-General",
    "of the",
    "Covenant on",
    "Convention on",
    "Declaration on",
    " and Programme of Action",
    "United",
    "Nations",
    "McFramework",
    "O’Neil",
    "x-Y",
    "2030",
    "1961",
    "٣٤٥٦",
    "Ab_c",
    "\t",
    "\u2028",
    "a",
    "an",
    "new",
    "draft",
    "comprehensive",
    "this",
    "our",
    "resolution",
    "Resolutions",
    "esolution",
    "ES-",
    "S-",
    "10",
    "R",
)


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def _ranges(text: str, rng: random.Random) -> list[tuple[int, int]]:
    ranges = [(0, len(text))]
    for _ in range(8):
        start = rng.randint(0, len(text))
        ranges.append((start, rng.randint(start, len(text))))
    return ranges


def test_segment_candidates_are_what_a_scan_of_the_segment_finds():
    rng = random.Random(1)
    for text in _texts(600, 2) + [
        "the Covenant only",
        "a Convention one",
        "Convention on_",
        "report of the Secretary-Generally",
    ]:
        everywhere = footnotes._candidates(text, 0, len(text))
        # A segment that ends inside a word: "Covenant on|ly".
        cut = [(0, text.rfind(word) + len(word)) for word in ("on", "General") if word in text]
        for start, end in _ranges(text, rng) + cut:
            if end < start:
                continue
            assert footnotes._segment_candidates(text, start, end, everywhere) == footnotes._candidates(
                text, start, end
            ), (text, start, end)


def test_matches_from_the_literal_are_what_finditer_finds():
    rng = random.Random(3)
    texts = _texts(600, 4) + [
        "Convention on Convention against",
        "report of the Secretary-General report  of\nthe Secretary-Generals",
    ]
    for text in texts:
        for start, end in _ranges(text, rng):
            for anchored in (*footnotes._INSTRUMENT, footnotes._REPORT):
                pattern = anchored[1]
                expected = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
                assert list(footnotes._matches(anchored, text, start, end)) == expected, (text, start, end)


def test_names_resolution_is_the_regex_search():
    rng = random.Random(5)
    texts = _texts(600, 6) + ["Rresolution 1", "xresolution 1", "resolution 1", " Resolutions ES-1", "_resolution S-2"]
    for text in texts:
        for start, end in _ranges(text, rng) + [(1, len(text)), (0, len(text) - 1)]:
            expected = footnotes._RESOLUTION.search(text, start, end) is not None
            assert footnotes._names_resolution(text, start, end) == expected, (text, start, end)


@pytest.mark.parametrize(
    "before",
    [
        "a ",
        "an  ",
        " a\n",
        "xa ",
        "la comprehensive ",
        "comprehensive\n\n",
        "this",
        "",
        " ",
        "new\u00a0",
        "a draft ",
        "_new ",
        "our\n ",
    ],
)
def test_after_lower_word_is_the_regex_search(before):
    assert footnotes._after_lower_word(before) == (footnotes._LOWER_BEFORE.search(before) is not None)


def test_after_lower_word_on_random_text():
    for text in _texts(2000, 7):
        assert footnotes._after_lower_word(text) == (footnotes._LOWER_BEFORE.search(text) is not None), text


# The look-back _word_before replaced: a capitalized word or a year, and spaces.
_WORD_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*|\d{4})\s+$")


def test_word_before_is_the_regex_search():
    rng = random.Random(8)
    texts = _texts(1500, 9) + [
        "Framework Convention",
        "aBc Convention",
        "x1961 Convention",
        "12345 X",
        "1961\n\nConvention",
        "Ünited Nations X",
    ]
    for text in texts:
        for offset in {rng.randint(0, len(text)) for _ in range(6)} | {len(text), text.rfind(" ") + 1}:
            m = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
            expected = m.start() if m and m.end() == offset else None
            assert footnotes._word_before(text, offset) == expected, (text, offset)


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
