"""``github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::warning file=drafts/a.md,line=12,col=3,endLine=12,endColumn=9,title=P001 (opener-not-italic)::message``
"""

from __future__ import annotations

from typing import TextIO

_LEVEL = {"error": "error", "warning": "warning", "info": "notice", "hint": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write(results, out: TextIO, options) -> None:
    for r in results:
        for f in r.findings:
            title = f"{f.code} ({f.name})" if f.name else f.code
            props = (
                f"file={_property(r.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_property(title)}"
            )
            out.write(f"::{_LEVEL[f.severity]} {props}::{_data(f.message)}\n")
    paths = options.error_paths or {}
    for message in options.errors:
        where = f"file={_property(paths[message])}," if message in paths else ""
        out.write(f"::error {where}title=resolint::{_data(message)}\n")
