package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/server"
)

// reporter writes check's report in one --format. check calls file or
// fileError once for each file, in order, then close once.
type reporter interface {
	// file reports on one document and returns what it found.
	file(name, text string, opts analysis.Options) tally
	// fileError reports a file that could not be read.
	fileError(name string, err error)
	// close finishes the report; sum covers every file.
	close(sum *summary)
}

// formats are the values of --format, each with the reporter that writes it.
var formats = map[string]func(w io.Writer, opts analysis.Options) reporter{
	"text":       func(w io.Writer, _ analysis.Options) reporter { return &textReporter{w: w} },
	"json":       newJSONReporter,
	"github":     newGitHubReporter,
	"sarif":      newSARIFReporter,
	"rdjson":     newRDJSONReporter,
	"checkstyle": newCheckstyleReporter,
}

// formatNames lists the values of --format for help and error messages.
func formatNames() string {
	// text and json first, then the CI formats sorted.
	ci := slices.DeleteFunc(slices.Sorted(maps.Keys(formats)), func(n string) bool { return n == "text" || n == "json" })
	names := append([]string{"text", "json"}, ci...)
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// tally counts the sentences of one file, or of all files.
type tally struct {
	sentences, hard, veryHard int
}

// flag counts s when it is flagged (hard or very hard, and not ignored by a
// directive) and returns the threshold it reached; ok is false otherwise.
func (t *tally) flag(s *analysis.Sentence, opts analysis.Options) (threshold float64, ok bool) {
	if !s.Flagged() {
		return 0, false
	}
	if s.Difficulty == analysis.VeryHard {
		t.veryHard++
		return opts.VeryHardLevel, true
	}
	t.hard++
	return opts.HardLevel, true
}

// worst returns the highest difficulty counted.
func (t tally) worst() analysis.Difficulty {
	switch {
	case t.veryHard > 0:
		return analysis.VeryHard
	case t.hard > 0:
		return analysis.Hard
	}
	return analysis.OK
}

// atLeast counts the sentences at difficulty d or above.
func (t tally) atLeast(d analysis.Difficulty) int {
	switch d {
	case analysis.VeryHard:
		return t.veryHard
	case analysis.Hard:
		return t.hard + t.veryHard
	}
	return t.sentences
}

// summary adds up the files of one check run.
type summary struct {
	files, unreadable int
	total             tally
	worst             []fileTally // the files with hard sentences, worst first once sorted
}

type fileTally struct {
	name string
	tally
}

// add counts one file.
func (s *summary) add(name string, t tally) {
	s.files++
	s.total.sentences += t.sentences
	s.total.hard += t.hard
	s.total.veryHard += t.veryHard
	if t.hard+t.veryHard > 0 {
		s.worst = append(s.worst, fileTally{name, t})
	}
}

// worstShown is how many of the worst files the summary line names.
const worstShown = 3

// line returns the summary line, for example:
//
//	3 files · 52 sentences · 4 very hard · 2 hard · worst: docs/a.md (3 very hard, 1 hard), docs/b.md (1 very hard, 1 hard)
func (s *summary) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s · %d very hard · %d hard", plural(s.files, "file"), plural(s.total.sentences, "sentence"), s.total.veryHard, s.total.hard)
	if s.unreadable > 0 {
		fmt.Fprintf(&b, " · %d not read", s.unreadable)
	}
	slices.SortStableFunc(s.worst, func(a, b fileTally) int {
		return cmp.Or(cmp.Compare(b.veryHard, a.veryHard), cmp.Compare(b.hard, a.hard))
	})
	for i, f := range s.worst[:min(len(s.worst), worstShown)] {
		if i == 0 {
			b.WriteString(" · worst: ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%d very hard, %d hard)", displayName(f.name), f.veryHard, f.hard)
	}
	return b.String()
}

// failReason explains a --fail-on failure, for example
// "2 very hard sentences (--fail-on very-hard)".
func failReason(t tally, failOn analysis.Difficulty) string {
	n := t.atLeast(failOn)
	what := "very hard"
	if failOn == analysis.Hard {
		what = "hard or very hard"
	}
	return fmt.Sprintf("%d %s %s (--fail-on %s)", n, what, pluralWord(n, "sentence"), failOn)
}

// plural returns n and word, in the plural unless n is 1: "2 files".
func plural(n int, word string) string { return strconv.Itoa(n) + " " + pluralWord(n, word) }

// pluralWord returns word, with an s unless n is 1.
func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// textReporter writes the human report: each file as writeText does, a blank
// line between files, and a summary line when there is more than one file.
type textReporter struct {
	w     io.Writer
	count int
	// stdinNote says, before standard input's report, how it was read
	// (writeStdinMarkup): --markup was left to auto.
	stdinNote bool
	// hints lists each file's hints (--hints).
	hints bool
}

func (r *textReporter) file(name, text string, opts analysis.Options) tally {
	if r.count > 0 {
		fmt.Fprintln(r.w)
	}
	r.count++
	if name == "-" && r.stdinNote {
		writeStdinMarkup(r.w)
	}
	return writeText(r.w, name, text, opts, r.hints)
}

func (r *textReporter) fileError(string, error) {}

func (r *textReporter) close(sum *summary) {
	if sum.files+sum.unreadable > 1 {
		fmt.Fprintf(r.w, "\n%s\n", sum.line())
	}
}

// jsonReporter writes the JSON report through a jsonStream.
type jsonReporter struct{ js *jsonStream }

func newJSONReporter(w io.Writer, opts analysis.Options) reporter {
	return &jsonReporter{newJSONStream(w, jsonOptions{HardLevel: opts.HardLevel, VeryHardLevel: opts.VeryHardLevel, MinWords: opts.MinWords})}
}

func (r *jsonReporter) file(name, text string, opts analysis.Options) tally {
	jf, t := fileJSON(name, text, opts)
	r.js.file(jf)
	return t
}

func (r *jsonReporter) fileError(name string, err error) {
	r.js.file(jsonFile{File: name, Error: err.Error()})
}

func (r *jsonReporter) close(*summary) { r.js.close() }

// finding is one hard or very hard sentence, as the CI formats report it.
type finding struct {
	difficulty analysis.Difficulty
	start, end analysis.Position // columns in characters; end is just past the sentence
	// startByte and endByte are the 1-based columns of start and end counted
	// in bytes of UTF-8, as rdjson wants them.
	startByte, endByte int
	level              float64
	words              int
	threshold          float64
}

// pick returns hard or veryHard, by the finding's difficulty: a format's
// name for its severity.
func (f *finding) pick(hard, veryHard string) string {
	if f.difficulty == analysis.VeryHard {
		return veryHard
	}
	return hard
}

// code returns the finding's rule: the diagnostic code the server uses too.
func (f *finding) code() string { return f.pick(server.CodeHardSentence, server.CodeVeryHardSentence) }

// message explains the finding, for example
// "Very hard to read: grade 24.3 (very hard from 14) · 48 words". The grade
// never reads as a tier it does not reach (analysis.FormatGrade).
func (f *finding) message(opts analysis.Options) string {
	what, from := "Hard to read", "hard from"
	if f.difficulty == analysis.VeryHard {
		what, from = "Very hard to read", "very hard from"
	}
	return fmt.Sprintf("%s: grade %s (%s %s) · %d words", what, analysis.FormatGrade(f.level, 1, opts), from, strconv.FormatFloat(f.threshold, 'f', -1, 64), f.words)
}

// findings returns the hard and very hard sentences of one document, in
// order, and its tally.
func findings(text string, opts analysis.Options) ([]finding, tally) {
	cursor := analysis.NewLines(text).Cursor() // sentences come in order
	bytes := byteCursor{text: text}
	var found []finding
	var t tally
	analysis.Stream(text, opts, func(_ *analysis.Paragraph, sents []analysis.Sentence) {
		t.sentences += len(sents)
		for i := range sents {
			s := &sents[i]
			threshold, ok := t.flag(s, opts)
			if !ok {
				continue // easy, or ignored by a directive
			}
			f := finding{difficulty: s.Difficulty, level: s.FactBox.Level, words: s.FactBox.Tokens, threshold: threshold}
			f.start, f.startByte = cursor.Position(s.Span.Start), bytes.column(s.Span.Start)
			f.end, f.endByte = cursor.Position(s.Span.End), bytes.column(s.Span.End)
			found = append(found, f)
		}
	})
	return found, t
}

// byteCursor finds 1-based columns counted in bytes, walking a text forward
// as analysis.Cursor does: each call scans only the bytes since the one before.
type byteCursor struct {
	text      string
	off       int // of the call before
	lineStart int // of the line off is on
}

// column returns the column of offset off, in bytes: one more than the bytes
// between the start of its line and off. Lines end as analysis.Lines says.
func (c *byteCursor) column(off int) int {
	if off < c.off {
		c.off, c.lineStart = 0, 0
	}
	if i := strings.LastIndexAny(c.text[c.off:off], "\n\r"); i >= 0 {
		c.lineStart = c.off + i + 1
	}
	c.off = off
	if off == c.lineStart && off > 0 && c.text[off-1] == '\r' && off < len(c.text) && c.text[off] == '\n' {
		// Between "\r" and "\n": still the end of the line before, at the "\r".
		return off - 1 - (strings.LastIndexAny(c.text[:off-1], "\n\r") + 1) + 1
	}
	return off - c.lineStart + 1
}
