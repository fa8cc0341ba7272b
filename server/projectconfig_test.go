package server

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// veryHardText is a Markdown document with one very hard sentence of 16 words.
const veryHardText = "# Notes\n\n" + hardQuote + "\n"

// fileURI returns the file: URI of path.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// notification waits for the next notification of method, holding the
// others for later calls, and returns its params.
func (c *testClient) notification(method string) json.RawMessage {
	c.t.Helper()
	for i, m := range c.held {
		if m.Method == method {
			c.held = append(c.held[:i:i], c.held[i+1:]...)
			return m.Params
		}
	}
	deadline := time.After(testTimeout)
	for {
		select {
		case m := <-c.notes:
			if m.Method == method {
				return m.Params
			}
			c.held = append(c.held, m)
		case <-deadline:
			c.t.Fatalf("no %s notification in %s", method, testTimeout)
		}
	}
}

// request waits for the next request from the server, which must be method.
func (c *testClient) request(method string) message {
	c.t.Helper()
	select {
	case m := <-c.requests:
		if m.Method != method {
			c.t.Fatalf("server sent %s %s, want %s", m.Method, m.Params, method)
		}
		return m
	case <-time.After(testTimeout):
		c.t.Fatalf("no %s request in %s", method, testTimeout)
	}
	return message{}
}

// reply answers a request from the server.
func (c *testClient) reply(m message, result any) {
	c.t.Helper()
	c.send(map[string]any{"id": json.RawMessage(m.ID), "result": result})
}

// watched sends workspace/didChangeWatchedFiles for one file (type 1
// created, 2 changed, 3 deleted).
func (c *testClient) watched(path string, typ int) {
	c.t.Helper()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(path), "type": typ}}})
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConfigWatchingEndToEnd follows a .factbox.toml through its life with
// the factbox binary and a client that watches files for the server:
// created, turned bad (shown once, published on the open file, the last
// good config kept), fixed, deleted.
func TestConfigWatchingEndToEnd(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".factbox.toml")
	doc := fileURI(filepath.Join(dir, "docs", "a.md"))
	p := startBinary(t, "--stdio")
	p.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}, nil)
	reg := p.request("client/registerCapability")
	if !strings.Contains(string(reg.Params), `"method":"workspace/didChangeWatchedFiles"`) || !strings.Contains(string(reg.Params), `"globPattern":"**/.factbox.toml"`) {
		t.Fatalf("registration %s", reg.Params)
	}
	p.reply(reg, nil)

	p.open(doc, "markdown", 1, veryHardText)
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 1 {
		t.Fatalf("no config: %d diagnostics, want 1", n)
	}

	writeFile(t, cfgPath, "minWords = 100\n")
	p.watched(cfgPath, 1)
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 0 {
		t.Fatalf("config with minWords = 100: %d diagnostics, want 0", n)
	}

	bad := "minWords = 'many'\n"
	writeFile(t, cfgPath, bad)
	p.watched(cfgPath, 2)
	var shown struct {
		Type    int    `json:"type"`
		Message string `json:"message"`
	}
	json.Unmarshal(p.notification("window/showMessage"), &shown)
	if want := cfgPath + ":1:12: minWords must be a whole number"; shown.Type != 1 || !strings.Contains(shown.Message, want) {
		t.Fatalf("showMessage %+v, want an error containing %q", shown, want)
	}
	p.open(fileURI(cfgPath), "toml", 1, bad)
	cfgDiags := p.diagnostics(fileURI(cfgPath), 1).Diagnostics
	if len(cfgDiags) != 1 || compact(t, cfgDiags[0]) != `{"range":{"start":{"line":0,"character":11},"end":{"line":0,"character":11}},"severity":1,"source":"factbox","message":"minWords must be a whole number, not a TOML string"}` {
		t.Fatalf("diagnostics of the bad config: %s", cfgDiags)
	}
	// The editor's text is checked as it is typed.
	p.change(fileURI(cfgPath), 2, *rng(0, 11, 0, 17), "5")
	if d := p.diagnostics(fileURI(cfgPath), 2).Diagnostics; len(d) != 0 {
		t.Fatalf("fixed config text still has %d diagnostics", len(d))
	}

	// Still the last good config: nothing re-published. Then the fix is saved.
	writeFile(t, cfgPath, "minWords = 5\n")
	p.watched(cfgPath, 2)
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 1 {
		t.Fatalf("config with minWords = 5: %d diagnostics, want 1", n)
	}
	if got := p.publishedVersions(doc); len(got) != 3 {
		t.Errorf("document published %d times (%v), want 3: the bad config must not re-publish it", len(got), got)
	}

	writeFile(t, cfgPath, "diagnostics = false\n")
	p.watched(cfgPath, 2)
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 0 {
		t.Fatalf("diagnostics = false: %d diagnostics, want 0", n)
	}
	os.Remove(cfgPath)
	p.watched(cfgPath, 3)
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 1 {
		t.Fatalf("config deleted: %d diagnostics, want 1", n)
	}
}

// TestConfigOnSaveEndToEnd checks a client that does not watch files: the
// server re-reads a config when the editor saves it.
func TestConfigOnSaveEndToEnd(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".factbox.toml")
	writeFile(t, cfgPath, "hardLevel = 90\nveryHardLevel = 100\n")
	doc := fileURI(filepath.Join(dir, "a.md"))
	p := startBinary(t, "--stdio")
	p.initialize(nil, nil)
	p.open(doc, "markdown", 1, veryHardText)
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 0 {
		t.Fatalf("config hardLevel 90: %d diagnostics, want 0", n)
	}
	writeFile(t, cfgPath, "minWords = 5\n")
	p.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}})
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 1 {
		t.Fatalf("after saving minWords 5: %d diagnostics, want 1", n)
	}
	// The editor's explicit settings win over the file.
	p.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"minWords": 100}}})
	if n := len(p.diagnostics(doc, 1).Diagnostics); n != 0 {
		t.Fatalf("editor minWords 100 over the file's 5: %d diagnostics, want 0", n)
	}
}

