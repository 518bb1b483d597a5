"""`resolint lsp --tcp`: clients one after another, whether they end properly or just drop."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys

import pytest

SERVER_START = re.compile(r"listening on ([\d.]+):(\d+)")


class TcpClient:
    def __init__(self, host: str, port: int):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.buffer = b""
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        self.sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == self.next_id and "method" not in m)

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self) -> dict | None:
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        while len(rest) < length:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            rest += chunk
        self.buffer = rest[length:]
        return json.loads(rest[:length])

    def wait_for(self, predicate) -> dict:
        while True:
            message = self.read()
            assert message is not None, "the server closed the connection"
            if predicate(message):
                return message

    def open_and_diagnose(self, uri: str, text: str) -> list[dict]:
        self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        published = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return published["params"]["diagnostics"]


@pytest.fixture
def tcp_server():
    process = subprocess.Popen(
        [sys.executable, "-m", "resolint", "lsp", "--tcp", "127.0.0.1:0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    first = process.stderr.readline()
    match = SERVER_START.search(first)
    assert match, first
    yield process, match.group(1), int(match.group(2))
    process.terminate()
    process.wait(timeout=10)


def test_two_clients_one_after_another_and_a_dropped_one_leave_no_traceback(tcp_server, corpus):
    process, host, port = tcp_server
    path = corpus / "markdown" / "A-RES-77-176.md"
    text = path.read_text(encoding="utf-8")

    first = TcpClient(host, port)
    assert [(d["code"], d["range"]["start"]["line"]) for d in first.open_and_diagnose(path.as_uri(), text)] == [
        ("P001", 25)
    ]
    assert "result" in first.request("shutdown", None)
    first.notify("exit", None)
    assert first.read() is None  # the server closes this connection on exit …
    first.sock.close()

    second = TcpClient(host, port)  # … and serves the next client
    assert [d["code"] for d in second.open_and_diagnose(path.as_uri(), text)] == ["P001"]
    second.sock.close()  # drops without shutdown/exit

    third = TcpClient(host, port)
    assert [d["code"] for d in third.open_and_diagnose(path.as_uri(), text)] == ["P001"]
    third.request("shutdown", None)
    third.notify("exit", None)
    assert third.read() is None
    third.sock.close()

    fourth = TcpClient(host, port)  # still listening after a client that ended properly
    assert "result" in fourth.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    fourth.request("shutdown", None)
    fourth.notify("exit", None)
    assert fourth.read() is None
    fourth.sock.close()
    process.terminate()
    log = process.stderr.read()
    assert "Traceback" not in log and "Error" not in log, log
