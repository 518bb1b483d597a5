"""The server checks what `resolint check` checks in a folder, with the settings the CLI would use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resolint.config import check_overrides
from resolint.lsp.stdio_client import StdioClient

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path, corpus):
    """A drafting folder: a configuration, a resolution, a README, a note, an excluded draft."""
    (tmp_path / "resolint.toml").write_text(
        'exclude = ["archive/**"]\nper-file-ignores = { "quiet/*.md" = ["P001"] }\n', encoding="utf-8"
    )
    resolution = (corpus / "markdown" / "A-RES-77-176.md").read_text(encoding="utf-8")
    for folder in ("drafts", "archive", "quiet"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text(resolution, encoding="utf-8")
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    (tmp_path / "notes.org").write_text(
        "* Notes\nRecalling its resolution 70/1 of 31 November 2015,\n", encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text(
        "# Notes\n\nMeeting with the co-facilitators on 31 November 2015 about the draft.\n", encoding="utf-8"
    )
    return tmp_path


def _diagnostics(client: StdioClient, path: Path, language: str = "markdown") -> list[str]:
    uri = path.as_uri()
    client.open(uri, path.read_text(encoding="utf-8"), language_id=language)
    return [d["code"] for d in client.diagnostics(uri, version=1, timeout=60)["diagnostics"]]


def test_only_resolutions_outside_the_exclude_get_diagnostics(project):
    client = StdioClient(cwd=str(project))
    try:
        client.initialize({"textDocument": {"publishDiagnostics": {"versionSupport": True}}}, root=str(project))
        assert _diagnostics(client, project / "drafts" / "a.md") == ["P001"]
        assert _diagnostics(client, project / "quiet" / "a.md") == []  # per-file-ignores
        assert _diagnostics(client, project / "archive" / "a.md") == []  # exclude
        assert _diagnostics(client, project / "README.md") == []
        assert _diagnostics(client, project / "notes.md") == []  # no resolution structure
        assert _diagnostics(client, project / "notes.org", "org") == []  # not a file a folder walk reads
        # No code actions either: "Fix all" must not rewrite a README.
        uri = (project / "README.md").as_uri()
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}}
        actions = client.request(
            "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": []}}
        )
        assert actions["result"] == []
        logged = [m["params"]["message"] for m in client.pending if m.get("method") == "window/logMessage"]
        assert sum("README.md not checked: no resolution structure found" in m for m in logged) == 1
        assert sum("a.md not checked: excluded by the configuration" in m for m in logged) == 1
        assert not [m for m in client.pending if m.get("method") == "window/showMessage"]
    finally:
        client.close()


def test_configuration_found_from_the_workspace_when_the_files_folders_have_none(project, tmp_path_factory, corpus):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    draft = elsewhere / "draft.md"
    shutil.copy(corpus / "markdown" / "A-RES-77-176.md", draft)
    (project / "resolint.toml").write_text('ignore = ["P001"]\n', encoding="utf-8")
    client = StdioClient(cwd="/")
    try:
        client.initialize({}, root=str(project))
        assert _diagnostics(client, draft) == []  # the workspace's resolint.toml applies, as the CLI's cwd's would
    finally:
        client.close()


def test_vscode_shaped_settings_empty_lists_and_the_extensions_own_keys(project):
    """What VS Code sends for a new user: the whole section, [] for unset arrays, and `server`."""
    vscode_defaults = {
        "resolint": {"server": {"command": ["resolint", "lsp"]}, "select": [], "ignore": [], "extendSelect": []}
    }
    client = StdioClient(cwd=str(project))
    try:
        client.initialize({}, options=vscode_defaults["resolint"], root=str(project))
        client.notify("workspace/didChangeConfiguration", {"settings": vscode_defaults})
        assert _diagnostics(client, project / "drafts" / "a.md") == ["P001"]  # `select: []` did not switch it off
        bad = {"resolint": {**vscode_defaults["resolint"], "select": ["P9"], "failOn": "sometimes", "selcet": ["P"]}}
        client.notify("workspace/didChangeConfiguration", {"settings": bad})
        client.notify("workspace/didChangeConfiguration", {"settings": bad})  # the same again: no new pop-up
        # The answer to a later request comes after every message the notifications made the server write.
        client.request("textDocument/documentSymbol", {"textDocument": {"uri": (project / "drafts" / "a.md").as_uri()}})
        shown = [m["params"]["message"] for m in client.pending if m.get("method") == "window/showMessage"]
        # One message per bad key, in the command line's words.
        _, expected = check_overrides({"select": ["P9"], "fail-on": "sometimes", "selcet": ["P"]}, "command line")
        assert shown == ["resolint: " + m.replace("command line", "editor settings") for m in expected]
        assert len(shown) == 3 and not any("server" in m for m in shown)
    finally:
        client.close()
