package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
)

func TestParseFull(t *testing.T) {
	data, err := os.ReadFile("testdata/full.factbox.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("/p/.factbox.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != "/p" || *c.HardLevel != 11 || *c.VeryHardLevel != 15 || *c.MinWords != 12 || !*c.Diagnostics {
		t.Errorf("top level %+v", c)
	}
	if strings.Join(c.Exclude, " ") != "vendor/** **/CHANGELOG.md" || len(c.Ignore) != 2 || len(c.Overrides) != 2 {
		t.Errorf("exclude %q, %d ignore, %d overrides", c.Exclude, len(c.Ignore), len(c.Overrides))
	}
	if o := c.Overrides[1]; strings.Join(o.Files, " ") != "docs/api/** *.txt" || *o.VeryHardLevel != 18 || o.HardLevel != nil || len(o.Ignore) != 1 {
		t.Errorf("second override %+v", o)
	}
}

// TestParseErrors has one row per kind of bad config; each error is one
// line that names the file, the line and the column.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		toml string
		want string
	}{
		{name: "syntax", toml: "hardLevel = = 3\n", want: "c.toml:1:13: unexpected character"},
		{name: "unterminated string", toml: "ignore = ['a\n", want: "c.toml:1:"},
		{name: "unknown key", toml: "hardLevel = 3\nveryHardLevl = 4\n", want: `c.toml:2:1: unknown key "veryHardLevl"`},
		{name: "unknown key in override", toml: "[[overrides]]\nfiles = ['a']\nexclude = ['b']\n", want: `c.toml:3:1: unknown key "overrides.exclude"`},
		{name: "unknown table", toml: "[thresholds]\nhard = 3\n", want: `c.toml:1:`},
		{name: "wrong type string for number", toml: "minWords = \"ten\"\n", want: "c.toml:1:12: minWords must be a whole number, not a TOML string"},
		{name: "wrong type float for int", toml: "minWords = 3.5\n", want: "c.toml:1:12: minWords must be a whole number, not a TOML float"},
		{name: "wrong type bool", toml: "diagnostics = \"off\"\n", want: "c.toml:1:15: diagnostics must be true or false, not a TOML string"},
		{name: "wrong type list", toml: "ignore = 'x'\n", want: "c.toml:1:10: ignore must be a list of strings, not a TOML string"},
		{name: "invalid regex", toml: "ignore = ['ok', '(unclosed']\n", want: "c.toml:1:17: invalid ignore pattern: error parsing regexp: missing closing )"},
		{name: "invalid regex in override", toml: "[[overrides]]\nfiles = ['a']\nignore = ['[']\n", want: "c.toml:3:11: invalid ignore pattern"},
		{name: "invalid glob", toml: "exclude = ['docs/[']\n", want: `c.toml:1:12: invalid glob "docs/["`},
		{name: "absolute glob", toml: "exclude = ['/etc/**']\n", want: "c.toml:1:12: glob \"/etc/**\" must be relative"},
		{name: "hard above very hard", toml: "hardLevel = 15\nveryHardLevel = 12\n", want: "c.toml:2:1: hardLevel 15 is above veryHardLevel 12"},
		{name: "hard above the default very hard", toml: "\nhardLevel = 15\n", want: "c.toml:2:1: hardLevel 15 is above veryHardLevel 14"},
		{name: "hard above very hard at exactly equal is fine", toml: "hardLevel = 14\n"},
		{name: "override very hard below top hard", toml: "hardLevel = 12\n[[overrides]]\nfiles = ['a']\n  veryHardLevel = 11\n", want: "c.toml:4:3: hardLevel 12 is above veryHardLevel 11"},
		{name: "override without files", toml: "[[overrides]]\nhardLevel = 3\n", want: "c.toml:1:3: an override needs files"},
		{name: "negative minWords", toml: "minWords = -1\n", want: "c.toml:1:1: minWords must not be negative"},
		{name: "infinite level", toml: "veryHardLevel = inf\n", want: "c.toml:1:1: veryHardLevel must be a finite number"},
		{name: "nan level", toml: "hardLevel = nan\n", want: "c.toml:1:1: hardLevel must be a finite number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.toml", []byte(tt.toml))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want an *Error", err, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line starting %q", msg, tt.want)
			}
		})
	}
}

