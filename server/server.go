package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/factbox/factbox/analysis/config"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/commonlog"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Name is the server's name in its initialize result and its log lines.
const Name = "factbox"

// MethodFactBox is the server's own request: the fact box of a document.
const MethodFactBox = "factbox/factBox"

// Options configures a Server.
type Options struct {
	// Version is reported as serverInfo.version.
	Version string
	// Log receives the server's log lines; nil means commonlog's "factbox" logger.
	Log commonlog.Logger
	// WatchParent makes the server close the connection once the process
	// named by initialize's processId is gone, as LSP asks of a server an
	// editor started. A server shared over TCP leaves it off: a remote
	// client's process id means nothing here.
	WatchParent bool
}

// Server is a factbox language server for one connection. Create it with New
// and run it with Serve.
type Server struct {
	version string
	log     commonlog.Logger
	store   *Store
	handler *Handler
	ws      *workspace

	mu            sync.Mutex // guards the fields below, and orders settings changes with opens
	state         lifecycle
	settings      Settings
	encoding      Encoding
	hoverMarkdown bool
	hoverQuiet    bool // leave hard sentences' messages out of hover: the client shows the diagnostic there
	pullConfig    bool // the client answers workspace/configuration
	inlayRefresh  bool // the client takes workspace/inlayHint/refresh
	conn          *jsonrpc2.Conn
	stream        *guardStream

	notifyMu sync.Mutex // serialises test notifiers; jsonrpc2.Conn serialises itself
	notifier func(method string, params any)

	workersMu sync.Mutex
	workers   map[string]*worker
	busy      sync.WaitGroup // running workers, for tests and benchmarks

	pending pendingRequests // requests answered off the read loop
	async   sync.WaitGroup  // goroutines answering them, for tests

	stopped     chan struct{} // closed when Serve returns
	stopOnce    sync.Once
	parentWatch bool          // Options.WatchParent
	parentPoll  time.Duration // how often to look for the parent process
}

// New returns a server that has not yet been initialized.
func New(opts Options) *Server {
	s := &Server{
		version:     opts.Version,
		log:         opts.Log,
		store:       NewStore(),
		settings:    DefaultSettings(),
		workers:     make(map[string]*worker),
		ws:          newWorkspace(config.OS{}),
		stopped:     make(chan struct{}),
		parentWatch: opts.WatchParent,
		parentPoll:  parentPollInterval,
	}
	if s.log == nil {
		s.log = commonlog.GetLogger(Name)
	}
	s.handler = newHandler(s)
	return s
}

// Handler returns the glsp.Handler that dispatches the server's methods.
func (s *Server) Handler() *Handler { return s.handler }

// Serve runs the server on rwc until the client sends exit, the stream ends,
// or ctx is done, and returns the process exit code the protocol asks for:
// 0 after a shutdown request, 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	defer s.stopOnce.Do(func() { close(s.stopped) })
	stream := newGuardStream(rwc, s.log)
	s.mu.Lock()
	s.stream = stream
	s.mu.Unlock()
	// Notifications skip jsonrpc2.Conn.Notify, which encodes the params
	// three times over (params, message, stream); the guard writes each
	// frame whole under its own lock, so they cannot interleave with replies.
	// The notifier is set before the connection reads its first message: a
	// document opened at once may be published before NewConn returns.
	s.setNotifier(func(method string, params any) {
		var body []byte
		var err error
		if p, ok := params.(jsonAppender); ok {
			buf := notifyBuffers.Get().(*[]byte)
			defer notifyBuffers.Put(buf)
			body = append((*buf)[:0], `{"jsonrpc":"2.0","method":`...)
			body = appendJSONString(body, method)
			body = append(body, `,"params":`...)
			body = append(p.appendJSON(body), '}')
			*buf = body
		} else {
			body, err = json.Marshal(notification{JSONRPC: "2.0", Method: method, Params: params})
		}
		if err == nil {
			err = stream.writeFrame(body)
		}
		if err != nil {
			s.log.Debugf("notify %s: %s", method, err)
		}
	})
	conn := jsonrpc2.NewConn(ctx, stream, rpcHandler{s}, jsonrpc2.SetLogger(rpcLogger{s.log}))
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == stateShutdown {
		return 0
	}
	return 1
}

