package server

import (
	"encoding/json"
	"reflect"
	"sort"
	"testing"

	"github.com/factbox/factbox/analysis"
)

func TestFactBoxRequest(t *testing.T) {
	text := "First sentence here. Second one follows.\n\nA new paragraph starts.\n"
	c, s, _ := inProcess(t)
	c.initialize(nil, nil)
	c.open("file:///f.md", "markdown", 4, text)
	c.open("file:///f.go", "go", 1, "package main\n")
	d, _ := s.store.Get("file:///f.md")
	a, _ := d.Analysis()

	tests := []struct {
		name   string
		params any
		pos    int // offset for the expected paragraph and sentence; -1 for none
		null   bool
		code   int64
	}{
		{name: "document only", params: map[string]any{"textDocument": map[string]any{"uri": "file:///f.md"}}, pos: -1},
		{name: "with a position", params: map[string]any{"textDocument": map[string]any{"uri": "file:///f.md"}, "position": pos(0, 25)}, pos: 25},
		{name: "on the blank line", params: map[string]any{"textDocument": map[string]any{"uri": "file:///f.md"}, "position": pos(1, 0)}, pos: len("First sentence here. Second one follows.\n")},
		{name: "language not analysed", params: map[string]any{"textDocument": map[string]any{"uri": "file:///f.go"}}, null: true},
		{name: "unknown URI", params: map[string]any{"textDocument": map[string]any{"uri": "file:///nope.md"}}, code: -32602},
		{name: "position past the end", params: map[string]any{"textDocument": map[string]any{"uri": "file:///f.md"}, "position": pos(7, 0)}, code: -32602},
		{name: "invalid params", params: map[string]any{"textDocument": "file:///f.md"}, code: -32602},
		{name: "no params", params: nil, code: -32602},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := c.call(MethodFactBox, tt.params)
			if !wantResult(t, m, tt.code, tt.null) {
				return
			}
			var raw map[string]json.RawMessage
			if err := json.Unmarshal(m.Result, &raw); err != nil {
				t.Fatal(err)
			}
			var keys []string
			for k := range raw {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			if !reflect.DeepEqual(keys, []string{"document", "hardLevel", "paragraph", "sentence", "uri", "version", "veryHardLevel"}) {
				t.Fatalf("keys %v", keys)
			}
			var got FactBoxResult
			if err := json.Unmarshal(m.Result, &got); err != nil {
				t.Fatal(err)
			}
			want := FactBoxResult{URI: "file:///f.md", Version: 4, Document: a.FactBox, HardLevel: 10, VeryHardLevel: 14}
			if tt.pos >= 0 {
				fb := factBoxesAt(a, tt.pos)
				want.Paragraph = fb.paragraph
				if fb.sentence != nil {
					want.Sentence = &fb.sentence.FactBox
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("result %+v, want %+v", got, want)
			}
		})
	}
}

func TestFactBoxJSON(t *testing.T) {
	r := FactBoxResult{URI: "file:///x", Version: 2, Document: analysis.FactBox{Level: 14.111, Tokens: 980, Types: 427, TTR: 0.436}, HardLevel: 10, VeryHardLevel: 14.5}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"uri":"file:///x","version":2,"document":{"level":14.111,"tokens":980,"types":427,"ttr":0.436,"sentences":0,"syllables":0,"letters":0,"polysyllables":0,"wordsPerSentence":0,"syllablesPerWord":0,"readingEase":0,"ari":0,"colemanLiau":0,"gunningFog":0,"smog":0,"adverbs":0,"passiveVoice":0,"simplerAlternatives":0},"paragraph":null,"sentence":null,"hardLevel":10,"veryHardLevel":14.5}`
	if string(b) != want {
		t.Fatalf("JSON:\n%s\nwant:\n%s", b, want)
	}
}

// TestFactBoxThresholds checks that the result carries the thresholds in
// effect for the document, which a client needs to show a grade on the right
// side of them.
func TestFactBoxThresholds(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, map[string]any{"factbox": map[string]any{"hardLevel": 11.5, "veryHardLevel": 20}})
	c.open("file:///t.md", "markdown", 1, "One sentence here.\n")
	var got FactBoxResult
	c.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": "file:///t.md"}}, &got)
	if got.HardLevel != 11.5 || got.VeryHardLevel != 20 {
		t.Errorf("thresholds %v and %v, want 11.5 and 20", got.HardLevel, got.VeryHardLevel)
	}
}
