package analysis

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser parses CommonMark (https://spec.commonmark.org/0.31.2/) with
// GFM tables (https://github.github.com/gfm/#tables-extension-). goldmark
// parsers keep no state between calls, so one serves all goroutines.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// markdown extracts the prose blocks of a Markdown document.
//
// Prose is the text of paragraphs, headings, list items and block quotes,
// including the text of links and of emphasis. Code (fenced, indented and
// inline), raw HTML (blocks and inline), autolinks, link destinations and
// titles, images (their alt text too: it is an attribute that readers of the
// rendered page do not read in the flow of the sentence), tables, thematic
// breaks, link reference definitions and front matter are not prose.
//
// Inside prose, the backslash of a backslash escape and whole character
// references (&amp;, &#233;, &#xE9;) are left out of the segments, so they act
// as word boundaries: segments must be bytes of the original text, and a
// reference spells its character in other bytes. Emphasis markers are
// likewise boundaries, so intra-word emphasis (un*frigging*believable) splits
// the word.
//
// The document is parsed in chunks of a few paragraphs (see Reextract and
// markdownChunkEnds), which gives the blocks of a whole-document parse.
func (b *extractor) markdown(text string) {
	b.markdownReuse(text, nil)
}

// parseChunk parses source[start:end], one chunk of the document (see
// markdownChunkEnds), and adds its blocks. src is the original document;
// source is src with its front matter blanked. labels are the link
// reference labels defined elsewhere in the document. parseChunk returns the
// normalized labels the chunk itself defines.
func (b *extractor) parseChunk(src string, source []byte, start, end int, labels map[string]struct{}) []string {
	ctx := refContext{parser.NewContext(), labels}
	doc := markdownParser.Parse(text.NewReader(source[start:end:end]), parser.WithContext(ctx))
	b.base, b.floor, b.defs, b.dirs = start, start, nil, nil
	b.mdBlocks(doc, src, ParagraphBlock)
	return b.defs
}

// refContext is a parser context that also knows the link reference labels
// of the other chunks of the document. Only whether a label is defined
// matters for the prose, so those labels resolve to an empty reference.
type refContext struct {
	parser.Context
	labels map[string]struct{}
}

// Reference implements parser.Context.
func (c refContext) Reference(label string) (parser.Reference, bool) {
	if r, ok := c.Context.Reference(label); ok {
		return r, ok
	}
	if _, ok := c.labels[label]; ok {
		return emptyReference, true
	}
	return nil, false
}

var emptyReference = parser.NewReference(nil, nil, nil)

// mdBlocks walks the block children of n. kind is the kind of the paragraphs
// found directly in n: the innermost list item or block quote decides.
func (b *extractor) mdBlocks(n ast.Node, src string, kind BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			b.mdProse(c, src, kind)
		case ast.KindHeading:
			b.mdProse(c, src, HeadingBlock)
		case ast.KindBlockquote:
			b.mdBlocks(c, src, QuoteBlock)
		case ast.KindList:
			b.mdBlocks(c, src, kind)
		case ast.KindListItem:
			b.mdBlocks(c, src, ListItemBlock)
		case ast.KindLinkReferenceDefinition:
			label := util.ToLinkReference(c.(*ast.LinkReferenceDefinition).Label)
			b.defs = append(b.defs, label)
		case ast.KindHTMLBlock:
			if lines := c.Lines(); lines.Len() > 0 {
				end := lines.At(lines.Len() - 1).Stop
				if h := c.(*ast.HTMLBlock); h.HasClosure() {
					end = h.ClosureLine.Stop
				}
				b.dirs = appendDirectives(b.dirs, src[b.base:], lines.At(0).Start, end, true)
			}
		}
		// Everything else holds no prose: code blocks, HTML blocks, thematic
		// breaks, link reference definitions and tables.
	}
}

// mdProse makes one block of kind k from the inline content of n.
func (b *extractor) mdProse(n ast.Node, src string, k BlockKind) {
	b.begin(k)
	b.mdInline(n, src)
	b.end()
}

