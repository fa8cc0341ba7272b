package analysis

import (
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/factbox/factbox/analysis/hints"
)

func TestAnalyzeFactBox(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		format    Format
		tokens    int
		types     int
		sentences int
		paras     int
	}{
		{name: "empty", text: ""},
		{name: "only space", text: " \n\t\r\n "},
		{name: "only punctuation", text: "… — !?"},
		{name: "one sentence", text: "The cat sat on the mat.", tokens: 6, types: 6, sentences: 1, paras: 1},
		{name: "case is kept in types", text: "The cat. A cat saw the cat.", tokens: 7, types: 5, sentences: 2, paras: 1},
		{name: "curly and straight apostrophes are one form", text: "China’s plan. China's plan.", tokens: 6, types: 3, sentences: 2, paras: 1},
		{name: "two paragraphs", text: "One fish.\n\nTwo fish.", tokens: 4, types: 3, sentences: 2, paras: 2},
		{name: "crlf paragraphs", text: "One fish.\r\n\r\nTwo fish.\r\n", tokens: 4, types: 3, sentences: 2, paras: 2},
		{name: "markdown code is not prose", format: Markdown, text: "# Title\n\nRun `go test` now.\n\n```\nnot prose here\n```\n", tokens: 3, types: 3, sentences: 2, paras: 2},
		{name: "hyphens and clitics", text: "The well-known China-Laos ties don't end.", tokens: 9, types: 9, sentences: 1, paras: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := DefaultOptions()
			opts.Format = tt.format
			d := Analyze(tt.text, opts)
			f := d.FactBox
			if f.Tokens != tt.tokens || f.Types != tt.types || f.Sentences != tt.sentences || len(d.Paragraphs) != tt.paras {
				t.Errorf("tokens %d types %d sentences %d paragraphs %d, want %d %d %d %d",
					f.Tokens, f.Types, f.Sentences, len(d.Paragraphs), tt.tokens, tt.types, tt.sentences, tt.paras)
			}
			checkDocument(t, d)
		})
	}
}

func TestClitcSyllables(t *testing.T) {
	d := Analyze("I didn't know. We don't care.", DefaultOptions())
	var got []int32
	for _, tok := range d.Tokens {
		got = append(got, tok.Syllables)
	}
	// I did n't know . We do n't care
	want := []int32{1, 1, 1, 1, 1, 1, 0, 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("syllables %v, want %v", got, want)
	}
}

func TestDifficulty(t *testing.T) {
	long := "Notwithstanding considerable institutional opposition, the administration systematically implemented comprehensive organizational restructuring initiatives throughout its international subsidiaries."
	short := "Institutional organizational restructuring."
	medium := "The big dog ran down the long road to the old red barn by the lake with the ducks."
	tests := []struct {
		name string
		text string
		opts func(*Options)
		want Difficulty
	}{
		{name: "very hard", text: long, want: VeryHard},
		{name: "hard when very hard is out of reach", text: long, opts: func(o *Options) { o.VeryHardLevel = 99 }, want: Hard},
		{name: "too short to be hard", text: short, want: OK},
		{name: "short but min words lowered", text: short, opts: func(o *Options) { o.MinWords = 3 }, want: VeryHard},
		{name: "easy long sentence", text: medium, want: OK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := DefaultOptions()
			if tt.opts != nil {
				tt.opts(&o)
			}
			d := Analyze(tt.text, o)
			if len(d.Sentences) != 1 {
				t.Fatalf("%d sentences, want 1", len(d.Sentences))
			}
			if got := d.Sentences[0].Difficulty; got != tt.want {
				t.Errorf("difficulty %v (level %.2f, %d words), want %v", got, d.Sentences[0].FactBox.Level, d.Sentences[0].FactBox.Tokens, tt.want)
			}
		})
	}
}

