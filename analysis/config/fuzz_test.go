package config

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse checks that any input parses or fails with a one-line *Error,
// never a panic. It is seeded from the example config and the error table.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/full.factbox.toml"); err == nil {
		f.Add(string(data))
	}
	for _, s := range []string{"hardLevel = = 3\n", "[[overrides]]\nfiles = ['a']\nexclude = ['b']\n", "minWords = 3.5\n",
		"ignore = ['(']\n", "exclude = ['docs/[']\n", "hardLevel = 15\nveryHardLevel = 12\n", "[[overrides]]\nhardLevel = 3\n",
		"hardLevel = 12\n[[overrides]]\nfiles = ['a']\n  veryHardLevel = 11\n", "'hardLevel' = 15\n", "a.b.c = 1\n[x.y]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := Parse("c.toml", []byte(s))
		if err == nil {
			return
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("error %v is a %T, not an *Error", err, err)
		}
		if strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("error %q is not one line", err)
		}
	})
}
