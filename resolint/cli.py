"""The command line: argument parsing, file discovery and exit codes.

Exit status (``../shared/spec/output.md``): 0 when no finding reaches the
failure level, 1 when one does, 2 when resolint could not do its job for
some input (the other inputs are still checked).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import ConfigError, Settings, check_overrides, effective_settings, settings_for
from .report import FileResult, summary_line
from .scope import EXTENSIONS, excluded_reason, structure_reason

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache"}
)


class InputError(Exception):
    """An input resolint cannot read: the message is the one line the user sees."""


# ------------------------------------------------------------------ reading files
WORD_SUFFIXES = (".docx", ".doc", ".odt", ".rtf")


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file's bytes became text, so that --fix writes it back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def read_document(path: Path, found_by_walk: bool = False) -> str:
    """The text of ``path``, or InputError with a message that says what to do."""
    return read_bytes_and_text(path, found_by_walk)[1]


def read_bytes_and_text(path: Path, found_by_walk: bool = False) -> tuple[bytes, str, Encoding]:
    suffix = path.suffix.lower()
    if suffix in WORD_SUFFIXES:
        raise InputError(
            f"{path}: Word documents are not read yet; save the document as plain text (.txt) or Markdown (.md)"
        )
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory where a file was expected")
        data = path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        if found_by_walk:
            raise InputError(f"{path}: disappeared during the run (deleted or moved); not checked") from None
        raise InputError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; not checked") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory where a file was expected") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(f"{path}: symbolic link loop (the link leads back to itself); not checked") from None
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    text, encoding = decode_with_encoding(data, str(path))
    return data, text, encoding


def decode(data: bytes, name: str) -> str:
    return decode_with_encoding(data, name)[0]


def decode_with_encoding(data: bytes, name: str) -> tuple[str, Encoding]:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is a one-line error."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), Encoding(codec, bom)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        guess = _utf16_guess(data)
        if guess:
            offset = data.index(b"\x00")
            raise InputError(
                f"{name}: not valid UTF-8 (byte 0x00 at offset {offset}); it looks like {guess} without a byte-order mark: "
                "re-save it as UTF-8"
            )
        nul = data.index(b"\x00")
        raise InputError(f"{name}: binary file, not a text document (a NUL byte at offset {nul})")
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), Encoding("utf-8", b"\xef\xbb\xbf")
        return data.decode("utf-8"), Encoding()
    except UnicodeDecodeError as error:
        bad = data[error.start]
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{bad:02x} at offset {error.start}, line {line}); "
            f"it looks like {_legacy_guess(data)}: re-save it as UTF-8 (e.g. iconv -f {_ICONV[_legacy_guess(data)]} -t UTF-8)"
        ) from None


_ICONV = {"windows-1252": "WINDOWS-1252", "ISO-8859-1 (Latin-1)": "ISO-8859-1"}


def _utf16_guess(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd > len(sample) // 4 and even < odd // 8:
        return "UTF-16 (little-endian)"
    if even > len(sample) // 4 and odd < even // 8:
        return "UTF-16 (big-endian)"
    return None


def _legacy_guess(data: bytes) -> str:
    try:
        data.decode("cp1252")
        return "windows-1252"
    except UnicodeDecodeError:
        return "ISO-8859-1 (Latin-1)"


def discover(paths: list[str], verbose: bool, errors: list[str]) -> list[tuple[str, bool]]:
    """Expand files and folders into (path, named) pairs in a stable order.

    ``named`` is True for a file the user gave by name: it is always checked;
    a file found by recursion that holds no resolution is skipped.
    """
    found: list[tuple[str, bool]] = []
    for raw in paths:
        if raw == "-" and not Path(raw).exists():
            errors.append("-: standard input is read only when it is the only path (resolint check -); not checked")
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(_walk(p, errors), key=lambda q: q.as_posix())
            if not files:
                errors.append(f"{raw}: no documents (*.md, *.txt) in this directory")
            found.extend((str(f), False) for f in files)
        else:
            found.append((raw, True))
    # A file named twice (or named and inside a named folder) is checked once:
    # two workers fixing the same file would trip over each other.
    seen: set[str] = set()
    unique = []
    for path, named in found:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append((path, named))
    return unique


def _walk(root: Path, errors: list[str] | None = None):
    ignore = _GitIgnore(root)
    seen_dirs: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        if errors is not None and error.filename != str(root):
            reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
            errors.append(f"{error.filename}: cannot list this folder: {reason}; not checked")

    for directory, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
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
            n
            for n in dirnames
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
        for parent in reversed(Path(os.path.realpath(root)).parents):
            if (parent / ".git").exists():
                self.load(parent)
                break

    def load(self, directory: Path) -> None:
        f = directory / ".gitignore"
        try:
            lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        base = Path(os.path.realpath(directory))
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
        resolved = Path(os.path.realpath(path))  # never raises, even on a symlink loop
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


# ------------------------------------------------------------------ checking one file
@dataclass(frozen=True, slots=True)
class CheckJob:
    """What every file of a run is checked with (sent once to each worker process)."""

    config: str | None = None
    isolated: bool = False
    overrides: dict = field(default_factory=dict)
    format_in: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    with_lines: bool = False  # the full format shows the source line
    verbose: bool = False
    force_exclude: bool = False


def _settings_for(job: CheckJob, path: str | None) -> Settings:
    return effective_settings(path, job.overrides, job.config, job.isolated)


def check_file(job: CheckJob, path: str, named: bool, text: str | None = None) -> tuple[FileResult | None, str | None]:
    """Check one file: (its result, or None when it is skipped; a note for --verbose)."""
    from .linter import lint_text
    from .report import FileResult

    display = path
    try:
        settings = _settings_for(job, path if path != "-" else None)
        walked = not named or job.force_exclude
        reason = excluded_reason(path, settings) if walked else None  # a --stdin-filename too
        if reason:
            return None, f"skipped {path}: {reason}"
        from_stdin = text is not None
        if not from_stdin:
            data, text, encoding = read_bytes_and_text(Path(path), found_by_walk=not named)
        fmt = job.format_in or _format_for(display, text)
        memo: dict[str, object] = {}

        def lint(current: str):
            result = memo.get(current)
            if result is None:
                memo.clear()
                result = memo[current] = lint_text(current, display, fmt, settings)
            return result

        first = lint(text)
        reason = structure_reason(first.document) if walked else None
        if reason:
            return None, f"skipped {path}: {reason}"
        names = _rule_names()
        result = FileResult(display, fail_on=settings.fail_on)
        final = text
        if job.fix or job.diff:
            final, result.fixed = _fix(text, lambda t: lint(t).diagnostics, job.unsafe_fixes, names)
        if final != text:
            if job.diff:
                result.diff = _unified_diff(display, text, final)
            elif not from_stdin:
                from .fixes import WriteError, write_atomic

                try:
                    write_atomic(Path(path), encoding.encode(final), expected=data)
                except WriteError as error:
                    result.error = str(error)
                    result.fixed = []
                    final = text
            else:
                result.diff = final  # standard input: the fixed text goes to standard output
        linted = lint(final)
        source = linted.document.source
        from .report import to_finding

        result.findings = [to_finding(source, d, names, job.with_lines) for d in linted.diagnostics]
        return result, None
    except (InputError, ConfigError) as error:
        return FileResult(display, checked=False, error=str(error)), None


def _fix(text: str, lint, unsafe: bool, names: dict) -> tuple[str, list]:
    from .fixes import fix_rounds
    from .report import to_finding
    from .source import Source

    fixed = []
    for before, after, chosen in fix_rounds(text, lint, unsafe):
        text = after
        source = Source(before)
        fixed.extend(to_finding(source, d, names) for d in chosen)
    return text, fixed


def _unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


_NAMES: dict[str, str] = {}


def _rule_names() -> dict[str, str]:
    if not _NAMES:
        from .rules import all_rules

        _NAMES.update({code: r.name for code, r in all_rules().items()})
    return _NAMES


# ------------------------------------------------------------------ running many files
_JOB: CheckJob | None = None


def _worker_init(job: CheckJob) -> None:
    global _JOB
    _JOB = job


def _worker(item: tuple[str, bool]):
    return check_file(_JOB, item[0], item[1])


def run_files(job: CheckJob, inputs: list[tuple[str, bool]], jobs: int, progress: Progress | None = None) -> list:
    """Check ``inputs`` on ``jobs`` processes; results in input order whatever ``jobs`` is."""
    total = len(inputs)
    if jobs <= 1 or total < 2:
        out = []
        for i, (path, named) in enumerate(inputs):
            out.append(check_file(job, path, named))
            if progress:
                progress.update(i + 1, total)
        return out
    # Build what every file needs before the workers fork: they inherit it
    # instead of each building it again.  Checking the first file here does
    # that with a real document (grammar tables, lexicon, the record).
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .parser import grammar_parser
    from .record import load_record

    grammar_parser()
    load_record()
    _rule_names()
    out = [check_file(job, *inputs[0])]
    if progress:
        progress.update(1, total)
    gc.collect()
    gc.freeze()  # the inherited objects stay shared: the children's collector does not touch them
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    rest = inputs[1:]
    workers = min(jobs, len(rest))
    chunk = max(1, min(16, len(rest) // (workers * 8)))
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(job,)
        ) as pool:
            for i, item in enumerate(pool.map(_worker, rest, chunksize=chunk)):
                out.append(item)
                if progress:
                    progress.update(i + 2, total)
    finally:
        gc.unfreeze()
    return out


class Progress:
    """A one-line progress bar on standard error, shown once a run has taken a second."""

    def __init__(self, stream, delay: float = 1.0):
        import time

        self.stream = stream
        self.clock = time.monotonic
        self.started = self.clock()
        self.delay = delay
        self.shown = False
        self.last = 0.0

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < self.delay or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} files")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


# ------------------------------------------------------------------ commands
def cmd_check(args: argparse.Namespace) -> int:
    if args.statistics and args.format not in ("full", "concise", "text", "json"):
        raise ConfigError(
            f"command line: --statistics prints a table (JSON with --format json); it does not combine with --format {args.format}"
        )
    # Command-line globs are relative to the current directory, however the paths are typed.
    overrides, problems = check_overrides(_cli_overrides(args), "command line", os.getcwd())
    if problems:  # a bad code or glob on the command line stops here: one line per bad option
        for message in problems:
            print(f"resolint: {message}", file=sys.stderr)
        return EXIT_ERROR
    job = CheckJob(
        config=args.config,
        isolated=args.isolated,
        overrides=overrides,
        format_in=args.format_in,
        fix=args.fix or args.unsafe_fixes,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        with_lines=args.format == "full",
        verbose=args.verbose,
        force_exclude=args.force_exclude,
    )
    if args.config:
        settings_for(None, args.config, args.isolated)  # report a bad --config once, before any file

    errors: list[str] = []
    notes: list[str] = []
    # As ruff: no path means the current directory; standard input only with - or --stdin-filename.
    from_stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename is not None)
    if not args.paths and not from_stdin:
        args.paths = ["."]
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
        inputs = discover(args.paths, args.verbose, errors)
        progress = Progress(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
        jobs = args.jobs or _cpu_count()
        try:
            outcomes = run_files(job, inputs, jobs, progress)
        finally:
            if progress:
                progress.close()

    results = []
    error_paths: dict[str, str] = {}  # message -> the file it is about (GitHub annotations name it)
    for result, note in outcomes:
        if note and args.verbose:
            notes.append(note)
        if result is None:
            continue
        if result.error and result.error not in errors:
            errors.append(result.error)
            error_paths[result.error] = result.path
        if result.checked:
            results.append(result)
    for note in notes:
        print(f"resolint: {note}", file=sys.stderr)
    for message in errors:
        print(f"resolint: {message}", file=sys.stderr)

    out = sys.stdout
    if from_stdin and (job.fix or job.diff):
        # Standard input with --fix: the fixed text (or the diff) is the output,
        # and an editor or formatter replaces its buffer with it, so even an
        # excluded or unchecked text must come back whole.
        r = results[0] if results else None
        if args.diff:
            out.write(r.diff or "" if r else "")
            if errors:
                return EXIT_ERROR
            return EXIT_OK if args.exit_zero or not (r and r.diff) else EXIT_FINDINGS
        out.write(r.diff if r is not None and r.diff is not None else text)
        if results:  # what is left after the fixes: on standard error, the output is the text
            _report(args, results, errors, job, sys.stderr)
        return _exit_status(args, results, errors)
    if args.diff:
        for r in results:
            if r.diff:
                out.write(r.diff)
        if args.show_fixes:
            _write_fixes(results, sys.stderr)
        if errors:
            return EXIT_ERROR
        return EXIT_OK if args.exit_zero or not any(r.diff for r in results) else EXIT_FINDINGS

    _report(args, results, errors, job, out, error_paths)
    return _exit_status(args, results, errors)


def _report(args, results, errors, job: CheckJob, out, error_paths: dict | None = None) -> None:
    """The findings in the chosen format, then the summary line."""
    from . import __version__
    from .formats import OutputOptions, writer

    machine = args.format not in ("full", "concise", "text")
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
        line = summary_line(results, fixing=job.fix)
        if not job.unsafe_fixes:
            unsafe = sum(1 for r in results for f in r.findings if f.fix and f.fix["applicability"] == "unsafe")
            if unsafe:
                line += f" {unsafe} more fixable with --unsafe-fixes."
        if errors:
            line += f" {len(errors)} could not be checked (see above)."
        print(line, file=out)


def _cpu_count() -> int:
    """The CPUs this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _exit_status(args, results, errors) -> int:
    from .diagnostics import Severity

    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    for r in results:
        level = (args.fail_on or r.fail_on or "warning").lower()
        if level == "never":
            continue
        threshold = Severity.parse(level)
        if any(Severity.parse(f.severity) >= threshold for f in r.findings):
            return EXIT_FINDINGS
    return EXIT_OK


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


