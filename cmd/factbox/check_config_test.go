package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (slash paths relative to dir) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// summaryOf returns the last line of the text report of file, which names
// the thresholds in force and the counts.
func summaryOf(out, file string) string {
	blocks := strings.Split(out, "\n\n")
	for _, b := range blocks {
		if strings.Contains(b, file+": Level") {
			lines := strings.Split(strings.TrimSpace(b), "\n")
			return strings.TrimSpace(lines[len(lines)-1])
		}
	}
	return ""
}

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	two := hardOne + "\n\n" + hardTwo + "\n"
	writeTree(t, dir, map[string]string{
		".factbox.toml":         "hardLevel = 11\nveryHardLevel = 20\nexclude = ['vendor/**']\nignore = ['^Studies of']\n",
		"a.md":                  two,
		"vendor/lib.md":         two,
		"docs/.factbox.toml":    "minWords = 100\n",
		"docs/b.md":             two,
		"quiet/.factbox.toml":   "diagnostics = false\n",
		"quiet/c.md":            two,
		"bad/.factbox.toml":     "hardLevel = 3\nminWords = 'ten'\n",
		"bad/d.md":              two,
		"bad/e.md":              two,
		"elsewhere/other.toml":  "veryHardLevel = 30\n",
		"over/.factbox.toml":    "hardLevel = 10\n[[overrides]]\nfiles = ['legal/**']\nveryHardLevel = 40\n",
		"over/legal/terms/f.md": two,
		"over/g.md":             two,
	})
	t.Chdir(dir)
	tests := []struct {
		name   string
		args   []string
		code   int
		want   map[string]string // file → its summary line, "" for no report
		stderr []string
	}{
		{name: "each file its nearest config", args: []string{"a.md", "docs/b.md", "quiet/c.md", "over/g.md", "over/legal/terms/f.md"}, code: 0, want: map[string]string{
			"a.md":                  "1 very hard, 0 hard of 2 sentences (hard from grade 11, very hard from 20, at 14 words or more)",
			"docs/b.md":             "0 very hard, 0 hard of 2 sentences (hard from grade 10, very hard from 14, at 100 words or more)",
			"quiet/c.md":            "0 very hard, 0 hard of 2 sentences (hard from grade 10, very hard from 14, at 14 words or more)",
			"over/g.md":             "1 very hard, 1 hard of 2 sentences (hard from grade 10, very hard from 14, at 14 words or more)",
			"over/legal/terms/f.md": "0 very hard, 2 hard of 2 sentences (hard from grade 10, very hard from 40, at 14 words or more)",
		}},
		{name: "flags win over the config", args: []string{"--very-hard-level", "12", "a.md"}, want: map[string]string{
			"a.md": "1 very hard, 0 hard of 2 sentences (hard from grade 11, very hard from 12, at 14 words or more)"}},
		{name: "no config", args: []string{"--no-config", "a.md", "docs/b.md"}, want: map[string]string{
			"a.md":      "1 very hard, 1 hard of 2 sentences (hard from grade 10, very hard from 14, at 14 words or more)",
			"docs/b.md": "1 very hard, 1 hard of 2 sentences (hard from grade 10, very hard from 14, at 14 words or more)"}},
		{name: "one config for all", args: []string{"--config", "elsewhere/other.toml", "a.md", "docs/b.md"}, want: map[string]string{
			"a.md":      "0 very hard, 2 hard of 2 sentences (hard from grade 10, very hard from 30, at 14 words or more)",
			"docs/b.md": "0 very hard, 2 hard of 2 sentences (hard from grade 10, very hard from 30, at 14 words or more)"}},
		{name: "excluded file is skipped", args: []string{"vendor/lib.md", "a.md"}, want: map[string]string{
			"vendor/lib.md": "", "a.md": "1 very hard, 0 hard of 2 sentences (hard from grade 11, very hard from 20, at 14 words or more)"},
			stderr: []string{"factbox check: vendor/lib.md: excluded by " + filepath.Join(dir, ".factbox.toml") + "; skipped"}},
		{name: "bad config fails its files only, reported once", args: []string{"bad/d.md", "a.md", "bad/e.md"}, code: 2, want: map[string]string{
			"bad/d.md": "", "bad/e.md": "", "a.md": "1 very hard, 0 hard of 2 sentences (hard from grade 11, very hard from 20, at 14 words or more)"},
			stderr: []string{"factbox check: " + filepath.Join(dir, "bad", ".factbox.toml") + ":2:12: minWords must be a whole number, not a TOML string"}},
		{name: "missing --config file", args: []string{"--config", "nope.toml", "a.md"}, code: 2, want: map[string]string{"a.md": ""},
			stderr: []string{"factbox check: " + filepath.Join(dir, "nope.toml") + ": cannot read: "}},
		{name: "--config with --no-config", args: []string{"--config", "x", "--no-config", "a.md"}, code: 2, want: map[string]string{"a.md": ""},
			stderr: []string{"factbox check: --config and --no-config do not go together"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", append([]string{"check"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr %q", code, tt.code, stderr)
			}
			for file, want := range tt.want {
				if got := summaryOf(out, file); got != want {
					t.Errorf("%s: %q\nwant %q", file, got, want)
				}
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(tt.stderr) == 0 && stderr != "" {
				t.Errorf("stderr %q, want none", stderr)
			}
			if len(tt.stderr) > 0 && len(lines) != len(tt.stderr) {
				t.Errorf("stderr %q, want %d lines", stderr, len(tt.stderr))
			}
			for i, want := range tt.stderr {
				if i < len(lines) && !strings.HasPrefix(lines[i], want) {
					t.Errorf("stderr line %d: %q, want it to start %q", i, lines[i], want)
				}
			}
		})
	}
	t.Run("standard input takes the current folder's config", func(t *testing.T) {
		out, _, _ := runCLI(t, two, "check", "-")
		if got := summaryOf(out, "standard input"); !strings.Contains(got, "very hard from 20") {
			t.Errorf("summary %q, want the thresholds of %s", got, filepath.Join(dir, ".factbox.toml"))
		}
	})
}
