package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// binary is the factbox command built by TestMain for the end-to-end tests;
// buildErr says why there is none.
var (
	binary   string
	buildErr error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "factbox-e2e-")
	if err != nil {
		buildErr = err
	} else {
		binary = filepath.Join(dir, "factbox")
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		args := []string{"build", "-o", binary}
		if raceEnabled {
			args = append(args, "-race")
		}
		cmd := exec.Command(goTool, append(args, "../cmd/factbox")...)
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build ../cmd/factbox: %w\n%s", err, out)
		}
	}
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// process is a running "factbox serve" with a test client on its standard streams.
type process struct {
	*testClient
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startBinary starts "factbox serve" with args.
func startBinary(t testing.TB, args ...string) *process {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	cmd := exec.Command(binary, append([]string{"serve"}, args...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, stdin: stdin, stderr: new(lockedBuffer)}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p.testClient = newTestClient(t, stdout, stdin)
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() {
			t.Logf("server log:\n%s", p.stderr)
		}
	})
	return p
}

// exitCode waits for the process to end and returns its exit code.
func (p *process) exitCode() int {
	p.t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case <-done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(testTimeout):
		p.t.Fatalf("server did not exit in %s", testTimeout)
		return -1
	}
}

// referenceText returns the reference document without its ten-line fact box header.
func referenceText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "shared", "fixtures", "000_0004cf68decdbf28.txt"))
	if err != nil {
		t.Skipf("reference document not found (%s); it lives in ../shared/fixtures beside the repository", err)
	}
	lines := strings.SplitN(string(b), "\n", 11)
	if len(lines) < 11 {
		t.Fatal("reference document has no header")
	}
	return lines[10]
}

// freshDiagnostics returns the diagnostics of a fresh analysis of text,
// with the hints of the default settings (none).
func freshDiagnostics(t testing.TB, text string, opts analysis.Options) []protocol.Diagnostic {
	t.Helper()
	a := analysis.Analyze(text, opts)
	diags, err := sentenceDiagnostics(a, NewMapper(text, UTF16), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diags, err = hintDiagnostics(diags, a, NewMapper(text, UTF16), DefaultSettings().Hints, nil); err != nil {
		t.Fatal(err)
	}
	return diags
}

func sameDiagnostics(t testing.TB, what string, got []json.RawMessage, want []protocol.Diagnostic) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !bytes.Equal(g, w) {
		t.Fatalf("%s: diagnostics differ from a fresh analysis:\n got %s\nwant %s", what, g, w)
	}
}

func TestEndToEnd(t *testing.T) {
	text := referenceText(t)
	p := startBinary(t, "--stdio", "-v")
	p.initialize(map[string]any{"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"markdown"}}}}, nil)

	const uri = "file:///reference.txt"
	opts := DefaultSettings().docConfig("plaintext").opts
	p.open(uri, "plaintext", 1, text)
	diags := p.diagnostics(uri, 1)
	sameDiagnostics(t, "open", diags.Diagnostics, freshDiagnostics(t, text, opts))

	// Hover in the first paragraph after the title lines.
	hoverAt := strings.Index(text, "friendship")
	m := NewMapper(text, UTF16)
	hp, _ := m.OffsetPosition(hoverAt)
	var h struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	p.result("textDocument/hover", hoverParams(uri, hp), &h)
	a := analysis.Analyze(text, opts)
	if want := renderHover(factBoxesAt(a, hoverAt), true); h.Contents.Kind != protocol.MarkupKindMarkdown || h.Contents.Value != want {
		t.Fatalf("hover %s:\n%s\nwant:\n%s", h.Contents.Kind, h.Contents.Value, want)
	}

	var fb FactBoxResult
	p.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}, "position": hp}, &fb)
	if fb.URI != uri || fb.Version != 1 || fb.Document != a.FactBox {
		t.Fatalf("factBox = %+v, want document %+v", fb, a.FactBox)
	}

	// Insert a sentence with multi-byte characters at the hover position.
	insert := "Ça coûte 😀 — extraordinarily incomprehensible administrative considerations notwithstanding, naturally. "
	p.change(uri, 2, protocol.Range{Start: hp, End: hp}, insert)
	edited := text[:hoverAt] + insert + text[hoverAt:]
	diags = p.diagnostics(uri, 2)
	sameDiagnostics(t, "edit", diags.Diagnostics, freshDiagnostics(t, edited, opts))
	p.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}}, &fb)
	if want := analysis.Analyze(edited, opts).FactBox; fb.Version != 2 || fb.Document != want {
		t.Fatalf("factBox after edit = %+v, want %+v", fb, want)
	}

	p.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if d := p.diagnostics(uri, 2); len(d.Diagnostics) != 0 {
		t.Fatalf("close left %d diagnostics", len(d.Diagnostics))
	}
	if r := p.call("shutdown", nil); r.Error != nil || string(r.Result) != "null" {
		t.Fatalf("shutdown: %+v", r)
	}
	p.notify("exit", nil)
	if code := p.exitCode(); code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	if !strings.Contains(p.stderr.String(), "shutdown") {
		t.Errorf("log on standard error lacks the shutdown line:\n%s", p.stderr)
	}
}

