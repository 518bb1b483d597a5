from resolint.source import Source


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
