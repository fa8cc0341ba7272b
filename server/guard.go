package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/commonlog"
)

// MaxMessageSize is the limit on a message body, in bytes: a Content-Length
// of MaxMessageSize or more is answered with an Invalid Request error.
const MaxMessageSize = 256 << 20

// contentLengthHeader starts the one header the base protocol requires.
const contentLengthHeader = "Content-Length:"

// guardStream is the jsonrpc2.ObjectStream the server talks through. It frames
// messages with Content-Length headers, like jsonrpc2.VSCodeObjectCodec, but
// where that codec returns an error on bad input, and jsonrpc2.Conn closes the
// connection on any read error, guardStream answers the sender itself and
// reads on:
//
//   - a body that is not JSON gets a Parse error (-32700, id null);
//   - valid JSON that is not a JSON-RPC message jsonrpc2 can take (a batch,
//     a number, an object with neither method nor result) gets an Invalid
//     Request error (-32600) with the message's id if it has a usable one;
//   - a header block without a readable Content-Length, or with two, gets a
//     Parse error, and the stream skips ahead to the next "Content-Length:";
//   - a Content-Length of MaxMessageSize or more gets an Invalid Request error at
//     once, and the stream skips ahead to the next "Content-Length:" too:
//     a length that lies (10 GB before a short body) must not swallow the
//     messages after it, so the body is not counted out.
//
// Header lines may end in "\r\n" or "\n"; header names other than
// Content-Length are ignored. Every frame, the server's and the guard's own,
// is written whole under one mutex, so frames never interleave.
type guardStream struct {
	r   *bufio.Reader
	w   io.Writer
	c   io.Closer
	log commonlog.Logger

	wmu sync.Mutex

	lost    bool // skipping garbage after a header block without a length
	maxBody int  // MaxMessageSize, smaller in tests

	// stash holds the params of the message last read, when they were too
	// big to hand through jsonrpc2 (see ReadObject); stashSeq numbers them.
	// Only the read loop touches them: jsonrpc2 handles each request before
	// it reads the next.
	stash    json.RawMessage
	stashSeq uint64
}

// stashThreshold is the size of params above which the guard keeps them and
// gives jsonrpc2 a placeholder: jsonrpc2 decodes params into maps and encodes
// them again, which costs a second a 20 MB didOpen.
const stashThreshold = 32 << 10

// stashed is the placeholder for stashed params.
type stashed struct {
	Seq uint64 `json:"factbox.stashedParams"`
}

func newGuardStream(rwc io.ReadWriteCloser, log commonlog.Logger) *guardStream {
	return &guardStream{r: bufio.NewReaderSize(rwc, 64<<10), w: rwc, c: rwc, log: log, maxBody: MaxMessageSize}
}

// WriteObject implements jsonrpc2.ObjectStream.
func (g *guardStream) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return g.writeFrame(data)
}

// writeFrame writes one framed message. A big body is written after its
// header rather than copied behind it: a publication of a 1 MB document is
// over a megabyte.
func (g *guardStream) writeFrame(body []byte) error {
	frame := make([]byte, 0, 32+min(len(body), 32<<10))
	frame = fmt.Appendf(frame, "Content-Length: %d\r\n\r\n", len(body))
	small := len(body) <= 32<<10
	if small {
		frame = append(frame, body...)
	}
	g.wmu.Lock()
	defer g.wmu.Unlock()
	if _, err := g.w.Write(frame); err != nil || small {
		return err
	}
	_, err := g.w.Write(body)
	return err
}

// Close implements jsonrpc2.ObjectStream.
func (g *guardStream) Close() error { return g.c.Close() }

// ReadObject implements jsonrpc2.ObjectStream. It returns an error only when
// the stream itself fails or ends.
func (g *guardStream) ReadObject(v any) error {
	for {
		body, err := g.readFrame()
		var ferr *frameError
		switch {
		case errors.As(err, &ferr):
			g.log.Warningf("bad frame: %s", ferr.msg)
			g.replyError(nil, ferr.code, ferr.msg)
			continue
		case err != nil:
			return err
		}
		m, problem, parseErr := checkMessage(body)
		if parseErr {
			g.log.Warningf("parse error: message body is not valid JSON (%d bytes: %s)", len(body), excerpt(body))
			g.replyError(nil, jsonrpc2.CodeParseError, "parse error: message body is not valid JSON")
			continue
		}
		g.stash = nil
		if params := m["params"]; problem == "" && len(params) > stashThreshold && m["method"] != nil {
			g.stashSeq++
			g.stash = params
			small := map[string]json.RawMessage{"jsonrpc": json.RawMessage(`"2.0"`), "method": m["method"]}
			if id, ok := m["id"]; ok {
				small["id"] = id
			}
			small["params"], _ = json.Marshal(stashed{g.stashSeq})
			body, _ = json.Marshal(small)
		}
		if problem == "" {
			// Unmarshal into a zero value: a failed attempt may have half filled v.
			reflect.ValueOf(v).Elem().SetZero()
			if err := json.Unmarshal(body, v); err != nil {
				problem = err.Error()
				reflect.ValueOf(v).Elem().SetZero()
			}
		}
		if problem != "" {
			g.log.Warningf("invalid request: %s (%s)", problem, excerpt(body))
			g.replyError(idOf(m["id"]), jsonrpc2.CodeInvalidRequest, "invalid request: "+problem)
			continue
		}
		return nil
	}
}

