package analysis

import (
	"regexp"
	"sort"
	"strings"
)

// DirectiveKind says what a factbox comment in Markdown asks for.
type DirectiveKind uint8

const (
	// DisableDirective, <!-- factbox-disable -->, stops flagging sentences
	// from the end of the comment up to the next EnableDirective, or to the
	// end of the text.
	DisableDirective DirectiveKind = iota + 1
	// EnableDirective, <!-- factbox-enable -->, ends the stretch a
	// DisableDirective began. Without one open it does nothing.
	EnableDirective
	// IgnoreDirective, <!-- factbox-ignore -->, stops flagging the sentences
	// of the next prose block (paragraph, heading, list item or quote).
	IgnoreDirective
)

// Directive keywords, as written in the comments.
const (
	disableKeyword = "factbox-disable"
	enableKeyword  = "factbox-enable"
	ignoreKeyword  = "factbox-ignore"
)

// String returns the directive's keyword: "factbox-disable", "factbox-enable" or "factbox-ignore".
func (k DirectiveKind) String() string {
	switch k {
	case DisableDirective:
		return disableKeyword
	case EnableDirective:
		return enableKeyword
	case IgnoreDirective:
		return ignoreKeyword
	}
	return "unknown"
}

// Directive is one factbox comment of a Markdown text: an HTML comment whose
// text, trimmed, starts with a keyword ("factbox-disable", "factbox-enable"
// or "factbox-ignore") followed by white space or the comment's end. What
// follows the keyword is a free remark, say the reason:
//
//	<!-- factbox-disable legal text, worded by counsel -->
//
// Only comments that Markdown reads as HTML count: an HTML block or inline
// raw HTML. The same characters in code, in a code span or in front matter
// are text, not directives.
type Directive struct {
	Kind DirectiveKind
	// Span covers the whole comment, from "<!--" to "-->".
	Span Span
	// Block is set when the comment is (part of) an HTML block, that is on a
	// line of its own, rather than inline inside prose.
	Block bool
}

// appendDirectives appends the directives among the HTML comments of
// src[start:end], the source of one HTML block or raw HTML node, with spans
// relative to src.
func appendDirectives(dst []Directive, src string, start, end int, block bool) []Directive {
	if start < 0 || end > len(src) || start >= end {
		return dst
	}
	for pos := start; pos < end; {
		i := strings.Index(src[pos:end], "<!--")
		if i < 0 {
			break
		}
		open := pos + i
		j := strings.Index(src[open+4:end], "-->")
		if j < 0 {
			break
		}
		close := open + 4 + j + 3
		if k, ok := directiveKind(src[open+4 : close-3]); ok {
			dst = append(dst, Directive{Kind: k, Span: Span{open, close}, Block: block})
		}
		pos = close
	}
	return dst
}

// directiveKind returns the kind of directive the comment text body names.
func directiveKind(body string) (DirectiveKind, bool) {
	body = strings.TrimLeft(body, " \t\r\n")
	for _, k := range [...]DirectiveKind{DisableDirective, EnableDirective, IgnoreDirective} {
		kw := k.String()
		if !strings.HasPrefix(body, kw) {
			continue
		}
		if rest := body[len(kw):]; rest == "" || strings.IndexByte(" \t\r\n", rest[0]) >= 0 {
			return k, true
		}
	}
	return 0, false
}

// Ignore says why a sentence is never flagged as hard, whatever its grade.
// The fact boxes still count an ignored sentence: ignoring changes what is
// flagged, never what is counted.
type Ignore uint8

const (
	// NotIgnored is a sentence flagged by its difficulty alone.
	NotIgnored Ignore = iota
	// IgnoredByFile is every sentence of a Markdown text whose front matter
	// says "factbox: false" (YAML) or "factbox = false" (TOML).
	IgnoredByFile
	// IgnoredByDisable is a sentence that overlaps the stretch between a
	// DisableDirective and its EnableDirective.
	IgnoredByDisable
	// IgnoredByBlock is a sentence of the block after an IgnoreDirective.
	IgnoredByBlock
	// IgnoredByPattern is a hard or very hard sentence that one of
	// Options.Ignore matches. Sentences not hard are not matched against
	// the patterns (it would cost time and change nothing), so they never
	// carry this reason.
	IgnoredByPattern
	// IgnoredBySetting is a hard or very hard sentence analysed with
	// Options.Silent, as for a file whose config switches diagnostics off.
	IgnoredBySetting
)

