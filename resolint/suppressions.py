"""Suppression comments in the document.

``<!-- resolint: disable-next-line CODE[,CODE] -->``,
``<!-- resolint: disable CODE -->`` … ``<!-- resolint: enable CODE -->`` and
``<!-- resolint: disable-file -->``.  The same comments work in both
formats: in plain text they are lines of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic
from .model import Document

COMMENT = re.compile(r"<!--\s*resolint:\s*(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->")


@dataclass(slots=True)
class Suppression:
    action: str
    codes: tuple[str, ...]  # empty: every code
    start: int
    end: int
    line: int
    used: bool = False

    def covers(self, code: str) -> bool:
        return not self.codes or any(code == c or (len(c) < 4 and code.startswith(c)) for c in self.codes)


def find_suppressions(doc: Document) -> list[Suppression]:
    text = doc.source.text
    if "resolint:" not in text:
        return []
    found = []
    for m in COMMENT.finditer(text):
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group(2)) if c.strip())
        found.append(Suppression(m.group(1), codes, m.start(), m.end(), doc.source.line_of(m.start())))
    return found


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic], selected=None) -> list[Diagnostic]:
    """Drop suppressed diagnostics; record which suppressions were used."""
    suppressions = find_suppressions(doc)
    doc.suppressions = suppressions
    if not suppressions:
        return diagnostics
    source = doc.source
    kept = []
    for diagnostic in diagnostics:
        line = source.line_of(diagnostic.start)
        if _suppressed(diagnostic.code, line, diagnostic.start, suppressions, source):
            continue
        kept.append(diagnostic)
    return kept


def _next_content_line(source, line: int) -> int:
    """The first non-blank line after ``line`` (a comment may stand alone on its own line)."""
    for candidate in range(line + 1, source.line_count):
        if source.line_text(candidate).strip():
            return candidate
    return line + 1


def _suppressed(code: str, line: int, offset: int, suppressions: list[Suppression], source) -> bool:
    hit = False
    disabled: dict[str, Suppression] = {}
    for s in suppressions:
        if s.action == "disable-file" and s.covers(code):
            s.used = hit = True
        elif s.action == "disable-next-line" and s.covers(code) and _next_content_line(source, s.line) == line:
            s.used = hit = True
        elif s.action == "disable-line" and s.covers(code) and s.line == line:
            s.used = hit = True
        elif s.action == "disable" and s.start <= offset and s.covers(code):
            disabled[s.codes or "*"] = s
        elif s.action == "enable" and s.start <= offset:
            for key in list(disabled):
                if not s.codes or key == "*" or any(k in s.codes for k in (key if isinstance(key, tuple) else (key,))):
                    disabled.pop(key, None)
    for s in disabled.values():
        s.used = hit = True
    return hit
