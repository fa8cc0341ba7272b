package server

import (
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/factbox/factbox/analysis"
)

// fakeSentence is a sentence of a hand-made analysis.
type fakeSentence struct {
	text       string
	level      float64
	difficulty analysis.Difficulty
}

// fakeAnalysis builds an analysis of text by hand, so that tests of the
// server's rendering do not depend on the analysis package's numbers: each
// sentence is found in text, its words are its runs of letters, and the
// whole text is one paragraph.
func fakeAnalysis(t testing.TB, text string, sentences ...fakeSentence) *analysis.Document {
	t.Helper()
	a := &analysis.Document{Text: text, Options: analysis.DefaultOptions()}
	from := 0
	for _, fs := range sentences {
		i := strings.Index(text[from:], fs.text)
		if i < 0 {
			t.Fatalf("sentence %q not in text", fs.text)
		}
		start := from + i
		from = start + len(fs.text)
		sent := analysis.Sentence{Span: analysis.Span{Start: start, End: from}, Difficulty: fs.difficulty}
		sent.Tokens.First = len(a.Tokens)
		inWord := -1
		for j, r := range fs.text + " " {
			switch {
			case unicode.IsLetter(r) && inWord < 0:
				inWord = j
			case !unicode.IsLetter(r) && inWord >= 0:
				a.Tokens = append(a.Tokens, analysis.Token{Span: analysis.Span{Start: start + inWord, End: start + j}, Kind: analysis.Word})
				inWord = -1
			}
		}
		sent.Tokens.End = len(a.Tokens)
		sent.FactBox = analysis.FactBox{Level: fs.level, Tokens: sent.Tokens.Len(), Types: sent.Tokens.Len(), TTR: 1, Sentences: 1}
		a.Sentences = append(a.Sentences, sent)
	}
	a.Paragraphs = []analysis.Paragraph{{Span: analysis.Span{Start: 0, End: len(text)}, Sentences: analysis.Range{First: 0, End: len(a.Sentences)},
		FactBox: analysis.FactBox{Level: 9.25, Tokens: len(a.Tokens), Types: len(a.Tokens) - 1, TTR: 0.9}}}
	a.FactBox = analysis.FactBox{Level: 9.25, Tokens: len(a.Tokens), Types: len(a.Tokens) - 1, TTR: 0.9}
	return a
}

const diagText = "Short one. The vicissitudes of infrastructure were comprehensively hard 😀 to\r\nfollow. Then the 𐐀 middling sentence came along quietly."

func diagAnalysis(t testing.TB) *analysis.Document {
	return fakeAnalysis(t, diagText,
		fakeSentence{"Short one.", 2, analysis.OK},
		fakeSentence{"The vicissitudes of infrastructure were comprehensively hard 😀 to\r\nfollow.", 16.2, analysis.VeryHard},
		fakeSentence{"Then the 𐐀 middling sentence came along quietly.", 11.04, analysis.Hard})
}

