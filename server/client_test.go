package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// testTimeout bounds every wait for the server in tests.
const testTimeout = 20 * time.Second

// rpcError is a JSON-RPC error as the test client reads it.
type rpcError struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
}

// message is any JSON-RPC message the test client reads.
type message struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *rpcError       `json:"error"`
}

// testClient is a minimal LSP client speaking raw JSON-RPC frames, for tests
// that join it to a server in the same process or to the factbox binary.
type testClient struct {
	t      testing.TB
	w      io.Writer
	wmu    sync.Mutex
	nextID int

	mu        sync.Mutex
	responses map[string]chan message
	nullIDs   chan message // responses with id null: the guard's errors
	notes     chan message
	requests  chan message       // requests from the server
	held      []message          // notifications read but not yet asked for
	versions  map[string][]int32 // versions of every publishDiagnostics, by URI
	done      chan struct{}
	readErr   error
}

// newTestClient starts reading the server's output from r.
func newTestClient(t testing.TB, r io.Reader, w io.Writer) *testClient {
	c := &testClient{
		t:         t,
		w:         w,
		responses: make(map[string]chan message),
		versions:  make(map[string][]int32),
		nullIDs:   make(chan message, 100),
		notes:     make(chan message, 10000),
		requests:  make(chan message, 100),
		done:      make(chan struct{}),
	}
	go c.read(bufio.NewReaderSize(r, 1<<20))
	return c
}

func (c *testClient) read(r *bufio.Reader) {
	defer close(c.done)
	for {
		body, err := readTestFrame(r)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.mu.Unlock()
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.mu.Lock()
			c.readErr = fmt.Errorf("server sent invalid JSON %q: %w", body, err)
			c.mu.Unlock()
			return
		}
		switch {
		case m.Method != "" && len(m.ID) > 0:
			c.requests <- m
		case m.Method != "":
			if m.Method == protocol.ServerTextDocumentPublishDiagnostics {
				var p publication
				if json.Unmarshal(m.Params, &p) == nil && p.Version != nil {
					c.mu.Lock()
					c.versions[p.URI] = append(c.versions[p.URI], *p.Version)
					c.mu.Unlock()
				}
			}
			c.notes <- m
		case string(m.ID) == "null":
			c.nullIDs <- m
		default:
			c.response(string(m.ID)) <- m
		}
	}
}

// readTestFrame reads one Content-Length frame, strictly.
func readTestFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(line, "\r\n") {
			return nil, fmt.Errorf("header line %q does not end in CRLF", line)
		}
		line = strings.TrimSuffix(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			if length, err = strconv.Atoi(v); err != nil {
				return nil, err
			}
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("frame without Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	return body, err
}

func (c *testClient) response(id string) chan message {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch, ok := c.responses[id]
	if !ok {
		ch = make(chan message, 1)
		c.responses[id] = ch
	}
	return ch
}

// writeRaw writes bytes to the server as they are.
func (c *testClient) writeRaw(b []byte) {
	c.t.Helper()
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := c.w.Write(b); err != nil {
		c.t.Fatalf("write to server: %s", err)
	}
}

// sendBody writes body in a frame.
func (c *testClient) sendBody(body []byte) {
	c.t.Helper()
	c.writeRaw(append(fmt.Appendf(nil, "Content-Length: %d\r\n\r\n", len(body)), body...))
}

// send writes a JSON-RPC message built from fields.
func (c *testClient) send(fields map[string]any) {
	c.t.Helper()
	fields["jsonrpc"] = "2.0"
	body, err := json.Marshal(fields)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendBody(body)
}

// notify sends a notification.
func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// start sends a request and returns its id.
func (c *testClient) start(method string, params any) string {
	c.t.Helper()
	c.wmu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	c.wmu.Unlock()
	fields := map[string]any{"id": c.nextID, "method": method}
	if params != nil {
		fields["params"] = params
	}
	c.send(fields)
	return id
}

// wait returns the response to the request with id.
func (c *testClient) wait(id string) message {
	c.t.Helper()
	select {
	case m := <-c.response(id):
		return m
	case <-c.done:
		c.t.Fatalf("connection ended waiting for response %s: %v", id, c.err())
	case <-time.After(testTimeout):
		c.t.Fatalf("no response to request %s in %s", id, testTimeout)
	}
	return message{}
}

// call sends a request and returns its response.
func (c *testClient) call(method string, params any) message {
	c.t.Helper()
	return c.wait(c.start(method, params))
}

// result calls method and decodes its result into v, failing on an error response.
func (c *testClient) result(method string, params, v any) {
	c.t.Helper()
	m := c.call(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: error %d: %s", method, m.Error.Code, m.Error.Message)
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("%s: decode result %s: %s", method, m.Result, err)
		}
	}
}

// nullIDResponse returns the next response with id null.
func (c *testClient) nullIDResponse() message {
	c.t.Helper()
	select {
	case m := <-c.nullIDs:
		return m
	case <-time.After(testTimeout):
		c.t.Fatalf("no response with id null in %s", testTimeout)
	}
	return message{}
}

