package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// stdinMarkdown is Markdown whose front matter, read as plain text, makes a
// hard sentence out of its keys and its heading.
const stdinMarkdown = "---\ntitle: Release notes for the spring version of the municipal water quality monitoring dashboard\nauthor: someone\n---\n# Notes\n\nThe dashboard is faster.\n"

func TestCheckStdinFilename(t *testing.T) {
	for _, tt := range []struct {
		name    string
		args    []string
		code    int
		has     []string
		hasNot  []string
		errHas  string
		sents   int // sentences in the JSON report, when --format json
		markup  string
		fileKey string
	}{
		{name: "markdown by its extension", args: []string{"check", "--stdin-filename", "docs/notes.md", "-"},
			has: []string{"docs/notes.md: Level", "Sentences 2 "}, hasNot: []string{"standard input", "read as plain text", "hard: grade"}},
		{name: "plain by its extension", args: []string{"check", "--stdin-filename", "notes.txt", "-"},
			has: []string{"notes.txt: Level", "notes.txt:2:1-5:8: hard: grade"}, hasNot: []string{"read as plain text by default"}},
		{name: "no name says how it was read", args: []string{"check", "-"},
			has: []string{"standard input: read as plain text by default", "--stdin-filename NAME.md", "standard input: Level"}},
		{name: "markup flag needs no notice", args: []string{"check", "--markup", "markdown", "-"},
			has: []string{"standard input: Level", "Sentences 2 "}, hasNot: []string{"by default", "hard: grade"}},
		{name: "markup flag wins over the name", args: []string{"check", "--markup", "plain", "--stdin-filename", "a.md", "-"},
			has: []string{"a.md: Level", "a.md:2:1-5:8: hard: grade"}},
		{name: "json names the file and its markup", args: []string{"check", "--format", "json", "--stdin-filename", "a.md", "-"},
			sents: 2, markup: "markdown", fileKey: "a.md"},
		{name: "name without standard input", args: []string{"check", "--stdin-filename", "a.md", "x.txt"},
			code: 2, errHas: "- is not among the files"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, stdinMarkdown, tt.args...)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.errHas) {
				t.Errorf("stderr %q lacks %q", stderr, tt.errHas)
			}
			for _, h := range tt.has {
				if !strings.Contains(out, h) {
					t.Errorf("stdout lacks %q:\n%s", h, out)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(out, h) {
					t.Errorf("stdout has %q:\n%s", h, out)
				}
			}
			if tt.fileKey != "" {
				var rep jsonReport
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatal(err)
				}
				f := rep.Files[0]
				if f.File != tt.fileKey || f.Markup != tt.markup || len(f.Sentences) != tt.sents {
					t.Errorf("file %q markup %q with %d sentences, want %q %q %d", f.File, f.Markup, len(f.Sentences), tt.fileKey, tt.markup, tt.sents)
				}
			}
		})
	}
}
