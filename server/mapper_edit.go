package server

import (
	"sort"

	"github.com/factbox/factbox/analysis"
)

// withEdit returns a mapper over the text that e makes of m's text, e
// replacing the bytes [e.start, e.oldEnd) by insert, counting in m's
// encoding. Neither the text nor the tables are built afresh: the text is
// m's pieces and insert until somebody needs it whole or the pieces grow too
// many (maxPieces), and the tables are m's, the lines before the edit kept,
// those around it scanned again, those after it shifted. So an edit of a long
// document costs a copy of the tables, not of the text nor a scan of it.
//
// A line starts after "\n", or after "\r" not followed by "\n". So a start
// before e.start depends only on bytes the edit left in place, and so does a
// start at or after e.oldEnd+1 in the old text; the starts in between come
// from scanning the new text from the byte before the edit to its end.
func (m *Mapper) withEdit(e textEdit, insert string) *Mapper {
	m.init()
	n := &Mapper{enc: m.enc, size: m.size - (e.oldEnd - e.start) + len(insert)}
	from := m.pieces
	if m.whole() {
		from = pieces{}
		if m.text != "" {
			from = pieces{parts: []string{m.text}, ends: []int{len(m.text)}}
		}
	}
	n.pieces = from.edited(e.start, e.oldEnd, insert)
	if len(n.pieces.parts) > maxPieces {
		n.text, n.pieces = n.pieces.String(), pieces{}
	}
	keep := max(sort.SearchInts(m.lines, e.start), 1) // starts before the edit, and line 0
	tail := sort.SearchInts(m.lines, e.oldEnd+1)      // the first start after it
	lines := make([]int, keep, len(m.lines)+e.newEnd-e.start-(tail-keep)+1)
	copy(lines, m.lines[:keep])
	from0 := max(e.start-1, 0)
	scan := n.slice(from0, min(e.newEnd+1, n.size)) // and the byte after, for "\r\n"
	for j := 0; j < e.newEnd-from0; j++ {
		switch scan[j] {
		case '\n':
			lines = append(lines, from0+j+1)
		case '\r':
			if j+1 == len(scan) || scan[j+1] != '\n' {
				lines = append(lines, from0+j+1)
			}
		}
	}
	shifted := len(lines)
	delta := e.newEnd - e.oldEnd
	for _, start := range m.lines[tail:] {
		lines = append(lines, start+delta)
	}
	// The lines from the one holding the edit's start up to the first shifted
	// one changed; the others keep their flags.
	ascii := make([]bool, len(lines))
	copy(ascii, m.ascii[:keep-1])
	for i := keep - 1; i < shifted; i++ {
		end := n.size
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		ascii[i] = analysis.IsASCII(n.slice(lines[i], end))
	}
	copy(ascii[shifted:], m.ascii[tail:])
	n.lines, n.ascii = lines, ascii
	n.once.Do(func() {}) // the tables are built
	return n
}
