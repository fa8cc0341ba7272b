package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/factbox/factbox/analysis"
)

var sinkOpts analysis.Options

// BenchmarkLoadApply measures what a config costs one document (target:
// < 1 ms): "cold" finds the example config three folders up with a new
// Loader, reads and parses it, then resolves and applies the document's
// settings; "warm" does the same with the Loader's cache, as for every
// document after the first of a folder.
func BenchmarkLoadApply(b *testing.B) {
	data, err := os.ReadFile("testdata/full.factbox.toml")
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), data, 0o644); err != nil {
		b.Fatal(err)
	}
	doc := filepath.Join(root, "docs", "api", "v1", "ref.md")
	apply := func(l *Loader) {
		c, err := l.Find(filepath.Dir(doc))
		if err != nil || c == nil {
			b.Fatalf("find: %v, %v", c, err)
		}
		v, _ := c.Settings(doc)
		sinkOpts, _ = v.Apply(analysis.DefaultOptions())
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			apply(NewLoader(OS{}))
		}
	})
	b.Run("warm", func(b *testing.B) {
		l := NewLoader(OS{})
		for b.Loop() {
			apply(l)
		}
	})
}
