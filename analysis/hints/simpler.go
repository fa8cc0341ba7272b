package hints

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// phrase is an entry of the simpler-alternatives table: lowercase text whose
// words are separated by single spaces, and its replacements.
type phrase struct {
	text    string
	replace []string
}

// byKey indexes the phrases by their first word's leading letters ("i" for
// "i.e.", "state" for "state-of-the-art"), each list longest phrase first so
// that "in view of the above" wins over "in view of".
var byKey = func() map[string][]*phrase {
	m := map[string][]*phrase{}
	for i := range phrases {
		p := &phrases[i]
		k := leadingLetters(p.text)
		m[k] = append(m[k], p)
	}
	for _, ps := range m {
		slices.SortStableFunc(ps, func(a, b *phrase) int { return cmp.Compare(len(b.text), len(a.text)) })
	}
	return m
}()

// leadingLetters returns the ASCII letters s starts with.
func leadingLetters[S ~string | ~[]byte](s S) S {
	i := 0
	for i < len(s) && ('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	return s[:i]
}

// matchPhrase returns the end of the longest phrase of the table that
// starts at the word at offset start (lw is that word in lowercase) and ends
// inside sentence, and the phrase; 0 and nil when none does. Letters match
// regardless of case, a space of the phrase matches any run of white space
// (a line break too), and the phrase must be a whole word: no letter, digit,
// hyphen or apostrophe just before or after it.
func matchPhrase(text string, start int, sentence Span, lw []byte) (int, *phrase) {
	ps, ok := byKey[string(leadingLetters(lw))]
	if !ok || joined(text, start, sentence.Start, true) {
		return 0, nil
	}
	for _, p := range ps {
		if end := matchAt(text, start, sentence.End, p.text); end > 0 && !joined(text, end, sentence.End, false) {
			return end, p
		}
	}
	return 0, nil
}

// matchAt returns the end of phrase matched in text at offset i, before
// limit, or 0.
func matchAt(text string, i, limit int, phrase string) int {
	for p := 0; p < len(phrase); p++ {
		c := phrase[p]
		if c == ' ' {
			j := i
			for j < limit && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r') {
				j++
			}
			if j == i {
				return 0
			}
			i = j
			continue
		}
		if i >= limit {
			return 0
		}
		t := text[i]
		if 'A' <= t && t <= 'Z' {
			t += 'a' - 'A'
		}
		if t != c {
			return 0
		}
		i++
	}
	return i
}

// joined reports whether the character just before offset i (before is
// true) or at offset i (before is false) joins a word: a letter, a digit, a
// hyphen or an apostrophe. bound is the edge of the sentence, beyond which
// nothing joins.
func joined(text string, i, bound int, before bool) bool {
	var r rune
	if before {
		if i <= bound || i <= 0 {
			return false
		}
		r, _ = utf8.DecodeLastRuneInString(text[:i])
	} else {
		if i >= bound || i >= len(text) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(text[i:])
	}
	return r == '-' || r == '\'' || r == '’' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
