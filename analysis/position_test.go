package analysis

import "testing"

// TestPositionInvalidUTF8 pins the columns of offsets at invalid bytes: each
// invalid byte is a character of its own, even a continuation byte, which
// belongs to the character before it only when that one's encoding covers it.
func TestPositionInvalidUTF8(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		offset int
		want   Position
	}{
		// FuzzCheck found a sentence at a stray \xbe reported one column early.
		{name: "stray continuation byte after a space", text: " \xbe000", offset: 1, want: Position{1, 2}},
		{name: "stray continuation byte after a character", text: "é\xbe", offset: 2, want: Position{1, 2}},
		{name: "after a stray continuation byte", text: " \xbe000", offset: 2, want: Position{1, 3}},
		{name: "four stray continuation bytes", text: "\x80\x80\x80\x80x", offset: 3, want: Position{1, 4}},
		{name: "truncated sequence", text: "a\xe2\x82 b", offset: 2, want: Position{1, 3}},
		{name: "inside a valid character", text: "a€", offset: 3, want: Position{1, 2}},
		{name: "continuation byte past a valid character", text: "a€\x82", offset: 4, want: Position{1, 3}},
		{name: "stray continuation byte on a second line", text: "x\r\n\xbe", offset: 3, want: Position{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLines(tt.text)
			if got := l.Position(tt.offset); got != tt.want {
				t.Errorf("Position(%q, %d) = %v, want %v", tt.text, tt.offset, got, tt.want)
			}
			for from := 0; from <= len(tt.text); from++ {
				if got := l.PositionAfter(l.Position(from), from, tt.offset); got != tt.want {
					t.Errorf("PositionAfter(%q, %d → %d) = %v, want %v", tt.text, from, tt.offset, got, tt.want)
				}
			}
		})
	}
}

func TestPosition(t *testing.T) {
	text := "ab\r\ncé😀d\rx\n\nend"
	d := Analyze(text, DefaultOptions())
	tests := []struct {
		offset int
		want   Position
	}{
		{0, Position{1, 1}},
		{2, Position{1, 3}},
		{3, Position{1, 3}}, // between \r and \n
		{4, Position{2, 1}},
		{5, Position{2, 2}},  // é
		{6, Position{2, 2}},  // inside é
		{7, Position{2, 3}},  // 😀
		{9, Position{2, 3}},  // inside 😀
		{11, Position{2, 4}}, // d
		{13, Position{3, 1}}, // x after lone \r
		{len(text), Position{5, 4}},
		{len(text) + 1, Position{}},
		{-1, Position{}},
	}
	for _, tt := range tests {
		if got := d.Position(tt.offset); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.offset, got, tt.want)
		}
	}
}

func TestPositionAfter(t *testing.T) {
	texts := []string{"ab\r\ncé😀d\rx\n\nend", "one line only", "", "\n\n\r\r\n", "é\xffé\r\n😀", "a\xe2\x82 b€\x82\r\n\xbe𐀀x"}
	for _, text := range texts {
		l := NewLines(text)
		for from := 0; from <= len(text); from++ {
			for to := 0; to <= len(text)+1; to++ { // back, forward and past the end
				if got, want := l.PositionAfter(l.Position(from), from, to), l.Position(to); got != want {
					t.Errorf("%q: PositionAfter(%d → %d) = %v, want %v", text, from, to, got, want)
				}
			}
		}
	}
}

// TestCursor walks each text forward, then jumps back, and checks the
// cursor against Position.
func TestCursor(t *testing.T) {
	for _, text := range []string{"ab\r\ncé😀d\rx\n\nend", "", "é\xffé\r\n😀\n"} {
		l := NewLines(text)
		c := l.Cursor()
		offsets := []int{}
		for off := 0; off <= len(text); off++ {
			offsets = append(offsets, off)
		}
		offsets = append(offsets, 0, len(text)/2, len(text)+1)
		for _, off := range offsets {
			if got, want := c.Position(off), l.Position(off); got != want {
				t.Errorf("%q: cursor at %d = %v, want %v", text, off, got, want)
			}
		}
	}
}

// FuzzPositionAfter checks that a step from any offset to any other, back or
// forward, gives the Position found from scratch.
func FuzzPositionAfter(f *testing.F) {
	f.Add("ab\r\ncé😀d\rx\n\nend", 9, 4)
	f.Add("a\xe2\x82 b€\x82\r\n\xbe𐀀x", 10, 5)
	f.Add("x\r\n\xbe", 2, 0)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		l := NewLines(text)
		from, to = from%(len(text)+2), to%(len(text)+2)
		if got, want := l.PositionAfter(l.Position(from), from, to), l.Position(to); got != want {
			t.Errorf("%q: PositionAfter(%d → %d) = %v, want %v", text, from, to, got, want)
		}
	})
}
