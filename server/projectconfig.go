package server

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/config"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// workspace is what the server knows of the client's workspace: its folders
// and their settings, and the .factbox.toml files of open documents.
type workspace struct {
	loader *config.Loader

	mu      sync.Mutex
	folders []folderSettings // longest URI first
	shown   map[string]bool  // config errors shown with window/showMessage
	// watchDynamic is set when the client registers file watchers on
	// request; without it configs changed on disk are found when a
	// document is opened or saved (refreshConfigs).
	watchDynamic bool
	// folderScopes is set when the client answers workspace/configuration
	// items with a scopeUri and tells of workspace folders.
	folderScopes bool
}

// folderSettings are the settings of one workspace folder; has is false
// until the client told them.
type folderSettings struct {
	uri      string
	settings Settings
	has      bool
}

func newWorkspace(fsys config.FileSystem) *workspace {
	return &workspace{loader: config.NewLoader(fsys), shown: make(map[string]bool)}
}

// scopedSettings are the global settings and those of each folder, taken together.
type scopedSettings struct {
	global  Settings
	folders []folderSettings
}

// scopedLocked returns the settings in force; s.mu must be held.
func (s *Server) scopedLocked() scopedSettings {
	s.ws.mu.Lock()
	defer s.ws.mu.Unlock()
	return scopedSettings{global: s.settings, folders: slices.Clone(s.ws.folders)}
}

// forURI returns the settings of the innermost folder holding uri, or the
// global settings.
func (sc scopedSettings) forURI(uri string) Settings {
	for _, f := range sc.folders {
		if f.has && inFolder(uri, f.uri) {
			return f.settings
		}
	}
	return sc.global
}

// inFolder reports whether uri is folder or lies under it.
func inFolder(uri, folder string) bool {
	folder = strings.TrimSuffix(folder, "/")
	return uri == folder || strings.HasPrefix(uri, folder+"/")
}

// explicit returns the values p sets, as corrected into s.
func (p *settingsPatch) explicit(s Settings) config.Values {
	var v config.Values
	if p.HardLevel != nil {
		v.HardLevel = &s.HardLevel
	}
	if p.VeryHardLevel != nil {
		v.VeryHardLevel = &s.VeryHardLevel
	}
	if p.MinWords != nil {
		v.MinWords = &s.MinWords
	}
	if p.Diagnostics != nil && p.Diagnostics.Enable != nil {
		v.Diagnostics = &s.Diagnostics.Enable
	}
	if h := p.Hints; h != nil {
		v.Hints = config.Hints{Adverbs: h.Adverbs, PassiveVoice: h.PassiveVoice, SimplerAlternatives: h.SimplerAlternatives}
	}
	return v
}

// documentConfig returns the configuration of the document at uri in
// languageID under settings: built-in defaults, then the document's config
// file (see package config), then the settings the client set explicitly. A
// config file that excludes the document switches its diagnostics off; a bad
// one is reported (see reportConfigError) and its last good version used.
func (s *Server) documentConfig(settings Settings, uri, languageID string) docConfig {
	cfg := settings.docConfig(languageID)
	path, ok := uriPath(uri)
	if !ok || !cfg.analyse {
		return cfg
	}
	file, err := s.configOf(settings, uri, path)
	if err != nil {
		s.reportConfigError(err)
	}
	v, excluded := file.Settings(path)
	merged := settings.explicit.Over(v)
	opts, diagnostics := merged.Apply(analysis.DefaultOptions())
	hs := &cfg.hints
	hs.Adverbs, hs.PassiveVoice, hs.SimplerAlternatives = merged.Hints.Apply(hs.Adverbs, hs.PassiveVoice, hs.SimplerAlternatives)
	if opts.VeryHardLevel < opts.HardLevel {
		from := "the defaults"
		if file != nil {
			from = file.Path
		}
		s.log.Warningf("%s: veryHardLevel %g is below hardLevel %g (settings over %s); using %g for both",
			uri, opts.VeryHardLevel, opts.HardLevel, from, opts.HardLevel)
		opts.VeryHardLevel = opts.HardLevel
	}
	opts.Format = cfg.opts.Format
	cfg.opts = opts
	cfg.diagnostics = diagnostics && !excluded
	return cfg
}

// configOf returns the config file for the document at uri and path: the
// configPath setting's, or the nearest one.
func (s *Server) configOf(settings Settings, uri, path string) (*config.Config, error) {
	if settings.ConfigPath != "" {
		return s.ws.loader.Load(s.resolveConfigPath(settings.ConfigPath, uri))
	}
	return s.ws.loader.Find(filepath.Dir(path))
}

// resolveConfigPath makes the configPath setting p absolute for the
// document at uri: a leading ~/ is the home folder, a relative path is
// relative to the workspace folder holding the document (or, outside every
// folder, to the server's working folder).
func (s *Server) resolveConfigPath(p, uri string) string {
	if home, err := os.UserHomeDir(); err == nil && strings.HasPrefix(p, "~/") {
		p = filepath.Join(home, p[2:])
	}
	if !filepath.IsAbs(p) {
		s.ws.mu.Lock()
		for _, f := range s.ws.folders {
			if inFolder(uri, f.uri) {
				if dir, ok := uriPath(f.uri); ok {
					p = filepath.Join(dir, p)
				}
				break
			}
		}
		s.ws.mu.Unlock()
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return p
}

// reportConfigError logs a bad config and shows it once with
// window/showMessage; the same message is shown again only after the file
// changed.
func (s *Server) reportConfigError(err error) {
	msg := err.Error()
	s.ws.mu.Lock()
	shown := s.ws.shown[msg]
	s.ws.shown[msg] = true
	s.ws.mu.Unlock()
	if shown {
		return
	}
	s.log.Warningf("config: %s; keeping the last good config", msg)
	s.notify(protocol.ServerWindowShowMessage, protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: "factbox: " + msg})
}

