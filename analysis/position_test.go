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
			for from := 0; from <= tt.offset; from++ {
				if got := l.PositionAfter(l.Position(from), from, tt.offset); got != tt.want {
					t.Errorf("PositionAfter(%q, %d → %d) = %v, want %v", tt.text, from, tt.offset, got, tt.want)
				}
			}
		})
	}
}
