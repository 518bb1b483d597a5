;;; resolint-eglot.el --- resolint language server with eglot  -*- lexical-binding: t; -*-
;; Load with (load "/path/to/resolint-eglot.el") or copy into your init file.
(require 'eglot)

(defcustom resolint-server-command '("resolint" "lsp")
  "The command that starts the resolint language server."
  :type '(repeat string) :group 'eglot)

(add-to-list 'eglot-server-programs
             `((markdown-mode gfm-mode text-mode) . ,(lambda (&rest _) resolint-server-command)))

;; Emacs has no Markdown mode of its own: without the markdown-mode package a
;; .md file opens in fundamental-mode, where nothing would start the server.
(unless (fboundp 'markdown-mode)
  (add-to-list 'auto-mode-alist '("\\.\\(?:md\\|markdown\\)\\'" . text-mode)))

(defun resolint-eglot-maybe-start ()
  "Start resolint in a .md, .markdown or .txt file in a Markdown or text mode.
Not in the modes derived from `text-mode' (Org, reStructuredText, mail…): their
hooks run `text-mode-hook' too, and they hold no resolutions."
  (when (and buffer-file-name
             (memq major-mode '(markdown-mode gfm-mode text-mode))
             (string-match-p "\\.\\(?:md\\|markdown\\|txt\\)\\'" buffer-file-name))
    (eglot-ensure)))

;; markdown-mode derives from text-mode: its buffers run this hook too.
(add-hook 'text-mode-hook #'resolint-eglot-maybe-start)

(provide 'resolint-eglot)
;;; resolint-eglot.el ends here
