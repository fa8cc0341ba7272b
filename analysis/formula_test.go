package analysis

import (
	"math"
	"testing"
)

func TestFormulas(t *testing.T) {
	// Expected values are worked by hand from the published formulas.
	tests := []struct {
		name                                       string
		words, sentences, syllables, letters, poly int
		level, ease, ari, cli, fog, smog           float64
	}{
		{
			name:  "empty",
			level: 0, ease: 0, ari: 0, cli: 0, fog: 0, smog: 0,
		},
		{
			// "The cat sat on the mat." 6 words, 1 sentence, 6 syllables, 17 letters.
			name:  "one short sentence",
			words: 6, sentences: 1, syllables: 6, letters: 17,
			level: 0.39*6 + 11.8 - 15.59, // −1.45
			ease:  206.835 - 1.015*6 - 84.6,
			ari:   4.71*17.0/6 + 0.5*6 - 21.43,
			cli:   0.0588*(100*17.0/6) - 0.296*(100/6.0) - 15.8,
			fog:   0.4 * 6,
			smog:  3.1291,
		},
		{
			name:  "long words",
			words: 20, sentences: 1, syllables: 50, letters: 140, poly: 8,
			level: 0.39*20 + 11.8*2.5 - 15.59,
			ease:  206.835 - 1.015*20 - 84.6*2.5,
			ari:   4.71*7 + 0.5*20 - 21.43,
			cli:   0.0588*700 - 0.296*5 - 15.8,
			fog:   0.4 * (20 + 40),
			smog:  1.0430*math.Sqrt(8*30) + 3.1291,
		},
		{
			name:  "words but no sentence",
			words: 3, syllables: 3, letters: 9,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := FactBox{Tokens: tt.words, Sentences: tt.sentences, Syllables: tt.syllables, Letters: tt.letters, Polysyllables: tt.poly}
			f.finish()
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"Level", f.Level, tt.level},
				{"ReadingEase", f.ReadingEase, tt.ease},
				{"ARI", f.ARI, tt.ari},
				{"ColemanLiau", f.ColemanLiau, tt.cli},
				{"GunningFog", f.GunningFog, tt.fog},
				{"SMOG", f.SMOG, tt.smog},
			} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}