// notifyBuffers holds the buffers notifications are encoded into, so that
// publishing a big document's diagnostics again and again does not allocate
// a megabyte each time.
var notifyBuffers = sync.Pool{New: func() any { return new([]byte) }}

// notification is a JSON-RPC notification.
type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// setNotifier sets the function notifications to the client go through.
func (s *Server) setNotifier(notify func(method string, params any)) {
	s.notifyMu.Lock()
	defer s.notifyMu.Unlock()
	s.notifier = notify
}

// notify sends a notification to the client. It is safe from any goroutine.
func (s *Server) notify(method string, params any) {
	s.notifyMu.Lock()
	notify := s.notifier
	s.notifyMu.Unlock()
	if notify != nil {
		notify(method, params)
	}
}

// caller returns a function that sends a request to the client and waits for
// its answer, or nil before Serve. Never use it from a handler: the answer is
// read by the loop the handler blocks.
func (s *Server) caller() func(ctx context.Context, method string, params, result any) error {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return nil
	}
	return func(ctx context.Context, method string, params, result any) error {
		return conn.Call(ctx, method, params, result)
	}
}

// Handler is the server's glsp.Handler. It handles what glsp v0.2.2 lacks or
// gets wrong for us — the lifecycle with 3.17 position encodings, the
// factbox/factBox request, panics — and passes the standard methods to glsp's
// protocol.Handler.
type Handler struct {
	s     *Server
	proto *protocol.Handler
}

func newHandler(s *Server) *Handler {
	return &Handler{s: s, proto: &protocol.Handler{
		SetTrace:                        func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		Initialized:                     s.initialized,
		WorkspaceDidChangeConfiguration: s.didChangeConfiguration,
		TextDocumentDidOpen:             s.didOpen,
		TextDocumentDidSave:             s.didSave,
		TextDocumentDidClose:            s.didClose,
		WorkspaceDidChangeWatchedFiles: func(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
			s.didChangeWatchedFiles(p)
			return nil
		},
		WorkspaceDidChangeWorkspaceFolders: func(_ *glsp.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
			s.didChangeWorkspaceFolders(p)
			return nil
		},
	}}
}

// Handle implements glsp.Handler. A panic in a handler becomes an error for
// that one message; the server carries on.
func (h *Handler) Handle(ctx *glsp.Context) (result any, validMethod, validParams bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, validMethod, validParams = nil, true, true
			err = h.s.panicError(ctx.Method, r)
		}
	}()
	switch ctx.Method {
	case protocol.MethodInitialize:
		return h.s.initialize(ctx)
	case protocol.MethodShutdown:
		return nil, true, true, h.s.shutdown()
	case protocol.MethodExit:
		h.s.exit()
		return nil, true, true, nil
	}
	if err := h.s.checkRunning(); err != nil {
		return nil, true, true, err
	}
	switch ctx.Method {
	case MethodFactBox:
		var params FactBoxParams
		if err := decodeParams(ctx.Params, &params); err != nil {
			return nil, true, false, err
		}
		result, err := h.s.factBox(&params)
		return result, true, true, err
	case protocol.MethodTextDocumentHover:
		params, err := decodeHoverParams(ctx.Params)
		if err != nil {
			return nil, true, false, err
		}
		result, err := h.s.hover(params)
		return result, true, true, err
	case protocol.MethodTextDocumentDidChange:
		params, err := decodeChangeParams(ctx.Params)
		if err != nil {
			return nil, true, false, err
		}
		return nil, true, true, h.s.didChange(params)
	case protocol.MethodCancelRequest:
		if err := h.s.cancelRequest(ctx.Params); err != nil {
			return nil, true, false, err
		}
		return nil, true, true, nil
	case protocol.MethodTextDocumentCodeAction:
		var params codeActionParams
		if err := decodeParams(ctx.Params, &params); err != nil {
			return nil, true, false, err
		}
		result, err := h.s.codeAction(&params)
		return result, true, true, err
	case MethodInlayHint:
		var params InlayHintParams
		if err := decodeParams(ctx.Params, &params); err != nil {
			return nil, true, false, err
		}
		result, err := h.s.inlayHint(&params)
		return result, true, true, err
	}
	return h.proto.Handle(ctx)
}

