package main

import (
	"io"
	"strings"

	"github.com/factbox/factbox/analysis"
)

// jsonHint is one hint of a sentence in the JSON report. Suggestions are
// given for simpler alternatives only.
type jsonHint struct {
	Kind        string    `json:"kind"`
	Text        string    `json:"text"`
	Range       jsonRange `json:"range"`
	Suggestions []string  `json:"suggestions,omitempty"`
}

// noHints is the hints of a sentence without any: an empty array, not null.
var noHints = []jsonHint{}

// hintsJSON returns the hints of a sentence for the JSON report; pos gives
// the position of an offset.
func hintsJSON(text string, hs []analysis.Hint, pos func(int) jsonPosition) []jsonHint {
	if len(hs) == 0 {
		return noHints
	}
	out := make([]jsonHint, len(hs))
	for i, h := range hs {
		out[i] = jsonHint{
			Kind:        h.Kind.String(),
			Text:        strings.ToValidUTF8(text[h.Span.Start:h.Span.End], "\uFFFD"),
			Range:       jsonRange{pos(h.Span.Start), pos(h.Span.End)},
			Suggestions: h.Suggestions,
		}
	}
	return out
}

// hintWriter writes the hints of the text report, one a line:
//
//	name:line:col-line:col: simpler-alternative: “utilize” → use, employ
type hintWriter struct {
	name   string
	text   string
	cursor *analysis.Cursor // hints come in order of their starts
	line   []byte
}

func (hw *hintWriter) write(w io.Writer, hs []analysis.Hint) {
	for _, h := range hs {
		b := append(hw.line[:0], hw.name...)
		b = appendPosition(append(b, ':'), hw.cursor.Position(h.Span.Start))
		b = appendPosition(append(b, '-'), hw.cursor.Position(h.Span.End))
		b = append(b, ": "...)
		b = append(b, h.Kind.String()...)
		b = append(b, ": "...)
		b = appendExcerpt(b, hw.text[h.Span.Start:h.Span.End], 72)
		for i, s := range h.Suggestions {
			if i == 0 {
				b = append(b, " → "...)
			} else {
				b = append(b, ", "...)
			}
			b = append(b, s...)
		}
		b = append(b, '\n')
		w.Write(b)
		hw.line = b
	}
}
