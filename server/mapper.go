package server

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Encoding is the unit in which an LSP Position counts characters within a line.
type Encoding int

const (
	// UTF16 counts UTF-16 code units, the LSP default: 😀 and 𐐀 count 2, é counts 1.
	UTF16 Encoding = iota
	// UTF8 counts bytes; a client offers it in general.positionEncodings (LSP 3.17).
	UTF8
	// UTF32 counts Unicode code points.
	UTF32
)

// String returns the encoding's name as LSP 3.17 spells it: "utf-16", "utf-8" or "utf-32".
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	}
	return "utf-16"
}

// ParseEncoding returns the encoding named by an LSP 3.17 PositionEncodingKind.
func ParseEncoding(name string) (Encoding, bool) {
	switch name {
	case "utf-16":
		return UTF16, true
	case "utf-8":
		return UTF8, true
	case "utf-32":
		return UTF32, true
	}
	return UTF16, false
}

var (
	// ErrLineOutOfRange is returned for a position on a line the document does not have.
	ErrLineOutOfRange = errors.New("line out of range")
	// ErrMidCharacter is returned for a position or offset that falls inside a
	// character, such as between the two UTF-16 code units of 😀.
	ErrMidCharacter = errors.New("position inside a character")
	// ErrOffsetOutOfRange is returned for a byte offset outside [0, len(text)].
	ErrOffsetOutOfRange = errors.New("offset out of range")
	// ErrReversedRange is returned for a range whose end comes before its start.
	ErrReversedRange = errors.New("range end before start")
)

// Mapper converts between byte offsets into a text and LSP positions in one
// encoding. It is the only place in package server that does position arithmetic.
//
// Lines end at "\n", "\r\n" or "\r", as LSP defines them; a text ending in a
// line break has one more, empty, line after it. The table of line starts is
// built on first use, so a Mapper for a document nobody asks about costs nothing.
// A Mapper is safe for concurrent use.
//
// Bytes that are not valid UTF-8 count as one unit each in every encoding
// (a client would see U+FFFD, which is one unit in UTF-16 too).
type Mapper struct {
	enc  Encoding
	size int // the text's length in bytes

	// The text is text, or, for a mapper that withEdit derived, pieces
	// until Text copies them out into text (see maxPieces).
	text     string
	pieces   pieces
	textOnce sync.Once
	textDone atomic.Bool // text holds the pieces' text

	once  sync.Once
	lines []int  // lines[i] is the byte offset at which line i starts
	ascii []bool // ascii[i] is whether line i is all ASCII, so that every encoding counts bytes
}

// NewMapper returns a mapper over text counting characters in enc.
func NewMapper(text string, enc Encoding) *Mapper {
	return &Mapper{text: text, size: len(text), enc: enc}
}

// Text returns the text m maps. A mapper that withEdit derived copies its
// pieces out on the first call.
func (m *Mapper) Text() string {
	if m.pieces.parts == nil {
		return m.text
	}
	m.textOnce.Do(func() {
		m.text = m.pieces.String()
		m.textDone.Store(true)
	})
	return m.text
}

// Len returns the length of the text in bytes.
func (m *Mapper) Len() int { return m.size }

// whole reports whether m.text holds the text: it was given whole, or Text
// has copied the pieces out.
func (m *Mapper) whole() bool { return m.pieces.parts == nil || m.textDone.Load() }

// slice returns the bytes [start, end) of the text, without copying the
// text out whole.
func (m *Mapper) slice(start, end int) string {
	if m.whole() {
		return m.text[start:end]
	}
	return m.pieces.slice(start, end)
}

// byteAt returns the byte at offset.
func (m *Mapper) byteAt(offset int) byte {
	if m.whole() {
		return m.text[offset]
	}
	return m.pieces.at(offset)
}

// Encoding returns the encoding m counts characters in.
func (m *Mapper) Encoding() Encoding { return m.enc }

