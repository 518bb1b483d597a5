"""The command line: argument parsing, file discovery and exit codes.

Exit status (``../shared/spec/output.md``): 0 when no finding reaches the
failure level, 1 when one does, 2 when resolint could not do its job for
some input (the other inputs are still checked).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .config import ConfigError, Settings, settings_for

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXTENSIONS = (".md", ".markdown", ".txt")
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache"})


class InputError(Exception):
    """An input resolint cannot read: the message is the one line the user sees."""


# ------------------------------------------------------------------ reading files
def read_document(path: Path) -> str:
    """The text of ``path``, or InputError with a message that says what to do."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".doc", ".odt", ".rtf"):
        raise InputError(f"{path}: Word documents are not read yet; save the document as plain text (.txt) or Markdown (.md)")
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory where a file was expected")
        data = path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: binary file, not a text document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        hint = "windows-1252" if all(b < 0x80 or 0x80 <= b <= 0xFF for b in data[error.start : error.start + 1]) else "another encoding"
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            f"it may be {hint}: re-save it as UTF-8"
        ) from None


def discover(paths: list[str], verbose: bool, errors: list[str]) -> list[tuple[str, bool]]:
    """Expand files and folders into (path, named) pairs in a stable order.

    ``named`` is True for a file the user gave by name: it is always checked;
    a file found by recursion that holds no resolution is skipped.
    """
    found: list[tuple[str, bool]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(_walk(p), key=lambda q: q.as_posix())
            if not files:
                errors.append(f"{raw}: no documents (*.md, *.txt) in this directory")
            found.extend((str(f), False) for f in files)
        else:
            found.append((raw, True))
    return found


def _walk(root: Path):
    ignore = _GitIgnore(root)
    seen_dirs: set[tuple[int, int]] = set()
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        d = Path(directory)
        try:
            st = d.stat()
            key = (st.st_dev, st.st_ino)
        except OSError:
            continue
        if key in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        ignore.load(d)
        dirnames[:] = sorted(
            n for n in dirnames
            if n not in SKIP_DIRS and not (d / n / "pyvenv.cfg").exists() and not ignore.ignored(d / n, True)
        )
        for name in sorted(filenames):
            f = d / name
            if f.suffix.lower() in EXTENSIONS and not ignore.ignored(f, False):
                yield f


class _GitIgnore:
    """Enough of .gitignore for a drafting folder: names, globs, dir/ and /rooted patterns."""

    def __init__(self, root: Path):
        self.patterns: list[tuple[Path, str, bool, bool]] = []  # (base, pattern, dir_only, negated)
        for parent in reversed(root.resolve().parents):
            if (parent / ".git").exists():
                self.load(parent)
                break

    def load(self, directory: Path) -> None:
        f = directory / ".gitignore"
        try:
            lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        base = directory.resolve()
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            line = line.lstrip("!")
            dir_only = line.endswith("/")
            self.patterns.append((base, line.rstrip("/"), dir_only, negated))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        import fnmatch

        result = False
        resolved = path.resolve()
        for base, pattern, dir_only, negated in self.patterns:
            if dir_only and not is_dir:
                continue
            try:
                rel = resolved.relative_to(base).as_posix()
            except ValueError:
                continue
            if "/" in pattern.strip("/"):
                hit = fnmatch.fnmatch(rel, pattern.lstrip("/"))
            elif pattern.startswith("/"):
                hit = fnmatch.fnmatch(rel, pattern[1:])
            else:
                hit = fnmatch.fnmatch(path.name, pattern)
            if hit:
                result = not negated
        return result


def has_resolution_structure(doc) -> bool:
    """Does the document look like a resolution at all (for skipping a README)?"""
    if doc.other_organ or doc.header.adopted_span or (doc.title and doc.title.number) or doc.header.draft_label:
        return True
    for part in doc.parts:
        if part.opener is not None or part.plenary is not None:
            return True
        for p in part.preamble + part.operative:
            if p.opener is not None and p.opener.kind != "unknown":
                return True
    return False


# ------------------------------------------------------------------ commands
def cmd_check(args: argparse.Namespace) -> int:
    from .linter import lint_text
    from .report import FileReport, summary, write_concise, write_json

    errors: list[str] = []
    reports: list[FileReport] = []
    overrides = _cli_overrides(args)
    inputs: list[tuple[str, bool]] = []
    if args.paths == ["-"] or not args.paths:
        if not args.paths and sys.stdin.isatty():
            print("resolint: no files given: pass files or folders, or - for standard input", file=sys.stderr)
            return EXIT_ERROR
        inputs = [("-", True)]
    else:
        inputs = discover(args.paths, args.verbose, errors)
    checked = 0
    fail_level = None
    for path, named in inputs:
        try:
            if path == "-":
                display = args.stdin_filename or "-"
                text = decode(sys.stdin.buffer.read(), display)
                settings = _settings(display if args.stdin_filename else None, args, overrides)
            else:
                display = path
                settings = _settings(path, args, overrides)
                if not named and settings.is_excluded(path):
                    continue
                text = read_document(Path(path))
            fmt = args.format_in or _format_for(display, text)
            result = lint_text(text, display, fmt, settings)
            if not named and not has_resolution_structure(result.document):
                if args.verbose:
                    print(f"resolint: skipped {path}: no resolution structure found", file=sys.stderr)
                continue
            checked += 1
            fail_level = settings.fail_on
            reports.append(FileReport(display, result.document.source, result.diagnostics))
        except (InputError, ConfigError) as error:
            errors.append(str(error))
    for message in errors:
        print(f"resolint: {message}", file=sys.stderr)
    if args.format == "json":
        write_json(reports, sys.stdout)
    else:
        write_concise(reports, sys.stdout)
        if not args.quiet:
            print(summary(reports, checked))
    if errors:
        return EXIT_ERROR
    from .diagnostics import Severity

    level_name = (args.fail_on or fail_level or "warning").lower()
    if args.exit_zero or level_name == "never":
        return EXIT_OK
    level = Severity.parse(level_name)
    failing = any(d.severity >= level for r in reports for d in r.diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _format_for(path: str, text: str) -> str:
    from .readers import format_for_path, sniff_format

    return format_for_path(path) or sniff_format(text)


def _cli_overrides(args: argparse.Namespace) -> dict:
    overrides = {}
    for key in ("select", "ignore", "extend_select"):
        value = getattr(args, key, None)
        if value:
            overrides[key] = [v.strip() for v in value.split(",") if v.strip()]
    if getattr(args, "fail_on", None):
        overrides["fail_on"] = args.fail_on
    return overrides


def _settings(path: str | None, args: argparse.Namespace, overrides: dict) -> Settings:
    settings = settings_for(path, args.config, args.isolated)
    return settings.merged(overrides) if overrides else settings


def cmd_outline(args: argparse.Namespace) -> int:
    from .outline import outline
    from .parser import parse

    status = EXIT_OK
    for raw in args.paths:
        try:
            text = decode(sys.stdin.buffer.read(), "-") if raw == "-" else read_document(Path(raw))
        except InputError as error:
            print(f"resolint: {error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        doc = parse(text, args.format_in or _format_for(raw, text), raw)
        sys.stdout.write(outline(doc))
    return status


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from .rules import all_rules

    rules = all_rules().values()
    if args.format == "json":
        json.dump(
            [{"code": r.code, "name": r.name, "summary": r.summary, "severity": str(r.severity), "fixable": r.fixable} for r in rules],
            sys.stdout, indent=2,
        )
        sys.stdout.write("\n")
    else:
        for r in rules:
            fix = "fix" if r.fixable else "   "
            print(f"{r.code}  {r.name:<32} {str(r.severity):<8} {fix}  {r.summary}")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from .rules import all_rules

    rule = all_rules().get(args.code.upper())
    if rule is None:
        print(f"resolint: unknown rule code {args.code!r}; `resolint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    print(f"# {rule.code} {rule.name}\n")
    print(f"Default severity: {rule.severity}. Fixable: {'yes' if rule.fixable else 'no'}.\n")
    print(rule.doc)
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    try:
        from .lsp.server import run
    except ImportError as error:  # pragma: no cover - depends on the installation
        print(f"resolint: the language server needs pygls: {error}", file=sys.stderr)
        return EXIT_ERROR
    return run(tcp=args.tcp) or EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resolint", description="Lint United Nations General Assembly resolutions.")
    parser.add_argument("--version", action="version", version=f"resolint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check documents and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for standard input")
    check.add_argument("--format", choices=["text", "concise", "json"], default="text", help="output format")
    check.add_argument("--format-in", choices=["markdown", "text"], help="input format (default: by extension; sniffed for stdin)")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for standard input")
    check.add_argument("--config", metavar="PATH", help="use this configuration file")
    check.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    check.add_argument("--select", metavar="CODES", help="comma-separated codes or families to check (replaces the configured list)")
    check.add_argument("--extend-select", metavar="CODES", help="codes or families to check in addition")
    check.add_argument("--ignore", metavar="CODES", help="codes or families not to check")
    check.add_argument("--fail-on", choices=["error", "warning", "info", "hint", "never"], help="lowest severity that makes the exit status 1")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument("-v", "--verbose", action="store_true", help="say which files were skipped and why")
    check.set_defaults(func=cmd_check)

    outline_cmd = sub.add_parser("outline", help="print the parsed structure of a document")
    outline_cmd.add_argument("paths", nargs="+", metavar="FILE")
    outline_cmd.add_argument("--format-in", choices=["markdown", "text"])
    outline_cmd.set_defaults(func=cmd_outline)

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.set_defaults(func=cmd_rules)

    rule = sub.add_parser("rule", help="explain one rule")
    rule.add_argument("code", metavar="CODE")
    rule.set_defaults(func=cmd_rule)

    lsp = sub.add_parser("lsp", help="run the language server (stdio)")
    lsp.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    lsp.set_defaults(func=cmd_lsp)
    return parser


class _Parser(argparse.ArgumentParser):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_OK
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except ConfigError as error:
        print(f"resolint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
