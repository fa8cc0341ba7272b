package server

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// paragraphKey is what the diagnostics of a paragraph depend on besides its
// sentences' facts: its text, the column it starts at, and whether it splits
// a "\r\n" at either end (a position between "\r" and "\n" is the end of a
// line).
type paragraphKey struct {
	text              string
	column            uint32
	afterCR, beforeLF bool
}

// hardFacts is what a flagged sentence's diagnostic depends on beyond the
// paragraph's text: where the sentence is in the paragraph and its facts.
type hardFacts struct {
	index      int // among the paragraph's sentences
	span       analysis.Span
	level      float64
	tokens     int
	difficulty analysis.Difficulty
}

// paragraphEntry is the diagnostics of one paragraph as last published: the
// diagnostics themselves, with ranges for the paragraph starting at line,
// and their JSON, comma-separated, encoded once. It is never modified after
// it is made.
type paragraphEntry struct {
	line  uint32
	facts []hardFacts
	diags []protocol.Diagnostic
	json  []byte
	// tails[i] is where the JSON of diags[i] after its range lies in json:
	// what a publication appends after the range when the paragraph moved.
	tails []tailSpan
}

// tailSpan is the offsets [start, end) of a diagnostic's JSON after its
// range; start is -1 when its encoding does not begin with the range.
type tailSpan struct{ start, end int }

// tail returns the JSON of diagnostic i after its range, or nil.
func (e *paragraphEntry) tail(i int) []byte {
	t := e.tails[i]
	if t.start < 0 {
		return nil
	}
	return e.json[t.start:t.end]
}

// paragraphCache keeps the diagnostics of the paragraphs of one document's
// last publication, so that the next one maps, builds and encodes only the
// diagnostics of the paragraphs that changed. The others are reused, their
// lines shifted by as many lines as their paragraph moved. It holds only the
// paragraphs published last time, so it never grows past one version.
//
// A diagnostic may hold anything (a code description, data) as long as it
// depends only on its sentence, the paragraph's text and the options.
type paragraphCache struct {
	mu         sync.Mutex
	opts       analysis.Options
	hints      HintsSettings
	prev, next map[paragraphKey]*paragraphEntry // next is kept empty between publications
	paragraphs int                              // paragraphs with diagnostics last published
	facts      []hardFacts                      // scratch
}

// paragraphDiagnostics returns what sentenceDiagnostics returns, and with
// each diagnostic its JSON after the range (nil when not known), reusing the
// paragraphs cache holds. messages is as for sentenceDiagnostics.
func paragraphDiagnostics(a *analysis.Document, m *Mapper, cache *paragraphCache, messages *messageCache, hs HintsSettings, hintMessages *hintMessageCache) ([]protocol.Diagnostic, [][]byte, error) {
	pub, err := paragraphPublication(a, m, cache, messages, hs, hintMessages)
	diags, tails := pub.expand()
	return diags, tails, err
}

// expand returns the diagnostics of pub, and each one's JSON after its range.
func (pub diagnosticsPublication) expand() ([]protocol.Diagnostic, [][]byte) {
	diags, tails := make([]protocol.Diagnostic, 0, pub.count), make([][]byte, 0, pub.count)
	for _, part := range pub.parts {
		for i := range part.e.diags {
			diags = append(diags, part.diagnostic(i))
			tails = append(tails, part.e.tail(i))
		}
	}
	return diags, tails
}

// publishedParagraph is one paragraph of a publication: its cached
// diagnostics, and how many lines the paragraph moved since they were made.
type publishedParagraph struct {
	e     *paragraphEntry
	shift int64
}

// diagnostic returns diagnostic i of the paragraph, its lines moved with it.
func (p publishedParagraph) diagnostic(i int) protocol.Diagnostic {
	d := p.e.diags[i]
	d.Range.Start.Line = uint32(int64(d.Range.Start.Line) + p.shift)
	d.Range.End.Line = uint32(int64(d.Range.End.Line) + p.shift)
	return d
}

