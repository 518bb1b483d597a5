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

NVIM_SCRIPT = """
vim.cmd("filetype on")
vim.o.hidden = true
package.path = vim.env.RESOLINT_NVIM_DIR .. "/?.lua;" .. package.path
-- Every publishDiagnostics the server sends, by URI (the count): README's must come, and be empty.
local published = {}
local show = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  published[result.uri] = #result.diagnostics
  return show(err, result, ctx, config)
end
require("resolint").setup({ cmd = { vim.env.RESOLINT_PYTHON, "-m", "resolint", "lsp" } })
vim.cmd("edit " .. vim.env.RESOLINT_README)
local readme = vim.api.nvim_get_current_buf()
vim.cmd("edit " .. vim.env.RESOLINT_FILE)
local resolution = vim.api.nvim_get_current_buf()
local readme_uri = vim.uri_from_bufnr(readme)
vim.wait(60000, function() return #vim.diagnostic.get(resolution) > 0 and published[readme_uri] ~= nil end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(resolution)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(out, string.format("resolution %s %d:%d %s", code, d.lnum, d.col, d.source or ""))
end
table.insert(out, string.format("readme published %s shown %d", tostring(published[readme_uri]), #vim.diagnostic.get(readme)))
table.insert(out, "clients " .. #vim.lsp.get_active_clients())
if vim.v.errmsg ~= "" then table.insert(out, "ERR " .. vim.v.errmsg) end
vim.fn.writefile(out, vim.env.RESOLINT_OUT)
vim.cmd("qa!")
"""


