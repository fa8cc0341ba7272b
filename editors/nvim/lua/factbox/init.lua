-- factbox: readability hints from the factbox language server.
--
-- require("factbox").setup(opts) starts `factbox serve --stdio` for Markdown
-- and text buffers. It uses vim.lsp.config/vim.lsp.enable on Neovim 0.11+,
-- vim.lsp.start from a FileType autocmd on 0.8-0.10, and
-- vim.lsp.start_client + vim.lsp.buf_attach_client on 0.7.
local M = {}

M.name = "factbox"
M.method = "factbox/factBox"

-- defaults are the options setup() starts from; `settings` mirror the
-- server's own defaults.
M.defaults = {
  cmd = { "factbox", "serve", "--stdio" },
  filetypes = { "markdown", "text" },
  root_markers = { ".git" },
  settings = {
    hardLevel = 10,
    veryHardLevel = 14,
    minWords = 14,
    diagnostics = { enable = true },
    languages = { "markdown", "plaintext" },
    hints = { adverbs = true, passiveVoice = true, simplerAlternatives = true },
    -- Paragraph grades as inlay hints, shown on Neovim 0.10 and later.
    inlayHints = { enable = true },
  },
  -- on_attach(client, bufnr) runs after the server attaches to a buffer.
  on_attach = nil,
  -- map_hover maps K to vim.lsp.buf.hover in attached buffers on Neovim
  -- 0.7-0.9 (0.10+ does it itself), unless K is already mapped.
  map_hover = true,
  -- short_virtual_text shows "grade 16.2 · very hard" at the end of the
  -- line instead of the whole message (which stays in the float).
  short_virtual_text = true,
}

-- language_ids maps Neovim filetypes to LSP language ids where they differ.
-- Neovim sends the filetype as the language id, and the server knows
-- plain text as "plaintext".
M.language_ids = { text = "plaintext" }

M.config = nil
-- explicit holds the settings the user passed to setup() and
-- update_settings(): only these (and the hint switches, see sent) go to the server, which ranks them above a
-- project's .factbox.toml; the defaults above are the server's own anyway.
M.explicit = {}
local augroup = nil
local legacy_client_id = nil -- Neovim 0.7: the one shared client

local function has(feature)
  return vim.fn.has(feature) == 1
end

local function is_list(t)
  if type(t) ~= "table" then
    return false
  end
  if vim.islist then
    return vim.islist(t)
  end
  return vim.tbl_islist(t)
end

-- merge deep-merges b into a copy of a; lists in b replace those in a
-- whole (vim.tbl_deep_extend would merge them index by index).
local function merge(a, b)
  local out = vim.deepcopy(a)
  for k, v in pairs(b or {}) do
    if type(v) == "table" and not is_list(v) and type(out[k]) == "table" and not is_list(out[k]) then
      out[k] = merge(out[k], v)
    else
      out[k] = vim.deepcopy(v)
    end
  end
  return out
end
M._merge = merge

local function language_id(_, filetype)
  return M.language_ids[filetype] or filetype
end

local function notify(msg, level)
  vim.notify("factbox: " .. msg, level or vim.log.levels.INFO)
end

-- client_request calls client:request on 0.11+ and client.request before.
local function client_request(client, method, params, handler, bufnr)
  if has("nvim-0.11") then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function client_notify(client, method, params)
  if has("nvim-0.11") then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

-- clients returns the running factbox clients, attached to bufnr if given.
function M.clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
  end
  local list = {}
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, c in pairs(all) do
    if c.name == M.name then
      table.insert(list, c)
    end
  end
  return list
end

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  if vim.fs and vim.fs.find then
    local found = vim.fs.find(markers, { path = dir, upward = true })[1]
    if found then
      return vim.fs.dirname(found)
    end
  end
  return dir
end

-- short_message turns a diagnostic message into its virtual-text form, the
-- grade first: "Very hard to read: grade 16.2 (very hard from 14) · 38
-- words · …" becomes "grade 16.2 · very hard". Other messages stay whole.
function M.short_message(message)
  local grade = message:match("grade ([%-%d%.]+)")
  if not grade then
    return message
  end
  local tier = message:match("^Very hard") and "very hard" or message:match("^Hard") and "hard" or nil
  return tier and ("grade " .. grade .. " · " .. tier) or ("grade " .. grade)
end

-- diagnostic_namespace returns the namespace of a client's pushed diagnostics.
local function diagnostic_namespace(client)
  local ok, ns = pcall(vim.lsp.diagnostic.get_namespace, client.id, false)
  return ok and ns or nil
end

