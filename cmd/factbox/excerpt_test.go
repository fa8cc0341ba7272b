package main

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendExcerptByRune is appendExcerpt one character at a time, as it was
// before it copied runs of ASCII whole: the reference it must match.
func appendExcerptByRune(b []byte, s string, n int) []byte {
	b = append(b, "“"...)
	count, space := 0, false
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
				space = true
				continue
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) {
				space = true
				continue
			}
		}
		if space && count > 0 {
			b = append(b, ' ')
			count++
		}
		space = false
		if count >= n {
			b = append(b, "…"...)
			break
		}
		b = utf8.AppendRune(b, r)
		count++
	}
	return append(b, "”"...)
}

func TestAppendExcerpt(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"Short one.", 72, "“Short one.”"},
		{"  spaced \n\t out\r\n words  ", 72, "“spaced out words”"},
		{"abcdef", 3, "“abc…”"},
		{"abc def", 3, "“abc …”"}, // the space counts, then the limit
		{"abc", 3, "“abc”"},
		{"ab\u00a0cd", 72, "“ab cd”"}, // a no-break space is space too
		{"é😀 x", 2, "“é😀 …”"},
		{"", 5, "“”"},
	}
	for _, tt := range tests {
		if got := string(appendExcerpt(nil, tt.s, tt.n)); got != tt.want {
			t.Errorf("appendExcerpt(%q, %d) = %s, want %s", tt.s, tt.n, got, tt.want)
		}
	}
}

func FuzzAppendExcerpt(f *testing.F) {
	f.Add("Short one.", 72)
	f.Add("abc def ghi", 5)
	f.Add("é\xff😀  \u2028x y", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n % 100
		if got, want := string(appendExcerpt(nil, s, n)), string(appendExcerptByRune(nil, s, n)); got != want {
			t.Errorf("appendExcerpt(%q, %d) = %s, want %s", s, n, got, want)
		}
	})
}
