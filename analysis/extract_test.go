package analysis

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// extractWant is one expected block: its kind and the text of its segments.
type extractWant struct {
	Kind BlockKind
	Segs []string
}

func para(segs ...string) extractWant  { return extractWant{ParagraphBlock, segs} }
func head(segs ...string) extractWant  { return extractWant{HeadingBlock, segs} }
func item(segs ...string) extractWant  { return extractWant{ListItemBlock, segs} }
func quote(segs ...string) extractWant { return extractWant{QuoteBlock, segs} }

// extractGot turns blocks into the form of extractWant.
func extractGot(text string, blocks []Block) []extractWant {
	var got []extractWant
	for _, b := range blocks {
		w := extractWant{Kind: b.Kind}
		for _, s := range b.Segments {
			w.Segs = append(w.Segs, text[s.Start:s.End])
		}
		got = append(got, w)
	}
	return got
}

// extractCheck reports broken invariants of blocks extracted from text:
// spans within bounds, ascending and non-overlapping; segments non-empty,
// trimmed and inside their block, whose span they delimit.
func extractCheck(text string, blocks []Block) error {
	prev := 0
	for i, b := range blocks {
		if len(b.Segments) == 0 {
			return fmt.Errorf("block %d has no segments", i)
		}
		if b.Span.Start != b.Segments[0].Start || b.Span.End != b.Segments[len(b.Segments)-1].End {
			return fmt.Errorf("block %d: span %v does not run from its first segment %v to its last %v",
				i, b.Span, b.Segments[0], b.Segments[len(b.Segments)-1])
		}
		for j, s := range b.Segments {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				return fmt.Errorf("block %d segment %d: span %v is empty, out of bounds or before offset %d", i, j, s, prev)
			}
			if isBlankByte(text[s.Start]) || isBlankByte(text[s.End-1]) {
				return fmt.Errorf("block %d segment %d: %q is not trimmed", i, j, text[s.Start:s.End])
			}
			prev = s.End
		}
		if cap(b.Segments) != len(b.Segments) {
			return fmt.Errorf("block %d: segments capacity %d, want %d", i, cap(b.Segments), len(b.Segments))
		}
	}
	return nil
}

var plainTests = []struct {
	name string
	in   string
	want []extractWant
}{
	{"empty", "", nil},
	{"blank lines only", " \n\t\n  \r\n", nil},
	{"one line", "Hello world.", []extractWant{para("Hello world.")}},
	{"trailing newline", "Hello world.\n", []extractWant{para("Hello world.")}},
	{"two paragraphs", "One.\n\nTwo.\n", []extractWant{para("One."), para("Two.")}},
	{"hard-wrapped", "A sentence that\nspans two lines.\n", []extractWant{para("A sentence that", "spans two lines.")}},
	{"blank line with spaces and tabs", "One.\n \t \nTwo.", []extractWant{para("One."), para("Two.")}},
	{"many blank lines", "\n\n\nOne.\n\n\n\nTwo.\n\n\n", []extractWant{para("One."), para("Two.")}},
	{"line whitespace trimmed", "  \tIndented line.  \n\ttabbed\t\n", []extractWant{para("Indented line.", "tabbed")}},
	{"CRLF", "One\r\ntwo.\r\n\r\nThree.\r\n", []extractWant{para("One", "two."), para("Three.")}},
	{"CR only", "One\rtwo.\r\rThree.\r", []extractWant{para("One", "two."), para("Three.")}},
	{"mixed endings", "a\r\nb\nc\rd\n\r\ne", []extractWant{para("a", "b", "c", "d"), para("e")}},
	{"no final newline after CR", "a\r", []extractWant{para("a")}},
	{"form feed is not blank", "a\n\f\nb", []extractWant{para("a", "\f", "b")}},
	{"invalid UTF-8 and NUL", "\xff\xfe ok\x00\n\n\x80", []extractWant{para("\xff\xfe ok\x00"), para("\x80")}},
	{"markdown is text", "# Title\n\n`code` here", []extractWant{para("# Title"), para("`code` here")}},
}

