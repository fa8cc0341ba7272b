package server

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
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

// storm is the pause a worker takes between two jobs when the second was
// already waiting as the first ended, that is while edits come faster than
// it analyses them. On a machine with two cores, a worker analysing back to
// back, the garbage collector and the editor keep both busy, and the read
// loop waits for one: hovers slowed by milliseconds. A millisecond between
// analyses of several milliseconds each lets it in; publications still come
// tens of times a second.
const storm = time.Millisecond

// stormPause takes the pause; tests count the calls.
var stormPause = func() { time.Sleep(storm) }

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
		if last != nil {
			stormPause() // j came while the last job ran
		}
		s.run(w, *j)
		last = j
	}
}

// waitIdle waits until no worker runs. Tests and benchmarks use it.
func (s *Server) waitIdle() { s.busy.Wait() }

// run publishes the diagnostics of one job. A version superseded while it
// was analysed is published all the same: under a stream of edits faster
// than the analysis, every analysis ends in a publication, each with its
// version, and the pending job already holds the newest version. Only a
// document closed meanwhile is not published, since its clearing is pending.
// A document in a language not analysed gets an empty publication only to
// clear diagnostics published before the settings excluded its language.
func (s *Server) run(w *worker, j job) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Errorf("panic publishing diagnostics of %q: %v\n%s", j.doc.URI, r, debug.Stack())
		}
	}()
	d := j.doc
	if j.closed {
		s.publish(d, diagnosticsPublication{})
		w.published = false
		return
	}
	pub := s.diagnose(d)
	if !s.store.Live(d) {
		return
	}
	if !d.config.analyse && !w.published {
		return // nothing to say about a language the server does not analyse
	}
	s.publish(d, pub)
	w.published = pub.count > 0
}

// publish sends textDocument/publishDiagnostics for d with the diagnostics
// of pub, an empty list when it has none.
func (s *Server) publish(d *Document, pub diagnosticsPublication) {
	params := diagnosticsParams{}
	if pub.count > 0 {
		params.encoded = pub
	}
	s.publishParams(d, params)
}

// publishList sends textDocument/publishDiagnostics for d with diags.
func (s *Server) publishList(d *Document, diags []protocol.Diagnostic) {
	s.publishParams(d, diagnosticsParams{PublishDiagnosticsParams: protocol.PublishDiagnosticsParams{Diagnostics: diags}})
}

func (s *Server) publishParams(d *Document, params diagnosticsParams) {
	params.URI = d.URI
	if params.Diagnostics == nil {
		params.Diagnostics = []protocol.Diagnostic{}
	}
	if d.Version >= 0 {
		params.Version = ptr(uint32(d.Version))
	}
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, params)
}

// diagnose returns d's diagnostics: one per hard or very hard sentence and
// one per hint the settings turn on, as the paragraphs that have any, with
// their JSON reused from the last publication for the paragraphs that did
// not change. It has none when diagnostics are off or d's language is not
// analysed.
func (s *Server) diagnose(d *Document) diagnosticsPublication {
	if !d.config.analyse || !d.config.diagnostics {
		return diagnosticsPublication{}
	}
	a, err := d.Analysis()
	if err != nil {
		s.log.Errorf("%s", err)
		return diagnosticsPublication{}
	}
	pub, err := paragraphPublication(a, d.Mapper, &d.lineage.paragraphs, &d.lineage.messages, d.config.hints, &d.lineage.hintMessages)
	if err != nil {
		s.log.Errorf("%q: %s", d.URI, err)
	}
	return pub
}

// messageKey is what a sentence's diagnostic message depends on.
type messageKey struct {
	text                     string
	level                    float64
	tokens                   int
	difficulty               analysis.Difficulty
	hardLevel, veryHardLevel float64
}

// generations keeps the values one publication made for the next: a value
// the last publication used is taken again, and only the values this one
// uses are kept, so it never grows past one version.
type generations[K comparable, V any] struct {
	mu         sync.Mutex
	prev, next map[K]V
}

