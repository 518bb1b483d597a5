"""``resolint check``: check the inputs, report the findings, choose the exit status."""

from __future__ import annotations

import argparse
import os
import sys

from ..config import ConfigError, check_overrides, settings_for
from ..report import FileResult, summary_line
from .checking import CheckJob, check_file
from .discover import discover
from .files import InputError, decode
from .options import cli_overrides
from .status import EXIT_ERROR, diff_status, exit_status
from .workers import Progress, cpu_count, run_files

TEXT_FORMATS = ("full", "concise", "text")


def cmd_check(args: argparse.Namespace) -> int:
    job = _job(args)
    if job is None:
        return EXIT_ERROR
    errors: list[str] = []
    # As ruff: no path means the current directory; standard input only with - or --stdin-filename.
    from_stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename is not None)
    if from_stdin:
        display = args.stdin_filename or "-"
        try:
            text = decode(sys.stdin.buffer.read(), display)
        except InputError as error:
            print(f"resolint: {error}", file=sys.stderr)
            return EXIT_ERROR
        # Settings are found from --stdin-filename's folder, as for the file it stands for.
        outcomes = [check_file(job, display, True, text)]
    else:
        outcomes = _check_paths(args, job, args.paths or ["."], errors)
    results, error_paths = _collect(args, outcomes, errors)
    if from_stdin and (job.fix or job.diff):
        return _finish_stdin_fix(args, job, results, errors, text)
    if args.diff:
        for r in results:
            if r.diff:
                sys.stdout.write(r.diff)
        if args.show_fixes:
            _write_fixes(results, sys.stderr)
        return diff_status(args, any(r.diff for r in results), errors)
    _report(args, results, errors, job, sys.stdout, error_paths)
    return exit_status(args, results, errors)


def _job(args: argparse.Namespace) -> CheckJob | None:
    """What every file is checked with; None (the problems printed) when an option is wrong."""
    if args.statistics and args.format not in (*TEXT_FORMATS, "json"):
        raise ConfigError(
            f"command line: --statistics prints a table (JSON with --format json); it does not combine with --format {args.format}"
        )
    # Command-line globs are relative to the current directory, however the paths are typed.
    overrides, problems = check_overrides(cli_overrides(args), "command line", os.getcwd())
    if problems:  # a bad code or glob on the command line stops here: one line per bad option
        for message in problems:
            print(f"resolint: {message}", file=sys.stderr)
        return None
    if args.output and not (args.fix or args.unsafe_fixes or args.diff):
        raise ConfigError("command line: --output names the fixed copy of a Word document: it goes with --fix")
    if args.output and (len(args.paths) != 1 or not args.paths[0].lower().endswith(".docx")):
        raise ConfigError("command line: --output names the fixed copy of one Word document: give exactly one .docx")
    if args.config:
        settings_for(None, args.config, args.isolated)  # report a bad --config once, before any file
    return CheckJob(
        config=args.config,
        isolated=args.isolated,
        overrides=overrides,
        format_in=args.format_in,
        fix=args.fix or args.unsafe_fixes,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        with_lines=args.format == "full",
        force_exclude=args.force_exclude,
        revisions=args.revisions,
        output=args.output,
    )


def _check_paths(args: argparse.Namespace, job: CheckJob, paths: list[str], errors: list[str]) -> list:
    inputs = discover(paths, errors)
    progress = Progress(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        return run_files(job, inputs, args.jobs or cpu_count(), progress)
    finally:
        if progress:
            progress.close()


def _collect(args: argparse.Namespace, outcomes: list, errors: list[str]) -> tuple[list[FileResult], dict[str, str]]:
    """The files checked; every error (and with --verbose, every skip) said once on standard error."""
    results = []
    notes = []
    error_paths: dict[str, str] = {}  # message -> the file it is about (GitHub annotations name it)
    for result, note in outcomes:
        if note and args.verbose:
            notes.append(note)
        if result is None:
            continue
        notes.extend(result.notes)
        if result.error and result.error not in errors:
            errors.append(result.error)
            error_paths[result.error] = result.path
        if result.checked:
            results.append(result)
    for message in notes + errors:
        print(f"resolint: {message}", file=sys.stderr)
    return results, error_paths


def _finish_stdin_fix(args, job: CheckJob, results: list[FileResult], errors: list[str], text: str) -> int:
    """Standard input with --fix: the fixed text (or the diff) is the output, and an
    editor or formatter replaces its buffer with it, so even an excluded or unchecked
    text must come back whole."""
    r = results[0] if results else None
    if args.diff:
        sys.stdout.write(r.diff or "" if r else "")
        return diff_status(args, bool(r and r.diff), errors)
    sys.stdout.write(r.diff if r is not None and r.diff is not None else text)
    if results:  # what is left after the fixes: on standard error, the output is the text
        _report(args, results, errors, job, sys.stderr)
    return exit_status(args, results, errors)


def _report(args, results, errors, job: CheckJob, out, error_paths: dict | None = None) -> None:
    """The findings in the chosen format, then the summary line."""
    from .. import __version__
    from ..formats import OutputOptions, writer

    machine = args.format not in TEXT_FORMATS
    if args.statistics:
        _write_statistics(results, out, as_json=args.format == "json")
    else:
        color = _use_colour(args.color, out)
        options = OutputOptions(color=color, version=__version__, errors=tuple(errors), error_paths=error_paths or {})
        writer(args.format)(results, out, options)
    if args.show_fixes:
        _write_fixes(results, sys.stderr if machine else out)
    if not machine and not args.quiet and (not errors or any(r.checked for r in results)):
        # Nothing checked because of an error (bad configuration, unreadable
        # file): "All checks passed" would read as a clean result.
        print(_summary(results, errors, job), file=out)


def _summary(results, errors, job: CheckJob) -> str:
    line = summary_line(results, fixing=job.fix)
    if not job.unsafe_fixes:
        unsafe = sum(1 for r in results for f in r.findings if f.fix and f.fix["applicability"] == "unsafe")
        if unsafe:
            line += f" {unsafe} more fixable with --unsafe-fixes."
    if errors:
        line += f" {len(errors)} could not be checked (see above)."
    return line


def _use_colour(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _write_statistics(results, out, as_json: bool) -> None:
    counts: dict[str, list] = {}
    for r in results:
        for f in r.findings:
            entry = counts.setdefault(f.code, [0, f.name, 0])
            entry[0] += 1
            entry[2] += f.fixable
    rows = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if as_json:
        import json

        json.dump([{"code": c, "name": n, "count": k, "fixable": fx} for c, (k, n, fx) in rows], out, indent=2)
        out.write("\n")
        return
    for code, (count, name, fixable) in rows:
        mark = "[*]" if fixable else "   "
        out.write(f"{count:>6}  {code}  {mark} {name}\n")


def _write_fixes(results, out) -> None:
    fixed = [(r.path, f) for r in results for f in r.fixed]
    if not fixed:
        out.write("No fixes applied.\n")
        return
    out.write(f"Fixed {len(fixed)} finding{'s' if len(fixed) != 1 else ''}:\n")
    for path, f in fixed:
        out.write(f"  {path}:{f.line}:{f.column}: {f.code} {f.message} ({f.fix['message'] if f.fix else 'fixed'})\n")
