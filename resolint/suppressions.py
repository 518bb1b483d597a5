"""Suppression comments in the document.

``<!-- resolint: disable-next-line CODE[,CODE] -->``,
``<!-- resolint: disable-line CODE -->`` (on the line it ends),
``<!-- resolint: disable CODE -->`` … ``<!-- resolint: enable CODE -->`` and
``<!-- resolint: disable-file [CODE] -->``.  Without codes a comment covers
every code; a family letter (``F``) covers the family.  The same comments
work in both formats: the readers blank them, so they may stand on a line of
their own or end a heading, a list item or a footnote without changing how
the text around them is read.

Suppressions are matched against findings by line (the line a finding
starts on), which in a resolution is a paragraph, a heading or a footnote.
Each records the codes it actually suppressed, so that S006 can report the
ones that suppress nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Edit, Fix
from .model import Document
from .vocabulary import SUPPRESSION_OPENING

# The code list is bounded: an unclosed comment repeated along a long line
# must not scan to the line's end once per repetition (quadratic).
COMMENT = re.compile(
    SUPPRESSION_OPENING
    + r"[ \t]*(disable-next-line|disable-line|disable-file|disable|enable)\b([^>\r\n]{0,500}?)[ \t]*-->"
)
_CODE_SPLIT = re.compile(r"[,\s]+")


@dataclass(slots=True)
class Suppression:
    action: str
    codes: tuple[str, ...]  # empty: every code
    start: int  # the comment's span in the text
    end: int
    line: int  # 0-based line of the comment
    target_line: int = -1  # disable-next-line / disable-line: the line it covers
    range_end: int = -1  # disable: the offset of the matching enable (or the end of the text)
    used: set[str] = field(default_factory=set)  # codes it suppressed ("*": something, when codes is empty)

    def covers(self, code: str) -> str | None:
        """The selector of this comment that covers ``code`` ("*" for a bare comment), or None."""
        if not self.codes:
            return "*"
        for c in self.codes:
            if code == c or (len(c) < 4 and code.startswith(c)):
                return c
        return None


def find_suppressions(doc: Document) -> list[Suppression]:
    """The suppression comments of ``doc``, with the lines and ranges they cover."""
    text = doc.source.text
    if "resolint:" not in text:
        return []
    source = doc.source
    found: list[Suppression] = []
    for m in COMMENT.finditer(text):
        codes = tuple(c.upper() for c in _CODE_SPLIT.split(m.group(2).strip()) if c)
        found.append(Suppression(m.group(1), codes, m.start(), m.end(), source.line_of(m.start())))
    open_ranges: list[Suppression] = []
    for s in found:
        if s.action == "disable-next-line":
            s.target_line = _next_content_line(source, s.line, s.end)
        elif s.action == "disable-line":
            s.target_line = source.line_of(s.end)
        elif s.action == "disable":
            open_ranges.append(s)
        elif s.action == "enable":
            still_open = []
            for d in open_ranges:
                # A bare enable closes everything; "enable F001" closes the disables that name F001.
                if not s.codes or (d.codes and set(d.codes) <= set(s.codes)):
                    d.range_end = s.start
                else:
                    still_open.append(d)
            open_ranges = still_open
    for d in open_ranges:
        d.range_end = len(text)
    return found


def _next_content_line(source, line: int, comment_end: int) -> int:
    """The first line after the comment with something other than blanks or another comment."""
    for candidate in range(source.line_of(comment_end) + 1, source.line_count):
        content = COMMENT.sub("", source.line_text(candidate)).strip()
        if content:
            return candidate
    return line + 1


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic], selected=None) -> list[Diagnostic]:
    """Drop suppressed diagnostics; record on each suppression what it suppressed."""
    suppressions = find_suppressions(doc)
    doc.suppressions = suppressions
    if not suppressions:
        return diagnostics
    source = doc.source
    kept = []
    for diagnostic in diagnostics:
        if not _suppressed(diagnostic, source.line_of(diagnostic.start), suppressions):
            kept.append(diagnostic)
    return kept


def _suppressed(diagnostic: Diagnostic, line: int, suppressions: list[Suppression]) -> bool:
    hit = False
    code, offset = diagnostic.code, diagnostic.start
    for s in suppressions:
        if s.action == "enable":
            continue
        selector = s.covers(code)
        if selector is None:
            continue
        if (
            s.action == "disable-file"
            or (s.action in ("disable-next-line", "disable-line") and s.target_line == line)
            or (s.action == "disable" and s.end <= offset < s.range_end)
        ):
            s.used.add(selector)
            hit = True
    return hit


def unused_suppressions(doc: Document, selected: Iterable[str] | None = None) -> Iterator[Diagnostic]:
    """Findings (without code) for suppressions that suppressed nothing.

    Run after :func:`apply_suppressions`.  A code that is not selected for
    this file is not reported: its rule did not run, so nobody knows whether
    the comment is still needed.
    """
    from .rules import all_rules

    known = set(all_rules())
    selected = set(selected) if selected is not None else known
    source = doc.source
    for s in doc.suppressions:
        if s.action == "enable":
            continue
        where = _where(s, source)
        if not s.codes:
            if not s.used:
                yield Diagnostic(
                    "",
                    f"unused suppression: {s.action} suppresses no finding {where}",
                    s.start,
                    s.end,
                    fix=_removal(doc, s, ()),
                )
            continue
        unknown = [c for c in s.codes if c not in known and not (len(c) < 4 and any(k.startswith(c) for k in known))]
        unused = [
            c
            for c in s.codes
            if c not in unknown
            and c not in s.used
            and any(k in selected for k in known if k == c or (len(c) < 4 and k.startswith(c)))
        ]
        if not unknown and not unused:
            continue
        keep = tuple(c for c in s.codes if c not in unknown and c not in unused)
        parts = []
        if unknown:
            parts.append(f"unknown rule code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        if unused:
            parts.append(f"no {', '.join(unused)} finding {where}")
        yield Diagnostic("", f"unused suppression: {'; '.join(parts)}", s.start, s.end, fix=_removal(doc, s, keep))


def _where(s: Suppression, source) -> str:
    if s.action == "disable-file":
        return "in the file"
    if s.action in ("disable-next-line", "disable-line"):
        return f"on line {s.target_line + 1}"
    end_line = source.line_of(s.range_end) + 1
    return f"between lines {s.line + 1} and {end_line}"


def _removal(doc: Document, s: Suppression, keep: tuple[str, ...]) -> Fix:
    """Drop the unused codes, or the whole comment (and its line, when it stands alone)."""
    text = doc.source.text
    if keep:
        new = f"<!-- resolint: {s.action} {','.join(keep)} -->"
        return Fix(f"keep only {', '.join(keep)} in the comment", (Edit(s.start, s.end, new),), safe=True)
    source = doc.source
    line = s.line
    line_start = source.line_starts[line]
    line_end = source.line_starts[line + 1] if line + 1 < source.line_count else len(text)
    if (
        text[line_start : s.start].strip() == ""
        and text[s.end : line_end].strip() == ""
        and source.line_of(s.end) == line
    ):
        start, end = line_start, line_end
        # Also drop the blank line that separated the comment from the next block.
        if line + 2 < source.line_count + 1 and line + 1 < source.line_count:
            nxt_start = source.line_starts[line + 1]
            nxt_end = source.line_starts[line + 2] if line + 2 < source.line_count else len(text)
            if (
                text[nxt_start:nxt_end].strip() == ""
                and nxt_end > nxt_start
                and line > 0
                and source.line_text(line - 1).strip() == ""
            ):
                end = nxt_end
        return Fix("remove the unused suppression comment", (Edit(start, end, ""),), safe=True)
    start = s.start
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return Fix("remove the unused suppression comment", (Edit(start, s.end, ""),), safe=True)


def disable_next_line_edit(source, offset: int, code: str):
    """The edit that silences ``code`` on the line of ``offset``: a
    ``<!-- resolint: disable-next-line CODE -->`` line above it, with the
    line's indent and the document's line end (the editor's "disable CODE
    for this line")."""
    from .diagnostics import Edit

    line = source.line_of(offset)
    start = source.line_starts[line]
    text = source.line_text(line)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    head = source.text[:4096]
    eol = "\r\n" if "\r\n" in head else ("\r" if "\r" in head and "\n" not in head else "\n")
    return Edit(start, start, f"{indent}<!-- resolint: disable-next-line {code} -->{eol}")


def codes_in_comments(text: str, start: int, end: int):
    """(code, start, end) of each rule code written in a suppression comment in ``text[start:end]``."""
    for comment in COMMENT.finditer(text, start, end):
        for m in _CODE_IN_COMMENT.finditer(text, comment.start(2), comment.end(2)):
            yield m.group(), m.start(), m.end()


_CODE_IN_COMMENT = re.compile(r"\b[A-Z]\d{3}\b")
