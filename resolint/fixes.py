"""Applying fixes: choose non-overlapping edits and splice them into the text.

Shared by ``resolint check --fix`` and the language server's "fix all": one
place decides which fixes apply together, so both give the same result.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .diagnostics import Diagnostic, Edit


def applicable(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """The diagnostics whose fixes may be applied at this level."""
    return [d for d in diagnostics if d.fix is not None and d.fix.edits and (unsafe or d.fix.safe)]


def select_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """Fixes that can be applied together: whole fixes, none overlapping another.

    A fix is taken or left whole (its edits belong together); among
    overlapping fixes the first in document order wins and the rest wait for
    the next round, after a re-lint.
    """
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    for d in sorted(applicable(diagnostics, unsafe), key=lambda d: (min(e.start for e in d.fix.edits), d.code)):
        ranges = [(e.start, e.end) for e in d.fix.edits]
        if any(_overlaps(r, t) for r in ranges for t in taken):
            continue
        chosen.append(d)
        taken.extend(ranges)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # Two insertions at one offset also conflict: their order would be arbitrary.
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Splice non-overlapping ``edits`` (offsets into ``text``) into ``text``."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edits at offset {e.start}")
        out.append(text[pos : e.start])
        out.append(e.new_text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> tuple[str, list[Diagnostic]]:
    """One round: the text with every compatible fix applied, and the fixed diagnostics."""
    chosen = select_fixes(diagnostics, unsafe)
    return apply_edits(text, [e for d in chosen for e in d.fix.edits]), chosen


def fix_rounds(
    text: str, lint, unsafe: bool = False, max_rounds: int = 10
) -> Iterator[tuple[str, str, list[Diagnostic]]]:
    """Each round of :func:`fix_text`: (the text before it, the text after it, the fixes applied).

    The offsets of a round's diagnostics are offsets into that round's text
    before; the CLI uses them to say where each fix was made.
    """
    for _ in range(max_rounds):
        new_text, chosen = apply_fixes(text, lint(text), unsafe)
        if not chosen or new_text == text:
            return
        yield text, new_text, chosen
        text = new_text


def fix_text(text: str, lint, unsafe: bool = False, max_rounds: int = 10) -> tuple[str, list[Diagnostic]]:
    """Lint, fix, re-lint … until nothing more applies (at most ``max_rounds``).

    ``lint(text)`` returns the diagnostics of ``text``.  Returns the final text
    and every diagnostic that a fix removed, across rounds.
    """
    fixed: list[Diagnostic] = []
    for _, after, chosen in fix_rounds(text, lint, unsafe, max_rounds):
        text = after
        fixed.extend(chosen)
    return text, fixed


class WriteError(Exception):
    """A fixed file could not be written; the message is the line the user sees."""


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path``'s content with ``data`` in one step, keeping its mode.

    The data goes to a temporary file in the same folder, which then replaces
    the original (``os.replace``): a reader sees the old file or the new one,
    never half of one, and a failure leaves the original untouched and no
    temporary file behind.  When ``expected`` is given, a file whose bytes
    differ from it (someone saved it since it was read) is not overwritten.
    A symbolic link is kept: its target is written.
    """
    target = Path(os.path.realpath(path))
    try:
        if expected is not None and target.read_bytes() != expected:
            raise WriteError(f"{path}: changed on disk since it was read; not overwritten (run resolint again)")
        mode = stat.S_IMODE(target.stat().st_mode)
        # The rename below would replace a read-only file without asking: honour its mode.
        if not os.access(target, os.W_OK):
            raise WriteError(f"{path}: the file is read-only; fixes not written")
    except FileNotFoundError:
        raise WriteError(f"{path}: deleted since it was read; not written") from None
    except OSError as error:
        raise WriteError(f"{path}: cannot write the fixes: {error.strerror or error}") from None
    import tempfile  # here: it imports shutil, random, bz2 and lzma, which only a write needs

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".resolint-tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as error:
        raise WriteError(f"{path}: cannot write the fixes: {error.strerror or error}; the file is unchanged") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


__all__ = [
    "applicable",
    "select_fixes",
    "apply_edits",
    "apply_fixes",
    "fix_rounds",
    "fix_text",
    "write_atomic",
    "WriteError",
]
