package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/config"
)

// configFlags are check's flags that choose the config file.
type configFlags struct {
	path string // --config: this file for every checked file
	none bool   // --no-config: no file at all
}

// addConfigFlags defines --config and --no-config on fs.
func addConfigFlags(fs *flag.FlagSet, c *configFlags) {
	fs.StringVar(&c.path, "config", "", "use the config file at `path` for every file, instead of each file's nearest "+config.FileName)
	fs.BoolVar(&c.none, "no-config", false, "use no config file, only the flags and the defaults")
}

// configResolver gives each checked file its options: the defaults, then
// the file's config, then the threshold flags given on the command line.
type configResolver struct {
	flags   configFlags
	loader  *config.Loader
	cmdline config.Values // the flags set explicitly
	cwd     string
	shown   map[string]bool // config errors already printed
}

// newConfigResolver returns the resolver for check's flags, set on fs.
func newConfigResolver(fs *flag.FlagSet, f checkFlags, c configFlags) (*configResolver, error) {
	if c.none && c.path != "" {
		return nil, errors.New("--config and --no-config do not go together")
	}
	r := &configResolver{flags: c, loader: config.NewLoader(config.OS{}), shown: make(map[string]bool)}
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "hard-level":
			r.cmdline.HardLevel = &f.hardLevel
		case "very-hard-level":
			r.cmdline.VeryHardLevel = &f.veryHardLevel
		case "min-words":
			r.cmdline.MinWords = &f.minWords
		}
	})
	var err error
	if r.cwd, err = os.Getwd(); err != nil {
		return nil, fmt.Errorf("current folder: %w", err)
	}
	if c.path != "" {
		abs, err := filepath.Abs(c.path)
		if err != nil {
			return nil, err
		}
		r.flags.path = abs
	}
	return r, nil
}

// errExcluded says a file is excluded by its config.
var errExcluded = errors.New("excluded by")

// options returns the options to check the file name with (standard input
// for "-", which takes the config of the current folder). It returns an
// error wrapping errExcluded for a file the config excludes, and a
// *config.Error for a bad config; fresh is false when that error was already
// returned for another file.
func (r *configResolver) options(name string, base analysis.Options) (opts analysis.Options, fresh bool, err error) {
	var cfg *config.Config
	abs := filepath.Join(r.cwd, "-")
	if name != "-" {
		if abs, err = filepath.Abs(name); err != nil {
			return base, true, err
		}
	}
	switch {
	case r.flags.none:
	case r.flags.path != "":
		cfg, err = r.loader.Load(r.flags.path)
	default:
		cfg, err = r.loader.Find(filepath.Dir(abs))
	}
	if err != nil {
		msg := err.Error()
		fresh = !r.shown[msg]
		r.shown[msg] = true
		return base, fresh, err
	}
	v, excluded := cfg.Settings(abs)
	if excluded && name != "-" {
		return base, true, fmt.Errorf("%s: %w %s", name, errExcluded, cfg.Path)
	}
	opts, diagnostics := r.cmdline.Over(v).Apply(base)
	opts.Silent = !diagnostics
	if cfg != nil && opts.HardLevel > opts.VeryHardLevel {
		// Flags alone may set the tiers in any order, as before config files;
		// a config file that ends up inverted is a mistake worth stopping on.
		return base, true, fmt.Errorf("%s: hard level %g is above very hard level %g (flags over %s)", name, opts.HardLevel, opts.VeryHardLevel, cfg.Path)
	}
	return opts, true, nil
}