func (m *Mapper) init() {
	m.once.Do(func() {
		text := m.Text()
		lines := make([]int, 1, 64)
		ascii := make([]bool, 0, 64)
		if strings.IndexByte(text, '\r') < 0 {
			// The common case: only LF. IndexByte and isASCII go a word at a time.
			for start := 0; ; {
				i := strings.IndexByte(text[start:], '\n')
				if i < 0 {
					ascii = append(ascii, analysis.IsASCII(text[start:]))
					break
				}
				ascii = append(ascii, analysis.IsASCII(text[start:start+i]))
				start += i + 1
				lines = append(lines, start)
			}
			m.lines, m.ascii = lines, ascii
			return
		}
		lineASCII := true
		for i := 0; i < len(text); i++ {
			switch c := text[i]; {
			case c == '\n':
				lines = append(lines, i+1)
				ascii = append(ascii, lineASCII)
				lineASCII = true
			case c == '\r':
				if i+1 < len(text) && text[i+1] == '\n' {
					i++
				}
				lines = append(lines, i+1)
				ascii = append(ascii, lineASCII)
				lineASCII = true
			case c >= utf8.RuneSelf:
				lineASCII = false
			}
		}
		m.lines, m.ascii = lines, append(ascii, lineASCII)
	})
}

// LineCount returns the number of lines in the text; it is at least 1.
func (m *Mapper) LineCount() int {
	m.init()
	return len(m.lines)
}

// lineBounds returns the byte offsets of the start of line and of its end,
// before the line break.
func (m *Mapper) lineBounds(line int) (start, end int) {
	start = m.lines[line]
	if line+1 == len(m.lines) {
		return start, m.size // the last line never has a line break
	}
	end = m.lines[line+1]
	if end > start && m.byteAt(end-1) == '\n' {
		end--
	}
	if end > start && m.byteAt(end-1) == '\r' {
		end--
	}
	return start, end
}

// width returns how many units of m's encoding a rune of size bytes takes.
func (m *Mapper) width(r rune, size int) int {
	switch {
	case r == utf8.RuneError && size == 1:
		return 1
	case m.enc == UTF8:
		return size
	case m.enc == UTF16 && r >= 0x10000:
		return 2
	}
	return 1
}

// PositionOffset returns the byte offset of p. A line past the last line is an
// error (ErrLineOutOfRange); a character past the end of its line means the end
// of the line, as LSP specifies ("If the character value is greater than the
// line length it defaults back to the line length"). A character inside a
// multi-unit character, such as the middle of a surrogate pair, is ErrMidCharacter.
func (m *Mapper) PositionOffset(p protocol.Position) (int, error) {
	m.init()
	if int64(p.Line) >= int64(len(m.lines)) {
		return 0, fmt.Errorf("%w: line %d of a document with %d lines", ErrLineOutOfRange, p.Line, len(m.lines))
	}
	return m.lineOffset(int(p.Line), int(p.Character))
}

// lineOffset returns the byte offset of the given character on line.
func (m *Mapper) lineOffset(line, character int) (int, error) {
	start, end := m.lineBounds(line)
	if m.ascii[line] {
		return min(start+character, end), nil
	}
	units := 0
	text := m.slice(start, end)
	for i := 0; i < len(text); {
		if units == character {
			return start + i, nil
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		w := m.width(r, size)
		if units+w > character {
			return 0, fmt.Errorf("%w: line %d, character %d", ErrMidCharacter, line, character)
		}
		units += w
		i += size
	}
	return end, nil
}

// ClampedPositionOffset is PositionOffset for the ends of an edit: a position
// past the last line means the end of the text, as editors built on VS Code's
// TextDocument do; it only fails inside a character.
func (m *Mapper) ClampedPositionOffset(p protocol.Position) (int, error) {
	m.init()
	if int64(p.Line) >= int64(len(m.lines)) {
		return m.size, nil
	}
	return m.lineOffset(int(p.Line), int(p.Character))
}

// OffsetPosition returns the position of a byte offset. An offset inside a
// "\r\n" line break is the end of its line; one inside a character is
// ErrMidCharacter; one outside [0, len(text)] is ErrOffsetOutOfRange.
func (m *Mapper) OffsetPosition(offset int) (protocol.Position, error) {
	if offset < 0 || offset > m.size {
		return protocol.Position{}, fmt.Errorf("%w: %d in a text of %d bytes", ErrOffsetOutOfRange, offset, m.size)
	}
	m.init()
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	start, end := m.lineBounds(line)
	offset = min(offset, end)
	if m.ascii[line] {
		return protocol.Position{Line: uint32(line), Character: uint32(offset - start)}, nil
	}
	units := 0
	text := m.slice(start, end)
	for i := 0; i < offset-start; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if start+i+size > offset {
			return protocol.Position{}, fmt.Errorf("%w: offset %d", ErrMidCharacter, offset)
		}
		units += m.width(r, size)
		i += size
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}, nil
}

