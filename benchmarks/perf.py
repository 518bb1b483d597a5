"""The performance suite: the figures every later change is measured against.

    python benchmarks/perf.py            # prints the figures, writes benchmarks/figures.md
    python benchmarks/perf.py --no-write # prints only
    python benchmarks/perf.py --quick    # skips the 1 MB pathological documents and the LSP part

Run it on an otherwise idle machine (not while fuzzing: the fuzzer occupies
a core).  It measures, for the current code:

* cold start: ``resolint check`` on one document in a fresh process;
* warm throughput: documents/s and MB/s of ``lint_text`` over the corpus
  (best and median of five runs), and the instructions of one pass (callgrind,
  when valgrind is installed: the figure that does not drift);
* growth: realistic documents of 10 KB, 100 KB, 1 MB and 10 MB (the corpus
  pasted end to end) and the ratio of each time to the previous one (10x the
  text should cost about 10x the time), and the peak memory of the 10 MB lint;
* pathological growth: text built to hurt the regular expressions, 100 KB
  against 1 MB (at most ~12x: no quadratic scan, no catastrophic backtrack);
* the language server: didChange -> diagnostics p50/p95 at 30 KB and
  300 KB and RSS after opening 100 documents, from benchmarks/lsp_latency.py.

Goals (issue 6): warm >= 5 MB/s, linear growth 10 KB -> 10 MB, LSP p95 <= 50 ms
at 30 KB, cold start <= 0.3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIGURES = ROOT / "benchmarks" / "figures.md"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

GOAL_MB_S = 5.0
GOAL_COLD_S = 0.3
GOAL_LSP_P95_MS = 50.0
GOAL_GROWTH = 12.0  # time(10x the text) / time(text)

# Pieces that hurt the patterns, as in tests/test_pathological.py.
PATHOLOGICAL = [
    ("digits", "9", "markdown"),
    ("slashes", "/", "markdown"),
    ("spaces", " ", "text"),
    ("stars", "*", "markdown"),
    ("<sup>", "<sup>", "markdown"),
    ("parentheses", "(", "markdown"),
    ("unclosed <!--", "<!--", "markdown"),
    ("citations", "resolution 1/1 of 1 December 2000 and ", "markdown"),
    ("Council back-references", "Council resolution 1/1 ", "text"),
    ("misplaced subparagraphs", "\t(a)\tfoo\n", "text"),
    ("one-word lines", "a\n", "text"),
]


def _corpus_texts() -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in sorted(CORPUS.rglob("*")) if p.suffix in (".md", ".txt")]


def _best(fn, repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds of the run with the least CPU time: on a shared
    machine the CPU time is the steadier figure, so ratios use it."""
    runs = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.process_time() - start_cpu, time.perf_counter() - start))
    cpu, wall = min(runs)
    return wall, cpu


def cold_start(lines: list[str], results: dict) -> None:
    one = CORPUS / "markdown" / "A-RES-77-176.md"
    # As installed: with bytecode cached.  (Where PYTHONDONTWRITEBYTECODE is
    # set every start recompiles the package, about 0.1 s more.)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "resolint", "check", str(one)]
    subprocess.run(command, capture_output=True, cwd=ROOT, env=env)  # writes the bytecode
    runs, cpu = [], []
    for _ in range(7):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=ROOT, env=env)
        runs.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    results["cold"] = min(runs)
    lines.append(
        f"cold start: `resolint check {one.name}` ({one.stat().st_size // 1024} KB): "
        f"best {min(runs):.3f} s, median {statistics.median(runs):.3f} s wall; "
        f"best {min(cpu):.3f} s CPU (7 fresh processes, bytecode cached)"
    )


def warm_throughput(lines: list[str], results: dict, megabytes: float) -> None:
    """Best and median of five runs of ``megabytes`` each: this machine's CPU
    speed drifts by up to 2x from one minute to the next, and the best run is
    the one least slowed by it (as for the other figures here)."""
    from resolint.linter import lint_text

    files = _corpus_texts()
    for path, text in files:  # warm-up: grammar tables, lexicon, record
        lint_text(text, path)
    runs = []  # (MB/s of CPU time, MB/s wall, documents/s wall)
    for _ in range(5):
        docs = size = 0
        start, start_cpu = time.perf_counter(), time.process_time()
        while size < megabytes * 1e6:
            for path, text in files:
                lint_text(text, path)
                docs += 1
                size += len(text.encode("utf-8"))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        runs.append((size / 1e6 / cpu, size / 1e6 / elapsed, docs / elapsed))
    best = max(runs)
    results["mb_s"] = best[1]
    results["mb_s_cpu"] = best[0]
    lines.append(
        f"warm throughput: {docs} documents, {size / 1e6:.1f} MB a run, best of 5 runs: "
        f"{best[2]:.0f} documents/s, {best[1]:.2f} MB/s wall ({best[0]:.2f} MB/s of CPU time); "
        f"median {statistics.median(r[0] for r in runs):.2f} MB/s of CPU time, "
        f"slowest {min(runs)[0]:.2f}"
    )


