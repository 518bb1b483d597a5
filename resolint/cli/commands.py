"""The small commands: ``outline``, ``convert``, ``rules``, ``rule`` and ``lsp``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .files import InputError, decode, read_document
from .status import EXIT_ERROR, EXIT_OK


def cmd_outline(args: argparse.Namespace) -> int:
    from ..outline import outline
    from ..parser import parse

    status = EXIT_OK
    for raw in args.paths:
        try:
            text = decode(sys.stdin.buffer.read(), "-") if raw == "-" else read_document(Path(raw))
        except InputError as error:
            print(f"resolint: {error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        # The format: --format-in, else the parser's detector (by the file name, else sniffed).
        sys.stdout.write(outline(parse(text, args.format_in, raw)))
    return status


def cmd_convert(args: argparse.Namespace) -> int:
    from ..word import DocxError
    from .word import convert_word

    try:
        text = convert_word(args.path, args.to, args.revisions)
    except (DocxError, InputError) as error:
        print(f"resolint: {error}", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(text)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from ..rules import all_rules

    rules = all_rules().values()
    if args.format == "json":
        rows = [
            {"code": r.code, "name": r.name, "summary": r.summary, "severity": str(r.severity), "fixable": r.fixable}
            for r in rules
        ]
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for r in rules:
            fix = "fix" if r.fixable else "   "
            print(f"{r.code}  {r.name:<32} {str(r.severity):<8} {fix}  {r.summary}")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from ..rules import all_rules, rule_help

    rules = all_rules()
    rule = rules.get(args.code.upper()) or next((r for r in rules.values() if r.name == args.code.lower()), None)
    if rule is None:
        print(f"resolint: unknown rule code or name {args.code!r}; `resolint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    print(rule_help(rule))
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    try:
        from ..lsp.server import run
    except ImportError as error:  # pragma: no cover - depends on the installation
        print(f"resolint: the language server needs pygls: {error}", file=sys.stderr)
        return EXIT_ERROR
    return run(tcp=args.tcp) or EXIT_OK