// diagnosticsPublication is the diagnostics of one publication, as the
// paragraphs that have any. Its JSON is the entries' JSON, copied as it is
// for a paragraph that did not move (every paragraph, after an edit that
// adds or removes no line break) and with the ranges encoded again for one
// that did: no diagnostic of an unchanged paragraph is built or encoded again.
type diagnosticsPublication struct {
	parts []publishedParagraph
	count int // diagnostics
}

// paragraphPublication returns the diagnostics of a, paragraph by paragraph,
// reusing the paragraphs cache holds, and keeps those for the next call.
// messages is as for sentenceDiagnostics.
func paragraphPublication(a *analysis.Document, m *Mapper, cache *paragraphCache, messages *messageCache, hs HintsSettings, hintMessages *hintMessageCache) (diagnosticsPublication, error) {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	defer messages.generation()()
	if hintMessages == nil {
		hintMessages = new(hintMessageCache)
	}
	defer hintMessages.generation()()
	if cache.hints != hs {
		clear(cache.prev)
		cache.hints = hs
	}
	if !sameConfig(docConfig{opts: cache.opts}, docConfig{opts: a.Options}) {
		clear(cache.prev)
		cache.opts = a.Options
	}
	if cache.next == nil {
		cache.next = make(map[paragraphKey]*paragraphEntry)
	}
	defer func() {
		cache.prev, cache.next = cache.next, cache.prev
		clear(cache.next)
	}()

	pub := diagnosticsPublication{parts: make([]publishedParagraph, 0, cache.paragraphs)}
	defer func() { cache.paragraphs = len(pub.parts) }()
	var errs []error
	cursor := m.Cursor()
	for pi := range a.Paragraphs {
		p := &a.Paragraphs[pi]
		facts := paragraphFacts(cache.facts[:0], a, p)
		cache.facts = facts
		if len(facts) == 0 && !hasHints(a, p, hs) {
			continue
		}
		if p.Span.Start < 0 || p.Span.Start > p.Span.End || p.Span.End > len(a.Text) {
			errs = append(errs, fmt.Errorf("paragraph %d: span %d-%d outside the text", pi, p.Span.Start, p.Span.End))
			continue
		}
		start, err := cursor.OffsetPosition(p.Span.Start)
		if err != nil {
			errs = append(errs, fmt.Errorf("paragraph %d: %w", pi, err))
			continue
		}
		key := paragraphKey{
			text:     a.Text[p.Span.Start:p.Span.End],
			column:   start.Character,
			afterCR:  p.Span.Start > 0 && a.Text[p.Span.Start-1] == '\r',
			beforeLF: p.Span.End < len(a.Text) && a.Text[p.Span.End] == '\n',
		}
		e := cache.prev[key]
		if e == nil || !slices.Equal(e.facts, facts) {
			e, err = newParagraphEntry(a, pi, start.Line, slices.Clone(facts), cursor, messages, hs, hintMessages)
			if err != nil {
				errs = append(errs, fmt.Errorf("paragraph %d: %w", pi, err))
			}
		}
		cache.next[key] = e
		if len(e.diags) > 0 {
			pub.parts = append(pub.parts, publishedParagraph{e, int64(start.Line) - int64(e.line)})
			pub.count += len(e.diags)
		}
	}
	return pub, errors.Join(errs...)
}

// appendJSON appends the publication's diagnostics, comma-separated.
func (pub diagnosticsPublication) appendJSON(b []byte) []byte {
	first := true
	for _, part := range pub.parts {
		if !first {
			b = append(b, ',')
		}
		first = false
		if part.shift == 0 {
			b = append(b, part.e.json...)
			continue
		}
		for i := range part.e.diags {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendDiagnosticWithTail(b, part.diagnostic(i), part.e.tail(i))
		}
	}
	return b
}

