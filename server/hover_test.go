package server

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// hoverText is analysed for real by TestRenderHover, so that the numbers and
// the explanation of a sentence's grade in the golden files agree.
const hoverText = "Short one. The vicissitudes of infrastructure were comprehensively and systematically " +
	"reorganized by the international administration during extraordinarily complicated negotiations.\r\n" +
	"Then the 𐐀 middling sentence came along quietly and was eventually understood by practically everyone concerned."

func TestRenderHover(t *testing.T) {
	a := analysis.Analyze(hoverText, analysis.DefaultOptions())
	tests := []struct {
		name   string
		offset int
	}{
		{name: "very-hard-sentence", offset: strings.Index(hoverText, "infrastructure")},
		{name: "hard-sentence", offset: strings.Index(hoverText, "middling")},
		{name: "ok-sentence", offset: 3},
		{name: "between-sentences", offset: strings.Index(hoverText, " The")},
	}
	for _, tt := range tests {
		for _, markdown := range []bool{true, false} {
			ext := ".txt"
			if markdown {
				ext = ".md"
			}
			t.Run(tt.name+ext, func(t *testing.T) {
				fb := factBoxes{analysis: a, document: a.FactBox, paragraph: &a.Paragraphs[0].FactBox}
				for i := range a.Sentences {
					if s := a.Sentences[i].Span; s.Start <= tt.offset && tt.offset < s.End {
						fb.sentence = &a.Sentences[i]
					}
				}
				golden(t, "hover/"+tt.name+ext, renderHover(fb, markdown))
			})
		}
	}
	t.Run("document-only.md", func(t *testing.T) {
		golden(t, "hover/document-only.md", renderHover(factBoxes{analysis: a, document: a.FactBox}, true))
	})
}

func hoverParams(uri string, p protocol.Position) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}
}

func TestHoverHandler(t *testing.T) {
	text := "First sentence here. Second 😀 one follows.\n\nA new paragraph starts.\n"
	tests := []struct {
		name         string
		capabilities any
		uri          string
		pos          protocol.Position
		noPosition   bool
		kind         string
		null         bool
		code         int64
	}{
		{name: "markdown by default", uri: "file:///h.txt", pos: pos(0, 30), kind: "markdown"},
		{name: "plain text when the client lacks markdown", uri: "file:///h.txt", pos: pos(0, 30), kind: "plaintext",
			capabilities: map[string]any{"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"plaintext"}}}}},
		{name: "markdown when the client lists it", uri: "file:///h.txt", pos: pos(2, 0), kind: "markdown",
			capabilities: map[string]any{"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown", "plaintext"}}}}},
		{name: "past end of line", uri: "file:///h.txt", pos: pos(0, 500), kind: "markdown"},
		{name: "unknown URI", uri: "file:///nope.txt", pos: pos(0, 0), code: -32602},
		{name: "past last line", uri: "file:///h.txt", pos: pos(9, 0), code: -32602},
		{name: "inside a surrogate pair", uri: "file:///h.txt", pos: pos(0, 29), code: -32602},
		{name: "language not analysed", uri: "file:///h.go", pos: pos(0, 0), null: true},
		// Regression (issue 9): a hover without position was answered as at 0:0.
		{name: "no position", uri: "file:///h.txt", noPosition: true, code: -32602},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, s, _ := inProcess(t)
			c.initialize(tt.capabilities, nil)
			c.open("file:///h.txt", "plaintext", 1, text)
			c.open("file:///h.go", "go", 1, "package main\n")
			params := hoverParams(tt.uri, tt.pos)
			if tt.noPosition {
				delete(params, "position")
			}
			m := c.call("textDocument/hover", params)
			if !wantResult(t, m, tt.code, tt.null) {
				return
			}
			var h struct {
				Contents protocol.MarkupContent `json:"contents"`
			}
			if err := json.Unmarshal(m.Result, &h); err != nil {
				t.Fatal(err)
			}
			d, _ := s.store.Get(tt.uri)
			a, _ := d.Analysis()
			off, _ := d.Mapper.PositionOffset(tt.pos)
			want := renderHover(factBoxesAt(a, off), tt.kind == "markdown")
			if string(h.Contents.Kind) != tt.kind || h.Contents.Value != want {
				t.Fatalf("hover %s:\n%s\nwant %s:\n%s", h.Contents.Kind, h.Contents.Value, tt.kind, want)
			}
		})
	}
}

var sinkHover *protocol.Hover