// diagnostics waits for the publishDiagnostics of uri at version and returns
// it. Notifications for other documents are held for later calls; older
// publications of uri are dropped.
func (c *testClient) diagnostics(uri string, version int32) publication {
	c.t.Helper()
	return c.diagnosticsWithin(uri, version, testTimeout)
}

// diagnosticsWithin is diagnostics with a timeout other than testTimeout.
func (c *testClient) diagnosticsWithin(uri string, version int32, timeout time.Duration) publication {
	c.t.Helper()
	match := func(m message) (publication, bool, bool) {
		var p publication
		if m.Method != protocol.ServerTextDocumentPublishDiagnostics {
			return p, false, false
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			c.t.Fatalf("decode diagnostics: %s", err)
		}
		if p.Diagnostics == nil {
			c.t.Fatalf("publishDiagnostics with diagnostics null: %s", m.Params)
		}
		if p.URI != uri || p.Version == nil {
			return p, false, p.URI != uri
		}
		if int32(*p.Version) > version {
			c.t.Fatalf("waiting for diagnostics of %s version %d, got version %d", uri, version, *p.Version)
		}
		return p, int32(*p.Version) == version, false
	}
	for i, m := range c.held {
		if p, ok, _ := match(m); ok {
			c.held = append(c.held[:i:i], c.held[i+1:]...)
			return p
		}
	}
	deadline := time.After(timeout)
	for {
		select {
		case m := <-c.notes:
			p, ok, hold := match(m)
			if ok {
				return p
			}
			if hold {
				c.held = append(c.held, m)
			}
		case <-c.done:
			c.t.Fatalf("connection ended waiting for diagnostics of %s version %d: %v", uri, version, c.err())
		case <-deadline:
			c.t.Fatalf("no diagnostics for %s version %d in %s", uri, version, timeout)
		}
	}
}

// publication is the params of publishDiagnostics as the test client reads
// them: diagnostics stay raw JSON (glsp's IntegerOrString cannot read a
// string code back).
type publication struct {
	URI         string            `json:"uri"`
	Version     *int32            `json:"version"`
	Diagnostics []json.RawMessage `json:"diagnostics"`
}

// noNotification fails if a notification arrives within d.
func (c *testClient) noNotification(d time.Duration) {
	c.t.Helper()
	select {
	case m := <-c.notes:
		c.t.Fatalf("unexpected notification %s %s", m.Method, m.Params)
	case <-time.After(d):
	}
}

// publishedVersions returns the versions of every publishDiagnostics for uri so far.
func (c *testClient) publishedVersions(uri string) []int32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int32(nil), c.versions[uri]...)
}

func (c *testClient) err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.readErr
}

// initialize runs the initialize handshake with the given capabilities and
// initializationOptions (either may be nil).
func (c *testClient) initialize(capabilities, initOptions any) map[string]any {
	c.t.Helper()
	if capabilities == nil {
		capabilities = map[string]any{}
	}
	params := map[string]any{"processId": nil, "rootUri": nil, "capabilities": capabilities,
		"clientInfo": map[string]any{"name": "testClient", "version": "1"}}
	if initOptions != nil {
		params["initializationOptions"] = initOptions
	}
	var result map[string]any
	c.result("initialize", params, &result)
	c.notify("initialized", map[string]any{})
	return result
}

// open sends didOpen.
func (c *testClient) open(uri, languageID string, version int32, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageID, "version": version, "text": text}})
}

// change sends didChange with one ranged edit.
func (c *testClient) change(uri string, version int32, rng protocol.Range, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"range": rng, "text": text}},
	})
}

// inProcess joins a test client to a new Server over an in-memory pipe. The
// returned function waits for Serve to return and gives its exit code.
func inProcess(t testing.TB) (*testClient, *Server, func() int) {
	t.Helper()
	return inProcessWith(t, New(Options{Version: "test"}))
}

// inProcessWith is inProcess for a server made by the caller.
func inProcessWith(t testing.TB, s *Server) (*testClient, *Server, func() int) {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	code := make(chan int, 1)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { code <- s.Serve(ctx, serverEnd) }()
	c := newTestClient(t, clientEnd, clientEnd)
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		<-code
	})
	wait := func() int {
		select {
		case n := <-code:
			code <- n
			return n
		case <-time.After(testTimeout):
			t.Fatalf("Serve did not return in %s", testTimeout)
			return -1
		}
	}
	return c, s, wait
}

// compact returns JSON without insignificant space, for comparisons.
func compact(t testing.TB, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatalf("compact %s: %s", b, err)
	}
	return buf.String()
}

// wantResult checks a response against a table row that expects an error
// code, a null result, or (code 0, null false) a result to look into, which
// it reports by returning true.
func wantResult(t *testing.T, m message, code int64, null bool) bool {
	t.Helper()
	switch {
	case code != 0:
		if m.Error == nil || m.Error.Code != code {
			t.Fatalf("got %+v, want error %d", m, code)
		}
		return false
	case m.Error != nil:
		t.Fatalf("error %+v", m.Error)
	case null:
		if string(m.Result) != "null" {
			t.Fatalf("result %s, want null", m.Result)
		}
		return false
	}
	return true
}
