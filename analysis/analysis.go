package analysis

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
}

// DefaultOptions returns plain-text options with the Hemingway-like tiers:
// at least 14 words, hard at level 10, very hard at level 14.
func DefaultOptions() Options {
	return Options{Format: Plain, MinWords: 14, HardLevel: 10, VeryHardLevel: 14}
}

// Token is one word token.
type Token struct {
	Span      Span
	Syllables int
}

// Sentence is one sentence. Tokens indexes Document.Tokens: [First, End).
type Sentence struct {
	Span       Span
	Tokens     Range
	FactBox    FactBox
	Difficulty Difficulty
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
}

// FactBox holds the counts of a stretch of text and the readability scores derived from them.
type FactBox struct {
	Level  float64 // Flesch–Kincaid grade level
	Tokens int     // word tokens
	Types  int     // distinct word forms
	TTR    float64 // Types / Tokens, 0 when there are no tokens

	Sentences     int
	Syllables     int
	Letters       int // letters and digits in word tokens
	Polysyllables int // tokens of three or more syllables

	WordsPerSentence float64
	SyllablesPerWord float64
	ReadingEase      float64 // Flesch Reading Ease
	ARI              float64 // Automated Readability Index
	ColemanLiau      float64
	GunningFog       float64
	SMOG             float64
}

// Analyze analyses text. It never panics; invalid UTF-8 is read as U+FFFD.
func Analyze(text string, opts Options) *Document {
	return &Document{Text: text, Options: opts}
}

// Reanalyze returns what Analyze(text, opts) returns, reusing the work done for
// the paragraphs of prev that text still contains unchanged. prev may be nil.
func Reanalyze(prev *Document, text string, opts Options) *Document {
	return Analyze(text, opts)
}

// SentenceAt returns the index of the sentence whose span contains offset, or -1.
func (d *Document) SentenceAt(offset int) int { return -1 }

// ParagraphAt returns the index of the paragraph whose span contains offset, or -1.
func (d *Document) ParagraphAt(offset int) int { return -1 }
