-- Headless end-to-end test of the Neovim plugin against the real server.
-- Run through test/run.sh, or:
--   FACTBOX_BIN=/path/to/factbox nvim --headless -u editors/nvim/test/minimal_init.lua \
--     -c "luafile editors/nvim/test/e2e.lua"
-- FACTBOX_FIXTURE names the document to open; by default the reference
-- document beside the repository (../shared/fixtures), or, where that is
-- absent (a fresh clone), cmd/factbox/testdata/sample.md from the repository.
local passed, failed = 0, 0
local out = io.stdout

local function log(s)
  out:write(s .. "\n")
  out:flush()
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    log("ok   " .. name)
  else
    failed = failed + 1
    log("FAIL " .. name .. (detail and (": " .. detail) or ""))
  end
  return ok
end

local function finish()
  log(("nvim-e2e: %d passed, %d failed"):format(passed, failed))
  for _, c in ipairs(require("factbox").clients()) do
    -- Client methods take self from Neovim 0.11 on.
    if vim.fn.has("nvim-0.11") == 1 then
      c:stop()
    else
      c.stop()
    end
  end
  if failed > 0 then
    vim.cmd("cquit 1")
  else
    vim.cmd("qall!")
  end
end

local TIMEOUT = 20000
local VERY_HARD = "Notwithstanding considerable institutional heterogeneity, comprehensive internationalization "
  .. "methodologies fundamentally necessitate extraordinarily sophisticated organizational accountability "
  .. "infrastructures, particularly considering unprecedented environmental unpredictability across "
  .. "interdependent governmental administrations."

local SENTENCE_CODES = { ["hard-sentence"] = true, ["very-hard-sentence"] = true }
local HINT_CODES = { adverb = true, ["passive-voice"] = true, ["simpler-alternative"] = true }

-- factbox_diags returns the hard-sentence diagnostics of bufnr, or with
-- hints set, the hint diagnostics.
local function factbox_diags(bufnr, hints)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "factbox" and (hints and HINT_CODES or SENTENCE_CODES)[d.code] then
      table.insert(list, d)
    end
  end
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return list
end

local function summary(list)
  local parts = {}
  for _, d in ipairs(list) do
    table.insert(parts, ("%s@%d:%d-%d:%d"):format(tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col))
  end
  return table.concat(parts, " ")
end

local function float_wins()
  local wins = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= "" then
      table.insert(wins, w)
    end
  end
  return wins
end

