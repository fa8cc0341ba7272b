package analysis

import (
	"hash/maphash"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factbox/factbox/analysis/hints"
)

// typeTable interns word forms: every distinct token text gets a small integer
// id, and the per-form facts that never change (syllables, letters) are worked
// out once per form rather than once per token. The documents that Reanalyze
// derives from one another share one table, so ids stay comparable across them.
type typeTable struct {
	mu        sync.Mutex // held for a whole Analyze or Reanalyze
	index     formIndex
	syllables []int32
	letters   []int32
	classes   []hints.Class // what each form can be in a hint
	// lasting is set for a table that outlives the text it reads: a
	// document's, which Reanalyze hands on from version to version.
	lasting bool
	// hints is set when the forms are classified for hints.Find; otherwise
	// their classes are 0.
	hints bool

	// paragraphs[id] is how many paragraphs of the document counted last
	// have form id, so that the next document derived from it counts its
	// types from the paragraphs that changed (see finishDocument).
	paragraphs []int32
	counted    *Document
}

// newTypeTable returns a table sized for a text of n bytes. Distinct forms
// grow about as the square root of a text's length (Heaps' law): 2.4 MB of
// English prose has some 24,000. A table no larger than it needs keeps its
// lookups in the processor's cache.
func newTypeTable(n int) *typeTable {
	return &typeTable{index: newFormIndex(16*int(math.Sqrt(float64(n))) + 64)}
}

// id returns the id of the word form s, interning it on first sight. s is a
// substring of the analysed text. A lasting table keeps a copy of it: were it
// to keep s, every version of an edited document that brought a new form
// (each keystroke of a word being typed does) would stay in memory whole.
func (t *typeTable) id(s string) int32 {
	id, added := t.index.lookup(s)
	if !added {
		return id
	}
	if t.lasting {
		t.index.forms[id] = strings.Clone(s)
	}
	t.syllables = append(t.syllables, int32(CountSyllables(s)))
	t.letters = append(t.letters, int32(countLetters(s)))
	var c hints.Class
	if t.hints {
		c = hints.Classify(s)
	}
	t.classes = append(t.classes, c)
	return id
}

// bloated reports whether the table holds far more forms than the latest
// document uses. Every keystroke of a word being typed adds a form; after a
// long session the table starts afresh rather than grow without end.
func (t *typeTable) bloated(inUse int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.syllables) > 4*inUse+1<<16
}

// adopt interns the form that has id in another table, taking its facts from there.
func (t *typeTable) adopt(form string, from *typeTable, id int32) int32 {
	own, added := t.index.lookup(form)
	if !added {
		return own
	}
	if t.lasting {
		t.index.forms[own] = strings.Clone(form)
	}
	t.syllables = append(t.syllables, from.syllables[id])
	t.letters = append(t.letters, from.letters[id])
	t.classes = append(t.classes, from.classes[id])
	return own
}

// countLetters counts the letters, marks and digits of s: the "characters" of
// the Automated Readability Index and the letters of Coleman–Liau.
func countLetters(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += size
	}
	return n
}

// wordForm returns the form under which a token counts as a type: its text
// with the typographic apostrophe ’ read as ', so that "China’s" and "China's"
// are one form. Case is kept: see the package documentation.
func wordForm(text string, buf []byte) (string, []byte) {
	if strings.IndexByte(text, 0xe2) < 0 { // the first byte of ’ in UTF-8
		return text, buf
	}
	if !strings.Contains(text, "’") {
		return text, buf
	}
	buf = append(buf[:0], strings.ReplaceAll(text, "’", "'")...)
	return string(buf), buf
}

// reuse is what Reanalyze needs of a document beyond its exported fields.
type reuse struct {
	extraction *Extraction
	types      *typeTable
	// paras[i] describes Paragraphs[i].
	paras []paraState
}

