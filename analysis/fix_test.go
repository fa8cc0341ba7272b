package analysis

import (
	"strings"
	"testing"
)

// fixDocs are Markdown texts with sentences in every place a fix may meet.
var fixDocs = []struct {
	name string
	text string
}{
	{name: "paragraphs", text: "One here. Two here.\n\nThree here.\n"},
	{name: "wrapped paragraph", text: "One here. Two\nhere. Three here.\nFour here.\n"},
	{name: "crlf", text: "One here.\r\nTwo here.\r\n\r\nThree here.\r\n"},
	{name: "lone cr", text: "One here.\rTwo here.\r\rThree here."},
	{name: "no final line ending", text: "One here.\n\nTwo here."},
	{name: "heading", text: "# One here\n\nTwo here.\n\nThree here\n=====\n"},
	{name: "bullet list", text: "- One here.\n- Two here. Three here.\n- Four\n  here.\n"},
	{name: "ordered list", text: "1. One here.\n2) Two here.\n10. Three here.\n"},
	{name: "loose list", text: "- One here.\n\n- Two here.\n\n  Three here.\n"},
	{name: "nested list", text: "- One here.\n  - Two here.\n  - Three here.\n"},
	{name: "quote", text: "> One here.\n> Two here.\n\n> - Three here.\n"},
	{name: "emphasis first", text: "**One here.** Two here.\n\n*Three* here.\n"},
	{name: "emphasis around a sentence", text: "One here. *Two here.* _Three_ here.\nFour **here**.\n"},
	{name: "escapes at both ends", text: "One here\\. \\*Two here.\\\n"},
	{name: "list after paragraph", text: "One here:\n- Two here.\n"},
	{name: "front matter", text: "---\ntitle: x\n---\nOne here.\n"},
	{name: "bom", text: "\uFEFFOne here.\n"},
	{name: "unicode", text: "Ünï 😀 here. 𐐀 two here.\n"},
}

// checkFixed analyses text after edits and checks that exactly the sentences
// want says are ignored (by their index, the count unchanged) and that the
// fact box is the same as before.
func checkFixed(t *testing.T, before *Document, edits []Edit, want func(i int) bool) {
	t.Helper()
	after := Apply(before.Text, edits)
	d := Analyze(after, before.Options)
	if len(d.Sentences) != len(before.Sentences) || d.FactBox != before.FactBox {
		t.Fatalf("after the fix %d sentences, fact box %+v; before %d, %+v\n%s", len(d.Sentences), d.FactBox, len(before.Sentences), before.FactBox, after)
	}
	for i, s := range d.Sentences {
		if got := s.Ignored != NotIgnored; got != want(i) {
			t.Errorf("sentence %d %q ignored %v, want %v, in:\n%s", i, after[s.Span.Start:s.Span.End], got, want(i), after)
		}
	}
}

func TestIgnoreSentenceEdits(t *testing.T) {
	for _, tt := range fixDocs {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text, everyHard(Markdown))
			if len(d.Sentences) == 0 {
				t.Fatal("no sentences")
			}
			for i, s := range d.Sentences {
				p := d.ParagraphAt(s.Span.Start)
				edits := IgnoreSentenceEdits(tt.text, s.Span, d.Paragraphs[p].Span.Start)
				checkFixed(t, d, edits, func(j int) bool { return j == i })
			}
		})
	}
}

func TestIgnoreBlockEdits(t *testing.T) {
	for _, tt := range fixDocs {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text, everyHard(Markdown))
			for _, p := range d.Paragraphs {
				edits := IgnoreBlockEdits(tt.text, p.Span.Start)
				checkFixed(t, d, edits, func(j int) bool { return p.Sentences.First <= j && j < p.Sentences.End })
			}
		})
	}
}

