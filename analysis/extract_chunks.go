package analysis

import (
	"bytes"
	"regexp"
)

// markdownChunkEnds appends to ends the end offsets of the chunks of the
// Markdown source src, the last being len(src), and returns the result.
//
// A chunk ends before a line that starts in column 0 with a character other
// than a space or tab, follows a blank line, and lies outside any fenced code
// block and any HTML block of CommonMark kinds 1–5 (script, pre, style and
// textarea elements, comments, processing instructions, declarations and
// CDATA; https://spec.commonmark.org/0.31.2/#html-blocks), the blocks that can
// run across blank lines. Such a line closes every open block: a blank line
// ends paragraphs and HTML blocks of kinds 6 and 7, and a line that is neither
// indented nor prefixed by ">" continues no list item and no block quote.
// HTML blocks of kinds 6 and 7 are tracked too, as a fence line inside them
// opens no fence. So
// each chunk parses on its own as it would inside the whole document, with
// two exceptions that do not change the extracted prose: a list split at a
// chunk end becomes two lists, and link reference definitions are shared
// between chunks by the caller.
//
// Only about one in every such lines ends a chunk, chosen by a hash of the
// start of the line, so that chunks are a few paragraphs long (parsing has a
// fixed cost per chunk) and yet an edit moves no chunk end but its own; a
// chunk longer than maxChunk ends at the next such line regardless.
//
// The fence tracker looks at lines indented by at most three spaces. It can be
// fooled by a fenced code block inside a list item that is never closed and is
// followed, later, by a fenced code block at the top level; the chunks then
// differ from the document's structure.
func markdownChunkEnds(src []byte, ends []int, every uint32) []int {
	var (
		fence      byte     // '`' or '~' while inside a fenced code block
		fenceLen   int      // length of the opening fence
		html       htmlKind // kind of the open HTML block
		prevBlank  = false  // the line is blank (set before the switch)
		afterBlank = true   // the line comes first or after a blank line
		last       = 0      // start of the current chunk
	)
	for pos := 0; pos < len(src); {
		end, next := len(src), len(src)
		if nl := bytes.IndexByte(src[pos:], '\n'); nl >= 0 {
			end, next = pos+nl, pos+nl+1
		}
		line := src[pos:end]
		if pos > 0 && prevBlank && fence == 0 && html == 0 && len(line) > 0 && !isBlankByte(line[0]) &&
			(chunkHash(line)%every == 0 || pos-last > maxChunk) {
			ends = append(ends, pos)
			last = pos
		}
		prevBlank = isBlankLine(line)
		switch {
		case fence != 0:
			if c, n, rest := fenceAt(line); c == fence && n >= fenceLen && isBlankLine(rest) {
				fence = 0
			}
		case html != 0:
			if htmlBlockEnds(html, line) {
				html = 0
			}
		default:
			if c, n, rest := fenceAt(line); c != 0 && (c == '~' || bytes.IndexByte(rest, '`') < 0) {
				fence, fenceLen = c, n
			} else if k, rest := htmlBlockStart(line, afterBlank); k != 0 && !htmlBlockEnds(k, rest) {
				html = k
			}
		}
		afterBlank = prevBlank
		pos = next
	}
	return append(ends, len(src))
}

// chunkEvery is the every of markdownChunkEnds for documents: chunks of
// about four paragraphs. Tests set it to 1 to make every possible chunk end
// an end.
var chunkEvery uint32 = 4

const (
	// maxChunk is the length in bytes past which a chunk ends at the next
	// possible line.
	maxChunk = 16 << 10
)

// chunkHash returns the 32-bit FNV-1a hash
// (http://www.isthe.com/chongo/tech/comp/fnv/) of the first 32 bytes of line.
func chunkHash(line []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range line[:min(len(line), 32)] {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// isBlankLine reports whether line holds only spaces, tabs and a carriage return.
func isBlankLine(line []byte) bool {
	for _, c := range line {
		if !isBlankByte(c) {
			return false
		}
	}
	return true
}

// indent3 returns line without up to three leading spaces, or nil if it is
// indented further (an indented code line, or a tab).
func indent3(line []byte) []byte {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		return nil
	}
	return line[i:]
}

// fenceAt returns the fence character and length of a code fence at the start
// of line (after at most three spaces), and the rest of the line; c is 0 if
// there is no fence.
func fenceAt(line []byte) (c byte, n int, rest []byte) {
	line = indent3(line)
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0, 0, nil
	}
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 {
		return 0, 0, nil
	}
	return line[0], n, line[n:]
}

// htmlKind is the kind of an HTML block by the numbering of CommonMark 0.31.2
// §4.6, with 6 standing for 7 as well; 0 is none.
type htmlKind uint8