// paraState is the reusable part of one paragraph.
type paraState struct {
	kind    BlockKind
	segHash uint64  // the paragraph's segments, relative to its start
	forms   []int32 // the distinct word forms of the paragraph, as ids
}

var segSeed = maphash.MakeSeed()

// segmentsHash identifies the layout of a block's segments relative to its
// start, so that the same text laid out differently (say, inside a list) is
// not mistaken for an unchanged paragraph.
func segmentsHash(b Block) uint64 {
	var h maphash.Hash
	h.SetSeed(segSeed)
	var buf [16]byte
	for _, s := range b.Segments {
		a, e := uint64(s.Start-b.Span.Start), uint64(s.End-b.Span.Start)
		for i := 0; i < 8; i++ {
			buf[i] = byte(a >> (8 * i))
			buf[8+i] = byte(e >> (8 * i))
		}
		h.Write(buf[:])
	}
	return h.Sum64()
}

// analyzer holds the scratch state of one Analyze or Reanalyze call.
type analyzer struct {
	doc   *Document
	types *typeTable
	raw   []rawSentence
	form  []byte
	arena []int32 // backing store of the paragraphs' forms, shared and clipped
	// hints is the backing store of the sentences' hints, shared and clipped;
	// words holds one sentence's tokens for hints.Find.
	hints []Hint
	words []hints.Word

	// old is the document Reanalyze reuses paragraphs of, and uses[i] how
	// many paragraphs of the new one are copies of its paragraph i; fresh
	// lists the new paragraphs analysed afresh.
	old   *Document
	uses  []int32
	fresh []int

	// seen[id] is the generation that last counted form id; bumping gen
	// empties the set in O(1). Sentences and paragraphs need one each.
	sentSeen, paraSeen []uint32
	sentGen, paraGen   uint32
}

// Analyze analyses text. It never panics; invalid UTF-8 bytes read as U+FFFD.
func Analyze(text string, opts Options) *Document {
	return Reanalyze(nil, text, opts)
}

// Reanalyze returns what Analyze(text, opts) returns, reusing the work done for
// the paragraphs of prev that text still contains unchanged (same text, same
// layout), wherever they moved. prev may be nil. Documents derived from one
// another share internal tables; Reanalyze may be called from any goroutine,
// calls on one lineage of documents are serialised.
func Reanalyze(prev *Document, text string, opts Options) *Document {
	doc := &Document{Text: text, Options: opts, lines: new(lineTable)}

	var old *Document
	var types *typeTable
	var x *Extraction
	if prev != nil && prev.state != nil && prev.Options.Format == opts.Format && prev.Options.Hints == opts.Hints && !prev.state.types.bloated(prev.FactBox.Types) {
		old = prev
		types = prev.state.types
		x = Reextract(prev.state.extraction, text, opts.Format)
	} else {
		types = newTypeTable(len(text))
		types.lasting = true
		types.hints = opts.Hints
		x = NewExtraction(text, opts.Format)
	}
	blocks := x.Blocks
	types.mu.Lock()
	defer types.mu.Unlock()

	a := &analyzer{doc: doc, types: types}
	st := &reuse{extraction: x, types: types, paras: make([]paraState, 0, len(blocks))}
	doc.state = st
	doc.Paragraphs = make([]Paragraph, 0, len(blocks))

	var byText map[string]int
	if old != nil && len(old.Paragraphs) > 0 {
		byText = make(map[string]int, len(old.Paragraphs))
		for i, p := range old.Paragraphs {
			byText[old.Text[p.Span.Start:p.Span.End]] = i
		}
		doc.Tokens = make([]Token, 0, len(old.Tokens)+16)
		doc.Sentences = make([]Sentence, 0, len(old.Sentences)+4)
	} else {
		doc.Tokens = make([]Token, 0, len(text)/5+1)
		doc.Sentences = make([]Sentence, 0, len(text)/90+1)
	}

	if old == nil && len(text) >= parallelMin && runtime.GOMAXPROCS(0) > 1 {
		st.paras = a.parallel(blocks, runtime.GOMAXPROCS(0))
		a.finishDocument()
		return doc
	}
	// Paragraphs of prev that follow one another, moved by the same number
	// of bytes (all those before an edit, all those after it), are copied
	// as one run.
	var run paragraphRun
	if old != nil {
		a.old, a.uses = old, make([]int32, len(old.Paragraphs))
	}
	for _, b := range blocks {
		h := segmentsHash(b)
		if byText != nil {
			if i, ok := byText[text[b.Span.Start:b.Span.End]]; ok {
				ps := old.state.paras[i]
				if ps.kind == b.Kind && ps.segHash == h {
					if !run.extend(old, i, b.Span.Start) {
						a.copyParagraphs(run)
						run = paragraphRun{first: i, end: i + 1, delta: b.Span.Start - old.Paragraphs[i].Span.Start}
					}
					a.uses[i]++
					st.paras = append(st.paras, ps)
					continue
				}
			}
		}
		a.copyParagraphs(run)
		run = paragraphRun{}
		if ps, ok := a.paragraph(b, h); ok {
			a.fresh = append(a.fresh, len(st.paras))
			st.paras = append(st.paras, ps)
		}
	}
	a.copyParagraphs(run)
	a.finishDocument()
	return doc
}

