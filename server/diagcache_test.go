package server

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// checkParagraphDiagnostics publishes text with cache and checks the JSON
// against sentenceDiagnostics of a fresh analysis. It returns the analysis.
func checkParagraphDiagnostics(t *testing.T, what string, prev *analysis.Document, text string, opts analysis.Options, cache *paragraphCache) *analysis.Document {
	t.Helper()
	a := analysis.Reanalyze(prev, text, opts)
	m := NewMapper(text, UTF16)
	pub, err := paragraphPublication(a, m, cache, new(messageCache), allHints(), nil)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	diags, tails := pub.expand()
	// With every hint on: the cache groups a paragraph's hints after its
	// hard sentences, so the order is left out of the comparison.
	fresh := analysis.Analyze(text, opts)
	want, err := sentenceDiagnostics(fresh, m, nil)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if want, err = hintDiagnostics(want, fresh, m, allHints(), nil); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	params := protocol.PublishDiagnosticsParams{URI: "file:///p", Diagnostics: want}
	w := sortedDiagnostics(t, params, nil)
	params.Diagnostics = diags
	g := sortedDiagnostics(t, params, tails)
	if !bytes.Equal(g, w) {
		t.Fatalf("%s: paragraph diagnostics differ from sentence diagnostics:\n got %s\nwant %s", what, g, w)
	}
	// What is published: the paragraphs' JSON as cached, ranges shifted.
	var out struct{ Diagnostics []json.RawMessage }
	if err := json.Unmarshal(diagnosticsParams{encoded: pub}.appendJSON(nil), &out); err != nil && pub.count > 0 {
		t.Fatalf("%s: published JSON: %v", what, err)
	}
	lines := make([]string, len(out.Diagnostics))
	for i, d := range out.Diagnostics {
		lines[i] = string(d)
	}
	slices.Sort(lines)
	if g := strings.Join(lines, "\n"); g != string(w) {
		t.Fatalf("%s: published diagnostics differ from sentence diagnostics:\n got %s\nwant %s", what, g, w)
	}
	return a
}

// sortedDiagnostics returns the diagnostics of p, encoded with tails, one
// JSON object a line in sorted order.
func sortedDiagnostics(t *testing.T, p protocol.PublishDiagnosticsParams, tails [][]byte) []byte {
	t.Helper()
	var out struct{ Diagnostics []json.RawMessage }
	b, _ := json.Marshal(diagnosticsParams{PublishDiagnosticsParams: p, tails: tails})
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	lines := make([]string, len(out.Diagnostics))
	for i, d := range out.Diagnostics {
		lines[i] = string(d)
	}
	slices.Sort(lines)
	return []byte(strings.Join(lines, "\n"))
}

var paragraphEdits = []struct {
	name           string
	at             string // the edit replaces the first occurrence of at
	with           string
	reusedAll      bool // every paragraph with diagnostics is reused
	rebuiltAtLeast int  // or at least this many are rebuilt
}{
	{name: "line inserted at the top", at: "", with: "A title\n\n", reusedAll: true},
	{name: "CRLF inserted at the top", at: "", with: "Top.\r\n\r\n", reusedAll: true},
	{name: "word in a hard sentence", at: "interdepartmental", with: "inter-departmental", rebuiltAtLeast: 1},
	{name: "paragraph joined", at: "\n\nParagraph 3.", with: " Paragraph 3.", rebuiltAtLeast: 1},
	{name: "emoji before a paragraph on its line", at: "Paragraph 5.", with: "😀 Paragraph 5.", rebuiltAtLeast: 1},
	{name: "paragraph deleted", at: "Paragraph 7.", with: "", rebuiltAtLeast: 1},
}

// TestParagraphDiagnostics edits a document and checks after each edit that
// the diagnostics built from the cache are those built afresh, and that the
// paragraphs an edit left alone were reused.
func TestParagraphDiagnostics(t *testing.T) {
	for _, format := range []string{"plaintext", "markdown"} {
		t.Run(format, func(t *testing.T) {
			opts := DefaultSettings().docConfig(format).opts
			text := loadText(8 << 10)
			cache := new(paragraphCache)
			a := checkParagraphDiagnostics(t, "open", nil, text, opts, cache)
			for _, tt := range paragraphEdits {
				before := maps.Clone(cache.prev)
				i := strings.Index(text, tt.at)
				if i < 0 {
					t.Fatalf("%s: %q not in the text", tt.name, tt.at)
				}
				text = text[:i] + tt.with + text[i+len(tt.at):]
				a = checkParagraphDiagnostics(t, tt.name, a, text, opts, cache)
				old := make(map[*paragraphEntry]bool, len(before))
				for _, e := range before {
					old[e] = true
				}
				rebuilt := 0
				for _, e := range cache.prev {
					if !old[e] {
						rebuilt++
					}
				}
				if tt.reusedAll && rebuilt != 0 || !tt.reusedAll && (rebuilt < tt.rebuiltAtLeast || rebuilt > 2) {
					t.Errorf("%s: %d of %d paragraphs rebuilt", tt.name, rebuilt, len(cache.prev))
				}
			}
			// New thresholds rebuild everything.
			opts.HardLevel--
			before := maps.Clone(cache.prev)
			checkParagraphDiagnostics(t, "new thresholds", a, text, opts, cache)
			for k, e := range cache.prev {
				if before[k] == e {
					t.Fatal("a paragraph was reused under new thresholds")
				}
			}
		})
	}
}

