package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// referencePath is the reference document, beside the repository in shared/.
const referencePath = "../../../shared/fixtures/000_0004cf68decdbf28.txt"

// referenceText returns the reference document without its ten-line fact box header.
func referenceText(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(referencePath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("reference document: %v", err)
		}
		t.Skipf("reference document not found beside the repository: %v", err)
	}
	lines := strings.SplitAfterN(string(data), "\n", 11)
	if len(lines) < 11 || !strings.HasPrefix(lines[0], "Fact Box") {
		t.Fatalf("%s: no ten-line fact box header", referencePath)
	}
	return lines[10]
}

// jsonReport is the whole JSON report, as jsonStream writes it.
type jsonReport struct {
	Options jsonOptions `json:"options"`
	Files   []jsonFile  `json:"files"`
}

// runCLI runs the factbox command in-process.
func runCLI(t testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestReferenceFactBox pins our numbers on the document the product was born
// from to its stated fact box: Level 14.111, Tokens 980, Types 427, TTR 0.436.
func TestReferenceFactBox(t *testing.T) {
	out, stderr, code := runCLI(t, referenceText(t), "check", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	fb := rep.Files[0].FactBox
	t.Logf("Level %.3f Tokens %d Types %d TTR %.3f Sentences %d", fb.Level, fb.Tokens, fb.Types, fb.TTR, fb.Sentences)
	within := func(what string, got, want, tol float64) {
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %v, want %v ± %v", what, got, want, tol)
		}
	}
	within("Tokens", float64(fb.Tokens), 980, 9.8)
	within("Types", float64(fb.Types), 427, 4.27)
	within("TTR", fb.TTR, 0.436, 0.005)
	within("Level", fb.Level, 14.111, 1.0)
}

func TestCheckGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"text", []string{"check", "testdata/sample.md"}, "sample.txt.golden"},
		{"json", []string{"check", "--format", "json", "testdata/sample.md"}, "sample.json.golden"},
		{"plain markup", []string{"check", "--markup", "plain", "testdata/sample.md"}, "sample-plain.txt.golden"},
		{"thresholds", []string{"check", "testdata/sample.md", "--hard-level", "6", "--very-hard-level", "9", "--min-words", "5"}, "sample-strict.txt.golden"},
		{"hints", []string{"check", "--hints", "testdata/sample.md"}, "sample-hints.txt.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit code %d, stderr %q", code, stderr)
			}
			golden(t, filepath.Join("testdata", tt.golden), out)
		})
	}
}

// golden compares got with the named file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/factbox -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	easy := write("easy.txt", "The cat sat on the mat. It was warm.\n")
	hard := write("hard.txt", "Notwithstanding considerable institutional opposition, the administration systematically implemented comprehensive organizational restructuring initiatives throughout the international subsidiaries.\n")
	tests := []struct {
		name      string
		args      []string
		stdin     string
		code      int
		stderrHas string
		stdoutHas string
		usage     bool // a usage error, followed by the usage text
	}{
		{name: "easy passes", args: []string{"check", "--fail-on", "hard", easy}, code: 0},
		{name: "hard fails on hard", args: []string{"check", "--fail-on", "hard", hard}, code: 1, stdoutHas: "very-hard"},
		{name: "hard passes without fail-on", args: []string{"check", hard}, code: 0},
		{name: "very-hard fails", args: []string{"check", hard, "--fail-on=very-hard"}, code: 1},
		{name: "stdin", args: []string{"check", "-"}, stdin: "One two three.", code: 0, stdoutHas: "Tokens 3"},
		{name: "no files", args: []string{"check"}, code: 2, stderrHas: "no files", usage: true},
		{name: "bad fail-on", args: []string{"check", "--fail-on", "sometimes", easy}, code: 2, stderrHas: "--fail-on"},
		{name: "bad format", args: []string{"check", "--format", "xml", easy}, code: 2, stderrHas: "--format"},
		{name: "unknown flag", args: []string{"check", "--colour", easy}, code: 2, stderrHas: "colour", usage: true},
		{name: "unknown command", args: []string{"chek"}, code: 2, stderrHas: "unknown command", usage: true},
		{name: "missing file, others still checked", args: []string{"check", filepath.Join(dir, "nope.txt"), easy}, code: 2, stderrHas: "no such file", stdoutHas: "easy.txt"},
		{name: "folder is walked", args: []string{"check", dir}, code: 0, stderrHas: "invalid UTF-8", stdoutHas: "hard.txt"},
		{name: "binary", args: []string{"check", write("bin.dat", "\x7fELF\x00\x00\x01"), easy}, code: 2, stderrHas: "binary file", stdoutHas: "easy.txt"},
		{name: "invalid UTF-8 is read", args: []string{"check", write("latin1.txt", "Caf\xe9 au lait. Tr\xe8s bon.")}, code: 0, stderrHas: "invalid UTF-8 at byte 3", stdoutHas: "Tokens"},
		{name: "empty file", args: []string{"check", write("empty.txt", "")}, code: 0, stdoutHas: "Tokens 0"},
		{name: "flags after files", args: []string{"check", easy, "--format", "json"}, code: 0, stdoutHas: `"tokens"`},
		{name: "after --, a dash file name", args: []string{"check", "--", write("-odd.txt", "Hi there.")}, code: 0, stdoutHas: "-odd.txt"},
		{name: "json error entry", args: []string{"check", "--format", "json", filepath.Join(dir, "nope.txt")}, code: 2, stdoutHas: `"error"`},
		{name: "json of no file", args: []string{"check", "--format", "json", filepath.Join(dir, "nope.txt"), filepath.Join(dir, "nope2.txt")}, code: 2, stdoutHas: `nope2.txt"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, tt.stdin, tt.args...)
			if slices.Contains(tt.args, "json") && !json.Valid([]byte(out)) {
				t.Errorf("invalid JSON: %s", out)
			}
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderrHas) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderrHas)
			}
			if !strings.Contains(out, tt.stdoutHas) {
				t.Errorf("stdout %q lacks %q", out, tt.stdoutHas)
			}
			if !tt.usage && strings.Count(stderr, "\n") > 2 {
				t.Errorf("an error should take one line each, got %q", stderr)
			}
		})
	}
}

// TestCheckLargeFile feeds a 50 MB document through the command.
func TestCheckLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("large file")
	}
	// Easy sentences, so that the report stays short.
	para := "The committee met at noon. It read the plan and liked it.\nThey said yes.\n\n"
	text := strings.Repeat(para, 50<<20/len(para))
	out, stderr, code := runCLI(t, text, "check", "-")
	if code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "Sentences") {
		t.Errorf("no fact box in %q", out[:min(len(out), 500)])
	}
}