// checkMessage says what keeps body from being a JSON-RPC message that
// jsonrpc2 can read: parseErr when it is not JSON at all, else a problem, or
// "" for a request (a string method; an id that is absent, null, a string or
// an integer) or a response (a result or an error; no method).
func checkMessage(body []byte) (m map[string]json.RawMessage, problem string, parseErr bool) {
	if err := json.Unmarshal(body, &m); err != nil {
		if !json.Valid(body) {
			return nil, "", true
		}
		if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '[' {
			return nil, "batches are not supported", false
		}
		return nil, "not a JSON object", false
	}
	method, hasMethod := m["method"]
	_, hasResult := m["result"]
	_, hasError := m["error"]
	switch {
	case hasMethod && (hasResult || hasError):
		return m, "both a method and a result or error", false
	case !hasMethod && !hasResult && !hasError:
		return m, "neither a request nor a response", false
	case hasMethod:
		var s string
		if json.Unmarshal(method, &s) != nil {
			return m, "method is not a string", false
		}
	}
	if id, ok := m["id"]; ok && string(id) != "null" && idOf(id) == nil {
		return m, "id is not a string or an integer", false
	}
	return m, "", false
}

// params returns the params of the message last read: raw itself, or the
// stashed params raw stands for.
func (g *guardStream) params(raw json.RawMessage) json.RawMessage {
	if g.stash == nil || !bytes.HasPrefix(raw, []byte(`{"factbox.stashedParams":`)) {
		return raw
	}
	var p stashed
	if json.Unmarshal(raw, &p) != nil || p.Seq != g.stashSeq {
		return raw
	}
	params := g.stash
	g.stash = nil
	return params
}

// frameError is a framing problem the guard answers and reads past.
type frameError struct {
	code int64
	msg  string
}

func (e *frameError) Error() string { return e.msg }

// readFrame returns the body of the next frame.
func (g *guardStream) readFrame() ([]byte, error) {
	length := int64(-1)
	var problem string
	started, headers := false, 0
	for {
		line, err := g.readLine()
		if err != nil {
			if err == io.EOF && started {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if line == "" {
			if !started {
				continue // blank lines between frames
			}
			break
		}
		if i := strings.Index(line, contentLengthHeader); i > 0 {
			// Garbage before a header: skip it.
			if !g.lost {
				problem = fmt.Sprintf("unexpected bytes before header: %q", excerpt([]byte(line[:i])))
			}
			line = line[i:]
		}
		if g.lost && !strings.HasPrefix(line, contentLengthHeader) {
			continue
		}
		started = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			problem = fmt.Sprintf("malformed header line %q", excerpt([]byte(line)))
			continue
		}
		if !strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			continue
		}
		headers++
		n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
		if err != nil || n < 0 {
			problem = fmt.Sprintf("invalid Content-Length %q", excerpt([]byte(value)))
			continue
		}
		length = n
	}
	if headers > 1 {
		length, problem = -1, "more than one Content-Length header"
	}
	if length < 0 {
		if problem == "" {
			problem = "header without Content-Length"
		}
		g.lost = true
		return nil, &frameError{jsonrpc2.CodeParseError, "parse error: " + problem}
	}
	if length >= int64(g.maxBody) {
		g.lost = true
		return nil, &frameError{jsonrpc2.CodeInvalidRequest, fmt.Sprintf("invalid request: Content-Length %d reaches the limit of %d bytes", length, g.maxBody)}
	}
	g.lost = false
	body := make([]byte, length)
	if _, err := io.ReadFull(g.r, body); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if problem != "" {
		// The frame is usable, but the garbage before it was a message too.
		g.log.Warningf("bad frame: %s", problem)
		g.replyError(nil, jsonrpc2.CodeParseError, "parse error: "+problem)
	}
	return body, nil
}

// readLine reads one header line without its line ending. A line too long
// for the buffer keeps its first and last bytes: the start for the log, the
// end because it may hold the header that follows garbage.
func (g *guardStream) readLine() (string, error) {
	line, err := g.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		const keep = 128
		head := string(line[:keep])
		tail := append([]byte(nil), line[len(line)-keep:]...)
		for err == bufio.ErrBufferFull {
			line, err = g.r.ReadSlice('\n')
			tail = append(tail, line...)
			if len(tail) > 4*keep {
				tail = append(tail[:0:0], tail[len(tail)-keep:]...)
			}
		}
		line = append([]byte(head+" … "), tail...)
	}
	if err != nil && (err != io.EOF || len(line) == 0) {
		return "", err
	}
	return strings.TrimRight(string(line), "\r\n"), nil
}

// errorResponse is a JSON-RPC error response whose id may be null.
type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   jsonrpc2.Error  `json:"error"`
}

// replyError writes an error response. A nil id is written as null.
func (g *guardStream) replyError(id json.RawMessage, code int64, msg string) {
	if id == nil {
		id = json.RawMessage("null")
	}
	body, err := json.Marshal(errorResponse{JSONRPC: "2.0", ID: id, Error: jsonrpc2.Error{Code: code, Message: msg}})
	if err == nil {
		err = g.writeFrame(body)
	}
	if err != nil {
		g.log.Errorf("write error response: %s", err)
	}
}

// idOf returns a JSON-RPC id if it is a string or an integer, the kinds an
// error response can echo; otherwise nil.
func idOf(id json.RawMessage) json.RawMessage {
	if len(id) == 0 {
		return nil
	}
	var s string
	if json.Unmarshal(id, &s) == nil {
		return id
	}
	var n int64
	if json.Unmarshal(id, &n) == nil {
		return id
	}
	return nil
}

// excerpt returns the start of b for a log line.
func excerpt(b []byte) string {
	const n = 60
	b = bytes.TrimSpace(b)
	if len(b) > n {
		return strings.ToValidUTF8(string(b[:n]), "") + "…"
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
