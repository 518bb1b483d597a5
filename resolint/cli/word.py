"""Word documents on the command line: ``check`` (and ``--fix`` as tracked changes), ``convert``.

A ``.docx`` is read by :mod:`resolint.word` (lxml, imported only here, only
for a Word file); its findings are positioned by paragraph (``line`` is the
``w:p`` among the body's paragraphs, ``column`` the character in its text).
``--fix`` never rewrites the document: it writes a copy (``NAME.resolint.docx``
or ``--output``) in which each fix is a tracked change for the drafter to
accept or reject in Word.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..report import FileResult, to_finding
from ..scope import structure_reason
from .files import InputError, read_bytes

# .doc, .odt and .rtf go to the Word reader too: it names what each is and what to do.
WORD_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".docm", ".dotx")


def is_word(path: str) -> bool:
    return Path(path).suffix.lower() in WORD_SUFFIXES


def fixed_copy_path(path: str, output: str | None) -> Path:
    """Where ``--fix`` writes a Word document's fixed copy."""
    source = Path(path)
    return Path(output) if output else source.with_name(f"{source.stem}.resolint{source.suffix}")


def check_word(job, path: str, settings: Settings, walked: bool) -> tuple[FileResult | None, str | None]:
    """Check one Word document (and write its fixed copy with --fix): its result, or None when skipped."""
    from ..word import DocxError, lint_docx
    from .checking import rule_names

    names = rule_names()
    result = FileResult(path, fail_on=settings.fail_on)
    try:
        data = read_bytes(Path(path), found_by_walk=walked)
        linted = lint_docx(data, settings, job.revisions, path=path)
        reason = structure_reason(linted.document) if walked else None
        if reason:
            return None, f"skipped {path}: {reason}"
        if job.fix or job.diff:
            linted = _fix_word(job, path, data, settings, result, names) or linted
    except (DocxError, InputError) as error:
        return FileResult(path, checked=False, error=str(error)), None
    except OSError as error:
        return FileResult(path, checked=False, error=f"{path}: cannot write the fixed copy: {error}"), None
    source = linted.document.source
    document = linted.document
    result.findings = [to_finding(source, d, names, job.with_lines, document) for d in linted.diagnostics]
    return result, None


def _fix_word(job, path: str, data: bytes, settings: Settings, result: FileResult, names: dict):
    """--fix: write the copy with tracked changes and return the lint of that copy
    (what is left); --diff: the fixes as a diff of the text resolint reads."""
    import tempfile

    from ..word import convert_docx, fix_docx, lint_docx

    output = fixed_copy_path(path, job.output)
    if output.resolve() == Path(path).resolve():
        raise OSError("the output would replace the document itself; give another --output")
    if job.diff:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / output.name
            report = fix_docx(data, copy, settings, unsafe=job.unsafe_fixes, name=path)
            result.fixed = report.findings(names)
            if report.written:
                before = convert_docx(data, "markdown", job.revisions, path)
                after = convert_docx(copy, "markdown", job.revisions)
                from .checking import _unified_diff

                result.diff = _unified_diff(f"{path} (as resolint reads it)", before, after)
        return None
    report = fix_docx(data, output, settings, unsafe=job.unsafe_fixes, name=path)
    result.fixed = report.findings(names)
    if not report.written:
        return None
    result.notes.append(
        f"wrote {output}: {len(report.applied)} fixes as tracked changes by resolint; accept or reject them in Word"
    )
    return lint_docx(output, settings, job.revisions, path=str(output))


def convert_word(path: str, to: str, revisions: str) -> str:
    """``resolint convert``: the Markdown or plain text resolint reads from a Word document."""
    from ..word import convert_docx

    return convert_docx(read_bytes(Path(path)), to, revisions, path)
