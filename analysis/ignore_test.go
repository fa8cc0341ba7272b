package analysis

import (
	"regexp"
	"strings"
	"testing"
)

// everyHard grades every sentence very hard, so that only ignoring keeps one
// from being flagged.
func everyHard(format Format) Options {
	o := DefaultOptions()
	o.Format, o.MinWords, o.HardLevel, o.VeryHardLevel = format, 0, -100, -100
	return o
}

// ignoredOf lists the first word and the Ignore reason of each sentence: "One:" or "Two:disable".
func ignoredOf(text string, sents []Sentence) []string {
	var out []string
	for _, s := range sents {
		word, _, _ := strings.Cut(text[s.Span.Start:s.Span.End], " ")
		out = append(out, strings.Trim(word, ".")+":"+s.Ignored.String())
	}
	return out
}

var ignoreTests = []struct {
	name     string
	text     string
	format   Format
	patterns []string
	want     string // ignoredOf joined by spaces
}{
	{name: "no directives", text: "One. Two.\n\nThree.\n", want: "One: Two: Three:"},
	{name: "disable and enable blocks",
		text: "One.\n\n<!-- factbox-disable -->\n\nTwo.\n\nThree.\n\n<!-- factbox-enable -->\n\nFour.\n",
		want: "One: Two:disable Three:disable Four:"},
	{name: "disable without enable runs to the end",
		text: "One.\n\n<!-- factbox-disable -->\nTwo.\n\nThree.\n", want: "One: Two:disable Three:disable"},
	{name: "enable without disable does nothing",
		text: "<!-- factbox-enable -->\n\nOne.\n", want: "One:"},
	{name: "inline pair around one sentence",
		text: "One here. <!-- factbox-disable -->Two here.<!-- factbox-enable --> Three here.\n",
		want: "One: Two:disable Three:"},
	{name: "inline pair across lines",
		text: "One here. <!-- factbox-disable -->\nTwo here.<!-- factbox-enable -->\nThree here.\n",
		want: "One: Two:disable Three:"},
	{name: "ignore the next paragraph",
		text: "One.\n\n<!-- factbox-ignore -->\nTwo. Three.\n\nFour.\n", want: "One: Two:block Three:block Four:"},
	{name: "ignore the next heading",
		text: "<!-- factbox-ignore -->\n# One\n\nTwo.\n", want: "One:block Two:"},
	{name: "ignore the next list item only",
		text: "- One.\n  <!-- factbox-ignore -->\n- Two.\n- Three.\n", want: "One: Two:block Three:"},
	{name: "ignore the next quote paragraph",
		text: "> <!-- factbox-ignore -->\n> One.\n\nTwo.\n", want: "One:block Two:"},
	{name: "ignore skips blocks without prose",
		text: "<!-- factbox-ignore -->\n\n```\ncode\n```\n\nOne.\n\nTwo.\n", want: "One:block Two:"},
	{name: "a remark after the keyword",
		text: "<!-- factbox-disable legal text, worded by counsel -->\nOne.\n", want: "One:disable"},
	{name: "a comment spanning lines",
		text: "<!--\nfactbox-disable\n-->\n\nOne.\n", want: "One:disable"},
	{name: "not a keyword: a longer word",
		text: "<!-- factbox-disabled -->\n\nOne.\n", want: "One:"},
	{name: "not a directive in a fenced code block",
		text: "```\n<!-- factbox-disable -->\n```\n\nOne.\n", want: "One:"},
	{name: "not a directive in a code span",
		text: "One `<!-- factbox-disable -->` here. Two.\n", want: "One: Two:"},
	{name: "not a directive in plain text",
		text: "<!-- factbox-disable -->\n\nOne.\n", format: Plain, want: "factbox-disable: One:"},
	{name: "front matter factbox false",
		text: "---\ntitle: x\nfactbox: false\n---\n\nOne. Two.\n", want: "One:file Two:file"},
	{name: "front matter quoted off with a comment",
		text: "---\nfactbox: 'off' # legal\n---\nOne.\n", want: "One:file"},
	{name: "toml front matter",
		text: "+++\nfactbox = false\n+++\nOne.\n", want: "One:file"},
	{name: "front matter factbox true",
		text: "---\nfactbox: true\n---\nOne.\n", want: "One:"},
	{name: "front matter key indented is another key",
		text: "---\nparams:\n  factbox: false\n---\nOne.\n", want: "One:"},
	{name: "patterns ignore matching hard sentences",
		text: "One here. Two {{< shortcode >}} here.\n", patterns: []string{`\{\{<.*>\}\}`}, want: "One: Two:pattern"},
	{name: "patterns in plain text",
		text: "One here.\n\nCopyright two.\n", format: Plain, patterns: []string{`^Copyright`}, want: "One: Copyright:pattern"},
	{name: "silent ignores every hard sentence, after directives",
		text: "<!-- factbox-ignore -->\nOne.\n\nTwo.\n", patterns: []string{"silent"}, want: "One:block Two:setting"},
	{name: "a directive wins over a pattern",
		text: "<!-- factbox-ignore -->\nOne.\n", patterns: []string{`One`}, want: "One:block"},
}

