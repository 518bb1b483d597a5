"""Editor set-ups in editors/: headless Neovim and batch Emacs (eglot) against the real server; the VS Code manifest."""

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
    text = (
        (CORPUS / "markdown" / "A-RES-80-10.md")
        .read_text(encoding="utf-8")
        .replace("*Recalling* the Universal", "Recalling the Universal", 1)
    )
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    (tmp_path / "init.lua").write_text(NVIM_SCRIPT, encoding="utf-8")
    env = dict(
        os.environ,
        RESOLINT_NVIM_DIR=str(ROOT / "editors" / "neovim"),
        RESOLINT_PYTHON=sys.executable,
        RESOLINT_FILE=str(tmp_path / "draft.md"),
        RESOLINT_OUT=str(tmp_path / "out.txt"),
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    subprocess.run(
        ["nvim", "--headless", "-u", str(tmp_path / "init.lua")],
        env=env,
        timeout=90,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    shown = (tmp_path / "out.txt").read_text().splitlines()
    assert shown == ["P001 28:0 resolint"]


EMACS_SCRIPT = r"""
;; Drives the editors/emacs set-up as a user would: open the draft, let the
;; command loop run and read what Flymake shows.  Batch Emacs has no command
;; loop, so its two ticks are run by hand: post-command-hook (eglot-ensure
;; connects from it) and the idle timers (eglot sends buffer changes from one).
(setq resolint-server-command (list (getenv "RESOLINT_PYTHON") "-m" "resolint" "lsp"))
(load (getenv "RESOLINT_EGLOT_EL"))

(defun resolint-test-wait (done)
  "Let Emacs run until DONE returns non-nil, for at most 60 seconds."
  (let ((deadline (+ (float-time) 60)))
    (while (and (< (float-time) deadline) (not (funcall done)))
      (run-hooks 'post-command-hook)
      (dolist (timer (copy-sequence timer-idle-list)) (timer-event-handler timer))
      (accept-process-output nil 0.1))))

(defun resolint-test-code (diagnostic)
  "The rule code eglot puts in a Flymake message: \"resolint [P001]: ...\"."
  (let ((text (flymake-diagnostic-text diagnostic)))
    (if (string-match "\\[\\([A-Z][0-9]+\\)\\]" text) (match-string 1 text) "?")))

(defun resolint-test-show (label)
  (dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
    (save-excursion
      (goto-char (flymake-diagnostic-beg d))
      ;; Line 1-based, column 0-based in characters (code points), as Emacs counts them.
      (princ (format "%s %s %d:%d %s\n" label (resolint-test-code d)
                     (line-number-at-pos) (- (point) (line-beginning-position)) (flymake-diagnostic-type d))))))

(find-file (getenv "RESOLINT_FILE"))
(princ (format "mode %s\n" major-mode))
(resolint-test-wait (lambda () (flymake-diagnostics)))
(princ (format "managed %s\n" (if (bound-and-true-p eglot--managed-mode) "yes" "no")))
(resolint-test-show "open")
;; Put the italics back: the change reaches the server and the finding goes.
(goto-char (point-min))
(when (re-search-forward "^Recalling the Universal" nil t)
  (replace-match "*Recalling* the Universal" t t))
(resolint-test-wait (lambda () (not (member "P001" (mapcar #'resolint-test-code (flymake-diagnostics))))))
(resolint-test-show "edited")
(kill-emacs 0)
"""


@pytest.mark.skipif(
    shutil.which("emacs") is None, reason="emacs is not installed (.ci/run installs emacs-nox and elpa-eglot)"
)
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_batch_emacs_eglot_shows_the_servers_diagnostics_and_follows_an_edit(tmp_path):
    text = (
        (CORPUS / "markdown" / "A-RES-80-10.md")
        .read_text(encoding="utf-8")
        .replace("*Recalling* the Universal", "Recalling the Universal", 1)
        .replace(
            "*Reaffirming* the purposes",
            "*Reaffirming* 😀 “𝐀𝐁” its resolution 70/1 of 31 November 2015 and the purposes",
            1,
        )
    )
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    (tmp_path / "test.el").write_text(EMACS_SCRIPT, encoding="utf-8")
    env = dict(
        os.environ,
        RESOLINT_EGLOT_EL=str(ROOT / "editors" / "emacs" / "resolint-eglot.el"),
        RESOLINT_PYTHON=sys.executable,
        RESOLINT_FILE=str(tmp_path / "draft.md"),
        HOME=str(tmp_path),
    )
    # --batch without -Q: Debian's site-start makes elpa-eglot loadable, as for a user.
    run = subprocess.run(
        ["emacs", "--batch", "-l", str(tmp_path / "test.el")],
        env=env,
        timeout=150,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
    )
    shown = run.stdout.decode("utf-8").splitlines()
    line = text.splitlines()[24]
    column = line.index("31 November")  # in code points, as Emacs counts; the server sent UTF-16 units
    assert len(line[:column].encode("utf-16-le")) // 2 == column + 3
    # Without the markdown-mode package the set-up opens .md files in text-mode (Emacs would pick fundamental-mode).
    assert shown[:1] in (["mode text-mode"], ["mode markdown-mode"], ["mode gfm-mode"]), (shown, run.stderr[-3000:])
    assert shown[1:] == [
        "managed yes",
        f"open D001 25:{column} eglot-error",
        "open P001 29:0 eglot-warning",
        f"edited D001 25:{column} eglot-error",  # the P001 went once the italics were typed back
    ], run.stderr.decode("utf-8", "replace")[-3000:]


def test_vscode_extension_manifest():
    folder = ROOT / "editors" / "vscode"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    for key in ("name", "publisher", "version", "engines", "main", "activationEvents", "contributes"):
        assert key in manifest, key
    assert (
        "onLanguage:markdown" in manifest["activationEvents"] and "onLanguage:plaintext" in manifest["activationEvents"]
    )
    assert "vscode-languageclient" in manifest["dependencies"]
    assert (folder / manifest["main"]).is_file() or (folder / (manifest["main"] + ".js")).is_file()
    settings = manifest["contributes"]["configuration"]["properties"]
    assert "resolint.server.command" in settings
    source = (folder / "extension.js").read_text(encoding="utf-8")
    assert (
        "resolint.server.command" in source.replace("'server.command'", "resolint.server.command")
        or "server.command" in source
    )
    assert "LanguageClient" in source


def test_helix_languages_toml_parses():
    import tomllib

    config = tomllib.loads((ROOT / "editors" / "helix" / "languages.toml").read_text(encoding="utf-8"))
    assert config["language-server"]["resolint"]["command"] == "resolint"
    assert {lang["name"] for lang in config["language"]} >= {"markdown"}
