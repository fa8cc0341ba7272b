//go:build generate

// Command syllgen generates analysis/syllable_table.go, the exception table of
// the English syllable counter: the words of the CMU Pronouncing Dictionary
// whose syllables the spelling rules of analysis/syllable.go count wrong.
//
// It reads the dictionary from the npm package cmu-pronouncing-dictionary,
// installed by `npm ci` in analysis/internal/syllgen:
//
//	go run -tags generate ./analysis/internal/syllgen -o analysis/syllable_table.go
//
// A word's syllables are the phonemes of its pronunciation that carry a stress
// digit (0, 1 or 2); a count is right when it matches any pronunciation. Only
// plain words are used: entries of letters and apostrophes, with variants
// such as "word(2)" merged into "word".
//
// With -holdout-seed N the table is built from one half of the words only,
// chosen by the FNV-1a hash of "N:word" (the same split as score.mjs), and the
// accuracy on the other half is printed: the accuracy on words no table has.
// With -count rules or -count table it reads words on standard input and
// prints the count of each, by the rules alone or by the rules and the table
// it built (from half the words with -holdout-seed), for
// analysis/internal/syllgen/score.mjs.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/factbox/factbox/analysis"
)

func main() {
	dict := flag.String("dict", "", "cmu-pronouncing-dictionary package directory (default: analysis/internal/syllgen/node_modules/cmu-pronouncing-dictionary of the module)")
	out := flag.String("o", "", "write the table to this Go file")
	seed := flag.Int("holdout-seed", -1, "build the table from half of the words and measure the other half (seed of the split)")
	count := flag.String("count", "", `read words on standard input and print their counts by the "rules" alone or with the "table" built (with -holdout-seed, from half the words)`)
	errs := flag.Int("errors", 0, "print this many words the rules count wrong")
	flag.Parse()
	if err := run(*dict, *out, *seed, *count, *errs); err != nil {
		fmt.Fprintln(os.Stderr, "syllgen:", err)
		os.Exit(1)
	}
}

// pkg is what the generator needs from the dictionary package.
type pkg struct {
	Version string           `json:"version"`
	License string           `json:"license"`
	words   map[string][]int // plain word → syllables of each pronunciation
}