// htmlBlockStart returns the kind of the HTML block starting on line, and the
// rest of the line after its start condition; kind is 0 if no HTML block
// starts there, and 6 for kinds 6 and 7, which both end at a blank line. As a
// block of kind 7 cannot interrupt a paragraph, it is looked for only if
// afterBlank, the line coming first or after a blank line.
func htmlBlockStart(line []byte, afterBlank bool) (kind htmlKind, rest []byte) {
	line = indent3(line)
	if len(line) < 2 || line[0] != '<' {
		return 0, nil
	}
	for _, tag := range [...]string{"script", "pre", "style", "textarea"} {
		if len(line) > len(tag) && asciiEqualFold(line[1:1+len(tag)], tag) {
			after := line[1+len(tag):]
			if len(after) == 0 || after[0] == ' ' || after[0] == '\t' || after[0] == '\f' || after[0] == '\r' ||
				after[0] == '>' || bytes.HasPrefix(after, []byte("/>")) {
				return 1, after
			}
		}
	}
	switch {
	case bytes.HasPrefix(line, []byte("<!--")):
		return 2, line[4:]
	case bytes.HasPrefix(line, []byte("<?")):
		return 3, line[2:]
	case bytes.HasPrefix(line, []byte("<![CDATA[")):
		return 5, line[9:]
	case len(line) > 2 && line[1] == '!' && 'A' <= line[2] && line[2] <= 'Z':
		return 4, line[2:]
	}
	// Kind 6: "<" or "</", a known block tag name, and then a space, ">",
	// "/>" or the line end. Kind 7: a whole open or closing tag alone on
	// its line, with any tag name.
	i := 1
	if line[i] == '/' {
		for i++; i < len(line) && line[i] == ' '; i++ {
		}
	}
	j := i
	for j < len(line) && (isASCIILetter(line[j]) || j > i && (line[j] == '-' || '0' <= line[j] && line[j] <= '9')) {
		j++
	}
	if j == i {
		return 0, nil
	}
	after := bytes.TrimRight(line[j:], "\r")
	if (len(after) == 0 || after[0] == ' ' || after[0] == '>' || bytes.HasPrefix(after, []byte("/>"))) &&
		htmlBlockTag(line[i:j]) {
		return 6, line
	}
	if afterBlank && htmlTagLine.Match(line) {
		return 6, line
	}
	return 0, nil
}

// htmlTagLine matches a line holding one whole open or closing tag and white
// space (CommonMark 0.31.2 §6.6, raw HTML).
var htmlTagLine = regexp.MustCompile(`^(?:<[A-Za-z][A-Za-z0-9-]*` +
	`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)*` +
	`\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`)

// htmlBlockTag reports whether name is, ignoring ASCII case, one of the block
// tag names of CommonMark 0.31.2 §4.6, kind 6.
func htmlBlockTag(name []byte) bool {
	if len(name) > len("blockquote") {
		return false
	}
	var buf [10]byte
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := htmlBlockTags[string(buf[:len(name)])]
	return ok
}

var htmlBlockTags = map[string]struct{}{
	"address": {}, "article": {}, "aside": {}, "base": {}, "basefont": {}, "blockquote": {},
	"body": {}, "caption": {}, "center": {}, "col": {}, "colgroup": {}, "dd": {}, "details": {},
	"dialog": {}, "dir": {}, "div": {}, "dl": {}, "dt": {}, "fieldset": {}, "figcaption": {},
	"figure": {}, "footer": {}, "form": {}, "frame": {}, "frameset": {}, "h1": {}, "h2": {},
	"h3": {}, "h4": {}, "h5": {}, "h6": {}, "head": {}, "header": {}, "hr": {}, "html": {},
	"iframe": {}, "legend": {}, "li": {}, "link": {}, "main": {}, "menu": {}, "menuitem": {},
	"meta": {}, "nav": {}, "noframes": {}, "ol": {}, "optgroup": {}, "option": {}, "p": {},
	"param": {}, "search": {}, "section": {}, "summary": {}, "table": {}, "tbody": {}, "td": {},
	"tfoot": {}, "th": {}, "thead": {}, "title": {}, "tr": {}, "track": {}, "ul": {},
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// htmlBlockEnds reports whether line meets the end condition of an HTML block of kind k.
func htmlBlockEnds(k htmlKind, line []byte) bool {
	switch k {
	case 1:
		for i := bytes.Index(line, []byte("</")); i >= 0; i = bytes.Index(line, []byte("</")) {
			line = line[i+2:]
			for _, tag := range [...]string{"script>", "pre>", "style>", "textarea>"} {
				if len(line) >= len(tag) && asciiEqualFold(line[:len(tag)], tag) {
					return true
				}
			}
		}
		return false
	case 2:
		return bytes.Contains(line, []byte("-->"))
	case 3:
		return bytes.Contains(line, []byte("?>"))
	case 4:
		return bytes.IndexByte(line, '>') >= 0
	case 5:
		return bytes.Contains(line, []byte("]]>"))
	case 6:
		return isBlankLine(line)
	}
	return true
}

// asciiEqualFold reports whether b equals the lower-case ASCII string s, ignoring ASCII case.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