-- show_inlay_hints turns Neovim's inlay hints on for bufnr (0.10 and
-- later) when the settings want them; :lua vim.lsp.inlay_hint.enable(false)
-- still turns them off.
local function show_inlay_hints(cfg, bufnr)
  if vim.lsp.inlay_hint and vim.lsp.inlay_hint.enable and has("nvim-0.10") and cfg.settings.inlayHints.enable then
    vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
  end
end

-- on_attach is what the plugin does when the server attaches, after the
-- user's own on_attach: map K on 0.7-0.9 if nothing maps it, and shorten
-- the virtual text of factbox's diagnostics unless virtual text is off, and
-- show inlay hints on 0.10 and later when the settings want them.
function M.on_attach(client, bufnr)
  local cfg = M.config or M.defaults
  show_inlay_hints(cfg, bufnr)
  if cfg.on_attach then
    cfg.on_attach(client, bufnr)
  end
  if cfg.map_hover and not has("nvim-0.10") and vim.fn.maparg("K", "n") == "" then
    vim.keymap.set("n", "K", vim.lsp.buf.hover, { buffer = bufnr, desc = "factbox: hover (fact box)" })
  end
  if cfg.short_virtual_text then
    local ns = diagnostic_namespace(client)
    local global = vim.diagnostic.config() or {}
    if ns and global.virtual_text ~= false then
      local vt = type(global.virtual_text) == "table" and vim.deepcopy(global.virtual_text) or {}
      vt.format = function(d)
        return M.short_message(d.message)
      end
      vim.diagnostic.config({ virtual_text = vt }, ns)
    end
  end
end

-- sent returns the settings that go to the server: those the user gave, and
-- always the hint switches, which the server leaves off unless asked.
local function sent()
  local cfg = M.config or M.defaults
  return merge(M.explicit, { hints = cfg.settings.hints, inlayHints = cfg.settings.inlayHints })
end

-- client_config is the configuration shared by every start path.
local function client_config(cfg)
  return {
    name = M.name,
    cmd = cfg.cmd,
    init_options = { factbox = sent() },
    settings = { factbox = sent() },
    get_language_id = language_id,
    on_attach = M.on_attach,
  }
end

-- lsp_config returns the configuration lsp/factbox.lua gives Neovim 0.11+,
-- for vim.lsp.enable("factbox") without setup(): the defaults, or what
-- setup() was given.
function M.lsp_config()
  local cfg = M.config or M.defaults
  local conf = client_config(cfg)
  conf.name = nil
  conf.filetypes = cfg.filetypes
  conf.root_markers = cfg.root_markers
  return conf
end

-- helptags generates the tags of the plugin's doc/ folder when they are
-- missing or older than doc/factbox.txt and the folder is writable, so that
-- :help factbox works after a manual install.
function M.helptags()
  local src = debug.getinfo(1, "S").source:sub(2)
  local doc = vim.fn.fnamemodify(src, ":p:h:h:h") .. "/doc"
  local txt, tags = doc .. "/factbox.txt", doc .. "/tags"
  if vim.fn.filereadable(txt) ~= 1 or vim.fn.filewritable(doc) ~= 2 then
    return false
  end
  if vim.fn.filereadable(tags) == 1 and vim.fn.getftime(tags) >= vim.fn.getftime(txt) then
    return true
  end
  return (pcall(vim.cmd, "silent helptags " .. vim.fn.fnameescape(doc)))
end

local function executable_check(cfg)
  local exe = cfg.cmd[1]
  if type(exe) == "string" and vim.fn.executable(exe) ~= 1 then
    notify(
      ("cannot run %q. Install the server (in a clone of factbox: `go install ./cmd/factbox`) "
        .. "and put $(go env GOPATH)/bin on the PATH Neovim starts with, "
        .. "or pass cmd = { '/path/to/factbox', 'serve', '--stdio' } to setup(). See :help factbox-requirements."):format(exe),
      vim.log.levels.ERROR
    )
    return false
  end
  return true
end

-- attach starts (or reuses) a client for bufnr on Neovim 0.7-0.10.
local function attach(bufnr)
  local cfg = M.config
  if vim.api.nvim_buf_get_option(bufnr, "buftype") ~= "" then
    return
  end
  if vim.lsp.start then
    local conf = client_config(cfg)
    conf.root_dir = find_root(bufnr, cfg.root_markers)
    vim.lsp.start(conf, { bufnr = bufnr })
    return
  end
  -- Neovim 0.7: one client for the session, started on first use.
  if legacy_client_id == nil or vim.lsp.get_client_by_id(legacy_client_id) == nil then
    local conf = client_config(cfg)
    conf.root_dir = find_root(bufnr, cfg.root_markers)
    legacy_client_id = vim.lsp.start_client(conf)
    if legacy_client_id == nil then
      notify("could not start " .. table.concat(cfg.cmd, " "), vim.log.levels.ERROR)
      return
    end
  end
  vim.lsp.buf_attach_client(bufnr, legacy_client_id)
