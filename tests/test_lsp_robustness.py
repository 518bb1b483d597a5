"""The server process under stress: bursts, random edits, bad messages; same findings as the CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from support import cli_findings

from resolint.config import check_overrides
from resolint.lsp.stdio_client import StdioClient
from resolint.source import Source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")


def lsp_findings(params: dict) -> list[tuple]:
    return sorted(
        (
            d["code"],
            (d["range"]["start"]["line"], d["range"]["start"]["character"]),
            (d["range"]["end"]["line"], d["range"]["end"]["character"]),
            d["message"],
        )
        for d in params["diagnostics"]
    )


@pytest.fixture
def client():
    c = StdioClient(cwd="/")  # no configuration file above: the same defaults as --isolated
    c.initialize({"textDocument": {"publishDiagnostics": {"versionSupport": True}}})
    yield c
    c.close()


def test_cli_and_server_agree_on_corpus_texts(client):
    names = [
        "markdown/A-RES-77-176.md",
        "markdown/A-RES-80-10.md",
        "plaintext/A-RES-70-126.txt",
        "plaintext/A-RES-76-247-A-C.txt",
        "drafts/draft-78-166.md",
        "drafts/draft-79-219.txt",
    ]
    for i, name in enumerate(names):
        text = (CORPUS / name).read_text(encoding="utf-8")
        # A damaged copy too, so there is something to compare.
        damaged = text.replace("*", "", 4).replace(" 2015", " 2105", 1)
        for j, body in enumerate((text, damaged)):
            uri = f"file:///virtual/{i}-{j}/{Path(name).name}"
            client.open(uri, body, language_id="markdown" if name.endswith(".md") else "plaintext")
            assert lsp_findings(client.diagnostics(uri, version=1)) == cli_findings(
                body, Path(name).name, force_exclude=True
            ), name


def test_a_buffers_format_is_decided_as_the_cli_decides_it(client):
    """One detector for both: the file name, else the editor's language (an untitled buffer, as
    `--format-in` for standard input), else the text sniffed (standard input with no name)."""

    def damaged(name: str) -> str:
        return (CORPUS / name).read_text(encoding="utf-8").replace("*", "", 4).replace(" 2015", " 2105", 1)

    markdown, plaintext = damaged("markdown/A-RES-80-10.md"), damaged("plaintext/A-RES-70-126.txt")
    cases = [
        ("file:///virtual/format/a.md", markdown, "plaintext", "a.md"),  # the name wins over the language
        ("untitled:Untitled-1", markdown, "plaintext", "a.txt"),  # no name: the language
        ("untitled:Untitled-2", plaintext, "org", "-"),  # neither: sniffed
        ("untitled:Untitled-3", markdown, "org", "-"),
    ]
    for uri, text, language, cli_name in cases:
        client.open(uri, text, language_id=language)
        assert lsp_findings(client.diagnostics(uri, version=1)) == cli_findings(text, cli_name, force_exclude=True), uri
    # The choice matters: read as plain text, the Markdown resolution has other findings.
    assert cli_findings(markdown, "a.md") != cli_findings(markdown, "a.txt")


def _apply(text: str, change: dict) -> str:
    """The reference model of an incremental change: positions clamped as LSP 3.17 says."""
    source = Source(text)
    r = change["range"]
    start = source.offset_of_utf16(r["start"]["line"], r["start"]["character"])
    end = source.offset_of_utf16(r["end"]["line"], r["end"]["character"])
    start, end = min(start, end), max(start, end)
    return text[:start] + change["text"] + text[end:]


def test_500_random_edits_end_with_the_cli_findings(client):
    rng = random.Random(4)
    text = (CORPUS / "markdown" / "A-RES-80-10.md").read_text(encoding="utf-8")
    uri = "file:///virtual/random.md"
    client.open(uri, text)
    client.diagnostics(uri, version=1)
    pieces = [
        "",
        "x",
        "\n",
        "\r\n",
        "\r",
        "1. ",
        "*Recalling* ",
        "<sup>7</sup>",
        "😀",
        "“",
        "31 November 2015",
        "\n\n---\n\n",
        "\u2028",
        "e\u0301",
        "\t",
        "resolution 70/1 of 25 September 2015",
    ]
    for version in range(2, 502):
        lines = text.count("\n") + 1
        line = rng.randrange(0, lines + 3)  # sometimes past the end
        char = rng.randrange(0, 200)
        span = rng.choice([0, 0, 1, 5, 40])
        end_line = line + rng.choice([0, 0, 0, 1, 2])
        change = {
            "range": {
                "start": {"line": line, "character": char},
                "end": {"line": end_line, "character": char + span if end_line == line else rng.randrange(0, 50)},
            },
            "text": rng.choice(pieces),
        }
        text = _apply(text, change)
        client.change(uri, version, [change])
    # The edits may have left no resolution structure, and such a buffer gets no
    # diagnostics (as a README in a folder): an opener at the top keeps it a resolution.
    opener = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}}
    opener["text"] = "*The General Assembly*,\n\n"
    text = _apply(text, opener)
    client.change(uri, 502, [opener])
    final = client.diagnostics(uri, version=502, timeout=60)
    expected = cli_findings(text, "random.md")
    assert expected and lsp_findings(final) == expected
    # Intermediate results may be published while the server keeps up, but never out of order.
    versions = [
        m["params"]["version"]
        for m in client.pending
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    ]
    assert versions == sorted(versions) and all(v < 502 for v in versions)


def test_keystroke_burst_on_300kb_document_is_coalesced_and_ends_with_the_last_version(client):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from lsp_latency import document_300k

    text = document_300k()
    assert len(text) >= 300_000
    uri = "file:///virtual/big.md"
    client.open(uri, text)
    client.diagnostics(uri, version=1, timeout=60)
    source = Source(text)
    line = source.line_count // 2
    burst = b""
    for n in range(40):
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": n + 2},
                    "contentChanges": [
                        {
                            "range": {"start": {"line": line, "character": n}, "end": {"line": line, "character": n}},
                            "text": "a",
                        }
                    ],
                },
            }
        ).encode()
        burst += b"Content-Length: %d\r\n\r\n" % len(body) + body
    client.process.stdin.write(burst)
    client.process.stdin.flush()
    final = client.diagnostics(uri, version=41, timeout=30)
    assert final["version"] == 41
    # A lint that ends before the server has read the rest of the burst is
    # published (it is the newest text the server knows), so how many
    # intermediate versions appear depends on timing; what must hold is that
    # the burst is coalesced (not one lint per keystroke) and never out of order.
    versions = [
        m["params"]["version"]
        for m in client.pending
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    ]
    assert versions == sorted(versions) and all(v < 41 for v in versions)
    assert len(versions) <= 20, versions
    # Nothing more arrives for the superseded versions: the server writes in order, so by
    # the time the answer to a later request is read, anything it published before is too.
    client.pending = [m for m in client.pending if m.get("method") != "textDocument/publishDiagnostics"]
    assert "result" in client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert not [m for m in client.pending if m.get("method") == "textDocument/publishDiagnostics"]


def test_malformed_messages_unknown_methods_and_closed_documents_get_errors(client):
    uri = "file:///virtual/ok.md"
    text = (CORPUS / "markdown" / "A-RES-79-262.md").read_text(encoding="utf-8")
    client.open(uri, text)
    client.diagnostics(uri, version=1)

    client.send_raw(b'{"jsonrpc": "2.0", "id": 50, "method": "textDocument/hov')
    error = client.wait_for(lambda m: "error" in m and m.get("id") is None)
    assert error["error"]["code"] == -32700
    client.send_raw(b"[1, 2, 3]")
    assert client.wait_for(lambda m: "error" in m and m.get("id") is None)["error"]["code"] == -32600
    bad_params = client.request("textDocument/hover", {"textDocument": {"nope": 1}})
    assert bad_params["error"]["code"] == -32602
    unknown = client.request("resolint/unknownMethod", {})
    assert unknown["error"]["code"] == -32601
    client.notify("resolint/unknownNotification", {})
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri)["diagnostics"] == []  # cleared on close
    closed = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert closed["error"]["code"] == -32602 and "not open" in closed["error"]["message"]
    client.change(
        uri, 9, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]
    )

    # Still serving.
    client.open(uri, text, version=3)
    assert client.diagnostics(uri, version=3)["version"] == 3
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert symbols["result"]
    assert client.process.poll() is None


def test_pull_mode_configuration_and_bad_options(tmp_path):
    (tmp_path / "resolint.toml").write_text('select = ["P", "S"]\n')
    text = (
        (CORPUS / "markdown" / "A-RES-80-10.md")
        .read_text(encoding="utf-8")
        .replace("*Recalling* the Universal", "Recalling the Universal", 1)
    )
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    uri = (tmp_path / "draft.md").as_uri()
    c = StdioClient(cwd="/")
    try:
        result = c.initialize({"textDocument": {"diagnostic": {}}}, {"ignore": ["P001"], "failOn": "sometimes"})
        assert result["result"]["capabilities"]["diagnosticProvider"]["identifier"] == "resolint"
        message = c.wait_for(lambda m: m.get("method") == "window/showMessage")
        # The command line's words for the same mistake, with the editor named as where it is.
        _, [cli_message] = check_overrides({"fail_on": "sometimes"}, "command line")
        assert message["params"]["message"] == "resolint: " + cli_message.replace("command line", "editor settings")
        c.open(uri, text)
        report = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
        assert report["items"] == []  # P001 ignored by initializationOptions
        c.notify("workspace/didChangeConfiguration", {"settings": {"resolint": {"ignore": []}}})
        report = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
        assert [d["code"] for d in report["items"]] == ["P001"]
        again = c.request(
            "textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": report["resultId"]}
        )
        assert again["result"]["kind"] == "unchanged"
        c.notify("workspace/didChangeConfiguration", {"settings": {"resolint": {"select": ["D"]}}})
        report = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["result"]
        assert report["items"] == []  # the editor's select replaces the file's
        # Never both: a push would have been written before the answer it came with, so it would be read by now.
        assert not [m for m in c.pending if m.get("method") == "textDocument/publishDiagnostics"]
    finally:
        c.close()


def test_check_does_not_import_the_language_server_libraries():
    code = (
        "import sys; from resolint.cli import main; main(['check', '--quiet', sys.argv[1]]); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')]; print(bad)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(CORPUS / "markdown" / "A-RES-80-10.md")], capture_output=True, text=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"
