package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestInitializeCapabilities(t *testing.T) {
	tests := []struct {
		name         string
		capabilities any
		encoding     string
	}{
		{name: "no general capabilities", capabilities: map[string]any{}, encoding: "utf-16"},
		{name: "utf-8 offered", capabilities: map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-32", "utf-8", "utf-16"}}}, encoding: "utf-8"},
		{name: "only utf-16 offered", capabilities: map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-16"}}}, encoding: "utf-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, s, _ := inProcess(t)
			result := c.initialize(tt.capabilities, nil)
			caps := result["capabilities"].(map[string]any)
			if caps["positionEncoding"] != tt.encoding {
				t.Errorf("positionEncoding = %v, want %s", caps["positionEncoding"], tt.encoding)
			}
			if got := s.encoding.String(); got != tt.encoding {
				t.Errorf("server encoding = %s, want %s", got, tt.encoding)
			}
			sync, _ := json.Marshal(caps["textDocumentSync"])
			if got, want := string(sync), `{"change":2,"openClose":true,"save":true}`; got != want {
				t.Errorf("textDocumentSync = %s, want %s", got, want)
			}
			if caps["hoverProvider"] != true {
				t.Errorf("hoverProvider = %v", caps["hoverProvider"])
			}
			if info := result["serverInfo"].(map[string]any); info["name"] != "factbox" {
				t.Errorf("serverInfo = %v", info)
			}
		})
	}
}

func TestLifecycle(t *testing.T) {
	c, _, wait := inProcess(t)
	hover := map[string]any{"textDocument": map[string]any{"uri": "file:///a.txt"}, "position": pos(0, 0)}

	if m := c.call("textDocument/hover", hover); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Fatalf("hover before initialize: %+v, want error %d", m, codeServerNotInitialized)
	}
	c.open("file:///a.txt", "plaintext", 1, "ignored before initialize")
	c.initialize(nil, nil)
	if m := c.call("initialize", map[string]any{"capabilities": map[string]any{}}); m.Error == nil || m.Error.Code != -32600 {
		t.Fatalf("second initialize: %+v, want error -32600", m)
	}
	if m := c.call("textDocument/hover", hover); m.Error == nil || m.Error.Code != -32602 || !strings.Contains(m.Error.Message, "document not found") {
		t.Fatalf("hover of a document opened before initialize: %+v, want document not found", m)
	}
	if m := c.call("workspace/symbol", map[string]any{"query": ""}); m.Error == nil || m.Error.Code != -32601 {
		t.Fatalf("unknown method: %+v, want error -32601", m)
	}
	c.notify("$/unknownNotification", map[string]any{})
	c.notify("custom/unknownNotification", map[string]any{})
	c.notify("$/cancelRequest", map[string]any{"id": 99})
	if m := c.call("initialize", "not an object"); m.Error == nil || m.Error.Code != -32602 && m.Error.Code != -32600 {
		t.Fatalf("initialize with bad params: %+v", m)
	}

	if m := c.call("shutdown", nil); m.Error != nil || string(m.Result) != "null" {
		t.Fatalf("shutdown: %+v, want result null", m)
	}
	if m := c.call("textDocument/hover", hover); m.Error == nil || m.Error.Code != -32600 {
		t.Fatalf("hover after shutdown: %+v, want error -32600", m)
	}
	if m := c.call("shutdown", nil); m.Error == nil || m.Error.Code != -32600 {
		t.Fatalf("second shutdown: %+v, want error -32600", m)
	}
	c.notify("exit", nil)
	if code := wait(); code != 0 {
		t.Fatalf("exit after shutdown: code %d, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c, _, wait := inProcess(t)
	c.initialize(nil, nil)
	c.notify("exit", nil)
	if code := wait(); code != 1 {
		t.Fatalf("exit without shutdown: code %d, want 1", code)
	}
}

// TestHandlerRecoversPanics plants a document the handlers cannot expect
// (no mapper) and checks that the panic becomes an Internal Error.
func TestHandlerRecoversPanics(t *testing.T) {
	s := New(Options{})
	s.state = stateRunning
	s.handler.proto.SetInitialized(true)
	s.store.Open(&Document{URI: "file:///broken.txt", config: docConfig{analyse: true}, lineage: new(lineage)})
	params, _ := json.Marshal(map[string]any{"textDocument": map[string]any{"uri": "file:///broken.txt"}, "position": pos(0, 0)})
	_, validMethod, validParams, err := s.Handler().Handle(&glsp.Context{Method: protocol.MethodTextDocumentHover, Params: params})
	if !validMethod || !validParams || err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("Handle = %t, %t, %v; want an internal error", validMethod, validParams, err)
	}
	if rpcErr := toRPCError(err); rpcErr.Code != -32603 {
		t.Fatalf("code %d, want -32603", rpcErr.Code)
	}
}
