package config

import (
	"errors"
	"testing"
)

func TestHintsTable(t *testing.T) {
	const data = `
[hints]
passiveVoice = false

[[overrides]]
files = ["papers/**"]
[overrides.hints]
adverbs = false
passiveVoice = true
`
	c, err := Parse("/p/.factbox.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                string
		path                string
		adverbs, passive, s bool
	}{
		{"top level", "/p/notes.md", true, false, true},
		{"override", "/p/papers/a.md", false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := c.Settings(tt.path)
			a, p, s := v.Hints.Apply(true, true, true)
			if a != tt.adverbs || p != tt.passive || s != tt.s {
				t.Errorf("hints %v %v %v, want %v %v %v", a, p, s, tt.adverbs, tt.passive, tt.s)
			}
		})
	}
	// Switches the file leaves alone keep what is given.
	if _, p, _ := (Values{}).Hints.Apply(false, false, false); p {
		t.Error("an empty layer turned passive voice on")
	}
	var e *Error
	if _, err := Parse("/p/.factbox.toml", []byte("[hints]\nadverb = false\n")); !errors.As(err, &e) || e.Line != 2 {
		t.Errorf("misspelt switch: %v, want an error on line 2", err)
	}
	if _, err := Parse("/p/.factbox.toml", []byte("[hints]\nadverbs = \"no\"\n")); err == nil {
		t.Error("a string switch is not an error")
	}
}
