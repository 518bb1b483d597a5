"""The Markdown reader's fast paths give what the plain regex scans gave.

The reader finds markup with str.find at its few start characters, blanks
"*" and "[" with str.replace, cuts lines with str.split and tries the item
patterns only on lines whose first character can open one.  Each is checked
here against the straightforward formulation it replaced, on edge cases and
on random strings of the pieces that matter.
"""

from __future__ import annotations

import random
import re

import pytest

from resolint.readers import markdown

# The straightforward formulation: one pattern stepped through every character.
_KINDS = (
    r"<sup>[^<\n]{0,40}</sup>",
    r"\]\([^)\s]{0,500}\)",
    r"\*+",
    r"\\(?=[^\w\s])",
    r"^#{1,6}[ \t]",
    r"^>[ \t]?",
    r"\[",
)
_REFERENCE = re.compile(r"<!--.*?-->|" + "|".join(_KINDS), re.M | re.S)
_REFERENCE_NO_COMMENT = re.compile("|".join(_KINDS), re.M)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _reference_blank(text: str) -> str:
    comments_end = markdown._comments_end(text)
    pieces, pos = [], 0
    for pattern, start, end in ((_REFERENCE, 0, comments_end), (_REFERENCE_NO_COMMENT, comments_end, len(text))):
        for m in pattern.finditer(text, start, end):
            pieces += [text[pos : m.start()], re.sub(r"[^\r\n]", " ", m.group())]
            pos = m.end()
    return "".join(pieces) + text[pos:]


def _reference_lines(text: str) -> list[tuple[int, int, str]]:
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group().rstrip("\r\n")
        lines.append((m.start(), m.start() + len(line), line))
    return lines


PIECES = [
    "\n",
    "\r\n",
    "\r",
    " ",
    "   ",
    "    ",
    "\t",
    "#",
    "# ",
    "######",
    "####### ",
    ">",
    "> ",
    "*",
    "**",
    "\\",
    "\\*",
    "\\a",
    "[",
    "]",
    "](",
    ")",
    "](#)",
    "](a-->b)",
    "<sup>",
    "</sup>",
    "<sup>1</sup>",
    "<sup>1-->2</sup>",
    "<sup>1\r</sup>",
    "<!--",
    "-->",
    "<!-->",
    "<!-- * -->",
    "<!-- a\nb -->",
    "1.",
    "1. ",
    "12 ",
    "3rd ",
    "*1. ",
    "(a) ",
    "(iv)\t",
    "---",
    "**Annex**",
    "**Bold**",
    "*Recalling*",
    "٣. ",
    "\u00a0",
    "\u2028",
    "x",
    "Decides",
]
EDGE_CASES = [
    "",
    "#",
    "# a",
    "a\n# b",
    "a\r# b",
    "a # b",
    "####### a",
    "> a",
    "a > b",
    "\\*",
    "\\a",
    "\\",
    "**[x](y)**",
    "<sup>**</sup>",
    "[<sup>1</sup>]",
    "<!--",
    "<!-->",
    "<!-- x --> ](a-->b)",
    "<!-- x --> <sup>1-->2</sup>",
    "<!-- a --> " + "<!--" * 5,
    "*" * 50,
    "[" * 10 + "](" + "*" * 10 + ")",
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(6)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(30))) for _ in range(count)]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_markup_is_blanked_as_by_one_regex_scan(text):
    assert markdown._blank_markup(text, markdown._comments_end(text)) == _reference_blank(text)


def test_markup_in_random_texts_is_blanked_as_by_one_regex_scan():
    for text in _random_texts(3000):
        assert markdown._blank_markup(text, markdown._comments_end(text)) == _reference_blank(text), text


@pytest.mark.parametrize(
    "text", ["", "a", "a\n", "a\nb", "a\r\n", "a\r\nb\r\n", "\n\n", "\r\n\r\n", "a\n\r\nb", "a\rb", "a\r\r\nb", "a\r"]
)
def test_lines_are_cut_as_by_the_line_pattern(text):
    assert markdown._lines(text) == _reference_lines(text)


def test_item_tests_dispatched_on_the_first_character_agree_with_the_patterns():
    lines = [line for text in _random_texts(1000) for _, _, line in markdown._lines(text)]
    for line in lines:
        body = markdown._item_body(line)
        opens = markdown._NEW_ITEM.match(line) or markdown._HEADING.match(line) or markdown._BOLD_LINE.match(line)
        assert markdown._opens_block(line, body) == bool(opens), line
        block = markdown._new_block(line, 0, len(line), body)
        assert block.heading == bool(markdown._HEADING.match(line) or markdown._BOLD_LINE.match(line)), line
        assert (block.kind == "FOOTNOTE") == bool(markdown._FOOTNOTE.match(line)), line
