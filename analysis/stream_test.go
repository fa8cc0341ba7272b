package analysis

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestStream checks that Stream reports what Analyze finds, paragraph by
// paragraph, on small texts and on one large enough to be split.
func TestStream(t *testing.T) {
	base, err := os.ReadFile("testdata/reanalyze.md")
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat(string(base)+"\n\n", parallelMin/len(base)+2)
	texts := map[string]string{"empty": "", "sample": string(base), "large": big, "no prose": "```\ncode\n```\n"}
	for name, text := range texts {
		for _, format := range []Format{Plain, Markdown} {
			opts := DefaultOptions()
			opts.Format = format
			want := Analyze(text, opts)
			var paras []Paragraph
			var sents []Sentence
			got := Stream(text, opts, func(p *Paragraph, ss []Sentence) {
				q := *p
				q.Sentences = Range{len(sents), len(sents) + len(ss)}
				paras = append(paras, q)
				for _, s := range ss {
					s.Hints = slices.Clone(s.Hints) // reused once yield returns
					sents = append(sents, s)
				}
			})
			if got != want.FactBox {
				t.Errorf("%s/%v: fact box %+v, want %+v", name, format, got, want.FactBox)
			}
			if len(paras) != len(want.Paragraphs) || len(sents) != len(want.Sentences) {
				t.Fatalf("%s/%v: %d paragraphs %d sentences, want %d %d", name, format, len(paras), len(sents), len(want.Paragraphs), len(want.Sentences))
			}
			for i := range paras {
				if paras[i] != want.Paragraphs[i] {
					t.Fatalf("%s/%v: paragraph %d = %+v, want %+v", name, format, i, paras[i], want.Paragraphs[i])
				}
			}
			for i, s := range sents {
				w := want.Sentences[i]
				w.Tokens = Range{}
				if !reflect.DeepEqual(s, w) {
					t.Fatalf("%s/%v: sentence %d = %+v, want %+v", name, format, i, s, w)
				}
			}
		}
	}
}
