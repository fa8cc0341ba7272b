package server

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Diagnostic codes, stable for clients to filter on.
const (
	CodeHardSentence     = "hard-sentence"
	CodeVeryHardSentence = "very-hard-sentence"
)

// worker analyses one document and publishes its diagnostics, off the
// JSON-RPC read loop. It holds at most one pending job: a job scheduled while
// another runs replaces the pending one, so a burst of edits is analysed once,
// at its latest version, while an edit that finds the worker idle is analysed
// at once. One worker per URI publishes in order, so an older version never
// follows a newer one. Its fields are guarded by Server.workersMu.
type worker struct {
	pending *job
	running bool
	// published is whether the last publication had diagnostics; only the
	// goroutine running the worker touches it.
	published bool
}

// job is a document version to publish diagnostics for, or, when closed is
// set, a closed document whose diagnostics to clear.
type job struct {
	doc    *Document
	closed bool
}

// schedule queues the publication of d's diagnostics.
func (s *Server) schedule(d *Document) { s.enqueue(job{doc: d}) }

// scheduleClear queues the clearing of the closed document d's diagnostics.
func (s *Server) scheduleClear(d *Document) { s.enqueue(job{doc: d, closed: true}) }

func (s *Server) enqueue(j job) {
	s.workersMu.Lock()
	w := s.workers[j.doc.URI]
	if w == nil {
		w = new(worker)
		s.workers[j.doc.URI] = w
	}
	w.pending = &j
	start := !w.running
	if start {
		w.running = true
		s.busy.Add(1)
	}
	s.workersMu.Unlock()
	if start {
		go s.work(w)
	}
}

// work runs w's jobs until none is pending. A worker whose last job cleared a
// closed document is forgotten, so that a long session does not keep one for
// every file it ever opened.
func (s *Server) work(w *worker) {
	defer s.busy.Done()
	var last *job
	for {
		s.workersMu.Lock()
		j := w.pending
		w.pending = nil
		if j == nil {
			w.running = false
			if last != nil && last.closed && s.workers[last.doc.URI] == w {
				delete(s.workers, last.doc.URI)
			}
			s.workersMu.Unlock()
			return
		}
		s.workersMu.Unlock()
		s.run(w, *j)
		last = j
	}
}

// waitIdle waits until no worker runs. Tests and benchmarks use it.
func (s *Server) waitIdle() { s.busy.Wait() }

// run publishes the diagnostics of one job, unless its document has been
// replaced meanwhile: the job for the replacement is already pending. A
// document in a language not analysed gets an empty publication only to
// clear diagnostics published before the settings excluded its language.
func (s *Server) run(w *worker, j job) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Errorf("panic publishing diagnostics of %s: %v\n%s", j.doc.URI, r, debug.Stack())
		}
	}()
	d := j.doc
	if j.closed {
		s.publish(d, []protocol.Diagnostic{})
		w.published = false
		return
	}
	if !s.store.Current(d) {
		return
	}
	diags := s.diagnose(d)
	if !s.store.Current(d) {
		return
	}
	if !d.config.analyse && !w.published {
		return // nothing to say about a language the server does not analyse
	}
	s.publish(d, diags)
	w.published = len(diags) > 0
}

// publish sends textDocument/publishDiagnostics for d.
func (s *Server) publish(d *Document, diags []protocol.Diagnostic) {
	params := diagnosticsParams{protocol.PublishDiagnosticsParams{URI: d.URI, Diagnostics: diags}}
	if d.Version >= 0 {
		params.Version = ptr(uint32(d.Version))
	}
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, params)
}

// diagnose returns d's diagnostics: one per hard or very hard sentence. It is
// empty, never nil, when diagnostics are off or d's language is not analysed.
func (s *Server) diagnose(d *Document) []protocol.Diagnostic {
	diags := []protocol.Diagnostic{}
	if !d.config.analyse || !d.config.diagnostics {
		return diags
	}
	a, err := d.Analysis()
	if err != nil {
		s.log.Errorf("%s", err)
		return diags
	}
	diags, err = sentenceDiagnostics(a, d.Mapper, &d.lineage.messages)
	if err != nil {
		s.log.Errorf("%s: %s", d.URI, err)
	}
	return diags
}

// messageKey is what a sentence's diagnostic message depends on.
type messageKey struct {
	text                     string
	level                    float64
	tokens                   int
	difficulty               analysis.Difficulty
	hardLevel, veryHardLevel float64
}

// messageCache keeps the messages of one document's last publication, so
// that the next one computes messages only for sentences that changed.
// It holds only the keys used last time, so it never grows past one version.
type messageCache struct {
	mu         sync.Mutex
	prev, next map[messageKey]string
}

// message returns the cached message of sent or computes it.
func (c *messageCache) message(a *analysis.Document, sent *analysis.Sentence) string {
	key := messageKey{a.Text[sent.Span.Start:sent.Span.End], sent.FactBox.Level, sent.FactBox.Tokens,
		sent.Difficulty, a.Options.HardLevel, a.Options.VeryHardLevel}
	msg, ok := c.prev[key]
	if !ok {
		msg = sentenceMessage(a, sent)
	}
	c.next[key] = msg
	return msg
}