func TestIgnore(t *testing.T) {
	for _, tt := range ignoreTests {
		t.Run(tt.name, func(t *testing.T) {
			format := tt.format
			if format == Plain && !strings.Contains(tt.name, "plain") {
				format = Markdown
			}
			opts := everyHard(format)
			for _, p := range tt.patterns {
				if p == "silent" {
					opts.Silent = true
					continue
				}
				opts.Ignore = append(opts.Ignore, regexp.MustCompile(p))
			}
			d := Analyze(tt.text, opts)
			if got := strings.Join(ignoredOf(tt.text, d.Sentences), " "); got != tt.want {
				t.Errorf("Analyze: %s, want %s", got, tt.want)
			}
			var streamed []Sentence
			Stream(tt.text, opts, func(_ *Paragraph, sents []Sentence) { streamed = append(streamed, sents...) })
			if got := strings.Join(ignoredOf(tt.text, streamed), " "); got != tt.want {
				t.Errorf("Stream: %s, want %s", got, tt.want)
			}
			plainOpts := opts
			plainOpts.Ignore, plainOpts.Silent = nil, false
			if a, b := d.FactBox, Analyze(tt.text, plainOpts).FactBox; a != b {
				t.Errorf("ignoring changed the fact box: %+v, without %+v", a, b)
			}
		})
	}
}

// TestIgnoreReanalyze checks that the directives of chunks reused from the
// previous version still count, and that an edit adding one takes effect.
func TestIgnoreReanalyze(t *testing.T) {
	defer func(e uint32) { chunkEvery = e }(chunkEvery)
	chunkEvery = 1
	var b strings.Builder
	b.WriteString("<!-- factbox-disable -->\n\nFirst.\n\n<!-- factbox-enable -->\n\n")
	for range 20 {
		b.WriteString("Filler sentence.\n\n")
	}
	b.WriteString("Last.\n")
	text := b.String()
	opts := everyHard(Markdown)
	d := Analyze(text, opts)
	edited := strings.Replace(text, "Last.", "<!-- factbox-ignore -->\nLast.", 1)
	e := Reanalyze(d, edited, opts)
	if e.state.extraction.parsed >= len(e.state.extraction.chunks) {
		t.Fatalf("parsed %d of %d chunks: the test needs reuse", e.state.extraction.parsed, len(e.state.extraction.chunks))
	}
	want := strings.Join(ignoredOf(edited, Analyze(edited, opts).Sentences), " ")
	if got := strings.Join(ignoredOf(edited, e.Sentences), " "); got != want {
		t.Errorf("Reanalyze: %s\nwant %s", got, want)
	}
	if e.Sentences[0].Ignored != IgnoredByDisable || e.Sentences[len(e.Sentences)-1].Ignored != IgnoredByBlock {
		t.Errorf("first %v, last %v; want disable, block", e.Sentences[0].Ignored, e.Sentences[len(e.Sentences)-1].Ignored)
	}
}

func TestFrontMatterSetting(t *testing.T) {
	tests := []struct {
		name string
		text string
		line string
		off  bool
	}{
		{name: "none", text: "factbox: false\n"},
		{name: "unclosed", text: "---\nfactbox: false\n"},
		{name: "yaml false", text: "---\nfactbox: false\n---\n", line: "factbox: false", off: true},
		{name: "yaml no", text: "---\nfactbox:no\n---\n", line: "factbox:no", off: true},
		{name: "yaml true", text: "---\nfactbox: true\n---\n", line: "factbox: true"},
		{name: "bom crlf", text: "\uFEFF---\r\nfactbox: false\r\n---\r\n", line: "factbox: false", off: true},
		{name: "toml", text: "+++\nfactbox = false\n+++\n", line: "factbox = false", off: true},
		{name: "other key", text: "---\nfactboxes: false\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			span, off := FrontMatterSetting(tt.text)
			line := ""
			if span.Start >= 0 {
				line = tt.text[span.Start:span.End]
			}
			if line != tt.line || off != tt.off {
				t.Errorf("got %q %v, want %q %v", line, off, tt.line, tt.off)
			}
		})
	}
}
