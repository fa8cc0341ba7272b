package hints

import (
	"slices"
	"strings"
	"sync"
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
	// the other kinds. They may be shared with other hints: do not modify.
	Suggestions []string
}

// Class says what a word can be in a hint; Classify works it out once per
// word form, so that Find only tests bits. Its low byte holds the flags
// below, its top 16 bits the word's number among the words of the phrases
// with simpler alternatives (0 for none).
type Class uint32

// phraseWord returns the word's number among the words of the phrases.
func (c Class) phraseWord() uint16 { return uint16(c >> 16) }

const (
	// ClassAdverb is an -ly adverb.
	ClassAdverb Class = 1 << iota
	// ClassBe is a form of be, ClassGet one of get: the auxiliaries of the passive.
	ClassBe
	ClassGet
	// ClassLink is a short adverb that may stand between an auxiliary and a
	// participle ("not", "never", "well").
	ClassLink
	// ClassParticiple is a past participle.
	ClassParticiple
	// ClassPhrase is a word that starts a phrase of the simpler-alternatives table.
	ClassPhrase
	// ClassConj is "and" or "or", which join coordinated participles.
	ClassConj
)

// Classify returns the classes of the word token word (its text as
// written, any case; ’ reads as ').
func Classify(word string) Class {
	var buf [maxWord]byte
	w, ok := lower(&buf, word)
	if !ok {
		return 0
	}
	var c Class
	if isAdverb(w) {
		c |= ClassAdverb
	}
	if isBe(w) {
		c |= ClassBe
	}
	if isGet(w) {
		c |= ClassGet
	}
	if isLinkAdverb(w) {
		c |= ClassLink
	}
	if isParticiple(w) {
		c |= ClassParticiple
	}
	if id := vocab[string(w)]; id != 0 {
		c |= Class(id) << 16
		if firsts[id] {
			c |= ClassPhrase
		}
	}
	if string(w) == "and" || string(w) == "or" {
		c |= ClassConj
	}
	return c
}

// Word is a word token of a sentence: its span and its Classify classes.
type Word struct {
	Span  Span
	Class Class
}

// Find appends to dst the hints of one sentence and returns the extended
// slice. text is the whole document, sentence the sentence's span in it and
// words its word tokens in order, with contractions split as in the Penn
// Treebank ("wasn't" is "was" + "n't"); words of class 0 may be left out,
// since what Find checks between two words is the text between them. Every hint lies inside the sentence
// and starts and ends on a word; the hints come sorted by start. A word can
// be in hints of two kinds: "frequently" is an adverb and has a simpler
// alternative, "often". Find never panics: words outside text or sentence
// are ignored.
func Find(dst []Hint, text string, sentence Span, words []Word) []Hint {
	sentence.Start = max(sentence.Start, 0)
	sentence.End = min(sentence.End, len(text))
	base := len(dst)
	coveredTo := -1 // end of the last simpler alternative: phrases do not overlap
	passiveTo := -1 // end of the last passive construction
	for i := range words {
		w := words[i].Span
		c := words[i].Class
		if c == 0 || !inside(w, sentence) {
			continue
		}
		if c&ClassPhrase != 0 && w.Start >= coveredTo {
			if end, p := matchPhrase(text, sentence, words, i); p != nil {
				dst = append(dst, Hint{Kind: SimplerAlternative, Span: Span{w.Start, end}, Suggestions: capitalise(text[w.Start:end], p.replace)})
				coveredTo = end
			}
		}
		if c&ClassAdverb != 0 {
			dst = append(dst, Hint{Kind: Adverb, Span: w})
		}
		// The words of a construction do not start another one: "is being
		// repaired" is one hint, not two.
		if c&(ClassBe|ClassGet) != 0 && w.Start >= passiveTo {
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

// wordSet is a set of the words of a generated table.
type wordSet map[string]struct{}

func newWordSet(words []string) wordSet {
	s := make(wordSet, len(words))
	for _, w := range words {
		s[w] = struct{}{}
	}
	return s
}

// has reports whether the set holds w.
func (s wordSet) has(w []byte) bool {
	_, ok := s[string(w)]
	return ok
}

// sets holds the tables as sets, built on first use: a lookup costs one hash
// rather than a dozen string comparisons of a binary search.
var sets = sync.OnceValue(func() (s struct{ adverbs, verbs, participles wordSet }) {
	s.adverbs, s.verbs, s.participles = newWordSet(adverbs[:]), newWordSet(verbs[:]), newWordSet(participles[:])
	return s
})

// isAdverb reports whether the lowercase word w is an -ly adverb.
func isAdverb(w []byte) bool {
	n := len(w)
	return n > 3 && w[n-2] == 'l' && w[n-1] == 'y' && sets().adverbs.has(w)
}

// capitalise returns the suggestions written the way the writer wrote the
// phrase: all capitals ("UTILIZE" → "USE") when every letter of it is a
// capital and there are at least two, a capital first letter ("Utilize" →
// "Use") when it starts with one, and as listed (the table's own slice)
// otherwise.
func capitalise(written string, suggestions []string) []string {
	first, _ := utf8.DecodeRuneInString(written)
	if !unicode.IsUpper(first) {
		return suggestions
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
