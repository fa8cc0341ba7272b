-- Minimal init for the headless tests: only this plugin on the runtimepath.
local test_dir = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local plugin_dir = vim.fn.fnamemodify(test_dir, ":h")
vim.opt.runtimepath:prepend(plugin_dir)
vim.opt.swapfile = false
vim.opt.shortmess:append("I")
vim.cmd("filetype on")
vim.g.factbox_test_dir = test_dir