// paragraphRun is the paragraphs [first, end) of a document, to be copied
// into the next one moved by delta bytes.
type paragraphRun struct {
	first, end, delta int
}

// extend adds paragraph i of old, to start at start, to r if it is the
// next paragraph, moved as far, with its tokens right after r's.
func (r *paragraphRun) extend(old *Document, i, start int) bool {
	if r.end == r.first || i != r.end || start-old.Paragraphs[i].Span.Start != r.delta {
		return false
	}
	prev, next := &old.Paragraphs[i-1], &old.Paragraphs[i]
	if old.Sentences[prev.Sentences.End-1].Tokens.End != old.Sentences[next.Sentences.First].Tokens.First {
		return false
	}
	r.end++
	return true
}

// copyParagraphs appends the paragraphs of run, from a.old, to the
// document: tokens and sentences in bulk, then moved by run.delta bytes and
// renumbered. A run not moved shares its sentences' hints with a.old.
func (a *analyzer) copyParagraphs(run paragraphRun) {
	if run.end == run.first {
		return
	}
	doc, old := a.doc, a.old
	delta := run.delta
	firstPara, lastPara := &old.Paragraphs[run.first], &old.Paragraphs[run.end-1]
	sentFirst, sentEnd := firstPara.Sentences.First, lastPara.Sentences.End
	tokFirst, tokEnd := old.Sentences[sentFirst].Tokens.First, old.Sentences[sentEnd-1].Tokens.End
	tokDelta, sentDelta := len(doc.Tokens)-tokFirst, len(doc.Sentences)-sentFirst

	t0 := len(doc.Tokens)
	doc.Tokens = append(doc.Tokens, old.Tokens[tokFirst:tokEnd]...)
	if delta != 0 {
		for i := t0; i < len(doc.Tokens); i++ {
			doc.Tokens[i].Span.Start += delta
			doc.Tokens[i].Span.End += delta
		}
	}
	s0 := len(doc.Sentences)
	doc.Sentences = append(doc.Sentences, old.Sentences[sentFirst:sentEnd]...)
	if delta != 0 || tokDelta != 0 {
		for i := s0; i < len(doc.Sentences); i++ {
			s := &doc.Sentences[i]
			s.Span.Start += delta
			s.Span.End += delta
			s.Tokens.First += tokDelta
			s.Tokens.End += tokDelta
			if len(s.Hints) > 0 && delta != 0 {
				h0 := len(a.hints)
				for _, h := range s.Hints {
					h.Span.Start += delta
					h.Span.End += delta
					a.hints = append(a.hints, h)
				}
				s.Hints = a.hints[h0:len(a.hints):len(a.hints)]
			}
		}
	}
	for _, p := range old.Paragraphs[run.first:run.end] {
		p.Span.Start += delta
		p.Span.End += delta
		p.Sentences.First += sentDelta
		p.Sentences.End += sentDelta
		doc.Paragraphs = append(doc.Paragraphs, p)
	}
}

