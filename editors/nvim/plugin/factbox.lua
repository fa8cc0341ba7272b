-- :FactBox shows the fact box of the current buffer; the server is started
-- by require("factbox").setup().
if vim.g.loaded_factbox then
  return
end
vim.g.loaded_factbox = true

vim.api.nvim_create_user_command("FactBox", function()
  require("factbox").fact_box()
end, { desc = "Show the factbox fact box for the cursor position" })