def _format_for(path: str, text: str) -> str:
    from .readers import format_for_path, sniff_format

    return format_for_path(path) or sniff_format(text)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def _cli_overrides(args: argparse.Namespace) -> dict:
    """The configuration options given on the command line, with the names of the file keys."""
    overrides: dict = {}
    for key in ("select", "ignore", "extend_select", "exclude", "preambular_openers", "operative_openers"):
        values = _split(getattr(args, key, None))
        if getattr(args, key, None):
            if key == "select" and not values:
                # An empty shell variable must not turn the linter off without a word.
                raise ConfigError("command line: --select is empty: give codes or families (e.g. N,F001), or ALL")
            overrides[key] = values
    if args.per_file_ignores:
        table: dict[str, list[str]] = {}
        for item in args.per_file_ignores:
            glob, sep, codes = item.rpartition(":")
            if not sep or not glob:
                raise ConfigError(
                    f"command line: --per-file-ignores {item!r}: expected GLOB:CODES, e.g. 'drafts/*.md:S003,F'"
                )
            table.setdefault(glob, []).extend(_split([codes]))
        overrides["per_file_ignores"] = table
    if args.severity:
        table = {}
        for item in _split(args.severity):
            code, sep, level = item.partition("=")
            if not sep:
                raise ConfigError(f"command line: --severity {item!r}: expected CODE=LEVEL, e.g. S001=error")
            table[code.strip().upper()] = level.strip()
        overrides["severity"] = table
    if getattr(args, "fail_on", None):
        overrides["fail_on"] = args.fail_on
    return overrides


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
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "summary": r.summary,
                    "severity": str(r.severity),
                    "fixable": r.fixable,
                }
                for r in rules
            ],
            sys.stdout,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for r in rules:
            fix = "fix" if r.fixable else "   "
            print(f"{r.code}  {r.name:<32} {str(r.severity):<8} {fix}  {r.summary}")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from .rules import all_rules

    rules = all_rules()
    rule = rules.get(args.code.upper()) or next((r for r in rules.values() if r.name == args.code.lower()), None)
    if rule is None:
        print(f"resolint: unknown rule code or name {args.code!r}; `resolint rules` lists them", file=sys.stderr)
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
    parser.add_argument("-V", "--version", action="version", version=f"resolint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check documents and report findings",
        description="Check resolutions (Markdown or plain text) and report findings. Exit 0: clean; 1: findings; 2: resolint could not do its job.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: the current directory); - for standard input",
    )
    out = check.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=["full", "concise", "text", "json", "sarif", "github", "junit"],
        default="full",
        help="output format (default: full; text is concise's old name)",
    )
    out.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour in the full format (auto: on a terminal, unless NO_COLOR is set)",
    )
    out.add_argument("--statistics", action="store_true", help="count findings per code instead of listing them")
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only: no summary, no progress bar")
    out.add_argument("-v", "--verbose", action="store_true", help="say which files were skipped and why")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="apply the unsafe fixes too (implies --fix)")
    fixing.add_argument("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them")
    fixing.add_argument("--show-fixes", action="store_true", help="list what was fixed")
    inputs = check.add_argument_group("input")
    inputs.add_argument(
        "--format-in", choices=["markdown", "text"], help="input format (default: by extension; sniffed for stdin)"
    )
    inputs.add_argument(
        "--stdin-filename", metavar="NAME", help="the name to report for standard input (its configuration applies)"
    )
    inputs.add_argument(
        "--force-exclude",
        action="store_true",
        help="treat named files like files found in a folder: apply exclude, skip non-resolutions (for pre-commit)",
    )
    inputs.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="check files on N processes (default: the number of CPUs)",
    )
    conf = check.add_argument_group("configuration (the same names as the configuration keys)")
    conf.add_argument("--config", metavar="PATH", help="use this configuration file")
    conf.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    conf.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="codes, families or ALL to check (replaces the configured list)",
    )
    conf.add_argument(
        "--extend-select", action="append", metavar="CODES", help="codes or families to check in addition"
    )
    conf.add_argument("--ignore", action="append", metavar="CODES", help="codes or families not to check")
    conf.add_argument(
        "--per-file-ignores",
        action="append",
        metavar="GLOB:CODES",
        help="codes not to check in files matching GLOB (repeatable)",
    )
    conf.add_argument(
        "--severity",
        action="append",
        metavar="CODE=LEVEL",
        help="override a rule's severity (error, warning, info, hint)",
    )
    conf.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "hint", "never"],
        help="lowest severity that makes the exit status 1",
    )
    conf.add_argument(
        "--preambular-openers",
        action="append",
        metavar="PHRASES",
        help="extra preambular opening phrases, comma-separated",
    )
    conf.add_argument(
        "--operative-openers",
        action="append",
        metavar="PHRASES",
        help="extra operative opening phrases, comma-separated",
    )
    conf.add_argument(
        "--exclude", action="append", metavar="GLOBS", help="globs of files not to check when walking folders"
    )
    check.set_defaults(func=cmd_check)

    outline_cmd = sub.add_parser(
        "outline",
        help="print the parsed structure of a document",
        description="Print the structure the parser read: the kind of document (adopted, draft, fragment), "
        "header, title, preamble, operative paragraphs, footnotes and plenary line, with line numbers.",
    )
    outline_cmd.add_argument("paths", nargs="+", metavar="FILE", help="files to read; - for standard input")
    outline_cmd.add_argument(
        "--format-in", choices=["markdown", "text"], help="input format (default: by extension; sniffed for stdin)"
    )
    outline_cmd.set_defaults(func=cmd_outline)

    rules = sub.add_parser(
        "rules",
        help="list every rule",
        description="List every rule: code, name, default severity, whether it has a fix, and a one-line summary.",
    )
    rules.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or JSON")
    rules.set_defaults(func=cmd_rules)

    rule = sub.add_parser(
        "rule",
        help="explain one rule",
        description="Explain one rule: what it does, why it matters, an example and the fix.",
    )
    rule.add_argument("code", metavar="CODE", help="a rule code (F001) or name (missing-footnote)")
    rule.set_defaults(func=cmd_rule)

    lsp = sub.add_parser(
        "lsp",
        help="run the language server (stdio)",
        description="Run the language server for editors: diagnostics, quick fixes, hover, outline and "
        "completion on resolutions, over standard input and output (the default) or TCP.",
    )
    transport = lsp.add_mutually_exclusive_group()
    transport.add_argument("--stdio", action="store_true", help="serve over standard input and output (the default)")
    transport.add_argument(
        "--tcp", metavar="HOST:PORT", help="listen on TCP instead; clients may connect one after another"
    )
    lsp.set_defaults(func=cmd_lsp)
    return parser


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("expected 0 (all CPUs) or more")
    return number


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
