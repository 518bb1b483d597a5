"""``sarif``: SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

GitHub requires ``tool.driver.rules`` (id, short description, help), and
results with ``ruleId``, ``level``, ``message.text`` and a physical location:
a relative ``artifactLocation.uri`` and a ``region``.  Columns are Unicode
code points (``columnKind``), as in every other format of resolint; fixes
become SARIF ``fixes`` with their replacements.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note", "hint": "note"}


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI with forward slashes (relative to the working folder)."""
    if path == "-":
        return "stdin"
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = path
    return quote(Path(rel).as_posix(), safe="/-._~")


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _rule_descriptor(rule) -> dict:
    doc = rule.doc
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": f"resolint rule {rule.code}\n\n{doc}", "markdown": doc},
        "defaultConfiguration": {"level": _LEVEL[str(rule.severity)]},
        "properties": {"fixable": rule.fixable, "tags": ["resolution", "drafting"]},
    }


def _location(uri: str, f) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
            "region": _region(f.line, f.column, f.end_line, f.end_column),
        }
    }


def _fix(uri: str, fix: dict) -> dict:
    """A resolint fix as a SARIF ``fix``: its edits become replacements."""
    replacements = [
        {
            "deletedRegion": _region(e["line"], e["column"], e["end_line"], e["end_column"]),
            "insertedContent": {"text": e["text"]},
        }
        for e in fix["edits"]
    ]
    return {
        "description": {"text": f"{fix['message']} ({fix['applicability']})"},
        "artifactChanges": [{"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "replacements": replacements}],
    }


def _result(uri: str, f, index: dict[str, int]) -> dict:
    item = {
        "ruleId": f.code,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(uri, f)],
    }
    if f.code in index:
        item["ruleIndex"] = index[f.code]
    if f.fix is not None:
        item["fixes"] = [_fix(uri, f.fix)]
    return item


def write(results, out: TextIO, options) -> None:
    from ..rules import all_rules

    rules = all_rules()
    index = {code: i for i, code in enumerate(rules)}
    driver = {
        "name": "resolint",
        "version": options.version,
        "semanticVersion": options.version,
        "rules": [_rule_descriptor(rule) for rule in rules.values()],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(artifact_uri(r.path), f, index) for r in results for f in r.findings],
        "invocations": [
            {
                "executionSuccessful": not options.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": message}} for message in options.errors
                ],
            }
        ],
    }
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, out, ensure_ascii=False, indent=2)
    out.write("\n")