// TestParagraphDiagnosticsIgnored checks that a paragraph whose sentences
// an ignore or disable comment outside it silences, or stops silencing, is
// not reused: whether a sentence is flagged is not in the paragraph's text.
func TestParagraphDiagnosticsIgnored(t *testing.T) {
	opts := DefaultSettings().docConfig("markdown").opts
	text := loadText(8 << 10)
	cache := new(paragraphCache)
	a := checkParagraphDiagnostics(t, "open", nil, text, opts, cache)
	for _, edit := range []struct{ name, at, with string }{
		{"ignore comment before a paragraph", "Paragraph 3.", "<!-- factbox-ignore -->\n\nParagraph 3."},
		{"ignore comment removed", "<!-- factbox-ignore -->\n\n", ""},
		{"disable comment before a paragraph", "Paragraph 5.", "<!-- factbox-disable -->\n\nParagraph 5."},
		{"enable comment after it", "Paragraph 7.", "<!-- factbox-enable -->\n\nParagraph 7."},
		{"disable comment removed", "<!-- factbox-disable -->\n\n", ""},
	} {
		i := strings.Index(text, edit.at)
		if i < 0 {
			t.Fatalf("%s: %q not in the text", edit.name, edit.at)
		}
		text = text[:i] + edit.with + text[i+len(edit.at):]
		a = checkParagraphDiagnostics(t, edit.name, a, text, opts, cache)
	}
}

// FuzzParagraphDiagnostics publishes a text, edits it, and compares the
// diagnostics built from the cache with those built afresh.
func FuzzParagraphDiagnostics(f *testing.F) {
	hard := randomPieces[len(randomPieces)-2]
	for _, tt := range []struct{ text, insert string }{
		{hard + "\n\n" + hard, "\n"}, {hard + "\r\n\r\n" + hard + "\r", "\n"}, {"- " + hard + "\n- " + hard, "é "},
		{"> " + hard + "\n\n" + hard, "😀"}, {"# Title\n\n" + hard + "\n\n" + hard, "\r"},
		{"<!-- factbox-ignore -->\n\n" + hard + "\n\n" + hard, "\n"}, {hard + "\n\n<!-- factbox-disable -->\n" + hard, "x"},
	} {
		f.Add(tt.text, uint16(0), uint16(0), tt.insert, false)
		f.Add(tt.text, uint16(len(tt.text)/2), uint16(1), tt.insert, true)
	}
	f.Fuzz(func(t *testing.T, text string, at, n uint16, insert string, markdown bool) {
		opts := DefaultSettings().docConfig("plaintext").opts
		if markdown {
			opts = DefaultSettings().docConfig("markdown").opts
		}
		start := int(at) % (len(text) + 1)
		end := start + int(n)%(len(text)-start+1)
		cache := new(paragraphCache)
		a := checkParagraphDiagnostics(t, "before", nil, text, opts, cache)
		checkParagraphDiagnostics(t, "after", a, text[:start]+insert+text[end:], opts, cache)
	})
}

var (
	sinkDiagnostics []protocol.Diagnostic
	sinkCount       int
)

// BenchmarkPublication1MB measures what a worker does for a publication
// after a one-character edit of a 1 MB document, analysis left out: build
// the diagnostics and encode them. "fresh" builds every diagnostic and
// encodes it, as before the paragraph cache; "cached" reuses the paragraphs
// the edit left alone.
func BenchmarkPublication1MB(b *testing.B) {
	text := benchText(b, 1<<20)
	opts := DefaultSettings().docConfig("plaintext").opts
	edited := "x" + text[:len(text)/2] + "y" + text[len(text)/2:]
	versions := []*analysis.Document{analysis.Analyze(text, opts), analysis.Analyze(edited, opts)}
	mappers := []*Mapper{NewMapper(text, UTF16), NewMapper(edited, UTF16)}
	var buf []byte
	b.Run("fresh", func(b *testing.B) {
		messages := new(messageCache)
		for i := 0; b.Loop(); i++ {
			diags, err := sentenceDiagnostics(versions[i%2], mappers[i%2], messages)
			if err != nil {
				b.Fatal(err)
			}
			buf = diagnosticsParams{PublishDiagnosticsParams: protocol.PublishDiagnosticsParams{URI: "file:///b", Diagnostics: diags}}.appendJSON(buf[:0])
			sinkDiagnostics = diags
		}
	})
	b.Run("cached", func(b *testing.B) {
		cache, messages := new(paragraphCache), new(messageCache)
		for i := 0; b.Loop(); i++ {
			pub, err := paragraphPublication(versions[i%2], mappers[i%2], cache, messages, HintsSettings{}, nil)
			if err != nil {
				b.Fatal(err)
			}
			buf = diagnosticsParams{PublishDiagnosticsParams: protocol.PublishDiagnosticsParams{URI: "file:///b"}, encoded: pub}.appendJSON(buf[:0])
			sinkCount = pub.count
		}
		b.ReportMetric(float64(sinkCount), "diagnostics")
	})
}
