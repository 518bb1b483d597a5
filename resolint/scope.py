"""Which texts resolint checks when nobody named them: the rule of a folder walk.

``resolint check FOLDER`` (and ``--force-exclude``, and every buffer an editor
opens in the language server) checks a file only when it is a ``.md``,
``.markdown`` or ``.txt`` file, the configuration does not exclude it, and it
holds the structure of a resolution.  A README or a note gets no findings.
"""

from __future__ import annotations

from pathlib import Path

from .config import Settings

EXTENSIONS = (".md", ".markdown", ".txt")


def is_document_path(path: str) -> bool:
    """A file name resolint reads when it walks a folder."""
    return Path(path).suffix.lower() in EXTENSIONS


def excluded_reason(path: str | None, settings: Settings, by_extension: bool = False) -> str | None:
    """Why the file at ``path`` is not checked before reading it; None when it is."""
    if not path or path == "-":
        return None
    if by_extension and not is_document_path(path):
        return f"not a {', '.join(EXTENSIONS)} file"
    if settings.is_excluded(path):
        return "excluded by the configuration"
    return None


def structure_reason(document) -> str | None:
    """Why a parsed text is not checked: it holds no resolution structure."""
    if document is not None and not document.has_resolution_structure():
        return "no resolution structure found"
    return None