func TestEndToEndExitCodes(t *testing.T) {
	t.Run("exit without shutdown", func(t *testing.T) {
		p := startBinary(t)
		p.initialize(nil, nil)
		p.notify("exit", nil)
		if code := p.exitCode(); code != 1 {
			t.Fatalf("exit code %d, want 1", code)
		}
	})
	t.Run("end of input without shutdown", func(t *testing.T) {
		p := startBinary(t)
		p.initialize(nil, nil)
		p.stdin.Close()
		if code := p.exitCode(); code != 1 {
			t.Fatalf("exit code %d, want 1", code)
		}
	})
	t.Run("bad flag", func(t *testing.T) {
		p := startBinary(t, "--no-such-flag")
		if code := p.exitCode(); code != 2 {
			t.Fatalf("exit code %d, want 2", code)
		}
	})
}

func TestEndToEndLogFile(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "factbox.log")
	p := startBinary(t, "--log-file", logFile, "--log-level", "info")
	p.initialize(nil, nil)
	p.call("shutdown", nil)
	p.notify("exit", nil)
	if code := p.exitCode(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	b, err := os.ReadFile(logFile)
	if err != nil || !strings.Contains(string(b), `initialized by "testClient 1"`) {
		t.Fatalf("log file: %q, %v", b, err)
	}
	if s := p.stderr.String(); s != "" {
		t.Fatalf("standard error not empty with --log-file: %q", s)
	}
}

