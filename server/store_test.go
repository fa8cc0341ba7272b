package server

import (
	"errors"
	"testing"
)

func TestStore(t *testing.T) {
	s := NewStore()
	cfg := DefaultSettings().docConfig("plaintext")
	d1 := newDocument("file:///s.txt", "plaintext", 3, "One.", UTF16, cfg, nil)
	if replaced := s.Open(d1); replaced != nil {
		t.Fatalf("first open replaced %v", replaced)
	}
	tests := []struct {
		name    string
		uri     string
		version int32
		next    error
		err     error
	}{
		{name: "unknown URI", uri: "file:///nope.txt", version: 9, err: ErrDocumentNotFound},
		{name: "same version", uri: d1.URI, version: 3, err: ErrStaleVersion},
		{name: "older version", uri: d1.URI, version: 1, err: ErrStaleVersion},
		{name: "failed edit", uri: d1.URI, version: 4, next: ErrReversedRange, err: ErrReversedRange},
		{name: "newer version", uri: d1.URI, version: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Get(d1.URI)
			d, err := s.Update(tt.uri, tt.version, func(cur *Document) (*Document, error) {
				if tt.next != nil {
					return nil, tt.next
				}
				return cur.withText(tt.version, NewMapper(cur.Text()+" Two.", UTF16), nil), nil
			})
			after, _ := s.Get(d1.URI)
			if tt.err != nil {
				if !errors.Is(err, tt.err) || after != before {
					t.Fatalf("Update = %v, %v; want error %v and no change", d, err, tt.err)
				}
				return
			}
			if err != nil || after != d || d.Text() != "One. Two." || d.Version != 4 || d.lineage != d1.lineage {
				t.Fatalf("Update = %+v, %v", d, err)
			}
		})
	}

	cur, _ := s.Get(d1.URI)
	if !s.Live(cur) || !s.Live(d1) {
		t.Fatal("Live: the versions of an open document are live")
	}
	docs := s.Reconfigure(func(d *Document) *Document { return d.withConfig(DefaultSettings().docConfig("go")) })
	if len(docs) != 1 || docs[0].Version != 4 || docs[0].config.analyse || !s.Live(cur) {
		t.Fatalf("Reconfigure = %+v", docs)
	}
	s.Open(newDocument(d1.URI, "plaintext", 1, "Again.", UTF16, d1.config, nil))
	if s.Live(cur) {
		t.Fatal("Live: a version of a document opened again since is live")
	}
	if _, err := docs[0].Analysis(); !errors.Is(err, ErrNotAnalysed) {
		t.Fatalf("Analysis of an excluded language: %v", err)
	}
	if _, err := s.Close(d1.URI); err != nil || s.Len() != 0 {
		t.Fatalf("Close: %v, %d left", err, s.Len())
	}
	if _, err := s.Close(d1.URI); !errors.Is(err, ErrDocumentNotFound) {
		t.Fatalf("second Close: %v", err)
	}
}

func TestDocumentAnalysisOnce(t *testing.T) {
	cfg := DefaultSettings().docConfig("plaintext")
	d := newDocument("file:///a.txt", "plaintext", 1, "A sentence. Another one.", UTF16, cfg, nil)
	a1, err := d.Analysis()
	if err != nil || a1 == nil {
		t.Fatalf("Analysis: %v", err)
	}
	if a2, _ := d.Analysis(); a2 != a1 {
		t.Fatal("Analysis computed twice")
	}
	if d.lineage.last.Load() != a1 {
		t.Fatal("lineage does not remember the analysis for the next version")
	}
	next := d.withText(2, NewMapper("A sentence. Another one. A third.", UTF16), nil)
	a3, _ := next.Analysis()
	if a3 == a1 || a3.Text != next.Text() {
		t.Fatalf("next version's analysis is of %q", a3.Text)
	}
}
