package server

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// mapperText has a CRLF, a tab, é, 😀 and a lone CR on line 1, 𐐀 on line 2,
// CJK on line 3, and ends in a line break, so line 4 is empty.
//
//	line 0 "a\tb"     bytes 0-2,  CRLF 3-4
//	line 1 "cé😀d"    bytes 5-12, CR 13
//	line 2 "𐐀"       bytes 14-17, LF 18
//	line 3 "中文"      bytes 19-24, LF 25
//	line 4 ""         byte 26 = len
const mapperText = "a\tb\r\ncé😀d\r𐐀\n中文\n"

func pos(line, character uint32) protocol.Position {
	return protocol.Position{Line: line, Character: character}
}

func TestMapper(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		enc    Encoding
		pos    protocol.Position
		offset int
		// oneWay marks a position that does not come back from its offset
		// (a clamped character).
		oneWay bool
		err    error
	}{
		{name: "start", text: mapperText, pos: pos(0, 0), offset: 0},
		{name: "after tab", text: mapperText, pos: pos(0, 2), offset: 2},
		{name: "end of line before CRLF", text: mapperText, pos: pos(0, 3), offset: 3},
		{name: "past end of line clamps", text: mapperText, pos: pos(0, 9), offset: 3, oneWay: true},
		{name: "line after CRLF", text: mapperText, pos: pos(1, 0), offset: 5},
		{name: "after é", text: mapperText, pos: pos(1, 2), offset: 8},
		{name: "inside 😀", text: mapperText, pos: pos(1, 3), err: ErrMidCharacter},
		{name: "after 😀", text: mapperText, pos: pos(1, 4), offset: 12},
		{name: "end of line before lone CR", text: mapperText, pos: pos(1, 5), offset: 13},
		{name: "line after lone CR", text: mapperText, pos: pos(2, 0), offset: 14},
		{name: "inside 𐐀", text: mapperText, pos: pos(2, 1), err: ErrMidCharacter},
		{name: "after 𐐀", text: mapperText, pos: pos(2, 2), offset: 18},
		{name: "CJK", text: mapperText, pos: pos(3, 1), offset: 22},
		{name: "empty last line", text: mapperText, pos: pos(4, 0), offset: 26},
		{name: "past last line", text: mapperText, pos: pos(5, 0), err: ErrLineOutOfRange},

		{name: "utf-8 after é", text: mapperText, enc: UTF8, pos: pos(1, 3), offset: 8},
		{name: "utf-8 inside é", text: mapperText, enc: UTF8, pos: pos(1, 2), err: ErrMidCharacter},
		{name: "utf-8 after 😀", text: mapperText, enc: UTF8, pos: pos(1, 7), offset: 12},
		{name: "utf-8 inside 😀", text: mapperText, enc: UTF8, pos: pos(1, 5), err: ErrMidCharacter},
		{name: "utf-8 after 𐐀", text: mapperText, enc: UTF8, pos: pos(2, 4), offset: 18},
		{name: "utf-8 CJK", text: mapperText, enc: UTF8, pos: pos(3, 3), offset: 22},
		{name: "utf-32 after 😀", text: mapperText, enc: UTF32, pos: pos(1, 3), offset: 12},
		{name: "utf-32 after 𐐀", text: mapperText, enc: UTF32, pos: pos(2, 1), offset: 18},

		{name: "empty document", text: "", pos: pos(0, 0), offset: 0},
		{name: "empty document past end of line", text: "", pos: pos(0, 4), offset: 0, oneWay: true},
		{name: "empty document second line", text: "", pos: pos(1, 0), err: ErrLineOutOfRange},
		{name: "ascii", text: "ab\r\ncd", pos: pos(1, 1), offset: 5},
		{name: "ascii past end", text: "ab\r\ncd", pos: pos(1, 7), offset: 6, oneWay: true},
		{name: "only CRLF", text: "\r\n", pos: pos(1, 0), offset: 2},
		// Regression: a lone CR at the very end starts an empty last line.
		{name: "final lone CR", text: "x\r", pos: pos(1, 0), offset: 2},
		{name: "invalid UTF-8 counts one unit", text: "a\xffb", pos: pos(0, 2), offset: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMapper(tt.text, tt.enc)
			got, err := m.PositionOffset(tt.pos)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("PositionOffset(%v) = %d, %v; want error %v", tt.pos, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.offset {
				t.Fatalf("PositionOffset(%v) = %d, %v; want %d", tt.pos, got, err, tt.offset)
			}
			if tt.oneWay {
				return
			}
			back, err := m.OffsetPosition(tt.offset)
			if err != nil || back != tt.pos {
				t.Errorf("OffsetPosition(%d) = %v, %v; want %v", tt.offset, back, err, tt.pos)
			}
		})
	}
}

