package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tliron/commonlog"
)

// readWriteNopCloser joins a reader and a writer, with a Close that does nothing.
type readWriteNopCloser struct {
	io.Reader
	io.Writer
}

func (readWriteNopCloser) Close() error { return nil }

func frame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// readAll reads every object the guard lets through, as compact JSON, and
// every frame it writes back itself.
func readAll(t *testing.T, input string, maxBody int) (passed []string, replies []string, err error) {
	t.Helper()
	var out bytes.Buffer
	g := newGuardStream(readWriteNopCloser{strings.NewReader(input), &out}, commonlog.GetLogger("test"))
	if maxBody > 0 {
		g.maxBody = maxBody
	}
	for {
		var v json.RawMessage
		if err = g.ReadObject(&v); err != nil {
			break
		}
		passed = append(passed, compact(t, v))
	}
	r := bufio.NewReader(&out)
	for {
		body, rerr := readTestFrame(r)
		if rerr != nil {
			break
		}
		replies = append(replies, string(body))
	}
	return passed, replies, err
}

func TestGuardStream(t *testing.T) {
	const (
		valid   = `{"jsonrpc":"2.0","id":1,"method":"x"}`
		valid2  = `{"jsonrpc":"2.0","method":"y","params":{}}`
		parse   = `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":`
		invalid = `"error":{"code":-32600,"message":`
	)
	tests := []struct {
		name    string
		input   string
		maxBody int
		passed  []string
		replies []string // prefixes of the guard's own replies
		err     error
	}{
		{name: "valid frames pass unchanged", input: frame(valid) + frame(valid2), passed: []string{valid, valid2}, err: io.EOF},
		{name: "invalid JSON", input: frame(`{"jsonrpc":`) + frame(valid), passed: []string{valid}, replies: []string{parse}, err: io.EOF},
		{name: "empty body", input: frame(``) + frame(valid), passed: []string{valid}, replies: []string{parse}, err: io.EOF},
		{name: "not a message", input: frame(`{}`) + frame(`42`) + frame(valid), passed: []string{valid},
			replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid, `{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		{name: "batch", input: frame(`[`+valid+`]`) + frame(valid), passed: []string{valid},
			replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		{name: "bad id keeps a usable id", input: frame(`{"id":7,"method":5}`) + frame(valid), passed: []string{valid},
			replies: []string{`{"jsonrpc":"2.0","id":7,` + invalid}, err: io.EOF},
		{name: "LF line endings", input: "Content-Length: 37\n\n" + valid, passed: []string{valid}, err: io.EOF},
		{name: "header name in any case, other headers ignored", input: "content-length: 37\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + valid, passed: []string{valid}, err: io.EOF},
		{name: "missing Content-Length resynchronises", input: "Content-Type: x\r\n\r\n" + valid + frame(valid2), passed: []string{valid2}, replies: []string{parse}, err: io.EOF},
		{name: "bad Content-Length", input: "Content-Length: ten\r\n\r\n" + valid + frame(valid2), passed: []string{valid2}, replies: []string{parse}, err: io.EOF},
		{name: "negative Content-Length", input: "Content-Length: -5\r\n\r\n" + frame(valid2), passed: []string{valid2}, replies: []string{parse}, err: io.EOF},
		{name: "garbage before header", input: "junk" + frame(valid), passed: []string{valid}, replies: []string{parse}, err: io.EOF},
		{name: "too large", input: frame(`{"jsonrpc":"2.0","id":3,"method":"big","params":"0123456789"}`) + frame(valid), maxBody: 40,
			passed: []string{valid}, replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		// Regression (issue 9): a length over the limit swallowed every later message.
		{name: "too large and lying", input: "Content-Length: 10737418240\r\n\r\n{}" + frame(valid), maxBody: 40,
			passed: []string{valid}, replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		{name: "one byte under the limit", input: frame(valid), maxBody: len(valid) + 1, passed: []string{valid}, err: io.EOF},
		{name: "at the limit", input: frame(valid) + frame(`{"method":"z"}`), maxBody: len(valid),
			passed: []string{`{"method":"z"}`}, replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		{name: "too large, body with line breaks", input: "Content-Length: 268435456\r\n\r\n{\n\"a\":\r\n1}\r\n" + frame(valid) + frame(valid2),
			passed: []string{valid, valid2}, replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		{name: "too large at the end", input: frame(valid) + "Content-Length: 99999999999\r\n\r\n{}", maxBody: 40,
			passed: []string{valid}, replies: []string{`{"jsonrpc":"2.0","id":null,` + invalid}, err: io.EOF},
		// Regression (issue 9): with two lengths the message after the frame was lost.
		{name: "two Content-Length headers", input: "Content-Length: 2\r\nContent-Length: 37\r\n\r\n{}" + frame(valid) + frame(valid2),
			passed: []string{valid, valid2}, replies: []string{parse}, err: io.EOF},
		{name: "two equal Content-Length headers", input: "Content-Length: 37\r\nContent-Length: 37\r\n\r\n" + valid + frame(valid2),
			passed: []string{valid2}, replies: []string{parse}, err: io.EOF},
		{name: "bad then good Content-Length", input: "Content-Length: x\r\nContent-Length: 37\r\n\r\n" + valid + frame(valid2),
			passed: []string{valid2}, replies: []string{parse}, err: io.EOF},
		{name: "truncated body", input: "Content-Length: 99\r\n\r\n{}", err: io.ErrUnexpectedEOF},
		{name: "truncated header", input: "Content-Length: 99\r\n", err: io.ErrUnexpectedEOF},
		{name: "blank lines between frames", input: "\r\n" + frame(valid) + "\r\n\r\n" + frame(valid2), passed: []string{valid, valid2}, err: io.EOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			passed, replies, err := readAll(t, tt.input, tt.maxBody)
			if !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
			if strings.Join(passed, "\n") != strings.Join(tt.passed, "\n") {
				t.Errorf("passed:\n%s\nwant:\n%s", strings.Join(passed, "\n"), strings.Join(tt.passed, "\n"))
			}
			if len(replies) != len(tt.replies) {
				t.Fatalf("replies:\n%s\nwant %d", strings.Join(replies, "\n"), len(tt.replies))
			}
			for i, r := range replies {
				if !strings.HasPrefix(r, tt.replies[i]) {
					t.Errorf("reply %d = %s, want prefix %s", i, r, tt.replies[i])
				}
			}
		})
	}
}

// TestGuardStashesBigParams checks that big params bypass jsonrpc2 and come
// back whole from params.
func TestGuardStashesBigParams(t *testing.T) {
	text := strings.Repeat("é", stashThreshold)
	body := `{"jsonrpc":"2.0","id":"a","method":"textDocument/didOpen","params":{"text":"` + text + `"}}`
	small := `{"jsonrpc":"2.0","method":"x","params":{"text":"small"}}`
	g := newGuardStream(readWriteNopCloser{strings.NewReader(frame(body) + frame(small)), io.Discard}, commonlog.GetLogger("test"))
	var v struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if err := g.ReadObject(&v); err != nil {
		t.Fatal(err)
	}
	if v.Method != "textDocument/didOpen" || string(v.ID) != `"a"` || len(v.Params) > 100 {
		t.Fatalf("jsonrpc2 got %s %s %.100s", v.Method, v.ID, v.Params)
	}
	if got := string(g.params(v.Params)); got != `{"text":"`+text+`"}` {
		t.Fatalf("params = %.100s…", got)
	}
	if got := string(g.params(v.Params)); got != string(v.Params) {
		t.Fatalf("params handed out twice")
	}
	if err := g.ReadObject(&v); err != nil {
		t.Fatal(err)
	}
	if got := string(g.params(v.Params)); got != `{"text":"small"}` {
		t.Fatalf("small params = %s", got)
	}
}

func TestGuardLongHeaderLine(t *testing.T) {
	const valid = `{"jsonrpc":"2.0","method":"y"}`
	input := strings.Repeat("x", 200<<10) + frame(valid)
	passed, replies, err := readAll(t, input, 0)
	if !errors.Is(err, io.EOF) || len(passed) != 1 || passed[0] != valid || len(replies) != 1 {
		t.Fatalf("passed %q, replies %q, err %v", passed, replies, err)
	}
}

// TestGuardKeepsServerAnswering sends bad frames between requests to a real
// server and checks that each gets its error and the server still answers.
func TestGuardKeepsServerAnswering(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, nil)
	for _, bad := range []string{frame(`{"jsonrpc":"2.0","id":`), frame(`[]`), "Content-Length: nope\r\n\r\n"} {
		c.writeRaw([]byte(bad))
		m := c.nullIDResponse()
		if m.Error == nil || (m.Error.Code != -32700 && m.Error.Code != -32600) {
			t.Fatalf("after %q: got %+v", bad, m)
		}
		if got := c.call("factbox/nope", map[string]any{}); got.Error == nil || got.Error.Code != -32601 {
			t.Fatalf("after %q: unknown method answered %+v", bad, got)
		}
	}
}