func TestSentenceAt(t *testing.T) {
	text := "First one here.  Second one.\n\nThird."
	d := Analyze(text, DefaultOptions())
	tests := []struct {
		offset     int
		sent, para int
	}{
		{0, 0, 0},
		{5, 0, 0},
		{15, 0, 0},  // just after "here."
		{16, -1, 0}, // between the sentences
		{17, 1, 0},
		{len("First one here.  Second one."), 1, 0},
		{len("First one here.  Second one.\n"), -1, -1},
		{len(text), 2, 1},
		{len(text) + 5, -1, -1},
		{-1, -1, -1},
	}
	for _, tt := range tests {
		if got := d.SentenceAt(tt.offset); got != tt.sent {
			t.Errorf("SentenceAt(%d) = %d, want %d", tt.offset, got, tt.sent)
		}
		if got := d.ParagraphAt(tt.offset); got != tt.para {
			t.Errorf("ParagraphAt(%d) = %d, want %d", tt.offset, got, tt.para)
		}
	}
}

// checkDocument checks the invariants every analysis keeps.
// checkHints checks the hints of sentence i: each inside its sentence, from
// the start of one of its tokens to the end of one (or to the period of
// "e.g."), sorted by start, and counted by kind in the sentence's fact box.
func checkHints(t testing.TB, d *Document, i int) {
	t.Helper()
	s := d.Sentences[i]
	starts, ends := map[int]bool{}, map[int]bool{}
	for _, tok := range d.Tokens[s.Tokens.First:s.Tokens.End] {
		starts[tok.Span.Start], ends[tok.Span.End] = true, true
	}
	counts := map[hints.Kind]int{}
	prev := s.Span.Start
	for _, h := range s.Hints {
		if h.Span.Start < prev || h.Span.Start >= h.Span.End || h.Span.End > s.Span.End {
			t.Fatalf("sentence %d %v: hint %v %v outside it, empty or out of order", i, s.Span, h.Kind, h.Span)
		}
		if !starts[h.Span.Start] || !ends[h.Span.End] && !(ends[h.Span.End-1] && d.Text[h.Span.End-1] == '.') {
			t.Fatalf("sentence %d: hint %v %q does not start and end on its words", i, h.Kind, d.Text[h.Span.Start:h.Span.End])
		}
		prev = h.Span.Start
		counts[h.Kind]++
	}
	if f := s.FactBox; f.Adverbs != counts[hints.Adverb] || f.PassiveVoice != counts[hints.PassiveVoice] || f.SimplerAlternatives != counts[hints.SimplerAlternative] {
		t.Fatalf("sentence %d: fact box counts %d %d %d, hints %v", i, f.Adverbs, f.PassiveVoice, f.SimplerAlternatives, counts)
	}
}

func checkDocument(t testing.TB, d *Document) {
	t.Helper()
	n := len(d.Text)
	inside := func(what string, s Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Fatalf("%s span %v outside [0, %d]", what, s, n)
		}
	}
	end := 0
	for i, tok := range d.Tokens {
		inside("token", tok.Span)
		if tok.Span.Start < end || tok.Span.Len() == 0 {
			t.Fatalf("token %d %v overlaps or is empty (previous end %d)", i, tok.Span, end)
		}
		end = tok.Span.End
	}
	end, nextTok, sum := 0, 0, 0
	var hintSum [3]int
	for i, s := range d.Sentences {
		inside("sentence", s.Span)
		if s.Span.Start < end {
			t.Fatalf("sentence %d %v overlaps the one before (end %d)", i, s.Span, end)
		}
		end = s.Span.End
		if s.Tokens.First != nextTok || s.Tokens.End <= s.Tokens.First || s.Tokens.End > len(d.Tokens) {
			t.Fatalf("sentence %d tokens %v, want to start at %d", i, s.Tokens, nextTok)
		}
		nextTok = s.Tokens.End
		for _, tok := range d.Tokens[s.Tokens.First:s.Tokens.End] {
			if tok.Span.Start < s.Span.Start || tok.Span.End > s.Span.End {
				t.Fatalf("token %v outside its sentence %v", tok.Span, s.Span)
			}
		}
		checkHints(t, d, i)
		if s.FactBox.Types > s.FactBox.Tokens || s.FactBox.TTR < 0 || s.FactBox.TTR > 1 {
			t.Fatalf("sentence %d: types %d tokens %d ttr %v", i, s.FactBox.Types, s.FactBox.Tokens, s.FactBox.TTR)
		}
		sum += s.FactBox.Tokens
		hintSum[0] += s.FactBox.Adverbs
		hintSum[1] += s.FactBox.PassiveVoice
		hintSum[2] += s.FactBox.SimplerAlternatives
	}
	if f := d.FactBox; hintSum != [3]int{f.Adverbs, f.PassiveVoice, f.SimplerAlternatives} {
		t.Fatalf("sentences have %v hints, fact box says %d %d %d", hintSum, f.Adverbs, f.PassiveVoice, f.SimplerAlternatives)
	}
	if nextTok != len(d.Tokens) || sum != d.FactBox.Tokens {
		t.Fatalf("sentences cover %d of %d tokens, fact box says %d", nextTok, len(d.Tokens), d.FactBox.Tokens)
	}
	end, nextSent := 0, 0
	for i, p := range d.Paragraphs {
		inside("paragraph", p.Span)
		if p.Span.Start < end || p.Sentences.First != nextSent {
			t.Fatalf("paragraph %d %v sentences %v out of order", i, p.Span, p.Sentences)
		}
		end, nextSent = p.Span.End, p.Sentences.End
	}
	if nextSent != len(d.Sentences) {
		t.Fatalf("paragraphs cover %d of %d sentences", nextSent, len(d.Sentences))
	}
	f := d.FactBox
	if f.Types > f.Tokens || f.TTR < 0 || f.TTR > 1 || f.Sentences != len(d.Sentences) {
		t.Fatalf("fact box %+v", f)
	}
}

