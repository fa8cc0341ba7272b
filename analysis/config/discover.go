package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
)

// FileSystem is what discovery needs of a file system: reading a file by
// its path. ReadFile's error for a missing file satisfies errors.Is(err,
// fs.ErrNotExist).
type FileSystem interface {
	ReadFile(name string) ([]byte, error)
}

// OS is the operating system's file system.
type OS struct{}

// ReadFile implements FileSystem with os.ReadFile.
func (OS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// maxSize bounds what is read of a config file: a larger one is a mistake.
const maxSize = 1 << 20

// Loader finds and parses config files, caching what it read: each folder's
// nearest config and each config file's parse. It is safe for concurrent use.
// A Loader sees changes on disk only after Forget or Reset.
type Loader struct {
	FS FileSystem

	mu    sync.Mutex
	near  map[string]string  // folder → path of its nearest config, "" for none
	files map[string]*parsed // config path → parse
	good  map[string]*Config // config path → last config that parsed
}

// parsed is the outcome of reading one config file.
type parsed struct {
	cfg *Config
	err error
}

// NewLoader returns a Loader reading fsys.
func NewLoader(fsys FileSystem) *Loader {
	return &Loader{FS: fsys}
}

// Find returns the config nearest to the folder dir: the file named FileName
// in dir or else in the closest folder above it, up to the root. dir should
// be absolute and clean. Find returns nil and no error when there is none.
// When the nearest config is bad, Find returns an *Error and the last
// config that file held when it parsed, which may be nil: a server can keep
// working with it while the writer fixes the file.
func (l *Loader) Find(dir string) (*Config, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	path, err := l.nearest(dir)
	if err != nil || path == "" {
		return nil, err
	}
	return l.load(path)
}

// Load returns the config at path, as Find does for the config it found.
func (l *Loader) Load(path string) (*Config, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.load(path)
}

// Forget drops what the loader knows of the config at path, and of which
// config is nearest to each folder (a created or deleted file changes that).
// The last good config of path is kept.
func (l *Loader) Forget(path string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.files, path)
	l.near = nil
}

// Reset drops everything cached but the last good configs.
func (l *Loader) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.files, l.near = nil, nil
}

// nearest returns the path of the config nearest to dir, or "".
func (l *Loader) nearest(dir string) (string, error) {
	if l.near == nil {
		l.near = make(map[string]string)
	}
	var walked []string
	found := ""
	for d := dir; ; {
		if p, ok := l.near[d]; ok {
			found = p
			break
		}
		walked = append(walked, d)
		p := filepath.Join(d, FileName)
		if _, err := l.load(p); err == nil || !errors.Is(err, fs.ErrNotExist) {
			// A config that exists but is bad or cannot be read is still
			// the nearest one: Find reports it.
			found = p
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range walked {
		l.near[d] = found
	}
	return found, nil
}

// load reads and parses the config at path, once.
func (l *Loader) load(path string) (*Config, error) {
	if l.files == nil {
		l.files = make(map[string]*parsed)
		if l.good == nil {
			l.good = make(map[string]*Config)
		}
	}
	if p, ok := l.files[path]; ok {
		return p.cfg, p.err
	}
	p := &parsed{}
	data, err := l.FS.ReadFile(path)
	switch {
	case err != nil:
		p.err = &Error{Path: path, Msg: "cannot read: " + err.Error(), Err: err}
	case len(data) > maxSize:
		p.err = &Error{Path: path, Msg: "larger than 1 MiB; not a config file"}
	default:
		p.cfg, p.err = Parse(path, data)
	}
	if p.err == nil {
		l.good[path] = p.cfg
	} else {
		p.cfg = l.good[path]
	}
	l.files[path] = p
	return p.cfg, p.err
}

// Settings returns the values c gives the file at path (absolute and clean)
// — its top level, then each override whose files match, in order, later
// ones winning — and whether path is excluded. Globs match the path relative
// to c.Dir with forward slashes; a file outside c.Dir matches none.
func (c *Config) Settings(path string) (v Values, excluded bool) {
	if c == nil {
		return Values{}, false
	}
	v = c.Values
	rel, err := filepath.Rel(c.Dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return v, false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		if doublestar.MatchUnvalidated(g, rel) {
			return v, true
		}
	}
	for _, o := range c.Overrides {
		for _, g := range o.Files {
			if doublestar.MatchUnvalidated(g, rel) {
				v = o.Values.Over(v)
				break
			}
		}
	}
	return v, false
}

// dirOf returns the folder of the config file at path.
func dirOf(path string) string { return filepath.Dir(path) }
