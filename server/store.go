package server

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/factbox/factbox/analysis"
)

var (
	// ErrDocumentNotFound is returned for a URI that is not open.
	ErrDocumentNotFound = errors.New("document not found")
	// ErrStaleVersion is returned for a change whose version is not newer than the open document's.
	ErrStaleVersion = errors.New("stale version")
	// ErrNotAnalysed is returned for a document whose language is not analysed.
	ErrNotAnalysed = errors.New("language not analysed")
)

// docConfig is what the settings say about one document.
type docConfig struct {
	analyse     bool // the document's language is among the analysed ones
	diagnostics bool // diagnostics.enable
	hints       HintsSettings
	opts        analysis.Options
}

// Document is one version of an open document. It is never modified after it
// is made: a change makes a new Document. Its analysis is computed at most once,
// on first use, by whichever goroutine asks first.
type Document struct {
	URI        string
	LanguageID string
	Version    int32
	// Mapper maps positions in the document's text, and holds the text
	// (see Text).
	Mapper *Mapper

	config  docConfig
	lineage *lineage

	once     sync.Once
	analysis *analysis.Document
	err      error
	ready    atomic.Bool // analysis is done and err is nil
}

// lineage is shared by the versions of one open document. It remembers the
// latest analysis made of any of them, for analysis.Reanalyze to reuse, and
// the newest version analysed with the edits made since, so that a hover can
// be answered while a newer version is being analysed.
type lineage struct {
	last       atomic.Pointer[analysis.Document]
	messages   messageCache
	paragraphs paragraphCache
	// hintMessages carries the hint messages over from one publication to the next.
	hintMessages hintMessageCache

	mu        sync.Mutex
	newest    *Document      // the newest version whose analysis is done
	edits     []versionEdits // the edits that made each version after newest
	forgotten int32          // the newest version whose edits were forgotten
}

// newDocument returns a document value. lin is the lineage of the versions
// before it, or nil for a newly opened document.
func newDocument(uri, languageID string, version int32, text string, enc Encoding, cfg docConfig, lin *lineage) *Document {
	return newDocumentMapped(uri, languageID, version, NewMapper(text, enc), cfg, lin)
}

func newDocumentMapped(uri, languageID string, version int32, m *Mapper, cfg docConfig, lin *lineage) *Document {
	if lin == nil {
		lin = &lineage{forgotten: math.MinInt32}
	}
	return &Document{
		URI:        uri,
		LanguageID: languageID,
		Version:    version,
		Mapper:     m,
		config:     cfg,
		lineage:    lin,
	}
}

// Text returns the document's text. The text of a version that an edit
// made is put together on the first call (see Mapper.withEdit), so that a
// burst of edits to a long document copies it only for the versions
// somebody reads.
func (d *Document) Text() string { return d.Mapper.Text() }

// withText returns the next version of d, with the text of m, which edits
// made of d's text.
func (d *Document) withText(version int32, m *Mapper, edits []textEdit) *Document {
	if d.config.analyse {
		d.lineage.recordEdits(version, edits)
	}
	return newDocumentMapped(d.URI, d.LanguageID, version, m, d.config, d.lineage)
}

// withConfig returns a copy of d analysed under cfg, at the same version.
func (d *Document) withConfig(cfg docConfig) *Document {
	return newDocumentMapped(d.URI, d.LanguageID, d.Version, d.Mapper, cfg, d.lineage)
}

// Analysis returns the analysis of d, computing it on first call from the
// latest analysis of an earlier version. It returns ErrNotAnalysed for a
// document in a language the settings exclude, and an error if the analysis
// panicked (analysis.Analyze promises not to; the server survives if it does).
func (d *Document) Analysis() (*analysis.Document, error) {
	if !d.config.analyse {
		return nil, fmt.Errorf("%w: %q", ErrNotAnalysed, d.LanguageID)
	}
	d.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				d.err = fmt.Errorf("analysis of %q version %d panicked: %v", d.URI, d.Version, r)
			}
		}()
		d.analysis = reanalyze(d.lineage.last.Load(), d.Text(), d.config.opts)
		d.lineage.last.Store(d.analysis)
		d.ready.Store(true)
		d.lineage.analysed(d)
	})
	return d.analysis, d.err
}

// reanalyze is analysis.Reanalyze; tests replace it to hold an analysis back.
var reanalyze = analysis.Reanalyze

// Store holds the open documents, keyed by URI. It is safe for concurrent use.
type Store struct {
	mu   sync.RWMutex
	docs map[string]*Document
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{docs: make(map[string]*Document)}
}

// Get returns the open document at uri, or an error wrapping ErrDocumentNotFound.
func (s *Store) Get(uri string) (*Document, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if d, ok := s.docs[uri]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrDocumentNotFound, uri)
}

// Live reports whether d's document is still open: the open document at d's
// URI is d or a later version of it, not one opened again since.
func (s *Store) Live(d *Document) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	cur := s.docs[d.URI]
	return cur != nil && cur.lineage == d.lineage
}

// Open stores d, replacing and returning any document already open at its URI.
func (s *Store) Open(d *Document) (replaced *Document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	replaced = s.docs[d.URI]
	s.docs[d.URI] = d
	return replaced
}

// Update replaces the document at uri with next(current). It fails with
// ErrDocumentNotFound, with ErrStaleVersion when version is not newer than the
// current version, or with next's error; the store is unchanged on failure.
// next runs under the store's lock, so updates of one URI never interleave.
func (s *Store) Update(uri string, version int32, next func(*Document) (*Document, error)) (*Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.docs[uri]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrDocumentNotFound, uri)
	}
	if version <= cur.Version {
		return nil, fmt.Errorf("%w: %q version %d, have version %d", ErrStaleVersion, uri, version, cur.Version)
	}
	d, err := next(cur)
	if err != nil {
		return nil, err
	}
	s.docs[uri] = d
	return d, nil
}

// Close removes and returns the document at uri.
func (s *Store) Close(uri string) (*Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[uri]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrDocumentNotFound, uri)
	}
	delete(s.docs, uri)
	return d, nil
}

// Reconfigure replaces every document with reconfigure(document) and returns
// the new documents, sorted by URI.
func (s *Store) Reconfigure(reconfigure func(*Document) *Document) []*Document {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Document, 0, len(s.docs))
	for uri, d := range s.docs {
		d = reconfigure(d)
		s.docs[uri] = d
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URI < out[j].URI })
	return out
}

// Len returns the number of open documents.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.docs)
}
