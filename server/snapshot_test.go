package server

import (
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
)

func TestTextEditMapping(t *testing.T) {
	replace := textEdit{start: 2, oldEnd: 4, newEnd: 5} // "abcdef" → "abXYZef"
	insert := textEdit{start: 2, oldEnd: 2, newEnd: 4}  // "abcdef" → "abXYcdef"
	tests := []struct {
		name    string
		edit    textEdit
		offset  int
		back    int
		forward int // as a span start
		end     int // as a span end
	}{
		{name: "before", edit: replace, offset: 1, back: 1, forward: 1, end: 1},
		{name: "at start", edit: replace, offset: 2, back: 2, forward: 2, end: 2},
		{name: "inside", edit: replace, offset: 3, back: 2, forward: 2, end: 5},
		{name: "at old end", edit: replace, offset: 4, back: 2, forward: 5, end: 5},
		{name: "at new end", edit: replace, offset: 5, back: 4, forward: 6, end: 6},
		{name: "after", edit: replace, offset: 6, back: 5, forward: 7, end: 7},
		{name: "insertion before", edit: insert, offset: 1, back: 1, forward: 1, end: 1},
		{name: "insertion at", edit: insert, offset: 2, back: 2, forward: 4, end: 2},
		{name: "insertion inside", edit: insert, offset: 3, back: 2, forward: 5, end: 5},
		{name: "insertion end", edit: insert, offset: 4, back: 2, forward: 6, end: 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.edit.back(tt.offset); got != tt.back {
				t.Errorf("back(%d) = %d, want %d", tt.offset, got, tt.back)
			}
			if got := tt.edit.forward(tt.offset, false); got != tt.forward {
				t.Errorf("forward(%d, start) = %d, want %d", tt.offset, got, tt.forward)
			}
			if got := tt.edit.forward(tt.offset, true); got != tt.end {
				t.Errorf("forward(%d, end) = %d, want %d", tt.offset, got, tt.end)
			}
		})
	}
}

