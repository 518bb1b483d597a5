"""The configuration options of the command line, as the keys of the configuration file.

``resolint check --select N --severity S001=error`` becomes
``{"select": ["N"], "severity": {"S001": "error"}}``, which
:func:`resolint.config.check_overrides` then checks as it checks the editor's
settings: the command line and the language server share one merge,
:func:`resolint.config.effective_settings` (defaults ← configuration file ←
these options).
"""

from __future__ import annotations

import argparse

from ..config import ConfigError

LIST_OPTIONS = ("select", "ignore", "extend_select", "exclude", "preambular_openers", "operative_openers")


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def cli_overrides(args: argparse.Namespace) -> dict:
    """The configuration options given on the command line, with the names of the file keys
    (checked by ``config.check_overrides`` as the editor's settings are)."""
    overrides: dict = {}
    for key in LIST_OPTIONS:
        values = _split(getattr(args, key, None))
        if getattr(args, key, None):
            if key == "select" and not values:
                # An empty shell variable must not turn the linter off without a word.
                raise ConfigError("command line: --select is empty: give codes or families (e.g. N,F001), or ALL")
            overrides[key] = values
    if args.per_file_ignores:
        overrides["per_file_ignores"] = _per_file_ignores(args.per_file_ignores)
    if args.severity:
        overrides["severity"] = _severities(args.severity)
    if getattr(args, "fail_on", None):
        overrides["fail_on"] = args.fail_on
    if getattr(args, "rules", None):
        from ..config import rule_options_from_command_line

        overrides["rules"] = rule_options_from_command_line(args.rules)
    return overrides


def _per_file_ignores(items: list[str]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for item in items:
        glob, sep, codes = item.rpartition(":")
        if not sep or not glob:
            raise ConfigError(
                f"command line: --per-file-ignores {item!r}: expected GLOB:CODES, e.g. 'drafts/*.md:S003,F'"
            )
        table.setdefault(glob, []).extend(_split([codes]))
    return table


def _severities(items: list[str]) -> dict[str, str]:
    table = {}
    for item in _split(items):
        code, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"command line: --severity {item!r}: expected CODE=LEVEL, e.g. S001=error")
        table[code.strip().upper()] = level.strip()
    return table