func TestMapperOffsetErrors(t *testing.T) {
	tests := []struct {
		name   string
		offset int
		want   protocol.Position
		err    error
	}{
		{name: "negative", offset: -1, err: ErrOffsetOutOfRange},
		{name: "past end", offset: len(mapperText) + 1, err: ErrOffsetOutOfRange},
		{name: "inside é", offset: 7, err: ErrMidCharacter},
		{name: "inside 😀", offset: 10, err: ErrMidCharacter},
		{name: "between CR and LF is end of line", offset: 4, want: pos(0, 3)},
	}
	m := NewMapper(mapperText, UTF16)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := m.OffsetPosition(tt.offset)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("OffsetPosition(%d) = %v, %v; want error %v", tt.offset, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("OffsetPosition(%d) = %v, %v; want %v", tt.offset, got, err, tt.want)
			}
		})
	}
}

func TestCursor(t *testing.T) {
	m := NewMapper(mapperText, UTF16)
	c := m.Cursor()
	// Ascending, with a step back, a step into a CRLF and one inside 😀.
	for _, off := range []int{0, 2, 4, 5, 8, 12, 6, 8, 13, 14, 18, 22, 26} {
		want, werr := m.OffsetPosition(off)
		got, err := c.OffsetPosition(off)
		if got != want || (err == nil) != (werr == nil) {
			t.Fatalf("Cursor.OffsetPosition(%d) = %v, %v; Mapper says %v, %v", off, got, err, want, werr)
		}
	}
	if _, err := m.Cursor().OffsetPosition(10); !errors.Is(err, ErrMidCharacter) {
		t.Fatalf("inside 😀: err = %v", err)
	}
	c = m.Cursor()
	c.OffsetPosition(5)
	if _, err := c.OffsetPosition(10); !errors.Is(err, ErrMidCharacter) {
		t.Fatalf("inside 😀 after a conversion on its line: err = %v", err)
	}
}

func TestMapperRanges(t *testing.T) {
	m := NewMapper(mapperText, UTF16)
	if _, _, err := m.RangeOffsets(protocol.Range{Start: pos(1, 4), End: pos(1, 2)}); !errors.Is(err, ErrReversedRange) {
		t.Errorf("reversed range: err = %v, want ErrReversedRange", err)
	}
	start, end, err := m.RangeOffsets(protocol.Range{Start: pos(1, 2), End: pos(2, 2)})
	if err != nil || start != 8 || end != 18 {
		t.Errorf("RangeOffsets = %d, %d, %v; want 8, 18", start, end, err)
	}
	r, err := m.OffsetRange(8, 18)
	if err != nil || r != (protocol.Range{Start: pos(1, 2), End: pos(2, 2)}) {
		t.Errorf("OffsetRange(8, 18) = %v, %v", r, err)
	}
	if off, err := m.ClampedPositionOffset(pos(99, 3)); err != nil || off != len(mapperText) {
		t.Errorf("ClampedPositionOffset past the end = %d, %v; want %d", off, err, len(mapperText))
	}
	if m.LineCount() != 5 {
		t.Errorf("LineCount = %d, want 5", m.LineCount())
	}
}

