package server

import (
	"strconv"

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
