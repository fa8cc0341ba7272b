package hints_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTableMatchesGenerator regenerates words_table.go from the pinned
// inputs that analysis/internal/hintgen/fetch.sh puts in place (.ci/run
// runs it) and checks that the committed table is what the generator
// writes. Outside CI, a machine without the inputs skips it.
func TestTableMatchesGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator with go run")
	}
	dir := filepath.Join("..", "internal", "hintgen")
	for _, input := range []string{"wordnet/usr/share/wordnet/index.verb", "node_modules/retext-simplify/lib/patterns.js", "node_modules/english-verbs-irregular/dist/verbs.json"} {
		if _, err := os.Stat(filepath.Join(dir, input)); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("generator input missing (run analysis/internal/hintgen/fetch.sh): %v", err)
			}
			t.Skipf("generator input missing (run analysis/internal/hintgen/fetch.sh): %v", err)
		}
	}
	out := filepath.Join(t.TempDir(), "words_table.go")
	cmd := exec.Command("go", "run", "-tags", "generate", ".", "-o", out)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run hintgen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("words_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("words_table.go differs from the generator's output; regenerate it:\n\tgo run -tags generate ./analysis/internal/hintgen -o analysis/hints/words_table.go")
	}
}
