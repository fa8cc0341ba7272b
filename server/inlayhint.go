package server

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// LSP 3.17's inlay hints, which glsp v0.2.2 lacks.
const (
	MethodInlayHint        = "textDocument/inlayHint"
	MethodInlayHintRefresh = "workspace/inlayHint/refresh"
)

// InlayHintParams are the params of textDocument/inlayHint.
type InlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

// InlayHint is LSP 3.17's InlayHint, with the fields the server sets.
type InlayHint struct {
	Position    protocol.Position       `json:"position"`
	Label       string                  `json:"label"`
	Tooltip     *protocol.MarkupContent `json:"tooltip,omitempty"`
	PaddingLeft bool                    `json:"paddingLeft,omitempty"`
}

// inlayHint handles textDocument/inlayHint: each paragraph whose last line
// ends inside the requested range gets its grade and length at the end of
// that line, "grade 12.4 · 86 words", with its fact box as the tooltip. The
// result is null for a document whose language is not analysed or when
// inlay hints are off; a URI that is not open or a range outside the
// document is an Invalid Params error.
func (s *Server) inlayHint(params *InlayHintParams) ([]InlayHint, error) {
	d, err := s.store.Get(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	start, end, err := d.Mapper.RangeOffsets(params.Range)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	markdown, enabled := s.hoverMarkdown, s.inlayHintsEnabled()
	s.mu.Unlock()
	if !enabled {
		return nil, nil
	}
	a, err := d.Analysis()
	if errors.Is(err, ErrNotAnalysed) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return paragraphInlayHints(a, d.Mapper, start, end, markdown)
}

// paragraphInlayHints returns the hints of the paragraphs of a whose last
// line ends in [start, end]: it finds the first by binary search and stops
// after the last, so a request for the visible part of a long document
// costs what that part holds.
func paragraphInlayHints(a *analysis.Document, m *Mapper, start, end int, markdown bool) ([]InlayHint, error) {
	out := []InlayHint{}
	paras := a.Paragraphs
	i := sort.Search(len(paras), func(i int) bool { return lineEnd(a.Text, paras[i].Span.End) >= start })
	cursor := m.Cursor()
	for ; i < len(paras); i++ {
		p := &paras[i]
		off := lineEnd(a.Text, p.Span.End)
		if off > end {
			break
		}
		pos, err := cursor.OffsetPosition(off)
		if err != nil {
			return out, fmt.Errorf("paragraph %d: %w", i, err)
		}
		tip := protocol.MarkupContent{Kind: protocol.MarkupKindPlainText, Value: renderFactBox("Paragraph", p.FactBox, a.Options, false)}
		if markdown {
			tip = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: renderFactBox("Paragraph", p.FactBox, a.Options, true)}
		}
		out = append(out, InlayHint{Position: pos, Label: paragraphLabel(p.FactBox, a.Options), Tooltip: &tip, PaddingLeft: true})
	}
	return out, nil
}

// paragraphLabel is the text of a paragraph's inlay hint: "grade 12.4 · 86
// words", the grade rounded as everywhere else (analysis.FormatGrade).
func paragraphLabel(f analysis.FactBox, opts analysis.Options) string {
	words := "words"
	if f.Tokens == 1 {
		words = "word"
	}
	return "grade " + analysis.FormatGrade(f.Level, 1, opts) + " · " + strconv.Itoa(f.Tokens) + " " + words
}

// lineEnd returns the offset of the end of the line holding offset: the
// first line break at or after it, or the end of the text.
func lineEnd(text string, offset int) int {
	offset = max(0, min(offset, len(text)))
	if i := strings.IndexAny(text[offset:], "\r\n"); i >= 0 {
		return offset + i
	}
	return len(text)
}

// renderFactBox renders one fact box with the rows of the hover, as a
// Markdown table or as aligned plain text.
func renderFactBox(title string, f analysis.FactBox, opts analysis.Options, markdown bool) string {
	var b strings.Builder
	if markdown {
		b.WriteString("| Fact box | " + title + " |\n|:--|--:|\n")
		for _, row := range hoverRows {
			b.WriteString("| " + row.label + " | " + row.format(f, opts) + " |\n")
		}
		return b.String()
	}
	fmt.Fprintf(&b, "%-13s %10s\n", "Fact box", title)
	for _, row := range hoverRows {
		fmt.Fprintf(&b, "%-13s %10s\n", row.label, row.format(f, opts))
	}
	return b.String()
}

// InlayHintsSettings are the settings under factbox.inlayHints: off unless
// the client turns them on, as the VS Code and Neovim integrations do.
type InlayHintsSettings struct {
	Enable bool `json:"enable"`
}

// inlayHintsPatch is InlayHintsSettings as the client sends it.
type inlayHintsPatch struct {
	Enable *bool `json:"enable"`
}

// apply sets the fields of is that p gives; a nil p gives none.
func (p *inlayHintsPatch) apply(is *InlayHintsSettings) {
	if p != nil && p.Enable != nil {
		is.Enable = *p.Enable
	}
}

// inlayHintsEnabled reports whether the settings turn inlay hints on. The
// caller holds s.mu.
func (s *Server) inlayHintsEnabled() bool { return s.settings.InlayHints.Enable }

// refreshInlayHints asks the client to request its inlay hints again, after
// the settings changed, if it said it can (workspace.inlayHint.refreshSupport).
// It calls from a goroutine: a call made inside a handler would wait for a
// reply the blocked read loop can never read. A failure is only logged.
func (s *Server) refreshInlayHints() {
	s.mu.Lock()
	refresh := s.inlayRefresh
	s.mu.Unlock()
	call := s.caller()
	if !refresh || call == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), configurationTimeout)
		defer cancel()
		if err := call(ctx, MethodInlayHintRefresh, nil, nil); err != nil {
			s.log.Warningf("%s: %s", MethodInlayHintRefresh, err)
		}
	}()
}
