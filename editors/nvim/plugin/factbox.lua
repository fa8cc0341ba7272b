-- :FactBox shows the fact box of the current buffer; the server is started
-- by require("factbox").setup().
if vim.g.loaded_factbox then
  return
end
vim.g.loaded_factbox = true
require("factbox").create_commands()
