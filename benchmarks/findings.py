"""Every finding on every document, as JSON lines: the before/after check of a refactoring.

    python benchmarks/findings.py > before.jsonl           # at the old commit
    python benchmarks/findings.py --compare before.jsonl   # at the new one: prints the differences

Lints every ``.md`` and ``.txt`` document of ../shared/corpus (all folders),
tests/fixtures and examples/ with the default settings, and writes one line
per finding: path, code, line, column, severity, message and the fix's edits.
A refactoring that must not change behaviour passes when ``--compare``
prints nothing and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolint.linter import lint_text  # noqa: E402

FOLDERS = (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "fixtures", ROOT / "examples")


def documents() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())


def _name(path: Path) -> str:
    """The document's name in the output: "corpus/…" or relative to the checkout, so that
    two checkouts (a worktree at the old commit, one at the new) name it alike."""
    corpus = FOLDERS[0]
    return (
        f"corpus/{path.relative_to(corpus).as_posix()}"
        if path.is_relative_to(corpus)
        else path.relative_to(ROOT).as_posix()
    )


def findings() -> list[str]:
    lines = []
    for path in documents():
        text = path.read_text(encoding="utf-8", errors="replace")
        name = _name(path)
        result = lint_text(text, name)
        source = result.document.source
        for d in result.diagnostics:
            line, column = source.position(d.start)
            fix = None
            if d.fix is not None:
                fix = [d.fix.message, d.fix.safe, [[e.start, e.end, e.new_text] for e in d.fix.edits]]
            end = list(source.position(d.end))
            related = [[a, b, note] for a, b, note in d.related]
            record = [
                name,
                d.code,
                line,
                column,
                end,
                str(d.severity),
                d.message,
                fix,
                related,
            ]
            lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--compare", metavar="FILE", help="the findings of an earlier run: print the differences")
    args = ap.parse_args()
    now = findings()
    if not args.compare:
        print("\n".join(now))
        return
    before = Path(args.compare).read_text(encoding="utf-8").splitlines()
    gone = sorted(set(before) - set(now))
    new = sorted(set(now) - set(before))
    for line in gone:
        print("-", line)
    for line in new:
        print("+", line)
    print(f"{len(now)} findings now, {len(before)} before: {len(gone)} gone, {len(new)} new", file=sys.stderr)
    sys.exit(1 if gone or new else 0)


if __name__ == "__main__":
    main()