// Cursor converts offsets to positions like Mapper.OffsetPosition, but
// remembers where the last conversion ended, so that converting ascending
// offsets on one long non-ASCII line costs one pass over the line rather
// than one pass per offset. A Cursor is not safe for concurrent use.
type Cursor struct {
	m     *Mapper
	line  int // line of the last conversion, or -1
	off   int // its offset
	units int // its character
}

// Cursor returns a new cursor over m.
func (m *Mapper) Cursor() *Cursor { return &Cursor{m: m, line: -1} }

// OffsetPosition is Mapper.OffsetPosition.
func (c *Cursor) OffsetPosition(offset int) (protocol.Position, error) {
	m := c.m
	m.init()
	if c.line < 0 || offset < c.off || m.ascii[c.line] ||
		(c.line+1 < len(m.lines) && offset >= m.lines[c.line+1]) {
		p, err := m.OffsetPosition(offset)
		if err == nil {
			c.line, c.off, c.units = int(p.Line), offset, int(p.Character)
			if _, end := m.lineBounds(c.line); offset > end {
				c.line = -1 // inside a line break: start afresh next time
			}
		}
		return p, err
	}
	_, end := m.lineBounds(c.line)
	target := min(offset, end)
	from := c.off
	text := m.slice(from, end)
	for c.off < target {
		r, size := utf8.DecodeRuneInString(text[c.off-from:])
		if c.off+size > target {
			return protocol.Position{}, fmt.Errorf("%w: offset %d", ErrMidCharacter, offset)
		}
		c.units += m.width(r, size)
		c.off += size
	}
	return protocol.Position{Line: uint32(c.line), Character: uint32(c.units)}, nil
}

// OffsetRange is Mapper.OffsetRange.
func (c *Cursor) OffsetRange(start, end int) (protocol.Range, error) {
	if end < start {
		return protocol.Range{}, fmt.Errorf("%w: offsets %d-%d", ErrReversedRange, start, end)
	}
	s, err := c.OffsetPosition(start)
	if err != nil {
		return protocol.Range{}, err
	}
	e, err := c.OffsetPosition(end)
	if err != nil {
		return protocol.Range{}, err
	}
	return protocol.Range{Start: s, End: e}, nil
}

// RangeOffsets returns the byte offsets of r's ends, with PositionOffset's rules.
// A range whose end comes before its start is ErrReversedRange.
func (m *Mapper) RangeOffsets(r protocol.Range) (start, end int, err error) {
	if start, err = m.PositionOffset(r.Start); err != nil {
		return 0, 0, err
	}
	if end, err = m.PositionOffset(r.End); err != nil {
		return 0, 0, err
	}
	if end < start {
		return 0, 0, fmt.Errorf("%w: %s", ErrReversedRange, formatRange(r))
	}
	return start, end, nil
}

// OffsetRange returns the range of the byte offsets [start, end).
func (m *Mapper) OffsetRange(start, end int) (protocol.Range, error) {
	if end < start {
		return protocol.Range{}, fmt.Errorf("%w: offsets %d-%d", ErrReversedRange, start, end)
	}
	s, err := m.OffsetPosition(start)
	if err != nil {
		return protocol.Range{}, err
	}
	e, err := m.OffsetPosition(end)
	if err != nil {
		return protocol.Range{}, err
	}
	return protocol.Range{Start: s, End: e}, nil
}

// formatRange formats r as line:character-line:character, zero-based.
func formatRange(r protocol.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character)
}
