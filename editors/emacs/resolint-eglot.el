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

;; Start resolint automatically in Markdown and plain-text buffers.
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook #'eglot-ensure)

(provide 'resolint-eglot)
;;; resolint-eglot.el ends here
