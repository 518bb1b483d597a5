"""The annex reader's fast paths give what its patterns give.

``resolint/annex.py`` turns most lines away from a label pattern by their
first character (a set test) and finds the few blocks ``prepare`` looks at
without a Python test per block.  These tests check each set of first
characters against its pattern over every code point, the separator and
decimal shortcuts against the patterns alone, and the index scan against a
plain loop.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from resolint import annex
from resolint.kinds import BlockKind
from resolint.readers.blocks import Block

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def _first_characters(pattern: str, flags: int = 0) -> frozenset[str]:
    """Every character the one-character ``pattern`` matches."""
    return frozenset(re.findall(pattern, EVERY_CHARACTER, flags))


def test_label_initials_are_the_patterns_first_characters():
    # The first character of each pattern, as the pattern (and its flags) reads it.
    assert annex.ARTICLE.flags & re.I and annex.DIVISION.flags & re.I
    assert annex._ARTICLE_INITIALS == _first_characters("[DAPGRC]", re.I)
    assert annex._DIVISION_INITIALS == _first_characters("[PCSTB]", re.I)
    assert annex._PREAMBLE_INITIALS == _first_characters("P")
    assert annex._BARE_LABEL_INITIALS == _first_characters(r"\(")
    assert annex._ROMAN_INITIALS == _first_characters("[IVXL]")
    assert annex._LETTER_INITIALS == _first_characters("[A-Z]")
    assert annex._BULLETS == _first_characters(annex.BULLET.pattern[: annex.BULLET.pattern.index("]") + 1])
    assert annex._ROMAN_INITIALS <= annex._LETTER_INITIALS
    # \d is what str.isdecimal says (the guard of _decimal and of a number before a label).
    assert _first_characters(r"\d") == frozenset(c for c in EVERY_CHARACTER if c.isdecimal())


def test_patterns_start_with_their_first_characters():
    assert annex.ARTICLE.pattern.startswith(r"(?:Draft\s+)?(?:Article|Principle|Guideline|Rule|Conclusion)")
    assert annex.DIVISION.pattern.startswith("(Part|Chapter|Section|Title|Book)")
    assert annex.PREAMBLE.pattern.startswith("Preamble")
    assert annex.BARE_LABEL.pattern.startswith(r"\(") and annex.LABEL.pattern.startswith(r"\(")
    assert annex.ROMAN_DIVISION.pattern.startswith("([IVXL]")
    assert annex.LETTER_DIVISION.pattern.startswith("([A-Z]")
    assert annex.DECIMAL.pattern.startswith(r"\d") and annex.NUMBER_BEFORE_LABEL.pattern.startswith(r"(\d")
    assert annex.SEPARATOR.pattern.startswith(r"(?:\\?\*")


LINE_PIECES = ["*", " ", "\\", "\n", "\t", "\u00a0", "\u2003", "1", "1.1", ".", " A", "a", "(", "•", "x"]


@given(st.lists(st.sampled_from(LINE_PIECES), max_size=12), st.integers(0, 3), st.integers(0, 3))
@example(["\n", "*", " ", "*", " ", "*"], 0, 0)
@example(["\u2003", "\\", "*", "\\", "*", "\\", "*"], 0, 0)
def test_separator_is_the_pattern_on_the_first_line(pieces, lead, trail):
    text = "x" * lead + "".join(pieces) + "y" * trail
    block = Block(BlockKind.UNRECOGNISED, lead, len(text) - trail, lead)
    expected = annex.SEPARATOR.match(annex._first_line(text, block)) is not None
    assert annex._separator(text, block) == expected


@given(st.lists(st.sampled_from(LINE_PIECES), max_size=12), st.integers(0, 3))
@example(["1.1", " ", " A"], 0)
@example(["٣", ".", "1", " A"], 0)
def test_decimal_is_the_pattern(pieces, lead):
    plain = "x" * lead + "".join(pieces)
    block = Block(BlockKind.UNRECOGNISED, lead, len(plain), lead)
    m = annex.DECIMAL.match(plain, block.content_start, block.end)
    if m is not None:
        after = annex._skip_space(plain, m.end(), block.end)
        m = m if after < block.end and plain[after].isupper() else None
    found = annex._decimal(plain, block)
    assert (found and found.span()) == (m and m.span())


KINDS = [BlockKind.ANNEX, BlockKind.UNRECOGNISED, BlockKind.HEADING, BlockKind.PLAIN, BlockKind.NUMBERED]


@given(st.lists(st.sampled_from(KINDS), max_size=20), st.integers(0, 22), st.integers(0, 22))
def test_indexes_of_is_a_loop(kinds, start, stop):
    for wanted in (annex._BEFORE_PLENARY, annex._AFTER_PLENARY):
        expected = [i for i in range(start, min(stop, len(kinds))) if kinds[i] in wanted]
        assert annex._indexes_of(kinds, wanted, start, stop) == expected
