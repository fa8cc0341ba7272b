package server

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hoverRequest are the params of textDocument/hover. glsp's own type reads a
// missing position as 0:0; the server rejects it.
type hoverRequest struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Position     *protocol.Position              `json:"position"`
}

// decodeHoverParams decodes the params of textDocument/hover, which must
// have a position.
func decodeHoverParams(raw json.RawMessage) (*hoverRequest, error) {
	var p hoverRequest
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	if p.Position == nil {
		return nil, errMissing("position")
	}
	return &p, nil
}

// hover handles textDocument/hover: the fact box of the document, and of the
// paragraph and sentence under the cursor when there is one, with the hover's
// range set to that sentence. It returns null for a document whose language
// is not analysed.
//
// It never waits for an analysis in the read loop: while the open version is
// being analysed, the newest analysed version answers, the position mapped
// back to its text through the edits made since and the sentence's range
// mapped forward. Before any version is analysed the answer is deferred to
// a goroutine (see deferred).
func (s *Server) hover(params *hoverRequest) (any, error) {
	d, err := s.store.Get(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	offset, err := d.Mapper.PositionOffset(*params.Position)
	if err != nil {
		return nil, err
	}
	if !d.config.analyse {
		return nil, nil
	}
	s.mu.Lock()
	markdown, quiet := s.hoverMarkdown, s.hoverQuiet
	s.mu.Unlock()
	if snap, ok := d.snapshot(); ok {
		return hoverFrom(d, snap, offset, markdown, quiet), nil
	}
	return deferred(func() (any, error) {
		if _, err := d.Analysis(); err != nil {
			return nil, err
		}
		return hoverFrom(d, snapshot{doc: d}, offset, markdown, quiet), nil
	}), nil
}

// hoverFrom renders the hover at offset in d's text from snap. With quiet,
// a hard sentence's message is left out: the client shows the diagnostic.
func hoverFrom(d *Document, snap snapshot, offset int, markdown, quiet bool) *protocol.Hover {
	boxes := factBoxesAt(snap.analysis(), snap.toAnalysed(offset))
	boxes.noMessage = quiet
	h := &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindPlainText, Value: renderHover(boxes, false)}}
	if markdown {
		h.Contents = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: renderHover(boxes, true)}
	}
	if boxes.sentence != nil {
		start, end := snap.fromAnalysed(boxes.sentence.Span)
		if rng, err := d.Mapper.OffsetRange(start, end); err == nil {
			h.Range = &rng
		}
	}
	return h
}

// factBoxes are the fact boxes around one offset.
type factBoxes struct {
	analysis  *analysis.Document
	document  analysis.FactBox
	paragraph *analysis.FactBox
	sentence  *analysis.Sentence
	noMessage bool // leave out the hard sentence's message (the client shows the diagnostic)
}

// factBoxesAt returns the fact boxes of a, and of the paragraph and sentence
// holding offset, if any.
func factBoxesAt(a *analysis.Document, offset int) factBoxes {
	fb := factBoxes{analysis: a, document: a.FactBox}
	if i := a.ParagraphAt(offset); i >= 0 && i < len(a.Paragraphs) {
		fb.paragraph = &a.Paragraphs[i].FactBox
	}
	if i := a.SentenceAt(offset); i >= 0 && i < len(a.Sentences) {
		fb.sentence = &a.Sentences[i]
	}
	return fb
}

// hoverRow is one row of the hover table.
type hoverRow struct {
	label  string
	format func(analysis.FactBox, analysis.Options) string
}

var hoverRows = []hoverRow{
	{"Level", func(f analysis.FactBox, o analysis.Options) string { return analysis.FormatGrade(f.Level, 3, o) }},
	{"Tokens", func(f analysis.FactBox, _ analysis.Options) string { return strconv.Itoa(f.Tokens) }},
	{"Types", func(f analysis.FactBox, _ analysis.Options) string { return strconv.Itoa(f.Types) }},
	{"TTR", func(f analysis.FactBox, _ analysis.Options) string { return strconv.FormatFloat(f.TTR, 'f', 3, 64) }},
	{"Adverbs", func(f analysis.FactBox, _ analysis.Options) string { return strconv.Itoa(f.Adverbs) }},
	{"Passive voice", func(f analysis.FactBox, _ analysis.Options) string { return strconv.Itoa(f.PassiveVoice) }},
	{"Simpler words", func(f analysis.FactBox, _ analysis.Options) string { return strconv.Itoa(f.SimplerAlternatives) }},
}

