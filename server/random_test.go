package server

import (
	"flag"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

var (
	randomSeed  = flag.Uint64("seed", 1, "seed of TestRandomEdits")
	randomEdits = flag.Int("edits", 600, "number of edits in TestRandomEdits")
)

// randomPieces are what random edits insert: multi-byte characters, line
// breaks of every kind, words, and sentence ends.
var randomPieces = []string{
	"a", "é", "😀", "𐐀", "中文", " ", "\n", "\r\n", "\n\n", "\r", ". ", "? ",
	"word ", "Extraordinarily ", "incomprehensible ", "notwithstanding ", "the ", "# ", "- ", "*emphasis* ",
	"The interdepartmental administrative considerations notwithstanding, comprehensive reorganization " +
		"necessitated extraordinary collaboration among institutional stakeholders. ",
	"It was fine. ",
}

// randomIndex returns a random index into text (UTF-16 code units) that does
// not split a surrogate pair.
func randomIndex(rnd *rand.Rand, text []uint16) int {
	i := rnd.IntN(len(text) + 1)
	for i > 0 && i < len(text) && text[i] >= 0xDC00 && text[i] <= 0xDFFF {
		i--
	}
	return i
}

// indexPosition returns the position of index i in text, counting lines the
// LSP way; between CR and LF is the end of the line before.
func indexPosition(text []uint16, i int) protocol.Position {
	line, start := 0, 0
	for j := 0; j < i; j++ {
		if text[j] == '\n' || (text[j] == '\r' && (j+1 >= len(text) || text[j+1] != '\n')) {
			line, start = line+1, j+1
		}
	}
	p := pos(uint32(line), uint32(i-start))
	if i > 0 && text[i-1] == '\r' && i < len(text) && text[i] == '\n' {
		p.Character--
	}
	return p
}

// TestRandomEdits makes hundreds of random incremental edits, in bursts the
// server coalesces, and checks that the server's text is the expected text,
// that it never published an older version after a newer one, and that its
// last diagnostics are those of a fresh analysis of the final text.
func TestRandomEdits(t *testing.T) {
	start := "Introduction.\r\n\r\nThis is the first paragraph, it is not hard. Nobody would say that the administrative considerations of interdepartmental coordination are comprehensible without extraordinary effort.\n\n"
	for _, language := range []string{"plaintext", "markdown"} {
		t.Run(language, func(t *testing.T) {
			rnd := rand.New(rand.NewPCG(*randomSeed, 0))
			c, s, _ := inProcess(t)
			c.initialize(nil, nil)
			uri := "file:///random." + language
			c.open(uri, language, 0, start)
			want := utf16.Encode([]rune(start))
			version := int32(0)
			for version < int32(*randomEdits) {
				var changes []any
				for range 1 + rnd.IntN(3) {
					i := randomIndex(rnd, want)
					j := i
					if rnd.IntN(3) == 0 { // delete a few code units
						j = min(i+rnd.IntN(12), len(want))
						for j < len(want) && want[j] >= 0xDC00 && want[j] <= 0xDFFF {
							j++
						}
					}
					r := protocol.Range{Start: indexPosition(want, i), End: indexPosition(want, j)}
					if rnd.IntN(20) == 0 {
						r.End.Character = 1 << 20 // past the end of the line: clamped
					}
					var insert strings.Builder
					for range rnd.IntN(5) {
						insert.WriteString(randomPieces[rnd.IntN(len(randomPieces))])
					}
					next, ok := refApply(want, r, insert.String())
					if !ok {
						t.Fatalf("reference rejects %v (indexes %d %d) in %q", r, i, j, string(utf16.Decode(want[max(0, i-20):min(len(want), j+20)])))
					}
					want = next
					changes = append(changes, map[string]any{"range": r, "text": insert.String()})
				}
				version++
				c.notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": uri, "version": version},
					"contentChanges": changes,
				})
				if rnd.IntN(25) == 0 && version < int32(*randomEdits) { // now and then, let the server catch up
					c.diagnostics(uri, version)
				}
			}
			got := c.diagnostics(uri, version)

			wantText := string(utf16.Decode(want))
			d, err := s.store.Get(uri)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text() != wantText {
				t.Fatalf("server text after %d edits:\n%q\nwant:\n%q", version, d.Text(), wantText)
			}
			opts := DefaultSettings().docConfig(language).opts
			sameDiagnostics(t, "after random edits", got.Diagnostics, freshDiagnostics(t, wantText, opts))
			if a, _ := d.Analysis(); a.FactBox != analysis.Analyze(wantText, opts).FactBox {
				t.Fatalf("reanalysed fact box %+v, fresh %+v", a.FactBox, analysis.Analyze(wantText, opts).FactBox)
			}
			versions := c.publishedVersions(uri)
			for i := 1; i < len(versions); i++ {
				if versions[i] <= versions[i-1] {
					t.Fatalf("published version %d after %d", versions[i], versions[i-1])
				}
			}
			t.Logf("%d edits, %d publications, final text %d bytes, %d diagnostics", version, len(versions), len(wantText), len(got.Diagnostics))
		})
	}
}