local function run()
  local factbox = require("factbox")
  local bin = os.getenv("FACTBOX_BIN")
  if not check("FACTBOX_BIN is an executable", bin and vim.fn.executable(bin) == 1, tostring(bin)) then
    return
  end
  local test_dir = vim.g.factbox_test_dir
  local fixture = os.getenv("FACTBOX_FIXTURE")
  if fixture == nil then
    fixture = test_dir .. "/../../../../shared/fixtures/000_0004cf68decdbf28.txt"
    if vim.fn.filereadable(fixture) ~= 1 then
      fixture = test_dir .. "/../../../cmd/factbox/testdata/sample.md"
    end
  end
  fixture = vim.fn.simplify(vim.fn.fnamemodify(fixture, ":p"))
  log("document: " .. fixture)
  if not check("the document is readable", vim.fn.filereadable(fixture) == 1, fixture) then
    return
  end
  -- Work on a copy: the test edits the buffer and must never touch the fixture.
  local tmpdir = vim.fn.tempname()
  vim.fn.mkdir(tmpdir, "p")
  local doc = tmpdir .. "/reference.txt"
  vim.fn.writefile(vim.fn.readfile(fixture, "b"), doc, "b")

  check(":FactBox exists before setup", vim.fn.exists(":FactBox") == 2)

  -- format_fact_box: a null paragraph/sentence (vim.NIL or absent) shows "–".
  local box = { level = 14.06, tokens = 980, types = 427, ttr = 0.4357, readingEase = -0.04 }
  local lines = factbox.format_fact_box({ document = box, paragraph = vim.NIL })
  check("format_fact_box: header", lines[1]:match("^%s+Document%s+Paragraph%s+Sentence$") ~= nil, lines[1])
  check("format_fact_box: Level row, three decimals as in hover", lines[2] == "Level              14.060          –         –", lines[2])
  check("format_fact_box: TTR row, three decimals", lines[5] == "TTR                 0.436          –         –", lines[5])
  -- A shown grade never reaches a threshold the grade does not (10 and 14).
  for _, c in ipairs({
    { 13.9996, "13.999" }, { 14, "14.000" }, { 14.0004, "14.000" }, { 9.9995, "9.999" },
    { 10.0001, "10.000" }, { 12.3456, "12.346" }, { -0.0001, "0.000" },
  }) do
    local got = factbox.level_text(c[1], { 10, 14 })
    check(("level_text(%s) = %s"):format(c[1], c[2]), got == c[2], got)
  end
  for _, c in ipairs({
    { "Very hard to read: grade 16.2 (very hard from 14) · 38 words · longest: \"a\"", "grade 16.2 · very hard" },
    { "Hard to read: grade 12.4 (hard from 10) · 18 words", "grade 12.4 · hard" },
    { "something else", "something else" },
  }) do
    local got = factbox.short_message(c[1])
    check(("short_message(%q)"):format(c[1]:sub(1, 20)), got == c[2], got)
  end
  -- The server's thresholds for the document win over the settings.
  local near = factbox.format_fact_box({ document = vim.tbl_extend("force", box, { level = 17.9996 }), hardLevel = 12, veryHardLevel = 18 })
  check("format_fact_box: the server's thresholds decide the rounding", near[2]:match("^Level%s+17%.999%s") ~= nil, near[2])
  local lsp_file = dofile(test_dir .. "/../lsp/factbox.lua")
  check("lsp/factbox.lua gives cmd, filetypes and root_markers",
    type(lsp_file) == "table" and lsp_file.cmd[1] == "factbox" and vim.tbl_contains(lsp_file.filetypes, "markdown")
      and lsp_file.root_markers[1] == ".git" and lsp_file.name == nil, vim.inspect(lsp_file))
  check("format_fact_box: missing metric and negative zero", lines[6]:match("^Sentences%s+–") ~= nil
    and lines[12] == "Reading ease          0.0          –         –", lines[6] .. " | " .. lines[12])
  check("format_fact_box: one row per metric", #lines == 1 + #factbox.metrics, tostring(#lines))

  factbox.setup({ cmd = { bin, "serve", "--stdio" } })

  vim.cmd("edit " .. vim.fn.fnameescape(doc))
  local buf = vim.api.nvim_get_current_buf()
  check("a .txt file has filetype text", vim.bo[buf].filetype == "text", vim.bo[buf].filetype)

  local attached = vim.wait(TIMEOUT, function()
    return #factbox.clients(buf) > 0
  end, 50)
  if not check("the factbox client attaches", attached) then
    return
  end
  local client = factbox.clients(buf)[1]

  -- Before 0.10, K is mapped to hover in the buffer (0.10+ maps it itself).
  local kmap = vim.fn.maparg("K", "n", false, true)
  if vim.fn.has("nvim-0.10") == 1 then
    check("K is left to Neovim on 0.10+", kmap.desc ~= "factbox: hover (fact box)", vim.inspect(kmap))
  else
    check("K hovers, mapped for this buffer only", kmap.buffer == 1 and kmap.desc == "factbox: hover (fact box)", vim.inspect(kmap))
  end
  local tags = test_dir .. "/../doc/tags"
  check("setup() generated the help tags", vim.fn.filereadable(tags) == 1, tags)

  local got = vim.wait(TIMEOUT, function()
    return #factbox_diags(buf) > 0
  end, 50)
  local v1 = factbox_diags(buf)
  check("diagnostics from factbox arrive for the document", got, "none within " .. TIMEOUT .. " ms")
  local codes_ok = #v1 > 0
  for _, d in ipairs(v1) do
    local want = d.code == "hard-sentence" and vim.diagnostic.severity.INFO
      or d.code == "very-hard-sentence" and vim.diagnostic.severity.WARN
      or -1
    codes_ok = codes_ok and d.severity == want
  end
  check("diagnostic codes and severities match", codes_ok, summary(v1))
  if #v1 == 0 then
    return
  end
  local hints = factbox_diags(buf, true)
  local hints_ok = #hints > 0
  for _, d in ipairs(hints) do
    hints_ok = hints_ok and d.severity == vim.diagnostic.severity.HINT and d.message:match("^[%a ]+: ") ~= nil
  end
  check("hints arrive as Hint diagnostics (adverb, passive-voice, simpler-alternative)", hints_ok, summary(hints))
  factbox.update_settings({ hints = { adverbs = false, passiveVoice = false, simplerAlternatives = false } })
  check("turning the hints off clears them", vim.wait(TIMEOUT, function()
    return #factbox_diags(buf, true) == 0 and #factbox_diags(buf) == #v1
  end, 50), summary(factbox_diags(buf, true)))
  factbox.update_settings({ hints = { adverbs = true, passiveVoice = true, simplerAlternatives = true } })
  check("turning them on brings them back", vim.wait(TIMEOUT, function()
    return #factbox_diags(buf, true) == #hints
  end, 50), summary(factbox_diags(buf, true)))

  -- Paragraph grades as inlay hints, on Neovim 0.10 and later.
  if vim.lsp.inlay_hint and vim.lsp.inlay_hint.get and vim.fn.has("nvim-0.10") == 1 then
    local inlay = {}
    local got_inlay = vim.wait(TIMEOUT, function()
      inlay = vim.lsp.inlay_hint.get({ bufnr = buf })
      return #inlay > 1
    end, 50)
    local labels_ok = got_inlay
    for _, h in ipairs(inlay) do
      local line = vim.api.nvim_buf_get_lines(buf, h.inlay_hint.position.line, h.inlay_hint.position.line + 1, false)[1] or ""
      labels_ok = labels_ok and tostring(h.inlay_hint.label):match("^grade %-?%d+%.%d · %d+ words?$") ~= nil
        and h.inlay_hint.position.character == #line
    end
    check("inlay hints give each paragraph's grade at the end of its last line", labels_ok,
      vim.inspect(vim.tbl_map(function(h) return h.inlay_hint.label end, inlay)))
    factbox.update_settings({ inlayHints = { enable = false } })
    check("turning inlay hints off removes them", vim.wait(TIMEOUT, function()
      return #vim.lsp.inlay_hint.get({ bufnr = buf }) == 0
    end, 50), tostring(#vim.lsp.inlay_hint.get({ bufnr = buf })))
    factbox.update_settings({ inlayHints = { enable = true } })
  end

  local vt = vim.diagnostic.config(nil, vim.lsp.diagnostic.get_namespace(client.id, false)).virtual_text
  if (vim.diagnostic.config() or {}).virtual_text == false then
    -- Neovim 0.11+ turns virtual text off by default: the plugin leaves it off.
    check("virtual text stays off when it is off", not vt, vim.inspect(vt))
  else
    local short = type(vt) == "table" and vt.format and vt.format(v1[1]) or ""
    check("virtual text is short, the grade first", short:match("^grade %d+%.%d · [a-z ]+$") ~= nil, short)
  end

  -- :checkhealth factbox finds the server, its version and the attachment.
  vim.cmd("checkhealth factbox")
  local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  check(":checkhealth factbox: binary, version, attached, settings",
    health:find("factbox found: " .. vim.fn.exepath(bin), 1, true) and health:find("version: factbox", 1, true)
      and health:find("server attached to buffer " .. buf, 1, true) and health:find("veryHardLevel = 14", 1, true),
    health)
  vim.cmd("bwipeout!")
  vim.api.nvim_set_current_buf(buf)

  local first = v1[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = first.lnum, character = first.col },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, TIMEOUT)
  local hover_text = ""
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then
      local c = r.result.contents
      hover_text = hover_text .. (type(c) == "table" and (c.value or vim.inspect(c)) or tostring(c))
    end
  end
  check(
    "hover shows the fact box (Level, Tokens, Types, TTR)",
    hover_text:find("Level", 1, true) and hover_text:find("Tokens", 1, true) and hover_text:find("TTR", 1, true),
    hover_text
  )

  -- :FactBox opens a float with the fact box for the cursor position.
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local main_win = vim.api.nvim_get_current_win()
  vim.cmd("FactBox")
  local opened = vim.wait(TIMEOUT, function()
    return #float_wins() > 0
  end, 50)
  local float_text = ""
  local border_ok = false
  if opened then
    local w = float_wins()[1]
    float_text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), "\n")
    local border = vim.api.nvim_win_get_config(w).border
    border_ok = type(border) == "table" and #border > 0
  end
  check(":FactBox opens a floating window", opened)
  check(
    "the float shows Level for document, paragraph and sentence",
    float_text:find("Document", 1, true) and float_text:find("Sentence", 1, true)
      and float_text:match("Level%s+%d+%.%d%d%d%s+%-?%d+%.%d%d%d%s+%-?%d+%.%d%d%d\n") ~= nil,
    float_text
  )
  check("the float has a border", border_ok)
  vim.api.nvim_feedkeys("q", "x", false)
  check("q closes the float", #float_wins() == 0 and vim.api.nvim_get_current_win() == main_win)

  -- Append a very hard sentence: one more diagnostic, a warning on the new line.
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { "", VERY_HARD })
  local added
  local changed = vim.wait(TIMEOUT, function()
    local now = factbox_diags(buf)
    for _, d in ipairs(now) do
      if d.lnum == last + 1 then
        added = d
      end
    end
    return #now == #v1 + 1 and added ~= nil
  end, 50)
  check("appending a very hard sentence adds a diagnostic", changed, summary(factbox_diags(buf)))
  check(
    "the new diagnostic is a very-hard-sentence warning",
    added and added.code == "very-hard-sentence" and added.severity == vim.diagnostic.severity.WARN,
    added and vim.inspect(added) or "none"
  )

  -- Settings reach the running server.
  factbox.update_settings({ diagnostics = { enable = false } })
  check("disabling diagnostics clears them", vim.wait(TIMEOUT, function()
    return #factbox_diags(buf) == 0
  end, 50), summary(factbox_diags(buf)))
  factbox.update_settings({ diagnostics = { enable = true } })
  check("enabling diagnostics brings them back", vim.wait(TIMEOUT, function()
    return #factbox_diags(buf) == #v1 + 1
  end, 50), summary(factbox_diags(buf)))

  -- Delete it again: back to the original diagnostics.
  vim.api.nvim_buf_set_lines(buf, last, last + 2, false, {})
  local restored = vim.wait(TIMEOUT, function()
    return summary(factbox_diags(buf)) == summary(v1)
  end, 50)
  check("deleting the sentence restores the original diagnostics", restored, summary(factbox_diags(buf)))

  -- A Markdown buffer is analysed by the same client.
  local md = tmpdir .. "/note.md"
  vim.fn.writefile({ "# Note", "", VERY_HARD }, md)
  vim.cmd("edit " .. vim.fn.fnameescape(md))
  local mdbuf = vim.api.nvim_get_current_buf()
  local md_ok = vim.wait(TIMEOUT, function()
    local d = factbox_diags(mdbuf)
    return #d == 1 and d[1].code == "very-hard-sentence" and d[1].lnum == 2
  end, 50)
  check("a Markdown buffer gets its diagnostics", md_ok, summary(factbox_diags(mdbuf)))

  -- A quick fix: ask for the code actions of the diagnostic, apply "Ignore
  -- this sentence" as Neovim applies a workspace edit, and the next
  -- publication has no diagnostic.
  local d = factbox_diags(mdbuf)[1]
  if d then
    local lsp = (d.user_data and d.user_data.lsp) or {}
    local diag = {
      range = lsp.range or { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
      severity = d.severity, code = d.code, source = d.source, message = d.message, data = lsp.data,
    }
    local actions = {}
    local resp = vim.lsp.buf_request_sync(mdbuf, "textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(mdbuf) },
      range = diag.range,
      context = { diagnostics = { diag } },
    }, TIMEOUT)
    for _, r in pairs(resp or {}) do
      for _, a in ipairs(r.result or {}) do
        table.insert(actions, a)
      end
    end
    local titles = {}
    for _, a in ipairs(actions) do
      table.insert(titles, a.title)
    end
    check("code actions offer the three quick fixes", table.concat(titles, "|")
      == "Ignore this sentence|Ignore this paragraph|Disable factbox in this file", table.concat(titles, "|"))
    if actions[1] and actions[1].edit then
      local mdclient = factbox.clients(mdbuf)[1]
      vim.lsp.util.apply_workspace_edit(actions[1].edit, mdclient.offset_encoding or "utf-16")
      -- The sentence starts its block: the disable comment goes on a line
      -- of its own above it, where it cannot swallow the sentence.
      local lines = vim.api.nvim_buf_get_lines(mdbuf, 0, -1, false)
      check("the quick fix wraps the sentence in factbox-disable/enable",
        lines[3] == "<!-- factbox-disable -->" and lines[4] == VERY_HARD .. "<!-- factbox-enable -->",
        table.concat(lines, "\n"))
      check("after the quick fix the sentence is not flagged", vim.wait(TIMEOUT, function()
        return #factbox_diags(mdbuf) == 0
      end, 50), summary(factbox_diags(mdbuf)))
    end
  end

  -- A simpler alternative's quick fixes: one per suggestion; applying the
  -- first replaces the word, and its hint goes.
  local simple = tmpdir .. "/simple.txt"
  vim.fn.writefile({ "We commence now." }, simple)
  vim.cmd("edit " .. vim.fn.fnameescape(simple))
  local sbuf = vim.api.nvim_get_current_buf()
  local got_hint = vim.wait(TIMEOUT, function()
    return #factbox_diags(sbuf, true) == 1
  end, 50)
  local h = factbox_diags(sbuf, true)[1]
  check("a simpler-alternative hint for \"commence\"", got_hint and h and h.code == "simpler-alternative", summary(factbox_diags(sbuf, true)))
  if h then
    local lsp = (h.user_data and h.user_data.lsp) or {}
    local diag = {
      range = lsp.range or { start = { line = h.lnum, character = h.col }, ["end"] = { line = h.end_lnum, character = h.end_col } },
      severity = h.severity, code = h.code, source = h.source, message = h.message,
    }
    local resp = vim.lsp.buf_request_sync(sbuf, "textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(sbuf) },
      range = diag.range,
      context = { diagnostics = { diag } },
    }, TIMEOUT)
    local actions, titles = {}, {}
    for _, r in pairs(resp or {}) do
      for _, act in ipairs(r.result or {}) do
        table.insert(actions, act)
        table.insert(titles, act.title)
      end
    end
    check("one quick fix per suggestion", table.concat(titles, "|") == "Use “begin” for “commence”|Use “start” for “commence”",
      table.concat(titles, "|"))
    if actions[1] and actions[1].edit then
      vim.lsp.util.apply_workspace_edit(actions[1].edit, factbox.clients(sbuf)[1].offset_encoding or "utf-16")
      check("the quick fix replaces the word", vim.api.nvim_buf_get_lines(sbuf, 0, 1, false)[1] == "We begin now.",
        vim.api.nvim_buf_get_lines(sbuf, 0, 1, false)[1])
      check("and its hint goes", vim.wait(TIMEOUT, function()
        return #factbox_diags(sbuf, true) == 0
      end, 50), summary(factbox_diags(sbuf, true)))
    end
  end

  -- A config change: writing a .factbox.toml in Neovim re-publishes the
  -- documents under it with the file's thresholds.
  local md2 = tmpdir .. "/other.md"
  vim.fn.writefile({ "# Other", "", VERY_HARD }, md2)
  vim.cmd("edit " .. vim.fn.fnameescape(md2))
  local md2buf = vim.api.nvim_get_current_buf()
  check("a second Markdown buffer is flagged", vim.wait(TIMEOUT, function()
    return #factbox_diags(md2buf) == 1
  end, 50), summary(factbox_diags(md2buf)))
  vim.cmd("edit " .. vim.fn.fnameescape(tmpdir .. "/.factbox.toml"))
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { "minWords = 100" })
  vim.cmd("silent write")
  check("saving .factbox.toml with minWords = 100 clears the diagnostics", vim.wait(TIMEOUT, function()
    return #factbox_diags(md2buf) == 0
  end, 50), summary(factbox_diags(md2buf)))
  vim.cmd("buffer " .. md2buf)

  local stopped
  if vim.fn.has("nvim-0.11") == 1 then
    stopped = client:is_stopped()
  else
    stopped = client.is_stopped()
  end
  check("the server is still running", not stopped)

  -- :help factbox works after :helptags (on a copy: tags are not committed).
  local docdir = tmpdir .. "/rtp/doc"
  vim.fn.mkdir(docdir, "p")
  local src = vim.fn.fnamemodify(test_dir .. "/../doc/factbox.txt", ":p")
  vim.fn.writefile(vim.fn.readfile(src, "b"), docdir .. "/factbox.txt", "b")
  vim.cmd("helptags " .. vim.fn.fnameescape(docdir))
  vim.opt.runtimepath:append(tmpdir .. "/rtp")
  for _, tag in ipairs({ "factbox", ":FactBox", "factbox.setup()", "factbox-options" }) do
    local help_ok = pcall(vim.cmd, "help " .. tag)
    -- The cursor must be on the line that defines the tag, not on a
    -- partial match elsewhere in the file.
    local line = vim.fn.getline(".")
    check(":help " .. tag, help_ok and vim.bo.buftype == "help" and vim.fn.expand("%:t") == "factbox.txt"
      and line:find("*" .. tag .. "*", 1, true) ~= nil, vim.fn.expand("%:t") .. ": " .. line)
    pcall(vim.cmd, "helpclose")
  end
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  check("test script ran without errors", false, err)
end
finish()
