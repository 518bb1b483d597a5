"""Candidate lines for tests/corpus_expected.txt, for the reviewer.

    python benchmarks/corpus_report.py [--code CODE ...] [--folder NAME ...] [--new] [--info]

Runs ``resolint check`` on ../shared/corpus/assembly-75-80 and
../shared/corpus/assembly-variety and prints every finding of severity
warning or error as a line of tests/corpus_expected.txt
(path<TAB>line<TAB>CODE<TAB>justification) whose justification is still to
be written ("REVIEW: " and the finding's message), followed by a comment
line with the paragraph it points at, so that each can be judged quickly:
keep the line (with its evidence in place of "REVIEW: …") where the
published text is really at fault; otherwise the finding is a false
positive to fix in resolint.  The output can be pasted as it is: comment
lines are ignored.  At the end: counts by code and by folder and format.

--new prints only the findings the list does not hold yet; --info also
lists info findings (as comments: they are not part of the list).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_corpus_expected import FOLDERS, check_findings, read_expected  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EXCERPT = 220


def paragraph_at(text: str, line: int, column: int, markdown: bool) -> str:
    """The paragraph holding ``line`` (1-based), collapsed to one line, cut around ``column``."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    first = last = line - 1
    offset = column - 1
    if markdown:
        while first > 0 and lines[first - 1].strip():
            first -= 1
            offset += len(lines[first]) + 1
        while last + 1 < len(lines) and lines[last + 1].strip():
            last += 1
    body = "\n".join(lines[first : last + 1])
    before = re.sub(r"\s+", " ", body[:offset]).lstrip()
    flat = before + re.sub(r"\s+", " ", body[offset:])
    offset = len(before)
    flat = flat.strip()
    if len(flat) <= EXCERPT:
        return flat
    start = max(0, min(offset - EXCERPT // 3, len(flat) - EXCERPT))
    head = "…" if start else ""
    tail = "…" if start + EXCERPT < len(flat) else ""
    return head + flat[start : start + EXCERPT] + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--code", action="append", help="only this code (repeatable)")
    parser.add_argument("--folder", action="append", choices=FOLDERS, help="only this folder (repeatable)")
    parser.add_argument("--new", action="store_true", help="only findings not yet in tests/corpus_expected.txt")
    parser.add_argument("--info", action="store_true", help="also list info findings, as comments")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    expected = read_expected()
    texts: dict[str, str] = {}
    counts: Counter = Counter()
    folders: Counter = Counter()
    info: Counter = Counter()
    for f in check_findings(corpus):
        rel, line, code = f["path"], f["line"], f["code"]
        if args.code and code not in args.code:
            continue
        if args.folder and rel.split("/", 1)[0] not in args.folder:
            continue
        serious = f["severity"] in ("warning", "error")
        if not serious and not (args.info and f["severity"] == "info"):
            if f["severity"] == "info":
                info[code] += 1
            continue
        if serious and args.new and (rel, line, code) in expected:
            continue
        if rel not in texts:
            texts[rel] = (corpus / rel).read_text(encoding="utf-8")
        excerpt = paragraph_at(texts[rel], line, f["column"], rel.endswith(".md"))
        if serious:
            counts[code] += 1
            parts = rel.split("/")
            folders[f"{parts[0]}/{parts[1] if len(parts) > 2 else ''}"] += 1
            listed = expected.get((rel, line, code))
            why = listed if listed else f"REVIEW: {f['message']}"
            print(f"{rel}\t{line}\t{code}\t{why}")
        else:
            info[code] += 1
            print(f"#   info {rel}:{line} {code} {f['message']}")
        print(f"#   ¶ {excerpt}")
    total = sum(counts.values())
    print(f"# {total} warning/error findings; by code: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())))
    print("# by folder: " + ", ".join(f"{k} {n}" for k, n in sorted(folders.items())))
    print(f"# info findings: {sum(info.values())}; by code: " + ", ".join(f"{c} {n}" for c, n in sorted(info.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