end

-- create_commands defines :FactBox.
function M.create_commands()
  vim.api.nvim_create_user_command("FactBox", function()
    M.fact_box()
  end, { desc = "Show the factbox fact box for the cursor position", force = true })
end

-- setup configures and enables the server. opts:
--   cmd          command list (default { "factbox", "serve", "--stdio" })
--   filetypes    buffers to attach to (default { "markdown", "text" })
--   settings     server settings, merged into the defaults
--   root_markers files that mark a project root (default { ".git" })
--   on_attach    function(client, bufnr)
function M.setup(opts)
  local cfg = merge(M.defaults, opts)
  M.config = cfg
  M.explicit = vim.deepcopy((opts or {}).settings or {})
  M.watch_config_files()
  -- Also defined by plugin/factbox.lua; repeated here for plugin managers
  -- that add the runtimepath after plugin/ files were sourced.
  M.create_commands()
  M.helptags()
  if not executable_check(cfg) then
    return
  end

  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config(M.name, M.lsp_config())
    vim.lsp.enable(M.name)
    return
  end

  augroup = vim.api.nvim_create_augroup("factbox", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = augroup,
    pattern = cfg.filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
  -- Buffers opened before setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(cfg.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr)
    end
  end
end

-- update_settings merges settings into the current ones and sends them to
-- every running factbox server (workspace/didChangeConfiguration).
function M.update_settings(settings)
  M.config = merge(M.config or M.defaults, { settings = settings })
  M.explicit = merge(M.explicit, settings)
  local s = { factbox = sent() }
  for _, client in ipairs(M.clients()) do
    -- Neovim answers workspace/configuration from client.settings (0.10 and
    -- later) or client.config.settings (before): the server pulls folder
    -- settings after a change, and must get these, not the ones at start.
    client.config.settings = s
    client.settings = s
    client_notify(client, "workspace/didChangeConfiguration", { settings = s })
    -- The server also asks for a refresh; showing or hiding them here does
    -- not depend on the Neovim version handling it.
    if settings.inlayHints ~= nil and vim.lsp.inlay_hint and vim.lsp.inlay_hint.enable and has("nvim-0.10") then
      for bufnr in pairs(client.attached_buffers or {}) do
        vim.lsp.inlay_hint.enable(M.config.settings.inlayHints.enable, { bufnr = bufnr })
      end
    end
  end
end

-- config_saved tells every running factbox server that the config file
-- at path changed (workspace/didChangeWatchedFiles), so that it re-reads it
-- and re-publishes the documents under it. Neovim watches files for a
-- server only on some versions and systems; a save in Neovim is always seen.
function M.config_saved(path)
  local change = { uri = vim.uri_from_fname(vim.fn.fnamemodify(path, ":p")), type = 2 }
  for _, client in ipairs(M.clients()) do
    client_notify(client, "workspace/didChangeWatchedFiles", { changes = { change } })
  end
end

-- watch_config_files calls config_saved when a .factbox.toml is written.
function M.watch_config_files()
  local group = vim.api.nvim_create_augroup("factbox_config", { clear = true })
  vim.api.nvim_create_autocmd("BufWritePost", {
    group = group,
    pattern = ".factbox.toml",
    callback = function(args)
      M.config_saved(args.file)
    end,
  })
end

local function fmt(n, digits)
  if type(n) ~= "number" or n ~= n or n == math.huge or n == -math.huge then
    return "–"
  end
  local s = string.format("%." .. digits .. "f", n)
  if s:match("^%-0%.?0*$") then
    s = s:sub(2)
  end
  return s
end

-- level_text formats a grade level with three decimals, as hover does, never
-- reading as reaching a threshold it does not reach (or the reverse): 13.9996
-- with very hard from 14 shows 13.999, not 14.000.
function M.level_text(level, thresholds)
  local s = fmt(level, 3)
  local shown = tonumber(s)
  if not shown then
    return s
  end
  for _, t in ipairs(thresholds or {}) do
    if type(t) == "number" and (level >= t) ~= (shown >= t) then
      local cut = level >= t and math.ceil(level * 1000) / 1000 or math.floor(level * 1000) / 1000
      return fmt(cut, 3)
    end
  end
  return s
end

-- metrics are the fact box rows in display order: key, label, decimals.
-- Level and TTR have three, as in hover and README.
M.metrics = {
  { "level", "Level", 3 },
  { "tokens", "Tokens", 0 },
  { "types", "Types", 0 },
  { "ttr", "TTR", 3 },
  { "sentences", "Sentences", 0 },
  { "syllables", "Syllables", 0 },
  { "letters", "Letters", 0 },
  { "polysyllables", "Polysyllables", 0 },
  { "wordsPerSentence", "Words/sentence", 1 },
  { "syllablesPerWord", "Syllables/word", 2 },
  { "readingEase", "Reading ease", 1 },
  { "ari", "ARI", 1 },
  { "colemanLiau", "Coleman-Liau", 1 },
  { "gunningFog", "Gunning fog", 1 },
  { "smog", "SMOG", 1 },
  { "adverbs", "Adverbs", 0 },
  { "passiveVoice", "Passive voice", 0 },
  { "simplerAlternatives", "Simpler words", 0 },
}

-- format_fact_box turns a factbox/factBox result into the lines of the
-- float: a header and one row per metric, with "–" for a paragraph or
-- sentence the cursor is not in.
function M.format_fact_box(result)
  local lines = { string.format("%-15s %9s %10s %9s", "", "Document", "Paragraph", "Sentence") }
  -- The document's thresholds as the server applies them (settings and its
  -- .factbox.toml); an older server sends none: then the settings.
  local s = (M.config or M.defaults).settings
  local function number(v, fallback)
    return type(v) == "number" and v or fallback
  end
  local thresholds = { number(result.hardLevel, s.hardLevel), number(result.veryHardLevel, s.veryHardLevel) }
  local function cell(box, key, digits)
    if type(box) ~= "table" then
      return "–"
    end
    if key == "level" and type(box[key]) == "number" then
      return M.level_text(box[key], thresholds)
    end
    return fmt(box[key], digits)
  end
  for _, m in ipairs(M.metrics) do
    local key, label, digits = m[1], m[2], m[3]
    -- "%9s" counts bytes; pad by display width so "–" lines up.
    local cells = {}
    local boxes = { result.document, result.paragraph, result.sentence }
    for i = 1, 3 do
      -- A JSON null arrives as vim.NIL (or nil): cell shows it as "–".
      local c = cell(boxes[i], key, digits)
      local width = ({ 9, 10, 9 })[i]
      cells[i] = string.rep(" ", width - vim.fn.strdisplaywidth(c)) .. c
    end
    table.insert(lines, string.format("%-15s %s %s %s", label, cells[1], cells[2], cells[3]))
  end
  return lines
