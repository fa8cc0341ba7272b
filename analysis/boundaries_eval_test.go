package analysis

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// boundaryCase is one line of a JSON Lines file in testdata/boundaries: a
// plain-text input and the text of each sentence it holds, white space
// collapsed and trimmed.
type boundaryCase struct {
	Name string   `json:"name"`
	Text string   `json:"text"`
	Want []string `json:"want"`
}

// boundaryFloors is the least strict accuracy each evaluation file must
// reach. A file not listed here must reach boundaryDefaultFloor.
var boundaryFloors = map[string]float64{
	"dev.jsonl":     0.95,
	"heldout.jsonl": 0.95,
}

const boundaryDefaultFloor = 0.95

// collapseSpace trims s and folds every run of white space into one space.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// boundarySentences returns the text of every sentence Analyze finds in text,
// read as plain text, white space collapsed.
func boundarySentences(text string) []string {
	doc := Analyze(text, DefaultOptions())
	out := make([]string, 0, len(doc.Sentences))
	for _, s := range doc.Sentences {
		out = append(out, collapseSpace(text[s.Span.Start:s.Span.End]))
	}
	return out
}

// readBoundaryCases reads one JSON Lines file, skipping blank lines.
func readBoundaryCases(t *testing.T, path string) []boundaryCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []boundaryCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c boundaryCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if c.Name == "" {
			t.Fatalf("%s:%d: a case needs a name", path, n)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestBoundaryEval scores the splitter on every testdata/boundaries/*.jsonl:
// a case is right only if the list of its sentences equals the expected list
// exactly (strict accuracy, as in the "golden rules" evaluations of sentence
// segmenters). It logs the accuracy of each file, lists the failures with -v,
// and fails when a file falls below its floor. Run:
//
//	go test ./analysis -run BoundaryEval -v
func TestBoundaryEval(t *testing.T) {
	files, err := filepath.Glob("testdata/boundaries/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no evaluation files in testdata/boundaries")
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".jsonl"), func(t *testing.T) {
			cases := readBoundaryCases(t, path)
			if len(cases) == 0 {
				t.Fatalf("%s holds no cases", name)
			}
			right := 0
			for _, c := range cases {
				want := make([]string, len(c.Want))
				for i, w := range c.Want {
					want[i] = collapseSpace(w)
				}
				got := boundarySentences(c.Text)
				if slices.Equal(got, want) {
					right++
					continue
				}
				t.Logf("MISS %s: %q\n  got  %q\n  want %q", c.Name, c.Text, got, want)
			}
			acc := float64(right) / float64(len(cases))
			floor, ok := boundaryFloors[name]
			if !ok {
				floor = boundaryDefaultFloor
			}
			t.Logf("%s: %d of %d right, strict accuracy %.3f (floor %.2f)", name, right, len(cases), acc, floor)
			if acc < floor {
				t.Errorf("%s: strict accuracy %.3f is below its floor %.2f", name, acc, floor)
			}
		})
	}
}