// TestEndToEndBadInput feeds the binary what a broken or hostile client might
// send; after each, the server must still answer.
func TestEndToEndBadInput(t *testing.T) {
	p := startBinary(t)
	p.initialize(nil, nil)
	alive := func(what string) {
		t.Helper()
		if m := p.call("factbox/noSuchMethod", map[string]any{}); m.Error == nil || m.Error.Code != -32601 {
			t.Fatalf("after %s: unknown method answered %+v, want -32601", what, m)
		}
	}
	factBox := func(uri string) FactBoxResult {
		t.Helper()
		var fb FactBoxResult
		p.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}}, &fb)
		return fb
	}

	p.sendBody([]byte(`{"jsonrpc":"2.0","id":1,"method":`))
	if m := p.nullIDResponse(); m.Error == nil || m.Error.Code != -32700 {
		t.Fatalf("invalid JSON: %+v, want -32700", m)
	}
	alive("invalid JSON")
	p.writeRaw([]byte("Content-Length: twelve\r\n\r\n{}"))
	if m := p.nullIDResponse(); m.Error == nil || m.Error.Code != -32700 {
		t.Fatalf("bad Content-Length: %+v, want -32700", m)
	}
	alive("bad Content-Length")

	if m := p.call("textDocument/hover", hoverParams("file:///unknown.txt", pos(0, 0))); m.Error == nil || m.Error.Code != -32602 {
		t.Fatalf("hover of an unknown URI: %+v, want -32602", m)
	}
	if m := p.call("textDocument/hover", map[string]any{"textDocument": 5}); m.Error == nil || m.Error.Code != -32602 {
		t.Fatalf("hover with invalid params: %+v, want -32602", m)
	}
	p.change("file:///unopened.txt", 2, *rng(0, 0, 0, 0), "x")
	alive("change to an unopened document")

	const uri = "file:///bad.txt"
	p.open(uri, "plaintext", 5, "Hello world.")
	p.diagnostics(uri, 5)
	p.change(uri, 6, *rng(0, 5, 0, 99), ", everyone!")  // end past the line: clamped
	p.change(uri, 7, *rng(4, 0, 9, 9), " Bye.")         // past the document: appended
	p.change(uri, 8, *rng(0, 5, 0, 2), "reversed")      // reversed: ignored
	p.change(uri, 3, *rng(0, 0, 0, 0), "version back ") // older version: ignored
	p.diagnostics(uri, 7)
	if fb := factBox(uri); fb.Version != 7 || fb.Document != analysis.Analyze("Hello, everyone! Bye.", DefaultSettings().docConfig("plaintext").opts).FactBox {
		t.Fatalf("after bad changes: %+v", fb)
	}

	// A lone surrogate cannot come from json.Marshal; write it raw. The
	// server reads it as U+FFFD, one UTF-16 unit, as the client counts it.
	p.sendBody([]byte(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///lone.txt","languageId":"plaintext","version":1,"text":"a\ud800b lone."}}}`))
	p.diagnostics("file:///lone.txt", 1)
	p.change("file:///lone.txt", 2, *rng(0, 2, 0, 2), "X")
	p.diagnostics("file:///lone.txt", 2)
	if m := p.call("textDocument/hover", hoverParams("file:///lone.txt", pos(0, 3))); m.Error != nil {
		t.Fatalf("hover after lone surrogate: %+v", m.Error)
	}

	// A second didOpen replaces the document.
	p.open(uri, "plaintext", 1, "Replaced.")
	p.diagnostics(uri, 1)
	if fb := factBox(uri); fb.Version != 1 {
		t.Fatalf("after second open: version %d", fb.Version)
	}

	// A 20 MB document, in lines of about 2 KB. The server answers other
	// requests while it analyses it.
	if testing.Short() {
		t.Log("skipping the 20 MB document in -short mode")
	} else {
		line := strings.Repeat("The quick brown fox jumps over the lazy dog near the riverbank today. ", 30) + "\n"
		big := strings.Repeat(line, 20<<20/len(line))
		const bigURI = "file:///big.txt"
		start := time.Now()
		p.open(bigURI, "plaintext", 1, big)
		alive("opening a 20 MB document")
		p.change(bigURI, 2, *rng(0, 0, 0, 0), "Start. ")
		p.diagnosticsWithin(bigURI, 2, 3*time.Minute)
		if m := p.call("textDocument/hover", hoverParams(bigURI, pos(100, 100))); m.Error != nil {
			t.Fatalf("hover on 20 MB: %+v", m.Error)
		}
		t.Logf("20 MB document: open, edit and diagnostics in %s", time.Since(start))
	}

	p.call("shutdown", nil)
	p.notify("exit", nil)
	if code := p.exitCode(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	for _, want := range []string{"parse error", "document not found", "stale version", "range end before start", "opened again"} {
		if !strings.Contains(p.stderr.String(), want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

// TestEndToEndTCP starts "factbox serve --tcp" on a free loopback port and
// talks to it over a socket.
func TestEndToEndTCP(t *testing.T) {
	p := startBinary(t, "--tcp", ":0", "-v")
	var addr string
	deadline := time.Now().Add(testTimeout)
	for addr == "" {
		if time.Now().After(deadline) {
			t.Fatalf("no listening line in the log:\n%s", p.stderr)
		}
		time.Sleep(10 * time.Millisecond)
		if _, rest, ok := strings.Cut(p.stderr.String(), "listening for LSP clients on "); ok {
			addr, _, _ = strings.Cut(rest, "\n")
		}
	}
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Fatalf("listening on %s, want loopback", addr)
	}
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := newTestClient(t, conn, conn)
	c.initialize(nil, nil)
	c.open("file:///tcp.txt", "plaintext", 1, "Hello over TCP.")
	c.diagnostics("file:///tcp.txt", 1)
	c.call("shutdown", nil)
	c.notify("exit", nil)
	select {
	case <-c.done:
	case <-time.After(testTimeout):
		t.Fatal("server did not close the connection after exit")
	}
	p.cmd.Process.Signal(os.Interrupt)
	if code := p.exitCode(); code != 0 {
		t.Fatalf("exit code %d after interrupt, want 0", code)
	}
}

// TestEndToEndClientInfoNewline is a regression test (issue 9): a clientInfo
// with a line break split the log line, letting a client forge log lines.
func TestEndToEndClientInfoNewline(t *testing.T) {
	p := startBinary(t)
	p.result("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{},
		"clientInfo": map[string]any{"name": "evil\nfactbox: FORGED", "version": "1\r\n"}}, nil)
	p.call("shutdown", nil)
	p.notify("exit", nil)
	p.exitCode()
	log := p.stderr.String()
	if !strings.Contains(log, `initialized by "evil\nfactbox: FORGED 1\r\n"`) {
		t.Errorf("log lacks the quoted client name:\n%s", log)
	}
	for _, line := range strings.Split(log, "\n") {
		if strings.HasPrefix(line, "factbox: FORGED") {
			t.Fatalf("a client's line break started a log line:\n%s", log)
		}
	}
}

// TestEndToEndParentGone starts the server for a parent process that then
// dies while the test still holds the server's standard input open: the
// server must exit on its own (issue 9), with code 1 as after exit without
// shutdown.
func TestEndToEndParentGone(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses sleep(1)")
	}
	parent := exec.Command("sleep", "60")
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { parent.Process.Kill(); parent.Wait() })
	p := startBinary(t, "-v")
	p.result("initialize", map[string]any{"processId": parent.Process.Pid, "capabilities": map[string]any{}}, nil)
	p.notify("initialized", map[string]any{})
	p.open("file:///a.txt", "plaintext", 1, "Still here.")
	p.diagnostics("file:///a.txt", 1)
	if err := parent.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	parent.Wait()
	if code := p.exitCode(); code != 1 {
		t.Fatalf("exit code %d, want 1", code)
	}
	if !strings.Contains(p.stderr.String(), fmt.Sprintf("parent process %d is gone", parent.Process.Pid)) {
		t.Errorf("log lacks the parent's departure:\n%s", p.stderr)
	}
}