@pytest.mark.skipif(shutil.which("nvim") is None, reason="nvim is not installed (.ci/run installs it)")
def test_headless_neovim_lints_the_resolution_and_not_the_readme(tmp_path, corpus):
    """One Neovim opens the project's README.md and a corpus resolution with the editors/neovim set-up."""
    resolution = corpus / "markdown" / "A-RES-77-176.md"
    (tmp_path / "init.lua").write_text(NVIM_SCRIPT, encoding="utf-8")
    env = dict(
        os.environ,
        RESOLINT_NVIM_DIR=str(ROOT / "editors" / "neovim"),
        RESOLINT_PYTHON=sys.executable,
        RESOLINT_FILE=str(resolution),
        RESOLINT_README=str(ROOT / "README.md"),
        RESOLINT_OUT=str(tmp_path / "out.txt"),
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    run = subprocess.run(
        ["nvim", "--headless", "-u", str(tmp_path / "init.lua")],
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
    )
    assert (tmp_path / "out.txt").is_file(), run.stderr.decode("utf-8", "replace")[-3000:]
    shown = (tmp_path / "out.txt").read_text().splitlines()
    # The corpus gives exactly one finding in this resolution: the roman "Recalling" of line 26.
    assert shown == ["resolution P001 25:0 resolint", "readme published 0 shown 0", "clients 1"]


EMACS_SCRIPT = r"""
;; Drives the editors/emacs set-up as a user would: open files, let the command
;; loop run and read what Flymake shows.  Batch Emacs has no command loop, so its
;; two ticks are run by hand: post-command-hook (eglot-ensure connects from it)
;; and the idle timers (eglot sends buffer changes from one).
(setq resolint-server-command (list (getenv "RESOLINT_PYTHON") "-m" "resolint" "lsp"))
(load (getenv "RESOLINT_EGLOT_EL"))

(defvar resolint-test-published nil "(URI . number of diagnostics) of every publishDiagnostics.")
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (push (cons uri (length diagnostics)) resolint-test-published))

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

(defun resolint-test-managed ()
  (if (bound-and-true-p eglot--managed-mode) "managed" "not managed"))

;; An Org note: org-mode runs text-mode-hook, and resolint must stay out of it.
(find-file (getenv "RESOLINT_ORG"))
(resolint-test-wait (lambda () nil))
(princ (format "org %s %s\n" major-mode (resolint-test-managed)))
(find-file (getenv "RESOLINT_README"))
(setq resolint-test-readme (current-buffer))
(resolint-test-wait (lambda () (assoc (eglot--path-to-uri buffer-file-name) resolint-test-published)))
(princ (format "readme %s published %s shown %d\n" (resolint-test-managed)
               (cdr (assoc (eglot--path-to-uri buffer-file-name) resolint-test-published))
               (length (flymake-diagnostics))))
(find-file (getenv "RESOLINT_FILE"))
(princ (format "mode %s\n" major-mode))
(resolint-test-wait (lambda () (flymake-diagnostics)))
(princ (format "resolution %s\n" (resolint-test-managed)))
(resolint-test-show "open")
;; Type the italics back, and a date that does not exist after characters outside the BMP:
;; the changes reach the server (incremental didChange), the P001 goes and a D001 comes.
(setq buffer-read-only nil)  ; the shared corpus is read-only on disk; the buffer is never saved
(goto-char (point-min))
(when (re-search-forward "^Recalling its resolutions" nil t)
  (replace-match "*Recalling* its resolutions 😀 “𝐀𝐁” of 31 November 2015," t t))
(resolint-test-wait (lambda () (not (member "P001" (mapcar #'resolint-test-code (flymake-diagnostics))))))
(resolint-test-show "edited")
(with-current-buffer resolint-test-readme
  (princ (format "readme shown %d\n" (length (flymake-diagnostics)))))
(set-buffer-modified-p nil)
(kill-emacs 0)
"""


@pytest.mark.skipif(
    shutil.which("emacs") is None, reason="emacs is not installed (.ci/run installs emacs-nox and elpa-eglot)"
)
def test_batch_emacs_eglot_lints_the_resolution_not_the_readme_and_follows_an_edit(tmp_path, corpus):
    """One Emacs opens an Org note, the project's README.md and a corpus resolution with the editors/emacs set-up."""
    resolution = corpus / "markdown" / "A-RES-77-176.md"
    (tmp_path / "notes.org").write_text("* Notes\n\nRecalling the meeting of 31 November 2015.\n", encoding="utf-8")
    (tmp_path / "test.el").write_text(EMACS_SCRIPT, encoding="utf-8")
    env = dict(
        os.environ,
        RESOLINT_EGLOT_EL=str(ROOT / "editors" / "emacs" / "resolint-eglot.el"),
        RESOLINT_PYTHON=sys.executable,
        RESOLINT_FILE=str(resolution),
        RESOLINT_README=str(ROOT / "README.md"),
        RESOLINT_ORG=str(tmp_path / "notes.org"),
        HOME=str(tmp_path),
    )
    # --batch without -Q: Debian's site-start makes elpa-eglot loadable, as for a user.
    run = subprocess.run(
        ["emacs", "--batch", "-l", str(tmp_path / "test.el")],
        env=env,
        timeout=180,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
    )
    shown = run.stdout.decode("utf-8").splitlines()
    text = resolution.read_text(encoding="utf-8").splitlines()[25]
    edited = text.replace("Recalling its resolutions", "*Recalling* its resolutions 😀 “𝐀𝐁” of 31 November 2015,", 1)
    column = edited.index("31 November")  # in code points, as Emacs counts; the server sent UTF-16 units
    assert len(edited[:column].encode("utf-16-le")) // 2 == column + 3
    stderr = run.stderr.decode("utf-8", "replace")[-3000:]
    assert shown[:2] == ["org org-mode not managed", "readme managed published 0 shown 0"], (shown, stderr)
    # Without the markdown-mode package the set-up opens .md files in text-mode (Emacs would pick fundamental-mode).
    assert shown[2] in ("mode text-mode", "mode markdown-mode", "mode gfm-mode"), (shown, stderr)
    assert shown[3:] == [
        "resolution managed",
        "open P001 26:0 eglot-warning",  # the roman "Recalling" of line 26
        f"edited D001 26:{column} eglot-error",  # the P001 went once the italics were typed
        "readme shown 0",
    ], stderr


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
    # The extension reads the setting the manifest declares.
    assert "getConfiguration('resolint').get('server.command')" in source
    assert "LanguageClient" in source


def test_helix_languages_toml_parses():
    import tomllib

    config = tomllib.loads((ROOT / "editors" / "helix" / "languages.toml").read_text(encoding="utf-8"))
    assert config["language-server"]["resolint"]["command"] == "resolint"
    assert {lang["name"] for lang in config["language"]} >= {"markdown"}
