package analysis

import (
	"unicode"
	"unicode/utf8"
)

// rawSentence is one sentence found by scanBlock.
type rawSentence struct {
	// Span runs from the first byte of the sentence (opening quotes and brackets
	// attached to its first word included) to the end of its final punctuation
	// and closing quotes or brackets. A sentence ended by "end-of-block" runs to
	// the last non-space byte of the block.
	Span Span
	// Tokens indexes the token slice passed to scanBlock (absolute indexes).
	Tokens Range
	// Rule names the rule that ended the sentence; see scanBlock.
	Rule string
}

// Rules that end a sentence, recorded in rawSentence.Rule.
const (
	// ruleTerminal: a full stop (or a full-width 。) followed by whitespace and
	// a word that is not lower-case, or by the end of the block.
	ruleTerminal = "terminal-punct"
	// ruleQuestion: a run of ? and ! (?!, !!!, ‼, ？) not followed by a lower-case word.
	ruleQuestion = "question-exclaim"
	// ruleEllipsisCapital: an ellipsis (... or …) followed by a capitalised word.
	ruleEllipsisCapital = "ellipsis+capital"
	// ruleEllipsisEnd: an ellipsis at the end of the block.
	ruleEllipsisEnd = "ellipsis+end"
	// ruleAbbrevCapital: an abbreviation that often ends a sentence (etc.,
	// U.S., Inc., a.m.) followed by a capitalised word.
	ruleAbbrevCapital = "abbrev+capital"
	// ruleEndOfBlock: the block ended without final punctuation.
	ruleEndOfBlock = "end-of-block"
)

// scanBlock appends the word tokens and sentences of one block's prose
// segments to toks and sents. segs are the prose runs of the block, ascending;
// the bytes between two segments (markup, inline code, line breaks) count as
// whitespace. Segments out of range or out of order are clamped, never trusted.
//
// # Tokens
//
// Word tokens follow Penn Treebank conventions; see scanWord for the details.
// Syllables is left 0.
//
// # Sentences
//
// A sentence never spans two blocks: text at the end of a block with no final
// punctuation ends a sentence (rule "end-of-block"). A stretch with no word
// token ("...", "—") makes no sentence, so every token belongs to exactly one
// sentence. A candidate boundary is a run of terminal punctuation (. ? ! …),
// optionally followed by closing quotes and brackets, followed by whitespace,
// a segment gap or the end of the block; "3.5", "e.g." inside a word and
// "wait...what" are never boundaries. Colons and semicolons never end a
// sentence. Whether a candidate ends the sentence depends on the next word
// (after whitespace, gaps and opening quotes or brackets):
//
//   - ? and ! runs end it unless the next word is lower-case ("Why?" she asked).
//   - an ellipsis ends it before a capitalised word ("ellipsis+capital") or at
//     the end of the block ("ellipsis+end"); "wait... what" continues.
//   - a full stop before a lower-case word never ends it.
//   - a full stop after a title, Latin or reference abbreviation (Mr., e.g.,
//     Fig.) or dotted initials (J.R.R.) does not end it.
//   - a full stop after a lone capital letter does not end it if the letter is
//     an initial: a word of its own that opens the sentence or follows a
//     capitalised word (J. R. R. Tolkien, John F. Kennedy). "written in C. It"
//     ends; "see Appendix A. The" does not (a known miss).
//   - a full stop after an abbreviation that often ends sentences (etc., U.S.,
//     Inc.) ends it only before a capitalised word ("abbrev+capital").
//   - "No." does not end it before a number (No. 5).
//   - a full stop after a lone number or letter that opens the sentence
//     ("1. Install", "a. Open") is an enumerator, not a boundary.
//   - any other full stop ends it ("terminal-punct"), including one after a
//     number ("arrived on Feb 8. At the handover").
//
// The abbreviation tables are in abbrev.go.
func scanBlock(text string, segs []Span, toks []Token, sents []rawSentence) ([]Token, []rawSentence) {
	segs = cleanSegments(segs, len(text))
	s := scanState{text: text, segs: segs, toks: toks, sents: sents, first: len(toks), firstSent: len(sents), probe: true}
	for si, seg := range segs {
		s.chunk, s.head = seg.Start, seg.Start
		p, end := seg.Start, seg.End
		atLine := s.startsLine(seg.Start)
		if atLine && len(s.toks) > s.first {
			if rule := s.lineBreak(si, seg.Start); rule != "" {
				s.emit(s.lastInk, rule)
			}
		}
		if atLine || len(s.toks) == s.first {
			p = s.listMarker(p, end, atLine)
		}
		for p < end {
			c := text[p]
			if c < utf8.RuneSelf {
				switch asciiClass[c] {
				case aWord:
					if s.probe && p == s.chunk && p > seg.Start {
						if q := s.listMarker(p, end, false); q != p {
							p = q
							continue
						}
					}
					p = s.scanWord(p, end)
					continue
				case aSpace:
					p++
					s.chunk, s.head = p, p
					continue
				case aPeriod, aQE:
					p = s.scanTerminal(si, p, end)
					continue
				case aAt:
					if p+1 < end && (isASCIIAlnum(text[p+1]) || text[p+1] == '_') {
						p = s.skipChunk(p, p+1, end) // @handle
						continue
					}
				case aSlash:
					if p == s.head && p+1 < end && !s.isSpaceAt(p+1, end) {
						p = s.skipChunk(p, p+1, end) // /absolute/path
						continue
					}
				case aTilde:
					if p == s.head && p+1 < end && text[p+1] == '/' {
						p = s.skipChunk(p, p+1, end) // ~/home/path
						continue
					}
				case aOpen:
					if c == '(' && s.probe && p == s.chunk && p > seg.Start {
						if q := s.listMarker(p, end, false); q != p {
							p = q
							continue
						}
					}
					if p == s.head {
						s.head = p + 1
					}
				}
				p++
				s.lastInk = p
				continue
			}
			r, size := utf8.DecodeRuneInString(text[p:end])
			switch {
			case isWordRune(r):
				p = s.scanWord(p, end)
				continue
			case isSpaceRune(r):
				p += size
				s.chunk, s.head = p, p
				continue
			case terminalKind(r) != 0:
				p = s.scanTerminal(si, p, end)
				continue
			case isOpener(r):
				if p == s.head {
					s.head = p + size
				}
			case p == s.chunk && isBullet(r):
				if q := s.listMarker(p, end, false); q != p {
					p = q
					continue
				}
			}
			p += size
			s.lastInk = p
		}
	}
	if len(s.toks) > s.first {
		s.emit(s.lastInk, ruleEndOfBlock)
	}
	return s.toks, s.sents
}

