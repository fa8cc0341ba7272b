package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// walkTree is the folder tree the walk tests run in: a Git working tree
// (.git/ is enough for factbox to find its root) with ignored, hidden and
// nested files. The tests chdir into it and use slash paths.
var walkTree = map[string]string{
	".git/info/exclude":        "secret.md\n",
	".gitignore":               "# build output\nbuild/\n*.tmp.md\n!keep.tmp.md\n/root-only.md\ntrailing.md   \n",
	"README.md":                "x",
	"root-only.md":             "x",
	"secret.md":                "x",
	"trailing.md":              "x",
	"keep.tmp.md":              "x",
	"drop.tmp.md":              "x",
	"notes.TXT":                "x",
	"style.css":                "x",
	".hidden.md":               "x",
	".github/CONTRIBUTING.md":  "x",
	"build/out.md":             "x",
	"docs/a.md":                "x",
	"docs/b.rst":               "x",
	"docs/root-only.md":        "x",
	"docs/.gitignore":          "sub/ignored.md\n",
	"docs/sub/ignored.md":      "x",
	"docs/sub/z.markdown":      "x",
	"docs/sub/deeper/c.md":     "x",
	"docs/Z-upper.md":          "x",
	"docs/build/nested/out.md": "x",
	"vendor/.gitignore":        "*\n",
	"vendor/lib/doc.md":        "x",
}

func makeWalkTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, walkTree)
	return dir
}