// renderHover renders the fact boxes as a Markdown table, or as aligned plain
// text, with a column each for the document, the paragraph and the sentence
// (those two only when the cursor is in one). A hard sentence adds a line
// saying why, as its diagnostic does, unless fb.noMessage.
func renderHover(fb factBoxes, markdown bool) string {
	headers := []string{"Document"}
	boxes := []analysis.FactBox{fb.document}
	if fb.paragraph != nil {
		headers = append(headers, "Paragraph")
		boxes = append(boxes, *fb.paragraph)
	}
	if fb.sentence != nil {
		headers = append(headers, "Sentence")
		boxes = append(boxes, fb.sentence.FactBox)
	}
	var b strings.Builder
	if markdown {
		b.WriteString("| Fact box | " + strings.Join(headers, " | ") + " |\n")
		b.WriteString("|:--" + strings.Repeat("|--:", len(headers)) + "|\n")
		for _, row := range hoverRows {
			b.WriteString("| " + row.label)
			for _, box := range boxes {
				b.WriteString(" | " + row.format(box, fb.analysis.Options))
			}
			b.WriteString(" |\n")
		}
	} else {
		fmt.Fprintf(&b, "%-13s", "Fact box")
		for _, h := range headers {
			fmt.Fprintf(&b, " %10s", h)
		}
		b.WriteString("\n")
		for _, row := range hoverRows {
			fmt.Fprintf(&b, "%-13s", row.label)
			for _, box := range boxes {
				fmt.Fprintf(&b, " %10s", row.format(box, fb.analysis.Options))
			}
			b.WriteString("\n")
		}
	}
	if fb.sentence != nil {
		b.WriteString("\n" + explainLevel(fb.sentence.FactBox, fb.analysis.Options) + "\n")
		// A client that shows diagnostics in its hover has shown this
		// message already, unless the sentence is ignored (no diagnostic).
		if fb.sentence.Difficulty != analysis.OK && (!fb.noMessage || fb.sentence.Ignored != analysis.NotIgnored) {
			b.WriteString("\n" + sentenceMessage(fb.analysis, fb.sentence) + "\n")
			if fb.sentence.Ignored != analysis.NotIgnored {
				b.WriteString("\n" + ignoredNote(fb.sentence.Ignored, markdown) + "\n")
			}
		}
	}
	return b.String()
}

// explainLevel shows how the Flesch–Kincaid formula makes a sentence's Level,
// so that a writer sees whether length or long words drive it:
//
//	Sentence grade 16.2 = 0.39 × 38 words + 11.8 × 1.71 syllables/word − 15.59
func explainLevel(f analysis.FactBox, opts analysis.Options) string {
	return fmt.Sprintf("Sentence grade %s = 0.39 × %d words + 11.8 × %.2f syllables/word − 15.59",
		analysis.FormatGrade(f.Level, 1, opts), f.Tokens, f.SyllablesPerWord)
}

// ignoredNote says why a hard sentence has no diagnostic. Comments are put
// in code spans in Markdown, where they would otherwise vanish.
func ignoredNote(g analysis.Ignore, markdown bool) string {
	code := func(s string) string {
		if markdown {
			return "`" + s + "`"
		}
		return s
	}
	var why string
	switch g {
	case analysis.IgnoredByFile:
		why = "the front matter says " + code("factbox: false")
	case analysis.IgnoredByDisable:
		why = "it is between " + code("<!-- factbox-disable -->") + " and " + code("<!-- factbox-enable -->")
	case analysis.IgnoredByBlock:
		why = "its block follows " + code("<!-- factbox-ignore -->")
	case analysis.IgnoredByPattern:
		why = "it matches an " + code("ignore") + " pattern of the config file"
	case analysis.IgnoredBySetting:
		why = "diagnostics are off for this file"
	default:
		why = g.String()
	}
	return "Not flagged: " + why + "."
}
