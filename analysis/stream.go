package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Stream analyses text as Analyze does but keeps no tokens: it hands each
// paragraph and its sentences to yield, in document order, and returns the
// fact box of the whole text. What it holds at once is the text, the tables of
// word forms and the sentences of a few chunks of text, so a long book costs
// little more memory than its own bytes. The check command uses it.
//
// On a multi-processor machine, chunks of the text are analysed by one worker
// per processor while yield runs. yield is called on the calling goroutine. In
// what it is given, Paragraph.Sentences indexes the sentences slice,
// Sentence.Ignored is set as Analyze sets it,
// Sentence.Tokens is empty, and both are reused once yield returns.
func Stream(text string, opts Options, yield func(p *Paragraph, sentences []Sentence)) FactBox {
	x := NewExtraction(text, opts.Format)
	blocks := x.Blocks
	regions := ignoreRegions(text, opts.Format, blocks, x.Directives)
	workers := runtime.GOMAXPROCS(0)
	if len(text) < parallelMin {
		workers = 1
	}
	chunks := splitBlocks(blocks, len(text), max(1, len(text)/streamChunk))
	if len(chunks) == 0 {
		return FactBox{}
	}
	ws := make([]*analyzer, min(workers, len(chunks)))
	for i := range ws {
		ws[i] = &analyzer{doc: &Document{Text: text, Options: opts}, types: newTypeTable(len(text) / len(ws))}
	}

	var total FactBox
	hand := func(r *chunkResult) {
		for i := range r.paras {
			p := &r.paras[i]
			total.add(&p.FactBox)
			sents := r.sents[p.Sentences.First:p.Sentences.End]
			markIgnored(text, sents, regions, &opts)
			p.Sentences = Range{0, len(sents)}
			yield(p, sents)
		}
	}
	if len(ws) == 1 {
		var r chunkResult
		for _, c := range chunks {
			r.analyze(ws[0], c)
			hand(&r)
		}
	} else {
		// Workers take chunks in order; at most 2 per worker wait to be handed on.
		results := make([]chan *chunkResult, len(chunks))
		for i := range results {
			results[i] = make(chan *chunkResult, 1)
		}
		free := make(chan *chunkResult, 2*len(ws))
		for range cap(free) {
			free <- new(chunkResult)
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for _, w := range ws {
			wg.Go(func() {
				for {
					k := int(next.Add(1) - 1)
					if k >= len(chunks) {
						return
					}
					r := <-free
					r.analyze(w, chunks[k])
					results[k] <- r
				}
			})
		}
		for _, ch := range results {
			r := <-ch
			hand(r)
			free <- r
		}
		wg.Wait()
	}

	// The tables hold exactly the forms their worker met: their union is the
	// document's types.
	total.Types = len(ws[0].types.index.forms)
	for i, w := range ws[1:] {
	forms:
		for _, form := range w.types.index.forms {
			for _, earlier := range ws[:i+1] {
				if earlier.types.index.has(form) {
					continue forms
				}
			}
			total.Types++
		}
	}
	total.finish()
	return total
}

// streamChunk is about how much text a Stream worker analyses at a time.
const streamChunk = 128 << 10

// chunkResult holds the paragraphs and sentences of one chunk of blocks.
type chunkResult struct {
	paras []Paragraph
	sents []Sentence
}

// analyze fills r with the analysis of blocks by w, forgetting the tokens.
func (r *chunkResult) analyze(w *analyzer, blocks []Block) {
	d := w.doc
	if r.sents == nil {
		// Room for a typical chunk of prose, so that few chunks regrow.
		r.paras, r.sents = make([]Paragraph, 0, streamChunk/256), make([]Sentence, 0, streamChunk/96)
	}
	d.Paragraphs, d.Sentences = r.paras[:0], r.sents[:0]
	for _, b := range blocks {
		first := len(d.Sentences)
		if _, ok := w.paragraph(b, 0); !ok {
			continue
		}
		for i := first; i < len(d.Sentences); i++ {
			s := &d.Sentences[i]
			s.Difficulty = grade(s.FactBox, d.Options)
			s.Tokens = Range{}
		}
		d.Tokens = d.Tokens[:0]
		w.arena = w.arena[:0]
	}
	r.paras, r.sents = d.Paragraphs, d.Sentences
	d.Paragraphs, d.Sentences = nil, nil
}
