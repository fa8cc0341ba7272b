// Package analysis turns the text of a document into readability facts: its
// paragraphs, sentences and word tokens, and the fact box of the whole document,
// of each paragraph and of each sentence. It knows nothing of editors or of the
// Language Server Protocol: every place it reports is a half-open span of byte
// offsets into the text it was given.
//
// # Usage
//
//	doc := analysis.Analyze(text, analysis.DefaultOptions())
//	fmt.Printf("Level %.3f, %d tokens, TTR %.3f\n", doc.FactBox.Level, doc.FactBox.Tokens, doc.FactBox.TTR)
//	for _, s := range doc.Sentences {
//		if s.Difficulty != analysis.OK {
//			fmt.Println(s.Difficulty, text[s.Span.Start:s.Span.End])
//		}
//	}
//
// # Pipeline
//
// Analyze runs four stages, each in its own file:
//
//   - Extract (extract*.go) finds the prose blocks of the document. Plain text
//     blocks are separated by blank lines. Markdown is parsed with goldmark; code,
//     HTML, URLs, tables and front matter are not prose.
//   - scanBlock (scan*.go) splits a block's prose into word tokens and sentences,
//     and records the rule that ended each sentence: terminal punctuation read
//     with the word before it (abbrev.go, starters.go), list markers, which
//     belong to no sentence (scan_lists.go), and line ends of plain text.
//   - CountSyllables (syllable*.go) counts the syllables of each distinct word
//     form, from a table generated from the CMU Pronouncing Dictionary and, for
//     words it lacks, from rules.
//   - The fact boxes (analyze.go) sum the counts and apply the formulas
//     (formula.go), which cite their sources.
//
// # Counting
//
// Tokens follow Penn Treebank conventions: a hyphenated compound is one token
// per part ("China-Laos" is two), a contraction or possessive ending is a token
// of its own ("don't" is "do" + "n't", "China's" is "China" + "'s"), numbers keep
// their separators ("700,000", "3.5"), and punctuation, symbols, URLs and e-mail
// addresses are not tokens. Types are the distinct token texts, with ’ read as
// ', and case kept ("The" and "the" are two forms). These are the conventions
// under which the reference document's stated fact box is reproduced.
//
// A sentence is hard when it has at least Options.MinWords tokens and a
// Flesch–Kincaid level at or above Options.HardLevel, and very hard at or above
// Options.VeryHardLevel.
//
// # Showing results
//
// FormatGrade shows a grade rounded toward its own side of each threshold, so
// that no shown grade reads as a tier it does not reach (13.984 is "13.9" when
// very hard starts at 14). ShownText and Visible give a sentence as a reader
// of the rendered document sees it, for excerpts: inline code keeps its text,
// link and emphasis markup is dropped.
//
// # Reuse
//
// Reanalyze gives the same result as Analyze but copies the paragraphs that an
// edit left alone from the previous analysis, so a language server can keep
// large documents up to date on every keystroke.
package analysis
