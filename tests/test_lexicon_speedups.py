"""The opener matcher's fast reading of the run gives what the readable pattern gives.

``match_opener`` reads the run of words at the start of a paragraph in two
steps (the first word, then up to eleven more), with possessive quantifiers,
and with ASCII classes when the text is ASCII.  ``_REFERENCE_RUN`` in
resolint/lexicon.py is the readable form; both are compared on hand-picked
edge cases and on random strings of the characters that matter.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint import lexicon

PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x85",
    "\u00a0",
    "\u2028",
    "\u3000",
    "-",
    "--",
    "\u2010",
    "\u2011",
    "\u2013",
    ",",
    ".",
    ":",
    "'",
    "_",
    "1",
    "\u0663",  # ARABIC-INDIC DIGIT THREE: a decimal digit
    "\u00b2",  # SUPERSCRIPT TWO: a digit, not decimal
    "\u00bd",  # VULGAR FRACTION ONE HALF: numeric
    "\u216b",  # ROMAN NUMERAL TWELVE: a letter number
    "\u0301",  # COMBINING ACUTE ACCENT: a mark
    "\u00e9",
    "\u0130",
    "a",
    "Z",
    "Also",
    "recalling",
    "Secretary-General",
    "re-emphasizes",
    "strongly",
]


def fast_run(text: str) -> str | None:
    """The run as ``match_opener`` reads it (its first word, then the others)."""
    is_ascii = text.isascii()
    first_word = (lexicon._ASCII_FIRST_WORD if is_ascii else lexicon._FIRST_WORD).match(text)
    if first_word is None:
        return None
    more = (lexicon._ASCII_MORE_WORDS if is_ascii else lexicon._MORE_WORDS).match(text, first_word.end())
    return text[: more.end()]


def reference_run(text: str) -> str | None:
    m = lexicon._REFERENCE_RUN.match(text)
    return None if m is None else m.group()


def test_ascii_classes_are_the_unicode_classes_on_ascii():
    for code in range(128):
        ch = chr(code)
        assert bool(re.fullmatch(r"[a-zA-Z]", ch)) == bool(re.fullmatch(r"[^\W\d_]", ch)), repr(ch)
        assert bool(re.fullmatch(lexicon._ASCII_SPACES, ch)) == bool(re.fullmatch(r"\s", ch)), repr(ch)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@example("Recalling its resolution 70/1")
@example("Also, in this regard, calls upon")
@example("Re-emphasizes  the\tneed\nto a b c d e f g h i j k l m")
@example("a b c d e f g h i j k l m n o")
@example("Secretary--General -a b- c")
@example("Notes\x1cthat\x85the\u00a0end")
@example("\u00bd\u00b2a_b")
def test_fast_run_is_the_reference_run(text):
    assert fast_run(text) == reference_run(text)
