package server

import "sort"

// withEdit returns a mapper over text, which e made of m's text, counting in
// m's encoding. Its tables are m's: the lines before the edit kept, those
// around it scanned again, those after it shifted. An edit of a long document
// costs a copy of the tables, not a scan of the text.
//
// A line starts after "\n", or after "\r" not followed by "\n". So a start
// before e.start depends only on bytes the edit left in place, and so does a
// start at or after e.oldEnd+1 in the old text; the starts in between come
// from scanning the new text from the byte before the edit to its end.
func (m *Mapper) withEdit(text string, e textEdit) *Mapper {
	m.init()
	keep := max(sort.SearchInts(m.lines, e.start), 1) // starts before the edit, and line 0
	tail := sort.SearchInts(m.lines, e.oldEnd+1)      // the first start after it
	lines := make([]int, keep, len(m.lines)+e.newEnd-e.start-(tail-keep)+1)
	copy(lines, m.lines[:keep])
	for i := max(e.start-1, 0); i < e.newEnd; i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 == len(text) || text[i+1] != '\n' {
				lines = append(lines, i+1)
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
		end := len(text)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		ascii[i] = isASCII(text[lines[i]:end])
	}
	copy(ascii[shifted:], m.ascii[tail:])
	n := &Mapper{text: text, enc: m.enc, lines: lines, ascii: ascii}
	n.once.Do(func() {}) // the tables are built
	return n
}
