//go:build generate

// Command hintgen generates analysis/hints/words_table.go, the word data of
// the hint finder: which words ending in -ly are adverbs, which words are
// verbs, the irregular past participles, and the phrases with a simpler
// alternative.
//
// Its inputs are pinned and put in place by fetch.sh beside this file:
//
//   - WordNet 3.0 from Debian's wordnet-base 1:3.0-37 (wordnet/usr/share/wordnet):
//     index.adv, index.adj, index.noun and index.verb say which part of speech
//     a word can be; verb.exc maps irregular inflections to their verb.
//   - english-verbs-irregular 3.4.0 (npm): the past participles of irregular
//     verbs, including those spelt like the verb ("set", "put", "cut"), which
//     verb.exc cannot list.
//   - wordy-words 1.0.0 (npm, CC0-1.0, a public-domain dedication): the
//     phrases with a simpler alternative, and the first alternative of each.
//   - retext-simplify 8.0.0 (npm, MIT): more alternatives for those phrases.
//
// Run it from the repository root:
//
//	bash analysis/internal/hintgen/fetch.sh
//	go run -tags generate ./analysis/internal/hintgen -o analysis/hints/words_table.go
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	dir := flag.String("dir", "", "directory that fetch.sh filled (default: analysis/internal/hintgen of the module)")
	out := flag.String("o", "", "write the table to this Go file (default: standard output)")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "hintgen:", err)
		os.Exit(1)
	}
}

// wantWordNet is the Debian version of wordnet-base that fetch.sh pins.
const wantWordNet = "1:3.0-37"

// tables is what the generator writes out.
type tables struct {
	wordnetVersion  string
	wordnetLicence  string
	irregularVer    string
	irregularLic    string
	simplifyVersion string
	simplifyLicence string
	wordyVersion    string
	wordyLicence    string

	adverbs     []string // -ly words WordNet lists as adverbs only
	verbs       []string // one-word verb lemmas
	participles []string // irregular past participles
	phrases     []phrase // phrases with simpler alternatives
}

type phrase struct {
	text    string
	replace []string
}

func run(dir, out string) error {
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "analysis", "internal", "hintgen")
	}
	t, err := load(dir)
	if err != nil {
		return err
	}
	src, err := source(t)
	if err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.Write(src)
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

// ErrMissing says an input is not in place: run fetch.sh.
var ErrMissing = errors.New("input missing (run analysis/internal/hintgen/fetch.sh)")

func load(dir string) (*tables, error) {
	wn := filepath.Join(dir, "wordnet", "usr", "share", "wordnet")
	doc := filepath.Join(dir, "wordnet", "usr", "share", "doc", "wordnet-base")
	t := &tables{}
	var err error
	if t.wordnetVersion, err = debianVersion(filepath.Join(doc, "changelog.Debian.gz")); err != nil {
		return nil, err
	}
	if t.wordnetVersion != wantWordNet {
		return nil, fmt.Errorf("wordnet-base %s, want %s", t.wordnetVersion, wantWordNet)
	}
	if t.wordnetLicence, err = wordnetLicence(filepath.Join(doc, "copyright")); err != nil {
		return nil, err
	}
	pos := map[string]map[string]bool{}
	for _, p := range []string{"adv", "adj", "noun", "verb"} {
		if pos[p], err = lemmas(filepath.Join(wn, "index."+p)); err != nil {
			return nil, err
		}
	}
	for w := range pos["adv"] {
		if strings.HasSuffix(w, "ly") && len(w) > 3 && !pos["adj"][w] && !pos["noun"][w] && !pos["verb"][w] {
			t.adverbs = append(t.adverbs, w)
		}
	}
	for w := range pos["verb"] {
		t.verbs = append(t.verbs, w)
	}
	npm := filepath.Join(dir, "node_modules")
	var meta struct{ Version, License string }
	if err := readJSON(filepath.Join(npm, "english-verbs-irregular", "package.json"), &meta); err != nil {
		return nil, err
	}
	t.irregularVer, t.irregularLic = meta.Version, meta.License
	var irregular map[string][][]string
	if err := readJSON(filepath.Join(npm, "english-verbs-irregular", "dist", "verbs.json"), &irregular); err != nil {
		return nil, err
	}
	parts := map[string]bool{}
	for verb, forms := range irregular {
		if verb == "be" {
			continue
		}
		for _, f := range forms {
			if len(f) == 2 && plain(f[1]) {
				parts[f[1]] = true
			}
		}
	}
	exc, err := os.ReadFile(filepath.Join(wn, "verb.exc"))
	if err != nil {
		return nil, fmt.Errorf("read verb.exc: %w: %w", ErrMissing, err)
	}
	for line := range strings.Lines(string(exc)) {
		f := strings.Fields(line)
		if len(f) < 2 || !plain(f[0]) || f[1] == "be" {
			continue
		}
		form, verb := f[0], f[1]
		// verb.exc lists every irregular inflection without saying which:
		// for a verb of english-verbs-irregular, its participles above are
		// the ones ("red" is an old past of rid, not a participle); for the
		// others (doubled consonants, compounds such as "overwritten") keep
		// the past forms, not the present participles (-ing), the third
		// persons (-s) or a form spelt as its verb ("red red", which
		// nothing else in WordNet makes a verb).
		if _, ok := irregular[verb]; ok || form == verb || strings.HasSuffix(form, "ing") || strings.HasSuffix(form, "s") {
			continue
		}
		parts[form] = true
	}
	for w := range parts {
		t.participles = append(t.participles, w)
	}

	if err := readJSON(filepath.Join(npm, "retext-simplify", "package.json"), &meta); err != nil {
		return nil, err
	}
	t.simplifyVersion, t.simplifyLicence = meta.Version, meta.License
	more, err := simplify(filepath.Join(npm, "retext-simplify", "lib", "patterns.js"))
	if err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(npm, "wordy-words", "package.json"), &meta); err != nil {
		return nil, err
	}
	t.wordyVersion, t.wordyLicence = meta.Version, meta.License
	if t.phrases, err = wordy(filepath.Join(npm, "wordy-words", "index.json"), more); err != nil {
		return nil, err
	}
	slices.Sort(t.adverbs)
	slices.Sort(t.verbs)
	slices.Sort(t.participles)
	if len(t.adverbs) < 1000 || len(t.verbs) < 5000 || len(t.participles) < 300 || len(t.phrases) < 150 {
		return nil, fmt.Errorf("too few words: %d adverbs, %d verbs, %d participles, %d phrases",
			len(t.adverbs), len(t.verbs), len(t.participles), len(t.phrases))
	}
	return t, nil
}

