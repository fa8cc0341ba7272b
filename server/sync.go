package server

import (
	"encoding/json"
	"fmt"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// didOpen handles textDocument/didOpen. A second open of an open URI replaces
// the document (and is logged): the client's word is the latest truth.
func (s *Server) didOpen(_ *glsp.Context, params *protocol.DidOpenTextDocumentParams) error {
	item := params.TextDocument
	s.refreshConfigs()
	s.mu.Lock()
	cfg := s.documentConfig(s.scopedLocked().forURI(item.URI), item.URI, item.LanguageID)
	d := newDocument(item.URI, item.LanguageID, item.Version, item.Text, s.encoding, cfg, nil)
	replaced := s.store.Open(d)
	s.mu.Unlock()
	if replaced != nil {
		s.log.Warningf("%q opened again: version %d replaces version %d", item.URI, item.Version, replaced.Version)
	}
	s.log.Infof("open %q (%q, version %d, %d bytes)", item.URI, item.LanguageID, item.Version, len(item.Text))
	s.schedule(d)
	s.checkConfigDocument(d)
	return nil
}

// changeParams are the params of textDocument/didChange as the server reads
// them. glsp's own type reads a change without text as the whole document
// replaced by "", which would wipe it.
type changeParams struct {
	TextDocument   *protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range *protocol.Range `json:"range"`
		Text  *string         `json:"text"`
	} `json:"contentChanges"`
}

// decodeChangeParams decodes the params of textDocument/didChange. A change
// without text ({}, {"text":null}, {"rangeLength":3}) is an error, as is a
// missing textDocument or contentChanges: the whole message is rejected.
func decodeChangeParams(raw json.RawMessage) (*protocol.DidChangeTextDocumentParams, error) {
	var p changeParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	if p.TextDocument == nil {
		return nil, errMissing("textDocument")
	}
	if p.ContentChanges == nil {
		return nil, errMissing("contentChanges")
	}
	params := &protocol.DidChangeTextDocumentParams{TextDocument: *p.TextDocument, ContentChanges: make([]any, len(p.ContentChanges))}
	for i, c := range p.ContentChanges {
		switch {
		case c.Text == nil:
			return nil, fmt.Errorf("change %d: %w", i, errMissing("text"))
		case c.Range == nil:
			params.ContentChanges[i] = protocol.TextDocumentContentChangeEventWhole{Text: *c.Text}
		default:
			params.ContentChanges[i] = protocol.TextDocumentContentChangeEvent{Range: c.Range, Text: *c.Text}
		}
	}
	return params, nil
}

// didChange handles textDocument/didChange. The changes apply in order, each
// to the text the one before it left. A change that is not newer than the
// open version, that names a document not open, or whose range cannot be
// applied is logged and ignored as a whole; the document keeps its version.
func (s *Server) didChange(params *protocol.DidChangeTextDocumentParams) error {
	uri, version := params.TextDocument.URI, params.TextDocument.Version
	d, err := s.store.Update(uri, version, func(cur *Document) (*Document, error) {
		m, edits, err := applyChanges(cur.Mapper, params.ContentChanges)
		if err != nil {
			return nil, err
		}
		return cur.withText(version, m, edits), nil
	})
	if err != nil {
		return fmt.Errorf("ignoring change: %w", err)
	}
	s.schedule(d)
	s.checkConfigDocument(d)
	return nil
}

// didSave handles textDocument/didSave; the server has already seen every
// change, so there is nothing to do but catch up with config files changed
// on disk, for clients that watch no files for it.
func (s *Server) didSave(_ *glsp.Context, params *protocol.DidSaveTextDocumentParams) error {
	s.refreshConfigs()
	if _, err := s.store.Get(params.TextDocument.URI); err != nil {
		return fmt.Errorf("save: %w", err)
	}
	return nil
}

// didClose handles textDocument/didClose: the document is forgotten and its
// diagnostics cleared.
func (s *Server) didClose(_ *glsp.Context, params *protocol.DidCloseTextDocumentParams) error {
	d, err := s.store.Close(params.TextDocument.URI)
	if err != nil {
		return fmt.Errorf("close: %w", err)
	}
	s.log.Infof("close %q", d.URI)
	s.scheduleClear(d)
	return nil
}

// applyChanges applies content changes, ranged or whole-document, to the text
// of m, and returns a mapper over the result and the edits each change made,
// in bytes. Ranges are read with ClampedPositionOffset: an end past the end
// of a line or of the text means that end, as LSP specifies. A reversed range
// or one that splits a character is an error. A whole-document change counts
// as an edit of the bytes between the text's common prefix and suffix with
// the text before it. The mapper of a ranged change derives its tables from
// the one before (Mapper.withEdit) instead of scanning the text.
func applyChanges(m *Mapper, changes []any) (*Mapper, []textEdit, error) {
	edits := make([]textEdit, 0, len(changes))
	for i, change := range changes {
		switch c := change.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			edits = append(edits, diffEdit(m.Text(), c.Text))
			m = NewMapper(c.Text, m.Encoding())
		case protocol.TextDocumentContentChangeEvent:
			start, err := m.ClampedPositionOffset(c.Range.Start)
			if err != nil {
				return nil, nil, fmt.Errorf("change %d: start: %w", i, err)
			}
			end, err := m.ClampedPositionOffset(c.Range.End)
			if err != nil {
				return nil, nil, fmt.Errorf("change %d: end: %w", i, err)
			}
			if end < start {
				return nil, nil, fmt.Errorf("change %d: %w: %s", i, ErrReversedRange, formatRange(*c.Range))
			}
			e := textEdit{start: start, oldEnd: end, newEnd: start + len(c.Text)}
			m = m.withEdit(e, c.Text)
			edits = append(edits, e)
		default:
			return nil, nil, fmt.Errorf("change %d: unexpected type %T", i, change)
		}
	}
	return m, edits, nil
}

// diffEdit returns the edit that makes after of before: the bytes between
// their common prefix and their common suffix. It compares in blocks, which
// string equality does a word or more at a time.
func diffEdit(before, after string) textEdit {
	const block = 256
	n := min(len(before), len(after))
	prefix := 0
	for prefix+block <= n && before[prefix:prefix+block] == after[prefix:prefix+block] {
		prefix += block
	}
	for prefix < n && before[prefix] == after[prefix] {
		prefix++
	}
	suffix, limit := 0, n-prefix
	for suffix+block <= limit && before[len(before)-suffix-block:len(before)-suffix] == after[len(after)-suffix-block:len(after)-suffix] {
		suffix += block
	}
	for suffix < limit && before[len(before)-suffix-1] == after[len(after)-suffix-1] {
		suffix++
	}
	return textEdit{start: prefix, oldEnd: len(before) - suffix, newEnd: len(after) - suffix}
}