// refLine is one line of a reference document: its runes and where each starts.
type refLine struct {
	starts []int // byte offset of each rune, then of the line's end
	runes  []rune
	sizes  []int
}

// refLines splits text into lines the slow way, rune by rune.
func refLines(text string) []refLine {
	lines := []refLine{{}}
	cur := &lines[0]
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' {
			cur.starts = append(cur.starts, i)
			if r == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				size = 2
			}
			lines = append(lines, refLine{})
			cur = &lines[len(lines)-1]
			i += size
			continue
		}
		cur.starts = append(cur.starts, i)
		cur.runes = append(cur.runes, r)
		cur.sizes = append(cur.sizes, size)
		i += size
	}
	cur.starts = append(cur.starts, len(text))
	return lines
}

// refUnits returns how many units a rune takes in enc, by the standard library.
func refUnits(r rune, size int, enc Encoding) int {
	if r == utf8.RuneError && size == 1 {
		return 1
	}
	switch enc {
	case UTF8:
		return size
	case UTF16:
		return len(utf16.Encode([]rune{r}))
	}
	return 1
}

// FuzzMapper checks every rune boundary of a text against the reference
// split: OffsetPosition agrees with it and PositionOffset takes it back.
func FuzzMapper(f *testing.F) {
	for _, s := range []string{mapperText, "", "ab\r\ncd", "\r\n", "x\r", "a\xffb", "\r\r\n\n", "😀😀\r\n𐐀"} {
		for enc := range 3 {
			f.Add(s, uint8(enc))
		}
	}
	f.Fuzz(func(t *testing.T, text string, enc uint8) {
		e := Encoding(enc % 3)
		m := NewMapper(text, e)
		lines := refLines(text)
		cursor := m.Cursor()
		if m.LineCount() != len(lines) {
			t.Fatalf("LineCount = %d, reference %d", m.LineCount(), len(lines))
		}
		for li, line := range lines {
			units := 0
			for ri, start := range line.starts {
				want := pos(uint32(li), uint32(units))
				got, err := m.OffsetPosition(start)
				if err != nil || got != want {
					t.Fatalf("OffsetPosition(%d) = %v, %v; want %v", start, got, err, want)
				}
				if got, err := cursor.OffsetPosition(start); err != nil || got != want {
					t.Fatalf("Cursor.OffsetPosition(%d) = %v, %v; want %v", start, got, err, want)
				}
				off, err := m.PositionOffset(want)
				if err != nil || off != start {
					t.Fatalf("PositionOffset(%v) = %d, %v; want %d", want, off, err, start)
				}
				if ri < len(line.runes) {
					w := refUnits(line.runes[ri], line.sizes[ri], e)
					if w > 1 {
						if _, err := m.PositionOffset(pos(uint32(li), uint32(units+1))); !errors.Is(err, ErrMidCharacter) {
							t.Fatalf("position inside rune %q: err = %v", line.runes[ri], err)
						}
					}
					units += w
				}
			}
			if off, err := m.PositionOffset(pos(uint32(li), uint32(units+5))); err != nil || off != line.starts[len(line.starts)-1] {
				t.Fatalf("past end of line %d: %d, %v", li, off, err)
			}
		}
		if _, err := m.PositionOffset(pos(uint32(len(lines)), 0)); !errors.Is(err, ErrLineOutOfRange) {
			t.Fatalf("line past the end: err = %v", err)
		}
	})
}

func ExampleMapper() {
	m := NewMapper("Naïve 😀 text\r\nsecond line", UTF16)
	p, _ := m.OffsetPosition(len("Naïve 😀 "))
	fmt.Println(p.Line, p.Character)
	off, _ := m.PositionOffset(pos(1, 7))
	fmt.Println(off, len("Naïve 😀 text\r\nsecond "))
	// Output:
	// 0 9
	// 25 25
}

