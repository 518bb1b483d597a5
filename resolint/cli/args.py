"""The command line's grammar: one table of subcommands, their options, and what they run.

A subcommand is a row of :data:`COMMANDS`: its name, help line, description,
the function that runs it and its options in groups.  Adding one (say
``resolint convert``) is adding a row and its function.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from .. import __version__
from .check import cmd_check
from .commands import cmd_convert, cmd_lsp, cmd_outline, cmd_rule, cmd_rules


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("expected 0 (all CPUs) or more")
    return number


def arg(*flags: str, **options) -> tuple[tuple[str, ...], dict]:
    return flags, options


@dataclass(frozen=True)
class Group:
    title: str | None  # None: the command's own arguments (no heading)
    arguments: tuple
    exclusive: bool = False  # mutually exclusive options


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    description: str
    run: Callable[[argparse.Namespace], int]
    groups: tuple[Group, ...]


REVISIONS = arg(
    "--revisions",
    choices=["accepted", "original"],
    default="accepted",
    help="a Word document's tracked changes: read it as it will be with all of them accepted (default), or as it was before them",
)
FORMAT_IN = arg(
    "--format-in", choices=["markdown", "text"], help="input format (default: by extension; sniffed for stdin)"
)

# fmt: off
CHECK = (
    Group(None, (
        arg("paths", nargs="*", metavar="PATH", help="files or folders (default: the current directory); - for standard input"),
    )),
    Group("output", (
        arg("--format", choices=["full", "concise", "text", "json", "sarif", "github", "junit"], default="full",
            help="output format (default: full; text is concise's old name)"),
        arg("--color", choices=["auto", "always", "never"], default="auto",
            help="colour in the full format (auto: on a terminal, unless NO_COLOR is set)"),
        arg("--statistics", action="store_true", help="count findings per code instead of listing them"),
        arg("-q", "--quiet", action="store_true", help="print findings only: no summary, no progress bar"),
        arg("-v", "--verbose", action="store_true", help="say which files were skipped and why"),
        arg("--exit-zero", action="store_true", help="exit 0 even when findings are reported"),
    )),
    Group("fixes", (
        arg("--fix", action="store_true", help="apply the safe fixes to the files"),
        arg("--unsafe-fixes", action="store_true", help="apply the unsafe fixes too (implies --fix)"),
        arg("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them"),
        arg("--show-fixes", action="store_true", help="list what was fixed"),
        arg("--output", metavar="PATH",
            help="with --fix on one Word document: write its copy with the fixes as tracked changes here "
                 "(default: NAME.resolint.docx beside it; the document itself is never rewritten)"),
    )),
    Group("input", (
        FORMAT_IN,
        REVISIONS,
        arg("--stdin-filename", metavar="NAME", help="the name to report for standard input (its configuration applies)"),
        arg("--force-exclude", action="store_true",
            help="treat named files like files found in a folder: apply exclude, skip non-resolutions (for pre-commit)"),
        arg("-j", "--jobs", type=_jobs, default=0, metavar="N", help="check files on N processes (default: the number of CPUs)"),
    )),
    Group("configuration (the same names as the configuration keys)", (
        arg("--config", metavar="PATH", help="use this configuration file"),
        arg("--isolated", action="store_true", help="ignore all configuration files"),
        arg("--select", action="append", metavar="CODES", help="codes, families or ALL to check (replaces the configured list)"),
        arg("--extend-select", action="append", metavar="CODES", help="codes or families to check in addition"),
        arg("--ignore", action="append", metavar="CODES", help="codes or families not to check"),
        arg("--per-file-ignores", action="append", metavar="GLOB:CODES", help="codes not to check in files matching GLOB (repeatable)"),
        arg("--severity", action="append", metavar="CODE=LEVEL", help="override a rule's severity (error, warning, info, hint)"),
        arg("--rules", action="append", metavar="CODE.OPTION=VALUE", help="set a rule's option (repeatable)"),
        arg("--fail-on", choices=["error", "warning", "info", "hint", "never"], help="lowest severity that makes the exit status 1"),
        arg("--preambular-openers", action="append", metavar="PHRASES", help="extra preambular opening phrases, comma-separated"),
        arg("--operative-openers", action="append", metavar="PHRASES", help="extra operative opening phrases, comma-separated"),
        arg("--exclude", action="append", metavar="GLOBS", help="globs of files not to check when walking folders"),
    )),
)

COMMANDS = (
    Command(
        "check", "check documents and report findings",
        "Check resolutions (Markdown, plain text or Word .docx) and report findings. Exit 0: clean; 1: findings; 2: resolint could not do its job.",
        cmd_check, CHECK,
    ),
    Command(
        "outline", "print the parsed structure of a document",
        "Print the structure the parser read: the kind of document (adopted, draft, fragment), "
        "header, title, preamble, operative paragraphs, footnotes and plenary line, with line numbers.",
        cmd_outline,
        (Group(None, (arg("paths", nargs="+", metavar="FILE", help="files to read; - for standard input"), FORMAT_IN)),),
    ),
    Command(
        "convert", "print the text resolint reads from a Word document",
        "Print the Markdown (or plain text) resolint reads from a Word document (.docx): italics, "
        "paragraph numbers as Word displays them, footnotes at the end; so a drafter can go on in an "
        "editor with the language server.",
        cmd_convert,
        (Group(None, (
            arg("path", metavar="FILE", help="a Word document (.docx)"),
            arg("--to", choices=["markdown", "text"], default="markdown", help="markdown (default) or text"),
            REVISIONS,
        )),),
    ),
    Command(
        "rules", "list every rule",
        "List every rule: code, name, default severity, whether it has a fix, and a one-line summary.",
        cmd_rules,
        (Group(None, (arg("--format", choices=["text", "json"], default="text", help="text (default) or JSON"),)),),
    ),
    Command(
        "rule", "explain one rule",
        "Explain one rule: what it does, why it matters, an example and the fix.",
        cmd_rule,
        (Group(None, (arg("code", metavar="CODE", help="a rule code (F001) or name (missing-footnote)"),)),),
    ),
    Command(
        "lsp", "run the language server (stdio)",
        "Run the language server for editors: diagnostics, quick fixes, hover, outline and "
        "completion on resolutions, over standard input and output (the default) or TCP.",
        cmd_lsp,
        (Group(None, (
            arg("--stdio", action="store_true", help="serve over standard input and output (the default)"),
            arg("--tcp", metavar="HOST:PORT", help="listen on TCP instead; clients may connect one after another"),
        ), exclusive=True),),
    ),
)
# fmt: on


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resolint", description="Lint United Nations General Assembly resolutions.")
    parser.add_argument("-V", "--version", action="version", version=f"resolint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        subparser = sub.add_parser(command.name, help=command.help, description=command.description)
        for group in command.groups:
            if group.exclusive:
                target = subparser.add_mutually_exclusive_group()
            else:
                target = subparser.add_argument_group(group.title) if group.title else subparser
            for flags, options in group.arguments:
                target.add_argument(*flags, **options)
        subparser.set_defaults(func=command.run)
    return parser
