package config

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/factbox/factbox/analysis"
)

// FileName is the name of a factbox config file.
const FileName = ".factbox.toml"

// Values are the settings one layer of configuration gives: a config file's
// top level or one of its overrides, the editor's settings, the command
// line. A nil field is not set by that layer.
type Values struct {
	HardLevel     *float64
	VeryHardLevel *float64
	MinWords      *int
	// Diagnostics switches flagging on or off; off, no sentence is flagged.
	Diagnostics *bool
	// Ignore holds patterns of sentences never flagged. Layers add to it
	// rather than replace it.
	Ignore []*regexp.Regexp
}

// Over returns v laid over base: each field v sets replaces base's, and v's
// ignore patterns follow base's.
func (v Values) Over(base Values) Values {
	out := base
	if v.HardLevel != nil {
		out.HardLevel = v.HardLevel
	}
	if v.VeryHardLevel != nil {
		out.VeryHardLevel = v.VeryHardLevel
	}
	if v.MinWords != nil {
		out.MinWords = v.MinWords
	}
	if v.Diagnostics != nil {
		out.Diagnostics = v.Diagnostics
	}
	if len(v.Ignore) > 0 {
		out.Ignore = append(base.Ignore[:len(base.Ignore):len(base.Ignore)], v.Ignore...)
	}
	return out
}

// Apply returns opts with the thresholds and patterns v sets, and whether
// diagnostics are on (true unless v switches them off).
func (v Values) Apply(opts analysis.Options) (analysis.Options, bool) {
	if v.HardLevel != nil {
		opts.HardLevel = *v.HardLevel
	}
	if v.VeryHardLevel != nil {
		opts.VeryHardLevel = *v.VeryHardLevel
	}
	if v.MinWords != nil {
		opts.MinWords = *v.MinWords
	}
	if len(v.Ignore) > 0 {
		opts.Ignore = v.Ignore
	}
	return opts, v.Diagnostics == nil || *v.Diagnostics
}

// Override is one [[overrides]] table: values for the files that match one
// of its globs.
type Override struct {
	Files []string
	Values
}

// Config is one parsed config file.
type Config struct {
	// Path is the config file's path; Dir is its folder, which the globs of
	// Exclude and of the overrides are relative to.
	Path, Dir string
	Values
	Exclude   []string
	Overrides []Override
}

// Error is a problem with a config file, located at a 1-based line and
// column, the column counted in bytes (both 0 when the problem has no place
// in the file, as when it cannot be read). Its message is one line: "path:line:col: what is wrong".
type Error struct {
	Path      string
	Line, Col int
	Msg       string
	Err       error // the underlying error, if any
}

func (e *Error) Error() string {
	msg := oneLine.Replace(e.Msg)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, msg)
}

// oneLine keeps an error message on one line.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func (e *Error) Unwrap() error { return e.Err }

// file is the shape of a config file for the decoder.
type file struct {
	HardLevel     *float64   `toml:"hardLevel"`
	VeryHardLevel *float64   `toml:"veryHardLevel"`
	MinWords      *int       `toml:"minWords"`
	Diagnostics   *bool      `toml:"diagnostics"`
	Exclude       []glob     `toml:"exclude"`
	Ignore        []pattern  `toml:"ignore"`
	Overrides     []override `toml:"overrides"`
}

type override struct {
	Files         []glob    `toml:"files"`
	HardLevel     *float64  `toml:"hardLevel"`
	VeryHardLevel *float64  `toml:"veryHardLevel"`
	MinWords      *int      `toml:"minWords"`
	Diagnostics   *bool     `toml:"diagnostics"`
	Ignore        []pattern `toml:"ignore"`
}

// pattern is a regular expression (RE2 syntax), compiled as it is decoded
// so that an invalid one is reported where it stands.
type pattern struct{ re *regexp.Regexp }

func (p *pattern) UnmarshalText(b []byte) error {
	re, err := regexp.Compile(string(b))
	if err != nil {
		return fmt.Errorf("invalid ignore pattern: %w", err)
	}
	p.re = re
	return nil
}

// glob is a doublestar glob (** matches any number of folders), checked as
// it is decoded.
type glob struct{ s string }

func (g *glob) UnmarshalText(b []byte) error {
	s := string(b)
	if !doublestar.ValidatePattern(s) {
		return fmt.Errorf("invalid glob %q", s)
	}
	if strings.HasPrefix(s, "/") {
		return fmt.Errorf("glob %q must be relative to the config's folder", s)
	}
	g.s = s
	return nil
}

// Parse parses the config file at path, whose contents are data. Errors are
// *Error values naming the place of the problem: TOML syntax, an unknown
// key, a value of the wrong type, an invalid regular expression or glob, an
// override without files, a negative or non-finite number, and a hardLevel
// above the veryHardLevel in force with it (defaults < top level < override).
func Parse(path string, data []byte) (*Config, error) {
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, decodeError(path, err)
	}
	c := &Config{Path: path, Dir: dirOf(path)}
	c.Values = Values{HardLevel: f.HardLevel, VeryHardLevel: f.VeryHardLevel, MinWords: f.MinWords, Diagnostics: f.Diagnostics, Ignore: regexps(f.Ignore)}
	c.Exclude = globs(f.Exclude)
	for _, o := range f.Overrides {
		c.Overrides = append(c.Overrides, Override{Files: globs(o.Files),
			Values: Values{HardLevel: o.HardLevel, VeryHardLevel: o.VeryHardLevel, MinWords: o.MinWords, Diagnostics: o.Diagnostics, Ignore: regexps(o.Ignore)}})
	}
	if err := c.check(data); err != nil {
		return nil, err
	}
	return c, nil
}