// sentenceDiagnostics returns a diagnostic for each flagged (hard or very
// hard, not ignored) sentence of a, whose text m maps. A sentence whose span m cannot map is
// left out and reported in the error. cache, which may be nil, carries
// messages over from the document's previous publication.
func sentenceDiagnostics(a *analysis.Document, m *Mapper, cache *messageCache) ([]protocol.Diagnostic, error) {
	if cache == nil {
		cache = new(messageCache)
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	cache.next = make(map[messageKey]string, len(cache.prev))
	defer func() { cache.prev, cache.next = cache.next, nil }()
	diags := []protocol.Diagnostic{}
	var errs []error
	cursor := m.Cursor() // sentences come in order
	para := 0
	for i := range a.Sentences {
		sent := &a.Sentences[i]
		if !sent.Flagged() {
			continue
		}
		for para < len(a.Paragraphs)-1 && a.Paragraphs[para].Sentences.End <= i {
			para++
		}
		var severity protocol.DiagnosticSeverity
		var code string
		switch sent.Difficulty {
		case analysis.Hard:
			severity, code = protocol.DiagnosticSeverityInformation, CodeHardSentence
		case analysis.VeryHard:
			severity, code = protocol.DiagnosticSeverityWarning, CodeVeryHardSentence
		default:
			continue
		}
		if sent.Span.Start < 0 || sent.Span.Start > sent.Span.End || sent.Span.End > len(a.Text) {
			errs = append(errs, fmt.Errorf("sentence %d: span %d-%d outside the text", i, sent.Span.Start, sent.Span.End))
			continue
		}
		rng, err := cursor.OffsetRange(sent.Span.Start, sent.Span.End)
		if err != nil {
			errs = append(errs, fmt.Errorf("sentence %d: %w", i, err))
			continue
		}
		diags = append(diags, protocol.Diagnostic{
			Range:           rng,
			Severity:        &severity,
			Code:            &protocol.IntegerOrString{Value: code},
			CodeDescription: hardSentencesDescription,
			Source:          ptr(Name),
			Message:         cache.message(a, sent),
			Data:            newDiagnosticData(a, para, sent),
		})
	}
	return diags, errors.Join(errs...)
}

// longestWords is how many of a sentence's longest words a message names.
const longestWords = 3

// sentenceMessage explains why a sentence is hard: its level against the
// threshold it crossed, its length in words, and its longest words, which are
// usually what to replace. For example:
//
//	Very hard to read: grade 16.2 (very hard from 14) · 38 words · longest: "vicissitudes", "infrastructure", "comprehensively"
func sentenceMessage(a *analysis.Document, sent *analysis.Sentence) string {
	var b strings.Builder
	grade := analysis.FormatGrade(sent.FactBox.Level, 1, a.Options) // never reads as reaching a tier it does not
	switch sent.Difficulty {
	case analysis.VeryHard:
		fmt.Fprintf(&b, "Very hard to read: grade %s (very hard from %s)", grade, formatThreshold(a.Options.VeryHardLevel))
	case analysis.Hard:
		fmt.Fprintf(&b, "Hard to read: grade %s (hard from %s)", grade, formatThreshold(a.Options.HardLevel))
	default:
		fmt.Fprintf(&b, "Grade %s", grade)
	}
	fmt.Fprintf(&b, " · %d words", sent.FactBox.Tokens)
	if words := longest(a, sent, longestWords); len(words) > 0 {
		b.WriteString(" · longest: ")
		for i, w := range words {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(w))
		}
	}
	return b.String()
}

// formatThreshold formats a level threshold without trailing zeros: 14, 10.5.
func formatThreshold(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// longest returns up to n of the sentence's longest distinct words (case
// folded), longest first counted in characters, ties going to the earlier
// word, listed in the order they occur in the sentence. It keeps the best n
// in one pass: a repeat of a word kept is skipped, and a repeat of a word not
// kept cannot beat the words that beat its first occurrence.
func longest(a *analysis.Document, sent *analysis.Sentence, n int) []string {
	type word struct {
		text  string
		runes int
	}
	kept := make([]word, 0, n) // in sentence order
	first, end := max(sent.Tokens.First, 0), min(sent.Tokens.End, len(a.Tokens))
words:
	for i := first; i < end; i++ {
		tok := a.Tokens[i]
		if tok.Kind != analysis.Word || tok.Span.Start < 0 || tok.Span.End > len(a.Text) || tok.Span.Start > tok.Span.End {
			continue
		}
		w := word{text: a.Text[tok.Span.Start:tok.Span.End]}
		w.runes = utf8.RuneCountInString(w.text)
		shortest := -1 // the kept word to evict: the shortest, the later of equals
		for j, k := range kept {
			if strings.EqualFold(k.text, w.text) {
				continue words
			}
			if shortest < 0 || k.runes <= kept[shortest].runes {
				shortest = j
			}
		}
		switch {
		case len(kept) < n:
			kept = append(kept, w)
		case n > 0 && w.runes > kept[shortest].runes:
			kept = append(kept[:shortest], kept[shortest+1:]...)
			kept = append(kept, w)
		}
	}
	out := make([]string, len(kept))
	for i, w := range kept {
		out[i] = w.text
	}
	return out
}