// parallelMin is the smallest text that a fresh analysis splits between
// processors; below it the start-up and merge cost more than they save.
var parallelMin = 256 << 10

// parallel analyses blocks afresh on up to n goroutines, each with a part of
// the blocks of about equal size, and then appends the parts in order. The
// first part fills the document itself and uses a.types; the others have type
// tables of their own, whose forms are moved into a.types afterwards.
func (a *analyzer) parallel(blocks []Block, n int) []paraState {
	type part struct {
		blocks []Block
		w      *analyzer
		paras  []paraState
	}
	text := a.doc.Text
	var parts []part
	for _, bs := range splitBlocks(blocks, len(text), n) {
		parts = append(parts, part{blocks: bs})
	}
	var wg sync.WaitGroup
	for i := range parts {
		p := &parts[i]
		p.w = a
		if i > 0 {
			size := p.blocks[len(p.blocks)-1].Span.End - p.blocks[0].Span.Start
			p.w = &analyzer{
				doc:   &Document{Text: text, Options: a.doc.Options, Tokens: make([]Token, 0, size/6+1), Sentences: make([]Sentence, 0, size/120+1)},
				types: newTypeTable(size),
			}
			p.w.types.hints = a.types.hints
		}
		wg.Go(func() {
			for _, b := range p.blocks {
				if ps, ok := p.w.paragraph(b, segmentsHash(b)); ok {
					p.paras = append(p.paras, ps)
				}
			}
		})
	}
	wg.Wait()

	doc := a.doc
	out := parts[0].paras
	for _, p := range parts[1:] {
		remap := make([]int32, len(p.w.types.syllables))
		for id, form := range p.w.types.index.forms {
			remap[id] = a.types.adopt(form, p.w.types, int32(id))
		}
		tokBase, sentBase := len(doc.Tokens), len(doc.Sentences)
		doc.Tokens = append(doc.Tokens, p.w.doc.Tokens...)
		for _, s := range p.w.doc.Sentences {
			s.Tokens.First += tokBase
			s.Tokens.End += tokBase
			doc.Sentences = append(doc.Sentences, s)
		}
		for _, para := range p.w.doc.Paragraphs {
			para.Sentences.First += sentBase
			para.Sentences.End += sentBase
			doc.Paragraphs = append(doc.Paragraphs, para)
		}
		for _, ps := range p.paras {
			for j, id := range ps.forms {
				ps.forms[j] = remap[id]
			}
			out = append(out, ps)
		}
	}
	return out
}

// splitBlocks cuts blocks into at most n runs of about equal size in bytes.
func splitBlocks(blocks []Block, size, n int) [][]Block {
	parts := make([][]Block, 0, n)
	per := size/n + 1
	for first, i := 0, 0; i < len(blocks); i++ {
		if i == len(blocks)-1 || blocks[i+1].Span.Start-blocks[first].Span.Start >= per && len(parts) < n-1 {
			parts = append(parts, blocks[first:i+1])
			first = i + 1
		}
	}
	return parts
}

