package server

import (
	"context"
	"encoding/json"
	"slices"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// workspaceCapabilities says the server takes workspace folders and wants to
// hear when they change.
var workspaceCapabilities = &protocol.ServerCapabilitiesWorkspace{
	WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{
		Supported:           ptr(true),
		ChangeNotifications: &protocol.BoolOrString{Value: true},
	},
}

// initWorkspace records the workspace folders and the capabilities of the
// initialize params; s.mu is held.
func (s *Server) initWorkspace(params initializeParams) {
	caps := params.Capabilities.Workspace
	s.ws.mu.Lock()
	defer s.ws.mu.Unlock()
	s.ws.watchDynamic = caps != nil && caps.DidChangeWatchedFiles != nil && caps.DidChangeWatchedFiles.DynamicRegistration
	s.ws.folderScopes = caps != nil && caps.Configuration && caps.WorkspaceFolders
	s.ws.folders = nil
	for _, f := range params.WorkspaceFolders {
		s.ws.folders = append(s.ws.folders, folderSettings{uri: f.URI})
	}
	sortFolders(s.ws.folders)
	uris := make([]string, len(s.ws.folders))
	for i, f := range s.ws.folders {
		uris[i] = f.uri
	}
	s.log.Infof("workspace folders %q; watch config files %t; settings per folder %t", uris, s.ws.watchDynamic, s.ws.folderScopes)
}

// sortFolders puts the innermost folders first, so that the first folder
// holding a document is its own.
func sortFolders(fs []folderSettings) {
	slices.SortStableFunc(fs, func(a, b folderSettings) int { return len(b.uri) - len(a.uri) })
}

// startWorkspace registers the file watchers and pulls each folder's
// settings, from goroutines: both are calls to the client.
func (s *Server) startWorkspace() {
	s.ws.mu.Lock()
	dynamic, scopes := s.ws.watchDynamic, s.ws.folderScopes && len(s.ws.folders) > 0
	s.ws.mu.Unlock()
	if dynamic {
		go s.registerWatchers()
	}
	if scopes {
		go s.pullFolderSettings()
	}
}

// didChangeWorkspaceFolders handles workspace/didChangeWorkspaceFolders:
// removed folders are forgotten, added ones get their settings pulled.
func (s *Server) didChangeWorkspaceFolders(params *protocol.DidChangeWorkspaceFoldersParams) {
	s.ws.mu.Lock()
	for _, r := range params.Event.Removed {
		s.ws.folders = slices.DeleteFunc(s.ws.folders, func(f folderSettings) bool { return f.uri == r.URI })
	}
	for _, a := range params.Event.Added {
		if !slices.ContainsFunc(s.ws.folders, func(f folderSettings) bool { return f.uri == a.URI }) {
			s.ws.folders = append(s.ws.folders, folderSettings{uri: a.URI})
		}
	}
	sortFolders(s.ws.folders)
	scopes := s.ws.folderScopes
	s.ws.mu.Unlock()
	s.log.Infof("workspace folders: %d added, %d removed", len(params.Event.Added), len(params.Event.Removed))
	if scopes {
		go s.pullFolderSettings()
	} else {
		s.reconfigure()
	}
}

// pullFolderSettings asks the client for the "factbox" section of each
// workspace folder (workspace/configuration with its scopeUri), caches the
// answers and re-publishes the documents whose configuration changed. A
// folder whose answer is empty or bad follows the global settings.
func (s *Server) pullFolderSettings() {
	call := s.caller()
	if call == nil {
		return
	}
	s.ws.mu.Lock()
	uris := make([]string, len(s.ws.folders))
	for i, f := range s.ws.folders {
		uris[i] = f.uri
	}
	s.ws.mu.Unlock()
	if len(uris) == 0 {
		return
	}
	section := "factbox"
	items := make([]protocol.ConfigurationItem, len(uris))
	for i := range uris {
		items[i] = protocol.ConfigurationItem{ScopeURI: &uris[i], Section: &section}
	}
	ctx, cancel := context.WithTimeout(context.Background(), configurationTimeout)
	defer cancel()
	var result []json.RawMessage
	if err := call(ctx, protocol.ServerWorkspaceConfiguration, protocol.ConfigurationParams{Items: items}, &result); err != nil {
		s.log.Warningf("workspace/configuration for %d folders: %s", len(uris), err)
		return
	}
	if len(result) != len(uris) {
		s.log.Warningf("workspace/configuration: %d results for %d folders", len(result), len(uris))
		return
	}
	got := make(map[string]folderSettings, len(uris))
	for i, raw := range result {
		wrapped, _ := json.Marshal(map[string]json.RawMessage{"factbox": raw})
		settings, ok, warnings, err := ParseSettings(wrapped)
		for _, w := range warnings {
			s.log.Warningf("settings of %s: %s", uris[i], w)
		}
		if err != nil {
			s.log.Warningf("settings of %s: %s; following the global settings", uris[i], err)
			ok = false
		}
		got[uris[i]] = folderSettings{uri: uris[i], settings: settings, has: ok}
	}
	s.ws.mu.Lock()
	for i, f := range s.ws.folders {
		if g, ok := got[f.uri]; ok {
			s.ws.folders[i] = g
		}
	}
	s.ws.mu.Unlock()
	s.reconfigure()
}

// reconfigure recomputes the configuration of every open document and
// re-publishes those whose configuration changed.
func (s *Server) reconfigure() {
	s.mu.Lock()
	scoped := s.scopedLocked()
	s.mu.Unlock()
	var changed []*Document
	s.store.Reconfigure(func(d *Document) *Document {
		cfg := s.documentConfig(scoped.forURI(d.URI), d.URI, d.LanguageID)
		if sameConfig(cfg, d.config) {
			return d
		}
		d = d.withConfig(cfg)
		changed = append(changed, d)
		return d
	})
	if len(changed) > 0 {
		s.log.Infof("configuration changed; re-publishing %d documents", len(changed))
	}
	for _, d := range changed {
		s.schedule(d)
	}
}
