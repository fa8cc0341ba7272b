package analysis

// BlockKind says what kind of prose block a Block is.
type BlockKind uint8

const (
	// ParagraphBlock is a paragraph: a plain-text block between blank lines,
	// or a Markdown paragraph outside lists and block quotes.
	ParagraphBlock BlockKind = iota
	// HeadingBlock is a Markdown ATX or setext heading.
	HeadingBlock
	// ListItemBlock is the text of a tight list item, or a paragraph inside a list item.
	ListItemBlock
	// QuoteBlock is a paragraph inside a block quote.
	QuoteBlock
)

// String returns "paragraph", "heading", "list-item" or "quote".
func (k BlockKind) String() string {
	switch k {
	case ParagraphBlock:
		return "paragraph"
	case HeadingBlock:
		return "heading"
	case ListItemBlock:
		return "list-item"
	case QuoteBlock:
		return "quote"
	}
	return "unknown"
}

// Block is one prose block: the unit the fact box calls a paragraph. A block
// never shares a sentence with another.
type Block struct {
	Kind BlockKind
	// Span runs from the first prose byte of the block to the last; it holds
	// no leading or trailing white space and no trailing line ending.
	Span Span
	// Segments are the prose runs of the block in order, never empty, each
	// without leading or trailing spaces or tabs. The bytes between two
	// segments (markup, inline code, line endings, link destinations) act as
	// white space: a word boundary.
	Segments []Span
}

// Extract returns the prose blocks of text in document order. Spans are byte
// offsets into text, non-overlapping, ascending and within [0, len(text)];
// blocks without prose (a paragraph of inline code only, say) are left out.
// Extract never panics: invalid UTF-8 and NUL bytes are ordinary bytes.
//
// The blocks share one backing array for their Segments; each Segments slice
// has its capacity clipped, so appending to one never overwrites another.
func Extract(text string, format Format) []Block {
	return ExtractAppend(nil, text, format)
}

// ExtractAppend appends the blocks Extract would return to dst and returns the
// extended slice. A caller that analyses many texts can pass dst[:0] to reuse
// the block array; the segments always get a fresh backing array, because the
// returned blocks refer to it.
func ExtractAppend(dst []Block, text string, format Format) []Block {
	b := extractor{blocks: dst, first: len(dst)}
	switch format {
	case Markdown:
		b.markdown(text)
	default:
		b.plain(text)
	}
	return b.finish()
}

// extractor collects blocks and their segments. While a block is being built,
// its Span holds the index range [Start, End) of its segments in segs rather
// than byte offsets, because segs may still move when it grows; finish turns
// the index ranges into byte spans and sub-slices of segs.
type extractor struct {
	blocks []Block
	first  int // index in blocks of the first block of this call
	segs   []Span
	open   bool // a block is being built: the last element of blocks

	// Markdown chunks only.
	base  int         // offset of the chunk being parsed in the document
	floor int         // the offset where the next segment may start
	defs  []string    // normalized link reference labels the chunk defines
	dirs  []Directive // the chunk's directives, relative to its start
}

// begin starts a block of kind k, ending the open one if any.
func (b *extractor) begin(k BlockKind) {
	b.end()
	b.blocks = append(b.blocks, Block{Kind: k, Span: Span{len(b.segs), len(b.segs)}})
	b.open = true
}

// add appends the segment [start, end) to the open block after trimming its
// spaces, tabs and line endings. Empty segments and segments that would not
// come after the previous one of the chunk are dropped, which keeps the output ordered
// even if a parser reports overlapping source ranges.
func (b *extractor) add(start, end int, text string) {
	for start < end && isBlankByte(text[start]) {
		start++
	}
	for end > start && isBlankByte(text[end-1]) {
		end--
	}
	if start >= end || !b.open {
		return
	}
	if start < b.floor {
		return
	}
	b.floor = end
	if n := len(b.segs); n > b.blocks[len(b.blocks)-1].Span.Start && b.segs[n-1].End == start {
		// Text the parser cut in two (goldmark ends a text node before a
		// "!" that might open an image) is one run: no boundary in between.
		b.segs[n-1].End = end
		return
	}
	b.segs = append(b.segs, Span{start, end})
}

// end closes the open block, dropping it if it has no segments.
func (b *extractor) end() {
	if !b.open {
		return
	}
	b.open = false
	last := len(b.blocks) - 1
	if b.blocks[last].Span.Start == len(b.segs) {
		b.blocks = b.blocks[:last]
		return
	}
	b.blocks[last].Span.End = len(b.segs)
}

// finish closes the open block and resolves the segment index ranges.
func (b *extractor) finish() []Block {
	b.end()
	for i := b.first; i < len(b.blocks); i++ {
		blk := &b.blocks[i]
		s, e := blk.Span.Start, blk.Span.End
		blk.Segments = b.segs[s:e:e]
		blk.Span = Span{b.segs[s].Start, b.segs[e-1].End}
	}
	return b.blocks
}

// isBlankByte reports whether c is a space, tab, carriage return or line feed.
func isBlankByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}
