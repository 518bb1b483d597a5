"""Throughput and cold start of `resolint check` (run on demand, not in the test suite).

    python benchmarks/throughput.py [--mb 5]

Prints documents/s and MB/s of lint_text over the shared corpus repeated to
at least --mb megabytes (warm: the parser is built once), and the cold start
of `resolint check` on one document (best of 5 fresh processes).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from resolint.linter import lint_text

    files = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(CORPUS.rglob("*")) if p.suffix in (".md", ".txt")]
    for path, text in files:  # warm-up: grammar tables, lexicon, record
        lint_text(text, path)
    docs = size = 0
    start = time.perf_counter()
    while size < args.mb * 1e6:
        for path, text in files:
            lint_text(text, path)
            docs += 1
            size += len(text.encode("utf-8"))
    elapsed = time.perf_counter() - start
    print(
        f"warm: {docs} documents, {size / 1e6:.1f} MB in {elapsed:.2f} s: {docs / elapsed:.0f} docs/s, {size / 1e6 / elapsed:.2f} MB/s"
    )
    one = CORPUS / "markdown" / "A-RES-77-176.md"
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "resolint", "check", str(one)], capture_output=True, cwd=ROOT)
        runs.append(time.perf_counter() - t)
    print(f"cold start: resolint check {one.name}: best {min(runs):.3f} s, median {sorted(runs)[2]:.3f} s")


if __name__ == "__main__":
    main()
