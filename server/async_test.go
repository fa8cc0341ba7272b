package server

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// holdAnalyses makes every analysis started from now on wait until the
// returned function is called. It undoes itself when the test ends.
func holdAnalyses(t *testing.T) (release func()) {
	t.Helper()
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	reanalyze = func(prev *analysis.Document, text string, opts analysis.Options) *analysis.Document {
		<-gate
		return analysis.Reanalyze(prev, text, opts)
	}
	t.Cleanup(func() {
		release()
		reanalyze = analysis.Reanalyze
	})
	return release
}

// noResponse fails if the request with id is answered within d.
func (c *testClient) noResponse(id string, d time.Duration) {
	c.t.Helper()
	select {
	case m := <-c.response(id):
		c.t.Fatalf("request %s answered while its analysis is held: %+v", id, m)
	case <-time.After(d):
	}
}

// TestHoverNeverWaits holds the analysis of a newly opened document: hover
// and factBox are answered off the read loop, so other requests are answered
// first, a cancelled one is answered RequestCancelled at once, and the rest
// are answered when the analysis is released.
func TestHoverNeverWaits(t *testing.T) {
	c, s, _ := inProcess(t)
	c.initialize(nil, nil)
	release := holdAnalyses(t)
	const uri = "file:///held.txt"
	text := "A first sentence. A second one.\n"
	c.open(uri, "plaintext", 1, text)
	hover := c.start("textDocument/hover", hoverParams(uri, pos(0, 20)))
	factBox := c.start(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}})
	cancelled := c.start("textDocument/hover", hoverParams(uri, pos(0, 3)))
	if m := c.call("factbox/noSuchMethod", map[string]any{}); m.Error == nil || m.Error.Code != -32601 {
		t.Fatalf("request behind a held hover: %+v", m)
	}
	c.noResponse(hover, 20*time.Millisecond)
	c.notify("$/cancelRequest", map[string]any{"id": json.Number(cancelled)})
	if m := c.wait(cancelled); m.Error == nil || m.Error.Code != codeRequestCancelled {
		t.Fatalf("cancelled hover: %+v, want error %d", m, codeRequestCancelled)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 999}) // no such request: ignored
	c.notify("$/cancelRequest", map[string]any{})          // no id: logged
	release()

	a := analysis.Analyze(text, DefaultSettings().docConfig("plaintext").opts)
	var h struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	m := c.wait(hover)
	if m.Error != nil || json.Unmarshal(m.Result, &h) != nil {
		t.Fatalf("hover: %+v", m)
	}
	if want := renderHover(factBoxesAt(a, 20), true); h.Contents.Value != want {
		t.Fatalf("hover contents %v, want %s", h.Contents, want)
	}
	var fb FactBoxResult
	if m := c.wait(factBox); m.Error != nil || json.Unmarshal(m.Result, &fb) != nil || fb.Version != 1 || fb.Document != a.FactBox {
		t.Fatalf("factBox: %+v (%+v)", m, fb)
	}
	s.async.Wait()
	s.pending.mu.Lock()
	defer s.pending.mu.Unlock()
	if len(s.pending.cancel) != 0 {
		t.Fatalf("%d requests still pending after their answers", len(s.pending.cancel))
	}
}

// TestHoverFromOlderAnalysis holds the analysis of an edit: hover and
// factBox answer at once from the version before it, the hover's position
// mapped through the edit and the sentence's range mapped back.
func TestHoverFromOlderAnalysis(t *testing.T) {
	c, _, _ := inProcess(t)
	c.initialize(nil, nil)
	const uri = "file:///older.txt"
	v1 := "Short one. The vicissitudes of infrastructure were comprehensively reorganized by the administration.\n"
	c.open(uri, "plaintext", 1, v1)
	c.diagnostics(uri, 1)
	release := holdAnalyses(t)
	insert := "Inserted 😀 words here. "
	c.change(uri, 2, *rng(0, 0, 0, 0), insert)
	v2 := insert + v1

	m := NewMapper(v2, UTF16)
	at := strings.Index(v2, "infrastructure")
	p, _ := m.OffsetPosition(at)
	var h struct {
		Contents protocol.MarkupContent `json:"contents"`
		Range    protocol.Range         `json:"range"`
	}
	c.result("textDocument/hover", hoverParams(uri, p), &h)
	a1 := analysis.Analyze(v1, DefaultSettings().docConfig("plaintext").opts)
	if want := renderHover(factBoxesAt(a1, at-len(insert)), true); h.Contents.Value != want {
		t.Fatalf("hover:\n%s\nwant the first version's:\n%s", h.Contents.Value, want)
	}
	sentence := strings.TrimSuffix(v1[strings.Index(v1, "The"):], "\n")
	start := strings.Index(v2, sentence)
	if want, _ := m.OffsetRange(start, start+len(sentence)); h.Range != want {
		t.Fatalf("hover range %v, want %v (the sentence in the open version)", h.Range, want)
	}
	var fb FactBoxResult
	c.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}, &fb)
	if fb.Version != 1 || fb.Document != a1.FactBox || fb.Sentence == nil || *fb.Sentence != a1.Sentences[1].FactBox {
		t.Fatalf("factBox %+v, want the first version's", fb)
	}
	release()
	c.diagnostics(uri, 2)
	c.result(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}}, &fb)
	if fb.Version != 2 {
		t.Fatalf("factBox version %d after the analysis, want 2", fb.Version)
	}
}
