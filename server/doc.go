// Package server is factbox's language server: it gives an editor the fact
// box (Level, Tokens, Types, TTR) of the document, paragraph and sentence
// under the cursor on hover, and reports hard and very hard sentences as
// diagnostics while the writer types.
//
// # Usage
//
// The factbox command runs it on standard input and output:
//
//	s := server.New(server.Options{Version: "1.0.0"})
//	code := s.Serve(ctx, stdio) // returns when the client sends exit or the stream ends
//	os.Exit(code)
//
// # Layers
//
// The server speaks LSP 3.16 through github.com/tliron/glsp's protocol types
// and adds what 3.17 brought that it needs. From the bottom up:
//
//   - guard.go frames messages (Content-Length) and answers what the JSON-RPC
//     library would otherwise die on: a body that is not JSON gets a Parse
//     error (-32700), a message of the wrong shape an Invalid Request
//     (-32600), and the server reads on. A header block it cannot trust (no
//     length, two lengths, a length at or over MaxMessageSize) is answered at
//     once and the stream re-synchronised at the next "Content-Length:".
//   - server.go joins the guard to a github.com/sourcegraph/jsonrpc2
//     connection and dispatches through Handler, which handles the lifecycle
//     and factbox/factBox itself and passes the standard methods to glsp.
//   - mapper.go is the only place that converts between byte offsets and LSP
//     positions: UTF-16 by default, UTF-8 when the client offers it in
//     general.positionEncodings; lines end at "\n", "\r\n" or "\r".
//   - store.go holds immutable Document values keyed by URI. A change makes a
//     new value; a change that is not newer than the open version is logged
//     and ignored; an unknown URI is ErrDocumentNotFound.
//   - One file per feature: lifecycle.go, sync.go, diagnostics.go, hover.go,
//     factbox.go, configuration.go.
//
// Handlers run one at a time in the JSON-RPC read loop, so they stay short
// and never wait for an analysis. Analysis runs in a worker per document: an
// edit that finds the worker idle is analysed and published at once; edits
// that arrive meanwhile replace the pending one, so a burst is analysed once,
// at its latest version. Every finished analysis is published, with its
// version, even if newer edits arrived meanwhile, so that under a stream of
// edits the diagnostics keep coming, one publication per analysis. Each
// version's analysis starts from the previous one (analysis.Reanalyze); the
// diagnostics of the paragraphs an edit left alone are reused, their JSON
// included, their lines shifted (paragraphCache); and each version's table of
// line starts is derived from the last one's through the edit.
//
// Hover and factbox/factBox answer from the newest analysed version while
// the open one is being analysed: the position is mapped back to its text
// through the edits made since (snapshot.go), the hover's range forward, and
// factBox's version says which version its boxes describe. Before a
// document's first analysis they are answered from a goroutine when it ends;
// $/cancelRequest answers such a pending request with RequestCancelled.
//
// With Options.WatchParent (factbox serve sets it for standard input and
// output) the server watches the process named by initialize's processId and
// closes the connection when it is gone, as LSP asks, polling every few
// seconds.
//
// # Diagnostics
//
// One diagnostic per sentence whose Flesch–Kincaid grade reaches the hard
// level (severity Information, code "hard-sentence") or the very hard level
// (Warning, "very-hard-sentence"), over the sentence's range, from source
// "factbox", with a message such as
//
//	Very hard to read: grade 16.2 (very hard from 14) · 38 words · longest: "vicissitudes", "infrastructure", "comprehensively"
//
// Every publication carries the document version, never goes out for an
// older version after a newer one, and closing a document publishes an
// empty list.
//
// With the hints.* settings (hints.go), each adverb, passive construction
// and phrase with a simpler alternative (see package analysis/hints) is one
// more diagnostic of severity Hint, code "adverb", "passive-voice" or
// "simpler-alternative", message "Adverb: quickly", "Passive voice: was
// written" or "Simpler: use “use” for “utilize”"; the code action handler
// offers a quick fix per suggestion (hintactions.go).
//
// # Inlay hints
//
// textDocument/inlayHint (LSP 3.17, inlayhint.go) puts each paragraph's
// grade and length, "grade 12.4 · 86 words", at the end of its last line,
// with its fact box as tooltip, for the paragraphs of the requested range
// only. The setting inlayHints.enable turns them on; a settings change asks
// the client for workspace/inlayHint/refresh when it supports it.
//
// # The factbox/factBox request
//
// Params {"textDocument":{"uri":…},"position":{…}} (position optional);
// result {"uri","version","document","paragraph","sentence"}, each box an
// analysis.FactBox in JSON, paragraph and sentence null unless the position
// is inside one. The result is null for a document whose language is not
// analysed; an unknown URI is an Invalid Params error.
//
// # Settings
//
// Under "factbox", from initializationOptions (with or without the "factbox"
// wrapper) and workspace/didChangeConfiguration; a didChangeConfiguration
// without settings makes the server ask with workspace/configuration, from a
// goroutine. Changing them re-publishes every open document.
//
//	hardLevel          10      grade at which a sentence is hard
//	veryHardLevel      14      grade at which it is very hard
//	minWords           14      fewest words a hard sentence has
//	diagnostics.enable true
//	languages          ["markdown", "plaintext"]  ("text" means plaintext)
//	hints.adverbs, hints.passiveVoice, hints.simplerAlternatives  false (VS Code and Neovim send true)
//	inlayHints.enable  false (VS Code and Neovim send true)
//
// Markdown documents are analysed as analysis.Markdown, others as plain text;
// documents in other languages are kept in sync but not analysed.
package server