func TestExtractPlain(t *testing.T) {
	for _, tt := range plainTests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := Extract(tt.in, Plain)
			if err := extractCheck(tt.in, blocks); err != nil {
				t.Error(err)
			}
			if got := extractGot(tt.in, blocks); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Extract(%q, Plain)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

var markdownTests = []struct {
	name string
	in   string
	want []extractWant
}{
	{"empty", "", nil},
	{"paragraphs", "One.\n\nTwo\nlines.\n", []extractWant{para("One."), para("Two", "lines.")}},
	{"ATX headings", "# Title\n\n## Sub *title* ##\n", []extractWant{head("Title"), head("Sub", "title")}},
	{"setext headings", "Title\n=====\n\nSub\ntitle\n---\n", []extractWant{head("Title"), head("Sub", "title")}},
	{"heading then paragraph", "# Title\nText.", []extractWant{head("Title"), para("Text.")}},
	{"CRLF", "# Title\r\n\r\nOne\r\ntwo.\r\n\r\n- a\r\n- b\r\n", []extractWant{head("Title"), para("One", "two."), item("a"), item("b")}},
	{"emphasis spanning lines", "Some *emphasis\nacross* lines and **strong _nested_** text.",
		[]extractWant{para("Some", "emphasis", "across", "lines and", "strong", "nested", "text.")}},
	{"intra-word emphasis splits", "un*frigging*believable", []extractWant{para("un", "frigging", "believable")}},
	// Regression: goldmark ends a text node before "!" (it might open an
	// image); the two nodes are one run, not two words.
	{"text cut before an exclamation mark is one run", "Go here.!now 0 /!000", []extractWant{para("Go here.!now 0 /!000")}},
	{"soft and hard line breaks", "soft\nbreak  \nhard\\\nbackslash", []extractWant{para("soft", "break", "hard", "backslash")}},
	{"inline code", "Run `go test ./...` now.", []extractWant{para("Run", "now.")}},
	{"inline code with backticks", "A ``code ` span`` here.", []extractWant{para("A", "here.")}},
	{"only inline code", "`code`", nil},
	{"link", "See [the docs](https://example.com/docs) here.", []extractWant{para("See", "the docs", "here.")}},
	{"link with title", "See [the *docs*](https://example.com \"The title\") here.", []extractWant{para("See", "the", "docs", "here.")}},
	{"reference links", "See [docs][d], [Docs] and [d][].\n\n[d]: https://example.com \"Title\"\n[docs]: /docs\n",
		[]extractWant{para("See", "docs", ",", "Docs", "and", "d", ".")}},
	{"link reference definition only", "[d]: https://example.com\n", nil},
	{"autolink", "Mail <me@example.com> or <https://example.com>.", []extractWant{para("Mail", "or", ".")}},
	{"bare URL is text", "Visit https://example.com today.", []extractWant{para("Visit https://example.com today.")}},
	{"image", "An ![alt text](img.png \"title\") image.", []extractWant{para("An", "image.")}},
	{"image inside link", "[![logo](logo.png) Home](/)", []extractWant{para("Home")}},
	{"only image", "![alt](img.png)", nil},
	{"inline HTML", "Text <span class=\"x\">inside</span> <!-- comment --> end.", []extractWant{para("Text", "inside", "end.")}},
	{"HTML block", "<div>\n*not* prose\n</div>\n\nProse.\n", []extractWant{para("Prose.")}},
	{"HTML comment block", "<!--\nA comment.\n\nStill.\n-->\nProse.", []extractWant{para("Prose.")}},
	{"backslash escapes", `\*not emphasis\* and a \\ backslash`, []extractWant{para("*not emphasis", "* and a", `\ backslash`)}},
	{"backslash before letter is text", `a\b`, []extractWant{para(`a\b`)}},
	{"entities", "AT&amp;T caf&eacute; &#169; &#x263A; &bogus; & x", []extractWant{para("AT", "T caf", "&bogus; & x")}},
	{"fenced code", "Before.\n\n```go\n# not a heading\n\n- not a list\n\n*not emphasis*\n```\n\nAfter.\n",
		[]extractWant{para("Before."), para("After.")}},
	{"tilde fence", "~~~\ncode\n~~~\nAfter.", []extractWant{para("After.")}},
	{"indented code", "Para.\n\n    code line\n\n    more code\n\nAfter.", []extractWant{para("Para."), para("After.")}},
	{"only code", "```\ncode\n```\n\n    indented\n", nil},
	{"thematic breaks", "One.\n\n***\n\nTwo.\n\n---\n\nThree.", []extractWant{para("One."), para("Two."), para("Three.")}},
	{"tight list", "- one\n- two\n- three\n", []extractWant{item("one"), item("two"), item("three")}},
	{"ordered list", "1. one\n2. two\n", []extractWant{item("one"), item("two")}},
	{"loose list", "- one\n\n- two\n\n  two again\n", []extractWant{item("one"), item("two"), item("two again")}},
	{"list item spanning lines", "- one\n  continues\n- two", []extractWant{item("one", "continues"), item("two")}},
	{"nested lists", "- a\n  - b\n    - c\n- d\n", []extractWant{item("a"), item("b"), item("c"), item("d")}},
	{"list after paragraph", "Intro:\n- a\n- b", []extractWant{para("Intro:"), item("a"), item("b")}},
	{"block quote", "> Quoted\n> text.\n>\n> Second.", []extractWant{quote("Quoted", "text."), quote("Second.")}},
	{"lazy block quote", "> Quoted\nlazy.", []extractWant{quote("Quoted", "lazy.")}},
	{"block quote with list", "> Intro:\n> - a\n> - b\n>\n> # Head", []extractWant{quote("Intro:"), item("a"), item("b"), head("Head")}},
	{"list with block quote", "- item\n\n  > quoted", []extractWant{item("item"), quote("quoted")}},
	{"table", "Before.\n\n| a | b |\n|---|:-:|\n| c | d |\n\nAfter.", []extractWant{para("Before."), para("After.")}},
	{"table without outer pipes", "a | b\n--|--\nc | d\n", nil},
	{"not a table", "a | b\n\nc | d", []extractWant{para("a | b"), para("c | d")}},
	{"YAML front matter", "---\ntitle: Hello\ntags: [a]\n---\n# Title\n\nText.", []extractWant{head("Title"), para("Text.")}},
	{"YAML front matter ending with dots", "---\ntitle: x\n...\nText.", []extractWant{para("Text.")}},
	{"YAML front matter CRLF", "---\r\ntitle: x\r\n---\r\nText.", []extractWant{para("Text.")}},
	{"TOML front matter", "+++\ntitle = \"Hello\"\n+++\nText.", []extractWant{para("Text.")}},
	{"front matter after BOM", "\uFEFF---\ntitle: x\n---\nText.", []extractWant{para("Text.")}},
	{"unclosed front matter is a break", "---\nText.", []extractWant{para("Text.")}},
	{"front matter not at start", "\n---\ntitle: x\n---\nText.", []extractWant{head("title: x"), para("Text.")}},
	{"dashes after text are setext", "Text.\n---\nMore.", []extractWant{head("Text."), para("More.")}},
	{"thematic break not at start", "Intro.\n\n---\n\ntitle: x\n\n---\n", []extractWant{para("Intro."), para("title: x")}},
	{"invalid UTF-8 and NUL", "\xff *\x00x*\n\n# \x80", []extractWant{para("\xff", "\x00x"), head("\x80")}},
}

func TestExtractMarkdown(t *testing.T) {
	for _, tt := range markdownTests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := Extract(tt.in, Markdown)
			if err := extractCheck(tt.in, blocks); err != nil {
				t.Error(err)
			}
			if got := extractGot(tt.in, blocks); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Extract(%q, Markdown)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExtractAppendKeepsDst(t *testing.T) {
	dst := Extract("First.", Plain)
	blocks := ExtractAppend(dst, "Second.\n\nThird.", Plain)
	if got := len(blocks); got != 3 {
		t.Fatalf("len = %d, want 3", got)
	}
	if got := blocks[0].Span; got != (Span{0, 6}) {
		t.Errorf("first block span = %v, want {0 6}", got)
	}
	if got := blocks[2].Span; got != (Span{9, 15}) {
		t.Errorf("third block span = %v, want {9 15}", got)
	}
}

func TestExtractConcurrent(t *testing.T) {
	in := markdownTests[len(markdownTests)/2].in
	want := Extract(in, Markdown)
	done := make(chan []Block)
	for range 4 {
		go func() { done <- Extract(in, Markdown) }()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Extract = %v, want %v", got, want)
		}
	}
}

// TestExtractGolden extracts every document under testdata/extract (.md as
// Markdown, .txt as plain text) and compares a listing of its blocks with the
// .golden file next to it.
func TestExtractGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "extract", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		var format Format
		switch filepath.Ext(file) {
		case ".md":
			format = Markdown
		case ".txt":
			format = Plain
		default:
			continue
		}
		n++
		t.Run(filepath.Base(file), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text := string(in)
			blocks := Extract(text, format)
			if err := extractCheck(text, blocks); err != nil {
				t.Error(err)
			}
			got := extractListing(text, blocks)
			golden := strings.TrimSuffix(file, filepath.Ext(file)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./analysis -run TestExtractGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("blocks of %s differ from %s:\n%s", file, golden, got)
			}
		})
	}
	if n == 0 {
		t.Fatal("no documents in testdata/extract")
	}
}

