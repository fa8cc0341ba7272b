package analysis

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// Position is a human-facing place in a text: a 1-based line and a 1-based
// column counted in Unicode code points (an invalid UTF-8 byte counts as one).
// Lines end at "\n", "\r\n" or a lone "\r". It is what the command line prints;
// the language server converts spans itself, in the encoding its client asked for.
type Position struct {
	Line, Column int
}

// IsValid reports whether p refers to a place (the zero Position does not).
func (p Position) IsValid() bool { return p.Line > 0 }

// lineTable is the start offset of every line of a text, built on first use.
type lineTable struct {
	once   sync.Once
	starts []int
}

func (t *lineTable) build(text string) []int {
	t.once.Do(func() {
		starts := make([]int, 1, 64)
		for i := 0; i < len(text); i++ {
			switch text[i] {
			case '\n':
				starts = append(starts, i+1)
			case '\r':
				if i+1 < len(text) && text[i+1] == '\n' {
					i++
				}
				starts = append(starts, i+1)
			}
		}
		t.starts = starts
	})
	return t.starts
}

// Position returns the line and column of the byte offset in d.Text. An offset
// inside a multi-byte character or a "\r\n" pair maps to the character it is in;
// offsets outside [0, len(d.Text)] return the zero Position.
func (d *Document) Position(offset int) Position {
	if offset < 0 || offset > len(d.Text) {
		return Position{}
	}
	if d.lines == nil {
		// A Document built by hand rather than by Analyze.
		d.lines = new(lineTable)
	}
	starts := d.lines.build(d.Text)
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > offset }) - 1
	start := starts[line]
	if offset > start && d.Text[offset-1] == '\r' && offset < len(d.Text) && d.Text[offset] == '\n' {
		offset-- // between \r and \n: still the line's end
	}
	for back := 0; back < utf8.UTFMax-1 && offset > start && offset < len(d.Text) && !utf8.RuneStart(d.Text[offset]); back++ {
		offset-- // inside a character: count it as the character it belongs to
	}
	col := 1 + utf8.RuneCountInString(d.Text[start:offset])
	return Position{Line: line + 1, Column: col}
}