func TestExpandArgs(t *testing.T) {
	dir := makeWalkTree(t)
	if runtime.GOOS != "windows" {
		// A link to a folder is not followed; a link to a file is a file.
		if err := os.Symlink(filepath.Join(dir, "docs"), filepath.Join(dir, "docs-link")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(dir, "README.md"), filepath.Join(dir, "docs", "readme-link.md")); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	tests := []struct {
		name    string
		args    []string
		ext     string
		want    []string
		wantErr error
	}{
		{
			name: "whole tree",
			args: []string{"."},
			want: []string{
				"README.md", "docs/Z-upper.md", "docs/a.md", "docs/readme-link.md", "docs/root-only.md", "docs/sub/deeper/c.md",
				"docs/sub/z.markdown", "keep.tmp.md", "notes.TXT",
			},
		},
		{
			name: "a subfolder keeps the ignores of the folders above it",
			args: []string{"docs"},
			want: []string{"docs/Z-upper.md", "docs/a.md", "docs/readme-link.md", "docs/root-only.md", "docs/sub/deeper/c.md", "docs/sub/z.markdown"},
		},
		{
			name: "--ext",
			args: []string{"docs"},
			ext:  "rst, .MD",
			want: []string{"docs/Z-upper.md", "docs/a.md", "docs/b.rst", "docs/readme-link.md", "docs/root-only.md", "docs/sub/deeper/c.md"},
		},
		{
			name: "a folder inside one walked before adds nothing and is no error",
			args: []string{"docs/sub", "docs/sub/deeper"},
			want: []string{"docs/sub/deeper/c.md", "docs/sub/z.markdown"},
		},
		{
			name: "files named keep their order and are listed once",
			args: []string{"style.css", "docs/sub", "style.css", "-", "./docs/sub/z.markdown"},
			want: []string{"style.css", "docs/sub/deeper/c.md", "docs/sub/z.markdown", "-"},
		},
		{
			name: "a file named is read even when ignored",
			args: []string{"secret.md", "build/out.md"},
			want: []string{"secret.md", "build/out.md"},
		},
		{
			name: "** glob, without hidden or ignored files",
			args: []string{"**/*.md"},
			want: []string{
				"README.md", "docs/Z-upper.md", "docs/a.md", "docs/readme-link.md", "docs/root-only.md", "docs/sub/deeper/c.md",
				"keep.tmp.md",
			},
		},
		{
			name: "glob matching folders walks them",
			args: []string{"docs/s*"},
			want: []string{"docs/sub/deeper/c.md", "docs/sub/z.markdown"},
		},
		{
			name:    "a folder with nothing to check",
			args:    []string{"build"},
			ext:     "rst",
			wantErr: errEmptyFolder,
		},
		{
			name:    "glob matching nothing",
			args:    []string{"nothing/**/*.md"},
			wantErr: errNoMatch,
		},
		{
			name:    "glob matching only ignored files",
			args:    []string{"build/*.md"},
			wantErr: errNoMatch,
		},
		{
			name: "a name that does not exist is left for reading to report",
			args: []string{"missing.md"},
			want: []string{"missing.md"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ext := tt.ext
			if ext == "" {
				ext = defaultExtensions
			}
			exts, err := parseExtensions(ext)
			if err != nil {
				t.Fatal(err)
			}
			var errs []error
			got, walked := expandArgs(tt.args, exts, func(err error) { errs = append(errs, err) })
			for _, name := range got {
				if want := !slices.Contains(tt.args, name); walked[name] != want {
					t.Errorf("walked[%q] = %t, want %t", name, walked[name], want)
				}
			}
			for i := range got {
				got[i] = filepath.ToSlash(got[i])
			}
			if tt.wantErr != nil {
				if len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) {
					t.Errorf("errors %v, want %v", errs, tt.wantErr)
				}
			} else if len(errs) > 0 {
				t.Errorf("errors %v", errs)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParseExtensions(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      bool
	}{
		{name: "list", in: "md,txt", want: []string{".md", ".txt"}},
		{name: "dots, case and spaces", in: " .MD , Txt,,", want: []string{".md", ".txt"}},
		{name: "empty", in: " , ", err: true},
		{name: "a path", in: "md,a/b", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseExtensions(tt.in)
			if (err != nil) != tt.err {
				t.Fatalf("error %v, want error %v", err, tt.err)
			}
			var keys []string
			for k := range got {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, tt.want) {
				t.Errorf("got %q, want %q", keys, tt.want)
			}
		})
	}
}

// TestCheckFolderSummary checks a folder from the command line: every file
// reported, then the summary line.
func TestCheckFolderSummary(t *testing.T) {
	dir := makeWalkTree(t)
	t.Chdir(dir)
	if err := os.WriteFile("docs/a.md", []byte("Notwithstanding considerable institutional opposition, the administration systematically implemented comprehensive organizational restructuring initiatives throughout the international subsidiaries.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "", "check", "docs", "--fail-on", "hard")
	if code != 1 {
		t.Errorf("exit code %d, want 1; stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := "5 files · 5 sentences · 1 very hard · 0 hard · worst: " + filepath.FromSlash("docs/a.md") + " (1 very hard, 0 hard)"
	if last := lines[len(lines)-1]; last != want {
		t.Errorf("last line %q, want %q", last, want)
	}
	if want := "factbox check: 1 hard or very hard sentence (--fail-on hard)\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// TestCheckFolderConfig checks a folder whose .factbox.toml excludes some
// files: found in the folder, they are left out quietly; named, they are
// left out with a line saying why. The files found get their config.
func TestCheckFolderConfig(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".factbox.toml":   "minWords = 100\nexclude = ['drafts/**']\n",
		"a.md":            hardOne + "\n",
		"drafts/b.md":     hardOne + "\n",
		"drafts/sub/c.md": hardOne + "\n",
	})
	t.Chdir(dir)
	out, stderr, code := runCLI(t, "", "check", ".")
	if code != 0 || stderr != "" {
		t.Errorf("check .: exit code %d, stderr %q", code, stderr)
	}
	if strings.Contains(out, "drafts") || !strings.Contains(out, "a.md: Level") {
		t.Errorf("check . reports:\n%s", out)
	}
	if !strings.Contains(out, "at 100 words or more") {
		t.Errorf("the folder's config does not apply:\n%s", out)
	}
	_, stderr, _ = runCLI(t, "", "check", filepath.Join("drafts", "b.md"))
	if !strings.Contains(stderr, "excluded by") {
		t.Errorf("a named excluded file: stderr %q", stderr)
	}
}
