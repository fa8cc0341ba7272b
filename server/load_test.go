package server

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

var loadEdits = flag.Int("load-edits", 0, "edits in TestLoadEditStorm (default 300, or 150 in -short mode; make bench runs 3000)")

// loadText returns about size bytes of prose in paragraphs, easy, hard and
// very hard sentences mixed, with multi-byte characters on some lines. It
// needs no fixture, so the load test runs everywhere.
func loadText(size int) string {
	sentences := []string{
		"It was a fine day.",
		"The interdepartmental administrative considerations notwithstanding, comprehensive reorganization necessitated extraordinary collaboration among institutional stakeholders.",
		"Ça coûte 😀 peu, and the café served crêpes to everyone who came along that morning.",
		"Nobody would say that the coordination of the regional committees was simple, although most of them tried very hard to make it work.",
		"She laughed.",
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Paragraph %d. ", i)
		for j := range 4 {
			b.WriteString(sentences[(i+j)%len(sentences)])
			b.WriteString(" ")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestLoadEditStorm is the load test of issue 9, over the real binary: one-
// character edits to a 1 MB document are written as fast as the pipe takes
// them, with a hover and a factbox/factBox after every tenth edit. It checks
// that
//
//   - every hover and factBox is answered, and some factBox answers describe
//     a version older than the one open when it was asked: they were
//     answered from the newest finished analysis, not after waiting for one;
//   - publications keep coming during the storm, in increasing versions;
//   - the last publication is for the last version and equals a fresh
//     analysis of the final text.
//
// It logs the round trips and the intervals between publications; the
// targets are checked by benchmarks, not here. -load-edits=3000 (make bench)
// runs the long version.
func TestLoadEditStorm(t *testing.T) {
	edits := *loadEdits
	if edits == 0 {
		edits = 300
		if testing.Short() {
			edits = 150
		}
	}
	text := loadText(1 << 20)
	p := startBinary(t)
	p.initialize(nil, nil)
	const uri = "file:///storm.txt"
	p.open(uri, "plaintext", 1, text)
	p.diagnosticsWithin(uri, 1, time.Minute)

	lines := strings.Count(text, "\n")
	var line uint32
	type query struct {
		id      string
		version int32
		sent    time.Time
		factBox bool
	}
	var queries []query
	var stormStart time.Time
	version := int32(1)
	for i := range edits {
		version++
		if i == 0 {
			stormStart = time.Now()
		}
		// Insert an x at the start of a line, then delete it.
		if version%2 == 0 {
			line = uint32(i * 7919 % lines)
			p.change(uri, version, *rng(line, 0, line, 0), "x")
			text = editLine(text, int(line), "x")
		} else {
			p.change(uri, version, *rng(line, 0, line, 1), "")
			text = editLine(text, int(line), "")
		}
		if i%10 == 9 {
			at := pos(line, 3)
			queries = append(queries,
				query{p.start("textDocument/hover", hoverParams(uri, at)), version, time.Now(), false},
				query{p.start(MethodFactBox, map[string]any{"textDocument": map[string]any{"uri": uri}, "position": at}), version, time.Now(), true})
		}
	}
	stormEnd := time.Now()

	var roundTrips []time.Duration
	older, lastVersion := 0, int32(0)
	for _, q := range queries {
		m := p.wait(q.id)
		roundTrips = append(roundTrips, time.Since(q.sent))
		if m.Error != nil || string(m.Result) == "null" {
			t.Fatalf("query at version %d: %+v", q.version, m)
		}
		if !q.factBox {
			continue
		}
		var fb FactBoxResult
		if err := json.Unmarshal(m.Result, &fb); err != nil {
			t.Fatal(err)
		}
		if fb.Version > q.version || fb.Version < lastVersion {
			t.Fatalf("factBox asked at version %d describes version %d, after one of version %d", q.version, fb.Version, lastVersion)
		}
		lastVersion = fb.Version
		if fb.Version < q.version {
			older++
		}
	}
	final := p.diagnosticsWithin(uri, version, time.Minute)
	settled := time.Since(stormEnd)
	sameDiagnostics(t, "after the storm", final.Diagnostics, freshDiagnostics(t, text, DefaultSettings().docConfig("plaintext").opts))

	published := p.publishedVersions(uri)
	if !slices.IsSorted(published) || len(slices.Compact(slices.Clone(published))) != len(published) {
		t.Fatalf("published versions not increasing: %v", published)
	}
	if len(queries) > 0 && older == 0 {
		t.Errorf("every factBox described the version open when it was asked: did they wait for analyses?")
	}
	during := len(published) - 2 // less the open and the final version
	if during < 1 {
		t.Errorf("published versions %v: nothing during the storm of %d edits", published, edits)
	}
	slices.Sort(roundTrips)
	t.Logf("%d edits in %s; %d publications during the storm, the last version's %s after it; %d of %d factBox answers from an older version; query round trip p50 %s, p95 %s",
		edits, stormEnd.Sub(stormStart).Round(time.Millisecond), during, settled.Round(time.Millisecond), older, len(queries)/2,
		percentile(roundTrips, 50), percentile(roundTrips, 95))
	p.call("shutdown", nil)
	p.notify("exit", nil)
	p.exitCode()
}

// editLine inserts insert at the start of line, or with insert "" deletes
// the line's first byte.
func editLine(text string, line int, insert string) string {
	m := NewMapper(text, UTF16)
	off, err := m.PositionOffset(protocol.Position{Line: uint32(line)})
	if err != nil {
		panic(err)
	}
	if insert == "" {
		return text[:off] + text[off+1:]
	}
	return text[:off] + insert + text[off:]
}

// percentile returns the p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)].Round(10 * time.Microsecond)
}
