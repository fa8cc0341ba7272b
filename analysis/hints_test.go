package analysis

import (
	"os"
	"testing"
)

// TestHintsOption checks that Options.Hints switches the hints off and on,
// also across Reanalyze, which must not reuse forms classified without them.
func TestHintsOption(t *testing.T) {
	const text = "The report was quickly written in order to utilize the data.\n\nIt was fixed."
	on := DefaultOptions()
	off := on
	off.Hints = false
	tests := []struct {
		name     string
		prev     Options
		opts     Options
		wantHint int
	}{
		{"on", on, on, 5},
		{"off", off, off, 0},
		{"off after on", on, off, 0},
		{"on after off", off, on, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev := Analyze(text+" Extra.", tt.prev)
			d := Reanalyze(prev, text, tt.opts)
			n := 0
			for _, s := range d.Sentences {
				n += len(s.Hints)
			}
			f := d.FactBox
			if n != tt.wantHint || f.Adverbs+f.PassiveVoice+f.SimplerAlternatives != tt.wantHint {
				t.Errorf("%d hints, fact box %d+%d+%d; want %d", n, f.Adverbs, f.PassiveVoice, f.SimplerAlternatives, tt.wantHint)
			}
			if !sameAnalysis(d, Analyze(text, tt.opts)) {
				t.Error("reanalysis differs from a fresh analysis")
			}
		})
	}
}

// BenchmarkAnalyzeHints measures Analyze on the corpus with hints off and on,
// in the same run, so that what the hints cost is the difference.
func BenchmarkAnalyzeHints(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/prose.txt")
	if err != nil {
		b.Skipf("corpus not found beside the repository: %v", err)
	}
	text := string(data)
	for _, hints := range []bool{false, true} {
		name := map[bool]string{false: "off", true: "on"}[hints]
		b.Run(name, func(b *testing.B) {
			opts := DefaultOptions()
			opts.Hints = hints
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				sinkDoc = Analyze(text, opts)
			}
		})
	}
}