// plain reports whether w is one lowercase word of ASCII letters.
func plain(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// lemmas reads the one-word lemmas of a WordNet index file. Licence lines
// start with spaces; a lemma is the first field of every other line.
func lemmas(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read index: %w: %w", ErrMissing, err)
	}
	defer f.Close()
	out := map[string]bool{}
	in := bufio.NewScanner(f)
	for in.Scan() {
		line := in.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		w, _, _ := strings.Cut(line, " ")
		if plain(w) {
			out[w] = true
		}
	}
	if err := in.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// debianVersion reads the version from the first line of a Debian changelog.
func debianVersion(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read wordnet-base changelog: %w: %w", ErrMissing, err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("read changelog: %w", err)
	}
	line, err := bufio.NewReader(z).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read changelog: %w", err)
	}
	_, rest, ok := strings.Cut(line, "(")
	v, _, ok2 := strings.Cut(rest, ")")
	if !ok || !ok2 {
		return "", fmt.Errorf("changelog first line %q: no version", line)
	}
	return v, nil
}

// wordnetLicence returns the text of the WordNet3.0 licence paragraph of
// Debian's copyright file.
func wordnetLicence(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read wordnet-base copyright: %w: %w", ErrMissing, err)
	}
	var lic []string
	in := false
	for line := range strings.Lines(string(b)) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "License: WordNet3.0":
			in = true
		case in && strings.HasPrefix(line, " "):
			s := strings.TrimSpace(line)
			if s == "." {
				s = ""
			}
			lic = append(lic, s)
		case in:
			in = false
		}
	}
	if len(lic) == 0 {
		return "", errors.New("wordnet-base copyright: no WordNet3.0 licence")
	}
	return strings.Join(lic, "\n"), nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w: %w", filepath.Base(path), ErrMissing, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// simplify reads retext-simplify's patterns (an ES module) through Node.
// Phrases whose only advice is to leave them out (no replacement) are
// skipped: a hint must offer a simpler wording.
func simplify(path string) ([]phrase, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("read patterns.js: %w: %w", ErrMissing, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	script := fmt.Sprintf("import {patterns} from %q; console.log(JSON.stringify(patterns))", "file://"+filepath.ToSlash(abs))
	cmd := exec.Command("node", "--input-type=module", "-e", script)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node reading patterns.js: %w", err)
	}
	var patterns map[string]struct {
		Replace []string `json:"replace"`
	}
	if err := json.Unmarshal(b, &patterns); err != nil {
		return nil, fmt.Errorf("patterns.js: %w", err)
	}
	var out []phrase
	for text, p := range patterns {
		var repl []string
		for _, r := range p.Replace {
			if r = strings.TrimSpace(r); r != "" {
				repl = append(repl, r)
			}
		}
		if len(repl) == 0 {
			continue
		}
		out = append(out, phrase{text: strings.ToLower(text), replace: repl})
	}
	slices.SortFunc(out, func(a, b phrase) int { return strings.Compare(a.text, b.text) })
	return out, nil
}

