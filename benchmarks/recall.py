"""Recall on real texts: seed one fault of each kind into every corpus document.

    python benchmarks/recall.py [CORPUS_DIR] [--misses] [--kind CODE]

For every Markdown and plain-text document under CORPUS_DIR (default
../shared/corpus: the seed folders, assembly-75-80 and assembly-variety),
``tests/faults.py`` seeds one fault of each kind at a fixed spot; a fault is
caught when the linter reports a finding with an expected code in the seeded
paragraph that the unmutated document lacks.  Prints the catch rate per kind
and format, and overall (issue 11 asks for at least 98% overall and 90% for
each kind).  ``--misses`` lists every missed fault (path:line and what was
seeded) so a developer can open the spot.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import faults  # noqa: E402

from resolint.linter import lint_text  # noqa: E402


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "README.md")


def run(corpus: Path, kinds: tuple[str, ...] = faults.KINDS):
    """Yield (path, fmt, kind, seeded, caught) for every seeded fault."""
    for path in corpus_files(corpus):
        text = path.read_text(encoding="utf-8")
        fmt = faults.fmt_of(path.name)
        sk = faults.skeleton(text, fmt)
        seeds = [(k, faults.SEEDERS[k](sk)) for k in kinds]
        seeds = [(k, s) for k, s in seeds if s is not None]
        if not seeds:
            continue
        before = lint_text(text, str(path), fmt).diagnostics
        for kind, seeded in seeds:
            after = lint_text(seeded.text, str(path), fmt).diagnostics
            yield path, fmt, kind, seeded, faults.caught(seeded, before, after)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--misses", action="store_true", help="list every missed fault")
    parser.add_argument("--kind", action="append", help="only this kind (repeatable)")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    kinds = tuple(args.kind) if args.kind else faults.KINDS
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for path, fmt, kind, seeded, hit in run(corpus, kinds):
        cell = tally[(kind, fmt)]
        cell[0] += hit
        cell[1] += 1
        if not hit:
            misses.append(f"{path.relative_to(corpus)}:{seeded.line()} {kind} not caught: {seeded.note}")
    print(f"{'kind':6} {'format':9} {'caught':>7} {'seeded':>7} {'rate':>7}")
    total = [0, 0]
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind in kinds:
        for fmt in ("markdown", "text"):
            hit, n = tally.get((kind, fmt), (0, 0))
            if n:
                print(f"{kind:6} {fmt:9} {hit:7d} {n:7d} {100 * hit / n:6.1f}%")
            total[0] += hit
            total[1] += n
            by_kind[kind][0] += hit
            by_kind[kind][1] += n
    worst = min((100 * h / n, k) for k, (h, n) in by_kind.items() if n) if total[1] else (0.0, "-")
    print(
        f"overall: {total[0]}/{total[1]} = {100 * total[0] / max(1, total[1]):.1f}%  (lowest kind: {worst[1]} {worst[0]:.1f}%)"
    )
    if args.misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
