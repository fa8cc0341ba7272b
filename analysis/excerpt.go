package analysis

import "strings"

// VisibleStart returns where a sentence that starts at start shows to a
// reader: in Markdown, inline code written just before its first word
// ("`tqdm` means …") is part of what the reader sees, though it makes no
// token, so the start moves back over it and over emphasis or link openers
// around it ("**`x`** is"), never before from (the end of the previous
// sentence, or the start of the paragraph's first line) nor across a line
// break. In plain text it returns start.
func VisibleStart(text string, from, start int, format Format) int {
	if format != Markdown || from < 0 || start > len(text) || from >= start {
		return start
	}
	p := start
	for {
		q := p
		for q > from && (text[q-1] == ' ' || text[q-1] == '\t' || text[q-1] == '*' || text[q-1] == '_' || text[q-1] == '[') {
			q--
		}
		if q == from || text[q-1] != '`' {
			break
		}
		// A code span ends at q; find its opening run of backticks.
		e := q
		for e > from && text[e-1] == '`' {
			e--
		}
		run := text[e:q]
		open := strings.LastIndex(text[from:e], run)
		if open < 0 || strings.ContainsAny(text[from+open:q], "\n\r") {
			break
		}
		p = from + open
		for p > from && (text[p-1] == '*' || text[p-1] == '_' || text[p-1] == '[') {
			p--
		}
	}
	if p == start {
		return start
	}
	for p < start && (text[p] == '*' || text[p] == '_' || text[p] == '[') {
		p++ // markup before the code is not shown
	}
	return p
}

// Visible returns text[start:end] as a reader of the rendered document sees
// it: for Markdown, inline code keeps its text without the backticks; links
// keep their text without brackets and destination; images, HTML tags,
// emphasis markers and escaping backslashes are dropped; autolinks keep
// their address. Plain text is returned as it is. It is meant for excerpts,
// not for counting: it never changes a sentence's span or tokens. Bad
// offsets are clamped.
func Visible(text string, start, end int, format Format) string {
	start, end = max(start, 0), min(end, len(text))
	if start >= end {
		return ""
	}
	s := text[start:end]
	if format != Markdown || !strings.ContainsAny(s, "`[]*_<\\!") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			if k := strings.Index(s[j:], s[i:j]); k >= 0 {
				code := s[j : j+k]
				if len(code) > 1 && code[0] == ' ' && code[len(code)-1] == ' ' {
					code = code[1 : len(code)-1]
				}
				b.WriteString(code)
				i = j + k + (j - i)
				continue
			}
			b.WriteString(s[i:j])
			i = j
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if close := strings.Index(s[i:], "]("); close >= 0 {
				if e := closeParen(s, i+close+1); e > 0 {
					i = e // an image: its alt text is not seen
					continue
				}
			}
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			if e := closeParen(s, i+1); e > 0 {
				i = e // a link's destination
				continue
			}
		case c == '[' || c == ']':
			i++
			continue
		case c == '*' || c == '_':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			before := i > 0 && !isSpaceByte(s[i-1])
			after := j < len(s) && !isSpaceByte(s[j])
			inWord := c == '_' && i > 0 && j < len(s) && isASCIIAlnum(s[i-1]) && isASCIIAlnum(s[j])
			if (before || after) && !inWord {
				i = j // emphasis markers
				continue
			}
			b.WriteString(s[i:j])
			i = j
			continue
		case c == '<':
			e := strings.IndexByte(s[i:], '>')
			if e > 1 && (isASCIIAlnum(s[i+1]) || s[i+1] == '/') && !strings.ContainsAny(s[i+1:i+e], "\n\r<") {
				inner := s[i+1 : i+e]
				if !strings.ContainsAny(inner, " \t") && (strings.Contains(inner, "://") || strings.Contains(inner, "@")) {
					b.WriteString(inner) // an autolink shows its address
				}
				i += e + 1 // an HTML tag shows nothing
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// closeParen returns the offset after the ")" that closes the "(" at s[open],
// or -1; nested parentheses count, a line break ends the search.
func closeParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '\n', '\r':
			return -1
		}
	}
	return -1
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// ShownText returns sentence i of sents, the sentences of one paragraph in
// order, as a reader sees it (see VisibleStart and Visible): for an excerpt.
func ShownText(text string, sents []Sentence, i int, format Format) string {
	s := sents[i].Span
	from := s.Start
	if i > 0 {
		from = sents[i-1].Span.End
	} else {
		for from > 0 && text[from-1] != '\n' && text[from-1] != '\r' {
			from--
		}
	}
	return Visible(text, VisibleStart(text, from, s.Start, format), s.End, format)
}
