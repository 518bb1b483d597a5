"""The text of a document and its line index.

Every position in resolint is a character offset into the original text.  This
module converts offsets to the two coordinate systems users see:

* the CLI and JSON output: 1-based line, 1-based column in Unicode code points;
* the LSP: 0-based line, 0-based column in UTF-16 code units.

Line ends are ``\\n``, ``\\r\\n`` and ``\\r`` only — the ones editors break lines
at.  ``str.splitlines`` would also break at U+2028, U+0085 and form feed, and
then every column after such a character would disagree with the editor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_LINE_END = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(slots=True)
class Source:
    """A document's text with a lazily built index of line starts."""

    text: str
    path: str = "-"
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]
        return self._line_starts

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_of(self, offset: int) -> int:
        """0-based line holding ``offset`` (an offset at a line end belongs to that line)."""
        return bisect_right(self.line_starts, offset) - 1

    def line_text(self, line: int) -> str:
        """The text of a 0-based line without its line end."""
        starts = self.line_starts
        start = starts[line]
        end = starts[line + 1] if line + 1 < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, code-point column) of ``offset``, clamped to the text."""
        # Hot path (every span of every node): no property or method calls.
        starts = self._line_starts
        if starts is None:
            starts = self.line_starts
        if offset < 0:
            offset = 0
        elif offset > len(self.text):
            offset = len(self.text)
        line = bisect_right(starts, offset) - 1
        return line, offset - starts[line]

    def utf16_position(self, offset: int) -> tuple[int, int]:
        """0-based (line, UTF-16 column) of ``offset`` — what the LSP calls a Position."""
        line, col = self.position(offset)
        start = self.line_starts[line]
        prefix = self.text[start : start + col]
        return line, col + len(_ASTRAL.findall(prefix))

    def offset_of(self, line: int, column: int) -> int:
        """Offset of a 0-based (line, code-point column), clamped to the line."""
        starts = self.line_starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start = starts[line]
        end = start + len(self.line_text(line))
        return max(start, min(start + column, end))

    def offset_of_utf16(self, line: int, utf16_column: int) -> int:
        """Offset of a 0-based (line, UTF-16 column); a column inside a surrogate
        pair or past the line end is clamped, as LSP 3.17 asks."""
        starts = self.line_starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        text = self.line_text(line)
        units = 0
        for index, char in enumerate(text):
            if units >= utf16_column:
                return starts[line] + index
            units += 2 if ord(char) > 0xFFFF else 1
        return starts[line] + len(text)


def is_word_char(char: str) -> bool:
    """Is ``char`` a word character, as ``\\w`` and ``\\b`` of the regex
    engine see it?  For scans that find a word with str.find and then check
    its boundaries."""
    return char.isalnum() or char == "_"
