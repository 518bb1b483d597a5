"""Instructions of one warm lint pass over the corpus, counted by callgrind.

    python benchmarks/instructions.py                 # the current tree
    python benchmarks/instructions.py --against REV   # and a git revision, side by side

Wall and CPU time on a shared machine drift by up to 2x from one minute to
the next; an instruction count does not, so it is the figure to compare two
versions with (it ignores cache misses, so it is a guide to time, not a
measure of it).  The script runs itself under ``valgrind --tool=callgrind``
with collection switched on only inside one ``functools.reduce`` call that
lints every corpus document once, after a warm-up pass (grammar tables,
lexicon and record built).  Needs valgrind (Debian package ``valgrind``).
With ``--against`` the other revision's package is imported from a temporary
worktree; its grammar file is the installed one.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _measured_pass(tree: str) -> None:
    """Inside valgrind: lint the corpus once to warm up, then once counted."""
    sys.path.insert(0, tree)
    from resolint.linter import lint_text

    files = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(CORPUS.rglob("*")) if p.suffix in (".md", ".txt")]
    for path, text in files:
        lint_text(text, path)

    def lint_all(*_):
        for path, text in files:
            lint_text(text, path)

    # callgrind counts only inside functools_reduce (--toggle-collect): the one pass.
    functools.reduce(lint_all, [0, 0])


def count(tree: Path) -> int:
    """Instructions of one warm pass with the resolint package of ``tree``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        run = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                "--toggle-collect=functools_reduce",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--measured-pass",
                str(tree),
            ],
            capture_output=True,
            text=True,
        )
        for line in run.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1])
        raise SystemExit(f"instructions: valgrind gave no count:\n{run.stderr[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", metavar="REV", help="also count a git revision (checked out in a temporary worktree)")
    ap.add_argument("--measured-pass", metavar="TREE", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measured_pass:
        _measured_pass(args.measured_pass)
        return
    if shutil.which("valgrind") is None:
        sys.exit("instructions: valgrind is not installed (Debian: apt install valgrind)")
    if not CORPUS.is_dir():
        sys.exit(f"instructions: the corpus is not at {CORPUS}")
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
    current = count(ROOT)
    print(f"current tree: {current:,} instructions per warm pass over the corpus ({size / 1e6:.2f} MB)")
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            worktree = Path(tmp) / "tree"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(worktree), args.against],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            try:
                other = count(worktree)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, capture_output=True)
        print(f"{args.against}: {other:,} instructions: the current tree runs {other / current:.2f}x fewer")


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    main()
