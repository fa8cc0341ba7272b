package analysis_test

import (
	"fmt"

	"github.com/factbox/factbox/analysis"
)

func ExampleAnalyze() {
	text := "The cat sat on the mat. Notwithstanding considerable institutional opposition, " +
		"the administration systematically implemented comprehensive organizational restructuring."
	opts := analysis.DefaultOptions()
	opts.MinWords = 8 // short sentences can be hard too
	doc := analysis.Analyze(text, opts)
	fb := doc.FactBox
	fmt.Printf("Level %.3f, Tokens %d, Types %d, TTR %.3f\n", fb.Level, fb.Tokens, fb.Types, fb.TTR)
	for _, s := range doc.Sentences {
		fmt.Printf("%-9s %5.1f  %s\n", s.Difficulty, s.FactBox.Level, text[s.Span.Start:s.Span.End])
	}
	// Output:
	// Level 24.513, Tokens 17, Types 16, TTR 0.941
	// ok         -1.4  The cat sat on the mat.
	// very-hard  39.1  Notwithstanding considerable institutional opposition, the administration systematically implemented comprehensive organizational restructuring.
}

func ExampleStream() {
	text := "One short paragraph.\n\nAnother one, with two sentences. Here is the second."
	fb := analysis.Stream(text, analysis.DefaultOptions(), func(p *analysis.Paragraph, sentences []analysis.Sentence) {
		fmt.Printf("paragraph at %d: %d sentences, %d tokens\n", p.Span.Start, len(sentences), p.FactBox.Tokens)
	})
	fmt.Printf("document: %d tokens, %d types\n", fb.Tokens, fb.Types)
	// Output:
	// paragraph at 0: 1 sentences, 3 tokens
	// paragraph at 22: 2 sentences, 9 tokens
	// document: 12 tokens, 12 types
}

func ExampleDocument_SentenceAt() {
	text := "First sentence. Second sentence."
	doc := analysis.Analyze(text, analysis.DefaultOptions())
	i := doc.SentenceAt(20)
	s := doc.Sentences[i]
	fmt.Printf("sentence %d: %q, ended by %s\n", i, text[s.Span.Start:s.Span.End], s.Rule)
	// Output:
	// sentence 1: "Second sentence.", ended by terminal-punct
}
