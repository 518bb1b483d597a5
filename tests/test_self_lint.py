"""The project lints its own code: ruff's checks and its formatter, configured in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("ruff") is None:
        try:
            import ruff  # noqa: F401  (the PyPI wheel ships the binary)
        except ImportError:
            pytest.skip("ruff is not installed (it is in the test extras)")
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_ruff_check_passes():
    run = _ruff("check", "--no-cache", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_is_applied():
    run = _ruff("format", "--check", "--no-cache", ".")
    assert run.returncode == 0, run.stdout + run.stderr
