package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// reportLine matches a hard sentence of the text report and captures its
// tier, its shown grade and the threshold it is shown against.
var reportLine = regexp.MustCompile(`: (hard|very-hard): grade (-?[0-9.]+) \(≥ ([0-9.]+)\)`)

// TestRealFilesReportTiers runs check on real files (see
// analysis/testdata/realfiles/README.md) with the default thresholds and with
// thresholds set just above grades that would round up onto them, and checks
// that no grade in the text report reads as a tier it does not reach.
func TestRealFilesReportTiers(t *testing.T) {
	paths, err := filepath.Glob("../../analysis/testdata/realfiles/*")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, p := range paths {
		if filepath.Base(p) == "README.md" {
			continue // the sources and licences of the others
		}
		settings := [][]string{{}}
		out, _, _ := runCLI(t, "", "check", "--format", "json", p)
		var rep jsonReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		for _, s := range rep.Files[0].Sentences {
			up, _ := strconv.ParseFloat(strconv.FormatFloat(s.Level, 'f', 1, 64), 64)
			if up > s.Level && s.Words >= 14 && len(settings) < 6 {
				v := strconv.FormatFloat(up, 'f', -1, 64)
				settings = append(settings, []string{"--very-hard-level", v}, []string{"--hard-level", v, "--very-hard-level", "99"})
			}
		}
		for _, extra := range settings {
			args := append([]string{"check"}, extra...)
			out, stderr, code := runCLI(t, "", append(args, p)...)
			if code != 0 {
				t.Fatalf("check %v: exit %d, %s", args, code, stderr)
			}
			hard, veryHard := 10.0, 14.0
			for i := 0; i+1 < len(extra); i += 2 {
				v, _ := strconv.ParseFloat(extra[i+1], 64)
				if extra[i] == "--hard-level" {
					hard = v
				} else {
					veryHard = v
				}
			}
			for _, m := range reportLine.FindAllStringSubmatch(out, -1) {
				checked++
				grade, _ := strconv.ParseFloat(m[2], 64)
				threshold, _ := strconv.ParseFloat(m[3], 64)
				if grade < threshold || m[1] == "hard" && grade >= veryHard || m[1] == "very-hard" && threshold != veryHard || m[1] == "hard" && threshold != hard {
					t.Errorf("%s %v: %q contradicts its tier (hard from %v, very hard from %v)", filepath.Base(p), extra, m[0], hard, veryHard)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no hard sentence in any report; the test proves nothing")
	}
}
