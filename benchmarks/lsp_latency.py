"""Language server latency and memory: didChange → diagnostics, and RSS after 100 documents.

    python benchmarks/lsp_latency.py [--rounds 40]

Drives the real server process (``python -m resolint lsp``) over stdio.  For
a 30 KB resolution (A/RES/77/176) and a 300 KB one (A/RES/79/1 with the
paragraphs of A/RES/78/229 appended), each round sends one keystroke as an
incremental ``didChange`` and times the ``publishDiagnostics`` that answers
that version.  Then it opens 100 documents (the corpus, repeated under
different URIs) and reads the server's resident memory from /proc.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from resolint.lsp.stdio_client import StdioClient  # noqa: E402
from resolint.source import Source  # noqa: E402


def document_30k() -> str:
    return (CORPUS / "markdown" / "A-RES-77-176.md").read_text(encoding="utf-8")


def document_300k() -> str:
    """A/RES/79/1 (193 KB) followed by the paragraphs of A/RES/78/229 until 300 KB."""
    text = (CORPUS / "markdown" / "A-RES-79-1.md").read_text(encoding="utf-8")
    extra = (CORPUS / "markdown" / "A-RES-78-229.md").read_text(encoding="utf-8").split("\n\n")
    paragraphs = [p for p in extra if p.strip() and not p.startswith(("#", "---"))]
    i = 0
    while len(text) < 300_000:
        text += "\n\n" + paragraphs[i % len(paragraphs)]
        i += 1
    return text


def keystroke_latencies(client: StdioClient, uri: str, text: str, rounds: int) -> list[float]:
    """Seconds from each didChange to the diagnostics for its version."""
    client.open(uri, text, version=1)
    client.diagnostics(uri, version=1, timeout=60)
    source = Source(text)
    # Type at the end of the first operative line: a realistic place for an edit.
    line = next((i for i in range(source.line_count) if source.line_text(i).startswith("1. ")), source.line_count // 2)
    character = len(source.line_text(line).encode("utf-16-le")) // 2
    out = []
    for n in range(rounds):
        version = n + 2
        char = "x" if n % 2 == 0 else ""
        start = {"line": line, "character": character}
        end = {"line": line, "character": character + (0 if char else 1)}
        began = time.perf_counter()
        client.change(uri, version, [{"range": {"start": start, "end": end}, "text": char}])
        client.diagnostics(uri, version=version, timeout=60)
        out.append(time.perf_counter() - began)
        if char == "":
            pass
        character = character + 1 if char else character - 1
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(rounds: int = 40) -> dict:
    """The figures, as a dict (milliseconds and megabytes)."""
    client = StdioClient()
    try:
        client.initialize({"textDocument": {"publishDiagnostics": {"versionSupport": True}}})
        figures = {}
        for name, text in (("30k", document_30k()), ("300k", document_300k())):
            lat = keystroke_latencies(client, f"file:///bench/{name}.md", text, rounds)
            figures[name] = {
                "size_kb": round(len(text.encode("utf-8")) / 1024),
                "p50_ms": statistics.median(lat) * 1000,
                "p95_ms": percentile(lat, 95) * 1000,
            }
        files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
        for i in range(100):
            path = files[i % len(files)]
            uri = f"file:///bench/open/{i}/{path.name}"
            client.open(
                uri, path.read_text(encoding="utf-8"), language_id="markdown" if path.suffix == ".md" else "plaintext"
            )
            client.diagnostics(uri, version=1, timeout=60)
        figures["rss_mb_100_documents"] = client.rss_kb() / 1024
        return figures
    finally:
        client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv)
    figures = measure(args.rounds)
    for name in ("30k", "300k"):
        f = figures[name]
        print(f"didChange → diagnostics, {f['size_kb']} KB: p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms")
    print(f"server RSS after opening 100 documents: {figures['rss_mb_100_documents']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
