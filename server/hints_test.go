package server

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/hints"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hintsText has one hint of each kind after a character outside the BMP, so
// that the ranges are checked in UTF-16 units.
const hintsText = "𐐀 The report was quickly written in order to utilize the data.\n\nIt commences."

func TestHintDiagnostics(t *testing.T) {
	a := analysis.Analyze(hintsText, analysis.DefaultOptions())
	all := allHints()
	tests := []struct {
		name     string
		settings HintsSettings
		want     []string // code, range, message
	}{
		{"all", all, []string{
			"passive-voice 0:14-0:33 Passive voice: was quickly written",
			"adverb 0:18-0:25 Adverb: quickly",
			"simpler-alternative 0:34-0:45 Simpler: use “to” for “in order to”",
			"simpler-alternative 0:46-0:53 Simpler: use “use” for “utilize”",
		}},
		{"adverbs only", HintsSettings{Adverbs: true}, []string{"adverb 0:18-0:25 Adverb: quickly"}},
		{"passive voice only", HintsSettings{PassiveVoice: true}, []string{"passive-voice 0:14-0:33 Passive voice: was quickly written"}},
		{"simpler only", HintsSettings{SimplerAlternatives: true}, []string{
			"simpler-alternative 0:34-0:45 Simpler: use “to” for “in order to”",
			"simpler-alternative 0:46-0:53 Simpler: use “use” for “utilize”",
		}},
		{"none", HintsSettings{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags, err := hintDiagnostics(nil, a, NewMapper(hintsText, UTF16), tt.settings, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, d := range diags {
				if *d.Severity != protocol.DiagnosticSeverityHint || *d.Source != "factbox" {
					t.Errorf("%s: severity %d source %s, want hint factbox", d.Message, *d.Severity, *d.Source)
				}
				got = append(got, d.Code.Value.(string)+" "+formatRange(d.Range)+" "+d.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestHintMessage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"one suggestion", "Utilize it.", "Simpler: use “Use” for “Utilize”"},
		{"two suggestions", "Commence it.", "Simpler: use “Begin” or “Start” for “Commence”"},
		{"four suggestions", "Pursuant to it.", "Simpler: use “Under”, “By”, “Following” or “Per” for “Pursuant to”"},
		{"line break folded", "It is in order\nto go.", "Simpler: use “to” for “in order to”"},
		{"passive across a line break", "It was\n  written.", "Passive voice: was written"},
		{"markup left out", "> It was **not**\n> _often_ written.", "Passive voice: was not often written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysis.Analyze(tt.text, analysis.DefaultOptions())
			var msgs []string
			for _, s := range a.Sentences {
				for _, h := range s.Hints {
					msgs = append(msgs, hintMessage(tt.text[h.Span.Start:h.Span.End], h))
				}
			}
			if len(msgs) != 1 || msgs[0] != tt.want {
				t.Errorf("messages %q, want [%q]", msgs, tt.want)
			}
		})
	}
}

func TestParseHintsSettings(t *testing.T) {
	tests := []struct {
		name  string
		raw   string
		hints HintsSettings
		inlay bool
	}{
		{"defaults: off", `{"factbox":{}}`, HintsSettings{}, false},
		{"one on", `{"factbox":{"hints":{"adverbs":true}}}`, HintsSettings{Adverbs: true}, false},
		{"all on", `{"factbox":{"hints":{"adverbs":true,"passiveVoice":true,"simplerAlternatives":true}}}`, allHints(), false},
		{"one off again", `{"factbox":{"hints":{"adverbs":true,"passiveVoice":false,"simplerAlternatives":true}}}`, HintsSettings{true, false, true}, false},
		{"inlay hints on", `{"factbox":{"inlayHints":{"enable":true}}}`, HintsSettings{}, true},
		{"section alone", `{"hints":{"passiveVoice":true}}`, HintsSettings{PassiveVoice: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok, _, err := ParseSettings(json.RawMessage(tt.raw))
			if err != nil || !ok {
				t.Fatalf("ParseSettings: ok %v, %v", ok, err)
			}
			if s.Hints != tt.hints || s.InlayHints.Enable != tt.inlay {
				t.Errorf("hints %+v inlay %v, want %+v %v", s.Hints, s.InlayHints.Enable, tt.hints, tt.inlay)
			}
		})
	}
	if _, _, _, err := ParseSettings(json.RawMessage(`{"factbox":{"hints":{"adverbs":"yes"}}}`)); err == nil {
		t.Error("a string for hints.adverbs is not an error")
	}
}

// TestHintSettingsRepublish turns adverbs off over JSON-RPC and checks that
// the document's diagnostics are published again without them.
func TestHintSettingsRepublish(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, map[string]any{"factbox": map[string]any{"hints": allHints()}})
	c.open("file:///h.txt", "plaintext", 1, hintsText)
	if got := diagnosticCodes(c.diagnostics("file:///h.txt", 1)); got["adverb"] != 1 || got["passive-voice"] != 1 || got["simpler-alternative"] != 2 {
		t.Fatalf("codes %v, want 1 adverb, 1 passive-voice, 2 simpler-alternative", got)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"factbox": map[string]any{"hints": map[string]any{"adverbs": false, "passiveVoice": true, "simplerAlternatives": true}}}})
	if got := diagnosticCodes(c.diagnostics("file:///h.txt", 1)); got["adverb"] != 0 || got["passive-voice"] != 1 {
		t.Fatalf("codes %v after adverbs off", got)
	}
}

