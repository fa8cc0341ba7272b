package server

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/config"
)

func TestParseSettings(t *testing.T) {
	def := DefaultSettings()
	with := func(f func(*Settings)) Settings {
		s := DefaultSettings()
		s.Languages = append([]string(nil), s.Languages...)
		f(&s)
		return s
	}
	tests := []struct {
		name     string
		raw      string
		want     Settings
		ok       bool
		warnings int
		err      bool
		explicit string // the fields the client set, as explicitNames lists them
	}{
		{name: "absent", raw: "", want: def},
		{name: "null", raw: "null", want: def},
		{name: "no factbox section", raw: `{"other":{"hardLevel":3}}`, want: def},
		{name: "factbox null", raw: `{"factbox":null}`, want: def},
		{name: "empty section", raw: `{"factbox":{}}`, want: def, ok: true},
		{name: "nested", raw: `{"factbox":{"hardLevel":8,"veryHardLevel":12,"minWords":5}}`, ok: true,
			want: with(func(s *Settings) { s.HardLevel, s.VeryHardLevel, s.MinWords = 8, 12, 5 }), explicit: "hard=8 veryHard=12 min=5"},
		{name: "bare", raw: `{"hardLevel":9,"diagnostics":{"enable":false},"languages":["text"]}`, ok: true,
			want: with(func(s *Settings) { s.HardLevel, s.Diagnostics.Enable, s.Languages = 9, false, []string{"text"} }), explicit: "hard=9 diagnostics=false"},
		{name: "negative minWords", raw: `{"factbox":{"minWords":-3}}`, ok: true, warnings: 1,
			want: with(func(s *Settings) { s.MinWords = 0 }), explicit: "min=0"},
		{name: "very hard below hard", raw: `{"factbox":{"hardLevel":12,"veryHardLevel":11}}`, ok: true, warnings: 1,
			want: with(func(s *Settings) { s.HardLevel, s.VeryHardLevel = 12, 12 }), explicit: "hard=12 veryHard=12"},
		{name: "config path", raw: `{"factbox":{"configPath":"~/docs.toml"}}`, ok: true,
			want: with(func(s *Settings) { s.ConfigPath = "~/docs.toml" })},
		{name: "wrong type", raw: `{"factbox":{"hardLevel":"ten"}}`, want: def, err: true},
		{name: "not an object", raw: `[1]`, want: def, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, warnings, err := ParseSettings(json.RawMessage(tt.raw))
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %t", err, tt.err)
			}
			if err != nil {
				return
			}
			if e := explicitNames(got.explicit); e != tt.explicit {
				t.Errorf("explicit %q, want %q", e, tt.explicit)
			}
			got.explicit = config.Values{}
			if ok != tt.ok || len(warnings) != tt.warnings || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseSettings(%s) = %+v, %t, %q; want %+v, %t, %d warnings", tt.raw, got, ok, warnings, tt.want, tt.ok, tt.warnings)
			}
		})
	}
}

// explicitNames lists the fields v sets with their values.
func explicitNames(v config.Values) string {
	var out []string
	if v.HardLevel != nil {
		out = append(out, fmt.Sprintf("hard=%g", *v.HardLevel))
	}
	if v.VeryHardLevel != nil {
		out = append(out, fmt.Sprintf("veryHard=%g", *v.VeryHardLevel))
	}
	if v.MinWords != nil {
		out = append(out, fmt.Sprintf("min=%d", *v.MinWords))
	}
	if v.Diagnostics != nil {
		out = append(out, fmt.Sprintf("diagnostics=%t", *v.Diagnostics))
	}
	return strings.Join(out, " ")
}

func TestDocConfig(t *testing.T) {
	s := DefaultSettings()
	s.Languages = []string{"markdown", "text"}
	s.HardLevel, s.VeryHardLevel, s.MinWords = 9, 13, 7
	tests := []struct {
		name     string
		language string
		analyse  bool
		format   analysis.Format
	}{
		{name: "markdown", language: "markdown", analyse: true, format: analysis.Markdown},
		{name: "plaintext via the text alias", language: "plaintext", analyse: true, format: analysis.Plain},
		{name: "text", language: "text", analyse: true, format: analysis.Plain},
		{name: "txt (Sublime Text)", language: "txt", analyse: true, format: analysis.Plain},
		{name: "other language", language: "go", analyse: false, format: analysis.Plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := s.docConfig(tt.language)
			if cfg.analyse != tt.analyse || cfg.opts.Format != tt.format || !cfg.diagnostics {
				t.Fatalf("docConfig(%s) = %+v", tt.language, cfg)
			}
			if cfg.opts.HardLevel != 9 || cfg.opts.VeryHardLevel != 13 || cfg.opts.MinWords != 7 {
				t.Fatalf("thresholds not applied: %+v", cfg.opts)
			}
		})
	}
}

