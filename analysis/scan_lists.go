package analysis

import (
	"unicode"
	"unicode/utf8"
)

// Rules that end a sentence because of the layout of the text rather than
// its punctuation, recorded in rawSentence.Rule.
const (
	// ruleListItem: a list marker starts a new item. A marker is a bullet
	// (• ‣ ◦ ⁃ ▪ ● and, at the start of a line, - * +) or an enumerator (1.
	// 1.2. 3) 1.) (4) a. b) (c) ii) IV.) followed by white space. It ends the
	// pending sentence at the start of a line, after a bullet, or inside a line
	// when it continues the block's sequence ("1) one 2) two", "a. x b. y").
	// The marker belongs to no sentence and makes no token.
	ruleListItem = "list-item"
	// ruleURLLine: a line of plain text that ends with a URL, e-mail address or
	// path, and no final punctuation, before a line that starts with a capital
	// ("…Inc. <https://fsf.org/>" then "Everyone is permitted…").
	ruleURLLine = "url+newline"
	// ruleTitleLine: the first line of a block, in capitals and with no final
	// punctuation (a title: "GNU GENERAL PUBLIC LICENSE"), before a line that
	// starts with a capital. A title in mixed case ("Chapter One") runs on,
	// like any other line.
	ruleTitleLine = "title-line"
)

// markerSeq is a list marker's kind and value, kept to recognise the next
// marker of the same sequence inside a line.
type markerSeq struct {
	kind uint8
	val  int
}

// Kinds of enumerators.
const (
	markNone   uint8 = iota
	markNumber       // 1. 2) 1.2.
	markLower        // a. b)
	markUpper        // A) B.)
	markRoman        // ii) iv. IV.
)

// isBullet reports whether r is a bullet that starts a list item wherever it
// stands.
func isBullet(r rune) bool {
	switch r {
	case '•', '‣', '◦', '⁃', '▪', '●', '○', '■', '□', '►', '▸', '➢', '➤':
		return true
	}
	return false
}

// startsLine reports whether off is the first non-blank byte of its line.
func (s *scanState) startsLine(off int) bool {
	for off > 0 && (s.text[off-1] == ' ' || s.text[off-1] == '\t') {
		off--
	}
	return off == 0 || s.text[off-1] == '\n' || s.text[off-1] == '\r'
}

// listMarker reads a list marker at p, the head of a chunk in a segment that
// ends at end. If there is one, it ends the pending sentence (rule
// "list-item"), records the marker and returns the offset after it;
// otherwise it returns p. atLine says p starts a line. ASCII bullets count
// only at the start of a line; an enumerator inside a pending sentence only
// after a bullet, at the start of a line, or as the successor of the block's
// last marker.
func (s *scanState) listMarker(p, end int, atLine bool) int {
	text := s.text
	if p >= end {
		return p
	}
	if !atLine && len(s.toks) > s.first {
		// Inside a sentence only a bullet or the next marker of the block's
		// sequence starts an item: reject every other word quickly.
		switch c := text[p]; {
		case c >= utf8.RuneSelf || c == '(':
		case isDigitByte(c):
			if s.marker.kind != markNumber {
				return p
			}
		case s.marker.kind == markNumber || s.marker.kind == markNone:
			return p
		case romanOf(s.marker) < 0 && (p+1 >= end || text[p+1] != '.' && text[p+1] != ')'):
			return p
		}
	}
	q, bullet := p, false
	if c := text[q]; c == '-' || c == '*' || c == '+' {
		if !atLine || q+1 < end && !s.isSpaceAt(q+1, end) {
			return p
		}
		q, bullet = q+1, true
	} else if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(text[q:end])
		if !isBullet(r) {
			return p
		}
		q, bullet = q+size, true
	}
	for q < end {
		r, size := decodeRune(text, q, end)
		if !isSpaceRune(r) {
			break
		}
		q += size
	}
	e, m, stopOnly, nested := s.enumerator(q, end, atLine)
	if e < 0 {
		if !bullet {
			return p
		}
		return s.startItem(q)
	}
	successor := m.kind == s.marker.kind && m.val == s.marker.val+1 || romanOf(m)-1 == romanOf(s.marker) && romanOf(m) > 1
	if !bullet && len(s.toks) > s.first && !successor && !(atLine && (m.val == 1 || nested || s.afterColon() ||
		!stopOnly && s.lookaheadIn(e, end) != nextLower)) {
		// Inside a sentence, only the next marker of the block's sequence
		// starts an item; at the start of a line, so does a first one ("1.",
		// "a)", "(1)"), a numbered section ("1.2."), any marker after a line
		// ending with a colon, and "3) Then", but not "7." in a sentence
		// wrapped as "under section\n7. This".
		return p
	}
	if !atLine && !bullet && (stopOnly || len(s.toks) > s.first) && s.lookaheadIn(e, end) == nextLower {
		// Inside a line, "a. The first" and "item 2) Add" start items;
		// "a. b" and "and (2) offer you" do not.
		return p
	}
	s.marker, s.probe = m, true
	return s.startItem(e)
}

// afterColon reports whether the last ink before the current position is a
// colon or a semicolon, as at the end of a line that introduces a list.
func (s *scanState) afterColon() bool {
	return s.lastInk > 0 && (s.text[s.lastInk-1] == ':' || s.text[s.lastInk-1] == ';')
}

// startItem ends the pending sentence, if any, before a list marker that
// runs to e, and starts the next sentence after it.
func (s *scanState) startItem(e int) int {
	if len(s.toks) > s.first {
		s.emit(s.lastInk, ruleListItem)
	}
	s.prevEnd = e
	return e
}

