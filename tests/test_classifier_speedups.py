"""The block classifier's fast paths give what the formulations they replaced gave.

``match_opener`` reads its run of words in two steps (the first word, then
up to nine more) so that it can turn a paragraph away on its first word; the
classifier takes the first line of a block without splitting off the rest.
Each is checked here against the straightforward formulation, on edge cases
and on random strings of the pieces that matter.
"""

from __future__ import annotations

import random
import re

import pytest

from resolint import lexicon
from resolint.readers import blocks

# The one pattern match_opener used to read its run of words with.
_RUN = re.compile(rf"{lexicon._WORD}(?:\s+{lexicon._WORD}){{0,9}}")

_PIECES = (
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
    "Σ",
    "İ",
    "ʰ",
    "x",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u2003",
    "-",
    "\u2010",
    "\u2011",
    ",",
    ":",
    ".",
    "1",
    "_",
    "é",
    "ς",
    "Having",
    "considered",
    "Also",
    "Further",
)


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        texts.append(text[:1].upper() + text[1:] if rng.random() < 0.7 else text)
    return texts


def _two_step_run(text: str) -> int | None:
    first = lexicon._FIRST_WORD.match(text)
    return None if first is None else lexicon._MORE_WORDS.match(text, first.end()).end()


@pytest.mark.parametrize("text", _random_texts(1, 3000) + ["", "Recalling", "Recalling  also,", "Re-call\u2010ing x"])
def test_the_run_read_in_two_steps_ends_where_the_one_pattern_ends(text):
    run = _RUN.match(text)
    assert _two_step_run(text) == (None if run is None else run.end())


@pytest.mark.parametrize("text", _random_texts(2, 3000))
def test_the_first_word_lower_cased_alone_is_the_first_word_of_the_lower_cased_run(text):
    run = _RUN.match(text)
    if run is not None:
        assert lexicon._FIRST_WORD.match(text).group().lower() == run.group().lower().split()[0]


@pytest.mark.parametrize(
    "text",
    ["", "a", "\n", "a\nb", "  a  \n b", "a \r\nb\nc", "x\u2003\n\u2003y"] + _random_texts(3, 500),
)
def test_first_line_is_the_stripped_first_of_the_split_lines(text):
    stripped = text.strip()
    assert blocks._first_line(stripped) == stripped.split("\n", 1)[0].strip()


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
