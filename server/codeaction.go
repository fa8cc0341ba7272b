package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// HardSentencesURL is the page every factbox diagnostic links to as its
// codeDescription: the README section that explains hard sentences.
const HardSentencesURL = "https://github.com/factbox/factbox#hard-sentences"

var hardSentencesDescription = &protocol.CodeDescription{HRef: HardSentencesURL}

// diagnosticData is the data of a factbox diagnostic: with the diagnostic's
// range and the document's text, what the quick fixes need to build their
// edits without analysing the text again. Offsets are relative to the
// sentence, so that a diagnostic stays valid while its paragraph moves.
type diagnosticData struct {
	// ParagraphOffset is how many bytes the sentence's block (paragraph,
	// heading, list item or quote) starts before the sentence.
	ParagraphOffset int `json:"paragraphOffset"`
	// SentenceLength is the sentence's length in bytes. A range that no
	// longer spans as many bytes belongs to an older version of the text.
	SentenceLength int `json:"sentenceLength"`
}

// newDiagnosticData returns the data of the diagnostic of sent, a sentence of
// the paragraph with index para in a.
func newDiagnosticData(a *analysis.Document, para int, sent *analysis.Sentence) diagnosticData {
	d := diagnosticData{SentenceLength: sent.Span.Len()}
	if para >= 0 && para < len(a.Paragraphs) {
		d.ParagraphOffset = sent.Span.Start - a.Paragraphs[para].Span.Start
	}
	return d
}

// appendJSON appends d as encoding/json writes it.
func (d diagnosticData) appendJSON(b []byte) []byte {
	b = append(b, `{"paragraphOffset":`...)
	b = strconv.AppendInt(b, int64(d.ParagraphOffset), 10)
	b = append(b, `,"sentenceLength":`...)
	b = strconv.AppendInt(b, int64(d.SentenceLength), 10)
	return append(b, '}')
}

// Titles of the quick fixes.
const (
	titleIgnoreSentence  = "Ignore this sentence"
	titleIgnoreParagraph = "Ignore this paragraph"
	titleDisableFile     = "Disable factbox in this file"
)

// codeActionParams are the params of textDocument/codeAction. They are
// decoded here rather than as glsp's CodeActionParams, whose diagnostics
// lose a string code (glsp v0.2.2's IntegerOrString decodes into a copy);
// the diagnostics stay raw, to be sent back as they came.
type codeActionParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
	Context      struct {
		Diagnostics []json.RawMessage `json:"diagnostics"`
		Only        []string          `json:"only"`
	} `json:"context"`
}

// clientDiagnostic is what the server reads of a diagnostic the client sends back.
type clientDiagnostic struct {
	Range  protocol.Range  `json:"range"`
	Code   any             `json:"code"`
	Source string          `json:"source"`
	Data   json.RawMessage `json:"data"`

	raw json.RawMessage
}

// codeAction is a CodeAction with the diagnostics it fixes kept raw.
type codeAction struct {
	Title       string                  `json:"title"`
	Kind        string                  `json:"kind"`
	Diagnostics []json.RawMessage       `json:"diagnostics,omitempty"`
	IsPreferred bool                    `json:"isPreferred,omitempty"`
	Edit        *protocol.WorkspaceEdit `json:"edit,omitempty"`
}

