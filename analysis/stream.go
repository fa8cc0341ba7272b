package analysis

import (
	"runtime"
	"sync"
)

// Stream analyses text as Analyze does but keeps no tokens: it hands each
// paragraph and its sentences to yield, in document order, and returns the
// fact box of the whole text. What it holds at once is the text, the table of
// word forms and, when the text is split between processors, the sentences of
// the later parts waiting for their turn. The check command uses it, so that a
// long book costs little more memory than its own bytes.
//
// yield is called on the calling goroutine. In what it is given,
// Paragraph.Sentences indexes the sentences slice, Sentence.Tokens is empty,
// and both are reused once yield returns.
func Stream(text string, opts Options, yield func(p *Paragraph, sentences []Sentence)) FactBox {
	blocks := Extract(text, opts.Format)
	n := runtime.GOMAXPROCS(0)
	if len(text) < parallelMin {
		n = 1
	}
	parts := splitBlocks(blocks, len(text), n)
	if len(parts) == 0 {
		return FactBox{}
	}
	workers := make([]*streamer, len(parts))
	for i, bs := range parts {
		size := bs[len(bs)-1].Span.End - bs[0].Span.Start
		workers[i] = &streamer{blocks: bs, a: analyzer{
			doc:   &Document{Text: text, Options: opts},
			types: newTypeTable(size / 64),
		}}
	}
	var wg sync.WaitGroup
	for _, w := range workers[1:] {
		wg.Go(w.buffer)
	}
	var total FactBox
	workers[0].run(func(p *Paragraph, sents []Sentence) {
		total.add(&p.FactBox)
		yield(p, sents)
	})
	wg.Wait()

	types := workers[0].a.types
	for _, w := range workers[1:] {
		doc := w.a.doc
		for i := range doc.Paragraphs {
			p := &doc.Paragraphs[i]
			total.add(&p.FactBox)
			sents := doc.Sentences[p.Sentences.First:p.Sentences.End]
			p.Sentences = Range{0, len(sents)}
			yield(p, sents)
		}
		for id, form := range w.a.types.index.forms {
			types.adopt(form, w.a.types, int32(id))
		}
	}
	// Each worker's table holds exactly the forms of its part.
	total.Types = len(types.syllables)
	total.finish()
	return total
}

// streamer analyses one run of blocks for Stream.
type streamer struct {
	blocks []Block
	a      analyzer
}

// run analyses the blocks one by one, handing each paragraph to yield and
// then forgetting it.
func (s *streamer) run(yield func(*Paragraph, []Sentence)) {
	d := s.a.doc
	for _, b := range s.blocks {
		if _, ok := s.a.paragraph(b, 0); !ok {
			continue
		}
		p := &d.Paragraphs[len(d.Paragraphs)-1]
		s.grade(d.Sentences)
		p.Sentences = Range{0, len(d.Sentences)}
		yield(p, d.Sentences)
		d.Tokens, d.Sentences, d.Paragraphs = d.Tokens[:0], d.Sentences[:0], d.Paragraphs[:0]
		s.a.arena = s.a.arena[:0]
	}
}

// buffer analyses the blocks and keeps their paragraphs and sentences, but
// not their tokens, for Stream to hand on later.
func (s *streamer) buffer() {
	d := s.a.doc
	for _, b := range s.blocks {
		first := len(d.Sentences)
		if _, ok := s.a.paragraph(b, 0); !ok {
			continue
		}
		s.grade(d.Sentences[first:])
		d.Tokens = d.Tokens[:0]
		s.a.arena = s.a.arena[:0]
	}
}

// grade rates sentences whose tokens are about to be forgotten.
func (s *streamer) grade(sents []Sentence) {
	for i := range sents {
		sents[i].Difficulty = grade(sents[i].FactBox, s.a.doc.Options)
		sents[i].Tokens = Range{}
	}
}
