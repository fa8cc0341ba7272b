package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestAppendIndented(t *testing.T) {
	for _, src := range []string{
		`{"a":1,"b":[1,2,{"c":"x\"]}{,:"}],"d":{},"e":[],"f":"\\"}`,
		`[]`, `{}`, `"s"`, `12`, `[[[[[[[[[[[[[[[1,{"deep":[2]}]]]]]]]]]]]]]]]`, `[{"range":{"start":{"line":1}}},{"hints":[]}]`,
	} {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(src), "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, []byte(src), "    ", "  "); string(got) != want.String() {
			t.Errorf("appendIndented(%s):\n%s\nwant\n%s", src, got, want.String())
		}
	}
}

// FuzzAppendIndented checks appendIndented against json.Indent on what
// encoding/json makes of any string and number in a report-like value.
func FuzzAppendIndented(f *testing.F) {
	f.Add("Hard \"quoted\" text, with: {braces} and [brackets]\\", 3, 1.5)
	f.Add("", 0, 0.0)
	f.Add("\x00\u2028é\xff", -1, 1e300)
	f.Fuzz(func(t *testing.T, s string, n int, x float64) {
		v := map[string]any{"text": s, "n": n, "list": []any{s, n, map[string]any{}, []int{}}, "nested": map[string]any{s: []string{s}}}
		if x == x && x-x == 0 { // finite: encoding/json refuses NaN and infinities
			v["x"] = x
		}
		src, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, src, "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, src, "  ", "  "); string(got) != want.String() {
			t.Fatalf("appendIndented(%s):\n%s\nwant\n%s", src, got, want.String())
		}
	})
}
