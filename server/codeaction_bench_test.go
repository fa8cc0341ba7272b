package server

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// reportP95 reports the 95th percentile of durations in milliseconds.
func reportP95(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	b.ReportMetric(float64(durations[len(durations)*95/100])/1e6, "p95-ms")
}

// BenchmarkCodeActionRPC measures the round trip of textDocument/codeAction
// over real JSON-RPC on a 1 MB Markdown document (target: p95 < 5 ms):
// "fix" sends a diagnostic the server published, as editors do when the
// cursor is on it, and gets the three quick fixes; "none" sends a range
// without diagnostics, the common case of a cursor moving, and gets [].
func BenchmarkCodeActionRPC(b *testing.B) {
	text := benchText(b, 1<<20)
	opts := DefaultSettings().docConfig("markdown").opts
	a := analysis.Analyze(text, opts)
	m := NewMapper(text, UTF16)
	diags, err := sentenceDiagnostics(a, m, nil)
	if err != nil || len(diags) < 100 {
		b.Fatalf("%d diagnostics, %v", len(diags), err)
	}
	raw := make([]json.RawMessage, len(diags))
	for i, d := range diags {
		raw[i], _ = json.Marshal(d)
	}
	for _, tc := range []string{"fix", "none"} {
		b.Run(tc+"/1MB", func(b *testing.B) {
			c := startBenchServer(b)
			const uri = "file:///bench.md"
			c.send(b, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
			c.awaitDiagnostics(b, 1)
			var durations []time.Duration
			for i := 0; b.Loop(); i++ {
				k := i * 7919 % len(diags)
				params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": diags[k].Range,
					"context": map[string]any{"diagnostics": []json.RawMessage{raw[k]}}}
				if tc == "none" {
					params["context"] = map[string]any{"diagnostics": []any{}}
				}
				start := time.Now()
				body := c.request(b, "textDocument/codeAction", params)
				durations = append(durations, time.Since(start))
				if tc == "fix" && !json.Valid(body) {
					b.Fatalf("invalid response %s", body)
				}
			}
			reportMedian(b, durations)
			reportP95(b, durations)
		})
	}
}

var sinkJSON []byte

// BenchmarkDiagnosticsJSON measures what codeDescription and data add to the
// encoding of a 1 MB Markdown document's publication: "bare" strips both
// from the same diagnostics, as publications were before them.
func BenchmarkDiagnosticsJSON(b *testing.B) {
	text := benchText(b, 1<<20)
	opts := DefaultSettings().docConfig("markdown").opts
	diags, err := sentenceDiagnostics(analysis.Analyze(text, opts), NewMapper(text, UTF16), nil)
	if err != nil {
		b.Fatal(err)
	}
	bare := slices.Clone(diags)
	for i := range bare {
		bare[i].CodeDescription, bare[i].Data = nil, nil
	}
	for _, tc := range []struct {
		name  string
		diags []protocol.Diagnostic
	}{{"bare", bare}, {"fix-data", diags}} {
		b.Run(tc.name+"/1MB", func(b *testing.B) {
			p := diagnosticsParams{protocol.PublishDiagnosticsParams{URI: "file:///bench.md", Diagnostics: tc.diags}}
			for b.Loop() {
				sinkJSON = p.appendJSON(sinkJSON[:0])
			}
			b.ReportMetric(float64(len(sinkJSON)), "bytes/publication")
		})
	}
}
