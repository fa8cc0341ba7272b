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
	spaced := false
	if periods == 1 && !qe && !ellipsis && !cjk {
		for p+1 < end && text[p] == ' ' && text[p+1] == '.' && (p+2 == end || text[p+2] != '.') {
			p += 2 // spaced ellipsis ". . ."
			periods++
			spaced = true
		}
	}
	punctEnd := p
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
	if ellipsis && runStart > 0 && punctEnd < end && (text[runStart-1] == '[' && text[punctEnd] == ']' ||
		text[runStart-1] == '(' && text[punctEnd] == ')') {
		return p // "[...]" marks words left out of a quotation, never a boundary
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
			// ". . ." standing between words marks an omission inside the
			// sentence ("the thing is . . . I mean"); with a fourth dot, or
			// attached to the word before ("left. . . Then", "that.... She"),
			// it ends the sentence.
			if !(spaced && periods == 3 && runStart == s.head) {
				rule = ruleEllipsisCapital
			}
		}
	default:
		rule = s.fullStop(si, runStart, p, next, p > punctEnd)
	}
	if rule != "" {
		s.emit(p, rule)
	}
	return p
}

// fullStop decides whether a single full stop at runStart, followed by
// closing quotes or brackets if closed, then white space up to after, then
// next, ends the pending sentence, and returns the rule that ends it or "".
// The decision rests on the full stop and the word before it; the next word
// matters only after an abbreviation:
//
//   - a quotation closed by a full stop and followed by a lower-case word
//     continues ("This is great." she said), as does a full stop followed by
//     a bracket or quotation that opens in lower case (machine. (with a dot))
//     and a dot standing alone before lower case ("assume that . is");
//   - after "N°" or "No", a number continues (N°. 1026, No. 5);
//   - a lone capital letter that opens the sentence or follows a capitalised
//     word is an initial (J. R. R. Tolkien), unless a pronoun or an article
//     follows ("Plan B. We");
//   - before a lower-case word, any known or dotted abbreviation or a single
//     letter continues (approx. ten, U.S. economy, p. 55); any other word ends
//     the sentence ("I use npm every day. npm is fast.");
//   - before a capital: Latin and reference abbreviations continue (e.g.
//     Debian, Fig. 3); titles continue (Mr. Smith) unless a pronoun or an
//     article follows (Main St. The); etc., months and company designations (Inc.)
//     end; a.m./p.m. end unless the sentence
//     so far is a short phrase ("At 5 a.m. Mr. Smith went"); U.S., Jr. and
//     dotted capitals (E.U.) end only before a common sentence starter or
//     a title (The, It, How, We, Mr.), not before a proper noun (U.S. Army).
func (s *scanState) fullStop(si, runStart, after int, next nextWord, closed bool) string {
	if next == nextEnd {
		return ruleTerminal
	}
	if next == nextLower && (closed || s.openerAt(after) || runStart == s.chunk) {
		return "" // '"Done." she said', 'machine. (with a dot)', 'assume that . is'
	}
	n := len(s.toks)
	t := s.toks[n-1]
	word := s.text[t.Span.Start:t.Span.End]
	if t.Span.End != runStart {
		if next == nextDigit && t.Kind == Word && (word == "N" || word == "n") {
			if sign := s.text[t.Span.End:runStart]; sign == "°" || sign == "º" {
				return "" // "N°. 1026"
			}
		}
		return ruleTerminal
	}
	if t.Kind != Word {
		return ruleTerminal
	}
	if r, size := decodeRune(word, 0, len(word)); size == len(word) && isUpperRune(r) {
		// A lone capital letter is an initial ("John F. Kennedy") when it is a
		// word of its own that opens the sentence or follows a capitalised
		// word; otherwise it is a word ("written in C. Compare", "I/O. Then").
		if t.Span.Start == s.head && (n-1 == s.first || s.startsUpper(s.toks[n-2])) {
			if next == nextUpper && isNeverName(s.nextWordText(si, after)) {
				return ruleTerminal // "Plan B. We": no name follows an initial
			}
			return ""
		}
		if next == nextUpper && s.initialAt(after) {
			return "" // "C. S. Lewis": another initial follows
		}
		return ruleTerminal
	}
	kind := lookupAbbrev(word)
	if next == nextLower {
		if kind != abbrevNone || len(word) == 1 {
			return ""
		}
		return ruleTerminal
	}
	switch kind {
	case abbrevInner:
		return ""
	case abbrevTitle:
		if next == nextUpper && isNeverName(s.nextWordText(si, after)) {
			return ruleAbbrevCapital // "on Main St. The house"
		}
		return ""
	case abbrevEnd:
		if next == nextUpper {
			return ruleAbbrevCapital
		}
		return ""
	case abbrevTime:
		if next == nextUpper && n-s.first >= 4 {
			return ruleAbbrevCapital
		}
		return ""
	case abbrevFinal, abbrevInitials:
		if next == nextUpper && isSentenceStarter(s.nextWordText(si, after)) {
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

// openerAt reports whether an opening quote or bracket follows p after
// spaces and tabs, in the same segment.
func (s *scanState) openerAt(p int) bool {
	for p < len(s.text) && (s.text[p] == ' ' || s.text[p] == '\t') {
		p++
	}
	if p >= len(s.text) {
		return false
	}
	r, _ := decodeRune(s.text, p, len(s.text))
	return isOpener(r)
}

// initialAt reports whether the text at p, after white space, is a capital
// letter followed by a full stop, as the second of two initials is.
func (s *scanState) initialAt(p int) bool {
	text := s.text
	for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	return p+1 < len(text) && text[p] >= 'A' && text[p] <= 'Z' && text[p+1] == '.'
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
	q, end := s.nextInk(si, p)
	if q < 0 {
		return nextEnd
	}
	r, _ := decodeRune(s.text, q, end)
	return classifyNext(r)
}

// nextInk returns the offset of the first character after p, in segment si
// or a later segment of the block, that is neither white space nor an opening
// quote or bracket, and the end of its segment; -1 if there is none.
func (s *scanState) nextInk(si, p int) (int, int) {
	for ; si < len(s.segs); si++ {
		seg := s.segs[si]
		p = max(p, seg.Start)
		if q := s.skipBlankOpeners(p, seg.End); q < seg.End {
			return q, seg.End
		}
	}
	return -1, 0
}

// skipBlankOpeners returns the offset of the first character in text[p:end]
// that is neither white space nor an opening quote or bracket, or end.
func (s *scanState) skipBlankOpeners(p, end int) int {
	for p < end {
		r, size := decodeRune(s.text, p, end)
		if !isSpaceRune(r) && !isOpener(r) {
			break
		}
		p += size
	}
	return p
}

// lettersAt returns the run of ASCII letters at text[p:end].
func (s *scanState) lettersAt(p, end int) string {
	q := p
	for q < end && (s.text[q] >= 'a' && s.text[q] <= 'z' || s.text[q] >= 'A' && s.text[q] <= 'Z') {
		q++
	}
	return s.text[p:q]
}

// classifyNext classifies r, the first character of what follows a candidate boundary.
func classifyNext(r rune) nextWord {
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

// nextWordText returns the run of ASCII letters that starts the first word
// after p, in segment si or a later one of the block, after white space and
// opening quotes or brackets; "" if it does not start with one.
func (s *scanState) nextWordText(si, p int) string {
	q, end := s.nextInk(si, p)
	if q < 0 {
		return ""
	}
	return s.lettersAt(q, end)
}