// TestReanalyze edits documents at random and checks that reusing the previous
// analysis gives exactly what a fresh analysis gives.
func TestReanalyze(t *testing.T) {
	base, err := os.ReadFile("testdata/reanalyze.md")
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"a", " ", ".", "\n", "\n\n", "Dr. ", "é", "😀", "# ", "- ", "`", "```\n", "word ", "Hard-wrapped ", "don't "}
	for _, format := range []Format{Plain, Markdown} {
		r := rand.New(rand.NewPCG(1, uint64(format)))
		opts := DefaultOptions()
		opts.Format = format
		text := string(base)
		doc := Analyze(text, opts)
		prevFresh := Analyze(text, opts)
		for i := 0; i < 300; i++ {
			start := r.IntN(len(text) + 1)
			end := min(len(text), start+r.IntN(8))
			for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
				start--
			}
			for end < len(text) && !utf8.RuneStart(text[end]) {
				end++
			}
			text = text[:start] + pieces[r.IntN(len(pieces))] + text[end:]
			prev := doc
			doc = Reanalyze(doc, text, opts)
			fresh := Analyze(text, opts)
			if !sameAnalysis(doc, fresh) {
				t.Fatalf("format %d edit %d: reanalysis differs from a fresh analysis\n%s", format, i, text)
			}
			// The version reanalysed from is left as it was: the new one
			// shares parts of it (hints), and hovers still read it.
			if !sameAnalysis(prev, prevFresh) {
				t.Fatalf("format %d edit %d: reanalysis changed the document it started from", format, i)
			}
			prevFresh = fresh
		}
		checkDocument(t, doc)
	}
}

// TestParallel checks that splitting a large document between goroutines
// gives exactly what one goroutine gives.
func TestParallel(t *testing.T) {
	base, err := os.ReadFile("testdata/reanalyze.md")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < 3*parallelMin/2; i++ {
		// Vary the copies so that the parts have forms of their own.
		b.WriteString(strings.ReplaceAll(string(base), "sentence", "sentence"+strconv.Itoa(i%97)))
		b.WriteString("\n\n")
	}
	text := b.String()
	for _, format := range []Format{Plain, Markdown} {
		opts := DefaultOptions()
		opts.Format = format
		par := Analyze(text, opts)
		saved := parallelMin
		parallelMin = len(text) + 1
		seq := Analyze(text, opts)
		parallelMin = saved
		if !sameAnalysis(par, seq) {
			t.Fatalf("format %v: parallel analysis differs from sequential", format)
		}
		checkDocument(t, par)
		// Reanalyzing a parallel analysis reuses its forms.
		edited := text[:len(text)/3] + " Another word here. " + text[len(text)/3:]
		if !sameAnalysis(Reanalyze(par, edited, opts), Analyze(edited, opts)) {
			t.Fatalf("format %v: reanalysis after a parallel analysis differs", format)
		}
	}
}