// TestHintMessageCache checks that a second publication takes its messages
// from the cache, gets the same diagnostics, and that the cache holds only
// the last publication's messages.
func TestHintMessageCache(t *testing.T) {
	a := analysis.Analyze(hintsText, analysis.DefaultOptions())
	m := NewMapper(hintsText, UTF16)
	var c hintMessageCache
	first, err := hintDiagnostics(nil, a, m, allHints(), &c)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.prev) != 4 {
		t.Fatalf("cache holds %d messages after 4 distinct hints", len(c.prev))
	}
	c.prev[hintMessageKey{hints.Adverb, "quickly"}] = "from the cache"
	second, err := hintDiagnostics(nil, a, m, allHints(), &c)
	if err != nil {
		t.Fatal(err)
	}
	if second[1].Message != "from the cache" || second[0].Message != first[0].Message {
		t.Errorf("messages %q, %q: want the cached one for the adverb", second[0].Message, second[1].Message)
	}
	other := analysis.Analyze("We commence.", analysis.DefaultOptions())
	if _, err := hintDiagnostics(nil, other, NewMapper("We commence.", UTF16), allHints(), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.prev) != 1 {
		t.Errorf("cache holds %d messages after a publication of 1", len(c.prev))
	}
}

// TestHintsConfigFile checks the [hints] table of a .factbox.toml: it turns
// hints on for a client that sends no hint switches, and the switches a
// client sends win over it.
func TestHintsConfigFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".factbox.toml"), "[hints]\nadverbs = true\nsimplerAlternatives = true\n")
	doc := fileURI(filepath.Join(dir, "a.txt"))
	tests := []struct {
		name     string
		settings map[string]any
		want     map[string]int
	}{
		{"the file's switches", map[string]any{}, map[string]int{"adverb": 1, "simpler-alternative": 2}},
		{"the client's win", map[string]any{"hints": map[string]any{"adverbs": false, "passiveVoice": true}},
			map[string]int{"passive-voice": 1, "simpler-alternative": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := inProcess(t)
			c.initialize(nil, map[string]any{"factbox": tt.settings})
			c.open(doc, "plaintext", 1, hintsText)
			if got := diagnosticCodes(c.diagnostics(doc, 1)); !maps.Equal(got, tt.want) {
				t.Errorf("codes %v, want %v", got, tt.want)
			}
		})
	}
}

// diagnosticCodes counts the diagnostics of p by code.
func diagnosticCodes(p publication) map[string]int {
	n := map[string]int{}
	for _, raw := range p.Diagnostics {
		var d struct {
			Code string `json:"code"`
		}
		json.Unmarshal(raw, &d)
		n[d.Code]++
	}
	return n
}

var sinkPublication []byte

// BenchmarkPublishHints measures a publication of a 1 MB document after a
// one-character edit, through the paragraph cache, with hints off and on in
// the same run: building the diagnostics and encoding them
// (json-bytes is the size of the notification's params).
func BenchmarkPublishHints(b *testing.B) {
	text := benchText(b, 1<<20)
	opts := DefaultSettings().docConfig("plaintext").opts
	a := analysis.Analyze(text, opts)
	edited := text[:len(text)/2] + "x" + text[len(text)/2:]
	versions := []*analysis.Document{a, analysis.Reanalyze(a, edited, opts)}
	mappers := []*Mapper{NewMapper(text, UTF16), NewMapper(edited, UTF16)}
	for _, hs := range []HintsSettings{{}, allHints()} {
		name := map[bool]string{false: "off", true: "on"}[hs.any()]
		b.Run(name, func(b *testing.B) {
			var cache paragraphCache
			var messages messageCache
			var hintMessages hintMessageCache
			for i := 0; b.Loop(); i++ {
				pub, err := paragraphPublication(versions[i%2], mappers[i%2], &cache, &messages, hs, &hintMessages)
				if err != nil {
					b.Fatal(err)
				}
				p := diagnosticsParams{encoded: pub}
				p.URI = "file:///b.txt"
				sinkPublication = p.appendJSON(sinkPublication[:0])
			}
			b.ReportMetric(float64(len(sinkPublication)), "json-bytes")
		})
	}
}