end

-- open_float shows lines in a bordered floating window at the cursor and
-- returns its window and buffer; q and <Esc> close it.
function M.open_float(lines, title)
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.api.nvim_buf_set_option(buf, "modifiable", false)
  vim.api.nvim_buf_set_option(buf, "bufhidden", "wipe")
  vim.api.nvim_buf_set_option(buf, "filetype", "factbox")
  local width = 0
  for _, l in ipairs(lines) do
    width = math.max(width, vim.fn.strdisplaywidth(l))
  end
  local win_opts = {
    relative = "cursor",
    row = 1,
    col = 0,
    width = math.max(width, title and vim.fn.strdisplaywidth(title) + 2 or 0),
    height = #lines,
    style = "minimal",
    border = "rounded",
  }
  if title and has("nvim-0.9") then
    win_opts.title = " " .. title .. " "
    win_opts.title_pos = "center"
  end
  local win = vim.api.nvim_open_win(buf, true, win_opts)
  for _, key in ipairs({ "q", "<Esc>" }) do
    vim.api.nvim_buf_set_keymap(buf, "n", key, "<cmd>close<CR>", { noremap = true, nowait = true, silent = true })
  end
  vim.api.nvim_create_autocmd("WinLeave", {
    buffer = buf,
    once = true,
    callback = function()
      if vim.api.nvim_win_is_valid(win) then
        vim.api.nvim_win_close(win, true)
      end
    end,
  })
  return win, buf
end

-- fact_box requests the fact box for the cursor position of the current
-- window and shows it in a float. on_done(win, buf, result), if given, runs
-- after the float opened (used by the tests).
function M.fact_box(on_done)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1]
  if client == nil then
    notify("no factbox server is attached to this buffer (see :help factbox-setup)", vim.log.levels.WARN)
    return
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding or "utf-16")
  local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t")
  client_request(client, M.method, params, function(err, result)
    if err then
      notify(M.method .. " failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if type(result) ~= "table" or type(result.document) ~= "table" then
      notify("the server sent no fact box", vim.log.levels.ERROR)
      return
    end
    local title = "Fact box: " .. (name ~= "" and name or "[No Name]")
    local win, buf = M.open_float(M.format_fact_box(result), title)
    if on_done then
      on_done(win, buf, result)
    end
  end, bufnr)
end

return M
