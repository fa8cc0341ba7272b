package server

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

func rng(l1, c1, l2, c2 uint32) *protocol.Range {
	return &protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
}

func ranged(r *protocol.Range, text string) protocol.TextDocumentContentChangeEvent {
	return protocol.TextDocumentContentChangeEvent{Range: r, Text: text}
}

func TestApplyChanges(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		enc     Encoding
		changes []any
		want    string
		err     error
	}{
		{name: "insert", text: "ab", changes: []any{ranged(rng(0, 1, 0, 1), "X")}, want: "aXb"},
		{name: "delete across CRLF", text: "ab\r\ncd", changes: []any{ranged(rng(0, 1, 1, 1), "")}, want: "ad"},
		{name: "replace emoji", text: "a😀b", changes: []any{ranged(rng(0, 1, 0, 3), "é")}, want: "aéb"},
		{name: "utf-8 replace emoji", text: "a😀b", enc: UTF8, changes: []any{ranged(rng(0, 1, 0, 5), "é")}, want: "aéb"},
		{name: "in order", text: "abc", changes: []any{ranged(rng(0, 0, 0, 1), "xy"), ranged(rng(0, 2, 0, 3), "")}, want: "xyc"},
		{name: "whole then ranged", text: "old", changes: []any{
			protocol.TextDocumentContentChangeEventWhole{Text: "new\ntext"}, ranged(rng(1, 0, 1, 4), "line")}, want: "new\nline"},
		{name: "end past line clamps", text: "ab\ncd", changes: []any{ranged(rng(0, 1, 0, 99), "")}, want: "a\ncd"},
		{name: "end past document clamps", text: "ab\ncd", changes: []any{ranged(rng(1, 0, 7, 0), "!")}, want: "ab\n!"},
		{name: "start past document appends", text: "ab", changes: []any{ranged(rng(5, 0, 5, 0), "!")}, want: "ab!"},
		{name: "insert into empty", text: "", changes: []any{ranged(rng(0, 0, 0, 0), "😀")}, want: "😀"},
		{name: "reversed", text: "abc", changes: []any{ranged(rng(0, 2, 0, 1), "")}, err: ErrReversedRange},
		{name: "splits surrogate pair", text: "a😀b", changes: []any{ranged(rng(0, 2, 0, 2), "x")}, err: ErrMidCharacter},
		{name: "later change fails", text: "abc", changes: []any{ranged(rng(0, 0, 0, 0), "x"), ranged(rng(0, 3, 0, 1), "")}, err: ErrReversedRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, err := applyChanges(NewMapper(tt.text, tt.enc), tt.changes)
			got := textOf(t, m)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("applyChanges = %q, %v; want error %v", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("applyChanges = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// textOf returns the text of m, "" for nil, and checks that m's tables, if
// derived from an earlier mapper's, are those of a mapper built from scratch.
func textOf(t *testing.T, m *Mapper) string {
	t.Helper()
	if m == nil {
		return ""
	}
	m.init()
	fresh := NewMapper(m.Text(), m.enc)
	fresh.init()
	if !slices.Equal(m.lines, fresh.lines) || !slices.Equal(m.ascii, fresh.ascii) {
		t.Fatalf("mapper of %q: lines %v ascii %v, want %v %v", m.Text(), m.lines, m.ascii, fresh.lines, fresh.ascii)
	}
	return m.Text()
}

// refApply applies one ranged edit to text held as UTF-16 code units, the
// way an LSP client sees it, clamping positions past the end of a line or of
// the document. ok is false for a reversed range or one splitting a pair.
func refApply(text []uint16, r protocol.Range, insert string) (out []uint16, ok bool) {
	// Line starts and ends (before the break), in code units.
	var starts, ends []int
	starts = append(starts, 0)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			ends = append(ends, i)
			starts = append(starts, i+1)
		case '\r':
			ends = append(ends, i)
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	ends = append(ends, len(text))
	index := func(p protocol.Position) (int, bool) {
		if int(p.Line) >= len(starts) {
			return len(text), true
		}
		i := min(starts[p.Line]+int(p.Character), ends[p.Line])
		if i > 0 && i < len(text) && utf16.IsSurrogate(rune(text[i-1])) && text[i-1] < 0xDC00 && text[i] >= 0xDC00 && text[i] <= 0xDFFF {
			return 0, false
		}
		return i, true
	}
	s, ok1 := index(r.Start)
	e, ok2 := index(r.End)
	if !ok1 || !ok2 || e < s {
		return nil, false
	}
	out = append(out, text[:s]...)
	out = append(out, utf16.Encode([]rune(insert))...)
	return append(out, text[e:]...), true
}

// FuzzApplyEdits applies two edits with applyChanges and with refApply and
// compares the texts.
func FuzzApplyEdits(f *testing.F) {
	for _, tt := range []struct {
		text   string
		insert string
	}{{mapperText, "é"}, {"", "😀"}, {"ab\r\ncd", "\r\n"}, {"x\r", "𐐀"}, {"中文\n字", ""}} {
		f.Add(tt.text, uint8(0), uint8(1), uint8(1), uint8(2), tt.insert, uint8(1), uint8(0), uint8(1), uint8(0), "x")
		f.Add(tt.text, uint8(1), uint8(0), uint8(0), uint8(9), tt.insert, uint8(0), uint8(0), uint8(9), uint8(9), tt.insert)
	}
	f.Fuzz(func(t *testing.T, text string, l1, c1, l2, c2 uint8, ins1 string, l3, c3, l4, c4 uint8, ins2 string) {
		// The client's text is valid UTF-8 once JSON is decoded.
		text = strings.ToValidUTF8(text, "\uFFFD")
		ins1, ins2 = strings.ToValidUTF8(ins1, "\uFFFD"), strings.ToValidUTF8(ins2, "\uFFFD")
		r1 := protocol.Range{Start: pos(uint32(l1%8), uint32(c1%16)), End: pos(uint32(l2%8), uint32(c2%16))}
		r2 := protocol.Range{Start: pos(uint32(l3%8), uint32(c3%16)), End: pos(uint32(l4%8), uint32(c4%16))}
		ref := utf16.Encode([]rune(text))
		ref, ok := refApply(ref, r1, ins1)
		if ok {
			ref, ok = refApply(ref, r2, ins2)
		}
		m, _, err := applyChanges(NewMapper(text, UTF16), []any{ranged(&r1, ins1), ranged(&r2, ins2)})
		got := textOf(t, m)
		if !ok {
			if err == nil {
				t.Fatalf("applyChanges(%q, %v %q, %v %q) = %q; the reference rejects it", text, r1, ins1, r2, ins2, got)
			}
			return
		}
		if err != nil {
			t.Fatalf("applyChanges(%q, %v %q, %v %q): %v; reference %q", text, r1, ins1, r2, ins2, err, string(utf16.Decode(ref)))
		}
		if want := string(utf16.Decode(ref)); got != want {
			t.Fatalf("applyChanges(%q, %v %q, %v %q) = %q; reference %q", text, r1, ins1, r2, ins2, got, want)
		}
	})
}

func TestSyncHandlers(t *testing.T) {
	c, s, _ := inProcess(t)
	c.initialize(nil, nil)
	const uri = "file:///sync.txt"
	text := func() string {
		t.Helper()
		d, err := s.store.Get(uri)
		if err != nil {
			t.Fatal(err)
		}
		return d.Text()
	}
	c.open(uri, "plaintext", 1, "héllo 😀\r\nworld")
	c.diagnostics(uri, 1)

	c.change(uri, 2, *rng(0, 6, 0, 8), "🙂")
	c.diagnostics(uri, 2)
	if got, want := text(), "héllo 🙂\r\nworld"; got != want {
		t.Fatalf("after change: %q, want %q", got, want)
	}

	// Each of these is logged and ignored; the text stays as it is.
	c.change(uri, 2, *rng(0, 0, 0, 0), "stale ")
	c.change(uri, 1, *rng(0, 0, 0, 0), "older ")
	c.change(uri, 3, *rng(0, 3, 0, 1), "reversed")
	c.change(uri, 3, *rng(0, 7, 0, 7), "mid-pair")
	c.change("file:///unopened.txt", 9, *rng(0, 0, 0, 0), "x")
	c.notify("textDocument/didChange", map[string]any{"textDocument": "not an object"})
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": "file:///never.txt"}})
	c.result("factbox/factBox", map[string]any{"textDocument": map[string]any{"uri": uri}}, nil) // a round trip
	if got, want := text(), "héllo 🙂\r\nworld"; got != want {
		t.Fatalf("after bad changes: %q, want %q", got, want)
	}

	// A change past the end of the document clamps to it.
	c.change(uri, 4, *rng(9, 9, 9, 9), "!")
	c.diagnostics(uri, 4)
	if got, want := text(), "héllo 🙂\r\nworld!"; got != want {
		t.Fatalf("after clamped change: %q, want %q", got, want)
	}

	// A second didOpen replaces the document, version and all.
	c.open(uri, "plaintext", 1, "again")
	c.diagnostics(uri, 1)
	if got := text(); got != "again" {
		t.Fatalf("after second open: %q", got)
	}

	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p := c.diagnostics(uri, 1); len(p.Diagnostics) != 0 {
		t.Fatalf("close published %d diagnostics, want 0", len(p.Diagnostics))
	}
	if _, err := s.store.Get(uri); !errors.Is(err, ErrDocumentNotFound) {
		t.Fatalf("after close: Get err = %v", err)
	}
}

// TestChangeWithoutText is a regression test (issue 9): a change without
// text was read as the whole document replaced by "".
func TestChangeWithoutText(t *testing.T) {
	tests := []struct {
		name    string
		changes string
	}{
		{name: "empty object", changes: `[{}]`},
		{name: "text null", changes: `[{"text":null}]`},
		{name: "rangeLength only", changes: `[{"rangeLength":3}]`},
		{name: "range without text", changes: `[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}}]`},
		{name: "after a good change", changes: `[{"text":"Replaced."},{}]`},
		{name: "contentChanges null", changes: `null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, s, _ := inProcess(t)
			c.initialize(nil, nil)
			const uri = "file:///keep.txt"
			c.open(uri, "plaintext", 1, "Keep me.")
			c.diagnostics(uri, 1)
			c.sendBody([]byte(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"` + uri +
				`","version":2},"contentChanges":` + tt.changes + `}}`))
			// Requests with a change without text are Invalid Params too.
			c.sendBody([]byte(`{"jsonrpc":"2.0","id":"change","method":"textDocument/didChange","params":{"textDocument":{"uri":"` + uri +
				`","version":2},"contentChanges":` + tt.changes + `}}`))
			if m := c.wait(`"change"`); m.Error == nil || m.Error.Code != -32602 {
				t.Fatalf("didChange sent as a request: %+v, want -32602", m)
			}
			d, err := s.store.Get(uri)
			if err != nil || d.Text() != "Keep me." || d.Version != 1 {
				t.Fatalf("document after the change: %+v, %v; want version 1 unchanged", d, err)
			}
			c.change(uri, 2, *rng(0, 0, 0, 0), "Still. ")
			c.diagnostics(uri, 2)
			if d, _ := s.store.Get(uri); d.Text() != "Still. Keep me." {
				t.Fatalf("after a good change: %q", d.Text())
			}
		})
	}
}
