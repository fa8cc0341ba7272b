package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// formatFiles are what the format golden tests check: the sample, and a
// plain-text file with CRLF line ends, a tab and characters of one to four
// bytes (é, 中, 😀, 𐐀) before a hard sentence, where columns in characters
// and in bytes differ.
var formatFiles = []string{"testdata/sample.md", "testdata/columns.txt"}

func TestFormatGolden(t *testing.T) {
	tests := []struct {
		name   string
		format string
		valid  func([]byte) error
	}{
		{"github", "github", nil},
		{"sarif", "sarif", jsonValid},
		{"rdjson", "rdjson", jsonValid},
		{"checkstyle", "checkstyle", xmlValid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", append([]string{"check", "--format", tt.format}, formatFiles...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit code %d, stderr %q", code, stderr)
			}
			if tt.valid != nil {
				if err := tt.valid([]byte(out)); err != nil {
					t.Fatalf("not well-formed: %v\n%s", err, out)
				}
			}
			golden(t, filepath.Join("testdata", "formats."+tt.format+".golden"), out)
		})
	}
}

func jsonValid(b []byte) error {
	var v any
	return json.Unmarshal(b, &v)
}

func xmlValid(b []byte) error {
	d := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
	}
}

// sarifSchemaPath is the SARIF 2.1.0 schema (its final "rtm.5" text), from the
// npm package pinned in testdata/sarif-schema (make test installs it).
const sarifSchemaPath = "testdata/sarif-schema/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"

// TestSARIFSchema validates --format sarif against the official schema: with
// hard sentences, with a file that cannot be read, and with no file at all.
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(sarifSchemaPath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("SARIF schema: %v (npm ci --prefix cmd/factbox/testdata/sarif-schema)", err)
		}
		t.Skipf("SARIF schema not installed (npm ci --prefix cmd/factbox/testdata/sarif-schema): %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.md")
	tests := []struct {
		name  string
		files []string
		code  int
	}{
		{"findings", formatFiles, 0},
		{"unreadable file", []string{missing, "testdata/sample.md"}, 2},
		{"standard input", []string{"-"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "A sentence.", append([]string{"check", "--format", "sarif"}, tt.files...)...)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr %q", code, tt.code, stderr)
			}
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(v); err != nil {
				t.Errorf("%v\n%s", err, out)
			}
		})
	}
	// The schema must be able to fail: a log without its version is refused.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"runs": []}`))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepted a log with no version")
	}
}

func TestByteCursor(t *testing.T) {
	text := "a𐐀b\r\néx\rz\n\nend"
	tests := []struct {
		name string
		off  int
		want int
	}{
		{"start", 0, 1},
		{"before 𐐀", 1, 2},
		{"after 𐐀, four bytes on", 5, 6},
		{"end of line before \\r", 6, 7},
		{"between \\r and \\n", 7, 7},
		{"line after CRLF", 8, 1},
		{"after é", 10, 3},
		{"after lone \\r", 12, 1},
		{"empty line", 14, 1},
		{"after an empty line", 15, 1},
		{"end of text", len(text), 4},
	}
	var c byteCursor
	c.text = text
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.column(tt.off); got != tt.want {
				t.Errorf("column(%d) = %d, want %d", tt.off, got, tt.want)
			}
			// A fresh cursor agrees with one that walked here.
			if got := (&byteCursor{text: text}).column(tt.off); got != tt.want {
				t.Errorf("fresh column(%d) = %d, want %d", tt.off, got, tt.want)
			}
		})
	}
	// Going back starts again from the top.
	if got := c.column(1); got != 2 {
		t.Errorf("column(1) after the end = %d, want 2", got)
	}
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		name  string
		files []fileTally
		bad   int
		want  string
	}{
		{"none", nil, 0, "0 files · 0 sentences · 0 very hard · 0 hard"},
		{"one clean file", []fileTally{{"a.md", tally{sentences: 1}}}, 0, "1 file · 1 sentence · 0 very hard · 0 hard"},
		{
			"worst first, at most three, unreadable counted",
			[]fileTally{
				{"a.md", tally{10, 3, 0}},
				{"b.md", tally{10, 0, 1}},
				{"c.md", tally{10, 0, 0}},
				{"d.md", tally{10, 5, 1}},
				{"e.md", tally{10, 1, 0}},
			},
			1,
			"5 files · 50 sentences · 2 very hard · 9 hard · 1 not read · worst: d.md (1 very hard, 5 hard), b.md (1 very hard, 0 hard), a.md (0 very hard, 3 hard)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s summary
			for _, f := range tt.files {
				s.add(f.name, f.tally)
			}
			s.unreadable = tt.bad
			if got := s.line(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFailReason(t *testing.T) {
	tests := []struct {
		name   string
		t      tally
		failOn analysis.Difficulty
		want   string
	}{
		{"very hard", tally{10, 3, 2}, analysis.VeryHard, "2 very hard sentences (--fail-on very-hard)"},
		{"one", tally{10, 0, 1}, analysis.VeryHard, "1 very hard sentence (--fail-on very-hard)"},
		{"hard counts very hard too", tally{10, 3, 2}, analysis.Hard, "5 hard or very hard sentences (--fail-on hard)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := failReason(tt.t, tt.failOn); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCheckFailOnSays runs --fail-on in each format: the reason is the last
// line of standard error, and standard output stays well-formed.
func TestCheckFailOnSays(t *testing.T) {
	for _, format := range []string{"text", "json", "github", "sarif", "rdjson", "checkstyle"} {
		t.Run(format, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", "check", "--fail-on", "very-hard", "--format", format, "testdata/sample.md")
			if code != 1 {
				t.Fatalf("exit code %d, want 1", code)
			}
			if want := "factbox check: 2 very hard sentences (--fail-on very-hard)\n"; !strings.HasSuffix(stderr, want) {
				t.Errorf("stderr %q does not end with %q", stderr, want)
			}
			switch format {
			case "json", "sarif", "rdjson":
				if err := jsonValid([]byte(out)); err != nil {
					t.Error(err)
				}
			case "checkstyle":
				if err := xmlValid([]byte(out)); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func TestGitHubEscapes(t *testing.T) {
	if got, want := githubProperty("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae"; got != want {
		t.Errorf("githubProperty = %q, want %q", got, want)
	}
	if got, want := githubData("50% of a,b:c\r\n"), "50%25 of a,b:c%0D%0A"; got != want {
		t.Errorf("githubData = %q, want %q", got, want)
	}
}

func TestSARIFURI(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"relative", "docs/a.md", "docs/a.md"},
		{"space and hash", "my docs/#1.md", "my%20docs/%231.md"},
		{"absolute", "/srv/docs/a.md", "file:///srv/docs/a.md"},
		{"standard input", "-", "stdin"},
		{"colon in the first segment", "a:b.md", "./a:b.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sarifURI(tt.in); got != tt.want {
				t.Errorf("sarifURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
