package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFormats feeds arbitrary text to check in each CI format and checks
// that every report is well-formed (JSON, XML, one workflow command a line),
// that the four formats report the same sentences, and that rdjson's byte
// columns and SARIF's character columns name the same places in the text.
func FuzzFormats(f *testing.F) {
	for _, name := range formatFiles {
		data, err := os.ReadFile(filepath.Clean(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"First line.\r\nNotwithstanding considerable institutional opposition, the administration systematically implemented comprehensive organizational restructuring initiatives throughout the international subsidiaries.\r\n",
		"𐐀 😀 é 東京 Notwithstanding considerable institutional opposition, the administration systematically implemented comprehensive\rorganizational restructuring initiatives throughout the international subsidiaries.",
		"Caf\xe9 notwithstanding considerable institutional opposition, the administration systematically implemented comprehensive organizational %0A restructuring: initiatives, throughout the international subsidiaries.\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
			return // binary: refused before any format is involved
		}
		input := string(data)
		run := func(format string) string {
			out, stderr, code := runCLI(t, input, "check", "--format", format, "--markup", "plain", "-")
			if code != 0 {
				t.Fatalf("%s: exit code %d, stderr %q", format, code, stderr)
			}
			return out
		}

		var sarif struct {
			Runs []struct {
				Results []struct {
					RuleID    string
					Locations []struct {
						PhysicalLocation struct {
							Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
						}
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(run("sarif")), &sarif); err != nil {
			t.Fatalf("sarif: %v", err)
		}
		var rd rdjsonResult
		if err := json.Unmarshal([]byte(run("rdjson")), &rd); err != nil {
			t.Fatalf("rdjson: %v", err)
		}
		cs := run("checkstyle")
		if err := xmlValid([]byte(cs)); err != nil {
			t.Fatalf("checkstyle: %v\n%s", err, cs)
		}
		gh := strings.Split(strings.TrimSuffix(run("github"), "\n"), "\n")
		for _, l := range gh[:len(gh)-1] {
			if !strings.HasPrefix(l, "::notice file=") && !strings.HasPrefix(l, "::warning file=") {
				t.Fatalf("github: not a workflow command: %q", l)
			}
		}
		if last := gh[len(gh)-1]; !strings.HasPrefix(last, "factbox: ") {
			t.Fatalf("github: last line %q is not the summary", last)
		}

		results := sarif.Runs[0].Results
		n := len(results)
		if len(rd.Diagnostics) != n || len(gh)-1 != n || strings.Count(cs, "<error ") != n {
			t.Fatalf("sarif %d, rdjson %d, github %d, checkstyle %d findings", n, len(rd.Diagnostics), len(gh)-1, strings.Count(cs, "<error "))
		}
		lines := splitLines(input)
		for i, r := range results {
			reg := r.Locations[0].PhysicalLocation.Region
			d := rd.Diagnostics[i]
			if d.Code.Value != r.RuleID || d.Location.Range.Start.Line != reg.StartLine || d.Location.Range.End.Line != reg.EndLine {
				t.Fatalf("finding %d: rdjson %+v, sarif %+v", i, d, r)
			}
			for _, p := range []struct{ line, char, byte int }{
				{reg.StartLine, reg.StartColumn, d.Location.Range.Start.Column},
				{reg.EndLine, reg.EndColumn, d.Location.Range.End.Column},
			} {
				if p.line < 1 || p.line > len(lines) {
					t.Fatalf("finding %d: line %d of %d", i, p.line, len(lines))
				}
				line := lines[p.line-1]
				if p.byte < 1 || p.byte-1 > len(line) {
					t.Fatalf("finding %d: byte column %d on a line of %d bytes", i, p.byte, len(line))
				}
				if got := 1 + utf8.RuneCountInString(line[:p.byte-1]); got != p.char {
					t.Fatalf("finding %d: byte column %d is character %d, sarif says %d (line %q)", i, p.byte, got, p.char, line)
				}
			}
		}
	})
}

// splitLines splits text at "\n", "\r\n" and a lone "\r", as analysis.Lines does.
func splitLines(text string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, text[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, text[start:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(lines, text[start:])
}