// generation starts a publication: values used in it are kept for the
// next one, the others forgotten. It locks c until the returned function runs.
func (c *generations[K, V]) generation() (done func()) {
	c.mu.Lock()
	c.next = make(map[K]V, len(c.prev))
	return func() {
		c.prev, c.next = c.next, nil
		c.mu.Unlock()
	}
}

// get returns the value of key from the last publication, or builds it, and
// keeps it for the next. The caller holds a generation.
func (c *generations[K, V]) get(key K, build func() V) V {
	v, ok := c.prev[key]
	if !ok {
		v = build()
	}
	c.next[key] = v
	return v
}

// messageCache keeps the messages of one document's last publication, so
// that the next one computes messages only for sentences that changed.
type messageCache struct {
	generations[messageKey, string]
}

// message returns the cached message of sent or computes it. The caller
// holds a generation.
func (c *messageCache) message(a *analysis.Document, sent *analysis.Sentence) string {
	key := messageKey{a.Text[sent.Span.Start:sent.Span.End], sent.FactBox.Level, sent.FactBox.Tokens,
		sent.Difficulty, a.Options.HardLevel, a.Options.VeryHardLevel}
	return c.get(key, func() string { return sentenceMessage(a, sent) })
}

// sentenceDiagnostics returns a diagnostic for each flagged (hard or very
// hard, not ignored) sentence of a, whose text m maps. A sentence whose span
// m cannot map is left out and reported in the error. cache, which may be
// nil, carries messages over from the document's previous publication.
func sentenceDiagnostics(a *analysis.Document, m *Mapper, cache *messageCache) ([]protocol.Diagnostic, error) {
	if cache == nil {
		cache = new(messageCache)
	}
	defer cache.generation()()
	diags := []protocol.Diagnostic{}
	var errs []error
	cursor := m.Cursor() // sentences come in order
	para := 0
	for i := range a.Sentences {
		for para < len(a.Paragraphs)-1 && a.Paragraphs[para].Sentences.End <= i {
			para++
		}
		d, ok, err := sentenceDiagnostic(a, para, i, cursor, cache)
		if err != nil {
			errs = append(errs, err)
		}
		if ok {
			diags = append(diags, d)
		}
	}
	return diags, errors.Join(errs...)
}

// sentenceDiagnostic returns the diagnostic of sentence i of a, a sentence of
// paragraph para, with ok false for a sentence that is not flagged or whose
// span cursor cannot map (an error then says why). The sentences of one
// cursor come in order. The diagnostic depends only on the sentence, its
// paragraph's text and a's options (see paragraphCache).
func sentenceDiagnostic(a *analysis.Document, para, i int, cursor *Cursor, cache *messageCache) (protocol.Diagnostic, bool, error) {
	sent := &a.Sentences[i]
	if !sent.Flagged() {
		return protocol.Diagnostic{}, false, nil
	}
	var severity protocol.DiagnosticSeverity
	var code string
	switch sent.Difficulty {
	case analysis.Hard:
		severity, code = protocol.DiagnosticSeverityInformation, CodeHardSentence
	case analysis.VeryHard:
		severity, code = protocol.DiagnosticSeverityWarning, CodeVeryHardSentence
	default:
		return protocol.Diagnostic{}, false, nil
	}
	if sent.Span.Start < 0 || sent.Span.Start > sent.Span.End || sent.Span.End > len(a.Text) {
		return protocol.Diagnostic{}, false, fmt.Errorf("sentence %d: span %d-%d outside the text", i, sent.Span.Start, sent.Span.End)
	}
	rng, err := cursor.OffsetRange(sent.Span.Start, sent.Span.End)
	if err != nil {
		return protocol.Diagnostic{}, false, fmt.Errorf("sentence %d: %w", i, err)
	}
	return protocol.Diagnostic{
		Range:           rng,
		Severity:        &severity,
		Code:            &protocol.IntegerOrString{Value: code},
		CodeDescription: hardSentencesDescription,
		Source:          ptr(Name),
		Message:         cache.message(a, sent),
		Data:            newDiagnosticData(a, para, sent),
	}, true, nil
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