// isConfigDocument reports whether the document at uri is a config file:
// named .factbox.toml, or the configPath of settings.
func (s *Server) isConfigDocument(uri string, settings Settings) (path string, ok bool) {
	path, ok = uriPath(uri)
	if !ok {
		return "", false
	}
	if filepath.Base(path) == config.FileName {
		return path, true
	}
	if settings.ConfigPath != "" && s.resolveConfigPath(settings.ConfigPath, uri) == path {
		return path, true
	}
	return "", false
}

// checkConfigDocument publishes the problems of d, if d is an open config
// file: the text in the editor is parsed as it is typed, so that the writer
// sees a mistake before saving it. Only files named *.toml are looked at,
// which keeps every other edit free of the check.
func (s *Server) checkConfigDocument(d *Document) {
	if !strings.HasSuffix(d.URI, ".toml") {
		return
	}
	s.mu.Lock()
	settings := s.scopedLocked().forURI(d.URI)
	s.mu.Unlock()
	path, ok := s.isConfigDocument(d.URI, settings)
	if !ok {
		return
	}
	diags := []protocol.Diagnostic{}
	text := d.Text()
	if _, err := config.Parse(path, []byte(text)); err != nil {
		var ce *config.Error
		errors.As(err, &ce)
		var rng protocol.Range
		if ce != nil && ce.Line > 0 {
			if start, err := d.Mapper.PositionOffset(protocol.Position{Line: uint32(ce.Line - 1)}); err == nil {
				// The column counts bytes, up to the end of the line.
				at := start
				for at < start+ce.Col-1 && at < len(text) && text[at] != '\n' && text[at] != '\r' {
					at++
				}
				for at > start && !utf8.RuneStart(text[at]) {
					at--
				}
				if p, err := d.Mapper.OffsetPosition(at); err == nil {
					rng = protocol.Range{Start: p, End: p}
				}
			}
		}
		sev := protocol.DiagnosticSeverityError
		msg := err.Error()
		if ce != nil {
			msg = ce.Msg
		}
		diags = append(diags, protocol.Diagnostic{Range: rng, Severity: &sev, Source: ptr(Name), Message: msg})
	}
	s.publishList(d, diags)
}

// refreshConfigs re-reads the config files that changed on disk since the
// server read them, when the client does not watch files for the server. It
// runs when a document is opened or saved, so a config edited anywhere is
// seen at the next open or save (a stat per folder searched).
func (s *Server) refreshConfigs() {
	s.ws.mu.Lock()
	dynamic := s.ws.watchDynamic
	s.ws.mu.Unlock()
	if dynamic {
		return
	}
	if stale := s.ws.loader.Stale(); len(stale) > 0 {
		s.reloadConfigs(stale)
	}
}

// didChangeWatchedFiles handles workspace/didChangeWatchedFiles: a config
// file was created, changed or deleted.
func (s *Server) didChangeWatchedFiles(params *protocol.DidChangeWatchedFilesParams) {
	var paths []string
	for _, c := range params.Changes {
		if path, ok := uriPath(c.URI); ok {
			paths = append(paths, path)
		}
	}
	if len(paths) > 0 {
		s.reloadConfigs(paths)
	}
}

// reloadConfigs forgets what the server read of the config files at paths
// and re-publishes every open document whose configuration changed.
func (s *Server) reloadConfigs(paths []string) {
	for _, p := range paths {
		s.ws.loader.Forget(p)
	}
	s.ws.mu.Lock()
	clear(s.ws.shown)
	s.ws.mu.Unlock()
	s.log.Infof("config files changed: %s", strings.Join(paths, ", "))
	s.reconfigure()
}

// sameConfig reports whether a and b analyse, flag and hint alike.
func sameConfig(a, b docConfig) bool {
	ao, bo := a.opts, b.opts
	if a.analyse != b.analyse || a.diagnostics != b.diagnostics || a.hints != b.hints || ao.Format != bo.Format || ao.HardLevel != bo.HardLevel ||
		ao.VeryHardLevel != bo.VeryHardLevel || ao.MinWords != bo.MinWords || ao.Silent != bo.Silent || len(ao.Ignore) != len(bo.Ignore) {
		return false
	}
	for i := range ao.Ignore {
		if ao.Ignore[i].String() != bo.Ignore[i].String() {
			return false
		}
	}
	return true
}

// configWatchers are the file watchers the server registers: every
// .factbox.toml in the workspace.
var configWatchers = []map[string]any{{"globPattern": "**/" + config.FileName}}

// registerWatchers asks the client to watch config files for the server.
// It calls the client, so it runs on its own goroutine, never in a handler.
func (s *Server) registerWatchers() {
	call := s.caller()
	if call == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), configurationTimeout)
	defer cancel()
	params := map[string]any{"registrations": []any{map[string]any{
		"id":              "factbox-config-files",
		"method":          "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": configWatchers},
	}}}
	if err := call(ctx, "client/registerCapability", params, nil); err != nil {
		s.log.Warningf("client/registerCapability: %s; config files are re-read when saved", err)
		s.ws.mu.Lock()
		s.ws.watchDynamic = false
		s.ws.mu.Unlock()
	}
}

// uriPath returns the file path of a file: URI.
func uriPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}