func TestSettingsFromInitializationOptions(t *testing.T) {
	c, s, _ := inProcess(t)
	c.initialize(nil, map[string]any{"factbox": map[string]any{"hardLevel": 7.5, "languages": []string{"markdown"}}})
	got := s.currentSettings()
	if got.HardLevel != 7.5 || !reflect.DeepEqual(got.Languages, []string{"markdown"}) {
		t.Fatalf("settings = %+v", got)
	}
	c.open("file:///a.md", "markdown", 1, "# Title\n")
	c.diagnostics("file:///a.md", 1)
	d, _ := s.store.Get("file:///a.md")
	if d.config.opts.HardLevel != 7.5 || d.config.opts.Format != analysis.Markdown {
		t.Fatalf("document config = %+v", d.config)
	}
}

func TestDidChangeConfigurationRepublishes(t *testing.T) {
	c, s, _ := inProcess(t)
	c.initialize(nil, nil)
	c.open("file:///a.txt", "plaintext", 3, "Some text.")
	c.open("file:///b.md", "markdown", 5, "More text.")
	c.diagnostics("file:///a.txt", 3)
	c.diagnostics("file:///b.md", 5)

	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"minWords": 3, "diagnostics": map[string]any{"enable": false}}}})
	if p := c.diagnostics("file:///a.txt", 3); len(p.Diagnostics) != 0 {
		t.Fatalf("diagnostics disabled, got %d", len(p.Diagnostics))
	}
	c.diagnostics("file:///b.md", 5)
	for _, uri := range []string{"file:///a.txt", "file:///b.md"} {
		d, _ := s.store.Get(uri)
		if d.config.opts.MinWords != 3 || d.config.diagnostics {
			t.Fatalf("%s config = %+v", uri, d.config)
		}
	}

	// Settings of the wrong type are logged; the old ones stay.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"minWords": "many"}}})
	c.result("factbox/factBox", map[string]any{"textDocument": map[string]any{"uri": "file:///a.txt"}}, nil)
	if got := s.currentSettings().MinWords; got != 3 {
		t.Fatalf("minWords = %d after bad settings, want 3", got)
	}
}

// TestDidChangeConfigurationPulls checks that a notification without settings
// makes the server ask for them, and that it keeps serving while it waits.
func TestDidChangeConfigurationPulls(t *testing.T) {
	c, s, _ := inProcess(t)
	c.initialize(map[string]any{"workspace": map[string]any{"configuration": true}}, nil)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	var req message
	select {
	case req = <-c.requests:
	case <-time.After(testTimeout):
		t.Fatal("no workspace/configuration request")
	}
	if req.Method != "workspace/configuration" || compact(t, req.Params) != `{"items":[{"section":"factbox"}]}` {
		t.Fatalf("request %s %s", req.Method, req.Params)
	}
	// The server answers other requests while its own waits.
	c.call("factbox/nope", map[string]any{})
	c.send(map[string]any{"id": json.RawMessage(req.ID), "result": []any{map[string]any{"hardLevel": 11.5}}})
	deadline := time.Now().Add(testTimeout)
	for s.currentSettings().HardLevel != 11.5 {
		if time.Now().After(deadline) {
			t.Fatalf("settings = %+v, want hardLevel 11.5", s.currentSettings())
		}
		time.Sleep(5 * time.Millisecond)
	}

	// A failed pull leaves the settings as they are.
	c.notify("workspace/didChangeConfiguration", map[string]any{})
	req = <-c.requests
	c.send(map[string]any{"id": json.RawMessage(req.ID), "error": map[string]any{"code": -32603, "message": "no"}})
	c.call("factbox/nope", map[string]any{})
	if got := s.currentSettings().HardLevel; got != 11.5 {
		t.Fatalf("hardLevel = %v after a failed pull", got)
	}
}

// TestNewThresholdsMatchFreshAnalysis changes the thresholds of an open
// document and checks the re-published diagnostics against a fresh analysis
// under the new thresholds: the reused analysis must not keep the old ones.
func TestNewThresholdsMatchFreshAnalysis(t *testing.T) {
	text := referenceText(t)
	c, _, _ := inProcess(t)
	c.initialize(nil, nil)
	c.open("file:///ref.md", "markdown", 1, text)
	c.diagnostics("file:///ref.md", 1)
	for _, th := range []map[string]any{
		{"hardLevel": 8, "veryHardLevel": 12, "minWords": 5},
		{"hardLevel": 16, "veryHardLevel": 25, "minWords": 30},
	} {
		c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": th}})
		got := c.diagnostics("file:///ref.md", 1)
		opts := analysis.DefaultOptions()
		opts.Format = analysis.Markdown
		opts.HardLevel, opts.VeryHardLevel, opts.MinWords = float64(th["hardLevel"].(int)), float64(th["veryHardLevel"].(int)), th["minWords"].(int)
		sameDiagnostics(t, "new thresholds", got.Diagnostics, freshDiagnostics(t, text, opts))
	}
}
