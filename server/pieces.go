package server

import (
	"sort"
	"strings"
)

// maxPieces is how many pieces an edited text may be made of before it is
// copied out whole. Each edit adds at most two, so under a stream of
// one-character edits a 1 MB document is copied once every few dozen edits
// instead of on every one.
const maxPieces = 48

// pieces is a text made of pieces of other, immutable strings (Go substrings
// share their bytes): the text of an edited document before anybody needs it
// whole. It is never modified after it is made.
type pieces struct {
	parts []string // none empty
	ends  []int    // ends[i] is the offset at which parts[i] ends
}

// edited returns p with the bytes [start, end) replaced by insert.
func (p pieces) edited(start, end int, insert string) pieces {
	var q pieces
	q.parts = make([]string, 0, len(p.parts)+2)
	q.ends = make([]int, 0, len(p.parts)+2)
	add := func(s string) {
		if s == "" {
			return
		}
		q.parts = append(q.parts, s)
		q.ends = append(q.ends, q.len()+len(s))
	}
	from := 0
	inserted := false
	for i, s := range p.parts {
		to := p.ends[i]
		if to <= start || from >= end && inserted {
			add(s)
			from = to
			continue
		}
		if from < start {
			add(s[:start-from])
		}
		if !inserted {
			add(insert)
			inserted = true
		}
		if to > end {
			add(s[max(end-from, 0):])
		}
		from = to
	}
	if !inserted {
		add(insert)
	}
	return q
}

// len returns the length of the text in bytes.
func (p pieces) len() int {
	if len(p.ends) == 0 {
		return 0
	}
	return p.ends[len(p.ends)-1]
}

// find returns the index of the piece holding offset, which is < p.len().
func (p pieces) find(offset int) int {
	return sort.Search(len(p.ends), func(i int) bool { return p.ends[i] > offset })
}

// slice returns the bytes [start, end) of the text; within one piece it
// copies nothing.
func (p pieces) slice(start, end int) string {
	if start >= end {
		return ""
	}
	i := p.find(start)
	from := p.ends[i] - len(p.parts[i])
	if end <= p.ends[i] {
		return p.parts[i][start-from : end-from]
	}
	var b strings.Builder
	b.Grow(end - start)
	for ; start < end; i++ {
		from = p.ends[i] - len(p.parts[i])
		b.WriteString(p.parts[i][start-from : min(end, p.ends[i])-from])
		start = p.ends[i]
	}
	return b.String()
}

// at returns the byte at offset, which is < p.len().
func (p pieces) at(offset int) byte {
	i := p.find(offset)
	return p.parts[i][offset-(p.ends[i]-len(p.parts[i]))]
}

// String copies the text out whole.
func (p pieces) String() string {
	if len(p.parts) == 1 {
		return p.parts[0]
	}
	var b strings.Builder
	b.Grow(p.len())
	for _, s := range p.parts {
		b.WriteString(s)
	}
	return b.String()
}
