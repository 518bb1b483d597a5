-- resolint language server for Neovim.
-- Neovim >= 0.11: vim.lsp.config + vim.lsp.enable.  0.10: vim.lsp.start.  0.7-0.9: vim.lsp.start_client.
-- Put this file on your runtimepath (e.g. ~/.config/nvim/lua/resolint.lua) and call require("resolint").setup().
local M = {}

M.defaults = {
  cmd = { "resolint", "lsp" },
  filetypes = { "markdown", "text" },
  root_markers = { "resolint.toml", ".resolint.toml", "pyproject.toml", ".git" },
  settings = { resolint = {} }, -- e.g. { resolint = { ignore = { "D004" } } }
}

local function root_dir(fname, markers)
  local dir = vim.fn.fnamemodify(fname, ":p:h")
  while dir and dir ~= "" do
    for _, m in ipairs(markers) do
      if vim.loop.fs_stat(dir .. "/" .. m) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then break end
    dir = parent
  end
  return vim.fn.fnamemodify(fname, ":p:h")
end

function M.setup(opts)
  local cfg = vim.tbl_deep_extend("force", M.defaults, opts or {})
  if vim.lsp.config and vim.lsp.enable then -- Neovim >= 0.11
    vim.lsp.config("resolint", {
      cmd = cfg.cmd, filetypes = cfg.filetypes, root_markers = cfg.root_markers,
      init_options = cfg.settings.resolint, settings = cfg.settings,
    })
    vim.lsp.enable("resolint")
    return
  end
  local client_id
  vim.api.nvim_create_autocmd("FileType", {
    pattern = cfg.filetypes,
    callback = function(args)
      local fname = vim.api.nvim_buf_get_name(args.buf)
      if vim.lsp.start then -- Neovim 0.10
        vim.lsp.start({ name = "resolint", cmd = cfg.cmd, root_dir = root_dir(fname, cfg.root_markers),
                        init_options = cfg.settings.resolint, settings = cfg.settings }, { bufnr = args.buf })
        return
      end
      if not client_id then -- Neovim 0.7-0.9
        client_id = vim.lsp.start_client({ name = "resolint", cmd = cfg.cmd,
          root_dir = root_dir(fname, cfg.root_markers), init_options = cfg.settings.resolint,
          settings = cfg.settings })
      end
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
end

return M