func TestSentenceDiagnostics(t *testing.T) {
	a := diagAnalysis(t)
	diags, err := sentenceDiagnostics(a, NewMapper(diagText, UTF16), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(diags, "", "  ")
	want := `[
  {
    "range": {
      "start": {
        "line": 0,
        "character": 11
      },
      "end": {
        "line": 1,
        "character": 7
      }
    },
    "severity": 2,
    "code": "very-hard-sentence",
    "codeDescription": {
      "href": "https://github.com/factbox/factbox#hard-sentences"
    },
    "source": "factbox",
    "message": "Very hard to read: grade 16.2 (very hard from 14) · 9 words · longest: \"vicissitudes\", \"infrastructure\", \"comprehensively\"",
    "data": {
      "paragraphOffset": 11,
      "sentenceLength": 77
    }
  },
  {
    "range": {
      "start": {
        "line": 1,
        "character": 8
      },
      "end": {
        "line": 1,
        "character": 57
      }
    },
    "severity": 3,
    "code": "hard-sentence",
    "codeDescription": {
      "href": "https://github.com/factbox/factbox#hard-sentences"
    },
    "source": "factbox",
    "message": "Hard to read: grade 11.0 (hard from 10) · 8 words · longest: \"middling\", \"sentence\", \"quietly\"",
    "data": {
      "paragraphOffset": 89,
      "sentenceLength": 51
    }
  }
]`
	if string(got) != want {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestSentenceDiagnosticsIgnored(t *testing.T) {
	for _, reason := range []analysis.Ignore{analysis.IgnoredByFile, analysis.IgnoredByDisable, analysis.IgnoredByBlock, analysis.IgnoredByPattern} {
		a := diagAnalysis(t)
		a.Sentences[1].Ignored = reason
		diags, err := sentenceDiagnostics(a, NewMapper(diagText, UTF16), nil)
		if err != nil || len(diags) != 1 || diags[0].Code.Value != CodeHardSentence {
			t.Errorf("ignored by %s: %d diagnostics, err %v; want only the hard sentence's", reason, len(diags), err)
		}
	}
}

func TestSentenceDiagnosticsBadSpan(t *testing.T) {
	a := diagAnalysis(t)
	a.Sentences[2].Span.End = len(diagText) + 5
	diags, err := sentenceDiagnostics(a, NewMapper(diagText, UTF16), nil)
	if err == nil || len(diags) != 1 {
		t.Fatalf("got %d diagnostics, err %v; want 1 and an error", len(diags), err)
	}
}

func TestLongest(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		want     []string
	}{
		{name: "three longest in sentence order", sentence: "Alpha bravo charlie deltas echo.", want: []string{"Alpha", "charlie", "deltas"}},
		{name: "ties go to the earlier word", sentence: "aaa bbb ccc ddd.", want: []string{"aaa", "bbb", "ccc"}},
		{name: "repeats count once, case folded", sentence: "Words words WORDS go.", want: []string{"Words", "go"}},
		{name: "characters, not bytes", sentence: "éééé aaaaa.", want: []string{"éééé", "aaaaa"}},
		{name: "no words", sentence: "…", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := fakeAnalysis(t, tt.sentence, fakeSentence{tt.sentence, 12, analysis.Hard})
			got := longest(a, &a.Sentences[0], 3)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("longest = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWorkerCoalesces holds the first publication until nine more versions
// have been scheduled, then checks that only the first and the last are
// published, in order.
func TestWorkerCoalesces(t *testing.T) {
	s := New(Options{})
	release := make(chan struct{})
	var mu sync.Mutex
	var versions []uint32
	s.setNotifier(func(method string, params any) {
		p := params.(diagnosticsParams)
		mu.Lock()
		first := len(versions) == 0
		versions = append(versions, *p.Version)
		mu.Unlock()
		if first {
			<-release
		}
	})
	cfg := DefaultSettings().docConfig("plaintext")
	d := newDocument("file:///w.txt", "plaintext", 1, "One.", UTF16, cfg, nil)
	s.store.Open(d)
	s.schedule(d)
	deadline := time.Now().Add(testTimeout)
	for {
		mu.Lock()
		n := len(versions)
		mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("first version not published")
		}
		time.Sleep(time.Millisecond)
	}
	for v := int32(2); v <= 10; v++ {
		d = d.withText(v, NewMapper(strings.Repeat("One. ", int(v)), UTF16), nil)
		s.store.Open(d)
		s.schedule(d)
	}
	close(release)
	s.waitIdle()
	if got := versions; len(got) != 2 || got[0] != 1 || got[1] != 10 {
		t.Fatalf("published versions %v, want [1 10]", got)
	}
}

// TestWorkerPausesInStorms checks that a worker pauses before a job that
// was waiting when the one before ended, and never before a job that found
// it idle: a lone edit is analysed at once.
func TestWorkerPausesInStorms(t *testing.T) {
	var pauses atomic.Int32
	stormPause = func() { pauses.Add(1) }
	t.Cleanup(func() { stormPause = func() { time.Sleep(storm) } })
	s := New(Options{})
	s.setNotifier(func(string, any) {})
	cfg := DefaultSettings().docConfig("plaintext")
	d := newDocument("file:///p.txt", "plaintext", 1, "One.", UTF16, cfg, nil)
	s.store.Open(d)
	s.schedule(d)
	s.waitIdle()
	if n := pauses.Load(); n != 0 {
		t.Fatalf("%d pauses before a lone job", n)
	}
	started, gate := make(chan struct{}, 1), make(chan struct{})
	reanalyze = func(prev *analysis.Document, text string, opts analysis.Options) *analysis.Document {
		started <- struct{}{}
		<-gate
		return analysis.Reanalyze(prev, text, opts)
	}
	t.Cleanup(func() { reanalyze = analysis.Reanalyze })
	release := func() { reanalyze = analysis.Reanalyze; close(gate) }
	d = d.withText(2, NewMapper("One. Two.", UTF16), nil)
	s.store.Open(d)
	s.schedule(d)
	select { // analysed, held
	case <-started:
	case <-time.After(testTimeout):
		t.Fatal("version 2 not analysed")
	}
	d = d.withText(3, NewMapper("One. Two. Three.", UTF16), nil)
	s.store.Open(d)
	s.schedule(d) // waits for it
	release()
	s.waitIdle()
	if n := pauses.Load(); n != 1 {
		t.Fatalf("%d pauses for a job that waited, want 1", n)
	}
}

// TestWorkerClosesLast checks that clearing a closed document's diagnostics
// is published after any publication still running for it.
func TestWorkerClosesLast(t *testing.T) {
	s := New(Options{})
	var mu sync.Mutex
	var got []int
	s.setNotifier(func(method string, params any) {
		p := params.(diagnosticsParams)
		mu.Lock()
		got = append(got, len(p.Diagnostics)+p.encoded.count)
		mu.Unlock()
	})
	cfg := DefaultSettings().docConfig("plaintext")
	for i := range 50 {
		d := newDocument("file:///c.txt", "plaintext", int32(i), "Text.", UTF16, cfg, nil)
		s.store.Open(d)
		s.schedule(d)
		if _, err := s.store.Close(d.URI); err != nil {
			t.Fatal(err)
		}
		s.scheduleClear(d)
	}
	s.waitIdle()
	if len(got) == 0 || got[len(got)-1] != 0 {
		t.Fatalf("publications %v: the last must be the clearing one", got)
	}
	s.workersMu.Lock()
	defer s.workersMu.Unlock()
	if len(s.workers) != 0 {
		t.Errorf("%d workers left after every document closed", len(s.workers))
	}
}
