"""The Markdown reader's fast paths give what their readable forms give.

The reader finds markup with str.find at its few start characters and
blanks "*" and "[" with str.replace (183M instead of 2,427M instructions a
corpus pass), and cuts lines with str.split (90M instead of 413M).  Each
fast path is compared, on hand-picked edge cases and on random strings of
the pieces that matter, with the readable form beside it in the module
(``_reference_blank_markup``, ``_reference_lines``).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.readers import markdown

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


TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def with_edge_cases(cases):
    def decorate(test):
        for text in cases:
            test = example(text)(test)
        return settings(max_examples=500, deadline=None)(given(TEXTS)(test))

    return decorate


@with_edge_cases(EDGE_CASES)
def test_markup_is_blanked_as_by_one_regex_scan(text):
    comments_end = markdown._comments_end(text)
    assert markdown._blank_markup(text, comments_end) == markdown._reference_blank_markup(text, comments_end)


@with_edge_cases(
    EDGE_CASES + ["a", "a\n", "a\r\n", "a\r\nb\r\n", "\n\n", "\r\n\r\n", "a\n\r\nb", "a\rb", "a\r\r\nb", "a\r"]
)
def test_lines_are_cut_as_by_the_line_pattern(text):
    assert markdown._lines(text) == markdown._reference_lines(text)


@with_edge_cases(EDGE_CASES + ["1. a", "  #\tb", "    # b", "*1. a", "**Annex**", "<sup>2</sup> x", "--- ", "(iv)\tb"])
def test_a_new_block_is_a_heading_or_a_footnote_as_the_patterns_say(text):
    # _new_block tries each pattern only on a line whose body opens as it must.
    for line in text.splitlines():
        block = markdown._new_block(line, 0, len(line), markdown._item_body(line))
        assert block.heading == bool(markdown._HEADING.match(line) or markdown._BOLD_LINE.match(line))
        assert (block.kind == "FOOTNOTE") == bool(markdown._FOOTNOTE.match(line))