// String returns "", "file", "disable", "block", "pattern" or "setting".
func (g Ignore) String() string {
	switch g {
	case IgnoredByFile:
		return "file"
	case IgnoredByDisable:
		return "disable"
	case IgnoredByBlock:
		return "block"
	case IgnoredByPattern:
		return "pattern"
	case IgnoredBySetting:
		return "setting"
	}
	return ""
}

// Flagged reports whether the sentence is reported as hard or very hard: its
// difficulty is not OK and nothing ignores it.
func (s *Sentence) Flagged() bool { return s.Difficulty != OK && s.Ignored == NotIgnored }

// ignoreRegion is a stretch of text whose sentences are ignored for reason.
type ignoreRegion struct {
	span   Span
	reason Ignore
}

// ignoreRegions returns the stretches of text that directives and front
// matter switch off, in no particular order. blocks and dirs are the
// extraction's; plain text has no regions.
func ignoreRegions(text string, format Format, blocks []Block, dirs []Directive) []ignoreRegion {
	if format != Markdown {
		return nil
	}
	if _, off := FrontMatterSetting(text); off {
		return []ignoreRegion{{Span{0, len(text)}, IgnoredByFile}}
	}
	var out []ignoreRegion
	open := -1
	for _, d := range dirs {
		switch d.Kind {
		case DisableDirective:
			if open < 0 {
				open = d.Span.End
			}
		case EnableDirective:
			if open >= 0 {
				out = append(out, ignoreRegion{Span{open, d.Span.Start}, IgnoredByDisable})
				open = -1
			}
		case IgnoreDirective:
			i := sort.Search(len(blocks), func(i int) bool { return blocks[i].Span.Start >= d.Span.End })
			if i < len(blocks) {
				out = append(out, ignoreRegion{blocks[i].Span, IgnoredByBlock})
			}
		}
	}
	if open >= 0 {
		out = append(out, ignoreRegion{Span{open, len(text)}, IgnoredByDisable})
	}
	return out
}

// markIgnored sets the Ignored fact of sents, sentences of text in order,
// from regions and then, for sentences still flagged, from opts.Silent and
// opts.Ignore. A
// sentence that overlaps a region by at least one byte is ignored; the first
// reason found wins.
func markIgnored(text string, sents []Sentence, regions []ignoreRegion, opts *Options) {
	for i := range sents {
		sents[i].Ignored = NotIgnored
	}
	for _, r := range regions {
		i := sort.Search(len(sents), func(i int) bool { return sents[i].Span.End > r.span.Start })
		for ; i < len(sents) && sents[i].Span.Start < r.span.End; i++ {
			if sents[i].Ignored == NotIgnored {
				sents[i].Ignored = r.reason
			}
		}
	}
	if !opts.Silent && len(opts.Ignore) == 0 {
		return
	}
	for i := range sents {
		s := &sents[i]
		switch {
		case !s.Flagged():
		case opts.Silent:
			s.Ignored = IgnoredBySetting
		case matchesAny(opts.Ignore, text[s.Span.Start:s.Span.End]):
			s.Ignored = IgnoredByPattern
		}
	}
}

// matchesAny reports whether one of res matches s.
func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// frontMatterKey is the key that switches factbox off in front matter.
const frontMatterKey = "factbox"

// FrontMatterSetting looks in the front matter of a Markdown text for the
// line that sets the key "factbox" ("factbox: …" in YAML, "factbox = …" in
// TOML). line is the span of that line without its line ending ({-1, -1} when
// there is none); off is set when its value is false (also written off or no
// in YAML, quoted or not). Any other value leaves factbox on.
func FrontMatterSetting(text string) (line Span, off bool) {
	line = Span{-1, -1}
	n := frontMatterLen(text)
	if n == 0 {
		return line, false
	}
	start := 0
	if strings.HasPrefix(text, "\uFEFF") {
		start = len("\uFEFF")
	}
	_, p := fmLine(text, start) // past the opening delimiter
	for p < n {
		l, next := fmLine(text, p)
		if v, ok := frontMatterValue(l); ok {
			end := p + len(l)
			return Span{p, end}, v
		}
		p = next
	}
	return line, false
}

// frontMatterValue reads a front matter line "factbox: v" or "factbox = v";
// ok is false for any other line, off is whether v means false.
func frontMatterValue(l string) (off, ok bool) {
	rest, found := strings.CutPrefix(l, frontMatterKey)
	if !found {
		return false, false
	}
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || (rest[0] != ':' && rest[0] != '=') {
		return false, false
	}
	v := rest[1:]
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	switch strings.ToLower(v) {
	case "false", "off", "no":
		return true, true
	}
	return false, true
}
