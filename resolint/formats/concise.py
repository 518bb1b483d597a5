"""``concise`` (alias ``text``): one line per finding, ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import TextIO


def header(path: str, f) -> str:
    return f"{path}:{f.line}:{f.column}: {f.code} {f.message}"


def write(results, out: TextIO, options) -> None:
    for r in results:
        for f in r.findings:
            out.write(header(r.path, f) + "\n")
