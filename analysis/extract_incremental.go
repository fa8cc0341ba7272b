package analysis

import (
	"sort"
	"strings"
)

// Extraction is the result of extracting the prose blocks of one text, kept
// so that Reextract can redo only the part of an edited text that changed. It
// is never modified after NewExtraction or Reextract returns.
type Extraction struct {
	Text   string
	Format Format
	Blocks []Block // what Extract(Text, Format) returns
	// Directives are the factbox comments of a Markdown text in order (see
	// Directive); plain text has none.
	Directives []Directive

	// Markdown only: the chunks of Text (see markdownChunkEnds) and the
	// normalized labels of the link reference definitions of the document.
	chunks []mdChunk
	labels map[string]struct{}
	parsed int // chunks parsed rather than reused, for tests
}

// mdChunk is one independently parsed piece of a Markdown document.
type mdChunk struct {
	start, end int
	blocks     Range       // indexes into Extraction.Blocks
	defs       []string    // normalized link reference labels the chunk defines
	dirs       []Directive // the chunk's directives, relative to its start
	bracket    bool        // the chunk holds a '[' and so may hold reference links
	reusable   bool        // the chunk lies after the front matter

	// While extracting: the chunk of prev that has the same text, or -1, and
	// the blocks parsed for the chunk, as an index range into the scratch
	// extractor, together with the number of labels they were parsed with.
	prev    int
	scratch Range
	known   int
}

// NewExtraction extracts the prose blocks of text; see Extract.
func NewExtraction(text string, format Format) *Extraction {
	return Reextract(nil, text, format)
}

// Reextract returns what NewExtraction(text, format) returns, reusing the
// Markdown parses of the chunks of prev that text still holds unchanged
// before or after the edit. prev may be nil or of another format; plain text
// is always extracted afresh, as that is cheap.
//
// Extract parses a Markdown document in chunks of a few paragraphs, each
// starting after a blank line with a line that is not indented, outside
// fenced code (see markdownChunkEnds), so an edit inside one paragraph
// reparses one chunk, or two if it moves a chunk end. When an edit adds or
// removes a link reference definition, the chunks that may refer to it (those
// holding a '[') are parsed again too.
func Reextract(prev *Extraction, text string, format Format) *Extraction {
	x := &Extraction{Text: text, Format: format}
	b := extractor{}
	if format == Markdown {
		x.chunks, x.labels, x.parsed = b.markdownReuse(text, prev)
		for _, c := range x.chunks {
			for _, d := range c.dirs {
				d.Span.Start += c.start
				d.Span.End += c.start
				x.Directives = append(x.Directives, d)
			}
		}
	} else {
		b.plain(text)
	}
	x.Blocks = b.finish()
	return x
}

