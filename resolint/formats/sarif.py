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


def write(results, out: TextIO, options) -> None:
    from ..rules import all_rules

    rules = options.rules or all_rules()
    index = {code: i for i, code in enumerate(rules)}
    sarif_results = []
    for r in results:
        uri = artifact_uri(r.path)
        for f in r.findings:
            item = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                            "region": _region(f.line, f.column, f.end_line, f.end_column),
                        }
                    }
                ],
            }
            if f.code in index:
                item["ruleIndex"] = index[f.code]
            if f.fix is not None:
                item["fixes"] = [
                    {
                        "description": {"text": f"{f.fix['message']} ({f.fix['applicability']})"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                                "replacements": [
                                    {
                                        "deletedRegion": _region(
                                            e["line"], e["column"], e["end_line"], e["end_column"]
                                        ),
                                        "insertedContent": {"text": e["text"]},
                                    }
                                    for e in f.fix["edits"]
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(item)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resolint",
                        "version": options.version,
                        "semanticVersion": options.version,
                        "rules": [_rule_descriptor(rule) for rule in rules.values()],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
                "invocations": [
                    {
                        "executionSuccessful": not options.errors,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": message}} for message in options.errors
                        ],
                    }
                ],
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
