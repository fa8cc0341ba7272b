package server

import (
	"sort"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/hints"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// simplerCodeActions returns the quick fixes of the simpler alternatives of
// a that overlap the byte range [start, end] (a cursor touching one counts):
// one action per suggestion, replacing the phrase, the first preferred. An
// action names the diagnostic of its phrase when the client sent it in
// context. uri is the document's, m maps a's text.
func simplerCodeActions(uri string, a *analysis.Document, m *Mapper, start, end int, context []protocol.Diagnostic) ([]protocol.CodeAction, error) {
	actions := []protocol.CodeAction{}
	// The first sentence that ends at or after start; start may lie between sentences.
	first := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Span.End >= start })
	kind := protocol.CodeActionKindQuickFix
	for i := first; i < len(a.Sentences) && a.Sentences[i].Span.Start <= end; i++ {
		for _, h := range a.Sentences[i].Hints {
			if h.Kind != hints.SimplerAlternative || h.Span.End < start || h.Span.Start > end {
				continue
			}
			rng, err := m.OffsetRange(h.Span.Start, h.Span.End)
			if err != nil {
				return actions, err
			}
			var diags []protocol.Diagnostic
			for _, d := range context {
				if d.Range == rng && d.Code != nil && d.Code.Value == CodeSimplerAlternative {
					diags = append(diags, d)
				}
			}
			written := foldSpace(a.Text[h.Span.Start:h.Span.End])
			for j, s := range h.Suggestions {
				actions = append(actions, protocol.CodeAction{
					Title:       "Use “" + s + "” for “" + written + "”",
					Kind:        &kind,
					Diagnostics: diags,
					IsPreferred: ptr(j == 0),
					Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
						uri: {{Range: rng, NewText: s}},
					}},
				})
			}
		}
	}
	return actions, nil
}