// scanState is the state of scanBlock over one block.
type scanState struct {
	text  string
	segs  []Span
	toks  []Token
	sents []rawSentence

	first     int // index in toks of the first token of the pending sentence
	firstSent int // index in sents of the block's first sentence
	start     int // byte offset where the pending sentence starts
	prevEnd   int // end of the previous sentence of the block
	chunk     int // start of the current run of non-space bytes in the segment
	head      int // first byte of the chunk after its opening quotes and brackets
	lastInk   int // end of the last non-space byte seen
	skipEnd   int // end of the last URL, e-mail address or path skipped

	marker markerSeq // the last list marker of the block; kind 0 if none
	// probe says a word at the head of a chunk may be a list marker: the
	// pending sentence has no token yet, or the block has had a marker.
	probe bool
}

// addToken appends a token and, if it opens a sentence, starts the sentence at
// the beginning of its chunk so that opening quotes and brackets belong to it.
func (s *scanState) addToken(start, end int, kind TokenKind) {
	if len(s.toks) == s.first {
		s.probe = s.marker.kind != 0
		st := s.chunk
		if st < s.prevEnd {
			st = s.prevEnd
		}
		if st > start {
			st = start
		}
		s.start = st
	}
	s.toks = append(s.toks, Token{Span: Span{start, end}, Kind: kind})
	if end > s.lastInk {
		s.lastInk = end
	}
}

// emit ends the pending sentence at end.
func (s *scanState) emit(end int, rule string) {
	s.sents = append(s.sents, rawSentence{
		Span:   Span{s.start, end},
		Tokens: Range{s.first, len(s.toks)},
		Rule:   rule,
	})
	s.first = len(s.toks)
	s.prevEnd = end
	s.probe = true
}

// cleanSegments returns segs if every segment lies in [0, n) and they ascend
// without overlap; otherwise a clamped copy with the bad parts dropped.
func cleanSegments(segs []Span, n int) []Span {
	prev := 0
	ok := true
	for _, sg := range segs {
		if sg.Start < prev || sg.End < sg.Start || sg.End > n {
			ok = false
			break
		}
		prev = sg.End
	}
	if ok {
		return segs
	}
	out := make([]Span, 0, len(segs))
	prev = 0
	for _, sg := range segs {
		st, en := max(sg.Start, prev, 0), min(sg.End, n)
		if en > st {
			out = append(out, Span{st, en})
			prev = en
		}
	}
	return out
}

// ASCII character classes used by the fast path.
const (
	aOther  uint8 = iota
	aWord         // A-Z a-z 0-9
	aSpace        // space, \t, \n, \v, \f, \r
	aPeriod       // .
	aQE           // ? !
	aAt           // @
	aSlash        // /
	aTilde        // ~
	aOpen         // " ' ( [ { <
)

// asciiClass classifies every ASCII byte; bytes of multi-byte runes are
// aOther. It is built once and never modified.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = aWord
		t[c-'a'+'A'] = aWord
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = aWord
	}
	for _, c := range " \t\n\v\f\r" {
		t[c] = aSpace
	}
	t['.'] = aPeriod
	t['?'], t['!'] = aQE, aQE
	t['@'], t['/'], t['~'] = aAt, aSlash, aTilde
	for _, c := range "\"'([{<" {
		t[c] = aOpen
	}
	return t
}()

// isWordRune reports whether r can be part of a word: a letter (L), a mark (M)
// or a decimal digit (Nd). U+FFFD, which stands for invalid UTF-8, is not.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == aWord
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// isSpaceRune reports whether r is white space (unicode.IsSpace).
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == aSpace
	}
	return unicode.IsSpace(r)
}

// isUpperRune reports whether r is an upper-case or title-case letter.
func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isASCIIAlnum(c byte) bool { return c < utf8.RuneSelf && asciiClass[c] == aWord }

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// isOpener reports whether r opens a quotation or bracket: it is skipped when
// looking for the first letter of a word and belongs to the sentence it opens.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '<', '“', '‘', '„', '‚', '«', '‹', '¿', '¡', '「', '『', '（', '［', '｛', '〈', '《':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket: after terminal
// punctuation it still belongs to the sentence that ends (He said "Go." Then).
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', '”', '’', '»', '›', '」', '』', '）', '］', '｝', '〉', '》':
		return true
	}
	return false
}

// isSpaceAt reports whether white space starts at text[i:end].
func (s *scanState) isSpaceAt(i, end int) bool {
	r, _ := decodeRune(s.text, i, end)
	return isSpaceRune(r)
}

// decodeRune decodes the rune at text[i:end] with an ASCII fast path.
// Invalid UTF-8 decodes as U+FFFD of size 1.
func decodeRune(text string, i, end int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}
