-- :checkhealth factbox: is the server found, which version, is it attached
-- to the current buffer, and which settings are in effect.
local M = {}

-- report picks the health API of this Neovim: vim.health.ok (0.10+),
-- vim.health.report_ok (0.8-0.9) or require("health").report_ok (0.7).
local function report()
  local h = vim.health or require("health")
  local function pick(new, old)
    return h[new] or h[old]
  end
  return {
    start = pick("start", "report_start"),
    ok = pick("ok", "report_ok"),
    warn = pick("warn", "report_warn"),
    error = pick("error", "report_error"),
    info = pick("info", "report_info"),
  }
end

function M.check()
  local r = report()
  local factbox = require("factbox")
  local cfg = factbox.config
  r.start("factbox: server")
  local cmd = (cfg or factbox.defaults).cmd
  local clients = factbox.clients()
  if clients[1] and clients[1].config and type(clients[1].config.cmd) == "table" then
    cmd = clients[1].config.cmd -- what actually runs, e.g. from vim.lsp.config
  end
  local exe = type(cmd) == "table" and cmd[1] or nil
  local path = type(exe) == "string" and vim.fn.exepath(exe) or ""
  if path == "" then
    r.error(("cannot find %q on the PATH Neovim sees"):format(tostring(exe)), {
      "In a clone of factbox: go install ./cmd/factbox, and put $(go env GOPATH)/bin on PATH",
      "or set cmd = { '/full/path/to/factbox', 'serve', '--stdio' } (see :help factbox-requirements)",
    })
  else
    r.ok("factbox found: " .. path)
    local out = vim.fn.system({ path, "version" })
    if vim.v.shell_error == 0 then
      r.ok("version: " .. vim.trim(out))
    else
      r.error("`factbox version` failed: " .. vim.trim(out))
    end
  end

  r.start("factbox: this buffer")
  -- :checkhealth runs in a buffer of its own: report on the one before it.
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].buftype ~= "" or vim.bo[bufnr].filetype == "checkhealth" then
    local alt = vim.fn.bufnr("#")
    if alt > 0 and vim.api.nvim_buf_is_valid(alt) then
      bufnr = alt
    end
  end
  local ft = vim.bo[bufnr].filetype
  local attached = factbox.clients(bufnr)
  if #attached > 0 then
    r.ok(("server attached to buffer %d (filetype %q, client id %d)"):format(bufnr, ft, attached[1].id))
  elseif #clients > 0 then
    r.warn(("server running but not attached to buffer %d (filetype %q)"):format(bufnr, ft), {
      "factbox attaches to the filetypes " .. table.concat((cfg or factbox.defaults).filetypes, ", "),
    })
  else
    r.warn("no factbox server is running", {
      "Call require('factbox').setup() in init.lua, or vim.lsp.enable('factbox') on Neovim 0.11+",
      "then open a Markdown or text file",
    })
  end
  for _, c in ipairs(clients) do
    local names = {}
    for b in pairs(c.attached_buffers or {}) do
      table.insert(names, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ":~:."))
    end
    table.sort(names)
    r.info(("client %d serves: %s"):format(c.id, #names > 0 and table.concat(names, ", ") or "no buffer"))
  end
  if not cfg then
    r.info("setup() has not run: the defaults apply (vim.lsp.enable('factbox') uses them too)")
  end

  r.start("factbox: settings in effect")
  -- What the server was sent (what setup() and update_settings() set) over
  -- the defaults; a project's .factbox.toml may change what was not sent.
  local sent = attached[1] and attached[1].config.settings and attached[1].config.settings.factbox
    or factbox.explicit or {}
  local settings = factbox._merge(factbox.defaults.settings, sent)
  local function origin(v)
    return v ~= nil and "set" or "default; a .factbox.toml may change it"
  end
  for _, key in ipairs({ "hardLevel", "veryHardLevel", "minWords" }) do
    r.info(("%s = %s (%s)"):format(key, tostring(settings[key]), origin(sent[key])))
  end
  r.info(("diagnostics.enable = %s (%s)"):format(tostring(settings.diagnostics and settings.diagnostics.enable),
    origin(sent.diagnostics)))
  r.info("languages = " .. table.concat(settings.languages or {}, ", "))
  if type(settings.hardLevel) == "number" and type(settings.veryHardLevel) == "number"
    and settings.hardLevel > settings.veryHardLevel then
    r.warn(("hardLevel %s is above veryHardLevel %s: the server will not accept them"):format(
      settings.hardLevel, settings.veryHardLevel))
  end
end

return M
