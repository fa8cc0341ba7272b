package analysis

import "strings"

// plain extracts the blocks of plain text. Blank lines (lines holding only
// spaces and tabs) separate blocks; every other line is one segment of the
// current block, without its leading and trailing spaces and tabs. Lines end
// at "\r\n", "\n" or a lone "\r".
//
// The scan finds line feeds with strings.IndexByte (vectorised) and looks for
// carriage returns only inside each line, so that the common LF and CRLF cases
// stay fast.
func (b *extractor) plain(text string) {
	if b.segs == nil {
		// Most prose lines are long; one segment per 64 bytes rarely regrows.
		b.segs = make([]Span, 0, len(text)/64+1)
	}
	for pos := 0; pos < len(text); {
		end, next := len(text), len(text)
		if nl := strings.IndexByte(text[pos:], '\n'); nl >= 0 {
			end, next = pos+nl, pos+nl+1
		}
		if cr := strings.IndexByte(text[pos:end], '\r'); cr >= 0 {
			if pos+cr+1 != end {
				next = pos + cr + 1 // a lone CR ends the line
			}
			end = pos + cr
		}
		s, e := pos, end
		for s < e && (text[s] == ' ' || text[s] == '\t') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t') {
			e--
		}
		if s == e {
			b.end()
		} else {
			if !b.open {
				b.begin(ParagraphBlock)
			}
			b.segs = append(b.segs, Span{s, e})
		}
		pos = next
	}
}