// paragraph analyses one block afresh. A block with no sentence makes no
// paragraph and reports false.
func (a *analyzer) paragraph(b Block, segHash uint64) (paraState, bool) {
	doc := a.doc
	tokBase, sentBase := len(doc.Tokens), len(doc.Sentences)
	doc.Tokens, a.raw = scanBlock(doc.Text, b.Segments, doc.Tokens, a.raw[:0])
	if len(a.raw) == 0 {
		doc.Tokens = doc.Tokens[:tokBase]
		return paraState{}, false
	}
	ps := paraState{kind: b.Kind, segHash: segHash}
	if need := len(doc.Tokens) - tokBase; cap(a.arena)-len(a.arena) < need {
		// A paragraph has at most as many forms as tokens: with that much room
		// the appends below never move the arena under earlier paragraphs.
		a.arena = make([]int32, 0, max(16<<10, need))
	}
	arenaStart := len(a.arena)
	a.paraGen++
	para := Paragraph{Span: b.Span}
	for _, rs := range a.raw {
		s := Sentence{Span: rs.Span, Tokens: rs.Tokens, Rule: rs.Rule}
		f := &s.FactBox
		f.Sentences = 1
		a.sentGen++
		a.words = a.words[:0]
		for i := rs.Tokens.First; i < rs.Tokens.End; i++ {
			id := a.count(i, tokBase)
			tok := &doc.Tokens[i]
			// Words no hint can involve are left out: what Find checks
			// between the words it gets is the text itself.
			if c := a.types.classes[id]; c != 0 {
				a.words = append(a.words, hints.Word{Span: hints.Span(tok.Span), Class: c})
			}
			f.Tokens++
			f.Syllables += int(tok.Syllables)
			f.Letters += int(a.types.letters[id])
			if tok.Syllables >= 3 {
				f.Polysyllables++
			}
			if a.sentSeen[id] != a.sentGen {
				a.sentSeen[id] = a.sentGen
				f.Types++
			}
			if a.paraSeen[id] != a.paraGen {
				a.paraSeen[id] = a.paraGen
				a.arena = append(a.arena, id)
			}
		}
		a.findHints(&s)
		f.finish()
		para.FactBox.add(f)
		doc.Sentences = append(doc.Sentences, s)
	}
	para.Sentences = Range{sentBase, len(doc.Sentences)}
	ps.forms = a.arena[arenaStart:len(a.arena):len(a.arena)]
	para.FactBox.Types = len(ps.forms)
	para.FactBox.finish()
	doc.Paragraphs = append(doc.Paragraphs, para)
	return ps, true
}

// findHints fills in the hints of s, whose words are in a.words, and counts
// them in its fact box.
// Sentences keep clipped slices of a.hints: an append that moves it leaves
// theirs in place.
func (a *analyzer) findHints(s *Sentence) {
	doc := a.doc
	if !doc.Options.Hints {
		return
	}
	h0 := len(a.hints)
	a.hints = hints.Find(a.hints, doc.Text, hints.Span(s.Span), a.words)
	if len(a.hints) == h0 {
		return
	}
	s.Hints = a.hints[h0:len(a.hints):len(a.hints)]
	f := &s.FactBox
	for _, h := range s.Hints {
		switch h.Kind {
		case hints.Adverb:
			f.Adverbs++
		case hints.PassiveVoice:
			f.PassiveVoice++
		case hints.SimplerAlternative:
			f.SimplerAlternatives++
		}
	}
}

// count interns token i, fills in its syllables and returns its form id.
// A clitic gets the syllables it adds to the word it was split from, so that
// "didn't" (2) is "did" (1) + "n't" (1) and "don't" (1) is "do" (1) + "n't" (0).
func (a *analyzer) count(i, tokBase int) int32 {
	doc := a.doc
	tok := &doc.Tokens[i]
	text := doc.Text[tok.Span.Start:tok.Span.End]
	var form string
	form, a.form = wordForm(text, a.form)
	id := a.types.id(form)
	if n := len(a.types.syllables); len(a.sentSeen) < n {
		a.sentSeen = append(a.sentSeen, make([]uint32, n-len(a.sentSeen)+max(n, 1024))...)
		a.paraSeen = append(a.paraSeen, make([]uint32, len(a.sentSeen)-len(a.paraSeen))...)
	}
	tok.Syllables = a.types.syllables[id]
	if tok.Kind == Number {
		// A figure is taken in at a glance, not sounded out: it counts as one
		// syllable, so that writing "2013" rather than "twenty thirteen" costs
		// a sentence nothing. CountSyllables still reads it aloud for ExplainSyllables.
		tok.Syllables = 1
	}
	if tok.Kind == Clitic && i > tokBase && doc.Tokens[i-1].Span.End == tok.Span.Start {
		stem := doc.Tokens[i-1]
		whole := int32(CountSyllables(doc.Text[stem.Span.Start:tok.Span.End]))
		tok.Syllables = max(0, whole-stem.Syllables)
	}
	return id
}