// mapFS is a FileSystem of files held in a map, counting reads.
type mapFS struct {
	files map[string]string
	reads int
}

func (m *mapFS) ReadFile(name string) ([]byte, error) {
	m.reads++
	if s, ok := m.files[filepath.ToSlash(name)]; ok {
		return []byte(s), nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func TestFind(t *testing.T) {
	fsys := &mapFS{files: map[string]string{
		"/repo/.factbox.toml":             "hardLevel = 8\n",
		"/repo/docs/legal/.factbox.toml":  "hardLevel = 12\n",
		"/repo/bad/.factbox.toml":         "hardLevel = [\n",
		"/repo/docs/.factbox.toml/ignore": "a folder named like a config holds nothing",
	}}
	l := NewLoader(fsys)
	tests := []struct {
		dir, want string
		err       bool
	}{
		{dir: "/repo", want: "/repo/.factbox.toml"},
		{dir: "/repo/docs/guide", want: "/repo/.factbox.toml"},
		{dir: "/repo/docs/legal", want: "/repo/docs/legal/.factbox.toml"},
		{dir: "/repo/docs/legal/old/older", want: "/repo/docs/legal/.factbox.toml"},
		{dir: "/repo/bad/sub", want: "", err: true},
		{dir: "/elsewhere/deep", want: ""},
		{dir: "/", want: ""},
	}
	for _, tt := range tests {
		c, err := l.Find(filepath.FromSlash(tt.dir))
		got := ""
		if c != nil {
			got = filepath.ToSlash(c.Path)
		}
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("Find(%s) = %q, %v; want %q, error %v", tt.dir, got, err, tt.want, tt.err)
		}
	}
	reads := fsys.reads
	for _, tt := range tests {
		l.Find(filepath.FromSlash(tt.dir))
	}
	if fsys.reads != reads {
		t.Errorf("a second round of Find read %d files; want all from the cache", fsys.reads-reads)
	}
}

// TestFindKeepsLastGood checks that a config that turns bad is reported and
// its last good version kept, and that Forget makes the change seen.
func TestFindKeepsLastGood(t *testing.T) {
	fsys := &mapFS{files: map[string]string{"/r/.factbox.toml": "minWords = 5\n"}}
	l := NewLoader(fsys)
	if c, err := l.Find("/r/a"); err != nil || *c.MinWords != 5 {
		t.Fatalf("first find: %v, %v", c, err)
	}
	fsys.files["/r/.factbox.toml"] = "minWords = 'five'\n"
	if c, _ := l.Find("/r/a"); *c.MinWords != 5 {
		t.Fatal("the loader read the file again before Forget")
	}
	l.Forget("/r/.factbox.toml")
	c, err := l.Find("/r/a")
	if err == nil || c == nil || *c.MinWords != 5 {
		t.Fatalf("after a bad edit: %v, %v; want the last good config and an error", c, err)
	}
	fsys.files["/r/.factbox.toml"] = "minWords = 7\n"
	l.Forget("/r/.factbox.toml")
	if c, err := l.Find("/r/a"); err != nil || *c.MinWords != 7 {
		t.Fatalf("after the fix: %v, %v", c, err)
	}
	delete(fsys.files, "/r/.factbox.toml")
	l.Forget("/r/.factbox.toml")
	if c, err := l.Find("/r/a"); err != nil || c != nil {
		t.Fatalf("after deleting: %v, %v; want no config", c, err)
	}
}

func TestSettings(t *testing.T) {
	data, err := os.ReadFile("testdata/full.factbox.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(filepath.FromSlash("/p/.factbox.toml"), data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file          string
		excluded      bool
		veryHard      float64
		diagnostics   bool
		ignoreMatches string
		ignores       int
	}{
		{file: "/p/README.md", veryHard: 15, diagnostics: true, ignores: 2},
		{file: "/p/vendor/x/y.md", excluded: true},
		{file: "/p/docs/CHANGELOG.md", excluded: true},
		{file: "/p/CHANGELOG.md", excluded: true},
		{file: "/p/docs/legal/terms.md", veryHard: 15, diagnostics: false, ignores: 2},
		{file: "/p/docs/api/v1/ref.md", veryHard: 18, diagnostics: true, ignores: 3},
		{file: "/p/notes.txt", veryHard: 18, diagnostics: true, ignores: 3},
		{file: "/p/sub/notes.txt", veryHard: 15, diagnostics: true, ignores: 2},
		{file: "/other/vendor/a.md", veryHard: 15, diagnostics: true, ignores: 2},
	}
	for _, tt := range tests {
		v, excluded := c.Settings(filepath.FromSlash(tt.file))
		if excluded != tt.excluded {
			t.Errorf("%s: excluded %v, want %v", tt.file, excluded, tt.excluded)
			continue
		}
		if excluded {
			continue
		}
		opts, diags := v.Apply(analysis.DefaultOptions())
		if opts.VeryHardLevel != tt.veryHard || diags != tt.diagnostics || len(opts.Ignore) != tt.ignores || opts.HardLevel != 11 || opts.MinWords != 12 {
			t.Errorf("%s: %+v diagnostics %v, want very hard %g, diagnostics %v, %d ignores", tt.file, opts, diags, tt.veryHard, tt.diagnostics, tt.ignores)
		}
	}
	var none *Config
	if v, ex := none.Settings("/x"); ex || v.HardLevel != nil {
		t.Error("a nil config sets something")
	}
}

// TestPrecedence pins the order of the layers: built-in defaults < config
// file < editor settings set explicitly < command-line flags.
func TestPrecedence(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	n := func(x int) *int { return &x }
	config := Values{HardLevel: f(8), VeryHardLevel: f(12), MinWords: n(10), Ignore: []*regexp.Regexp{regexp.MustCompile("a")}}
	editor := Values{VeryHardLevel: f(13)}
	flags := Values{MinWords: n(20), Ignore: []*regexp.Regexp{regexp.MustCompile("b")}}
	opts, diags := flags.Over(editor.Over(config)).Apply(analysis.DefaultOptions())
	want := analysis.Options{Format: analysis.Plain, HardLevel: 8, VeryHardLevel: 13, MinWords: 20}
	if opts.HardLevel != want.HardLevel || opts.VeryHardLevel != want.VeryHardLevel || opts.MinWords != want.MinWords || !diags {
		t.Errorf("got %+v, want %+v", opts, want)
	}
	if len(opts.Ignore) != 2 || opts.Ignore[0].String() != "a" || opts.Ignore[1].String() != "b" {
		t.Errorf("ignore %v, want [a b]: layers add patterns", opts.Ignore)
	}
	if d, _ := (Values{}).Apply(analysis.DefaultOptions()); d.HardLevel != 10 || d.VeryHardLevel != 14 || d.MinWords != 14 {
		t.Errorf("no layer: %+v, want the defaults", d)
	}
	// Over must not write into the base's patterns.
	base := Values{Ignore: make([]*regexp.Regexp, 1, 4)}
	base.Ignore[0] = regexp.MustCompile("x")
	one := Values{Ignore: []*regexp.Regexp{regexp.MustCompile("1")}}.Over(base)
	two := Values{Ignore: []*regexp.Regexp{regexp.MustCompile("2")}}.Over(base)
	if one.Ignore[1].String() != "1" || two.Ignore[1].String() != "2" {
		t.Errorf("Over shares the base's array: %v %v", one.Ignore, two.Ignore)
	}
}
