"""The block classifier's fast paths give what their readable forms give.

The classifier takes the first line of a block without splitting off the
rest, and tries each block pattern only where the block's first character
allows it.  The first is compared, on hand-picked edge cases and on random
strings of the pieces that matter, with the readable form beside it in the
module (``blocks._reference_first_line``); the gates are checked against the
first characters each pattern can match.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.readers import blocks

_WORDS = (
    "Recalling",
    "also",
    "Deeply",
    "concerned",
    "Takes",
    "note",
    "with",
    "appreciation",
    "Reaffirm",
    "its",
    "commitment",
    "and",
    "We",
    "The",
    "Welcomes",
    "Note",
    "by",
    "in",
    "the",
    "strongest",
    "terms",
    "Having",
    "considered",
    "Also",
    "Further",
    "Σ",
    "İ",
    "ʰ",
    "x",
    "é",
    "ς",
)
_PIECES = _WORDS + (" ", "  ", "\n", "\t", "\u00a0", "\u2003", "-", "\u2010", "\u2011", ",", ":", ".", "1", "_")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# Strings of up to 16 pieces, capitalised or not.
TEXTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join) | st.lists(
    st.sampled_from(_PIECES), max_size=16
).map(lambda pieces: _capitalised("".join(pieces)))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("")
@example("a")
@example("a\nb")
@example("  a  \n b")
@example("a \r\nb\nc")
@example("x\u2003\n\u2003y")
def test_first_line_is_the_stripped_first_of_the_split_lines(text):
    stripped = text.strip()
    assert blocks._first_line(stripped) == blocks._reference_first_line(stripped)


# ---------------------------------------------------------------- first-character gates
# Classifier.classify tries each block pattern only where the block's first
# character allows it.  The gates are written beside the calls; these tests
# read each pattern's possible first characters from the pattern itself, so
# that a new alternative ("Item 5" in AGENDA) cannot be silently gated away.
from re import _constants as sre_constants  # noqa: E402
from re import _parser as sre_parser  # noqa: E402


def _first_characters(pattern: re.Pattern) -> set[str]:
    """The characters a match of ``pattern`` can start with; character
    classes by name ("DIGIT", "SPACE"); "ANY" when it could be anything."""
    return _firsts(sre_parser.parse(pattern.pattern, pattern.flags))


def _firsts(items) -> set[str]:
    c = sre_constants
    found: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            return found | {chr(arg)}
        if op is c.IN:
            for kind, value in arg:
                if kind is c.LITERAL:
                    found.add(chr(value))
                elif kind is c.RANGE:
                    found.update(chr(x) for x in range(value[0], value[1] + 1))
                elif kind is c.CATEGORY:
                    found.add(str(value).rsplit("_", 1)[-1])
                else:
                    return found | {"ANY"}
            return found
        if op is c.BRANCH:
            return found.union(*(_firsts(branch) for branch in arg[1]))
        if op is c.SUBPATTERN:
            inner = _firsts(arg[-1])
            if "" not in inner:
                return found | inner
            found |= inner - {""}
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _, item = arg
            inner = _firsts(item)
            found |= inner - {""}
            if low > 0 and "" not in inner:
                return found
            continue
        if op is c.AT:
            continue  # an anchor reads no character
        return found | {"ANY"}
    return found | {""}  # the rest may match nothing


@pytest.mark.parametrize(
    "pattern, gate",
    [
        (blocks.PLENARY, {"DIGIT"}),
        (blocks.ADOPTED, {"R"}),
        (blocks.ORIGIN, {"[", "o", "w", "SPACE"}),  # the text is stripped: no space comes first
        (blocks.DISTRIBUTION, {"D"}),
        (blocks.AGENDA, {"P", "A", "a"}),
        (blocks.OPENER, {"T"}),
        (blocks.OTHER_ORGAN, {"T"}),
        (blocks.TITLE, {"DIGIT", "E", "S"}),
        (blocks.ORGAN, {"G", "U"}),
        (blocks.SESSION, set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        (blocks.SYMBOL, {"A"}),
        (blocks.ANNEX, {"A"}),
        (blocks.ACTION, {"A", "O"}),
        (blocks.ROMAN_HEADING, set("IVXL")),
        (blocks.NUMBERED, {"DIGIT"}),
        (blocks.NUMBER_MISTYPED, {"DIGIT"}),
        (blocks.LABEL, {"("}),
        (blocks.SUBSECTION, set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        (blocks.TABLE_NOTE, set("abcdefghijklmnopqrstuvwxyz") | {"A"}),
        (blocks.DECIMAL_ITEM, {"DIGIT"}),
        (blocks.SEPARATOR, {"*"}),
    ],
)
def test_each_block_pattern_starts_only_where_its_gate_lets_it(pattern, gate):
    firsts = _first_characters(pattern)
    assert firsts and firsts <= gate
    if pattern.flags & re.IGNORECASE:  # then a letter could start in either case
        assert not any(len(char) == 1 and char.isalpha() for char in firsts)