// codeAction handles textDocument/codeAction: for each factbox diagnostic of
// a Markdown document that the client sends in the context and that touches
// the range, the quick fixes "Ignore this sentence" and "Ignore this
// paragraph", then once "Disable factbox in this file". Each is a
// WorkspaceEdit of the document. A request without a factbox diagnostic is
// answered with an empty list at once, before the document is looked up.
//
// A simpler-alternative hint in the context, in any language, gets one fix
// per suggestion first (see simplerFixes).
//
// A diagnostic's data locates its paragraph; a client that drops data gets
// its fixes from the document's analysis. A diagnostic whose range no longer
// spans its sentence (an older version of the text) gets no fix.
func (s *Server) codeAction(params *codeActionParams) ([]codeAction, error) {
	actions := []codeAction{}
	if len(params.Context.Only) > 0 && !slices.ContainsFunc(params.Context.Only, func(k string) bool {
		return k == "" || k == protocol.CodeActionKindQuickFix || strings.HasPrefix(protocol.CodeActionKindQuickFix, k+".")
	}) {
		return actions, nil
	}
	var ours, simpler []clientDiagnostic
	for _, raw := range params.Context.Diagnostics {
		var diag clientDiagnostic
		if json.Unmarshal(raw, &diag) != nil || !touches(diag.Range, params.Range) {
			continue
		}
		diag.raw = raw
		switch {
		case diag.ours():
			ours = append(ours, diag)
		case diag.simpler():
			simpler = append(simpler, diag)
		}
	}
	if len(ours) == 0 && len(simpler) == 0 {
		return actions, nil
	}
	d, err := s.store.Get(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	if !d.config.analyse {
		return actions, nil
	}
	actions = append(actions, s.simplerFixes(d, simpler)...)
	if len(ours) == 0 || d.config.opts.Format != analysis.Markdown {
		return actions, nil
	}
	seenPara := make(map[int]bool)
	var fixed []json.RawMessage
	for _, diag := range ours {
		sent, paraStart, ok := s.locate(d, diag)
		if !ok {
			continue
		}
		fixed = append(fixed, diag.raw)
		if a, ok := quickFix(d, titleIgnoreSentence, analysis.IgnoreSentenceEdits(d.Text(), sent, paraStart), diag.raw); ok {
			actions = append(actions, a)
		}
		if !seenPara[paraStart] {
			seenPara[paraStart] = true
			if a, ok := quickFix(d, titleIgnoreParagraph, analysis.IgnoreBlockEdits(d.Text(), paraStart), diag.raw); ok {
				actions = append(actions, a)
			}
		}
	}
	if len(fixed) > 0 {
		if a, ok := quickFix(d, titleDisableFile, analysis.DisableFileEdits(d.Text()), fixed...); ok {
			actions = append(actions, a)
		}
	}
	return actions, nil
}

// ours reports whether diag is one of the server's sentence diagnostics.
func (diag *clientDiagnostic) ours() bool {
	code, _ := diag.Code.(string)
	return diag.Source == Name && (code == CodeHardSentence || code == CodeVeryHardSentence)
}

// touches reports whether ranges a and b overlap or meet.
func touches(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// before reports whether position p comes before q.
func before(p, q protocol.Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// locate returns the span of the sentence diag is about and the start of its
// paragraph, from diag's data or else from d's analysis; ok is false when diag
// does not fit d's text.
func (s *Server) locate(d *Document, diag clientDiagnostic) (sent analysis.Span, paraStart int, ok bool) {
	start, end, err := d.Mapper.RangeOffsets(diag.Range)
	if err != nil {
		s.log.Debugf("codeAction: %s: %s", d.URI, err)
		return sent, 0, false
	}
	sent = analysis.Span{Start: start, End: end}
	if data, ok := parseDiagnosticData(diag.Data); ok {
		if data.SentenceLength != end-start || data.ParagraphOffset < 0 || data.ParagraphOffset > start {
			return sent, 0, false
		}
		return sent, start - data.ParagraphOffset, true
	}
	a, err := d.Analysis()
	if err != nil {
		return sent, 0, false
	}
	i := a.SentenceAt(start)
	if i < 0 || a.Sentences[i].Span != sent {
		return sent, 0, false
	}
	p := a.ParagraphAt(start)
	if p < 0 {
		return sent, 0, false
	}
	return sent, a.Paragraphs[p].Span.Start, true
}

// parseDiagnosticData reads the data of a diagnostic as the client sent it
// back; ok is false when it is absent or not the server's.
func parseDiagnosticData(raw json.RawMessage) (diagnosticData, bool) {
	var data struct {
		ParagraphOffset *int `json:"paragraphOffset"`
		SentenceLength  *int `json:"sentenceLength"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &data) != nil || data.ParagraphOffset == nil || data.SentenceLength == nil {
		return diagnosticData{}, false
	}
	return diagnosticData{ParagraphOffset: *data.ParagraphOffset, SentenceLength: *data.SentenceLength}, true
}

// quickFix returns a quick fix titled title that applies edits to d and
// resolves diags. The edits' offsets go through d's mapper.
func quickFix(d *Document, title string, edits []analysis.Edit, diags ...json.RawMessage) (codeAction, bool) {
	textEdits := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		rng, err := d.Mapper.OffsetRange(e.Span.Start, e.Span.End)
		if err != nil {
			return codeAction{}, false
		}
		textEdits = append(textEdits, protocol.TextEdit{Range: rng, NewText: e.NewText})
	}
	return codeAction{
		Title:       title,
		Kind:        protocol.CodeActionKindQuickFix,
		Diagnostics: diags,
		Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{d.URI: textEdits}},
	}, true
}