// TestFormsPinNoText pins a leak: a document's table of word forms is
// handed from version to version, and a form that pointed into the text of the
// version where it was first seen kept that whole text alive.
func TestFormsPinNoText(t *testing.T) {
	base, err := os.ReadFile("testdata/reanalyze.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(base), 4)
	doc := Analyze(text, DefaultOptions())
	var texts []string
	for i := 0; i < 50; i++ {
		text = text[:100] + " newword" + strconv.Itoa(i) + text[100:]
		doc = Reanalyze(doc, text, DefaultOptions())
		texts = append(texts, text)
	}
	for _, form := range doc.state.types.index.forms {
		p := uintptr(unsafe.Pointer(unsafe.StringData(form)))
		for _, txt := range texts {
			start := uintptr(unsafe.Pointer(unsafe.StringData(txt)))
			if start <= p && p < start+uintptr(len(txt)) {
				t.Fatalf("form %q points into the text of an analysed version", form)
			}
		}
	}
}

func sameAnalysis(a, b *Document) bool {
	return a.Text == b.Text && a.FactBox == b.FactBox &&
		reflect.DeepEqual(a.Paragraphs, b.Paragraphs) &&
		reflect.DeepEqual(a.Sentences, b.Sentences) &&
		reflect.DeepEqual(a.Tokens, b.Tokens)
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "Hello world.", "# T\n\n- a\n- b\n\n```\nx\n```\n", "Mr. Smith paid $1.5 million… Why?!", "a\r\nb\rc\n",
		"The report was quickly written in order to utilize the data. It wasn't found, fixed and tested; e.g. it is being repaired.", "\xff\xfe", "---\nx: 1\n---\nText."} {
		f.Add(s, false)
		f.Add(s, true)
	}
	for _, tests := range boundaryClassTests {
		for _, tt := range tests {
			f.Add(tt.in, false)
			f.Add(tt.in, true)
		}
	}
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		opts := DefaultOptions()
		if markdown {
			opts.Format = Markdown
		}
		d := Analyze(text, opts)
		checkDocument(t, d)
		// An edit and a reanalysis agree with a fresh analysis.
		cut := len(text) / 2
		edited := text[:cut] + " x. " + text[cut:]
		if !sameAnalysis(Reanalyze(d, edited, opts), Analyze(edited, opts)) {
			t.Fatalf("reanalysis differs for %q", edited)
		}
	})
}

var sinkDoc *Document

func BenchmarkAnalyze(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/prose.txt")
	if err != nil {
		b.Skipf("corpus not found beside the repository: %v", err)
	}
	text := string(data)
	for _, format := range []Format{Plain, Markdown} {
		name := map[Format]string{Plain: "plain", Markdown: "markdown"}[format]
		b.Run(name, func(b *testing.B) {
			opts := DefaultOptions()
			opts.Format = format
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				sinkDoc = Analyze(text, opts)
			}
		})
	}
}

// BenchmarkReanalyze measures the re-analysis after a one-character edit in
// the middle of a document, against a fresh analysis of the same text.
func BenchmarkReanalyze(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/prose.txt")
	if err != nil {
		b.Skipf("corpus not found beside the repository: %v", err)
	}
	for _, size := range []int{10 << 10, 100 << 10, 1 << 20} {
		text := string(data[:size])
		mid := strings.LastIndex(text[:size/2], " ")
		edited := text[:mid] + "x" + text[mid:]
		opts := DefaultOptions()
		prev := Analyze(text, opts)
		b.Run(sizeName(size)+"/reuse", func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				sinkDoc = Reanalyze(prev, edited, opts)
			}
		})
		b.Run(sizeName(size)+"/fresh", func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				sinkDoc = Analyze(edited, opts)
			}
		})
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}
