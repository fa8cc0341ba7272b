package server

import (
	"fmt"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// didOpen handles textDocument/didOpen. A second open of an open URI replaces
// the document (and is logged): the client's word is the latest truth.
func (s *Server) didOpen(_ *glsp.Context, params *protocol.DidOpenTextDocumentParams) error {
	item := params.TextDocument
	s.mu.Lock()
	cfg := s.documentConfig(s.scopedLocked().forURI(item.URI), item.URI, item.LanguageID)
	d := newDocument(item.URI, item.LanguageID, item.Version, item.Text, s.encoding, cfg, nil)
	replaced := s.store.Open(d)
	s.mu.Unlock()
	if replaced != nil {
		s.log.Warningf("%s opened again: version %d replaces version %d", item.URI, item.Version, replaced.Version)
	}
	s.log.Infof("open %s (%s, version %d, %d bytes)", item.URI, item.LanguageID, item.Version, len(item.Text))
	s.schedule(d)
	s.checkConfigDocument(d)
	return nil
}

// didChange handles textDocument/didChange. The changes apply in order, each
// to the text the one before it left. A change that is not newer than the
// open version, that names a document not open, or whose range cannot be
// applied is logged and ignored as a whole; the document keeps its version.
func (s *Server) didChange(_ *glsp.Context, params *protocol.DidChangeTextDocumentParams) error {
	uri, version := params.TextDocument.URI, params.TextDocument.Version
	d, err := s.store.Update(uri, version, func(cur *Document) (*Document, error) {
		text, err := applyChanges(cur.Mapper, params.ContentChanges)
		if err != nil {
			return nil, err
		}
		return cur.withText(version, text), nil
	})
	if err != nil {
		return fmt.Errorf("ignoring change: %w", err)
	}
	s.schedule(d)
	s.checkConfigDocument(d)
	return nil
}

// didSave handles textDocument/didSave; the server has already seen every
// change, so there is nothing to do but re-read a saved config file.
func (s *Server) didSave(_ *glsp.Context, params *protocol.DidSaveTextDocumentParams) error {
	s.configSaved(params.TextDocument.URI)
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
	s.log.Infof("close %s", d.URI)
	s.scheduleClear(d)
	return nil
}

// applyChanges applies content changes, ranged or whole-document, to the text
// of m, and returns the result. Ranges are read with ClampedPositionOffset:
// an end past the end of a line or of the text means that end, as LSP
// specifies. A reversed range or one that splits a character is an error.
func applyChanges(m *Mapper, changes []any) (string, error) {
	text, enc := m.text, m.Encoding()
	for i, change := range changes {
		switch c := change.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = c.Text
		case protocol.TextDocumentContentChangeEvent:
			if m == nil {
				m = NewMapper(text, enc)
			}
			start, err := m.ClampedPositionOffset(c.Range.Start)
			if err != nil {
				return "", fmt.Errorf("change %d: start: %w", i, err)
			}
			end, err := m.ClampedPositionOffset(c.Range.End)
			if err != nil {
				return "", fmt.Errorf("change %d: end: %w", i, err)
			}
			if end < start {
				return "", fmt.Errorf("change %d: %w: %s", i, ErrReversedRange, formatRange(*c.Range))
			}
			text = text[:start] + c.Text + text[end:]
		default:
			return "", fmt.Errorf("change %d: unexpected type %T", i, change)
		}
		m = nil
	}
	return text, nil
}