// extractListing lists blocks one per line, with their kind, span and
// segments joined by " | ".
func extractListing(text string, blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "%-9s %5d-%-5d ", b.Kind, b.Span.Start, b.Span.End)
		for i, s := range b.Segments {
			if i > 0 {
				sb.WriteString(" | ")
			}
			sb.WriteString(text[s.Start:s.End])
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func FuzzExtract(f *testing.F) {
	for _, tt := range plainTests {
		f.Add(tt.in, false)
	}
	for _, tt := range markdownTests {
		f.Add(tt.in, true)
	}
	f.Fuzz(func(t *testing.T, in string, markdown bool) {
		format := Plain
		if markdown {
			format = Markdown
		}
		if err := extractCheck(in, Extract(in, format)); err != nil {
			t.Errorf("Extract(%q, %v): %v", in, format, err)
		}
	})
}

func ExampleReextract() {
	before := "# Notes\n\nFirst paragraph.\n\nSecond paragraph.\n"
	after := "# Notes\n\nFirst paragraph, edited.\n\nSecond paragraph.\n"
	x := NewExtraction(before, Markdown)
	x = Reextract(x, after, Markdown) // reuses the parse of unchanged chunks
	for _, b := range x.Blocks {
		fmt.Printf("%s %q\n", b.Kind, after[b.Span.Start:b.Span.End])
	}
	// Output:
	// heading "Notes"
	// paragraph "First paragraph, edited."
	// paragraph "Second paragraph."
}

func ExampleExtract() {
	text := "# Usage\n\nRun `factbox`\non a *draft*; see [the docs](https://example.com).\n\n- Short items\n- end blocks\n"
	for _, b := range Extract(text, Markdown) {
		fmt.Printf("%s %v:", b.Kind, b.Span)
		for _, s := range b.Segments {
			fmt.Printf(" %q", text[s.Start:s.End])
		}
		fmt.Println()
	}
	// Output:
	// heading {2 7}: "Usage"
	// paragraph {9 73}: "Run" "on a" "draft" "; see" "the docs" "."
	// list-item {77 88}: "Short items"
	// list-item {91 101}: "end blocks"
}

// extractCorpus returns the benchmark corpus: the file named by
// $FACTBOX_CORPUS, or else /work/shared/corpus/prose.txt (see the README).
func extractCorpus(b *testing.B) string {
	path := os.Getenv("FACTBOX_CORPUS")
	if path == "" {
		path = "/work/shared/corpus/prose.txt"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	return string(data)
}

var extractSink []Block

func BenchmarkExtractPlain(b *testing.B) {
	text := extractCorpus(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		extractSink = Extract(text, Plain)
	}
}

func BenchmarkExtractMarkdown(b *testing.B) {
	text := extractCorpus(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		extractSink = Extract(text, Markdown)
	}
}

// BenchmarkExtractMarkdownDoc extracts the golden Markdown document repeated
// to about 1 MB: markup-heavy input, the size of the language server's target.
func BenchmarkExtractMarkdownDoc(b *testing.B) {
	doc, err := os.ReadFile(filepath.Join("testdata", "extract", "guide.md"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(doc)+"\n", 1<<20/(len(doc)+1)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		extractSink = Extract(text, Markdown)
	}
}

// extractWhole extracts Markdown by parsing the whole document at once,
// without chunks: the reference for the chunked parse.
func extractWhole(src string) []Block {
	source := []byte(src)
	for i := range frontMatterLen(src) {
		if c := source[i]; c != '\n' && c != '\r' {
			source[i] = ' '
		}
	}
	var b extractor
	b.parseChunk(src, source, 0, len(src), nil)
	return b.finish()
}

var chunkTests = []struct {
	name string
	in   string
	want []string // chunk texts
}{
	{"empty", "", []string{""}},
	{"paragraphs", "One.\n\nTwo.\n", []string{"One.\n\n", "Two.\n"}},
	{"no blank line", "One.\nTwo.\n# Three\n", []string{"One.\nTwo.\n# Three\n"}},
	{"indented line", "- a\n\n  b\n\nc", []string{"- a\n\n  b\n\n", "c"}},
	{"list items", "- a\n\n- b\n", []string{"- a\n\n", "- b\n"}},
	{"fence with blank lines", "```\na\n\nb\n```\n\nc", []string{"```\na\n\nb\n```\n\n", "c"}},
	{"longer closing fence", "~~~~\na\n\n~~~\n\nb\n~~~~~\n\nc", []string{"~~~~\na\n\n~~~\n\nb\n~~~~~\n\n", "c"}},
	{"unclosed fence", "```\na\n\nb", []string{"```\na\n\nb"}},
	{"backtick in info string", "``` a`b\n\nc", []string{"``` a`b\n\n", "c"}},
	{"indented fence", "   ```\na\n\nb\n```\n\nc", []string{"   ```\na\n\nb\n```\n\n", "c"}},
	{"HTML comment", "<!--\na\n\nb\n-->\n\nc", []string{"<!--\na\n\nb\n-->\n\n", "c"}},
	{"HTML comment on one line", "<!-- a -->\n\nb", []string{"<!-- a -->\n\n", "b"}},
	{"pre block", "<PRE>\na\n\nb\n</pre>\n\nc", []string{"<PRE>\na\n\nb\n</pre>\n\n", "c"}},
	{"div block ends at blank line", "<div>\na\n\nb\n</div>", []string{"<div>\na\n\n", "b\n</div>"}},
	{"fence line in div block", "<div>\n```\n\na\n\n```\nb\n\nc", []string{"<div>\n```\n\n", "a\n\n", "```\nb\n\nc"}},
	{"fence line in custom tag block", "<my-tag a=\"1\">\n```\n\na", []string{"<my-tag a=\"1\">\n```\n\n", "a"}},
	{"not a tag: fence opens", "<A!>\n```\n\n1", []string{"<A!>\n```\n\n1"}}, // found by fuzzing against the whole parse
	{"custom tag cannot interrupt paragraph", "p\n<my-tag>\n```\n\na", []string{"p\n<my-tag>\n```\n\na"}},
	{"CRLF", "a\r\n\r\nb\r\n", []string{"a\r\n\r\n", "b\r\n"}},
	{"blank line with spaces", "a\n  \t\nb", []string{"a\n  \t\n", "b"}},
}

func TestMarkdownChunkEnds(t *testing.T) {
	for _, tt := range chunkTests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			start := 0
			for _, end := range markdownChunkEnds([]byte(tt.in), nil, 1) {
				got = append(got, tt.in[start:end])
				start = end
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("chunks of %q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestExtractChunkedMatchesWhole checks that parsing chunk by chunk gives
// what parsing the whole document gives, on every Markdown input of the
// tests and the golden documents, with chunks as small as they can be and
// with the chunks of documents.
func TestExtractChunkedMatchesWhole(t *testing.T) {
	inputs := map[string]string{}
	for _, tt := range markdownTests {
		inputs[tt.name] = tt.in
	}
	for _, tt := range chunkTests {
		inputs["chunks/"+tt.name] = tt.in
	}
	for _, tt := range reextractTests {
		inputs["reextract/"+tt.name+"/old"] = tt.old
		inputs["reextract/"+tt.name+"/new"] = tt.new
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "extract", "*.md"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = string(data)
	}
	defer func(every uint32) { chunkEvery = every }(chunkEvery)
	for _, every := range []uint32{1, chunkEvery} {
		chunkEvery = every
		for name, in := range inputs {
			if got, want := Extract(in, Markdown), extractWhole(in); !reflect.DeepEqual(extractGot(in, got), extractGot(in, want)) {
				t.Errorf("%s, chunkEvery %d: chunked %q\nwhole %q", name, every, extractGot(in, got), extractGot(in, want))
			}
		}
	}
}

var reextractTests = []struct {
	name     string
	old, new string
	parsed   int // chunks parsed by Reextract, at most
}{
	{"edit in a paragraph", "One.\n\nTwo.\n\nThree.\n", "One.\n\nTwo!\n\nThree.\n", 1},
	{"insert a paragraph", "One.\n\nThree.\n", "One.\n\nTwo.\n\nThree.\n", 1},
	{"delete a paragraph", "One.\n\nTwo.\n\nThree.\n", "One.\n\nThree.\n", 0},
	{"join paragraphs", "One.\n\nTwo.\n\nThree.\n", "One.\nTwo.\n\nThree.\n", 1},
	{"open a fence", "One.\n\nTwo.\n\nThree.\n", "```\nOne.\n\nTwo.\n\nThree.\n", 1},
	{"close a fence", "```\nOne.\n\nTwo.\n\nThree.\n", "```\nOne.\n```\n\nTwo.\n\nThree.\n", 3},
	{"add a reference definition", "See [a].\n\nAnd [b].\n\nNo link.\n", "See [a].\n\nAnd [b].\n\nNo link.\n\n[a]: /a\n", 4},
	{"remove a reference definition", "See [a].\n\nNo link.\n\n[a]: /a\n", "See [a].\n\nNo link.\n\n[b]: /a\n", 2},
	{"edit with a definition unchanged", "See [a].\n\nTwo.\n\n[a]: /a\n", "See [a].\n\nTwo!\n\n[a]: /a\n", 1},
	{"definition before use", "[a]: /a\n\nSee [a].\n", "[a]: /a\n\nSee [a]!\n", 1},
	{"front matter edit", "---\nt: 1\n---\nText.\n\nMore.\n", "---\nt: 2\n---\nText.\n\nMore.\n", 1},
	{"front matter removed", "---\nt: 1\n---\n\nText.\n", "t: 1\n---\n\nText.\n", 2},
	{"same text", "One.\n\nTwo.\n", "One.\n\nTwo.\n", 0},
}

func TestReextract(t *testing.T) {
	defer func(every uint32) { chunkEvery = every }(chunkEvery)
	chunkEvery = 1
	for _, tt := range reextractTests {
		t.Run(tt.name, func(t *testing.T) {
			prev := NewExtraction(tt.old, Markdown)
			got := Reextract(prev, tt.new, Markdown)
			want := NewExtraction(tt.new, Markdown)
			if !reflect.DeepEqual(got.Blocks, want.Blocks) {
				t.Errorf("Reextract blocks %q\nwant %q", extractGot(tt.new, got.Blocks), extractGot(tt.new, want.Blocks))
			}
			if err := extractCheck(tt.new, got.Blocks); err != nil {
				t.Error(err)
			}
			if got.parsed > tt.parsed {
				t.Errorf("Reextract parsed %d chunks, want at most %d", got.parsed, tt.parsed)
			}
		})
	}
}

// TestReextractBigDocument edits one character in a large document and
// checks that only the chunk holding it, or the two chunks around it if the
// edit made a new chunk end, are parsed again.
func TestReextractBigDocument(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("testdata", "extract", "guide.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(doc)+"\n", 50)
	prev := NewExtraction(text, Markdown)
	for _, edit := range []struct{ find, repl string }{
		{"Release notes tell", "release notes tell"},
		{"Then sort them", "Then, sort them"},
		{"| 1.4.0 ", "| 1.4.1 "},
		{"Tag the release", "Tag the release\n\nand more"},
	} {
		i := strings.Index(text[len(text)/2:], edit.find) + len(text)/2
		next := text[:i] + edit.repl + text[i+len(edit.find):]
		got := Reextract(prev, next, Markdown)
		if want := Extract(next, Markdown); !reflect.DeepEqual(got.Blocks, want) {
			t.Errorf("%q → %q: Reextract differs from Extract", edit.find, edit.repl)
		}
		if got.parsed > 2 {
			t.Errorf("%q → %q: parsed %d chunks of %d, want at most 2", edit.find, edit.repl, got.parsed, len(got.chunks))
		}
	}
}

func TestReextractFormats(t *testing.T) {
	text := "# One\n\nTwo.\n"
	plain := NewExtraction(text, Plain)
	if got, want := Reextract(plain, text, Markdown).Blocks, Extract(text, Markdown); !reflect.DeepEqual(got, want) {
		t.Errorf("Reextract(plain, Markdown) = %v, want %v", got, want)
	}
	md := NewExtraction(text, Markdown)
	if got, want := Reextract(md, text, Plain).Blocks, Extract(text, Plain); !reflect.DeepEqual(got, want) {
		t.Errorf("Reextract(markdown, Plain) = %v, want %v", got, want)
	}
	if got, want := Reextract(nil, text, Markdown).Blocks, Extract(text, Markdown); !reflect.DeepEqual(got, want) {
		t.Errorf("Reextract(nil, Markdown) = %v, want %v", got, want)
	}
}

func FuzzReextract(f *testing.F) {
	for _, tt := range reextractTests {
		f.Add(tt.old, tt.new)
	}
	for _, tt := range markdownTests {
		f.Add(tt.in, tt.in+"\n\n[x]: /y\n")
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		got := Reextract(NewExtraction(old, Markdown), new, Markdown)
		if want := Extract(new, Markdown); !reflect.DeepEqual(got.Blocks, want) {
			t.Errorf("Reextract(%q → %q) = %q, want %q", old, new, extractGot(new, got.Blocks), extractGot(new, want))
		}
	})
}

// BenchmarkReextractMarkdownDoc edits one character in the middle of the
// golden Markdown document repeated to about 1 MB and extracts it again,
// reusing the previous extraction: the language server's path after a
// keystroke.
func BenchmarkReextractMarkdownDoc(b *testing.B) {
	doc, err := os.ReadFile(filepath.Join("testdata", "extract", "guide.md"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(doc)+"\n", 1<<20/(len(doc)+1)+1)
	i := strings.Index(text[len(text)/2:], "Release notes tell") + len(text)/2
	texts := [2]string{text, text[:i] + "r" + text[i+1:]}
	x := NewExtraction(texts[0], Markdown)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		x = Reextract(x, texts[n%2], Markdown)
	}
	extractSink = x.Blocks
}
