"""Where the ``.lark`` grammars are: one loader for the installed package and the checkout.

The grammars live in the project's top-level ``grammar/`` folder; an
installed package carries them as ``resolint.grammar`` (pyproject.toml maps
the folder there).  Run from a checkout without installing (``python -m
pytest`` in a fresh clone), that package does not exist, and the folder
beside ``resolint/`` is read instead.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "grammar"


def grammar_text(name: str) -> str:
    """The text of the grammar file ``name`` ("resolution.lark", "annex.lark")."""
    try:
        return resources.files("resolint.grammar").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return (_CHECKOUT / name).read_text(encoding="utf-8")
