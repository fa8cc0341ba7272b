package server

import (
	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// FactBoxParams are the params of the factbox/factBox request. Position is
// optional; with it the result also holds the paragraph's and sentence's boxes.
type FactBoxParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Position     *protocol.Position              `json:"position,omitempty"`
}

// FactBoxResult is the result of the factbox/factBox request, for status bars
// and commands in editor integrations. Paragraph and Sentence are null unless
// the request gave a position inside one. Version is the version the boxes
// describe: while edits arrive faster than the server analyses them, the
// newest analysed version, older than the open one. HardLevel and
// VeryHardLevel are the thresholds in effect for the document (settings and
// its .factbox.toml), so that a client shows a grade on the right side of them.
type FactBoxResult struct {
	URI           string            `json:"uri"`
	Version       int32             `json:"version"`
	Document      analysis.FactBox  `json:"document"`
	Paragraph     *analysis.FactBox `json:"paragraph"`
	Sentence      *analysis.FactBox `json:"sentence"`
	HardLevel     float64           `json:"hardLevel"`
	VeryHardLevel float64           `json:"veryHardLevel"`
}

// factBox handles factbox/factBox. The result is null for a document whose
// language is not analysed; a URI that is not open or a position outside the
// document is an Invalid Params error. Like hover, it never waits for an
// analysis in the read loop.
func (s *Server) factBox(params *FactBoxParams) (any, error) {
	d, err := s.store.Get(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	offset := -1
	if params.Position != nil {
		if offset, err = d.Mapper.PositionOffset(*params.Position); err != nil {
			return nil, err
		}
	}
	if !d.config.analyse {
		return nil, nil
	}
	if snap, ok := d.snapshot(); ok {
		return factBoxFrom(snap, offset), nil
	}
	return deferred(func() (any, error) {
		if _, err := d.Analysis(); err != nil {
			return nil, err
		}
		return factBoxFrom(snapshot{doc: d}, offset), nil
	}), nil
}

// factBoxFrom returns the fact boxes of snap, and of the paragraph and
// sentence at offset in the text asked about, unless offset is negative.
func factBoxFrom(snap snapshot, offset int) *FactBoxResult {
	a := snap.analysis()
	r := &FactBoxResult{URI: snap.doc.URI, Version: snap.doc.Version, Document: a.FactBox,
		HardLevel: a.Options.HardLevel, VeryHardLevel: a.Options.VeryHardLevel}
	if offset >= 0 {
		fb := factBoxesAt(a, snap.toAnalysed(offset))
		r.Paragraph = fb.paragraph
		if fb.sentence != nil {
			r.Sentence = &fb.sentence.FactBox
		}
	}
	return r
}