// enumerator reads an enumerator at q: "(" optionally, then 1–3 digits in up
// to several groups joined by full stops, or one letter, or a Roman numeral
// from ii to xii, then ")", "." or ".)" (")" if it opened with "("), then
// white space or the end of the segment. A single capital letter closed by a
// full stop is an initial, not an enumerator, unless a common sentence
// starter follows ("A. The first item"). It returns
// the offset after the enumerator, or -1, its value, whether a lone full
// stop closed it, and whether it has several groups of digits (1.2.).
func (s *scanState) enumerator(q, end int, atLine bool) (int, markerSeq, bool, bool) {
	text := s.text
	var m markerSeq
	nested := false
	paren := q < end && text[q] == '('
	if paren {
		q++
	}
	switch {
	case q >= end:
		return -1, m, false, false
	case isDigitByte(text[q]):
		for {
			n, v := 0, 0
			for q < end && isDigitByte(text[q]) {
				v = v*10 + int(text[q]-'0')
				q, n = q+1, n+1
			}
			if n > 3 {
				return -1, m, false, false // a year or a figure, not an item number
			}
			m = markerSeq{markNumber, v}
			if q+1 < end && text[q] == '.' && isDigitByte(text[q+1]) {
				q, nested = q+1, true
				continue
			}
			break
		}
	case text[q] >= 'a' && text[q] <= 'z' || text[q] >= 'A' && text[q] <= 'Z':
		j := q
		for j < end && j-q <= 4 && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
			j++
		}
		if j-q > 4 {
			return -1, m, false, false // a word, not "a" or "viii"
		}
		w := text[q:j]
		switch v := romanValue(w); {
		case len(w) == 1 && w[0] >= 'a':
			m = markerSeq{markLower, int(w[0]-'a') + 1}
		case len(w) == 1:
			m = markerSeq{markUpper, int(w[0]-'A') + 1}
		case v > 0:
			m = markerSeq{markRoman, v}
		default:
			return -1, m, false, false
		}
		q = j
	default:
		return -1, m, false, false
	}
	stopOnly := false
	switch {
	case paren:
		if q >= end || text[q] != ')' {
			return -1, m, false, false
		}
		q++
	case q < end && text[q] == ')':
		q++
	case q < end && text[q] == '.':
		q++
		if q < end && text[q] == ')' {
			q++
		} else {
			stopOnly = true
		}
	default:
		return -1, m, false, false
	}
	if q < end && !s.isSpaceAt(q, end) {
		return -1, m, false, false
	}
	if stopOnly && m.kind == markRoman && !atLine {
		return -1, m, false, false
	}
	if stopOnly && m.kind == markUpper && !isSentenceStarter(s.wordAfter(q, end)) {
		return -1, m, false, false // "J. Smith" is an initial; "A. The first" an item
	}
	return q, m, stopOnly, nested
}

// romanOf returns the value of m read as a Roman numeral: a Roman marker's
// own, 1, 5 or 10 for the letters i, v and x, or -9 for anything else.
func romanOf(m markerSeq) int {
	switch {
	case m.kind == markRoman:
		return m.val
	case m.kind == markLower && m.val == 'i'-'a'+1:
		return 1
	case m.kind == markLower && m.val == 'v'-'a'+1:
		return 5
	case m.kind == markLower && m.val == 'x'-'a'+1:
		return 10
	}
	return -9
}

// romanValue returns the value of a Roman numeral from ii to xii, in lower
// or upper case, or 0. "i", "v" and "x" are letters to enumerator.
func romanValue(w string) int {
	switch w {
	case "ii", "II":
		return 2
	case "iii", "III":
		return 3
	case "iv", "IV":
		return 4
	case "vi", "VI":
		return 6
	case "vii", "VII":
		return 7
	case "viii", "VIII":
		return 8
	case "ix", "IX":
		return 9
	case "xi", "XI":
		return 11
	case "xii", "XII":
		return 12
	}
	return 0
}

// lineBreak decides whether the pending sentence ends at the line break
// before segment si, which starts a line at off, and returns the rule or "".
// Only a line whose next line starts with a capital can end this way: one
// that ends with a URL, e-mail address or path ("url+newline"), or the
// block's first line when it is written in capitals, as a title
// ("title-line"). Any other line break is a space.
func (s *scanState) lineBreak(si, off int) string {
	if s.lookahead(si, off) != nextUpper {
		return ""
	}
	last := s.toks[len(s.toks)-1]
	if s.skipEnd > last.Span.End && s.skipEnd <= s.lastInk {
		return ruleURLLine
	}
	if len(s.sents) != s.firstSent || len(s.toks)-s.first > 10 {
		return ""
	}
	if c := s.text[s.lastInk-1]; c == ',' || c == ';' || c == ':' || c == '-' || c == '.' {
		return "" // a title has no final punctuation; "Mr." at a line end is not one
	}
	long := false
	for _, t := range s.toks[s.first:] {
		if t.Kind != Word {
			continue
		}
		w := s.text[t.Span.Start:t.Span.End]
		for _, r := range w {
			if unicode.IsLower(r) {
				return "" // "Chapter One" may run on; only capitals make a title
			}
		}
		long = long || len(w) > 1
	}
	if !long {
		return ""
	}
	return ruleTitleLine
}

// lookaheadIn classifies the first character after p in text[:end] that is
// neither white space nor an opening quote or bracket.
func (s *scanState) lookaheadIn(p, end int) nextWord {
	if p = s.skipBlankOpeners(p, end); p >= end {
		return nextEnd
	}
	r, _ := decodeRune(s.text, p, end)
	return classifyNext(r)
}

// wordAfter returns the run of ASCII letters that starts the first word after
// p in text[:end], past white space and opening quotes or brackets.
func (s *scanState) wordAfter(p, end int) string {
	return s.lettersAt(s.skipBlankOpeners(p, end), end)
}