// markdownReuse adds the blocks of the Markdown document src, parsing it chunk
// by chunk and reusing the chunks of prev whose text is unchanged. It returns
// the chunks, the labels of the document's link reference definitions and
// the number of chunk parses it did.
func (b *extractor) markdownReuse(src string, prev *Extraction) (chunks []mdChunk, labels map[string]struct{}, parsed int) {
	source := []byte(src)
	fm := frontMatterLen(src)
	for i := range fm {
		// Blank the front matter but keep its line endings: offsets stay
		// those of src, and the parser sees only blank lines there.
		if c := source[i]; c != '\n' && c != '\r' {
			source[i] = ' '
		}
	}
	ends := markdownChunkEnds(source, make([]int, 0, len(src)/1024+1), chunkEvery)
	chunks = make([]mdChunk, len(ends))

	// An edit leaves the chunks before it where they were and shifts those
	// after it by delta: look for each chunk at both places in prev.
	var delta int
	if prev != nil && prev.Format == Markdown && len(prev.chunks) > 0 {
		delta = len(src) - len(prev.Text)
	} else {
		prev = nil
	}
	labels = make(map[string]struct{})
	start := 0
	for i, end := range ends {
		c := &chunks[i]
		c.start, c.end, c.prev = start, end, -1
		c.reusable = start >= fm
		c.bracket = strings.IndexByte(src[start:end], '[') >= 0
		if prev != nil && c.reusable {
			if c.prev = prev.chunkAt(start, src[start:end]); c.prev < 0 && delta != 0 {
				c.prev = prev.chunkAt(start-delta, src[start:end])
			}
		}
		if c.prev >= 0 {
			c.defs, c.dirs = prev.chunks[c.prev].defs, prev.chunks[c.prev].dirs
			for _, l := range c.defs {
				labels[l] = struct{}{}
			}
		}
		start = end
	}

	// Parse the new chunks last to first: link reference definitions tend to
	// follow their uses, so most chunks see every label on the first parse.
	scratch := extractor{segs: make([]Span, 0, len(src)/64+1)}
	for i := len(chunks) - 1; i >= 0; i-- {
		c := &chunks[i]
		if c.prev >= 0 {
			continue
		}
		first := len(scratch.blocks)
		c.defs = scratch.parseChunk(src, source, c.start, c.end, labels)
		c.dirs = scratch.dirs
		parsed++
		c.scratch = Range{first, len(scratch.blocks)}
		for _, l := range c.defs {
			labels[l] = struct{}{}
		}
		c.known = len(labels)
	}

	// Parse again the chunks that may have missed a label.
	prevSame := prev != nil && sameLabels(prev.labels, labels)
	for i := range chunks {
		c := &chunks[i]
		if !c.bracket || (c.prev >= 0 && prevSame) || (c.prev < 0 && c.known == len(labels)) {
			continue
		}
		first := len(scratch.blocks)
		scratch.parseChunk(src, source, c.start, c.end, labels)
		c.dirs = scratch.dirs
		parsed++
		c.scratch = Range{first, len(scratch.blocks)}
		c.prev = -1
	}

	// Gather the blocks in document order.
	nsegs := len(scratch.segs)
	for _, c := range chunks {
		if c.prev >= 0 {
			p := prev.chunks[c.prev].blocks
			for _, blk := range prev.Blocks[p.First:p.End] {
				nsegs += len(blk.Segments)
			}
		}
	}
	b.segs = make([]Span, 0, nsegs)
	for i := range chunks {
		c := &chunks[i]
		first := len(b.blocks) - b.first
		if c.prev >= 0 {
			pc := prev.chunks[c.prev]
			delta := c.start - pc.start
			for _, blk := range prev.Blocks[pc.blocks.First:pc.blocks.End] {
				s := len(b.segs)
				for _, seg := range blk.Segments {
					b.segs = append(b.segs, Span{seg.Start + delta, seg.End + delta})
				}
				b.blocks = append(b.blocks, Block{Kind: blk.Kind, Span: Span{s, len(b.segs)}})
			}
		} else {
			for _, blk := range scratch.blocks[c.scratch.First:c.scratch.End] {
				s := len(b.segs)
				b.segs = append(b.segs, scratch.segs[blk.Span.Start:blk.Span.End]...)
				b.blocks = append(b.blocks, Block{Kind: blk.Kind, Span: Span{s, len(b.segs)}})
			}
		}
		c.blocks = Range{first, len(b.blocks) - b.first}
	}
	return chunks, labels, parsed
}

// chunkAt returns the index of the reusable chunk of x that starts at start
// and holds text, or -1.
func (x *Extraction) chunkAt(start int, text string) int {
	i := sort.Search(len(x.chunks), func(i int) bool { return x.chunks[i].start >= start })
	if i < len(x.chunks) && x.chunks[i].start == start && x.chunks[i].reusable &&
		x.Text[start:x.chunks[i].end] == text {
		return i
	}
	return -1
}

// sameLabels reports whether a and b hold the same labels.
func sameLabels(a, b map[string]struct{}) bool {
	if len(a) != len(b) {
		return false
	}
	for l := range a {
		if _, ok := b[l]; !ok {
			return false
		}
	}
	return true
}
