package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// defaultExtensions are the file name extensions check looks for in a folder:
// the Markdown ones markupOf knows and plain text.
const defaultExtensions = "md,markdown,mdown,mkd,mkdn,mdx,txt,text"

var (
	// errNoMatch says a glob pattern matched no file.
	errNoMatch = errors.New("no file matches")
	// errEmptyFolder says a folder holds no file to check.
	errEmptyFolder = errors.New("no file to check in this folder (hidden, ignored, or not one of --ext)")
)

// parseExtensions turns "md, .TXT" into the set {".md", ".txt"}.
func parseExtensions(list string) (map[string]bool, error) {
	exts := map[string]bool{}
	for _, e := range strings.Split(list, ",") {
		e = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(e), "."))
		if e == "" {
			continue
		}
		if strings.ContainsAny(e, `/\`) {
			return nil, fmt.Errorf("%q is not a file name extension", e)
		}
		exts["."+e] = true
	}
	if len(exts) == 0 {
		return nil, errors.New("no extension given")
	}
	return exts, nil
}

// expandArgs turns check's arguments into the files to read, in order: a file
// or "-" stays as it is; a folder becomes the files under it whose extension
// is in exts (see walkFolder); an argument that names nothing but holds glob
// characters is matched as a pattern, where ** crosses folders (for shells
// that do not expand it). A file reached twice is listed once. Arguments that
// fail are reported through report and skipped. walked holds the files found
// in a folder or by a pattern rather than named.
func expandArgs(args []string, exts map[string]bool, report func(error)) (files []string, walked map[string]bool) {
	seen := map[string]bool{}
	walked = map[string]bool{}
	add := func(name string) {
		if name != "-" {
			key := filepath.Clean(name)
			if seen[key] {
				return
			}
			seen[key] = true
		}
		files = append(files, name)
	}
	nfound := 0 // files found by walking or matching, even if seen before
	found := func(name string) {
		nfound++
		if !seen[filepath.Clean(name)] {
			walked[name] = true
		}
		add(name)
	}
	ig := &ignores{cache: map[string]dirIgnore{}}
	for _, arg := range args {
		if arg == "-" {
			add(arg)
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			before := nfound
			if err := ig.walkFolder(arg, exts, found); err != nil {
				report(err)
			} else if nfound == before {
				report(fmt.Errorf("%s: %w", arg, errEmptyFolder))
			}
		case err != nil && errors.Is(err, fs.ErrNotExist) && hasGlobMeta(arg):
			if err := ig.expandGlob(arg, exts, found, report); err != nil {
				report(err)
			}
		default:
			// A file, or a name readDocument will report on.
			add(arg)
		}
	}
	return files, walked
}

// hasGlobMeta reports whether name holds a character that makes it a pattern.
func hasGlobMeta(name string) bool {
	return strings.ContainsAny(name, "*?[{")
}

// ignores finds what .gitignore files ignore. The patterns in force in a
// folder are those of the .gitignore files from its base down to it: the
// base is the root of the Git working tree the folder is in (whose
// .git/info/exclude counts too), or else the folder walked.
type ignores struct {
	cache map[string]dirIgnore // by absolute folder
}

// dirIgnore is what is in force for the entries of one folder.
type dirIgnore struct {
	base     string
	parts    []string // the folder's path below base
	patterns []gitignore.Pattern
}

// at returns what is in force in the absolute folder dir, below base.
func (ig *ignores) at(base, dir string) dirIgnore {
	if d, ok := ig.cache[dir]; ok && d.base == base {
		return d
	}
	var d dirIgnore
	if dir == base {
		d = dirIgnore{base: base, patterns: readIgnoreFile(filepath.Join(base, ".git", "info", "exclude"), nil, nil)}
	} else {
		parent := ig.at(base, filepath.Dir(dir))
		d = dirIgnore{base: base, parts: append(slices.Clip(parent.parts), filepath.Base(dir)), patterns: parent.patterns}
	}
	d.patterns = readIgnoreFile(filepath.Join(dir, ".gitignore"), d.parts, d.patterns)
	ig.cache[dir] = d
	return d
}

// baseOf returns the base for the absolute folder dir: the root of its Git
// working tree, else fallback when that holds dir, else dir.
func baseOf(dir, fallback string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if rel, err := filepath.Rel(fallback, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fallback
	}
	return dir
}

// ignored reports whether the file or folder at the absolute path, or a
// folder it is in below base, is ignored.
func (ig *ignores) ignored(base, path string, isDir bool) bool {
	d := ig.at(base, filepath.Dir(path))
	full := append(slices.Clip(d.parts), filepath.Base(path))
	m := gitignore.NewMatcher(d.patterns)
	for i := 1; i <= len(full); i++ {
		if m.Match(full[:i], i < len(full) || isDir) {
			return true
		}
	}
	return false
}

// expandGlob adds the files that pattern matches, in lexical order, leaving
// out hidden files and folders and what .gitignore files ignore; ** follows
// no symbolic link to a folder. A folder it matches is walked as if named on
// the command line.
func (ig *ignores) expandGlob(pattern string, exts map[string]bool, add func(string), report func(error)) error {
	if !doublestar.ValidatePathPattern(filepath.ToSlash(pattern)) {
		return fmt.Errorf("%s: %w", pattern, doublestar.ErrBadPattern)
	}
	matches, err := doublestar.FilepathGlob(pattern, doublestar.WithFailOnIOErrors(), doublestar.WithNoHidden(), doublestar.WithNoFollow())
	if err != nil {
		return fmt.Errorf("%s: %w", pattern, err)
	}
	cwd, _ := os.Getwd()
	found := false
	slices.Sort(matches)
	for _, m := range matches {
		abs, err := filepath.Abs(m)
		if err != nil {
			report(err)
			continue
		}
		info, err := os.Stat(m)
		if err != nil {
			report(err)
			continue
		}
		if ig.ignored(baseOf(filepath.Dir(abs), cwd), abs, info.IsDir()) {
			continue
		}
		found = true
		if info.IsDir() {
			if err := ig.walkFolder(m, exts, add); err != nil {
				report(err)
			}
			continue
		}
		add(m)
	}
	if !found {
		return fmt.Errorf("%s: %w", pattern, errNoMatch)
	}
	return nil
}

// walkFolder adds the files under root whose extension is in exts, in lexical
// order of their paths (a folder's files and subfolders sorted by name). It
// skips hidden files and folders (names starting with "."), follows no
// symbolic link to a folder, and leaves out what .gitignore files ignore
// (see ignores).
func (ig *ignores) walkFolder(root string, exts map[string]bool, add func(string)) error {
	abs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	d := ig.at(baseOf(abs, abs), abs)
	return walkDir(root, d.parts, d.patterns, exts, add)
}

// walkDir adds the files of dir, whose path below the base is parts and in
// which patterns are in force, then walks its subfolders.
func walkDir(dir string, parts []string, patterns []gitignore.Pattern, exts map[string]bool, add func(string)) error {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return err
	}
	matcher := gitignore.NewMatcher(patterns)
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil || info.IsDir() {
				continue // a dangling link, or one to a folder: not followed
			}
		}
		sub := append(slices.Clip(parts), name)
		if matcher.Match(sub, isDir) {
			continue
		}
		if isDir {
			subPatterns := readIgnoreFile(filepath.Join(path, ".gitignore"), sub, patterns)
			if err := walkDir(path, sub, subPatterns, exts, add); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if exts[strings.ToLower(filepath.Ext(name))] {
			add(path)
		}
	}
	return errors.Join(errs...)
}

// readIgnoreFile appends the patterns of a .gitignore-style file in the
// folder at path parts (its domain); a file that cannot be read adds none.
// Trailing spaces are dropped unless escaped with a backslash, as Git does.
func readIgnoreFile(path string, domain []string, patterns []gitignore.Pattern) []gitignore.Pattern {
	f, err := os.Open(path)
	if err != nil {
		return patterns
	}
	defer f.Close()
	domain = slices.Clone(domain)
	patterns = slices.Clip(patterns) // never write into a parent's slice
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if trimmed := strings.TrimRight(line, " "); !strings.HasSuffix(trimmed, "\\") {
			line = trimmed
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		patterns = append(patterns, gitignore.ParsePattern(line, domain))
	}
	return patterns
}
