package server

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// lifecycle is where the server is in the life the protocol prescribes.
type lifecycle int

const (
	stateNew      lifecycle = iota // before initialize
	stateRunning                   // initialized
	stateShutdown                  // after shutdown, waiting for exit
)

// codeServerNotInitialized is LSP's error for a request before initialize.
const codeServerNotInitialized = -32002

// initializeParams is the part of InitializeParams the server reads. It is
// decoded by itself rather than through glsp's 3.16 types, which lack
// general.positionEncodings (3.17) and reject some capabilities real clients send.
type initializeParams struct {
	ProcessID  *int `json:"processId"`
	ClientInfo *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"clientInfo"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	Capabilities          struct {
		General *struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		TextDocument *struct {
			Hover *struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
		} `json:"textDocument"`
		Workspace *struct {
			Configuration         bool `json:"configuration"`
			WorkspaceFolders      bool `json:"workspaceFolders"`
			DidChangeWatchedFiles *struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
			InlayHint *struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"inlayHint"`
		} `json:"workspace"`
	} `json:"capabilities"`
	WorkspaceFolders []protocol.WorkspaceFolder `json:"workspaceFolders"`
}

// serverCapabilities adds LSP 3.17's positionEncoding to glsp's capabilities.
type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding  string `json:"positionEncoding"`
	InlayHintProvider bool   `json:"inlayHintProvider,omitempty"`
}

// initializeResult is InitializeResult with serverCapabilities.
type initializeResult struct {
	Capabilities serverCapabilities                   `json:"capabilities"`
	ServerInfo   *protocol.InitializeResultServerInfo `json:"serverInfo,omitempty"`
}

// negotiateEncoding picks the position encoding from those the client offers:
// UTF-8 when offered, since the server's text is UTF-8, else UTF-16, which
// every client must support.
func negotiateEncoding(offered []string) Encoding {
	if slices.Contains(offered, UTF8.String()) {
		return UTF8
	}
	return UTF16
}

// initialize handles the initialize request.
func (s *Server) initialize(ctx *glsp.Context) (any, bool, bool, error) {
	var params initializeParams
	if err := decodeParams(ctx.Params, &params); err != nil {
		return nil, true, false, err
	}
	settings, _, warnings, err := ParseSettings(params.InitializationOptions)
	if err != nil {
		s.log.Warningf("initializationOptions: %s; using the default settings", err)
		settings = DefaultSettings()
	}
	for _, w := range warnings {
		s.log.Warningf("settings: %s", w)
	}
	caps := params.Capabilities
	enc := UTF16
	if caps.General != nil {
		enc = negotiateEncoding(caps.General.PositionEncodings)
	}
	markdown := true
	if caps.TextDocument != nil && caps.TextDocument.Hover != nil && caps.TextDocument.Hover.ContentFormat != nil {
		markdown = slices.Contains(caps.TextDocument.Hover.ContentFormat, string(protocol.MarkupKindMarkdown))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return nil, true, true, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "initialize sent twice"}
	}
	s.state = stateRunning
	s.settings = settings
	s.encoding = enc
	s.hoverMarkdown = markdown
	s.hoverQuiet = clientShowsDiagnosticsInHover(params.InitializationOptions)
	s.pullConfig = caps.Workspace != nil && caps.Workspace.Configuration
	s.initWorkspace(params)
	s.inlayRefresh = caps.Workspace != nil && caps.Workspace.InlayHint != nil && caps.Workspace.InlayHint.RefreshSupport
	s.handler.proto.SetInitialized(true)
	client := "unknown client"
	if params.ClientInfo != nil {
		client = strconv.Quote(params.ClientInfo.Name + " " + params.ClientInfo.Version)
	}
	s.log.Noticef("initialized by %s: position encoding %s, markdown hover %t, settings %+v", client, enc, markdown, settings)
	if pid := params.ProcessID; s.parentWatch && pid != nil && *pid > 0 {
		if processAlive(*pid) {
			go s.watchParent(*pid, s.parentPoll)
		} else {
			// Most likely the client runs in another process namespace (a
			// container, another machine over --tcp): nothing to watch.
			s.log.Warningf("parent process %d not found; not watching it", *pid)
		}
	}

	syncKind := protocol.TextDocumentSyncKindIncremental
	return initializeResult{
		Capabilities: serverCapabilities{
			ServerCapabilities: protocol.ServerCapabilities{
				TextDocumentSync: protocol.TextDocumentSyncOptions{
					OpenClose: ptr(true),
					Change:    &syncKind,
					Save:      true,
				},
				HoverProvider: true,
				CodeActionProvider: protocol.CodeActionOptions{
					CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
				},
				Workspace: workspaceCapabilities,
			},
			PositionEncoding:  enc.String(),
			InlayHintProvider: true,
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: Name, Version: ptr(s.version)},
	}, true, true, nil
}

// clientShowsDiagnosticsInHover reads initializationOptions'
// "clientShowsDiagnosticsInHover": true from a client (VS Code's extension
// sends it) that shows a position's diagnostics in its hover already, so that
// the hover does not say the same thing twice. No LSP capability says this.
func clientShowsDiagnosticsInHover(raw json.RawMessage) bool {
	var o struct {
		Shows bool `json:"clientShowsDiagnosticsInHover"`
	}
	return len(raw) > 0 && json.Unmarshal(raw, &o) == nil && o.Shows
}

// initialized handles the initialized notification: the server may now
// ask the client for file watchers and for each folder's settings.
func (s *Server) initialized(*glsp.Context, *protocol.InitializedParams) error {
	s.startWorkspace()
	return nil
}

// checkRunning returns the error for a message that comes before initialize
// or after shutdown.
func (s *Server) checkRunning() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.state {
	case stateNew:
		return &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "server not initialized"}
	case stateShutdown:
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "server is shutting down"}
	}
	return nil
}

// shutdown handles the shutdown request. After it the server answers every
// request but exit with an error.
func (s *Server) shutdown() error {
	if err := s.checkRunning(); err != nil {
		return err
	}
	s.mu.Lock()
	s.state = stateShutdown
	s.mu.Unlock()
	s.log.Notice("shutdown")
	return nil
}

// exit handles the exit notification; rpcHandler closes the connection after it.
func (s *Server) exit() {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state != stateShutdown {
		s.log.Warning("exit without shutdown")
	}
}

// clientPullsConfiguration reports whether the client answers workspace/configuration.
func (s *Server) clientPullsConfiguration() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pullConfig
}

func ptr[T any](v T) *T { return &v }
