"""Checking one file: settings, reading, linting, fixing and the result a worker sends back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import ConfigError, Settings, effective_settings
from ..report import FileResult, to_finding
from ..scope import excluded_reason, structure_reason
from .files import InputError, InputFile, WriteError, read_input
from .word import check_word, is_word


@dataclass(frozen=True, slots=True)
class CheckJob:
    """What every file of a run is checked with (sent once to each worker process)."""

    config: str | None = None
    isolated: bool = False
    overrides: dict = field(default_factory=dict)  # from the command line, checked (config.check_overrides)
    format_in: str | None = None  # None: by the file name, else sniffed (readers.format_for_path, sniff_format)
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    with_lines: bool = False  # the full format shows the source line
    force_exclude: bool = False
    revisions: str = "accepted"  # a Word document: as it reads with its tracked changes accepted, or before them
    output: str | None = None  # --fix on a Word document: where its copy goes (default: NAME.resolint.docx)

    def settings(self, path: str | None) -> Settings:
        """defaults ← configuration file ← command line: the language server's merge too."""
        return effective_settings(path, self.overrides, self.config, self.isolated)


class _Linter:
    """Lints one file's texts, remembering the last: --fix lints the text it ends with twice."""

    def __init__(self, path: str, fmt: str | None, settings: Settings):
        self.path, self.fmt, self.settings = path, fmt, settings
        self.memo: dict[str, object] = {}

    def __call__(self, text: str):
        from ..linter import lint_text

        result = self.memo.get(text)
        if result is None:
            self.memo.clear()
            result = self.memo[text] = lint_text(text, self.path, self.fmt, self.settings)
        return result


def check_file(job: CheckJob, path: str, named: bool, text: str | None = None) -> tuple[FileResult | None, str | None]:
    """Check one file (``text``: standard input's, shown as ``path``): (its result, or
    None when it is skipped; a note for --verbose)."""
    try:
        settings = job.settings(path if path != "-" else None)
        walked = not named or job.force_exclude
        reason = excluded_reason(path, settings) if walked else None  # a --stdin-filename too
        if reason:
            return None, f"skipped {path}: {reason}"
        if text is None and is_word(path):
            return check_word(job, path, settings, walked)
        read = None if text is not None else read_input(Path(path), found_by_walk=not named)
        original = read.text if read is not None else text
        lint = _Linter(path, job.format_in, settings)
        reason = structure_reason(lint(original).document) if walked else None
        if reason:
            return None, f"skipped {path}: {reason}"
        result = FileResult(path, fail_on=settings.fail_on)
        final = _fixed(job, result, read, original, lint)
        linted = lint(final)
        source, names = linted.document.source, rule_names()
        document = linted.document
        result.findings = [to_finding(source, d, names, job.with_lines, document) for d in linted.diagnostics]
        return result, None
    except (InputError, ConfigError) as error:
        return FileResult(path, checked=False, error=str(error)), None


def _fixed(job: CheckJob, result: FileResult, read: InputFile | None, text: str, lint) -> str:
    """The text after --fix (written to the file) or --diff (kept in ``result.diff``)."""
    if not (job.fix or job.diff):
        return text
    final, result.fixed = _fix(text, lambda t: lint(t).diagnostics, job.unsafe_fixes)
    if final == text:
        return text
    if job.diff:
        result.diff = _unified_diff(result.path, text, final)
    elif read is None:
        result.diff = final  # standard input: the fixed text goes to standard output
    else:
        try:
            read.write(final)
        except WriteError as error:
            result.error = str(error)
            result.fixed = []
            return text
    return final


def _fix(text: str, lint, unsafe: bool) -> tuple[str, list]:
    from ..fixes import fix_rounds
    from ..source import Source

    fixed = []
    names = rule_names()
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


def rule_names() -> dict[str, str]:
    """Rule code -> rule name (the findings carry it), built once per process."""
    if not _NAMES:
        from ..rules import all_rules

        _NAMES.update({code: r.name for code, r in all_rules().items()})
    return _NAMES
