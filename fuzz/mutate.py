"""Fallback fuzz driver: random mutation of the corpus, no atheris needed.

    python fuzz/mutate.py --minutes 30 [--seed 1] [--out fuzz/crashes]

Where atheris cannot be installed (it needs a matching wheel or a clang
toolchain), this driver keeps the same invariants (fuzz/harness.py) over
inputs made by stacking random mutations on the real corpus and the
fixtures: byte flips, inserted surface tokens (the dictionary of
fuzz/resolint.dict), deleted, duplicated and swapped lines, splices of two
documents.  It is not coverage-guided, so it finds less per hour than
atheris; it does catch crashes and hangs (an input taking longer than
--timeout seconds is saved as a hang).  Every failing input is written to
--out with the traceback beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from harness import check  # noqa: E402


def _dictionary() -> list[str]:
    tokens = []
    for line in (HERE / "resolint.dict").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith('"') and line.endswith('"'):
            # libFuzzer's escapes are bytes: "\xe2\x80\xa8" is one character, U+2028.
            raw = line[1:-1].encode("latin-1").decode("unicode_escape").encode("latin-1")
            tokens.append(raw.decode("utf-8", "replace"))
    return tokens


def _seeds(paths: list[Path]) -> list[str]:
    texts = []
    for base in paths:
        for p in sorted(base.rglob("*")) if base.is_dir() else [base]:
            if p.is_file() and p.suffix in (".md", ".txt"):
                texts.append(p.read_text(encoding="utf-8", errors="replace"))
    return texts


def mutate(text: str, rng: random.Random, seeds: list[str], tokens: list[str]) -> str:
    for _ in range(rng.randint(1, 8)):
        n = len(text)
        op = rng.randrange(9)
        at = rng.randint(0, n)
        if op == 0:  # insert a surface token
            text = text[:at] + rng.choice(tokens) + text[at:]
        elif op == 1:  # delete a span
            text = text[:at] + text[at + rng.randint(1, 300) :]
        elif op == 2:  # flip one character
            if n:
                text = (
                    text[: at - 1 if at else 0]
                    + chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x10FFFF)]))
                    + text[at:]
                )
        elif op == 3 or op == 4:  # duplicate / swap lines
            lines = text.splitlines(keepends=True)  # any split will do for mutation
            if len(lines) > 1:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                if op == 3:
                    lines.insert(i, lines[j])
                else:
                    lines[i], lines[j] = lines[j], lines[i]
                text = "".join(lines)
        elif op == 5:  # splice with another document
            other = rng.choice(seeds)
            cut = rng.randint(0, len(other))
            text = text[:at] + other[cut : cut + rng.randint(1, 5000)] + text[at:]
        elif op == 6:  # repeat a piece (long runs hurt regular expressions)
            piece = text[at : at + rng.randint(1, 12)] or rng.choice(tokens)
            text = text[:at] + piece * rng.randint(2, 3000) + text[at:]
        elif op == 7:  # line ends
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\n\n", "\u2028", ""]))
        else:  # truncate
            text = text[:at]
    return text[:200_000]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--timeout", type=int, default=20, help="seconds before one input counts as a hang")
    ap.add_argument("--out", type=Path, default=HERE / "crashes")
    ap.add_argument(
        "inputs", nargs="*", type=Path, default=[ROOT.parent / "shared" / "corpus", ROOT / "tests" / "fixtures"]
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seeds = _seeds(args.inputs)
    tokens = _dictionary()

    def hang(signum, frame):
        raise TimeoutError(f"one input took more than {args.timeout} s")

    signal.signal(signal.SIGALRM, hang)
    deadline = time.monotonic() + args.minutes * 60
    runs = failures = 0
    while time.monotonic() < deadline:
        text = mutate(rng.choice(seeds), rng, seeds, tokens)
        runs += 1
        signal.alarm(args.timeout)
        try:
            check(text)
        except Exception:
            failures += 1
            args.out.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            (args.out / f"crash-{name}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
            (args.out / f"crash-{name}.traceback").write_text(traceback.format_exc(), encoding="utf-8")
            print(f"crash-{name}: {traceback.format_exc().strip().splitlines()[-1]}", flush=True)
        finally:
            signal.alarm(0)
        if runs % 500 == 0:
            print(f"{runs} runs, {failures} failures", flush=True)
    print(f"done: {runs} runs in {args.minutes:g} min (seed {args.seed}), {failures} failures")


if __name__ == "__main__":
    main()
