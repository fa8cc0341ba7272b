package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanWord scans the word starting at p, a word character, appends its
// tokens and returns the offset after them. The rules follow Penn Treebank
// tokenization (Marcus et al. 1993; the tokenizer script tokenizer.sed), which
// reproduces the counts of the reference fact box:
//
//   - A word is a run of letters (L), marks (M) and decimal digits (Nd) in any
//     script. A token starting with a digit is a Number ("60th", "1990s",
//     "3rd"); any other is a Word. Hyphens, dashes, slashes and all other
//     punctuation and symbols separate words and are never tokens, so
//     "China-Laos" and "COVID-19" are two tokens each and "$700,000" is the
//     Number "700,000".
//   - Han, Hiragana, Katakana and Hangul each form their own runs: a token ends
//     where the script changes among them or to another script, so "東京タワー"
//     is "東京" + "タワー". Unspaced CJK text is not segmented further.
//   - A full stop between two word characters joins them: "U.S", "e.g", "3.5",
//     "1.163", "Ph.D", "sources.list". A final full stop is never part of a
//     token ("U.S." is "U.S", "in 2013." is "2013").
//   - A comma between digits of a Number joins them: "700,000", "1,000.50".
//   - An apostrophe (' or ’) between word characters joins them ("o'clock",
//     "rock'n'roll", "O'Brien"), except before a clitic, which becomes its own
//     Clitic token: 's, 're, 've, 'll, 'd, 'm, case-insensitive ("China's" is
//     "China" + "'s", "it’ll" is "it" + "’ll"), and n't, which takes the n
//     ("don't" is "do" + "n't", "can't" is "ca" + "n't"). Clitics can chain
//     ("shouldn't've"). A trailing apostrophe ("Laos'") and a leading one
//     ("'tis", read as an opening quote) are not part of the token.
//   - URLs (scheme://… and www.…), e-mail addresses, @handles and file paths
//     starting a chunk with /, ~/, ./ or ../ are not prose: they make no token.
//     They run to the next white space, less trailing punctuation (and a
//     trailing ")" unless the URL contains "(").
func (s *scanState) scanWord(p, end int) int {
	text := s.text
	start := p
	kind := Word
	if c := text[p]; isDigitByte(c) {
		kind = Number
	} else if c >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRuneInString(text[p:end]); unicode.IsDigit(r) {
			kind = Number
		}
	}
	q := p
scan:
	for {
		if i := asciiWordEnd(text, q, end); i < end && text[i] >= utf8.RuneSelf || i == q {
			q = s.wordRun(q, end) // non-ASCII letters, or CJK script changes
		} else {
			q = i
		}
		if q >= end {
			break
		}
		switch c := text[q]; {
		case c == '.':
			if q+1 < end && s.isWordAt(q+1, end) {
				q++
				continue
			}
		case c == ',':
			if kind == Number && isDigitByte(text[q-1]) && q+1 < end && isDigitByte(text[q+1]) {
				q++
				continue
			}
		case c == '\'' || c == 0xE2 && strings.HasPrefix(text[q:end], "’"):
			a := q + 1
			if c != '\'' {
				a = q + len("’")
			}
			if a >= end || !s.isWordAt(a, end) {
				break scan
			}
			if s.cliticLen(a, end) > 0 {
				s.addToken(start, q, kind)
				return s.scanClitics(q, end)
			}
			if (text[q-1] == 'n' || text[q-1] == 'N') && (text[a] == 't' || text[a] == 'T') &&
				(a+1 == end || !s.isWordAt(a+1, end)) {
				if q-1 > start {
					s.addToken(start, q-1, kind)
				}
				s.addToken(q-1, a+1, Clitic)
				return s.scanClitics(a+1, end)
			}
			q = a
			continue
		case c == ':':
			if q+2 < end && text[q+1] == '/' && text[q+2] == '/' {
				return s.skipChunk(s.backOver(q, isSchemeByte), q, end)
			}
		case c == '@':
			if q+1 < end && isASCIIAlnum(text[q+1]) {
				return s.skipChunk(s.backOver(q, isEmailLocalByte), q, end)
			}
		}
		break
	}
	if q-start > 4 && text[start+3] == '.' && strings.EqualFold(text[start:start+3], "www") {
		return s.skipChunk(start, q, end)
	}
	s.addToken(start, q, kind)
	return q
}

// scanClitics appends the clitics ('s, 've, ...) that follow at p, as in
// "he'd've", and returns the offset after them.
func (s *scanState) scanClitics(p, end int) int {
	text := s.text
	for p < end {
		a := p + 1
		if text[p] != '\'' {
			if !strings.HasPrefix(text[p:end], "’") {
				break
			}
			a = p + len("’")
		}
		n := 0
		if a < end {
			n = s.cliticLen(a, end)
		}
		if n == 0 {
			break
		}
		s.addToken(p, a+n, Clitic)
		p = a + n
	}
	return p
}