func BenchmarkHover(b *testing.B) {
	text := benchText(b, 100<<10)
	s := New(Options{})
	s.state, s.hoverMarkdown = stateRunning, true
	d := newDocument("file:///bench.txt", "plaintext", 1, text, UTF16, DefaultSettings().docConfig("plaintext"), nil)
	s.store.Open(d)
	if _, err := d.Analysis(); err != nil {
		b.Fatal(err)
	}
	lines := d.Mapper.LineCount()
	params := &hoverRequest{Position: new(protocol.Position)}
	params.TextDocument.URI = d.URI
	for i := 0; b.Loop(); i++ {
		*params.Position = pos(uint32(i*7919%lines), 10)
		h, err := s.hover(params)
		if err != nil {
			b.Fatal(err)
		}
		sinkHover = h.(*protocol.Hover)
	}
}

// TestHoverDiagnosticMessage checks that a client which shows diagnostics in
// its hover (initializationOptions.clientShowsDiagnosticsInHover) gets the
// fact box without the hard sentence's message, and other clients with it.
func TestHoverDiagnosticMessage(t *testing.T) {
	const message = "Very hard to read"
	tests := []struct {
		name        string
		initOptions any
		want        bool
	}{
		{name: "default", initOptions: nil, want: true},
		{name: "settings only", initOptions: map[string]any{"factbox": map[string]any{"hardLevel": 10}}, want: true},
		{name: "client shows diagnostics", initOptions: map[string]any{"clientShowsDiagnosticsInHover": true, "factbox": map[string]any{}}, want: false},
		{name: "explicitly not", initOptions: map[string]any{"clientShowsDiagnosticsInHover": false}, want: true},
		{name: "wrong type is ignored", initOptions: map[string]any{"clientShowsDiagnosticsInHover": "yes"}, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := inProcess(t)
			c.initialize(nil, tt.initOptions)
			c.open("file:///h.txt", "plaintext", 1, hoverText)
			m := c.call("textDocument/hover", hoverParams("file:///h.txt", pos(0, uint32(strings.Index(hoverText, "infrastructure")))))
			var h struct {
				Contents protocol.MarkupContent `json:"contents"`
			}
			if err := json.Unmarshal(m.Result, &h); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(h.Contents.Value, "| Level") || !strings.Contains(h.Contents.Value, "Sentence grade") {
				t.Fatalf("no fact box or grade explanation in %q", h.Contents.Value)
			}
			if got := strings.Contains(h.Contents.Value, message); got != tt.want {
				t.Errorf("message shown %t, want %t:\n%s", got, tt.want, h.Contents.Value)
			}
		})
	}
}

// TestHoverIgnored checks that the hover of an ignored hard sentence says why
// it has no diagnostic, with the comment kept visible in Markdown.
func TestHoverIgnored(t *testing.T) {
	opts := DefaultSettings().docConfig("markdown").opts
	tests := []struct {
		name, text, md, plain string
	}{
		{name: "disable", text: "<!-- factbox-disable -->\n" + hardQuote + "\n",
			md:    "Not flagged: it is between `<!-- factbox-disable -->` and `<!-- factbox-enable -->`.",
			plain: "Not flagged: it is between <!-- factbox-disable --> and <!-- factbox-enable -->."},
		{name: "block", text: "<!-- factbox-ignore -->\n" + hardQuote + "\n", md: "Not flagged: its block follows `<!-- factbox-ignore -->`."},
		{name: "front matter", text: "---\nfactbox: false\n---\n" + hardQuote + "\n", md: "Not flagged: the front matter says `factbox: false`."},
		{name: "not ignored", text: hardQuote + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysis.Analyze(tt.text, opts)
			fb := factBoxesAt(a, strings.Index(tt.text, "considerable"))
			md, plain := renderHover(fb, true), renderHover(fb, false)
			// A client that shows diagnostics in hovers has none to show for
			// an ignored sentence: the hover still says why.
			quiet := fb
			quiet.noMessage = true
			if got := renderHover(quiet, true); tt.md != "" && got != md {
				t.Errorf("for a client showing diagnostics:\n%s\nwant the same as for others:\n%s", got, md)
			} else if tt.md == "" && strings.Contains(got, "hard to read") {
				t.Errorf("for a client showing diagnostics, the message of a flagged sentence is repeated:\n%s", got)
			}
			if tt.md == "" {
				if strings.Contains(md, "Not flagged") {
					t.Fatalf("a flagged sentence says it is not:\n%s", md)
				}
				return
			}
			if !strings.HasSuffix(md, "\n\n"+tt.md+"\n") {
				t.Errorf("markdown hover:\n%s\nwant it to end with %q", md, tt.md)
			}
			if tt.plain != "" && !strings.HasSuffix(plain, "\n\n"+tt.plain+"\n") {
				t.Errorf("plain hover:\n%s\nwant it to end with %q", plain, tt.plain)
			}
		})
	}
}
