-- Neovim 0.11+ reads this file for vim.lsp.enable("factbox"): with the
-- plugin's folder on the runtimepath, that one line in init.lua starts the
-- factbox server for Markdown and text buffers, no setup() needed. Change
-- anything with vim.lsp.config("factbox", { ... }) before or after.
return require("factbox").lsp_config()
