"""A small synchronous JSON-RPC client for the server process, over stdio.

Used by the latency benchmark and by the robustness tests, which need to send
bytes no well-behaved client library would (malformed JSON, unknown methods).
Not imported by the server itself.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from typing import Any

# How long to wait for an answer before giving up: it only bounds a failure (each wait ends
# at the message it waits for), so it is generous for a loaded machine.
TIMEOUT = 60.0


class StdioClient:
    def __init__(self, command: list[str] | None = None, cwd: str | None = None):
        self.command = command or [sys.executable, "-m", "resolint", "lsp"]
        self.process = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd
        )
        self.messages: queue.Queue[dict] = queue.Queue()
        self.pending: list[dict] = []  # read but not yet taken
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stderr_lines: list[str] = []
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # ------------------------------------------------------------ transport
    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            body = stream.read(length)
            self.messages.put(json.loads(body))

    def _drain_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def send_raw(self, body: bytes) -> None:
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps(message).encode("utf-8"))

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method: str, params: Any = None) -> int:
        self._next_id += 1
        self.send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        return self._next_id

    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> dict:
        """The whole response message (``result`` or ``error``)."""
        msg_id = self.request_async(method, params)
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def wait_for(self, predicate, timeout: float = TIMEOUT) -> dict:
        for i, message in enumerate(self.pending):
            if predicate(message):
                return self.pending.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no matching message from the server")
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:
                self._answer_server_request(message)
                continue
            if predicate(message):
                return message
            self.pending.append(message)

    def _answer_server_request(self, message: dict) -> None:
        result = [] if message["method"] == "workspace/configuration" else None
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> dict:
        """The next publishDiagnostics for ``uri`` (for ``version`` when given)."""
        return self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            ),
            timeout,
        )["params"]

    # ------------------------------------------------------------ session
    def initialize(self, capabilities: dict | None = None, options: Any = None, root: str | None = None) -> dict:
        response = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": None if root is None else f"file://{root}",
                "capabilities": capabilities or {},
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        return response

    def open(self, uri: str, text: str, version: int = 1, language_id: str = "markdown") -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language_id, "version": version, "text": text}},
        )

    def change(self, uri: str, version: int, changes: list[dict]) -> None:
        self.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}
        )

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
            self.process.wait()

    def rss_kb(self) -> int:
        """The server process's resident set size, from /proc (Linux)."""
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0