// panicError logs a panic recovered while handling method and returns the
// Internal Error that answers the message.
func (s *Server) panicError(method string, r any) error {
	s.log.Errorf("panic handling %q: %v\n%s", method, r, debug.Stack())
	return &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("internal error handling %s: %v", method, r)}
}

// errMissing is the error for a required field that params lack.
func errMissing(field string) error { return fmt.Errorf("missing %s", field) }

// decodeParams decodes a message's params, which must be present.
func decodeParams(raw json.RawMessage, v any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return errors.New("missing params")
	}
	return json.Unmarshal(raw, v)
}

// rpcHandler runs the Handler for each message jsonrpc2 reads, in its read
// loop, and answers requests.
type rpcHandler struct{ s *Server }

// Handle implements jsonrpc2.Handler.
func (h rpcHandler) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	gctx := &glsp.Context{
		Method: req.Method,
		Notify: h.s.notify,
		Call: func(method string, params, result any) {
			if err := conn.Call(ctx, method, params, result); err != nil {
				h.s.log.Warningf("call %s: %s", method, err)
			}
		},
	}
	if req.Params != nil {
		gctx.Params = *req.Params
		h.s.mu.Lock()
		stream := h.s.stream
		h.s.mu.Unlock()
		if stream != nil {
			gctx.Params = stream.params(gctx.Params)
		}
	}
	result, validMethod, validParams, err := h.s.handler.Handle(gctx)
	var rpcErr *jsonrpc2.Error
	switch {
	case !validMethod:
		rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not found: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg += ": " + err.Error()
		}
		rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		rpcErr = toRPCError(err)
	}
	if req.Method == protocol.MethodExit {
		conn.Close()
		return
	}
	if req.Notif {
		switch {
		case rpcErr == nil:
		case rpcErr.Code == jsonrpc2.CodeMethodNotFound && strings.HasPrefix(req.Method, "$/"):
			h.s.log.Debugf("ignoring notification %q", req.Method)
		default:
			h.s.log.Warningf("%q: %q", req.Method, rpcErr.Message)
		}
		return
	}
	if run, ok := result.(deferred); ok && rpcErr == nil {
		h.answerLater(ctx, conn, req, run)
		return
	}
	h.reply(ctx, conn, req, result, rpcErr)
}

// reply answers req with result or rpcErr.
func (h rpcHandler) reply(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request, result any, rpcErr *jsonrpc2.Error) {
	resp := &jsonrpc2.Response{ID: req.ID}
	if rpcErr == nil {
		if err := resp.SetResult(result); err != nil {
			rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: "encode result: " + err.Error()}
		}
	}
	if rpcErr != nil {
		resp.Result, resp.Error = nil, rpcErr
		h.s.log.Infof("%q (id %s): error %d: %q", req.Method, req.ID, rpcErr.Code, rpcErr.Message)
	}
	if err := conn.SendResponse(ctx, resp); err != nil {
		h.s.log.Debugf("send response to %q: %s", req.Method, err)
	}
}

// toRPCError converts a handler's error into a JSON-RPC error: the errors a
// client causes with what it sends are Invalid Params, the rest Internal Errors.
func toRPCError(err error) *jsonrpc2.Error {
	var rpcErr *jsonrpc2.Error
	switch {
	case errors.As(err, &rpcErr):
		return rpcErr
	case errors.Is(err, ErrDocumentNotFound), errors.Is(err, ErrLineOutOfRange),
		errors.Is(err, ErrMidCharacter), errors.Is(err, ErrReversedRange), errors.Is(err, ErrOffsetOutOfRange):
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: err.Error()}
	}
	return &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
}

// rpcLogger sends jsonrpc2's own log lines to the server's log.
type rpcLogger struct{ log commonlog.Logger }

// Printf implements jsonrpc2.Logger.
func (l rpcLogger) Printf(format string, v ...any) {
	l.log.Debugf(strings.TrimSuffix(format, "\n"), v...)
}
