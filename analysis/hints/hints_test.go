package hints_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/hints"
)

// describe lists the hints analysis finds in text as kind:text, with →
// and the suggestions of a simpler alternative.
func describe(text string) []string {
	out := []string{}
	doc := analysis.Analyze(text, analysis.DefaultOptions())
	for _, s := range doc.Sentences {
		for _, h := range s.Hints {
			d := h.Kind.String() + ":" + text[h.Span.Start:h.Span.End]
			if len(h.Suggestions) > 0 {
				d += "→" + strings.Join(h.Suggestions, "|")
			}
			out = append(out, d)
		}
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"issue example", "The report was quickly written in order to utilize the data.",
			[]string{"passive-voice:was quickly written", "adverb:quickly", "simpler-alternative:in order to→to", "simpler-alternative:utilize→use"}},
		{"adverbs", "Frankly, he really ran.", []string{"adverb:Frankly", "adverb:really"}},
		{"-ly adjectives and nouns", "The lovely, friendly family from Italy came in July; it is likely an ugly belly.", []string{}},
		{"is being repaired is one", "The road is being repaired.", []string{"passive-voice:is being repaired"}},
		{"have been deleted", "The files have been deleted.", []string{"passive-voice:been deleted"}},
		{"get-passive", "He got fired.", []string{"passive-voice:got fired"}},
		{"two constructions", "The results are expected to be published.", []string{"passive-voice:are expected", "passive-voice:be published"}},
		{"coordinated participles count once", "The bug was found, fixed and tested today.", []string{"passive-voice:was found, fixed and tested"}},
		{"coordination stops at a non-participle", "The bug was found, and the team went home.", []string{"passive-voice:was found"}},
		{"active perfect", "She has written a book.", []string{}},
		{"progressive", "He is working.", []string{}},
		{"-ed letters, no verb", "The car was red. The bread was stale. The feed was down.", []string{}},
		{"predicative adjective", "She was happy.", []string{}},
		{"contraction", "It wasn't opened.", []string{"passive-voice:wasn't opened"}},
		{"at most two adverbs", "It was not very often quite easily opened.", []string{"adverb:easily"}},
		// An auxiliary looks at most two forms of be ahead, which keeps a
		// sentence of a thousand "is" linear: the first "is" is too far.
		{"at most two more forms of be", "It is is is is written.", []string{"passive-voice:is is is written"}},
		{"two adverbs", "It was not quickly opened.", []string{"passive-voice:was not quickly opened", "adverb:quickly"}},
		{"irregular spelt as the verb", "The rules are set by the board.", []string{"passive-voice:are set"}},
		{"punctuation ends a construction", "It was, in fact, broken.", []string{}},
		{"capitalised", "Utilize it. UTILIZE it. Prior to that, commence.",
			[]string{"simpler-alternative:Utilize→Use", "simpler-alternative:UTILIZE→USE", "simpler-alternative:Prior to→Before", "simpler-alternative:commence→begin|start"}},
		{"phrase across a line break", "We met in\nproximity to the sea.", []string{"simpler-alternative:in\nproximity to→near"}},
		{"longest phrase wins", "At the time that we left, it rained.", []string{"simpler-alternative:At the time that→When"}},
		{"not inside a longer word", "They reutilize utilizes and pre-utilize it.", []string{}},
		{"due to the fact that", "We left due to the fact that it rained.", []string{"simpler-alternative:due to the fact that→because|due to|since"}},
		{"typographic apostrophe", "It wasn’t opened.", []string{"passive-voice:wasn’t opened"}},
		{"across block quote lines", "> It was\n> written prior\n> to that.", []string{"passive-voice:was\n> written", "simpler-alternative:prior\n> to→before"}},
		{"a > inside a line ends a construction", "It was > written prior > to that.", []string{"simpler-alternative:prior→earlier"}}, // not "prior to"
		{"emphasis inside a construction", "It was **quickly** written.", []string{"passive-voice:was **quickly** written", "adverb:quickly"}},
		{"adverb and simpler alternative", "We frequently meet.", []string{"simpler-alternative:frequently→often", "adverb:frequently"}},
		{"preposition in -ing", "Following the meeting, we left.", []string{"simpler-alternative:Following→After"}},
		{"adjective in -ing after a determiner", "Set the following options.", []string{}},
		{"after a determiner across a line break", "Read the\nfollowing notes.", []string{}},
		{"adjective kept when its alternative is one too", "The ongoing work ended.", []string{"simpler-alternative:ongoing→continuing"}},
		{"after a conjunction", "We saw that following it helps.", []string{"simpler-alternative:following→after"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSimplerAlternatives checks every phrase of the table: found where a
// sentence contains it, and not when it is part of a longer word.
func TestSimplerAlternatives(t *testing.T) {
	phrases := hints.Phrases()
	if len(phrases) < 150 {
		t.Fatalf("%d phrases, want at least 150", len(phrases))
	}
	for _, p := range phrases {
		text := "We saw that " + p + " here."
		start, end := len("We saw that "), len("We saw that ")+len(p)
		found := false
		for _, h := range analysis.Analyze(text, analysis.DefaultOptions()).Sentences[0].Hints {
			if h.Kind == hints.SimplerAlternative && h.Span == (hints.Span{Start: start, End: end}) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: not found in %q: %q", p, text, describe(text))
		}
		// With zz glued before it the phrase would start at start+2, with zz
		// after it, end at end; shorter phrases of whole words may remain.
		for _, longer := range []string{"We saw that zz" + p + " here.", "We saw that " + p + "zz here."} {
			for _, h := range analysis.Analyze(longer, analysis.DefaultOptions()).Sentences[0].Hints {
				if h.Kind == hints.SimplerAlternative && (h.Span.Start == start+2 || h.Span.End == end) {
					t.Errorf("%q: found inside a longer word in %q: %q", p, longer, longer[h.Span.Start:h.Span.End])
				}
			}
		}
	}
}

// FuzzFind calls Find directly with any words, even ones outside the text
// or the sentence: it must not panic, and every hint lies in the sentence.
func FuzzFind(f *testing.F) {
	f.Add("The report was quickly written in order to utilize the data.", 0, 60, []byte{0, 3, 4, 10, 11, 14, 15, 22, 23, 30, 31, 33, 34, 39, 40, 42, 43, 50})
	f.Add("e.g. x", 0, 6, []byte{0, 3, 5, 6})
	f.Add("was", -5, 100, []byte{0, 3, 2, 1, 200, 255})
	f.Fuzz(func(t *testing.T, text string, start, end int, spans []byte) {
		var words []hints.Word
		for i := 0; i+1 < len(spans); i += 2 {
			s := hints.Span{Start: int(spans[i]), End: int(spans[i+1])}
			if s.Start <= len(text) && s.End <= len(text) && s.Start <= s.End {
				words = append(words, hints.Word{Span: s, Class: hints.Classify(text[s.Start:s.End])})
			} else {
				words = append(words, hints.Word{Span: s, Class: hints.ClassBe | hints.ClassPhrase})
			}
		}
		lo, hi := max(start, 0), min(end, len(text))
		for _, h := range hints.Find(nil, text, hints.Span{Start: start, End: end}, words) {
			if h.Span.Start < lo || h.Span.End > hi || h.Span.Start >= h.Span.End {
				t.Fatalf("hint %v %v outside the sentence [%d, %d) or empty", h.Kind, h.Span, lo, hi)
			}
		}
	})
}

func ExampleFind() {
	text := "The report was quickly written."
	var words []hints.Word
	for _, s := range []hints.Span{{Start: 0, End: 3}, {Start: 4, End: 10}, {Start: 11, End: 14}, {Start: 15, End: 22}, {Start: 23, End: 30}} {
		words = append(words, hints.Word{Span: s, Class: hints.Classify(text[s.Start:s.End])})
	}
	for _, h := range hints.Find(nil, text, hints.Span{Start: 0, End: len(text)}, words) {
		fmt.Printf("%s: %s\n", h.Kind, text[h.Span.Start:h.Span.End])
	}
	// Output:
	// passive-voice: was quickly written
	// adverb: quickly
}
