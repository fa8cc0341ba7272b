package analysis

import "unicode"

// Kinds of terminal punctuation returned by terminalKind.
const (
	termNone     = iota
	termStop     // . and the Devanagari danda ।
	termQE       // ? ! ‼ ⁇ ⁈ ⁉ and the Arabic question mark ؟
	termEllipsis // …
	termCJKStop  // 。 ｡ (no space needed after them)
	termCJKQE    // ！ ？
)

// terminalKind classifies r as terminal punctuation, or returns termNone.
func terminalKind(r rune) int {
	switch r {
	case '.', '।':
		return termStop
	case '?', '!', '‼', '⁇', '⁈', '⁉', '؟':
		return termQE
	case '…':
		return termEllipsis
	case '。', '｡':
		return termCJKStop
	case '！', '？':
		return termCJKQE
	}
	return termNone
}

// nextWord classifies what follows a candidate boundary.
type nextWord uint8

const (
	nextEnd     nextWord = iota // end of the block
	nextUpper                   // an upper- or title-case letter
	nextLower                   // a lower-case letter
	nextDigit                   // a decimal digit
	nextUncased                 // a letter without case (CJK) or a mark
	nextOther                   // anything else (a dash, a symbol, more punctuation)
)

// scanTerminal reads the run of terminal punctuation at p in segment si and the
// closing quotes and brackets after it, ends the pending sentence there if the
// rules of scanBlock say so, and returns the offset after the run.
func (s *scanState) scanTerminal(si, p, end int) int {
	text := s.text
	if p == s.head && text[p] == '.' && p+1 < end && (text[p+1] == '/' ||
		p+2 < end && text[p+1] == '.' && text[p+2] == '/') {
		return s.skipChunk(p, p+1, end) // ./relative or ../relative path
	}
	runStart := p
	periods, qe, ellipsis, cjk := 0, false, false, false
	for p < end {
		r, size := decodeRune(text, p, end)
		switch terminalKind(r) {
		case termStop:
			periods++
		case termQE:
			qe = true
		case termEllipsis:
			ellipsis = true
		case termCJKStop:
			cjk = true
		case termCJKQE:
			cjk, qe = true, true
		default:
			goto closers
		}
		p += size
	}
closers:
	if periods == 1 && !qe && !ellipsis && !cjk {
		for p+1 < end && text[p] == ' ' && text[p+1] == '.' && (p+2 == end || text[p+2] != '.') {
			p += 2 // spaced ellipsis ". . ."
			periods++
		}
	}
	for p < end {
		r, size := decodeRune(text, p, end)
		if !isCloser(r) {
			break
		}
		p += size
	}
	s.lastInk = p
	if len(s.toks) == s.first {
		return p // nothing to end
	}
	if !cjk && p < end {
		if r, _ := decodeRune(text, p, end); !isSpaceRune(r) {
			return p // "3.5", "wait...what", "Go."Then
		}
	}
	if periods > 1 {
		ellipsis = true
	}
	var rule string
	switch next := s.lookahead(si, p); {
	case cjk && qe:
		rule = ruleQuestion
	case cjk:
		rule = ruleTerminal
	case qe:
		if next != nextLower {
			rule = ruleQuestion
		}
	case ellipsis:
		switch next {
		case nextEnd:
			rule = ruleEllipsisEnd
		case nextUpper, nextUncased:
			rule = ruleEllipsisCapital
		}
	default:
		rule = s.fullStop(runStart, next)
	}
	if rule != "" {
		s.emit(p, rule)
	}
	return p
}

// fullStop decides whether a single full stop at runStart, followed by next,
// ends the pending sentence, and returns the rule that ends it or "".
func (s *scanState) fullStop(runStart int, next nextWord) string {
	switch next {
	case nextEnd:
		return ruleTerminal
	case nextLower:
		return ""
	}
	n := len(s.toks)
	t := s.toks[n-1]
	if t.Span.End != runStart || t.Kind == Clitic {
		return ruleTerminal
	}
	word := s.text[t.Span.Start:t.Span.End]
	if n-1 == s.first && (t.Kind == Number || len(word) == 1 && word[0] >= 'a' && word[0] <= 'z') {
		return "" // enumerator: "1. Install", "a. Open"
	}
	if t.Kind != Word {
		return ruleTerminal
	}
	if r, size := decodeRune(word, 0, len(word)); size == len(word) && isUpperRune(r) {
		// A lone capital letter is an initial ("John F. Kennedy") when it is a
		// word of its own that opens the sentence or follows a capitalised
		// word; otherwise it is a word ("written in C. Compare", "I/O. Then").
		if t.Span.Start == s.head && (n-1 == s.first || s.startsUpper(s.toks[n-2])) {
			return ""
		}
		return ruleTerminal
	}
	switch lookupAbbrev(word) {
	case abbrevInner:
		return ""
	case abbrevFinal:
		if next == nextUpper {
			return ruleAbbrevCapital
		}
		return ""
	case abbrevNumber:
		if next == nextDigit {
			return ""
		}
	}
	return ruleTerminal
}

// startsUpper reports whether token t starts with an upper-case letter.
func (s *scanState) startsUpper(t Token) bool {
	r, _ := decodeRune(s.text, t.Span.Start, t.Span.End)
	return isUpperRune(r)
}

// lookahead classifies the first character after p, in segment si or a later
// segment of the block, that is neither white space nor an opening quote or
// bracket.
func (s *scanState) lookahead(si, p int) nextWord {
	text := s.text
	for ; si < len(s.segs); si++ {
		seg := s.segs[si]
		p = max(p, seg.Start)
		for p < seg.End {
			r, size := decodeRune(text, p, seg.End)
			if isSpaceRune(r) || isOpener(r) {
				p += size
				continue
			}
			switch {
			case isUpperRune(r):
				return nextUpper
			case r < 0x80 && r >= 'a' && r <= 'z' || r >= 0x80 && unicode.IsLower(r):
				return nextLower
			case r < 0x80 && isDigitByte(byte(r)) || r >= 0x80 && unicode.IsDigit(r):
				return nextDigit
			case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsMark(r)):
				return nextUncased
			}
			return nextOther
		}
	}
	return nextEnd
}
