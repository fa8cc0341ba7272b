package analysis

import "testing"

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