def _document_of(size: int) -> str:
    """A realistic Markdown document of ``size`` characters: resolutions pasted end to end."""
    texts = [text for path, text in _corpus_texts() if path.endswith(".md")]
    one = "\n\n".join(texts)
    text = (one * (size // len(one) + 1))[:size]
    cut = text.rfind("\n\n")
    return text[:cut] if cut > size // 2 else text


def growth(lines: list[str], results: dict) -> None:
    from resolint.linter import lint_text

    lines.append("")
    lines.append("| document | wall time | CPU time | CPU ratio to previous | MB/s (CPU) |")
    lines.append("| --- | --- | --- | --- | --- |")
    sizes = (("10 KB", 10_000, 10), ("100 KB", 100_000, 3), ("1 MB", 1_000_000, 1), ("10 MB", 10_000_000, 1))
    texts = {label: _document_of(size) for label, size, _ in sizes}
    # Interleaved rounds, the best of each size: measuring one size after the
    # other let the CPU's drift between them pass for a change in growth.
    best: dict[str, tuple[float, float]] = {}
    for _ in range(3):
        for label, _, repeat in sizes:
            wall, cpu = _best(lambda label=label: lint_text(texts[label], "big.md"), repeat)
            if label not in best or cpu < best[label][1]:
                best[label] = (wall, cpu)
    previous = None
    worst = 0.0
    for label, _, _ in sizes:
        text = texts[label]
        wall, cpu = best[label]
        ratio = "" if previous is None else f"{cpu / previous:.1f}x"
        if previous is not None:
            worst = max(worst, cpu / previous)
        lines.append(
            f"| {label} | {wall * 1000:.1f} ms | {cpu * 1000:.1f} ms | {ratio} | {len(text.encode('utf-8')) / 1e6 / cpu:.2f} |"
        )
        previous = cpu
    results["growth"] = worst
    # Peak memory of the 10 MB lint, in a fresh process (this one holds everything above).
    script = (
        "import sys\n"
        # VmHWM, not ru_maxrss: ru_maxrss survives exec and starts at the parent's size.
        "def peak():\n"
        "    return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "from perf import _document_of\n"
        "from resolint.linter import lint_text\n"
        "text = _document_of(10_000_000)\n"
        "before = peak()\n"
        "lint_text(text, 'big.md')\n"
        "print(before, peak())\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    if run.returncode == 0:
        before, after = map(int, run.stdout.split()[-2:])
        results["rss_10mb"] = after / 1024
        lines.append("")
        lines.append(
            f"peak RSS linting the 10 MB document: {after / 1024:.0f} MB "
            f"(before the lint, with the text built: {before / 1024:.0f} MB)"
        )
    else:
        lines.append(f"peak RSS of the 10 MB lint: failed: {run.stderr.strip().splitlines()[-1:]}")


def pathological(lines: list[str], results: dict) -> None:
    from resolint.linter import lint_text

    lines.append("")
    lines.append("| pathological text | 100 KB (CPU) | 1 MB (CPU) | ratio |")
    lines.append("| --- | --- | --- | --- |")
    worst = 0.0
    for label, piece, fmt in PATHOLOGICAL:
        small = piece * (100_000 // len(piece))
        large = piece * (1_000_000 // len(piece))
        # Interleaved (small, large) pairs, the best of each: see growth().
        t_small = t_large = float("inf")
        for _ in range(3):
            t_small = min(t_small, _best(lambda small=small, fmt=fmt: lint_text(small, "-", fmt), 1)[1])
            t_large = min(t_large, _best(lambda large=large, fmt=fmt: lint_text(large, "-", fmt), 1)[1])
        ratio = t_large / t_small
        worst = max(worst, ratio)
        lines.append(
            f"| {label} `{piece!r}` ({fmt}) | {t_small * 1000:.0f} ms | {t_large * 1000:.0f} ms | {ratio:.1f}x |"
        )
    results["pathological"] = worst


def language_server(lines: list[str], results: dict) -> None:
    lines.append("")
    try:
        import lsp_latency  # benchmarks/lsp_latency.py, by the language-server work
    except ImportError:
        lines.append(
            "LSP didChange -> diagnostics p50/p95 at 30 KB and 300 KB: not available (no benchmarks/lsp_latency.py)"
        )
        lines.append("server RSS after opening 100 documents: not available")
        return
    measure = getattr(lsp_latency, "measure", None)
    if measure is None:
        lines.append("LSP figures: not available (benchmarks/lsp_latency.py has no measure())")
        return
    figures = measure()
    for key, label in (("30k", "30 KB"), ("300k", "300 KB")):
        entry = figures.get(key)
        if entry:
            lines.append(
                f"LSP didChange -> diagnostics, {label} ({entry['size_kb']} KB): "
                f"p50 {entry['p50_ms']:.1f} ms, p95 {entry['p95_ms']:.1f} ms"
            )
            if key == "30k":
                results["lsp_p95_30"] = entry["p95_ms"]
        else:
            lines.append(f"LSP didChange -> diagnostics at {label}: not available")
    rss = figures.get("rss_mb_100_documents")
    lines.append(
        f"server RSS after opening 100 documents: {rss:.0f} MB"
        if rss is not None
        else "server RSS after opening 100 documents: not available"
    )


def instructions(lines: list[str], results: dict) -> None:
    """The one figure that does not drift with the machine: instructions of a
    warm corpus pass, counted by callgrind (benchmarks/instructions.py)."""
    import shutil

    if shutil.which("valgrind") is None:
        lines.append("instructions per warm corpus pass: not measured (no valgrind)")
        return
    import instructions as counter  # benchmarks/instructions.py

    lines.append(
        f"instructions per warm corpus pass (callgrind, does not drift with the CPU speed): {counter.count(ROOT):,}"
    )


def goals(results: dict) -> list[str]:
    def mark(ok: bool | None) -> str:
        return "not measured" if ok is None else ("met" if ok else "MISSED")

    return [
        "",
        "Goals:",
        f"- warm throughput >= {GOAL_MB_S} MB/s (of CPU time, best of 5 runs): "
        f"{mark(results['mb_s_cpu'] >= GOAL_MB_S if 'mb_s_cpu' in results else None)}",
        f"- linear growth 10 KB -> 10 MB (each 10x step <= {GOAL_GROWTH:.0f}x in CPU time): "
        f"{mark(results['growth'] <= GOAL_GROWTH if 'growth' in results else None)}",
        f"- pathological 100 KB -> 1 MB <= {GOAL_GROWTH:.0f}x: "
        f"{mark(results['pathological'] <= GOAL_GROWTH if 'pathological' in results else None)}",
        f"- LSP p95 <= {GOAL_LSP_P95_MS:.0f} ms at 30 KB: "
        f"{mark(results['lsp_p95_30'] <= GOAL_LSP_P95_MS if 'lsp_p95_30' in results else None)}",
        f"- cold start <= {GOAL_COLD_S} s (wall, best of 7): {mark(results['cold'] <= GOAL_COLD_S if 'cold' in results else None)}",
    ]


def _commit() -> str:
    run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=ROOT
    )
    return run.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def word_documents(lines: list[str], results: dict) -> None:
    """The Word reader's figures: benchmarks/docx_perf.py, in a process of its own (it imports lxml)."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "docx_perf.py")], capture_output=True, text=True, check=False
    )
    lines += ["", "Word documents (`benchmarks/docx_perf.py`):", "", "```text", *run.stdout.splitlines(), "```"]
    results["docx_100_pages"] = "meets it" in run.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes for each of the five warm throughput runs")
    ap.add_argument("--quick", action="store_true", help="skip the pathological 1 MB runs and the LSP part")
    ap.add_argument("--no-write", action="store_true", help=f"do not write {FIGURES.relative_to(ROOT)}")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"perf: the corpus is not at {CORPUS}")

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    lines = [
        "# Performance figures",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC at commit {_commit()} by `python benchmarks/perf.py`"
        f"{' --quick' if args.quick else ''};",
        f"Python {platform.python_version()}, {cpu}, {os.cpu_count()} CPUs.",
        f"Load average when it started: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        "(figures taken on a busy machine read slow: compare CPU time).",
        "",
    ]
    results: dict = {}
    print("\n".join(lines), flush=True)
    steps = [cold_start, lambda lines, r: warm_throughput(lines, r, args.mb), instructions, growth, word_documents]
    if not args.quick:
        steps += [pathological, language_server]
    for step in steps:
        shown = len(lines)
        step(lines, results)
        print("\n".join(lines[shown:]), flush=True)
    lines += goals(results)
    print("\n".join(goals(results)))
    text = "\n".join(lines) + "\n"
    if not args.no_write:
        FIGURES.write_text(text, encoding="utf-8")
        print(f"written to {FIGURES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
