package analysis

import "regexp"

// Span is a half-open range [Start, End) of byte offsets into the analysed text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies in s. The end offset counts as inside,
// so that a cursor just after the last character still belongs to the span.
func (s Span) Contains(offset int) bool { return s.Start <= offset && offset <= s.End }

// Format says how the text is marked up.
type Format int

const (
	// Plain is plain text: blank lines separate paragraphs.
	Plain Format = iota
	// Markdown is CommonMark with front matter and GFM tables.
	Markdown
)

// Difficulty grades one sentence against the thresholds in Options.
type Difficulty int

const (
	OK Difficulty = iota
	Hard
	VeryHard
)

// String returns "ok", "hard" or "very-hard".
func (d Difficulty) String() string {
	switch d {
	case Hard:
		return "hard"
	case VeryHard:
		return "very-hard"
	}
	return "ok"
}

// Options tunes the analysis. The zero value is not useful; start from DefaultOptions.
type Options struct {
	Format Format
	// MinWords is the fewest word tokens a sentence needs before it can be hard.
	MinWords int
	// HardLevel and VeryHardLevel are the Flesch–Kincaid grade levels at or
	// above which a sentence is hard and very hard.
	HardLevel, VeryHardLevel float64
	// Ignore holds patterns of sentences never flagged: a hard sentence
	// that one of them matches is marked IgnoredByPattern.
	Ignore []*regexp.Regexp
	// Silent flags no sentence: every hard or very hard sentence is marked
	// IgnoredBySetting. The fact boxes are the same.
	Silent bool
}

// DefaultOptions returns plain-text options with the Hemingway-like tiers:
// at least 14 words, hard at level 10, very hard at level 14.
func DefaultOptions() Options {
	return Options{Format: Plain, MinWords: 14, HardLevel: 10, VeryHardLevel: 14}
}

// TokenKind classifies a word token.
type TokenKind uint8

const (
	// Word is a run of letters, possibly with internal apostrophes or periods (U.S).
	Word TokenKind = iota
	// Number is a run of digits, possibly with separators (700,000, 3.5) or a suffix (60th).
	Number
	// Clitic is a contraction or possessive ending split from the word before it,
	// as in Penn Treebank tokenization: 's, n't, 're, 've, 'll, 'd, 'm.
	Clitic
)

// Token is one word token.
type Token struct {
	Span      Span
	Kind      TokenKind
	Syllables int32
}

// Sentence is one sentence. Tokens indexes Document.Tokens: [First, End).
type Sentence struct {
	Span       Span
	Tokens     Range
	FactBox    FactBox
	Difficulty Difficulty
	// Rule names the rule of the sentence splitter that ended the sentence.
	Rule string
	// Ignored says why the sentence is never flagged, if it is not; see
	// Sentence.Flagged.
	Ignored Ignore
}

// Paragraph is one block of prose: a paragraph, heading, list item or table-free
// block quote line. Sentences indexes Document.Sentences.
type Paragraph struct {
	Span      Span
	Sentences Range
	FactBox   FactBox
}

// Range is a half-open range of indexes into a slice.
type Range struct {
	First, End int
}

// Len returns the number of elements in r.
func (r Range) Len() int { return r.End - r.First }

// Document is the analysis of one text. It is never modified after Analyze returns.
type Document struct {
	Text       string
	Options    Options
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	FactBox    FactBox

	lines *lineTable // for Position, built on first use
	state *reuse     // what Reanalyze needs from this document; nil until Analyze fills it
}

// FactBox holds the counts of a stretch of text and the readability scores derived from them.
type FactBox struct {
	Level  float64 `json:"level"`  // Flesch–Kincaid grade level
	Tokens int     `json:"tokens"` // word tokens
	Types  int     `json:"types"`  // distinct word forms
	TTR    float64 `json:"ttr"`    // Types / Tokens, 0 when there are no tokens

	Sentences     int `json:"sentences"`
	Syllables     int `json:"syllables"`
	Letters       int `json:"letters"`       // letters and digits in word tokens
	Polysyllables int `json:"polysyllables"` // tokens of three or more syllables

	WordsPerSentence float64 `json:"wordsPerSentence"`
	SyllablesPerWord float64 `json:"syllablesPerWord"`
	ReadingEase      float64 `json:"readingEase"` // Flesch Reading Ease
	ARI              float64 `json:"ari"`         // Automated Readability Index
	ColemanLiau      float64 `json:"colemanLiau"`
	GunningFog       float64 `json:"gunningFog"`
	SMOG             float64 `json:"smog"`
}
