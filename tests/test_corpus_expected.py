"""Published resolutions: a warning only where the text is at fault (issue 11).

The findings of severity warning or error that ``resolint check`` reports on
``../shared/corpus/assembly-75-80`` and ``../shared/corpus/assembly-variety``
must equal the reviewed list ``tests/corpus_expected.txt`` exactly, both
ways; no S004 anywhere; info findings about one per document at most.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "corpus_expected.txt"
FOLDERS = ("assembly-75-80", "assembly-variety")
INFO_PER_DOCUMENT = 1.0


def read_expected(path: Path = EXPECTED) -> dict[tuple[str, int, str], str]:
    """(path, line, code) -> justification, from the reviewed list."""
    out: dict[tuple[str, int, str], str] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = raw.split("\t")
        assert len(fields) == 4, f"{path.name}:{n}: expected path<TAB>line<TAB>CODE<TAB>justification"
        rel, line, code, why = fields
        assert line.isdigit(), f"{path.name}:{n}: line {line!r} is not a number"
        assert why.strip(), f"{path.name}:{n}: a listed finding needs its justification"
        key = (rel, int(line), code)
        assert key not in out, f"{path.name}:{n}: {rel}:{line} {code} is listed twice"
        out[key] = why
    return out


def check_findings(corpus: Path) -> list[dict]:
    """The findings of `resolint check --format json` on the two folders, paths relative to the corpus."""
    folders = [str(corpus / f) for f in FOLDERS]
    proc = subprocess.run(
        [sys.executable, "-m", "resolint", "check", "--format", "json", "--exit-zero", *folders],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    findings = json.loads(proc.stdout)
    for f in findings:
        f["path"] = Path(f["path"]).resolve().relative_to(corpus.resolve()).as_posix()
    return findings


def documents(corpus: Path) -> int:
    return sum(
        1 for f in FOLDERS for p in (corpus / f).rglob("*") if p.suffix in (".md", ".txt") and p.name != "README.md"
    )


@pytest.fixture(scope="module")
def findings(corpus) -> list[dict]:
    missing = [folder for folder in FOLDERS if not (corpus / folder).is_dir()]
    assert not missing, f"../shared/corpus has no {missing}"
    return check_findings(corpus)


def test_expected_file_is_well_formed():
    read_expected()


def test_warnings_and_errors_are_the_reviewed_list(findings):
    expected = read_expected()
    got = {(f["path"], f["line"], f["code"]): f["message"] for f in findings if f["severity"] in ("warning", "error")}
    missing = sorted(set(expected) - set(got))
    unexpected = sorted(set(got) - set(expected))
    lines = []
    if missing:
        lines.append(f"{len(missing)} listed finding(s) no longer reported (a true fault dropped?):")
        lines += [f"{p}\t{n}\t{c}\t{expected[(p, n, c)]}" for p, n, c in missing]
    if unexpected:
        lines.append(
            f"{len(unexpected)} finding(s) not in tests/corpus_expected.txt (false positive, or review and add):"
        )
        lines += [f"{p}\t{n}\t{c}\t{got[(p, n, c)]}" for p, n, c in unexpected]
        counts = Counter(c for _, _, c in unexpected)
        lines.append("unexpected by code: " + ", ".join(f"{c} {n}" for c, n in counts.most_common()))
    assert not lines, "\n".join(lines)


def test_no_s004(findings):
    s004 = [f"{f['path']}:{f['line']} {f['message']}" for f in findings if f["code"] == "S004"]
    assert not s004, f"{len(s004)} S004 findings, e.g.:\n" + "\n".join(s004[:20])


def test_info_findings_stay_about_one_per_document(findings, corpus):
    info = [f for f in findings if f["severity"] == "info"]
    n = documents(corpus)
    by_code = Counter(f["code"] for f in info)
    assert len(info) <= INFO_PER_DOCUMENT * n, f"{len(info)} info findings on {n} documents: {dict(by_code)}"