// TestMultiRootEndToEnd checks that each workspace folder's settings, pulled
// with its scopeUri, apply to its own documents, and that the folders follow
// didChangeWorkspaceFolders.
func TestMultiRootEndToEnd(t *testing.T) {
	root := t.TempDir()
	a, b := fileURI(filepath.Join(root, "a")), fileURI(filepath.Join(root, "b"))
	inA, inB := a+"/x.md", b+"/y.md"
	p := startBinary(t, "--stdio")
	var result map[string]any
	p.result("initialize", map[string]any{"processId": nil, "rootUri": nil,
		"capabilities":     map[string]any{"workspace": map[string]any{"configuration": true, "workspaceFolders": true}},
		"workspaceFolders": []any{map[string]any{"uri": a, "name": "a"}, map[string]any{"uri": b, "name": "b"}},
	}, &result)
	if ws := compact(t, mustJSON(t, result["capabilities"].(map[string]any)["workspace"])); ws != `{"workspaceFolders":{"changeNotifications":true,"supported":true}}` {
		t.Fatalf("workspace capabilities %s", ws)
	}
	p.open(inA, "markdown", 1, veryHardText)
	p.open(inB, "markdown", 1, veryHardText)
	p.diagnostics(inA, 1)
	p.diagnostics(inB, 1)
	p.notify("initialized", map[string]any{})

	pull := p.request("workspace/configuration")
	scopes := func(m message) string {
		var params struct {
			Items []struct {
				ScopeURI string `json:"scopeUri"`
				Section  string `json:"section"`
			} `json:"items"`
		}
		json.Unmarshal(m.Params, &params)
		var out []string
		for _, it := range params.Items {
			out = append(out, strings.TrimPrefix(it.ScopeURI, fileURI(root))+" "+it.Section)
		}
		return strings.Join(out, ", ")
	}
	if got := scopes(pull); got != "/a factbox, /b factbox" {
		t.Fatalf("items %q", got)
	}
	p.reply(pull, []any{map[string]any{"minWords": 100}, map[string]any{}})
	if n := len(p.diagnostics(inA, 1).Diagnostics); n != 0 {
		t.Fatalf("folder a with minWords 100: %d diagnostics, want 0", n)
	}
	p.noNotification(200 * time.Millisecond) // b's settings are the defaults: nothing to re-publish
	if got := p.publishedVersions(inB); len(got) != 1 {
		t.Fatalf("b published %d times, want once", len(got))
	}

	p.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added": []any{}, "removed": []any{map[string]any{"uri": a, "name": "a"}}}})
	pull = p.request("workspace/configuration")
	if got := scopes(pull); got != "/b factbox" {
		t.Fatalf("items after removing a: %q", got)
	}
	p.reply(pull, []any{map[string]any{}})
	if n := len(p.diagnostics(inA, 1).Diagnostics); n != 1 {
		t.Fatalf("a outside the workspace folders follows the global settings: %d diagnostics, want 1", n)
	}

	// A change of configuration pulls the folders again.
	p.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	global := p.request("workspace/configuration")
	folders := p.request("workspace/configuration")
	if scopes(global) != " factbox" || scopes(folders) != "/b factbox" {
		if scopes(folders) == " factbox" { // the two pulls run concurrently
			global, folders = folders, global
		} else {
			t.Fatalf("pulls %q and %q", scopes(global), scopes(folders))
		}
	}
	p.reply(global, []any{map[string]any{}})
	p.reply(folders, []any{map[string]any{"diagnostics": map[string]any{"enable": false}}})
	// The global settings re-publish every document first; then b's own.
	for i := 0; len(p.diagnostics(inB, 1).Diagnostics) != 0; i++ {
		if i == 3 {
			t.Fatal("b with diagnostics off still has diagnostics")
		}
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestConfigPathSetting checks that the configPath setting replaces the
// nearest config for every document, and that a bad one is shown once.
func TestConfigPathSetting(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "docs", ".factbox.toml"), "hardLevel = 90\nveryHardLevel = 100\n")
	custom := filepath.Join(dir, "custom.toml")
	writeFile(t, custom, "minWords = 100\n")
	doc := fileURI(filepath.Join(dir, "docs", "a.md"))
	c, _, _ := inProcess(t)
	c.initialize(nil, map[string]any{"factbox": map[string]any{"configPath": custom}})
	c.open(doc, "markdown", 1, veryHardText)
	if n := len(c.diagnostics(doc, 1).Diagnostics); n != 0 {
		t.Fatalf("configPath with minWords 100: %d diagnostics, want 0", n)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"configPath": filepath.Join(dir, "missing.toml")}}})
	var shown struct {
		Message string `json:"message"`
	}
	json.Unmarshal(c.notification("window/showMessage"), &shown)
	if !strings.Contains(shown.Message, "missing.toml: cannot read") {
		t.Fatalf("showMessage %q", shown.Message)
	}
	if n := len(c.diagnostics(doc, 1).Diagnostics); n != 1 {
		t.Fatalf("a missing configPath file: %d diagnostics, want 1 (no config)", n)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{}}})
	if n := len(c.diagnostics(doc, 1).Diagnostics); n != 0 {
		t.Fatalf("the nearest config (hardLevel 90): %d diagnostics, want 0", n)
	}
}
