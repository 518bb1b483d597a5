"""Helpers shared by the test modules (imported as ``support``: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import json
import subprocess
import sys

from resolint.source import Source

# The seed folders of ../shared/corpus, whose findings the original corpus tests
# pin; assembly-75-80 and assembly-variety are judged by tests/corpus_expected.txt.
SEED_FOLDERS = ("markdown", "plaintext", "drafts")


def seed_corpus_files(corpus) -> list:
    """The .md and .txt files of the seed folders of ``corpus``, sorted."""
    return sorted(p for folder in SEED_FOLDERS for p in (corpus / folder).glob("*") if p.suffix in (".md", ".txt"))


def cli_findings(
    text: str, name: str, cwd: str | None = None, isolated: bool = True, force_exclude: bool = False
) -> list[tuple]:
    """What `resolint check --format json` reports for ``text``, as sorted
    (code, UTF-16 start, UTF-16 end, message) — the coordinates an LSP client sees.
    ``force_exclude``: judge the text as a file found in a folder, as the server judges a buffer
    (no findings for a text that holds no resolution)."""
    command = [sys.executable, "-m", "resolint", "check", "--format", "json", "--stdin-filename", name, "-"]
    if isolated:
        command.insert(4, "--isolated")
    if force_exclude:
        command.insert(4, "--force-exclude")
    run = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, cwd=cwd, timeout=120)
    assert run.returncode in (0, 1), run.stderr.decode("utf-8", "replace")
    source = Source(text)
    out = []
    for d in json.loads(run.stdout):
        start = source.utf16_position(source.offset_of(d["line"] - 1, d["column"] - 1))
        end = source.utf16_position(source.offset_of(d["end_line"] - 1, d["end_column"] - 1))
        out.append((d["code"], start, end, d["message"]))
    return sorted(out)
