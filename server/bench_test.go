package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusPath is the shared benchmark corpus, beside the repository.
var corpusPath = filepath.Join("..", "..", "shared", "corpus", "prose.txt")

// benchText returns about size bytes of English prose from the shared
// corpus, cut at a paragraph break. It skips the benchmark when the corpus is
// not beside the repository.
func benchText(tb testing.TB, size int) string {
	tb.Helper()
	b, err := os.ReadFile(corpusPath)
	if err != nil {
		tb.Skipf("benchmark corpus not found (%s); it lives in ../shared/corpus beside the repository", err)
	}
	text := string(b)
	for len(text) < size {
		text += "\n\n" + string(b)
	}
	if i := strings.LastIndex(text[:size], "\n\n"); i > size/2 {
		return text[:i+1]
	}
	return text[:size]
}

// benchClient is a lean client for benchmarks: it reads frames itself and
// finds a publication's version without decoding its diagnostics.
type benchClient struct {
	conn net.Conn
	r    *bufio.Reader
	id   int
}

func startBenchServer(b *testing.B) *benchClient {
	return startBenchServerWith(b, nil)
}

// startBenchServerWith starts a server with the given initializationOptions.
func startBenchServerWith(b *testing.B, initOptions any) *benchClient {
	b.Helper()
	s := New(Options{})
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Serve(ctx, serverEnd); close(done) }()
	b.Cleanup(func() { cancel(); clientEnd.Close(); <-done })
	c := &benchClient{conn: clientEnd, r: bufio.NewReaderSize(clientEnd, 1<<20)}
	c.request(b, "initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": initOptions})
	c.send(b, map[string]any{"method": "initialized", "params": map[string]any{}})
	return c
}

func (c *benchClient) send(b *testing.B, fields map[string]any) {
	fields["jsonrpc"] = "2.0"
	body, err := json.Marshal(fields)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.conn.Write(append(fmt.Appendf(nil, "Content-Length: %d\r\n\r\n", len(body)), body...)); err != nil {
		b.Fatal(err)
	}
}

// request sends a request and reads frames until its response.
func (c *benchClient) request(b *testing.B, method string, params any) []byte {
	c.id++
	c.send(b, map[string]any{"id": c.id, "method": method, "params": params})
	want := fmt.Appendf(nil, `"id":%d`, c.id)
	for {
		body, err := readTestFrame(c.r)
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Contains(body, []byte(`"method"`)) && bytes.Contains(body, want) {
			return body
		}
	}
}

// awaitDiagnostics reads frames until the publication of version and
// returns its size in bytes.
func (c *benchClient) awaitDiagnostics(b *testing.B, version int) int {
	want := fmt.Appendf(nil, `"version":%d,`, version)
	for {
		body, err := readTestFrame(c.r)
		if err != nil {
			b.Fatal(err)
		}
		if bytes.Contains(body, []byte(`"textDocument/publishDiagnostics"`)) && bytes.Contains(body[:min(len(body), 300)], want) {
			return len(body)
		}
	}
}

// reportMedian reports the median of durations in milliseconds.
func reportMedian(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	b.ReportMetric(float64(durations[len(durations)/2])/1e6, "median-ms")
	b.ReportMetric(float64(durations[len(durations)*9/10])/1e6, "p90-ms")
}

var benchSizes = []struct {
	name string
	size int
}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}}

// BenchmarkDidChangeToDiagnostics measures, over real JSON-RPC, the time from
// sending a one-character didChange to reading the publishDiagnostics of that
// version. Edits alternate between inserting and deleting one character at
// spread-out positions, so the text keeps its size.
//
// The prose is sent both as plain text and as Markdown, whose re-analysis
// also re-parses the Markdown around the edit; and as plain text with every
// hint on (issue 11: the hints may cost at most 10% more), which the editors
// turn on and the server alone does not.
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	for _, lang := range []string{"plaintext", "markdown"} {
		for _, sz := range benchSizes {
			b.Run(lang+"/"+sz.name, func(b *testing.B) { benchDidChange(b, lang, sz.size, nil) })
		}
	}
	hints := map[string]any{"hints": map[string]any{"adverbs": true, "passiveVoice": true, "simplerAlternatives": true}}
	for _, sz := range benchSizes {
		b.Run("plaintext+hints/"+sz.name, func(b *testing.B) { benchDidChange(b, "plaintext", sz.size, hints) })
	}
}

func benchDidChange(b *testing.B, lang string, size int, initOptions any) {
	text := benchText(b, size)
	c := startBenchServerWith(b, initOptions)
	const uri = "file:///bench.txt"
	c.send(b, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": lang, "version": 1, "text": text}}})
	c.awaitDiagnostics(b, 1)
	lines := strings.Count(text, "\n")
	version := 1
	var durations []time.Duration
	var at map[string]any
	var published int
	for b.Loop() {
		version++
		var change map[string]any
		if version%2 == 0 {
			line := version * 7919 % lines
			at = map[string]any{"line": line, "character": 0}
			change = map[string]any{"range": map[string]any{"start": at, "end": at}, "text": "x"}
		} else {
			end := map[string]any{"line": at["line"], "character": 1}
			change = map[string]any{"range": map[string]any{"start": at, "end": end}, "text": ""}
		}
		start := time.Now()
		c.send(b, map[string]any{"method": "textDocument/didChange", "params": map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []any{change}}})
		published = c.awaitDiagnostics(b, version)
		durations = append(durations, time.Since(start))
	}
	reportMedian(b, durations)
	b.ReportMetric(float64(published), "publication-bytes")
}

// BenchmarkHoverRPC measures a hover request's round trip over real JSON-RPC
// on a 100 KB document.
func BenchmarkHoverRPC(b *testing.B) {
	text := benchText(b, 100<<10)
	c := startBenchServer(b)
	const uri = "file:///bench.txt"
	c.send(b, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
	c.awaitDiagnostics(b, 1)
	lines := strings.Count(text, "\n")
	var durations []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		c.request(b, "textDocument/hover", hoverParams(uri, pos(uint32(i*7919%lines), 0)))
		durations = append(durations, time.Since(start))
	}
	reportMedian(b, durations)
}

var sinkRSS int

// BenchmarkResidentMemory1MB opens a 1 MB document in the factbox binary,
// waits for its diagnostics and reports the process's resident memory
// (VmRSS, Linux only).
func BenchmarkResidentMemory1MB(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc")
	}
	text := benchText(b, 1<<20)
	for b.Loop() {
		p := startBinary(b)
		p.initialize(nil, nil)
		p.open("file:///big.txt", "plaintext", 1, text)
		p.diagnosticsWithin("file:///big.txt", 1, time.Minute)
		p.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": "file:///big.txt"}}, nil)
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
				sinkRSS = kb
			}
		}
		p.call("shutdown", nil)
		p.notify("exit", nil)
		p.exitCode()
	}
	b.ReportMetric(float64(sinkRSS)/1024, "RSS-MB")
}
