package server

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// codeActionText is a Markdown document with hard sentences after
// characters that UTF-16 and UTF-8 count differently, in a paragraph, a
// list item and a quote.
func codeActionText(t testing.TB) string {
	t.Helper()
	sample, err := os.ReadFile("../cmd/factbox/testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	return "# Ünïcödé 😀 𐐀\n\n" + string(sample) + "\n> " + hardQuote + "\n"
}

// hardQuote is a very hard sentence for a block quote.
const hardQuote = "Notwithstanding considerable institutional reluctance, administrative reorganisation necessitated comprehensive reconsideration of longstanding interdepartmental responsibilities everywhere."

// diagRange decodes the range of a raw diagnostic.
func diagRange(t testing.TB, raw json.RawMessage) protocol.Range {
	t.Helper()
	var d struct {
		Range protocol.Range `json:"range"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	return d.Range
}

// codeActionResult is a code action as the test reads it.
type codeActionResult struct {
	Title       string            `json:"title"`
	Kind        string            `json:"kind"`
	Diagnostics []json.RawMessage `json:"diagnostics"`
	Edit        struct {
		Changes map[string][]protocol.TextEdit `json:"changes"`
	} `json:"edit"`
}

// codeActions asks for the code actions of rng with diags as the context.
func codeActions(c *testClient, uri string, rng protocol.Range, diags []json.RawMessage) []codeActionResult {
	c.t.Helper()
	if diags == nil {
		diags = []json.RawMessage{}
	}
	var actions []codeActionResult
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng,
		"context":      map[string]any{"diagnostics": diags},
	}, &actions)
	if actions == nil {
		c.t.Fatal("codeAction answered null, want a list")
	}
	return actions
}

// applyAsClient sends the edits of an action as one didChange of ranged
// changes, last edit first so that each range still means what the server
// meant, and returns the text the server should now have.
func applyAsClient(t testing.TB, c *testClient, uri string, version int32, text string, enc Encoding, edits []protocol.TextEdit) string {
	t.Helper()
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b protocol.TextEdit) int {
		if before(a.Range.Start, b.Range.Start) {
			return 1
		}
		if before(b.Range.Start, a.Range.Start) {
			return -1
		}
		return 0
	})
	var changes []any
	for _, e := range sorted {
		m := NewMapper(text, enc)
		start, end, err := m.RangeOffsets(e.Range)
		if err != nil {
			t.Fatalf("edit %+v: %s", e, err)
		}
		text = text[:start] + e.NewText + text[end:]
		changes = append(changes, map[string]any{"range": e.Range, "text": e.NewText})
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": changes,
	})
	return text
}

// TestCodeActionEndToEnd runs each quick fix through the factbox binary,
// in both position encodings: ask for the fixes of a diagnostic, apply the
// chosen one as an editor would, and check the next publication.
func TestCodeActionEndToEnd(t *testing.T) {
	for _, enc := range []Encoding{UTF16, UTF8} {
		for _, title := range []string{titleIgnoreSentence, titleIgnoreParagraph, titleDisableFile} {
			t.Run(fmt.Sprintf("%s/%s", enc, title), func(t *testing.T) {
				text := codeActionText(t)
				p := startBinary(t, "--stdio")
				p.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{enc.String()}}}, nil)
				const uri = "file:///doc.md"
				p.open(uri, "markdown", 1, text)
				before := p.diagnostics(uri, 1).Diagnostics
				if len(before) < 4 {
					t.Fatalf("%d diagnostics, want at least 4", len(before))
				}
				for _, target := range []int{len(before) - 1, 1} { // the quote, then a paragraph
					diag := before[target]
					actions := codeActions(p.testClient, uri, diagRange(t, diag), []json.RawMessage{diag})
					var titles []string
					var chosen *codeActionResult
					for i, a := range actions {
						titles = append(titles, a.Title)
						if a.Title == title {
							chosen = &actions[i]
						}
						if a.Kind != "quickfix" || len(a.Diagnostics) == 0 {
							t.Errorf("action %q: kind %q, %d diagnostics", a.Title, a.Kind, len(a.Diagnostics))
						}
					}
					if want := []string{titleIgnoreSentence, titleIgnoreParagraph, titleDisableFile}; !slices.Equal(titles, want) {
						t.Fatalf("titles %q, want %q", titles, want)
					}
					edits := chosen.Edit.Changes[uri]
					if len(chosen.Edit.Changes) != 1 || len(edits) == 0 {
						t.Fatalf("edit %+v, want edits of %s only", chosen.Edit, uri)
					}
					version := int32(2)
					if target == 1 {
						version = 3
					}
					text = applyAsClient(t, p.testClient, uri, version, text, enc, edits)
					after := p.diagnostics(uri, version).Diagnostics
					gone := len(before) - len(after)
					switch {
					case title == titleDisableFile && len(after) != 0:
						t.Fatalf("after %q %d diagnostics remain", title, len(after))
					case title != titleDisableFile && gone != 1:
						t.Fatalf("after %q %d diagnostics went, want 1 (the paragraph holds one)", title, gone)
					}
					for _, d := range after {
						if diagRange(t, d) == diagRange(t, diag) && target == len(before)-1 {
							t.Fatalf("the fixed diagnostic is still published")
						}
					}
					if title == titleDisableFile {
						break
					}
					before = after
				}
			})
		}
	}
}

// TestCodeActionNone checks the requests that get an empty list.
func TestCodeActionNone(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, nil)
	text := codeActionText(t)
	c.open("file:///doc.md", "markdown", 1, text)
	c.open("file:///doc.txt", "plaintext", 1, text)
	diags := c.diagnostics("file:///doc.md", 1).Diagnostics
	plain := c.diagnostics("file:///doc.txt", 1).Diagnostics
	rng := diagRange(t, diags[0])
	other := func(mutate func(map[string]any)) json.RawMessage {
		var m map[string]any
		json.Unmarshal(diags[0], &m)
		mutate(m)
		b, _ := json.Marshal(m)
		return b
	}
	far := protocol.Range{Start: protocol.Position{Line: 0, Character: 0}, End: protocol.Position{Line: 0, Character: 1}}
	tests := []struct {
		name  string
		uri   string
		rng   protocol.Range
		diags []json.RawMessage
	}{
		{name: "no diagnostics", uri: "file:///doc.md", rng: rng},
		{name: "diagnostic outside the range", uri: "file:///doc.md", rng: far, diags: diags[:1]},
		{name: "another source", uri: "file:///doc.md", rng: rng, diags: []json.RawMessage{other(func(m map[string]any) { m["source"] = "vale" })}},
		{name: "another code", uri: "file:///doc.md", rng: rng, diags: []json.RawMessage{other(func(m map[string]any) { m["code"] = "spelling" })}},
		{name: "stale data", uri: "file:///doc.md", rng: rng, diags: []json.RawMessage{other(func(m map[string]any) {
			m["data"] = map[string]any{"paragraphOffset": 0, "sentenceLength": 3}
		})}},
		{name: "plain text", uri: "file:///doc.txt", rng: diagRange(t, plain[0]), diags: plain[:1]},
		{name: "unknown document without our diagnostics", uri: "file:///nope.md", rng: rng},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codeActions(c, tt.uri, tt.rng, tt.diags); len(got) != 0 {
				t.Errorf("%d actions, want none", len(got))
			}
		})
	}
	t.Run("only kinds other than quickfix", func(t *testing.T) {
		m := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": "file:///doc.md"}, "range": rng,
			"context": map[string]any{"diagnostics": diags[:1], "only": []string{"refactor"}}})
		if compact(t, m.Result) != "[]" {
			t.Errorf("result %s, want []", m.Result)
		}
	})
	t.Run("data dropped by the client", func(t *testing.T) {
		d := other(func(m map[string]any) { delete(m, "data") })
		if got := codeActions(c, "file:///doc.md", rng, []json.RawMessage{d}); len(got) != 3 {
			t.Errorf("%d actions, want 3 from the analysis", len(got))
		}
	})
	t.Run("two diagnostics in one paragraph", func(t *testing.T) {
		text2 := "Intro. " + hardQuote + " " + hardQuote + "\n"
		c.open("file:///two.md", "markdown", 1, text2)
		two := c.diagnostics("file:///two.md", 1).Diagnostics
		whole := protocol.Range{End: protocol.Position{Line: 1}}
		var titles []string
		for _, a := range codeActions(c, "file:///two.md", whole, two) {
			titles = append(titles, a.Title)
		}
		want := []string{titleIgnoreSentence, titleIgnoreParagraph, titleIgnoreSentence, titleDisableFile}
		if !slices.Equal(titles, want) {
			t.Errorf("titles %q, want %q", titles, want)
		}
	})
}

func TestTouches(t *testing.T) {
	r := func(l1, c1, l2, c2 uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
	}
	tests := []struct {
		name string
		a, b protocol.Range
		want bool
	}{
		{name: "inside", a: r(1, 0, 3, 0), b: r(2, 5, 2, 5), want: true},
		{name: "meet at the end", a: r(1, 0, 1, 10), b: r(1, 10, 1, 12), want: true},
		{name: "meet at the start", a: r(1, 5, 1, 10), b: r(0, 0, 1, 5), want: true},
		{name: "before on the same line", a: r(1, 5, 1, 10), b: r(1, 0, 1, 4)},
		{name: "after on a later line", a: r(1, 5, 1, 10), b: r(2, 0, 2, 1)},
	}
	for _, tt := range tests {
		if got := touches(tt.a, tt.b); got != tt.want || touches(tt.b, tt.a) != tt.want {
			t.Errorf("%s: touches = %v, want %v both ways", tt.name, got, tt.want)
		}
	}
}
