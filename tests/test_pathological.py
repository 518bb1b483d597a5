"""Pathological inputs: text built to hurt the regular expressions and the parser.

Each pattern-heavy path (the Markdown and plain-text readers, block
classification, markers, dates, citations, suppression comments, every rule)
gets 100 KB lines of what its patterns scan: runs of digits, slashes,
spaces, ``*``, ``<sup>``, parentheses, unclosed comments … .  A catastrophic
backtrack or a quadratic scan turns one of these into minutes; the alarm
below turns that into a failure instead of a hung CI.  How time grows with
size (100 KB against 1 MB, at most ~12x) is measured by benchmarks/perf.py,
not here: timings do not belong in unit tests.

The regressions at the end are inputs that once hung or crashed (found by
hand, by the property tests or by the fuzzer, fuzz/README.md).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from resolint.linter import lint_text

ROOT = Path(__file__).resolve().parents[1]

# Far above what a linear pass over 100 KB needs (well under a second), far
# below what a quadratic one takes.
GUARD_SECONDS = 20
SIZE = 100_000
# Short lines cost a block each (classification, grammar, a finding): 30 KB of
# them in CI, 100 KB in the long run (RESOLINT_HYPOTHESIS=long).
LINES_SIZE = 100_000 if os.environ.get("RESOLINT_HYPOTHESIS") == "long" else 30_000

# What each path's patterns scan for, repeated into a 100 KB line.
PIECES = [
    "9",
    "/",
    " ",
    "*",
    "**",
    "(",
    ")",
    "()",
    "((",
    "[",
    "](",
    "\\",
    "#",
    "-",
    "\t",
    ".",
    ",",
    "\u00a0",
    "<sup>",
    "</sup>",
    "<sup>1</sup>",
    "<sup>1,",
    "<sup> ",
    "<!--",
    "-->",
    "<!-- resolint: disable ",
    "<!-- resolint: disable-next-line S001 ",
    "1/",
    "12/34 ",
    "1/1/",
    "ES-",
    "S-1/",
    "2200 A (",
    "2200 A (XXI",
    "(I",
    "1 (2016",
    "resolution ",
    "resolutions 1/1, ",
    "resolutions 1/1 and ",
    "resolution 1/1 of 1 January 2000, ",
    "resolution 1/1 of the ",
    "Council resolution 1/1 ",
    "Commission on A ",
    "Commission on A resolution 1/1 ",
    "in its ",
    "December ",
    "1 December ",
    "1st December ",
    "December 1, ",
    "1 Dec. ",
    "12 ",
    "2000",
    "The General Assembly, ",
    "The Commission on A ",
    "The Security Council ",
    "Recalling ",
    "Decides ",
    "Also calls upon ",
    "a",
    "A",
    "Aa ",
    "x1 ",
    "word1,",
    ".1",
    ",1",
    "22 May 20045 ",
    "Action 1 ",
    "plenary ",
    "53rd plenary meeting ",
    "draft resolution ",
    "Subject: ",
    "a@b.c ",
    "http://",
    "|",
    "\u2028",
    "\x0c",
    "\u0085",
    "\u200f",
    "\u0301",
    "😀",
    "\x00",
    "\ufeff",
    "*a* ",
    "**a**",
    "[a](b) ",
    '"',
    "“",
    "’s ",
]
# The same pieces as many short lines: the block splitter, the classifier and
# the grammar's error recovery see one block per line.
LINE_PIECES = [
    "a\n",
    "A\n",
    "1.\n",
    "1. Decides\n",
    "(a)\n",
    "\t(a)\tfoo\n",
    "(i)\n",
    "Annex\n",
    "--- \n",
    "**a**\n",
    "53rd plenary meeting\n",
    "1 a\n",
    "# a\n",
    "> a\n",
    "<sup>1</sup> a\n",
    "The General Assembly,\n\n",
    "Recalling resolution 1/1 of 1 January 2000,\n\n",
    "\t1.\tDecides resolution 1/1;\n",
    "\r",
    "\r\n",
    "\n",
    "<!--\n",
    "Subject: x\n\n",
]


@contextmanager
def _guard(what: str):
    def alarm(signum, frame):
        raise TimeoutError(f"{what}: more than {GUARD_SECONDS} s — a catastrophic backtrack or a quadratic scan")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _lint_checked(text: str, fmt: str, what: str) -> None:
    with _guard(what):
        result = lint_text(text, "-", fmt)
    n = len(text)
    assert all(0 <= d.start <= d.end <= n for d in result.diagnostics), what


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize("piece", PIECES, ids=[repr(p)[1:-1][:24] for p in PIECES])
def test_a_100kb_line_of_one_piece(piece, fmt):
    _lint_checked(piece * (SIZE // len(piece)), fmt, f"{piece!r} x {SIZE // len(piece)} ({fmt})")


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize("piece", LINE_PIECES, ids=[repr(p)[1:-1][:24] for p in LINE_PIECES])
def test_many_short_lines(piece, fmt):
    _lint_checked(piece * (LINES_SIZE // len(piece)), fmt, f"{piece!r} x {LINES_SIZE // len(piece)} ({fmt})")


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_100kb_line_inside_a_real_resolution(corpus, fmt):
    """The hurtful line as one paragraph of a real document: every rule runs on it."""
    path = corpus / ("markdown/A-RES-77-176.md" if fmt == "markdown" else "plaintext/A-RES-77-5.txt")
    text = path.read_text(encoding="utf-8")
    middle = text.index("\n\n", len(text) // 2)
    for piece in ("9/", "<sup>1</sup>(", "resolution 1/1 of 1 December 2000 and ", "* ", "Council ", "<!--"):
        line = ("\t" if fmt == "text" else "") + "Decides " + piece * (SIZE // len(piece)) + ";"
        _lint_checked(text[:middle] + "\n\n" + line + text[middle:], fmt, f"{piece!r} in {path.name}")


@pytest.mark.slow
def test_ten_megabytes_lint_in_bounded_memory(corpus, tmp_path):
    """A 10 MB document (the corpus, pasted end to end) lints in a fresh process
    without running out of memory: peak RSS stays under 1.5 GB."""
    script = (
        "import sys\n"
        # VmHWM, not ru_maxrss: ru_maxrss survives exec and starts at the parent's size.
        "def peak():\n"
        "    return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "from pathlib import Path\n"
        "from resolint.linter import lint_text\n"
        f"texts = [p.read_text(encoding='utf-8') for p in sorted(Path({str(corpus)!r}).rglob('*.md'))]\n"
        "one = '\\n\\n'.join(texts)\n"
        "text = (one * (10_000_000 // len(one) + 1))[:10_000_000]\n"
        "result = lint_text(text, 'big.md')\n"
        "assert all(0 <= d.start <= d.end <= len(text) for d in result.diagnostics)\n"
        "print(peak(), len(result.diagnostics))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    peak_kb, count = map(int, run.stdout.split())
    assert peak_kb < 1_500_000, f"peak RSS {peak_kb / 1024:.0f} MB for a 10 MB document"
    assert count > 0  # the pasted copies repeat headers: the structure rules must say so


# ---------------------------------------------------------------- regressions
def test_unclosed_comment_openers_are_linear():
    """'<!--' x 25,000 with no '-->': each opener once scanned to the end of the text."""
    _lint_checked("<!--" * 25_000, "markdown", "unclosed <!--")
    _lint_checked("<!-- a --> " + "<!--" * 25_000, "markdown", "unclosed <!-- after a closed one")


def test_a_closed_comment_still_hides_its_markup_and_text():
    text = "The General Assembly,\n\n<!-- *Recalling* resolution 1/1 --> *Recalling* its resolution 70/1,\n"
    result = lint_text(text, "-", "markdown")
    assert result.document.plain[text.index("<!--") : text.index("-->") + 3].strip() == ""
    assert [c.symbol for c in result.document.citations] == ["70/1"]


def test_many_misplaced_blocks_are_linear():
    """Thousands of subparagraphs with no paragraph: the reason for each once
    looked at every block before it."""
    _lint_checked("(a) foo\n\n" * 6_000, "markdown", "misplaced subparagraphs")
    _lint_checked("\t(a)\tfoo\n" * 6_000, "text", "misplaced subparagraphs")


def test_many_council_back_references_are_linear():
    """'Council resolution 1/1' x 4,000: each once searched all the text before it."""
    _lint_checked("Security Council resolution 1/1 " * 3_000, "markdown", "Council back-references")


def test_council_back_reference_names_the_last_council_named():
    text = (
        "The General Assembly,\n\n*Recalling* Human Rights Council resolution 43/1 of 19 June 2020 "
        "and Council resolution 44/2,\n"
    )
    citations = lint_text(text, "-", "markdown").document.citations
    assert [(c.symbol, c.body) for c in citations] == [
        ("43/1", "Human Rights Council"),
        ("44/2", "Human Rights Council"),
    ]


def test_unrecognised_blocks_are_reported_in_place():
    """Unrecognised blocks are taken out before the grammar runs: each must
    still be reported, once, where it stands."""
    text = "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\nSubject: lunch\n\n1. *Decides* to act;\n\nFrom: me\n"
    doc = lint_text(text, "-", "markdown").document
    assert [u.span.line for u in doc.unrecognised] == [4, 8]
    assert all(u.reason == "unrecognised" for u in doc.unrecognised)
    assert len(doc.parts[0].preamble) == 1 and len(doc.parts[0].operative) == 1
