package analysis

import "strings"

// Edit replaces the bytes of Span with NewText; an empty span inserts.
type Edit struct {
	Span    Span
	NewText string
}

// Apply returns text with edits applied. The edits must not overlap; they
// may come in any order. Apply is what an editor does with a quick fix.
func Apply(text string, edits []Edit) string {
	sorted := append([]Edit(nil), edits...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j].Span.Start < sorted[j-1].Span.Start; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	var b strings.Builder
	at := 0
	for _, e := range sorted {
		b.WriteString(text[at:e.Span.Start])
		b.WriteString(e.NewText)
		at = e.Span.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// The comments the fixes insert.
const (
	disableComment = "<!-- " + disableKeyword + " -->"
	enableComment  = "<!-- " + enableKeyword + " -->"
	ignoreComment  = "<!-- " + ignoreKeyword + " -->"
)

// IgnoreSentenceEdits returns the edits that make a Markdown text ignore one
// sentence: a factbox-disable comment before it and a factbox-enable comment
// after it. sentence is the sentence's span and paraStart the start of its
// block. Each comment goes where Markdown reads it as inline HTML and the
// sentence keeps its words:
//
//   - after other text on the sentence's line, at the sentence's start;
//   - for a sentence that starts a line inside its block, at the end of the
//     line before;
//   - for a block's first sentence that starts its line (a comment there
//     would open an HTML block that swallows the line), on a line of its own
//     above, indented as the block's container (list item, quote) needs.
func IgnoreSentenceEdits(text string, sentence Span, paraStart int) []Edit {
	ls := lineStart(text, sentence.Start)
	// Emphasis delimiters next to the sentence stay next to it, so that
	// they open and close as before: *<!-- … -->Hard.* could not open.
	stop := sentence.End
	for stop < len(text) && isDelimiter(text[stop]) {
		stop++
	}
	end := Edit{Span: Span{stop, stop}, NewText: enableComment}
	if stop > 0 && text[stop-1] == '\\' {
		end.NewText = " " + enableComment // "\<" would escape the comment
	}
	start := sentence.Start
	for start > ls && isDelimiter(text[start-1]) {
		start--
	}
	if start > ls && text[start-1] == '\\' {
		start-- // keep a backslash escape whole: \*word
	}
	switch {
	case !onlyContainers(text[ls:start]):
		return []Edit{{Span: Span{start, start}, NewText: disableComment}, end}
	case paraStart < ls:
		prev := ls - 1 // the line feed ending the line before
		if prev > 0 && text[prev-1] == '\r' {
			prev--
		}
		return []Edit{{Span: Span{prev, prev}, NewText: " " + disableComment}, end}
	}
	return []Edit{lineAbove(text, ls, disableComment), end}
}

// IgnoreBlockEdits returns the edit that makes a Markdown text ignore the
// block starting at paraStart: a factbox-ignore comment on a line of its own
// above the block's first line.
func IgnoreBlockEdits(text string, paraStart int) []Edit {
	return []Edit{lineAbove(text, lineStart(text, paraStart), ignoreComment)}
}

// DisableFileEdits returns the edit that makes a Markdown text flag nothing:
// in front matter that has a factbox key, that key set to false; in other
// front matter, the line "factbox: false" (or "factbox = false" in TOML)
// added; without front matter, a factbox-disable comment on the first line.
// It adds no front matter to a text without it, as not every renderer hides it.
func DisableFileEdits(text string) []Edit {
	bom := 0
	if strings.HasPrefix(text, "\uFEFF") {
		bom = len("\uFEFF")
	}
	n := frontMatterLen(text)
	if n == 0 {
		return []Edit{{Span: Span{bom, bom}, NewText: disableComment + lineEnding(text, bom)}}
	}
	setting := frontMatterKey + ": false"
	if strings.HasPrefix(text[bom:], "+++") {
		setting = frontMatterKey + " = false"
	}
	if line, _ := FrontMatterSetting(text); line.Start >= 0 {
		return []Edit{{Span: line, NewText: setting}}
	}
	// Insert before the closing delimiter line.
	closing := strings.TrimRight(text[:n], "\r\n")
	at := lineStart(text, len(closing))
	return []Edit{{Span: Span{at, at}, NewText: setting + lineEnding(text, bom)}}
}

// lineAbove returns the edit that inserts comment on a new line before the
// line starting at ls, with the containers of that line in front (quote
// markers kept, list markers turned into spaces, up to three), so that the
// comment stays inside the same block quote and, mostly, the same list.
func lineAbove(text string, ls int, comment string) Edit {
	lineEnd := ls
	for lineEnd < len(text) && text[lineEnd] != '\n' && text[lineEnd] != '\r' {
		lineEnd++ // a lone carriage return ends no line, but no container holds one
	}
	prefix := text[ls : ls+containersLen(text[ls:lineEnd])]
	quotes := strings.LastIndexByte(prefix, '>') + 1
	// After the quote markers, at most three spaces: four would make the
	// comment an indented code block where no list item takes it in.
	indent := min(3, len(strings.Replace(prefix[quotes:], "\t", "    ", -1)))
	return Edit{Span: Span{ls, ls}, NewText: prefix[:quotes] + strings.Repeat(" ", indent) + comment + lineEnding(text, ls)}
}

// containersLen returns the length of the run of container markers at the
// start of line: spaces and tabs, block quote markers ">", bullet list
// markers ("-", "*", "+") and ordered list markers ("1.", "2)") followed by a
// space or tab.
func containersLen(line string) int {
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			i++
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				i = j + 1
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// isDelimiter reports whether c makes emphasis or strikethrough.
func isDelimiter(c byte) bool { return c == '*' || c == '_' || c == '~' }

// onlyContainers reports whether prefix, the start of a line, holds nothing
// but container markers (see containersLen).
func onlyContainers(prefix string) bool { return containersLen(prefix) == len(prefix) }

// lineStart returns the offset of the start of the line holding offset. Lines
// end at line feeds only: the Markdown parser (goldmark) reads a lone carriage
// return as part of its line.
func lineStart(text string, offset int) int {
	return strings.LastIndexByte(text[:offset], '\n') + 1
}

// lineEnding returns the line ending ("\r\n" or "\n") of the line holding
// offset, or of the first line that has one, or "\n".
func lineEnding(text string, offset int) string {
	for _, from := range [...]int{offset, 0} {
		if i := strings.IndexByte(text[from:], '\n'); i >= 0 {
			if i += from; i > 0 && text[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}
