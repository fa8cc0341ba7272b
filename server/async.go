package server

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// codeRequestCancelled is LSP's error for a request the client cancelled.
const codeRequestCancelled = -32800

// deferred is a handler result that is computed off the JSON-RPC read loop.
// A handler returns one when answering would mean waiting, for an analysis
// that has not finished: rpcHandler runs it in a goroutine and answers the
// request when it returns, or with RequestCancelled as soon as the client
// sends $/cancelRequest for it. Messages behind the request are read and
// handled meanwhile.
type deferred func() (any, error)

// pendingRequests are the requests answered by a deferred function that is
// still running, by id, with the function that cancels each.
type pendingRequests struct {
	mu     sync.Mutex
	cancel map[jsonrpc2.ID]context.CancelFunc
}

// add registers a pending request and returns the context it runs under and
// the function that unregisters it.
func (p *pendingRequests) add(parent context.Context, id jsonrpc2.ID) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	p.mu.Lock()
	if p.cancel == nil {
		p.cancel = make(map[jsonrpc2.ID]context.CancelFunc)
	}
	p.cancel[id] = cancel
	p.mu.Unlock()
	return ctx, func() {
		p.mu.Lock()
		delete(p.cancel, id)
		p.mu.Unlock()
		cancel()
	}
}

// cancelRequest handles $/cancelRequest: the pending request with the id
// params name, if any, is answered with RequestCancelled at once. A request
// already answered, or answered in the read loop, is not pending: the
// cancellation is ignored, as LSP allows.
func (s *Server) cancelRequest(raw json.RawMessage) error {
	var params struct {
		ID *jsonrpc2.ID `json:"id"`
	}
	if err := decodeParams(raw, &params); err != nil {
		return err
	}
	if params.ID == nil {
		return errMissing("id")
	}
	s.pending.mu.Lock()
	cancel := s.pending.cancel[*params.ID]
	s.pending.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return nil
}

// answerLater runs run in a goroutine and answers req with its result, or
// with RequestCancelled if the request is cancelled first.
func (h rpcHandler) answerLater(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request, run deferred) {
	parent := ctx
	ctx, done := h.s.pending.add(ctx, req.ID)
	type answer struct {
		result any
		err    error
	}
	answers := make(chan answer, 1)
	h.s.async.Add(1)
	go func() {
		defer h.s.async.Done()
		go func() {
			var a answer
			defer func() {
				if r := recover(); r != nil {
					a.err = h.s.panicError(req.Method, r)
				}
				answers <- a
			}()
			a.result, a.err = run()
		}()
		var a answer
		select {
		case a = <-answers:
		case <-ctx.Done():
			a.err = &jsonrpc2.Error{Code: codeRequestCancelled, Message: "request cancelled"}
		}
		done()
		var rpcErr *jsonrpc2.Error
		if a.err != nil {
			rpcErr = toRPCError(a.err)
		}
		h.reply(parent, conn, req, a.result, rpcErr)
	}()
}