func run(dictDir, out string, seed int, count string, errs int) error {
	if dictDir == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		dictDir = filepath.Join(root, "analysis", "internal", "syllgen", "node_modules", "cmu-pronouncing-dictionary")
	}
	d, err := load(dictDir)
	if err != nil {
		return err
	}
	words := slices.Sorted(func(yield func(string) bool) {
		for w := range d.words {
			if !yield(w) {
				return
			}
		}
	})
	inTable := func(string) bool { return true }
	if seed >= 0 {
		inTable = func(w string) bool { return !heldOut(w, seed) }
	}
	var train []string
	for _, w := range words {
		if inTable(w) {
			train = append(train, w)
		}
	}
	table, entries, err := build(d.words, train)
	if err != nil {
		return err
	}

	switch count {
	case "":
	case "rules", "table":
		t := table
		if count == "rules" {
			t = nil
		}
		in := bufio.NewScanner(os.Stdin)
		w := bufio.NewWriter(os.Stdout)
		for in.Scan() {
			n, _ := analysis.ExplainSyllablesWith(in.Text(), t)
			fmt.Fprintln(w, n)
		}
		if err := in.Err(); err != nil {
			return fmt.Errorf("read words: %w", err)
		}
		return w.Flush()
	default:
		return fmt.Errorf("-count %q: want rules or table", count)
	}

	rulesOK, ok, test := 0, 0, 0
	var wrong []string
	for _, w := range words {
		if !inTable(w) || seed < 0 {
			test++
			if right(d.words[w], w, table) {
				ok++
			}
			if right(d.words[w], w, nil) {
				rulesOK++
			} else {
				wrong = append(wrong, w)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "%s %s: %d plain words; table %d entries\n", "cmu-pronouncing-dictionary", d.Version, len(words), len(entries))
	if seed >= 0 {
		fmt.Fprintf(os.Stderr, "held-out half (seed %d): %d words; rules+table %.2f%% (%d); rules alone %.2f%%\n",
			seed, test, pct(ok, test), ok, pct(rulesOK, test))
	} else {
		fmt.Fprintf(os.Stderr, "all words: rules+table %.2f%% (%d/%d); rules alone %.2f%% (%d)\n",
			pct(ok, test), ok, test, pct(rulesOK, test), rulesOK)
	}
	for i, w := range wrong {
		if i >= errs {
			break
		}
		n, rule := analysis.ExplainSyllablesWith(w, nil)
		fmt.Printf("%s\t%d\t%v\t%s\n", w, n, d.words[w], rule)
	}
	if out == "" {
		return nil
	}
	src, err := source(d, table, len(entries))
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

// right reports whether the count of w with table t (nil for the rules
// alone) is the count of one of its pronunciations.
func right(counts []int, w string, t *analysis.SyllableTable) bool {
	n, _ := analysis.ExplainSyllablesWith(w, t)
	return slices.Contains(counts, n)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// heldOut reports whether w is in the half of the words left out of the
// table for seed: the top bit of the FNV-1a hash of "seed:w" is 1 (the low
// bit of FNV-1a is only the parity of the bytes, the top bit is mixed).
func heldOut(w string, seed int) bool {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d:%s", seed, w)
	return h.Sum32()>>31 == 1
}

// build returns the table of the words of train whose fewest-syllable
// pronunciation the rules do not count, with that count. Adding a word can change the count of
// the contractions built on it (church's uses church), so it adds words until
// every word of train is right, then drops contractions that are right
// without their entry.
func build(dict map[string][]int, train []string) (*analysis.SyllableTable, map[string]int, error) {
	entries := map[string]int{}
	var table *analysis.SyllableTable
	for pass := 0; ; pass++ {
		if pass > 10 {
			return nil, nil, errors.New("table does not converge")
		}
		added := 0
		for _, w := range train {
			if _, ok := entries[w]; ok {
				continue
			}
			if _, rule := analysis.ExplainSyllablesWith(w, nil); rule == "clitic" {
				continue // 's and 'm alone count 0 whatever the table says
			}
			if n := target(w, dict[w]); n > 0 && !fluent(dict[w], w, table) {
				entries[w] = n
				added++
			}
		}
		if added == 0 && pass > 0 {
			break
		}
		if pass == 1 {
			for w := range entries {
				if !strings.Contains(w, "'") {
					continue
				}
				delete(entries, w)
				t, err := analysis.BuildSyllableTable(entries)
				if err != nil {
					return nil, nil, err
				}
				if !fluent(dict[w], w, t) {
					entries[w] = target(w, dict[w])
				}
			}
		}
		var err error
		if table, err = analysis.BuildSyllableTable(entries); err != nil {
			return nil, nil, err
		}
	}
	return table, entries, nil
}

// fewest returns the smallest non-zero count of counts, or 0: the table holds
// no zero counts, since every word with a letter has a syllable (hmm, shh).
//
// Where the dictionary gives a word several pronunciations, the table takes
// the one with the fewest syllables: "every" 2 (EVRY) rather than 3, "family"
// 2, "general" 2, "Laos" 1. That is how fluent readers say these words, and a
// readability score should not rate a sentence harder for a syllable that
// speech drops. Accuracy is still scored against any pronunciation.
func fewest(counts []int) int {
	best := 0
	for _, n := range counts {
		if n > 0 && (best == 0 || n < best) {
			best = n
		}
	}
	return best
}

// target returns the count the table aims at for w: the fewest syllables, but
// for a contraction its first pronunciation, since the reduced ones in the
// dictionary ("didn't" as DINT) are too casual to count by.
func target(w string, counts []int) int {
	if strings.Contains(w, "'") {
		for _, n := range counts {
			if n > 0 {
				return n
			}
		}
		return 0
	}
	return fewest(counts)
}

// fluent reports whether the count of w with table t is target(w, counts).
func fluent(counts []int, w string, t *analysis.SyllableTable) bool {
	n, _ := analysis.ExplainSyllablesWith(w, t)
	return n == target(w, counts)
}

var entryRE = regexp.MustCompile(`^\s*"([^"]+)": "([^"]*)",?$`)

// load reads the package's index.js (one "word": "PHONEMES" pair a line)
// and package.json.
func load(dir string) (*pkg, error) {
	meta, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("read dictionary (run npm ci in analysis/internal/syllgen): %w", err)
	}
	d := &pkg{words: map[string][]int{}}
	if err := json.Unmarshal(meta, d); err != nil {
		return nil, fmt.Errorf("read package.json: %w", err)
	}
	f, err := os.Open(filepath.Join(dir, "index.js"))
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	defer f.Close()
	plain := regexp.MustCompile(`^[a-z']+$`)
	variant := regexp.MustCompile(`\(\d+\)$`)
	in := bufio.NewScanner(f)
	for in.Scan() {
		m := entryRE.FindStringSubmatch(in.Text())
		if m == nil {
			continue
		}
		w := strings.ToLower(variant.ReplaceAllString(m[1], ""))
		if !plain.MatchString(w) {
			continue
		}
		n := 0
		for _, c := range m[2] {
			if c >= '0' && c <= '2' {
				n++
			}
		}
		if !slices.Contains(d.words[w], n) {
			d.words[w] = append(d.words[w], n)
		}
	}
	if err := in.Err(); err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	if len(d.words) == 0 {
		return nil, errors.New("read dictionary: no entries found in index.js")
	}
	return d, nil
}

// moduleRoot returns the directory of the go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// source renders the table as Go source.
func source(d *pkg, t *analysis.SyllableTable, n int) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by internal/syllgen from cmu-pronouncing-dictionary %s; DO NOT EDIT.

// The words are from the CMU Pronouncing Dictionary as packaged in the npm
// package cmu-pronouncing-dictionary %s (package licence %s, © Zeke
// Sikelianos); the dictionary itself is © Carnegie Mellon University under a
// BSD-2-Clause-style licence (github.com/cmusphinx/cmudict, LICENSE).
// The table holds the %d plain words whose syllables the rules of
// syllable.go count wrong.

package analysis

`, d.Version, d.Version, d.License, n)
	fmt.Fprintf(&b, "const syllTableWords = ")
	const width = 96
	for i := 0; i < len(t.Words); i += width {
		if i > 0 {
			b.WriteString(" +\n\t")
		}
		fmt.Fprintf(&b, "%q", t.Words[i:min(i+width, len(t.Words))])
	}
	if len(t.Words) == 0 {
		b.WriteString(`""`)
	}
	b.WriteString("\n\nvar syllTableEntries = [...]uint32{")
	for i, e := range t.Entries {
		if i%8 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%#x,", e)
	}
	b.WriteString("\n}\n\nvar syllTableSlots = [...]uint16{")
	for i, s := range t.Slots {
		if i%16 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d,", s)
	}
	b.WriteString("\n}\n")
	return format.Source(b.Bytes())
}
