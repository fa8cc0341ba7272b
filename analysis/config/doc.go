// Package config finds, parses and applies factbox config files
// (.factbox.toml). It is pure: it reads files only through a FileSystem and
// knows nothing of editors or of the Language Server Protocol.
//
// # Discovery
//
// The config of a file is the .factbox.toml in the file's folder or in the
// closest folder above it, up to the root (the nearest wins; configs do not
// merge). A Loader caches what it found and parsed, and keeps the last good
// version of each config, so that a server can go on with it while the writer
// fixes a broken file.
//
// # Precedence
//
// Settings come in layers, each a Values, later layers winning field by
// field: built-in defaults (analysis.DefaultOptions) < config file (its top
// level, then each [[overrides]] table whose files match, in order) < editor
// settings the writer set explicitly < command-line flags. Ignore patterns
// add up across layers instead.
//
// # Usage
//
//	l := config.NewLoader(config.OS{})
//	cfg, err := l.Find(filepath.Dir(abs)) // nil, nil when there is none
//	if err != nil {
//		return err // *config.Error: "path:line:col: what is wrong"
//	}
//	v, excluded := cfg.Settings(abs)
//	opts, diagnostics := flags.Over(v).Apply(analysis.DefaultOptions())
package config
