"""Throughput of the Word reader: documents/s and the time of a 100-page draft.

    python benchmarks/docx_perf.py           # prints the figures

Needs only the committed fixtures (tests/data/docx).  Measures, in CPU time
of this process (the machine is shared; wall time is printed beside it):

* the seed A/RES/77/176 as Word (10 pages): documents/s of ``lint_docx``,
  and how the time splits between opening the package, reading the XML
  into the rendering and linting the rendering;
* drafts of about 25, 100 and 400 pages grown from the seed (its preamble
  repeated): the time of each, and the ratio of each time to the previous
  one against the ratio of their sizes (linear growth);
* a 10 MB .docx (a 100-page draft and 10 MB of images).

Goal (issue 14): a 100-page draft under 0.5 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "docx"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(DATA))

from scale import PAGE_CHARS, grow  # noqa: E402

from resolint.linter import lint_document  # noqa: E402
from resolint.readers.docx import open_package, read_docx  # noqa: E402
from resolint.word import lint_docx, parse_docx  # noqa: E402

GOAL_100_PAGES_S = 0.5


def timed(function, repeat: int = 5) -> tuple[float, float]:
    """(best CPU seconds, median wall seconds) of ``repeat`` calls."""
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        function()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return min(cpu), statistics.median(wall)


def main() -> int:
    seed = (DATA / "A-RES-77-176.docx").read_bytes()
    lint_docx(seed)  # imports and caches warm
    cpu, wall = timed(lambda: lint_docx(seed), 10)
    print(f"seed A/RES/77/176 as Word ({len(seed) / 1024:.0f} KB, 10 pages):")
    print(
        f"  lint_docx        {cpu * 1000:7.1f} ms CPU  ({1 / cpu:5.1f} documents/s; wall median {wall * 1000:.1f} ms)"
    )
    parts_cpu, _ = timed(lambda: open_package(seed), 10)
    read_cpu, _ = timed(lambda: read_docx(seed), 10)
    word = read_docx(seed)
    rules_cpu, _ = timed(lambda: lint_document(parse_docx(word, "seed.docx"), None, "seed.docx"), 10)
    print(f"  open the package {parts_cpu * 1000:7.1f} ms")
    print(f"  read to Markdown {read_cpu * 1000:7.1f} ms (the package included)")
    print(f"  parse and rules  {rules_cpu * 1000:7.1f} ms (on the rendering read once)")
    print()
    print("drafts grown from the seed:")
    previous = None
    hundred = None
    for copies in (5, 24, 96):
        data = grow(copies)
        result = lint_docx(data)
        pages = len(result.document.source.text) / PAGE_CHARS
        cpu, wall = timed(lambda data=data: lint_docx(data), 3)
        line = f"  {pages:5.0f} pages  {len(data) / 1024:6.0f} KB  {cpu:6.3f} s CPU  (wall median {wall:.3f} s)"
        line += f"  {len(result.diagnostics)} finding(s)"
        if previous:
            line += f"  x{pages / previous[0]:.1f} the text: x{cpu / previous[1]:.1f} the time"
        print(line)
        previous = (pages, cpu)
        if copies == 24:
            hundred = (pages, cpu)
    big = grow(24, image_bytes=10 * 1024 * 1024)
    cpu, wall = timed(lambda: lint_docx(big), 3)
    print(f"  a {len(big) / 1024 / 1024:.1f} MB .docx ({hundred[0]:.0f} pages and images): {cpu:.3f} s CPU")
    print()
    verdict = "meets" if hundred[1] < GOAL_100_PAGES_S else "misses"
    print(
        f"goal: a 100-page draft under {GOAL_100_PAGES_S} s: {hundred[0]:.0f} pages in {hundred[1]:.3f} s ({verdict} it)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
