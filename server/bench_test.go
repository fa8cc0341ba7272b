package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusPath is the shared benchmark corpus, beside the repository.
var corpusPath = filepath.Join("..", "..", "shared", "corpus", "prose.txt")

// benchText returns about size bytes of English prose from the shared
// corpus, cut at a paragraph break. It skips the benchmark when the corpus is
// not beside the repository.
func benchText(tb testing.TB, size int) string {
	tb.Helper()
	b, err := os.ReadFile(corpusPath)
	if err != nil {
		tb.Skipf("benchmark corpus not found (%s); it lives in ../shared/corpus beside the repository", err)
	}
	text := string(b)
	for len(text) < size {
		text += "\n\n" + string(b)
	}
	if i := strings.LastIndex(text[:size], "\n\n"); i > size/2 {
		return text[:i+1]
	}
	return text[:size]
}
