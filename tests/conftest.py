"""What every test module shares: the one ``corpus`` fixture and the ``slow`` marker.

Tests that read ``../shared`` (the real resolutions beside the checkout) take
the ``corpus`` fixture, which skips them, with the reason, when it is not
there; every other test passes without it (the real text it needs is an
excerpt in tests/data).

``pytest -m "not slow"`` leaves out the slow tests: the editors and the
language server driven end to end, the hypothesis properties over mutated
documents, and the corpus-wide passes.  ``.ci/run`` runs everything.  A test
is slow by its own ``@pytest.mark.slow``, by its module being in
``SLOW_MODULES`` (modules whose every test starts a server or an editor, or
walks the corpus), or by its name being in ``SLOW_TESTS``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DATA = Path(__file__).resolve().parent / "data"

SLOW_MODULES = frozenset(
    {
        "test_lsp.py",
        "test_lsp_editors.py",
        "test_lsp_robustness.py",
        "test_lsp_scope.py",
        "test_lsp_tcp.py",
        "test_vscode_extension.py",
        "test_properties.py",
        "test_corpus_expected.py",
        "test_moved_block.py",
        "test_recall.py",
        "test_format_parity.py",
    }
)
# Single slow tests in modules that are otherwise quick (several seconds each, a minute for the first).
SLOW_TESTS = frozenset(
    {
        "test_cli.py::test_same_output_whatever_the_number_of_jobs",
        "test_cli.py::test_parallel_run_never_imports_the_language_server",
        "test_rules_phrasing.py::test_phrasing_warnings_on_published_resolutions_are_the_reviewed_faults",
        "test_plaintext_markers.py::test_plain_text_markers_are_the_markdown_markers",
    }
)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus``; the test is skipped when it is not beside the checkout."""
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus is not beside the checkout (looked for {CORPUS})")
    return CORPUS


def pytest_collection_modifyitems(config, items):
    slow = pytest.mark.slow
    for item in items:
        if item.path.name in SLOW_MODULES or f"{item.path.name}::{item.originalname}" in SLOW_TESTS:
            item.add_marker(slow)