// wordy reads wordy-words' phrases and their replacements, and adds to
// each the replacements more (retext-simplify's) has for the same phrase.
// The phrases are wordy-words' alone: a public-domain list, and one that
// leaves out words such as "address", "option" and "interface", whose
// alternatives ("discuss", "choice", "interact") are wrong for the nouns of
// technical prose.
func wordy(path string, more []phrase) ([]phrase, error) {
	var m map[string]string
	if err := readJSON(path, &m); err != nil {
		return nil, err
	}
	extra := make(map[string][]string, len(more))
	for _, p := range more {
		extra[p.text] = p.replace
	}
	var out []phrase
	for text, r := range m {
		text, r = strings.ToLower(strings.TrimSpace(text)), strings.TrimSpace(r)
		if text == "" || r == "" {
			continue
		}
		repl := []string{r}
		for _, x := range extra[text] {
			if !slices.Contains(repl, x) {
				repl = append(repl, x)
			}
		}
		out = append(out, phrase{text: text, replace: repl})
	}
	slices.SortFunc(out, func(a, b phrase) int { return strings.Compare(a.text, b.text) })
	return out, nil
}

// moduleRoot returns the directory of the module the working directory is in, as the go command finds it.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside a Go module")
	}
	return filepath.Dir(mod), nil
}

// source renders the tables as Go source.
func source(t *tables) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/hintgen from wordnet-base %s, english-verbs-irregular %s, wordy-words %s and retext-simplify %s; DO NOT EDIT.\n\n",
		t.wordnetVersion, t.irregularVer, t.wordyVersion, t.simplifyVersion)
	fmt.Fprintf(&b, `// The adverbs, verbs and past participles are from WordNet 3.0 as packaged
// in Debian's wordnet-base %s (index.adv, index.adj, index.noun,
// index.verb and verb.exc), under the WordNet 3.0 licence:
//
`, t.wordnetVersion)
	for line := range strings.Lines(t.wordnetLicence) {
		line = strings.TrimRight(line, "\n")
		if line == "" {
			b.WriteString("//\n")
		} else {
			fmt.Fprintf(&b, "//\t%s\n", line)
		}
	}
	fmt.Fprintf(&b, `//
// The past participles of irregular verbs spelt like the verb itself (set,
// put, cut) and the others of that list are from the npm package
// english-verbs-irregular %s (licence %s, © 2019 Ludan Stoecklé, part of
// RosaeNLG).
//
// The phrases with simpler alternatives, and the first alternative of each,
// are from the npm package wordy-words %s (licence %s, Kyle E. Mitchell's
// dedication of the list to the public domain). The further alternatives of
// a phrase, where it has any, are those retext-simplify %s (licence %s,
// © 2016 Titus Wormer) gives for the same phrase.

package hints

`, t.irregularVer, t.irregularLic, t.wordyVersion, t.wordyLicence, t.simplifyVersion, t.simplifyLicence)
	writeWords(&b, "adverbs", fmt.Sprintf("adverbs holds the %d words ending in -ly that WordNet lists as adverbs and not as adjectives, nouns or verbs, sorted.", len(t.adverbs)), t.adverbs)
	writeWords(&b, "verbs", fmt.Sprintf("verbs holds the %d one-word verbs of WordNet, sorted.", len(t.verbs)), t.verbs)
	writeWords(&b, "participles", fmt.Sprintf("participles holds the %d irregular past participles (english-verbs-irregular, and verb.exc for the verbs it lacks), sorted.", len(t.participles)), t.participles)
	fmt.Fprintf(&b, "// phrases holds the %d phrases with simpler alternatives, lowercase, sorted.\nvar phrases = [...]phrase{\n", len(t.phrases))
	for _, p := range t.phrases {
		fmt.Fprintf(&b, "\t{%q, []string{", p.text)
		for i, r := range p.replace {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", r)
		}
		b.WriteString("}},\n")
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func writeWords(b *bytes.Buffer, name, doc string, words []string) {
	fmt.Fprintf(b, "// %s\nvar %s = [...]string{", doc, name)
	col := 0
	for _, w := range words {
		if col == 0 || col+len(w)+4 > 96 {
			b.WriteString("\n\t")
			col = 8
		} else {
			b.WriteString(" ")
			col++
		}
		fmt.Fprintf(b, "%q,", w)
		col += len(w) + 3
	}
	b.WriteString("\n}\n\n")
}
