package server

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

var jsonStringSeeds = []string{
	"", "plain", `quote " and \ backslash`, "<tag> & more", "\b\f\n\r\t\x00\x1f\x7f",
	"é 😀 𐐀 中文", "line\u2028para\u2029", "bad \xff utf-8 \xe2\x82", "\u00a0\ufeff",
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range jsonStringSeeds {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestDiagnosticsParamsJSON(t *testing.T) {
	diags, err := sentenceDiagnostics(diagAnalysis(t), NewMapper(diagText, UTF16), nil)
	if err != nil {
		t.Fatal(err)
	}
	sev := protocol.DiagnosticSeverityHint
	other := protocol.Diagnostic{Range: *rng(1, 2, 3, 4), Severity: &sev, Code: &protocol.IntegerOrString{Value: int32(7)},
		Message: "numeric <code>", Tags: []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary}}
	tests := []struct {
		name   string
		params protocol.PublishDiagnosticsParams
	}{
		{name: "with version", params: protocol.PublishDiagnosticsParams{URI: "file:///a b/ü.md", Version: ptr(uint32(42)), Diagnostics: diags}},
		{name: "without version", params: protocol.PublishDiagnosticsParams{URI: "file:///x", Diagnostics: diags[:1]}},
		{name: "empty", params: protocol.PublishDiagnosticsParams{URI: "file:///x", Version: ptr(uint32(0)), Diagnostics: []protocol.Diagnostic{}}},
		{name: "nil", params: protocol.PublishDiagnosticsParams{URI: "file:///x"}},
		{name: "fields the server does not set", params: protocol.PublishDiagnosticsParams{URI: "file:///x", Diagnostics: append(diags, other, protocol.Diagnostic{Message: "bare"})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.params)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(diagnosticsParams{PublishDiagnosticsParams: tt.params})
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("got  %s, %v\nwant %s", got, err, want)
			}
			// Tails encoded once serve diagnostics moved down three lines.
			moved := tt.params
			moved.Diagnostics = slices.Clone(tt.params.Diagnostics)
			var tails [][]byte
			for i, d := range tt.params.Diagnostics {
				tail := diagnosticTail(d)
				if tail == nil {
					t.Fatalf("no tail for %+v", d)
				}
				tails = append(tails, tail)
				moved.Diagnostics[i].Range.Start.Line += 3
				moved.Diagnostics[i].Range.End.Line += 3
			}
			want, _ = json.Marshal(moved)
			got, err = json.Marshal(diagnosticsParams{PublishDiagnosticsParams: moved, tails: tails})
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("with tails:\ngot  %s, %v\nwant %s", got, err, want)
			}
		})
	}
}

// diagnosticTail returns the JSON of d after its range: what follows
// `{"range":` and the range in appendDiagnostic's encoding of d, or nil if
// that encoding does not start with the range.
func diagnosticTail(d protocol.Diagnostic) []byte {
	enc, at := appendDiagnosticAt(nil, d)
	if at < 0 {
		return nil
	}
	return enc[at:]
}