// cliticLen returns the length of the clitic letters s, re, ve, ll, d or m
// (any case) at text[a:end] if they end the word there, or 0.
func (s *scanState) cliticLen(a, end int) int {
	text := s.text
	n := 0
	switch text[a] | 0x20 {
	case 's', 'd', 'm':
		n = 1
	case 'r', 'v':
		if a+1 < end && text[a+1]|0x20 == 'e' {
			n = 2
		}
	case 'l':
		if a+1 < end && text[a+1]|0x20 == 'l' {
			n = 2
		}
	}
	if n == 0 || a+n < end && s.isWordAt(a+n, end) {
		return 0
	}
	return n
}

// wordRun returns the end of the run of word characters starting at q,
// breaking where the script changes between Han, Hiragana, Katakana, Hangul
// and the rest. The run at q is never empty when text[q] starts a word rune.
func (s *scanState) wordRun(q, end int) int {
	text := s.text[:end] // lets the compiler drop the bounds check below
	cls := -1            // script class of the run so far; -1 until known
	for {
		i := q
		for i < len(text) && asciiClass[text[i]] == aWord {
			i++
		}
		if i > q {
			if cls > 0 {
				return q // Latin after CJK
			}
			cls, q = 0, i
		}
		if q >= end || text[q] < utf8.RuneSelf {
			return q
		}
		r, size := utf8.DecodeRuneInString(text[q:end])
		if !isWordRune(r) {
			return q
		}
		if k := scriptClass(r); k >= 0 {
			if cls >= 0 && k != cls {
				return q
			}
			cls = k
		}
		q += size
	}
}

// asciiWordEnd returns the end of the run of ASCII letters and digits at q.
func asciiWordEnd(text string, q, end int) int {
	text = text[:end]
	for q < len(text) && asciiClass[text[q]] == aWord {
		q++
	}
	return q
}

// scriptClass returns 1 for Han, 2 for Hiragana, 3 for Katakana, 4 for Hangul,
// 0 for other word runes, and -1 for runes that continue any run (marks and
// the prolonged sound mark ー).
func scriptClass(r rune) int {
	switch {
	case r == 'ー' || unicode.IsMark(r):
		return -1
	case r < 0x1100:
		return 0
	case unicode.Is(unicode.Hangul, r):
		return 4
	case unicode.Is(unicode.Han, r):
		return 1
	case unicode.Is(unicode.Hiragana, r):
		return 2
	case unicode.Is(unicode.Katakana, r):
		return 3
	}
	return 0
}

// isWordAt reports whether a word rune starts at text[i:end].
func (s *scanState) isWordAt(i, end int) bool {
	c := s.text[i]
	if c < utf8.RuneSelf {
		return asciiClass[c] == aWord
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:end])
	return isWordRune(r)
}

// backOver returns the offset of the first of the bytes before q that satisfy
// ok, not going back past the start of the chunk, and drops the tokens of the
// pending sentence that start at or after it: they belong to a URL or e-mail
// address recognised late.
func (s *scanState) backOver(q int, ok func(byte) bool) int {
	for q > s.chunk && ok(s.text[q-1]) {
		q--
	}
	n := len(s.toks)
	for n > s.first && s.toks[n-1].Span.Start >= q {
		n--
	}
	s.toks = s.toks[:n]
	return q
}

func isSchemeByte(c byte) bool {
	return isASCIIAlnum(c) || c == '+' || c == '-' || c == '.'
}

func isEmailLocalByte(c byte) bool {
	return isASCIIAlnum(c) || strings.IndexByte("._%+-'", c) >= 0
}

// skipChunk skips a URL, e-mail address, handle or path that starts at
// from and has been read up to p: it runs to the end of the chunk, less
// trailing punctuation. It returns the offset after it (at least p).
func (s *scanState) skipChunk(from, p, end int) int {
	text := s.text
	e := p
	for e < end {
		c := text[e]
		if c < utf8.RuneSelf {
			if asciiClass[c] == aSpace {
				break
			}
			e++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[e:end])
		if unicode.IsSpace(r) {
			break
		}
		e += size
	}
	paren := strings.IndexByte(text[from:e], '(') >= 0
	for e > p {
		r, size := utf8.DecodeLastRuneInString(text[from:e])
		if !(r == ')' && !paren || strings.ContainsRune(`.,;:!?'"]}>’”»…`, r)) {
			break
		}
		e -= size
	}
	if e > s.lastInk {
		s.lastInk = e
	}
	s.skipEnd = e
	return e
}
