package server

import "github.com/factbox/factbox/analysis"

// textEdit is one change to a text: the bytes [start, oldEnd) of the text
// before it became the bytes [start, newEnd) of the text after it.
type textEdit struct {
	start, oldEnd, newEnd int
}

// versionEdits are the edits, in the order they applied, that made one
// version of a document from the version before it.
type versionEdits struct {
	version int32
	edits   []textEdit
}

// back maps an offset in the text after e to the text before it. An offset
// inside the inserted bytes maps to the start of the edit.
func (e textEdit) back(offset int) int {
	switch {
	case offset <= e.start:
		return offset
	case offset >= e.newEnd:
		return offset - e.newEnd + e.oldEnd
	}
	return e.start
}

// forward maps an offset in the text before e to the text after it. Bytes
// inserted at a span's boundary stay outside the span: a span start there
// maps past them, a span end (end set) before them. An offset inside the
// replaced bytes maps to the start of the edit, or for a span end to the end
// of the inserted bytes.
func (e textEdit) forward(offset int, end bool) int {
	switch {
	case offset < e.start:
		return offset
	case offset > e.oldEnd:
		return offset - e.oldEnd + e.newEnd
	case offset == e.start && end:
		return offset
	case offset == e.oldEnd, end:
		return e.newEnd
	}
	return e.start
}

// maxRecordedVersions bounds the versions whose edits a lineage remembers:
// a document whose analyses never finish (diagnostics off, and no hover)
// must not keep every edit of a long session.
const maxRecordedVersions = 4096

// recordEdits remembers the edits that made version, until a version at
// least as new is analysed. Past maxRecordedVersions the edits are
// forgotten, and no analysis older than version answers for a newer one.
func (l *lineage) recordEdits(version int32, edits []textEdit) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.edits) >= maxRecordedVersions {
		l.edits, l.forgotten = nil, version
		return
	}
	l.edits = append(l.edits, versionEdits{version, edits})
}

// analysed records that d's analysis is done: d becomes the lineage's newest
// analysed version unless a newer one is, and the edits up to d are dropped.
func (l *lineage) analysed(d *Document) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.newest != nil && l.newest.Version > d.Version {
		return
	}
	l.newest = d
	i := 0
	for i < len(l.edits) && l.edits[i].version <= d.Version {
		i++
	}
	l.edits = append(l.edits[:0:0], l.edits[i:]...)
}

// snapshot is a finished analysis that answers for a version of its
// document, possibly a newer one than it describes: the analysed version,
// and the edits from its text to the text of the version asked about.
type snapshot struct {
	doc   *Document
	edits []textEdit
}

// snapshot returns the analysis to answer requests about d with, without
// waiting: d's own when it is done, else that of the newest version of d's
// lineage analysed under the same settings. ok is false when there is none.
func (d *Document) snapshot() (snap snapshot, ok bool) {
	if d.ready.Load() {
		return snapshot{doc: d}, true
	}
	l := d.lineage
	l.mu.Lock()
	defer l.mu.Unlock()
	o := l.newest
	if o == nil || !sameConfig(o.config, d.config) || o.Version > d.Version || o.Version < l.forgotten {
		return snapshot{}, false
	}
	snap.doc = o
	for _, v := range l.edits {
		if v.version > o.Version && v.version <= d.Version {
			snap.edits = append(snap.edits, v.edits...)
		}
	}
	return snap, true
}

// analysis returns the snapshot's analysis.
func (s snapshot) analysis() *analysis.Document { return s.doc.analysis }

// toAnalysed maps an offset in the text asked about to the analysed text.
func (s snapshot) toAnalysed(offset int) int {
	for i := len(s.edits) - 1; i >= 0; i-- {
		offset = s.edits[i].back(offset)
	}
	return offset
}

// fromAnalysed maps a span of the analysed text to the text asked about.
func (s snapshot) fromAnalysed(span analysis.Span) (start, end int) {
	start, end = span.Start, span.End
	for _, e := range s.edits {
		start, end = e.forward(start, false), e.forward(end, true)
	}
	return start, max(start, end)
}
