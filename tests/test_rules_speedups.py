"""The rules' shortcuts give what the plain regex searches they replace give.

Each shortcut skips work a search would do for nothing (positions where no
match can start, a second scan of the same text); these pin the edge cases
where skipping could change the answer.
"""

from __future__ import annotations

import difflib
import random

import pytest

from resolint.rules import footnotes, phrasing

_PIECES = (
    " ", "  ", "\n", "\r\n", "\u00a0", ",", ".", "“", "”", "(", ")", "_", "’", "-", "1", "1961", "x",
    "The", "the", "of", "on", "only",
    "Convention", "Covenant", "Declaration", "Programme of Action", "and", "against", "report",
    "Secretary-General", "of the", "Covenant on", "Convention on", "Declaration on", " and Programme of Action",
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
    for text in _texts(600, 2) + ["the Covenant only", "a Convention one", "Convention on_", "report of the Secretary-Generally"]:
        everywhere = footnotes._candidates(text, 0, len(text))
        # A segment that ends inside a word: "Covenant on|ly".
        cut = [(0, text.rfind(word) + len(word)) for word in ("on", "General") if word in text]
        for start, end in _ranges(text, rng) + cut:
            if end < start:
                continue
            assert footnotes._segment_candidates(text, start, end, everywhere) == footnotes._candidates(text, start, end), (text, start, end)


def test_matches_from_the_literal_are_what_finditer_finds():
    rng = random.Random(3)
    texts = _texts(600, 4) + ["Convention on Convention against", "report of the Secretary-General report  of\nthe Secretary-Generals"]
    for text in texts:
        for start, end in _ranges(text, rng):
            for anchored in (*footnotes._INSTRUMENT, footnotes._REPORT):
                pattern = anchored[1]
                expected = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
                assert list(footnotes._matches(anchored, text, start, end)) == expected, (text, start, end)


@pytest.mark.parametrize("word", ["also", "aslo", "alsso", "furhter", "futher", "farther", "further", "the", "its", "that", "fruther", "alos", "als"])
def test_adverb_meant_is_the_fuzzy_match(word):
    close = difflib.get_close_matches(word, ("also", "further"), n=1, cutoff=0.75)
    expected = None if not close or word == "farther" else close[0]
    assert phrasing._adverb_meant(word) == expected
