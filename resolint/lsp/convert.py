"""Offsets ↔ LSP positions (UTF-16 code units) and resolint findings ↔ LSP types.

Every range the server sends is computed here from character offsets through
:class:`resolint.source.Source`, so the columns are UTF-16 code units and the
line ends are exactly ``\\n``, ``\\r\\n`` and ``\\r``.
"""

from __future__ import annotations

from lsprotocol import types as lsp

from ..diagnostics import Diagnostic, Edit, Fix, Severity
from ..source import Source

SOURCE_NAME = "resolint"

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
    Severity.HINT: lsp.DiagnosticSeverity.Hint,
}


def position(source: Source, offset: int) -> lsp.Position:
    line, character = source.utf16_position(offset)
    return lsp.Position(line=line, character=character)


def range_of(source: Source, start: int, end: int) -> lsp.Range:
    return lsp.Range(start=position(source, start), end=position(source, end))


def offset(source: Source, pos: lsp.Position) -> int:
    """The offset of an LSP position; out-of-range lines and columns are clamped."""
    return source.offset_of_utf16(pos.line, pos.character)


def offsets(source: Source, rng: lsp.Range) -> tuple[int, int]:
    start, end = offset(source, rng.start), offset(source, rng.end)
    return (start, end) if start <= end else (end, start)


def text_edit(source: Source, edit: Edit) -> lsp.TextEdit:
    return lsp.TextEdit(range=range_of(source, edit.start, edit.end), new_text=edit.new_text)


def fix_data(source: Source, fix: Fix) -> dict:
    return {
        "message": fix.message,
        "applicability": fix.applicability,
        "edits": [
            {
                "range": {
                    "start": {"line": r.start.line, "character": r.start.character},
                    "end": {"line": r.end.line, "character": r.end.character},
                },
                "newText": e.new_text,
            }
            for e in fix.edits
            for r in (range_of(source, e.start, e.end),)
        ],
    }


def to_lsp(source: Source, diagnostic: Diagnostic, uri: str | None = None) -> lsp.Diagnostic:
    """One finding as an LSP diagnostic: code, source, the fix and the rule docs in ``data``.

    No ``codeDescription``: its ``href`` must be a URI an editor can open, and
    resolint has no documentation website.  The rule's full documentation
    travels in ``data["rule"]["docs"]`` and a hover on the finding shows it.
    """
    from ..rules import all_rules

    rule = all_rules().get(diagnostic.code)
    data: dict = {"fix": fix_data(source, diagnostic.fix) if diagnostic.fix is not None else None}
    if rule is not None:
        data["rule"] = {"name": rule.name, "summary": rule.summary, "docs": rule.doc}
    related = None
    if uri is not None and diagnostic.related:
        related = [
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(uri=uri, range=range_of(source, start, end)), message=note
            )
            for start, end, note in diagnostic.related
        ]
    return lsp.Diagnostic(
        range=range_of(source, diagnostic.start, diagnostic.end),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE_NAME,
        related_information=related,
        data=data,
    )
