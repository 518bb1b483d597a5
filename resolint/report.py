"""Findings as reporters see them: positions resolved, ready for any output format.

Positions: 1-based line and 1-based column in Unicode code points, end
exclusive (``../shared/spec/output.md``).  A :class:`FileResult` is what a
worker process sends back for one file: plain values only (cheap to pickle),
so the formats in :mod:`resolint.formats` never see a document model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Severity
from .outline import paragraph_label
from .source import Source


@dataclass(slots=True)
class Finding:
    code: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: dict | None = None
    name: str = ""  # the rule's name, e.g. "unrecognised-block"
    source_line: str = ""  # the text of the first line of the span (for the full format)
    paragraph: str | None = None  # how drafters name its paragraph: "PP 4", "OP 12 (c)" (None outside them)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix["applicability"] == "safe"

    def as_json(self, path: str) -> dict:
        return {
            "path": path,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix,
            "paragraph": self.paragraph,
        }


@dataclass(slots=True)
class FileResult:
    """One input's outcome: its findings, or the one-line reason it could not be checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    checked: bool = True
    error: str | None = None
    fixed: list[Finding] = field(default_factory=list)  # what --fix changed (positions before each change)
    diff: str | None = None  # --diff: the unified diff of the fixes
    fail_on: str = "warning"  # this file's configured failure level
    notes: list[str] = field(
        default_factory=list
    )  # said on standard error at any verbosity ("wrote draft.resolint.docx …")


def position(source: Source, offset: int) -> tuple[int, int]:
    line, column = source.position(offset)
    return line + 1, column + 1


def fix_dict(source: Source, d: Diagnostic) -> dict | None:
    if d.fix is None:
        return None
    edits = []
    for edit in d.fix.edits:
        el, ec = position(source, edit.start)
        eel, eec = position(source, edit.end)
        edits.append({"line": el, "column": ec, "end_line": eel, "end_column": eec, "text": edit.new_text})
    return {"message": d.fix.message, "applicability": d.fix.applicability, "edits": edits}


def to_finding(
    source: Source, d: Diagnostic, names: dict[str, str] | None = None, with_line: bool = False, document=None
) -> Finding:
    """A finding for the reporters; with the ``document`` it stands in, the paragraph it names."""
    line, column = position(source, d.start)
    end_line, end_column = position(source, d.end)
    return Finding(
        d.code,
        str(d.severity),
        d.message,
        line,
        column,
        end_line,
        end_column,
        fix_dict(source, d),
        (names or {}).get(d.code, ""),
        source.line_text(line - 1) if with_line else "",
        paragraph_label(document, d.start) if document is not None else None,
    )


_SEVERITY_WORDS = (
    (Severity.ERROR, "error", "errors"),
    (Severity.WARNING, "warning", "warnings"),
    (Severity.INFO, "info", "info"),
    (Severity.HINT, "hint", "hints"),
)


def summary_line(results: list[FileResult], fixing: bool = False) -> str:
    """ "Found 3 findings (1 error, 2 warnings) in 2 files." and what --fix can do."""
    counts = {str(s): 0 for s in Severity}
    fixable = fixed = 0
    for r in results:
        fixed += len(r.fixed)
        for f in r.findings:
            counts[f.severity] += 1
            fixable += f.fixable
    files = sum(1 for r in results if r.checked)
    total = sum(counts.values())
    noun = "file" if files == 1 else "files"
    fixed_note = f"Fixed {fixed} finding{'s' if fixed != 1 else ''}. " if fixing and fixed else ""
    if not total:
        return f"{fixed_note}All checks passed ({files} {noun} checked)."
    parts = [
        f"{counts[str(s)]} {one if counts[str(s)] == 1 else many}" for s, one, many in _SEVERITY_WORDS if counts[str(s)]
    ]
    line = f"{fixed_note}Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {noun}."
    if fixable and not fixing:
        line += f" {fixable} fixable with --fix."
    return line
