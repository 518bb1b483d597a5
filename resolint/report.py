"""Reporters: the only module that turns findings into text for a terminal or a program.

Positions: 1-based line and 1-based column in Unicode code points, end
exclusive (``../shared/spec/output.md``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, TextIO

from .diagnostics import Diagnostic, Severity
from .source import Source


@dataclass(slots=True)
class FileReport:
    path: str
    source: Source
    diagnostics: list[Diagnostic]


def position(source: Source, offset: int) -> tuple[int, int]:
    line, column = source.position(offset)
    return line + 1, column + 1


def finding_dict(report: FileReport, d: Diagnostic) -> dict:
    line, column = position(report.source, d.start)
    end_line, end_column = position(report.source, d.end)
    fix = None
    if d.fix is not None:
        edits = []
        for edit in d.fix.edits:
            el, ec = position(report.source, edit.start)
            eel, eec = position(report.source, edit.end)
            edits.append({"line": el, "column": ec, "end_line": eel, "end_column": eec, "text": edit.new_text})
        fix = {"message": d.fix.message, "applicability": d.fix.applicability, "edits": edits}
    return {
        "path": report.path, "code": d.code, "severity": str(d.severity), "message": d.message,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column, "fix": fix,
    }


def write_json(reports: Iterable[FileReport], out: TextIO) -> None:
    items = [finding_dict(r, d) for r in reports for d in r.diagnostics]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_concise(reports: Iterable[FileReport], out: TextIO) -> None:
    for report in reports:
        for d in report.diagnostics:
            line, column = position(report.source, d.start)
            out.write(f"{report.path}:{line}:{column}: {d.code} {d.message}\n")


def summary(reports: list[FileReport], files_checked: int) -> str:
    counts = {s: 0 for s in Severity}
    for r in reports:
        for d in r.diagnostics:
            counts[d.severity] += 1
    total = sum(counts.values())
    noun = "file" if files_checked == 1 else "files"
    if not total:
        return f"All checks passed ({files_checked} {noun} checked)."
    parts = [f"{counts[s]} {name}" for s, name in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings"), (Severity.INFO, "info"), (Severity.HINT, "hints")) if counts[s]]
    finding_word = "finding" if total == 1 else "findings"
    return f"Found {total} {finding_word} ({', '.join(parts)}) in {files_checked} {noun}."