// check finds the problems the decoder cannot see.
func (c *Config) check(data []byte) error {
	def := analysis.DefaultOptions()
	defaults := Values{HardLevel: &def.HardLevel, VeryHardLevel: &def.VeryHardLevel, MinWords: &def.MinWords}
	table := func(i int, v Values) error {
		at := func(key string, format string, args ...any) error {
			line, col := keyPosition(data, i, key)
			return &Error{Path: c.Path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
		}
		for _, lv := range []struct {
			key string
			v   *float64
		}{{"hardLevel", v.HardLevel}, {"veryHardLevel", v.VeryHardLevel}} {
			if lv.v != nil && (math.IsNaN(*lv.v) || math.IsInf(*lv.v, 0)) {
				return at(lv.key, "%s must be a finite number, not %g", lv.key, *lv.v)
			}
		}
		if v.MinWords != nil && *v.MinWords < 0 {
			return at("minWords", "minWords must not be negative, not %d", *v.MinWords)
		}
		eff := v.Over(c.Values.Over(defaults))
		if *eff.HardLevel > *eff.VeryHardLevel {
			key := "veryHardLevel"
			if v.VeryHardLevel == nil {
				key = "hardLevel"
			}
			return at(key, "hardLevel %g is above veryHardLevel %g", *eff.HardLevel, *eff.VeryHardLevel)
		}
		return nil
	}
	if err := table(-1, c.Values); err != nil {
		return err
	}
	for i, o := range c.Overrides {
		if len(o.Files) == 0 {
			line, col := tablePosition(data, i)
			return &Error{Path: c.Path, Line: line, Col: col, Msg: "an override needs files = [\"glob\", …]"}
		}
		if err := table(i, o.Values); err != nil {
			return err
		}
	}
	return nil
}

// decodeError turns an error of the TOML decoder into an *Error.
func decodeError(path string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if msg == "unknown field" {
			msg = fmt.Sprintf("unknown key %q (keys: hardLevel, veryHardLevel, minWords, diagnostics, exclude, ignore, [[overrides]])", strings.Join(de.Key(), "."))
		} else if m := typeMismatch.FindStringSubmatch(msg); m != nil {
			want, ok := typeWords[m[3]]
			if !ok {
				want = "of type " + m[3]
			}
			msg = fmt.Sprintf("%s must be %s, not a TOML %s", strings.ToLower(m[2][:1])+m[2][1:], want, m[1])
		}
		return &Error{Path: path, Line: line, Col: col, Msg: msg, Err: err}
	}
	return &Error{Path: path, Msg: err.Error(), Err: err}
}

// typeMismatch matches the decoder's message for a value of the wrong type.
var typeMismatch = regexp.MustCompile(`^cannot decode TOML (\w+) into struct field [\w.]*?\.(\w+) of type (\S+)`)

// typeWords says in words what the Go types of the config's fields hold.
var typeWords = map[string]string{
	"float64": "a number", "*float64": "a number", "int": "a whole number", "*int": "a whole number",
	"bool": "true or false", "*bool": "true or false",
	"[]config.pattern": "a list of strings", "[]config.glob": "a list of strings", "config.pattern": "a string",
	"config.glob": "a string", "[]config.override": "a list of tables ([[overrides]])", "config.override": "a table",
}

// keyPosition returns the line and column of key in the top-level table of
// the TOML data (table < 0) or in its table-th [[overrides]] table; 1, 1 when
// it cannot be found (say, inside an inline table).
func keyPosition(data []byte, table int, key string) (line, col int) {
	line, col = 1, 1
	p := unstable.Parser{}
	p.Reset(data)
	current := -1
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.ArrayTable:
			if k := e.Key(); k.Next() && string(k.Node().Data) == "overrides" {
				current++
			}
		case unstable.Table:
			current = -2
		case unstable.KeyValue:
			if current != table {
				continue
			}
			k := e.Key()
			if k.Next() && string(k.Node().Data) == key && k.IsLast() {
				pos := p.Shape(k.Node().Raw).Start
				return pos.Line, pos.Column
			}
		}
	}
	return line, col
}

// tablePosition returns the line and column of the table-th [[overrides]] header.
func tablePosition(data []byte, table int) (line, col int) {
	p := unstable.Parser{}
	p.Reset(data)
	current := -1
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.ArrayTable {
			continue
		}
		if k := e.Key(); k.Next() && string(k.Node().Data) == "overrides" {
			if current++; current == table {
				pos := p.Shape(k.Node().Raw).Start
				return pos.Line, pos.Column
			}
		}
	}
	return 1, 1
}

func regexps(ps []pattern) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, p := range ps {
		out = append(out, p.re)
	}
	return out
}

func globs(gs []glob) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.s)
	}
	return out
}
