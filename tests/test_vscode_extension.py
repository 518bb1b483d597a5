"""The VS Code extension's real start-up path, without a VS Code binary (none can be installed here).

``npm install`` gives the extension its real ``vscode-languageclient``; ``tests/vscode/activate.js``
runs ``extension.js``'s ``activate()`` in Node with a stand-in ``vscode`` module that answers
settings as VS Code does (the manifest's defaults; ``[]`` for an array setting with no default).
The library itself then starts ``resolint lsp --stdio``, sends ``initializationOptions`` and
``workspace/didChangeConfiguration`` and pulls diagnostics.  The ``.vsix`` is built with
``npx @vscode/vsce package``.  Skipped, with the reason, when node or npm is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "editors" / "vscode"
HARNESS = ROOT / "tests" / "vscode" / "activate.js"
NETWORK_ERRORS = ("ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNREFUSED", "ECONNRESET", "network")

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="node and npm are not installed: the VS Code extension cannot be run or packaged here",
)


def _npm(args: list[str], cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    run = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, check=False
    )
    if run.returncode != 0 and any(e in run.stderr for e in NETWORK_ERRORS):
        pytest.skip(f"the npm registry is not reachable: {run.stderr.strip().splitlines()[-1]}")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return run


@pytest.fixture(scope="module")
def installed_extension(tmp_path_factory) -> Path:
    """A copy of editors/vscode with its dependencies installed, as `npm install` leaves it."""
    folder = tmp_path_factory.mktemp("vscode") / "resolint"
    shutil.copytree(EXTENSION, folder, ignore=shutil.ignore_patterns("node_modules", "*.vsix", "package-lock.json"))
    _npm(["npm", "install", "--no-audit", "--no-fund"], folder, 300)
    return folder


def test_activate_starts_the_server_and_diagnostics_arrive(installed_extension, corpus):
    resolution = corpus / "markdown" / "A-RES-77-176.md"
    readme = ROOT / "README.md"
    env = dict(
        os.environ,
        # `resolint` on the PATH, as after `pip install`: the extension's default command is used.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        # The client library's own setting: log every message it sends, to check what the server got.
        VSCODE_STUB_SETTINGS=json.dumps({"resolint.trace.server": "verbose"}),
    )
    run = subprocess.run(
        ["node", str(HARNESS), str(installed_extension), str(ROOT), resolution.as_uri(), str(resolution), str(readme)],
        capture_output=True,
        text=True,
        timeout=150,
        env=env,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
    )
    assert run.stdout.strip(), run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    output = "".join(seen["output"])
    assert seen["reason"] == "diagnostics", (seen["messages"], output[-3000:])
    # The non-italic "Recalling" of line 26 (0-based 25) is among the diagnostics.
    assert ("P001", 25) in {(d["code"], d["line"]) for d in seen["diagnostics"][resolution.as_uri()]}
    # README.md is no resolution: the server answers, with nothing.
    assert seen["diagnostics"].get(readme.as_uri(), []) == []
    # No pop-up: not for the empty lists VS Code sends, nor for the extension's own `server` key.
    assert seen["messages"] == []
    # What the library sent: the options as VS Code gives them, and the whole `resolint` section.
    assert '"initializationOptions": {\n        "select": [],' in output
    change = output[output.index("Sending notification 'workspace/didChangeConfiguration'") :]
    assert '"server": {' in change[:2000] and '"select": []' in change[:2000]


def test_vsix_builds_with_vsce(installed_extension, tmp_path):
    assert (EXTENSION / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")
    vsix = tmp_path / "resolint.vsix"
    _npm(["npx", "--yes", "@vscode/vsce", "package", "--out", str(vsix)], installed_extension, 600)
    names = set(zipfile.ZipFile(vsix).namelist())
    for name in ("extension/extension.js", "extension/package.json", "extension/LICENSE.txt", "extension/readme.md"):
        assert name in names, sorted(names)[:20]
    # Not bundled: the client library travels in the package.
    assert "extension/node_modules/vscode-languageclient/node.js" in names
