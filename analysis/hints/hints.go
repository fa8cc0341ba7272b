package hints

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what a hint points out.
type Kind uint8

const (
	// Adverb is a word ending in -ly that is an adverb ("quickly"), not an
	// adjective or noun ("lovely", "family").
	Adverb Kind = iota + 1
	// PassiveVoice is a form of be or get, up to two adverbs and a past
	// participle ("was written", "is being repaired", "got fired").
	PassiveVoice
	// SimplerAlternative is a word or phrase with a plainer equivalent
	// ("utilize" → "use").
	SimplerAlternative
)

// String returns "adverb", "passive-voice" or "simpler-alternative", the
// names the JSON report and the language server use.
func (k Kind) String() string {
	switch k {
	case Adverb:
		return "adverb"
	case PassiveVoice:
		return "passive-voice"
	case SimplerAlternative:
		return "simpler-alternative"
	}
	return "unknown"
}

// MarshalText writes the kind as its String.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Span is a half-open range [Start, End) of byte offsets into a text.
type Span struct {
	Start, End int
}

// Hint is one thing the finder points out in a sentence.
type Hint struct {
	Kind Kind
	Span Span
	// Suggestions are the plainer wordings of a SimplerAlternative, with the
	// capitalisation of the text they replace ("Utilize" → "Use"); nil for
	// the other kinds.
	Suggestions []string
}

// Find appends to dst the hints of one sentence and returns the extended
// slice. text is the whole document, sentence the sentence's span in it and
// words the spans of its word tokens in order, with contractions split as in
// the Penn Treebank ("wasn't" is "was" + "n't"). Every hint lies inside the
// sentence and starts and ends on a word; the hints come sorted by start.
// A word can be in hints of two kinds: "frequently" is an adverb and has a
// simpler alternative, "often". Find never panics: spans outside text or
// sentence are ignored.
func Find(dst []Hint, text string, sentence Span, words []Span) []Hint {
	sentence.Start = max(sentence.Start, 0)
	sentence.End = min(sentence.End, len(text))
	base := len(dst)
	var buf [maxWord]byte
	coveredTo := -1 // end of the last simpler alternative: phrases do not overlap
	passiveTo := -1 // end of the last passive construction
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w.Start < sentence.Start || w.End > sentence.End || w.Start >= w.End {
			continue
		}
		lw, ok := lower(&buf, text[w.Start:w.End])
		if !ok {
			continue
		}
		if w.Start >= coveredTo {
			if end, p := matchPhrase(text, w.Start, sentence, lw); p != nil {
				dst = append(dst, Hint{Kind: SimplerAlternative, Span: Span{w.Start, end}, Suggestions: capitalise(text[w.Start:end], p.replace)})
				coveredTo = end
			}
		}
		if isAdverb(lw) {
			dst = append(dst, Hint{Kind: Adverb, Span: w})
		}
		// The words of a construction do not start another one: "is being
		// repaired" is one hint, not two.
		if w.Start >= passiveTo && (isBe(lw) || isGet(lw)) {
			if end := passive(text, sentence, words, i); end > 0 {
				dst = append(dst, Hint{Kind: PassiveVoice, Span: Span{w.Start, end}})
				passiveTo = end
			}
		}
	}
	if len(dst)-base > 1 {
		slices.SortStableFunc(dst[base:], func(a, b Hint) int { return a.Span.Start - b.Span.Start })
	}
	return dst
}

// maxWord is the longest word the finder looks up, in bytes; no entry of
// its tables is longer.
const maxWord = 32

// lower returns s in lowercase ASCII, with the typographic apostrophe ’
// read as '. It reports false for a word too long to be in any table or
// with letters outside ASCII.
func lower(buf *[maxWord]byte, s string) ([]byte, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if strings.HasPrefix(s[i:], "’") {
				c = '\''
				i += len("’") - 1
			} else {
				return nil, false
			}
		}
		if n == maxWord {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n], true
}

// search reports whether the sorted table holds w.
func search(table []string, w []byte) bool {
	lo, hi := 0, len(table)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if table[m] < string(w) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(table) && table[lo] == string(w)
}

// isAdverb reports whether the lowercase word w is an -ly adverb.
func isAdverb(w []byte) bool {
	n := len(w)
	return n > 3 && w[n-2] == 'l' && w[n-1] == 'y' && search(adverbs[:], w)
}

// capitalise returns the suggestions written the way the writer wrote the
// phrase: all capitals ("UTILIZE" → "USE") when every letter of it is a
// capital and there are at least two, a capital first letter ("Utilize" →
// "Use") when it starts with one, and as listed otherwise.
func capitalise(written string, suggestions []string) []string {
	first, _ := utf8.DecodeRuneInString(written)
	if !unicode.IsUpper(first) {
		return slices.Clone(suggestions)
	}
	letters, upper := 0, 0
	for _, r := range written {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	out := make([]string, len(suggestions))
	for i, s := range suggestions {
		switch {
		case letters >= 2 && upper == letters:
			out[i] = strings.ToUpper(s)
		default:
			r, size := utf8.DecodeRuneInString(s)
			out[i] = string(unicode.ToUpper(r)) + s[size:]
		}
	}
	return out
}
