package server

import (
	"encoding/json"

	"github.com/factbox/factbox/analysis/hints"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// simpler reports whether diag is one of the server's simpler-alternative hints.
func (diag *clientDiagnostic) simpler() bool {
	code, _ := diag.Code.(string)
	return diag.Source == Name && code == CodeSimplerAlternative
}

// simplerFixes returns the quick fixes of the simpler-alternative
// diagnostics diags of d: one per suggestion, replacing the phrase, the
// first preferred, each naming its diagnostic. A diagnostic whose range no
// longer holds a phrase of the table (an older version of the text) gets none.
func (s *Server) simplerFixes(d *Document, diags []clientDiagnostic) []codeAction {
	var actions []codeAction
	if len(diags) == 0 {
		return actions
	}
	a, err := d.Analysis()
	if err != nil {
		return actions
	}
	for _, diag := range diags {
		start, end, err := d.Mapper.RangeOffsets(diag.Range)
		if err != nil {
			s.log.Debugf("codeAction: %s: %s", d.URI, err)
			continue
		}
		i := a.SentenceAt(start)
		if i < 0 {
			continue
		}
		for _, h := range a.Sentences[i].Hints {
			if h.Kind != hints.SimplerAlternative || h.Span.Start != start || h.Span.End != end {
				continue
			}
			written := foldSpace(a.Text[start:end])
			for j, sug := range h.Suggestions {
				actions = append(actions, codeAction{
					Title:       "Use “" + sug + "” for “" + written + "”",
					Kind:        protocol.CodeActionKindQuickFix,
					Diagnostics: []json.RawMessage{diag.raw},
					IsPreferred: j == 0,
					Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
						d.URI: {{Range: diag.Range, NewText: sug}},
					}},
				})
			}
		}
	}
	return actions
}
