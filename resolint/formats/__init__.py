"""Output formats of ``resolint check``: one module each, one ``write`` function each.

``write(results, out, options)`` gets the :class:`~resolint.report.FileResult`
list in input order (files that could not be read carry ``error`` and are
reported on standard error by the CLI, not here).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

# name -> module; "text" is the concise format's old name.
FORMATS = {
    "full": "full",
    "concise": "concise",
    "text": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}


@dataclass(slots=True)
class OutputOptions:
    color: bool = False
    version: str = ""
    # One line per input that could not be checked (unreadable, undecodable …):
    # formats read by machines carry them too, so a dashboard is not green
    # while the exit status says 2.
    errors: tuple[str, ...] = ()
    error_paths: dict | None = None  # message -> the file it is about, when there is one


def writer(name: str):
    """The ``write`` function of format ``name``."""
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").write
