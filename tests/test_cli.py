"""`resolint check` as a whole: --jobs (same output whatever N), progress bar, pre-commit hook."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from test_cli_helpers import REAL_MD

from resolint.cli import Progress, main

ROOT = Path(__file__).resolve().parents[1]


def _faulty_tree(tmp_path: Path, corpus: Path) -> Path:
    """The corpus twice over, with a fault in every second file, and one unreadable file."""
    tree = tmp_path / "tree"
    for copy in range(2):
        for i, p in enumerate(sorted(q for q in corpus.rglob("*") if q.suffix in (".md", ".txt"))):
            target = tree / f"c{copy}" / p.parent.name / p.name
            target.parent.mkdir(parents=True, exist_ok=True)
            text = p.read_text(encoding="utf-8")
            if i % 2:
                text = text.replace(
                    "\n\n",
                    "\n\n\tFrom: someone@example.org\n\n"
                    if p.suffix == ".txt"
                    else "\n\nFrom: someone@example.org\n\n",
                    3,
                )
            target.write_text(text, encoding="utf-8")
    (tree / "c1" / "zz-latin.md").write_bytes(b"caf\xe9\n")
    return tree


def test_same_output_whatever_the_number_of_jobs(tmp_path, capsys, corpus):
    tree = _faulty_tree(tmp_path, corpus)
    outputs = {}
    for jobs in ("1", "2", "3"):
        for fmt in ("json", "full"):
            code = main(["check", "--isolated", "--format", fmt, "--jobs", jobs, str(tree)])
            captured = capsys.readouterr()
            outputs[jobs, fmt] = (code, captured.out, captured.err)
    for fmt in ("json", "full"):
        assert outputs["1", fmt] == outputs["2", fmt] == outputs["3", fmt]
    code, out, err = outputs["1", "json"]
    findings = json.loads(out)
    assert code == 2 and err.count("\n") == 1 and "zz-latin.md" in err
    paths = [f["path"] for f in findings]
    assert paths == sorted(paths, key=lambda p: Path(p).as_posix()) and len(set(paths)) >= 20


def test_a_file_named_twice_is_checked_once(tmp_path, capsys):
    doc = tmp_path / "a.md"
    shutil.copyfile(REAL_MD, doc)
    assert main(["check", "--jobs", "2", str(doc), str(tmp_path), str(doc)]) == 0
    assert "(1 file checked)" in capsys.readouterr().out


def test_parallel_run_never_imports_the_language_server(corpus):
    script = (
        "import sys; from resolint.cli import main; code = main(['check', '-q', '--format', 'concise', '--jobs', '2', sys.argv[1]]);"
        "assert not any(m.startswith(('pygls', 'lsprotocol')) for m in sys.modules), 'LSP imported'; sys.exit(code)"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(corpus)], capture_output=True)
    assert proc.returncode in (0, 1), proc.stderr.decode()


def test_progress_bar_appears_only_after_the_delay_and_is_cleared():
    stream = io.StringIO()
    now = [0.0]
    bar = Progress(stream, delay=1.0)
    bar.clock = lambda: now[0]
    bar.started = 0.0
    bar.update(1, 10)
    assert stream.getvalue() == ""  # a short run shows nothing
    now[0] = 1.5
    bar.update(5, 10)
    assert stream.getvalue() == "\r[###############               ] 5/10 files"
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")


def test_progress_bar_only_on_a_terminal(tmp_path, capsys, monkeypatch):
    import resolint.cli.check as cli

    shown = []

    class Recording(Progress):
        def __init__(self, stream, delay=1.0):
            super().__init__(stream, delay=0.0)
            shown.append(self)

    monkeypatch.setattr(cli, "Progress", Recording)
    doc, other = tmp_path / "a.md", tmp_path / "b.md"
    shutil.copyfile(REAL_MD, doc)
    shutil.copyfile(REAL_MD, other)
    main(["check", "--jobs", "1", str(doc), str(other)])
    assert shown == []  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    main(["check", "--jobs", "1", str(doc), str(other)])
    assert len(shown) == 1 and "2/2 files" in capsys.readouterr().err
    main(["check", "--quiet", "--jobs", "1", str(doc), str(other)])
    assert len(shown) == 1  # --quiet: no bar


def test_pre_commit_hook_definition():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: resolint\n" in text and "- id: resolint-fix\n" in text
    entries = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("entry:")]
    assert entries == ["resolint check --force-exclude", "resolint check --force-exclude --fix"]
    assert "language: python" in text and r"files: \.(md|markdown|txt)$" in text
    # What pre-commit runs: named files, a README among them that is not a resolution.
    (readme, draft) = (ROOT / "README.md", REAL_MD)
    proc = subprocess.run(
        [sys.executable, "-m", "resolint", "check", "--force-exclude", str(readme), str(draft)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and "All checks passed (1 file checked)." in proc.stdout
