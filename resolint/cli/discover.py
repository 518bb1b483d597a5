"""Which files a run checks: the paths given, folders walked, ``.gitignore`` honoured.

A file named on the command line is always checked; a file found by walking
a folder is a ``.md``/``.markdown``/``.txt`` file (:data:`resolint.scope.EXTENSIONS`) or a Word ``.docx``
outside the folders of tools (:data:`SKIP_DIRS`, virtual environments) and
not ignored by a ``.gitignore`` of the walked folders or of their repository.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from ..scope import EXTENSIONS

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache"}
)


def discover(paths: list[str], errors: list[str]) -> list[tuple[str, bool]]:
    """Expand files and folders into (path, named) pairs in a stable order.

    ``named`` is True for a file the user gave by name: it is always checked;
    a file found by recursion that holds no resolution is skipped.  A line
    for ``errors`` says what could not be listed.
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
            if _walked(f) and not ignore.ignored(f, False):
                yield f


def _walked(f: Path) -> bool:
    """Is ``f`` a document a walk checks: Markdown, text, or a Word ``.docx`` — not
    Word's lock file ("~$draft.docx") nor a copy --fix wrote ("draft.resolint.docx")."""
    suffix = f.suffix.lower()
    if suffix in EXTENSIONS:
        return True
    return suffix == ".docx" and not f.name.startswith("~$") and not f.stem.endswith(".resolint")


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
