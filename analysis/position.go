package analysis

import (
	"sort"
	"strings"
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

// Lines finds the Position of byte offsets in one text. It holds the start of
// every line; NewLines finds them in one pass.
type Lines struct {
	text   string
	starts []int
	// ascii[i] is whether line i, with its line break, is all ASCII, so
	// that its columns are byte counts.
	ascii []bool
}

// NewLines indexes the lines of text.
func NewLines(text string) *Lines {
	starts := make([]int, 1, 64)
	if !strings.Contains(text, "\r") {
		// Only "\n" ends lines: let IndexByte skip through them.
		for i := 0; ; {
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		return newLines(text, starts)
	}
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
	return newLines(text, starts)
}

func newLines(text string, starts []int) *Lines {
	ascii := make([]bool, len(starts))
	for i, start := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		ascii[i] = IsASCII(text[start:end])
	}
	return &Lines{text, starts, ascii}
}

// IsASCII reports whether s is all ASCII, eight bytes at a time: a line
// that is counts its columns in bytes, in every encoding (the language
// server's position mapper uses it too).
func IsASCII(s string) bool {
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if v&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Position returns the line and column of a byte offset. An offset inside a
// multi-byte character or a "\r\n" pair maps to the character it is in; an
// offset at a stray continuation byte (invalid UTF-8) is that byte's own
// column. Offsets outside [0, len(text)] return the zero Position.
func (l *Lines) Position(offset int) Position {
	text := l.text
	if offset < 0 || offset > len(text) {
		return Position{}
	}
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	start := l.starts[line]
	if offset > start && text[offset-1] == '\r' && offset < len(text) && text[offset] == '\n' {
		offset-- // between \r and \n: still the line's end
	}
	if l.ascii[line] {
		return Position{Line: line + 1, Column: 1 + offset - start}
	}
	if offset > start && offset < len(text) && !utf8.RuneStart(text[offset]) {
		// Inside a character: count it as the character it belongs to. A
		// continuation byte that no valid encoding covers is a character
		// of its own.
		for s := offset - 1; s >= max(start, offset-(utf8.UTFMax-1)); s-- {
			if utf8.RuneStart(text[s]) {
				if _, size := utf8.DecodeRuneInString(text[s:]); s+size > offset {
					offset = s
				}
				break
			}
		}
	}
	return Position{Line: line + 1, Column: 1 + utf8.RuneCountInString(text[start:offset])}
}

// PositionAfter returns the Position of offset given that of another
// offset, prev at prevOffset, counting only the characters between the two
// when they share a line. It is how a caller walking through a text avoids
// counting each long line again from its start; a step back within the line
// (from the end of one hint to the start of the next, which overlaps it) is
// as cheap as a step forward.
func (l *Lines) PositionAfter(prev Position, prevOffset, offset int) Position {
	if !prev.IsValid() || offset > len(l.text) || offset < 0 || prevOffset < 0 || prevOffset > len(l.text) ||
		prev.Line > len(l.starts) ||
		offset < len(l.text) && !utf8.RuneStart(l.text[offset]) || prevOffset < len(l.text) && !utf8.RuneStart(l.text[prevOffset]) ||
		offset > 0 && l.text[offset-1] == '\r' {
		return l.Position(offset)
	}
	if offset >= prevOffset {
		if prev.Line < len(l.starts) && offset >= l.starts[prev.Line] {
			return l.Position(offset) // on a later line
		}
		if l.ascii[prev.Line-1] {
			return Position{Line: prev.Line, Column: prev.Column + offset - prevOffset}
		}
		return Position{Line: prev.Line, Column: prev.Column + utf8.RuneCountInString(l.text[prevOffset:offset])}
	}
	if offset < l.starts[prev.Line-1] || l.text[prevOffset-1] == '\r' {
		// On an earlier line, or back from between \r and \n, whose
		// Position is that of the \r.
		return l.Position(offset)
	}
	// Both offsets start a character (or are the end), so the characters
	// of the line before offset and those between the two add up.
	return Position{Line: prev.Line, Column: prev.Column - utf8.RuneCountInString(l.text[offset:prevOffset])}
}

// Cursor walks a text forward: it gives the Position of each offset it is
// asked for, counting only the characters since the offset before when the
// two share a line. An offset before the one before is found from scratch.
type Cursor struct {
	lines  *Lines
	pos    Position // of offset; the zero Position before the first call
	offset int
}

// Cursor returns a Cursor at the start of the text.
func (l *Lines) Cursor() *Cursor { return &Cursor{lines: l} }

// Position returns the Position of offset and moves the cursor there.
func (c *Cursor) Position(offset int) Position {
	c.pos, c.offset = c.lines.PositionAfter(c.pos, c.offset, offset), offset
	return c.pos
}

// lineTable builds the Lines of a document on first use.
type lineTable struct {
	once  sync.Once
	lines *Lines
}

// Position returns the line and column of the byte offset in d.Text; see
// Lines.Position.
func (d *Document) Position(offset int) Position {
	if d.lines == nil {
		// A Document built by hand rather than by Analyze.
		return NewLines(d.Text).Position(offset)
	}
	d.lines.once.Do(func() { d.lines.lines = NewLines(d.Text) })
	return d.lines.lines.Position(offset)
}
