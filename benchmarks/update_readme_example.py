"""Regenerate the example output block in README.md from the bundled example (run after rule changes)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
proc = subprocess.run(
    [sys.executable, "-m", "resolint", "check", "examples/draft-resolution.md"],
    cwd=ROOT,
    capture_output=True,
    text=True,
)
block = "```console\n$ resolint check examples/draft-resolution.md\n" + proc.stdout + "```\n"
readme = ROOT / "README.md"
text = readme.read_text(encoding="utf-8")
start = text.index("<!-- example-output:start -->\n") + len("<!-- example-output:start -->\n")
end = text.index("<!-- example-output:end -->")
readme.write_text(text[:start] + block + text[end:], encoding="utf-8")
print(block)
