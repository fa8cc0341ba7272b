package analysis

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// markerLine matches a line that starts with a list marker: a bullet, or a
// number, section number, letter or Roman numeral closed by ")" or ".",
// followed by white space. It is written independently of the splitter.
var markerLine = regexp.MustCompile(`^[ \t]*(?:[-*+•‣◦⁃▪●][ \t]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{2,4})[.)][ \t]|\(?[A-Z]\)[ \t])`)

// realFiles returns the texts of testdata/realfiles (see its README.md).
func realFiles(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("testdata/realfiles/*")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, p := range paths {
		if filepath.Base(p) == "README.md" {
			continue // the sources and licences of the others
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = string(data)
	}
	if len(files) < 3 {
		t.Fatalf("want at least 3 real files in testdata/realfiles, got %d", len(files))
	}
	return files
}

// itemLines returns the byte offsets of the lines of text that start a list
// item: a line that starts with a list marker and follows a blank line, a
// line ending with . : ; ! or ?, or another line that starts with a marker.
// A marker line that continues a wrapped sentence ("under section" then
// "7.  This") is not counted.
func itemLines(text string) []int {
	var out []int
	prev := "" // the previous line, trimmed
	prevMarker := false
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		isMarker := markerLine.MatchString(line)
		if isMarker && (prev == "" || prevMarker || strings.ContainsAny(prev[len(prev)-1:], ".:;!?")) {
			out = append(out, off)
		}
		prev, prevMarker = strings.TrimSpace(line), isMarker
		off = end + 1
	}
	return out
}

// TestRealFilesSentences checks properties of the sentences of real plain-text
// files: no sentence's text starts with a list marker, no sentence runs over
// the start of a line that starts a list item, and every sentence's shown
// grade agrees with its tier.
func TestRealFilesSentences(t *testing.T) {
	for name, text := range realFiles(t) {
		if strings.HasSuffix(name, ".md") {
			continue // TestRealFilesMarkdown
		}
		t.Run(name, func(t *testing.T) {
			doc := Analyze(text, DefaultOptions())
			items := itemLines(text)
			if len(items) == 0 {
				t.Errorf("no list items found in %s; the test would prove nothing", name)
			}
			for _, s := range doc.Sentences {
				st := text[s.Span.Start:s.Span.End]
				if markerLine.MatchString(st) {
					t.Errorf("sentence starts with a list marker: %q", st)
				}
				for _, off := range items {
					if s.Span.Start < off && off < s.Span.End {
						t.Errorf("sentence runs over the list item at line %d: %q", strings.Count(text[:off], "\n")+1, st)
					}
				}
				checkShownTier(t, s, doc.Options)
			}
		})
	}
}

// checkShownTier fails if the grade of s, as FormatGrade shows it with one
// and with three decimals, reads as a tier other than the sentence's own.
func checkShownTier(t *testing.T, s Sentence, opts Options) {
	t.Helper()
	if s.FactBox.Tokens < opts.MinWords {
		return
	}
	for _, d := range []int{1, 3} {
		shown, err := strconv.ParseFloat(FormatGrade(s.FactBox.Level, d, opts), 64)
		if err != nil {
			t.Fatal(err)
		}
		tier := OK
		switch {
		case shown >= opts.VeryHardLevel:
			tier = VeryHard
		case shown >= opts.HardLevel:
			tier = Hard
		}
		if tier != s.Difficulty {
			t.Errorf("grade %v shown as %v reads as %v, but the sentence is %v", s.FactBox.Level, shown, tier, s.Difficulty)
		}
	}
}

// TestRealFilesShownTiersAtThresholds moves the thresholds onto the shown
// grades of real sentences, where rounding would cross them, and checks that
// no shown grade contradicts its tier.
func TestRealFilesShownTiersAtThresholds(t *testing.T) {
	text := realFiles(t)["GPL-3"]
	base := Analyze(text, DefaultOptions())
	tried := 0
	for _, s := range base.Sentences {
		up, _ := strconv.ParseFloat(strconv.FormatFloat(s.FactBox.Level, 'f', 1, 64), 64)
		if up <= s.FactBox.Level || s.FactBox.Tokens < 14 {
			continue // only grades that round up, onto a threshold just above them
		}
		for _, opts := range []Options{
			{MinWords: 14, HardLevel: up, VeryHardLevel: up + 4},
			{MinWords: 14, HardLevel: up - 4, VeryHardLevel: up},
		} {
			tried++
			doc := Analyze(text, opts)
			for _, s := range doc.Sentences {
				checkShownTier(t, s, opts)
			}
		}
		if tried >= 8 {
			break
		}
	}
	if tried == 0 {
		t.Fatal("no sentence of GPL-3 has a grade that rounds up; the test proves nothing")
	}
}

// TestRealFilesMarkdown checks that the excerpt of every sentence of a real
// Markdown file is the text a reader sees: no backticks, link destinations or
// emphasis markers, and every word token of the sentence in it.
func TestRealFilesMarkdown(t *testing.T) {
	text := realFiles(t)["apt.README.md"]
	opts := DefaultOptions()
	opts.Format = Markdown
	doc := Analyze(text, opts)
	for _, p := range doc.Paragraphs {
		sents := doc.Sentences[p.Sentences.First:p.Sentences.End]
		for i, s := range sents {
			shown := ShownText(text, sents, i, Markdown)
			if strings.Contains(shown, "`") || strings.Contains(shown, "](") || strings.Contains(shown, "**") {
				t.Errorf("excerpt keeps markup: %q", shown)
			}
			for _, tk := range doc.Tokens[s.Tokens.First:s.Tokens.End] {
				if !strings.Contains(shown, text[tk.Span.Start:tk.Span.End]) {
					t.Errorf("excerpt %q lacks its word %q", shown, text[tk.Span.Start:tk.Span.End])
				}
			}
			checkShownTier(t, s, opts)
		}
	}
	t.Logf("%d sentences, %d paragraphs", len(doc.Sentences), len(doc.Paragraphs))
}
