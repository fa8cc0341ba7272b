package main

import (
	"regexp"
	"strings"
	"testing"
)

// singleDashLong finds a flag longer than one letter spelled with one dash.
var singleDashLong = regexp.MustCompile(`(^|\s)-[a-z][a-z-]+`)

func TestHelp(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  []string
		stderrHas  string
		onStdout   bool // the help goes to standard output
		checkFlags bool
	}{
		{name: "help check", args: []string{"help", "check"}, stdoutHas: []string{"Usage: factbox check", "--format format", "github", "sarif", "rdjson", "checkstyle", "--ext extensions", "--fail-on difficulty"}, onStdout: true, checkFlags: true},
		{name: "help serve", args: []string{"help", "serve"}, stdoutHas: []string{"Usage: factbox serve", "--log-file FILE", "\n  -v\n"}, onStdout: true, checkFlags: true},
		{name: "help syllables", args: []string{"help", "syllables"}, stdoutHas: []string{"Usage: factbox syllables"}, onStdout: true},
		{name: "help", args: []string{"help"}, stdoutHas: []string{"factbox help COMMAND"}, onStdout: true},
		{name: "help of nothing", args: []string{"help", "nope"}, code: 2, stderrHas: `unknown command "nope"`},
		{name: "check --help", args: []string{"check", "--help"}, stderrHas: "--very-hard-level level"},
		{name: "syllables --help", args: []string{"syllables", "--help"}, stderrHas: "Usage: factbox syllables"},
		{name: "syllables -h", args: []string{"syllables", "-h"}, stderrHas: "Usage: factbox syllables"},
		{name: "syllables with an argument", args: []string{"syllables", "word"}, code: 2, stderrHas: `unexpected argument "word"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			for _, want := range tt.stdoutHas {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			if !strings.Contains(stderr, tt.stderrHas) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderrHas)
			}
			if tt.onStdout && stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			if tt.checkFlags {
				if m := singleDashLong.FindString(out); m != "" {
					t.Errorf("a flag spelled with one dash: %q", m)
				}
			}
		})
	}
}
