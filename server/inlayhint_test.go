package server

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// inlayText has three paragraphs; the second ends on a CRLF line after 😀.
const inlayText = "One short line.\n\nThe second paragraph 😀 runs on\nto a second line.\r\n\r\nThird one here, of eight words in all."

func TestParagraphInlayHints(t *testing.T) {
	a := analysis.Analyze(inlayText, analysis.DefaultOptions())
	m := NewMapper(inlayText, UTF16)
	second := strings.Index(inlayText, "The second")
	tests := []struct {
		name       string
		start, end int
		want       []string // position and label
	}{
		{"whole document", 0, len(inlayText), []string{"0:15 grade -2.6 · 3 words", "3:17 grade 5.0 · 9 words", "5:38 grade -0.7 · 8 words"}},
		{"second paragraph's last line only", strings.Index(inlayText, "to a"), strings.Index(inlayText, "line.\r") + 5, []string{"3:17 grade 5.0 · 9 words"}},
		{"second paragraph's first line: its hint is on the next", second, second + 5, []string{}},
		{"the start of the last line, not its end", strings.Index(inlayText, "to a"), strings.Index(inlayText, "to a") + 5, []string{}},
		{"up to the end of the first line", 0, 15, []string{"0:15 grade -2.6 · 3 words"}},
		{"just past the first line", 16, 20, []string{}},
		{"empty range at the end", len(inlayText), len(inlayText), []string{"5:38 grade -0.7 · 8 words"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := paragraphInlayHints(a, m, tt.start, tt.end, true)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, h := range hs {
				got = append(got, strings.TrimSuffix(formatRange(protocol.Range{Start: h.Position}), "-0:0")+" "+h.Label)
				if h.Tooltip == nil || h.Tooltip.Kind != protocol.MarkupKindMarkdown || !strings.Contains(h.Tooltip.Value, "| Tokens |") || !h.PaddingLeft {
					t.Errorf("hint %q: tooltip %+v, padding %v", h.Label, h.Tooltip, h.PaddingLeft)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParagraphLabel(t *testing.T) {
	opts := analysis.DefaultOptions()
	tests := []struct {
		f    analysis.FactBox
		want string
	}{
		{analysis.FactBox{Level: 12.44, Tokens: 86}, "grade 12.4 · 86 words"},
		{analysis.FactBox{Level: -3.4, Tokens: 1}, "grade -3.4 · 1 word"},
		{analysis.FactBox{Level: 13.96, Tokens: 20}, "grade 13.9 · 20 words"}, // not 14.0: very hard starts at 14
	}
	for _, tt := range tests {
		if got := paragraphLabel(tt.f, opts); got != tt.want {
			t.Errorf("label %q, want %q", got, tt.want)
		}
	}
}

// TestInlayHintRequest asks for inlay hints over JSON-RPC: the capability is
// advertised, hints come for the requested range, turning them off answers
// null and asks a client that supports it to refresh.
func TestInlayHintRequest(t *testing.T) {
	c, _, _ := inProcess(t)
	init := c.initialize(map[string]any{"workspace": map[string]any{"inlayHint": map[string]any{"refreshSupport": true}}},
		map[string]any{"factbox": map[string]any{"inlayHints": map[string]any{"enable": true}}})
	if caps, _ := init["capabilities"].(map[string]any); caps["inlayHintProvider"] != true {
		t.Fatalf("capabilities %v: no inlayHintProvider", init["capabilities"])
	}
	c.open("file:///i.txt", "plaintext", 1, inlayText)
	rng := map[string]any{"start": map[string]any{"line": 3, "character": 0}, "end": map[string]any{"line": 5, "character": 0}}
	params := map[string]any{"textDocument": map[string]any{"uri": "file:///i.txt"}, "range": rng}
	m := c.call(MethodInlayHint, params)
	if m.Error != nil {
		t.Fatalf("error %+v", m.Error)
	}
	if got := compact(t, m.Result); !strings.HasPrefix(got, `[{"position":{"line":3,"character":17},"label":"grade 5.0 · 9 words","tooltip":{"kind":"markdown",`) || strings.Count(got, `"label"`) != 1 {
		t.Fatalf("result %s", got)
	}

	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"inlayHints": map[string]any{"enable": false}}}})
	select {
	case req := <-c.requests:
		if req.Method != MethodInlayHintRefresh {
			t.Fatalf("request %s, want %s", req.Method, MethodInlayHintRefresh)
		}
		c.send(map[string]any{"id": json.RawMessage(req.ID), "result": nil})
	case <-time.After(testTimeout):
		t.Fatal("no workspace/inlayHint/refresh after the settings changed")
	}
	if m := c.call(MethodInlayHint, params); m.Error != nil || string(m.Result) != "null" {
		t.Fatalf("with inlay hints off: result %s error %+v, want null", m.Result, m.Error)
	}

	bad := map[string]any{"textDocument": map[string]any{"uri": "file:///i.txt"}, "range": map[string]any{"start": map[string]any{"line": 90, "character": 0}, "end": map[string]any{"line": 91, "character": 0}}}
	if m := c.call(MethodInlayHint, bad); m.Error == nil || m.Error.Code != -32602 {
		t.Fatalf("range past the end: %+v, want Invalid Params", m.Error)
	}
	if m := c.call(MethodInlayHint, map[string]any{"textDocument": map[string]any{"uri": "file:///none.txt"}, "range": rng}); m.Error == nil || m.Error.Code != -32602 {
		t.Fatalf("unknown document: %+v, want Invalid Params", m.Error)
	}
}

// TestInlayHintNoRefreshWithoutSupport checks that a client that did not
// offer refreshSupport gets no refresh request.
func TestInlayHintNoRefreshWithoutSupport(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, map[string]any{"factbox": map[string]any{"inlayHints": map[string]any{"enable": true}}})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"inlayHints": map[string]any{"enable": false}}}})
	c.call("factbox/nope", map[string]any{})
	select {
	case req := <-c.requests:
		t.Fatalf("request %s from a server whose client cannot refresh", req.Method)
	case <-time.After(100 * time.Millisecond):
	}
}

var sinkHints []InlayHint

// BenchmarkInlayHintVisibleRange measures the inlay hints of one screen (60
// lines) in the middle of a 1 MB document cut from the corpus, its analysis
// already made, as it is once diagnostics are published.
func BenchmarkInlayHintVisibleRange(b *testing.B) {
	text := benchText(b, 1<<20)
	d := newDocument("file:///b.txt", "plaintext", 1, text, UTF16, DefaultSettings().docConfig("plaintext"), nil)
	a, err := d.Analysis()
	if err != nil {
		b.Fatal(err)
	}
	line := uint32(d.Mapper.LineCount() / 2)
	start, end, err := d.Mapper.RangeOffsets(protocol.Range{Start: protocol.Position{Line: line}, End: protocol.Position{Line: line + 60}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if sinkHints, err = paragraphInlayHints(a, d.Mapper, start, end, true); err != nil {
			b.Fatal(err)
		}
	}
	if len(sinkHints) == 0 {
		b.Fatal("no hints in the visible range")
	}
}