var sinkOffset int

func BenchmarkMapperPositionOffset(b *testing.B) {
	text := ""
	for range 2000 {
		text += "A line of text with é and 😀 in it, long enough to matter.\n"
	}
	m := NewMapper(text, UTF16)
	for i := 0; b.Loop(); i++ {
		off, _ := m.PositionOffset(pos(uint32(i%2000), 40))
		sinkOffset += off
	}
}

// FuzzMapperWithEdit checks that a mapper derived through edits has the
// text and the tables of a mapper built from the new text, and maps every
// offset as that one does: after one edit, after a second on top of it, and
// after so many that the pieces are copied out (maxPieces).
func FuzzMapperWithEdit(f *testing.F) {
	for _, tt := range []struct {
		text, insert string
		start, end   int
	}{
		{"ab\r\ncd", "\n", 3, 3}, {"ab\r\ncd", "x", 2, 3}, {"a\rb", "\n", 2, 2}, {"é\n😀\nx", "中\r", 0, 3},
		{"one\n\ntwo\r\nthree", "", 4, 9}, {"", "a\nb", 0, 0}, {"x\r", "\n", 2, 2}, {mapperText, "𐐀\r\n", 5, 20},
	} {
		f.Add(tt.text, uint16(tt.start), uint16(tt.end-tt.start), tt.insert)
	}
	f.Fuzz(func(t *testing.T, text string, at, n uint16, insert string) {
		check := func(got *Mapper, want string) {
			t.Helper()
			w := NewMapper(want, UTF16)
			w.init()
			if !slices.Equal(got.lines, w.lines) || !slices.Equal(got.ascii, w.ascii) {
				t.Fatalf("%q: lines %v ascii %v, want %v %v", want, got.lines, got.ascii, w.lines, w.ascii)
			}
			if got.Len() != len(want) {
				t.Fatalf("%q: Len %d", want, got.Len())
			}
			for off := 0; off <= len(want); off++ {
				gp, gerr := got.OffsetPosition(off)
				wp, werr := w.OffsetPosition(off)
				if gp != wp || (gerr == nil) != (werr == nil) {
					t.Fatalf("%q: OffsetPosition(%d) = %v, %v, want %v, %v", want, off, gp, gerr, wp, werr)
				}
				if werr == nil {
					go1, gerr := got.PositionOffset(wp)
					wo, werr := w.PositionOffset(wp)
					if go1 != wo || (gerr == nil) != (werr == nil) {
						t.Fatalf("%q: PositionOffset(%v) = %d, %v, want %d, %v", want, wp, go1, gerr, wo, werr)
					}
				}
			}
			if got.Text() != want {
				t.Fatalf("Text() = %q, want %q", got.Text(), want)
			}
		}
		start := int(at) % (len(text) + 1)
		end := start + int(n)%(len(text)-start+1)
		after := text[:start] + insert + text[end:]
		first := NewMapper(text, UTF16).withEdit(textEdit{start, end, start + len(insert)}, insert)
		// A second edit on a mapper whose text is still in pieces.
		s2 := (start + len(insert)/2) % (len(after) + 1)
		e2 := s2 + min(1, len(after)-s2)
		after2 := after[:s2] + "y\n" + after[e2:]
		second := first.withEdit(textEdit{s2, e2, s2 + 2}, "y\n")
		check(first, after)
		check(second, after2)
		// Edits enough to copy the pieces out on the way.
		m, want := NewMapper(text, UTF16), text
		for i := 0; i < maxPieces+3; i++ {
			at := (int(at) + 7*i) % (len(want) + 1)
			m, want = m.withEdit(textEdit{at, at, at + 1}, "z"), want[:at]+"z"+want[at:]
		}
		check(m, want)
	})
}