func TestDisableFileEdits(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{name: "no front matter", text: "One.\n", want: "<!-- factbox-disable -->\nOne.\n"},
		{name: "no front matter crlf", text: "One.\r\n", want: "<!-- factbox-disable -->\r\nOne.\r\n"},
		{name: "bom", text: "\uFEFFOne.", want: "\uFEFF<!-- factbox-disable -->\nOne."},
		{name: "empty", text: "", want: "<!-- factbox-disable -->\n"},
		{name: "yaml front matter", text: "---\ntitle: x\n---\nOne.\n", want: "---\ntitle: x\nfactbox: false\n---\nOne.\n"},
		{name: "yaml front matter closed by dots", text: "---\ntitle: x\n...\nOne.\n", want: "---\ntitle: x\nfactbox: false\n...\nOne.\n"},
		{name: "toml front matter crlf", text: "+++\r\ntitle = 'x'\r\n+++\r\nOne.\r\n", want: "+++\r\ntitle = 'x'\r\nfactbox = false\r\n+++\r\nOne.\r\n"},
		{name: "existing key", text: "---\nfactbox: true # on\n---\nOne.\n", want: "---\nfactbox: false\n---\nOne.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Apply(tt.text, DisableFileEdits(tt.text))
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			d := Analyze(tt.text, everyHard(Markdown))
			checkFixed(t, d, DisableFileEdits(tt.text), func(int) bool { return true })
		})
	}
	for _, tt := range fixDocs {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text, everyHard(Markdown))
			checkFixed(t, d, DisableFileEdits(tt.text), func(int) bool { return true })
		})
	}
}

func TestApply(t *testing.T) {
	got := Apply("abcdef", []Edit{{Span{4, 5}, "E"}, {Span{0, 0}, "<"}, {Span{2, 2}, "|"}})
	if got != "<ab|cdEf" {
		t.Errorf("got %q", got)
	}
	if strings.Contains(Apply("", nil), "x") {
		t.Error("empty")
	}
}

// FuzzFixes checks, on any Markdown text, that each fix keeps every word
// and sentence and ignores what it says it ignores. It is seeded from fixDocs.
func FuzzFixes(f *testing.F) {
	for _, tt := range fixDocs {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// An unclosed "<!" declaration in the text would end at the ">" of
		// an inserted comment; writers do not leave those in prose. Emphasis
		// delimiters inside words (0*0) may flank differently next to a
		// comment; fixDocs covers emphasis around whole sentences.
		if len(text) > 2000 || strings.Contains(text, "factbox") || strings.Contains(text, "<!") || strings.Contains(text, "<?") ||
			strings.ContainsAny(text, "*_~") {
			t.Skip()
		}
		d := Analyze(text, everyHard(Markdown))
		for _, s := range d.Sentences {
			p := d.ParagraphAt(s.Span.Start)
			edits := IgnoreSentenceEdits(text, s.Span, d.Paragraphs[p].Span.Start)
			after := Apply(text, edits)
			a := Analyze(after, d.Options)
			if a.FactBox.Tokens != d.FactBox.Tokens {
				t.Fatalf("the fix changed the tokens from %d to %d:\n%s", d.FactBox.Tokens, a.FactBox.Tokens, after)
			}
			// Markup next to an inserted comment may parse differently (a
			// literal "*" may turn into emphasis), so the sentence may split
			// or join differently, but what was its text must be ignored.
			shift := 0
			for _, e := range edits {
				if e.Span.Start <= s.Span.Start {
					shift += len(e.NewText)
				}
			}
			from, to := s.Span.Start+shift, s.Span.End+shift
			n := 0
			for _, as := range a.Sentences {
				if as.Span.Start < to && as.Span.End > from {
					n++
					if as.Ignored == NotIgnored {
						t.Fatalf("sentence %q not ignored after the fix:\n%s", after[as.Span.Start:as.Span.End], after)
					}
				}
			}
			if n == 0 {
				t.Fatalf("no sentence in %d-%d after the fix:\n%s", from, to, after)
			}
		}
	})
}