// appendDiagnosticWithTail appends d's JSON: its range, then tail, the JSON
// after the range, or all of d encoded afresh when tail is nil.
func appendDiagnosticWithTail(b []byte, d protocol.Diagnostic, tail []byte) []byte {
	if tail == nil {
		return appendDiagnostic(b, d)
	}
	b = append(b, `{"range":`...)
	b = appendRange(b, d.Range)
	return append(b, tail...)
}

// paragraphFacts appends to facts those of p's flagged sentences, spans
// relative to p. Whether a sentence is flagged may depend on text outside
// its paragraph (an ignore comment before it, a file-wide disable), so it is
// part of the facts.
func paragraphFacts(facts []hardFacts, a *analysis.Document, p *analysis.Paragraph) []hardFacts {
	for i := max(p.Sentences.First, 0); i < min(p.Sentences.End, len(a.Sentences)); i++ {
		s := &a.Sentences[i]
		if !s.Flagged() {
			continue
		}
		facts = append(facts, hardFacts{
			index:      i - p.Sentences.First,
			span:       analysis.Span{Start: s.Span.Start - p.Span.Start, End: s.Span.End - p.Span.Start},
			level:      s.FactBox.Level,
			tokens:     s.FactBox.Tokens,
			difficulty: s.Difficulty,
		})
	}
	return facts
}

// hasHints reports whether a sentence of p that is not ignored has a hint hs
// turns on. A paragraph's hints depend only on its text, which keys the cache.
func hasHints(a *analysis.Document, p *analysis.Paragraph, hs HintsSettings) bool {
	if !hs.any() {
		return false
	}
	for i := max(p.Sentences.First, 0); i < min(p.Sentences.End, len(a.Sentences)); i++ {
		if a.Sentences[i].Ignored != analysis.NotIgnored {
			continue
		}
		for _, h := range a.Sentences[i].Hints {
			if hs.wants(h.Kind) {
				return true
			}
		}
	}
	return false
}

// newParagraphEntry builds the diagnostics of paragraph para, which starts
// at line, and encodes them: its hard sentences', then its hints'.
func newParagraphEntry(a *analysis.Document, para int, line uint32, facts []hardFacts, cursor *Cursor, messages *messageCache, hs HintsSettings, hintMessages *hintMessageCache) (*paragraphEntry, error) {
	e := &paragraphEntry{line: line, facts: facts}
	var errs []error
	for _, f := range facts {
		d, ok, err := sentenceDiagnostic(a, para, a.Paragraphs[para].Sentences.First+f.index, cursor, messages)
		if err != nil {
			errs = append(errs, err)
		}
		if ok {
			e.diags = append(e.diags, d)
		}
	}
	var err error
	if e.diags, err = appendHintDiagnostics(e.diags, a, a.Paragraphs[para].Sentences.First, a.Paragraphs[para].Sentences.End, cursor, hs, hintMessages); err != nil {
		errs = append(errs, err)
	}
	e.tails = make([]tailSpan, len(e.diags))
	for i, d := range e.diags {
		if i > 0 {
			e.json = append(e.json, ',')
		}
		var at int
		e.json, at = appendDiagnosticAt(e.json, d)
		e.tails[i] = tailSpan{at, len(e.json)}
	}
	return e, errors.Join(errs...)
}

// appendDiagnosticAt appends d's JSON (appendDiagnostic) to b and returns
// where in b the part after `{"range":` and the range starts, or -1 if the
// encoding does not start with the range.
func appendDiagnosticAt(b []byte, d protocol.Diagnostic) ([]byte, int) {
	at := len(b)
	b = appendDiagnostic(b, d)
	var scratch [96]byte
	head := appendRange(append(scratch[:0], `{"range":`...), d.Range)
	if !bytes.HasPrefix(b[at:], head) {
		return b, -1
	}
	return b, at + len(head)
}
