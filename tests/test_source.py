"""Offsets, lines and columns of a text; the word-character test of the str.find scans."""

import re
import sys

from resolint.source import Source, is_word_char


def test_line_ends_are_lf_crlf_and_cr_only():
    s = Source("a\u2028b\x85c\x0cd\r\ne\rf\ng")
    assert s.line_count == 4
    assert s.line_text(0) == "a\u2028b\x85c\x0cd"
    assert [s.line_text(i) for i in (1, 2, 3)] == ["e", "f", "g"]


def test_utf16_columns_round_trip():
    text = "“Quoted” 😀 text é\nsecond"
    s = Source(text)
    offset = text.index("text")
    line, col16 = s.utf16_position(offset)
    assert (line, col16) == (0, len("“Quoted” ") + 2 + 1)
    assert s.offset_of_utf16(line, col16) == offset
    assert s.position(offset) == (0, offset)
    # A column inside a surrogate pair or past the end is clamped.
    assert s.offset_of_utf16(0, 10_000) == text.index("\n")
    assert s.offset_of_utf16(99, 0) == len(text)


def test_is_word_char_is_what_the_regex_engine_calls_a_word_character():
    # Every code point: the str.find scans that use it check word boundaries as \b would.
    word = re.compile(r"\w")
    differ = [hex(c) for c in range(sys.maxunicode + 1) if is_word_char(chr(c)) != bool(word.match(chr(c)))]
    assert not differ, differ[:20]
