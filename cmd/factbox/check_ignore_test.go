package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// hardOne and hardTwo are very hard sentences (grade 24 and 12, 48 and 18 words).
const (
	hardOne = "A sentence that strings together several subordinate clauses, each qualifying the one before it with further conditions, exceptions and parenthetical remarks, forces the reader to hold an ever-growing structure in working memory until the final verb finally resolves it, by which point many readers have given up."
	hardTwo = "Studies of reading comprehension keep finding that readers remember less of what they read in long, complicated sentences."
)

// TestCheckIgnores checks that check honours each form of inline ignore: the
// ignored sentence is neither reported nor counted nor fails the run, and the
// JSON report says why it is ignored.
func TestCheckIgnores(t *testing.T) {
	tests := []struct {
		name string
		text string
		// ignored is the reason of hardOne's sentence; hardTwo is never ignored.
		ignored string
	}{
		{name: "none", text: hardOne + "\n\n" + hardTwo + "\n"},
		{name: "disable block", text: "<!-- factbox-disable -->\n" + hardOne + "\n\n<!-- factbox-enable -->\n\n" + hardTwo + "\n", ignored: "disable"},
		{name: "disable inline", text: "Short. <!-- factbox-disable -->" + hardOne + "<!-- factbox-enable --> " + hardTwo + "\n", ignored: "disable"},
		{name: "ignore next block", text: "<!-- factbox-ignore -->\n" + hardOne + "\n\n" + hardTwo + "\n", ignored: "block"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, tt.text, "check", "--markup", "markdown", "--fail-on", "hard", "-")
			if code != 1 {
				t.Fatalf("exit code %d, want 1 (hardTwo is never ignored); stderr %q", code, stderr)
			}
			reported := strings.Contains(out, "“A sentence that strings")
			if reported != (tt.ignored == "") {
				t.Errorf("first sentence reported %v, want %v:\n%s", reported, tt.ignored == "", out)
			}
			out, _, _ = runCLI(t, tt.text, "check", "--markup", "markdown", "--format", "json", "-")
			var rep jsonReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			f := rep.Files[0]
			wantHard := 2
			if tt.ignored != "" {
				wantHard = 1
			}
			if f.Hard+f.VeryHard != wantHard {
				t.Errorf("hard %d + very hard %d, want %d in all", f.Hard, f.VeryHard, wantHard)
			}
			for _, s := range f.Sentences {
				want := ""
				if strings.HasPrefix(s.Text, "A sentence") {
					want = tt.ignored
				}
				if s.Ignored != want {
					t.Errorf("sentence %.20q ignored %q, want %q", s.Text, s.Ignored, want)
				}
			}
		})
	}
	t.Run("front matter off passes", func(t *testing.T) {
		text := "---\nfactbox: false\n---\n" + hardOne + "\n\n" + hardTwo + "\n"
		out, stderr, code := runCLI(t, text, "check", "--markup", "markdown", "--fail-on", "hard", "-")
		if code != 0 || !strings.Contains(out, "0 very hard, 0 hard of 2 sentences") {
			t.Errorf("exit code %d, stderr %q, output:\n%s", code, stderr, out)
		}
	})
}