// mdInline adds the prose segments of the inline children of n.
func (b *extractor) mdInline(n ast.Node, src string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindText:
			seg := c.(*ast.Text).Segment
			b.mdText(b.base+seg.Start, b.base+seg.Stop, src)
		case ast.KindRawHTML:
			if segs := c.(*ast.RawHTML).Segments; segs.Len() > 0 {
				b.dirs = appendDirectives(b.dirs, src[b.base:], segs.At(0).Start, segs.At(segs.Len()-1).Stop, false)
			}
		case ast.KindCodeSpan, ast.KindAutoLink, ast.KindImage, ast.KindString:
			// Not prose, or (ast.String) text with no place in the source.
		default:
			// Emphasis, links and inline nodes of extensions: their children.
			b.mdInline(c, src)
		}
	}
}

// mdText adds the text run src[start:end] without the backslashes of
// backslash escapes and without character references.
func (b *extractor) mdText(start, end int, src string) {
	if start < 0 || end > len(src) || start >= end {
		return
	}
	from := start
	for i := start; i < end; i++ {
		switch src[i] {
		case '\\':
			if i+1 < end && util.IsPunct(src[i+1]) {
				b.add(from, i, src)
				from = i + 1
				i++
			}
		case '&':
			if n := entityLen(src[i:end]); n > 0 {
				b.add(from, i, src)
				from = i + n
				i += n - 1
			}
		}
	}
	b.add(from, end, src)
}

// entityLen returns the length of the character reference at the start of s,
// or 0 if s does not start with one. The forms are those of CommonMark 0.31.2
// §2.5: &name; for an HTML5 entity name, &#digits; (1–7 digits) and &#xhex;
// (1–6 hex digits).
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	switch {
	case s[1] == '#' && len(s) > 2 && (s[2] == 'x' || s[2] == 'X'):
		i = 3
		for i < len(s) && i < 3+6 && util.IsHexDecimal(s[i]) {
			i++
		}
		if i == 3 {
			return 0
		}
	case s[1] == '#':
		i = 2
		for i < len(s) && i < 2+7 && util.IsNumeric(s[i]) {
			i++
		}
		if i == 2 {
			return 0
		}
	default:
		for i < len(s) && i < 1+32 && util.IsAlphaNumeric(s[i]) {
			i++
		}
		if i == 1 || i >= len(s) || s[i] != ';' {
			return 0
		}
		if _, ok := util.LookUpHTML5EntityByName(s[1:i]); !ok {
			return 0
		}
	}
	if i >= len(s) || s[i] != ';' {
		return 0
	}
	return i + 1
}

// frontMatterLen returns the length of the YAML or TOML front matter at the
// start of src, including the line ending of its closing line, or 0 if there
// is none. YAML front matter opens with a line "---" and closes with "---" or
// "..."; TOML front matter opens and closes with "+++" (the conventions of
// Jekyll and Hugo, https://gohugo.io/content-management/front-matter/). The
// delimiter lines may carry trailing spaces and tabs, and a byte order mark
// may come before the opening line. Without a closing line there is no front
// matter.
func frontMatterLen(src string) int {
	pos := 0
	if strings.HasPrefix(src, "\uFEFF") {
		pos = len("\uFEFF")
	}
	line, next := fmLine(src, pos)
	var closers [2]string
	switch line {
	case "---":
		closers = [2]string{"---", "..."}
	case "+++":
		closers = [2]string{"+++", "+++"}
	default:
		return 0
	}
	for pos = next; pos < len(src); {
		line, next = fmLine(src, pos)
		if line == closers[0] || line == closers[1] {
			return next
		}
		pos = next
	}
	return 0
}

// fmLine returns the line of src at pos without its line ending and trailing
// spaces and tabs, and the offset of the next line.
func fmLine(src string, pos int) (line string, next int) {
	end, next := len(src), len(src)
	if nl := strings.IndexAny(src[pos:], "\r\n"); nl >= 0 {
		end, next = pos+nl, pos+nl+1
		if src[end] == '\r' && next < len(src) && src[next] == '\n' {
			next++
		}
	}
	line = strings.TrimRight(src[pos:end], " \t")
	return line, next
}
