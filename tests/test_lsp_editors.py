"""Editor set-ups in editors/: headless Neovim against the real server; the VS Code manifest."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

NVIM_SCRIPT = """
vim.cmd("filetype on")
package.path = vim.env.RESOLINT_NVIM_DIR .. "/?.lua;" .. package.path
require("resolint").setup({ cmd = { vim.env.RESOLINT_PYTHON, "-m", "resolint", "lsp" } })
vim.cmd("edit " .. vim.env.RESOLINT_FILE)
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(out, string.format("%s %d:%d %s", code, d.lnum, d.col, d.source or ""))
end
for _, m in ipairs(vim.tbl_values(vim.v.errmsg ~= "" and { vim.v.errmsg } or {})) do table.insert(out, "ERR " .. m) end
vim.fn.writefile(out, vim.env.RESOLINT_OUT)
vim.cmd("qa!")
"""


@pytest.mark.skipif(shutil.which("nvim") is None, reason="nvim is not installed (.ci/run installs it)")
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_headless_neovim_shows_the_servers_diagnostics(tmp_path):
    text = (CORPUS / "markdown" / "A-RES-80-10.md").read_text(encoding="utf-8").replace(
        "*Recalling* the Universal", "Recalling the Universal", 1)
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    (tmp_path / "init.lua").write_text(NVIM_SCRIPT, encoding="utf-8")
    env = dict(os.environ, RESOLINT_NVIM_DIR=str(ROOT / "editors" / "neovim"), RESOLINT_PYTHON=sys.executable,
               RESOLINT_FILE=str(tmp_path / "draft.md"), RESOLINT_OUT=str(tmp_path / "out.txt"),
               HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"))
    subprocess.run(["nvim", "--headless", "-u", str(tmp_path / "init.lua")], env=env, timeout=90,
                   stdin=subprocess.DEVNULL, capture_output=True)
    shown = (tmp_path / "out.txt").read_text().splitlines()
    assert shown == ["P001 28:0 resolint"]


def test_vscode_extension_manifest():
    folder = ROOT / "editors" / "vscode"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    for key in ("name", "publisher", "version", "engines", "main", "activationEvents", "contributes"):
        assert key in manifest, key
    assert "onLanguage:markdown" in manifest["activationEvents"] and "onLanguage:plaintext" in manifest["activationEvents"]
    assert "vscode-languageclient" in manifest["dependencies"]
    assert (folder / manifest["main"]).is_file() or (folder / (manifest["main"] + ".js")).is_file()
    settings = manifest["contributes"]["configuration"]["properties"]
    assert "resolint.server.command" in settings
    source = (folder / "extension.js").read_text(encoding="utf-8")
    assert "resolint.server.command" in source.replace("'server.command'", "resolint.server.command") or "server.command" in source
    assert "LanguageClient" in source


def test_helix_languages_toml_parses():
    import tomllib

    config = tomllib.loads((ROOT / "editors" / "helix" / "languages.toml").read_text(encoding="utf-8"))
    assert config["language-server"]["resolint"]["command"] == "resolint"
    assert {lang["name"] for lang in config["language"]} >= {"markdown"}