// add adds the counts of g to f. Types are not additive and are left alone.
func (f *FactBox) add(g *FactBox) {
	f.Tokens += g.Tokens
	f.Sentences += g.Sentences
	f.Syllables += g.Syllables
	f.Letters += g.Letters
	f.Polysyllables += g.Polysyllables
	f.Adverbs += g.Adverbs
	f.PassiveVoice += g.PassiveVoice
	f.SimplerAlternatives += g.SimplerAlternatives
}

// finishDocument grades the sentences and sums the document's fact box.
func (a *analyzer) finishDocument() {
	doc := a.doc
	opts := doc.Options
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		s.Difficulty = grade(s.FactBox, opts)
	}
	x := doc.state.extraction
	markIgnored(doc.Text, doc.Sentences, ignoreRegions(doc.Text, opts.Format, x.Blocks, x.Directives), &opts)
	// The document's types are the union of its paragraphs' forms. The
	// table counts, per form, the paragraphs that have it; a document
	// derived from the one counted last adds and takes away only the
	// paragraphs that differ.
	f := &doc.FactBox
	for i := range doc.Paragraphs {
		f.add(&doc.Paragraphs[i].FactBox)
	}
	t := a.types
	if n := len(t.syllables); len(t.paragraphs) < n {
		t.paragraphs = append(t.paragraphs, make([]int32, n-len(t.paragraphs))...)
	}
	types := 0
	count := func(forms []int32, k int32) {
		for _, id := range forms {
			before := t.paragraphs[id]
			t.paragraphs[id] += k
			switch {
			case before == 0 && k > 0:
				types++
			case before > 0 && t.paragraphs[id] == 0:
				types--
			}
		}
	}
	if a.old != nil && t.counted == a.old {
		types = a.old.FactBox.Types
		for i, n := range a.uses {
			if n != 1 {
				count(a.old.state.paras[i].forms, n-1)
			}
		}
		for _, i := range a.fresh {
			count(doc.state.paras[i].forms, 1)
		}
	} else {
		clear(t.paragraphs)
		for i := range doc.state.paras {
			count(doc.state.paras[i].forms, 1)
		}
	}
	t.counted = doc
	f.Types = types
	f.finish()
}

// grade rates a sentence: hard or very hard needs at least opts.MinWords words
// and a level at or above the threshold.
func grade(f FactBox, opts Options) Difficulty {
	if f.Tokens < opts.MinWords {
		return OK
	}
	switch {
	case f.Level >= opts.VeryHardLevel:
		return VeryHard
	case f.Level >= opts.HardLevel:
		return Hard
	}
	return OK
}

// SentenceAt returns the index of the sentence whose span contains offset
// (its end included), or -1 when offset is between sentences.
func (d *Document) SentenceAt(offset int) int {
	return spanAt(len(d.Sentences), func(i int) Span { return d.Sentences[i].Span }, offset)
}

// ParagraphAt returns the index of the paragraph whose span contains offset
// (its end included), or -1 when offset is outside every paragraph.
func (d *Document) ParagraphAt(offset int) int {
	return spanAt(len(d.Paragraphs), func(i int) Span { return d.Paragraphs[i].Span }, offset)
}

// spanAt finds the first of n ascending spans that contains offset.
func spanAt(n int, span func(int) Span, offset int) int {
	i := sort.Search(n, func(i int) bool { return span(i).End >= offset })
	if i < n && span(i).Contains(offset) {
		return i
	}
	return -1
}
