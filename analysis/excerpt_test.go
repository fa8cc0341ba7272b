package analysis

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

var visibleTests = []struct {
	name   string
	in     string
	format Format
	want   string
}{
	{"plain text is as written", "Use `x` and [a](b).", Plain, "Use `x` and [a](b)."},
	{"inline code keeps its text", "The `tqdm` tool is fast.", Markdown, "The tqdm tool is fast."},
	{"double backticks", "Run ``a`b`` now.", Markdown, "Run a`b now."},
	{"code padded with spaces", "Type `` `x` `` here.", Markdown, "Type `x` here."},
	{"unclosed backtick stays", "A ` alone.", Markdown, "A ` alone."},
	{"link text without destination", "See [the docs](https://example.org/a_(b)) first.", Markdown, "See the docs first."},
	{"link text cut at the start", "OpenHub](https://www.openhub.net/p/tqdm) valuates it.", Markdown, "OpenHub valuates it."},
	{"image dropped", "Look ![a chart](c.png) here.", Markdown, "Look  here."},
	{"emphasis markers dropped", "It is **very** _much_ *so*.", Markdown, "It is very much so."},
	{"underscore inside a word stays", "Set snake_case names.", Markdown, "Set snake_case names."},
	{"lone star stays", "Compute 2 * 3 now.", Markdown, "Compute 2 * 3 now."},
	{"autolink keeps its address", "Mail <ana@example.org> or <https://example.org>.", Markdown, "Mail ana@example.org or https://example.org."},
	{"html tag dropped", "One<br>two <span class=x>three</span>.", Markdown, "Onetwo three."},
	{"less-than sign stays", "If a < b then stop.", Markdown, "If a < b then stop."},
	{"backslash escape", `A \*star\* here.`, Markdown, "A *star* here."},
	{"bad UTF-8 passes through", "Caf\xe9 `x`.", Markdown, "Caf\xe9 x."},
}

func TestVisible(t *testing.T) {
	for _, tt := range visibleTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Visible(tt.in, 0, len(tt.in), tt.format); got != tt.want {
				t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := Visible("abc", 2, 99, Markdown); got != "c" {
		t.Errorf("clamped Visible = %q, want %q", got, "c")
	}
	if got := Visible("abc", 3, 1, Markdown); got != "" {
		t.Errorf("empty Visible = %q", got)
	}
}

func TestShownText(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		format   Format
		want     []string
	}{
		{"code opens a later sentence", "It works. `tqdm` means progress.", Markdown, []string{"It works.", "tqdm means progress."}},
		{"code opens the paragraph", "`tqdm` means progress.", Markdown, []string{"tqdm means progress."}},
		{"bold code opens the paragraph", "**`tqdm`** means progress.", Markdown, []string{"tqdm means progress."}},
		{"two code spans", "It works. `a` and `b` differ.", Markdown, []string{"It works.", "a and b differ."}},
		{"code on the line above stays out", "`x`\nmeans it.", Markdown, []string{"means it."}},
		{"link opens a sentence", "It works. [OpenHub](https://x.org/p) values it.", Markdown, []string{"It works.", "OpenHub values it."}},
		{"list item with code", "- `ls` lists files.", Markdown, []string{"ls lists files."}},
		{"plain text keeps backticks", "It works. `tqdm` means progress.", Plain, []string{"It works.", "`tqdm` means progress."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Stream(tt.in, Options{Format: tt.format, MinWords: 14, HardLevel: 10, VeryHardLevel: 14}, func(_ *Paragraph, sents []Sentence) {
				for i := range sents {
					got = append(got, ShownText(tt.in, sents, i, tt.format))
				}
			})
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ShownText of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzVisible(f *testing.F) {
	for _, tt := range visibleTests {
		f.Add(tt.in, 0)
	}
	f.Fuzz(func(t *testing.T, text string, from int) {
		got := Visible(text, 0, len(text), Markdown)
		if len(got) > len(text) {
			t.Fatalf("Visible(%q) = %q is longer than its input", text, got)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("Visible(%q) = %q cut a character", text, got)
		}
		if !strings.ContainsAny(text, "`[]*_<\\!") && got != text {
			t.Fatalf("Visible(%q) = %q changed text without markup", text, got)
		}
		start := len(text) / 2
		if p := VisibleStart(text, from, start, Markdown); p < 0 || p > start || from < start && from >= 0 && p < from {
			t.Fatalf("VisibleStart(%q, %d, %d) = %d out of range", text, from, start, p)
		}
	})
}

func ExampleVisible() {
	text := "Several are available. `tqdm` means [progress](https://example.org)."
	fmt.Println(Visible(text, strings.Index(text, "`"), len(text), Markdown))
	// Output: tqdm means progress.
}
