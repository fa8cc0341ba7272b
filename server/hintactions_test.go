package server

import (
	"encoding/json"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// TestSimplerFixes asks for the quick fixes of simpler-alternative hints over
// JSON-RPC, in plain text and Markdown, and of a hint whose text changed.
func TestSimplerFixes(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, map[string]any{"factbox": map[string]any{"hints": allHints()}})
	tests := []struct {
		name, uri, lang, text string
		want                  []string // title, new text, preferred
	}{
		{"plain text, two suggestions", "file:///a.txt", "plaintext", "𐐀 We commence now.", []string{
			"Use “begin” for “commence” begin preferred", "Use “start” for “commence” start"}},
		{"Markdown, capitals kept", "file:///a.md", "markdown", "# T\n\nIn order to win, we play.", []string{
			"Use “To” for “In order to” To preferred"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.open(tt.uri, tt.lang, 1, tt.text)
			var hint json.RawMessage
			var rng protocol.Range
			for _, raw := range c.diagnostics(tt.uri, 1).Diagnostics {
				var d struct {
					Code  string         `json:"code"`
					Range protocol.Range `json:"range"`
				}
				json.Unmarshal(raw, &d)
				if d.Code == CodeSimplerAlternative {
					hint, rng = raw, d.Range
				}
			}
			if hint == nil {
				t.Fatal("no simpler-alternative diagnostic")
			}
			var got []string
			for _, a := range codeActions(c, tt.uri, rng, []json.RawMessage{hint}) {
				edits := a.Edit.Changes[tt.uri]
				if a.Kind != "quickfix" || len(a.Diagnostics) != 1 || len(edits) != 1 || edits[0].Range != rng {
					t.Fatalf("action %+v", a)
				}
				g := a.Title + " " + edits[0].NewText
				if a.IsPreferred {
					g += " preferred"
				}
				got = append(got, g)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	// After an edit the old range no longer holds the phrase: no fix.
	c.open("file:///b.txt", "plaintext", 1, "We commence now.")
	var hint json.RawMessage
	for _, raw := range c.diagnostics("file:///b.txt", 1).Diagnostics {
		hint = raw
	}
	c.change("file:///b.txt", 2, protocol.Range{Start: protocol.Position{Line: 0, Character: 3}, End: protocol.Position{Line: 0, Character: 11}}, "begin")
	c.diagnostics("file:///b.txt", 2)
	rng := protocol.Range{Start: protocol.Position{Line: 0, Character: 3}, End: protocol.Position{Line: 0, Character: 11}}
	if acts := codeActions(c, "file:///b.txt", rng, []json.RawMessage{hint}); len(acts) != 0 {
		t.Errorf("fixes for a stale hint: %+v", acts)
	}
}