func TestDiffEdit(t *testing.T) {
	long := strings.Repeat("word ", 200)
	tests := []struct {
		name          string
		before, after string
		want          textEdit
	}{
		{name: "same", before: "abc", after: "abc", want: textEdit{3, 3, 3}},
		{name: "empty to text", before: "", after: "abc", want: textEdit{0, 0, 3}},
		{name: "insert middle", before: "abcd", after: "abXcd", want: textEdit{2, 2, 3}},
		{name: "delete end", before: "abcd", after: "ab", want: textEdit{2, 4, 2}},
		{name: "repeated letters", before: "aaaa", after: "aaaaa", want: textEdit{4, 4, 5}},
		{name: "long prefix and suffix", before: long + "x" + long, after: long + "yz" + long, want: textEdit{len(long), len(long) + 1, len(long) + 2}},
		{name: "all replaced", before: "abc", after: "xyz", want: textEdit{0, 3, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diffEdit(tt.before, tt.after); got != tt.want {
				t.Fatalf("diffEdit = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// FuzzDiffEdit checks that diffEdit's edit remakes after from before and
// that its prefix and suffix are as long as they can be.
func FuzzDiffEdit(f *testing.F) {
	f.Add("abcd", "abXcd")
	f.Add("aaaa", "aaaaa")
	f.Add(strings.Repeat("ab", 300), strings.Repeat("ab", 301))
	f.Fuzz(func(t *testing.T, before, after string) {
		e := diffEdit(before, after)
		if e.start > e.oldEnd || e.start > e.newEnd || before[:e.start] != after[:e.start] || before[e.oldEnd:] != after[e.newEnd:] {
			t.Fatalf("diffEdit(%q, %q) = %+v does not remake the text", before, after, e)
		}
		if e.start < e.oldEnd && e.start < e.newEnd && before[e.start] == after[e.start] {
			t.Fatalf("diffEdit(%q, %q) = %+v: prefix not maximal", before, after, e)
		}
		if e.oldEnd > e.start && e.newEnd > e.start && before[e.oldEnd-1] == after[e.newEnd-1] {
			t.Fatalf("diffEdit(%q, %q) = %+v: suffix not maximal", before, after, e)
		}
	})
}

// TestSnapshot edits a document three times while its first version is the
// newest analysed, and maps offsets through the three edits.
func TestSnapshot(t *testing.T) {
	cfg := DefaultSettings().docConfig("plaintext")
	d1 := newDocument("file:///s.txt", "plaintext", 1, "One two. Three four.", UTF16, cfg, nil)
	if _, ok := d1.snapshot(); ok {
		t.Fatal("snapshot before any analysis")
	}
	if _, err := d1.Analysis(); err != nil {
		t.Fatal(err)
	}
	apply := func(d *Document, version int32, start, end int, insert string) *Document {
		text := d.Text()[:start] + insert + d.Text()[end:]
		return d.withText(version, NewMapper(text, UTF16), []textEdit{{start, end, start + len(insert)}})
	}
	d2 := apply(d1, 2, 0, 0, "Zero. ") // "Zero. One two. Three four."
	d3 := apply(d2, 3, 10, 13, "2")    // "Zero. One 2. Three four."
	d4 := apply(d3, 4, len(d3.Text()), len(d3.Text()), " Five.")
	snap, ok := d4.snapshot()
	if !ok || snap.doc != d1 || len(snap.edits) != 3 {
		t.Fatalf("snapshot of version 4 = %+v, %t; want version 1 and three edits", snap, ok)
	}
	for _, tt := range []struct{ offset, want int }{
		{offset: strings.Index(d4.Text(), "One"), want: 0},
		{offset: strings.Index(d4.Text(), "Three"), want: strings.Index(d1.Text(), "Three")},
		{offset: strings.Index(d4.Text(), "2"), want: strings.Index(d1.Text(), "two")},
		{offset: strings.Index(d4.Text(), "Zero"), want: 0},
		{offset: strings.Index(d4.Text(), "Five"), want: len(d1.Text())},
	} {
		if got := snap.toAnalysed(tt.offset); got != tt.want {
			t.Errorf("toAnalysed(%d) = %d, want %d", tt.offset, got, tt.want)
		}
	}
	three := strings.Index(d1.Text(), "Three")
	start, end := snap.fromAnalysed(analysis.Span{Start: three, End: three + len("Three four.")})
	if got := d4.Text()[start:end]; got != "Three four." {
		t.Errorf("fromAnalysed maps the sentence to %q", got)
	}
	// Analysing version 3 drops the edits up to it.
	if _, err := d3.Analysis(); err != nil {
		t.Fatal(err)
	}
	if snap, ok := d4.snapshot(); !ok || snap.doc != d3 || len(snap.edits) != 1 {
		t.Fatalf("snapshot after version 3 is analysed = %+v, %t", snap, ok)
	}
	if snap, ok := d3.snapshot(); !ok || snap.doc != d3 || len(snap.edits) != 0 {
		t.Fatalf("snapshot of an analysed version = %+v, %t", snap, ok)
	}
	// An analysis under other settings answers nothing.
	other := d4.withConfig(DefaultSettings().docConfig("markdown"))
	if _, ok := other.snapshot(); ok {
		t.Fatal("snapshot from an analysis under other settings")
	}
}

// TestSnapshotForgetsEdits checks that a lineage whose analyses lag behind
// by more than maxRecordedVersions versions keeps no more edits than that,
// and answers nothing from an analysis older than the edits it forgot.
func TestSnapshotForgetsEdits(t *testing.T) {
	cfg := DefaultSettings().docConfig("plaintext")
	d := newDocument("file:///f.txt", "plaintext", -5, "Start.", UTF16, cfg, nil)
	if _, err := d.Analysis(); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.withText(-4, NewMapper("Start. x", UTF16), []textEdit{{6, 6, 8}}).snapshot(); !ok {
		t.Fatal("no snapshot from a negative version")
	}
	for v := int32(-3); v <= maxRecordedVersions; v++ {
		d = d.withText(v, NewMapper("Start.", UTF16), []textEdit{{0, 0, 0}})
		if n := len(d.lineage.edits); n > maxRecordedVersions {
			t.Fatalf("%d versions of edits kept", n)
		}
	}
	if _, ok := d.snapshot(); ok {
		t.Fatal("snapshot across forgotten edits")
	}
	if _, err := d.Analysis(); err != nil {
		t.Fatal(err)
	}
	next := d.withText(d.Version+1, NewMapper("Start!", UTF16), []textEdit{{5, 6, 6}})
	if snap, ok := next.snapshot(); !ok || snap.doc != d {
		t.Fatal("no snapshot from an analysis newer than the forgotten edits")
	}
	other := newDocument("file:///f.go", "go", 1, "package f", UTF16, DefaultSettings().docConfig("go"), nil)
	if other = other.withText(2, NewMapper("package g", UTF16), []textEdit{{8, 9, 9}}); len(other.lineage.edits) != 0 {
		t.Fatal("edits kept for a language not analysed")
	}
}
