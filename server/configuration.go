package server

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/config"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Settings are the server's settings, read from the "factbox" section of the
// client's configuration.
type Settings struct {
	HardLevel     float64             `json:"hardLevel"`
	VeryHardLevel float64             `json:"veryHardLevel"`
	MinWords      int                 `json:"minWords"`
	Diagnostics   DiagnosticsSettings `json:"diagnostics"`
	Languages     []string            `json:"languages"`
	// ConfigPath, when set, names the .factbox.toml every document uses
	// instead of its nearest one.
	ConfigPath string `json:"configPath"`

	// explicit holds the values the client set, which win over a config
	// file's; the others are defaults, which lose to it.
	explicit config.Values
}

// DiagnosticsSettings are the settings under factbox.diagnostics.
type DiagnosticsSettings struct {
	Enable bool `json:"enable"`
}

// DefaultSettings returns the settings used when the client gives none: the
// thresholds of analysis.DefaultOptions, diagnostics on, Markdown and plain text.
func DefaultSettings() Settings {
	o := analysis.DefaultOptions()
	s := Settings{HardLevel: o.HardLevel, VeryHardLevel: o.VeryHardLevel, MinWords: o.MinWords}
	s.Diagnostics.Enable = true
	s.Languages = []string{"markdown", "plaintext"}
	return s
}

// settingsPatch is Settings as the client sends it: every field optional.
type settingsPatch struct {
	HardLevel     *float64 `json:"hardLevel"`
	VeryHardLevel *float64 `json:"veryHardLevel"`
	MinWords      *int     `json:"minWords"`
	Diagnostics   *struct {
		Enable *bool `json:"enable"`
	} `json:"diagnostics"`
	Languages  []string `json:"languages"`
	ConfigPath *string  `json:"configPath"`
}

// ParseSettings reads settings from raw, which is either the "factbox" section
// itself or an object holding it under "factbox" (as initializationOptions and
// workspace/didChangeConfiguration's settings do). Fields raw leaves out take
// their defaults. ok is false when raw holds no settings at all (null, absent,
// or an object without a "factbox" member or any setting). Values of the wrong
// type are an error; out-of-range values are corrected and reported in warnings.
func ParseSettings(raw json.RawMessage) (s Settings, ok bool, warnings []string, err error) {
	s = DefaultSettings()
	if len(raw) == 0 || string(raw) == "null" {
		return s, false, nil, nil
	}
	var outer map[string]json.RawMessage
	if err := json.Unmarshal(raw, &outer); err != nil {
		return s, false, nil, fmt.Errorf("settings are not an object: %w", err)
	}
	if inner, found := outer["factbox"]; found {
		raw = inner
		if string(raw) == "null" {
			return s, false, nil, nil
		}
	} else if !hasAny(outer, "hardLevel", "veryHardLevel", "minWords", "diagnostics", "languages", "configPath") {
		return s, false, nil, nil
	}
	var p settingsPatch
	if err := json.Unmarshal(raw, &p); err != nil {
		return s, false, nil, fmt.Errorf("invalid factbox settings: %w", err)
	}
	if p.HardLevel != nil {
		s.HardLevel = *p.HardLevel
	}
	if p.VeryHardLevel != nil {
		s.VeryHardLevel = *p.VeryHardLevel
	}
	if p.MinWords != nil {
		s.MinWords = *p.MinWords
	}
	if p.Diagnostics != nil && p.Diagnostics.Enable != nil {
		s.Diagnostics.Enable = *p.Diagnostics.Enable
	}
	if p.Languages != nil {
		s.Languages = slices.Clone(p.Languages)
	}
	if s.MinWords < 0 {
		warnings = append(warnings, fmt.Sprintf("minWords %d is negative; using 0", s.MinWords))
		s.MinWords = 0
	}
	if s.VeryHardLevel < s.HardLevel {
		warnings = append(warnings, fmt.Sprintf("veryHardLevel %g is below hardLevel %g; using %g for both", s.VeryHardLevel, s.HardLevel, s.HardLevel))
		s.VeryHardLevel = s.HardLevel
	}
	if p.ConfigPath != nil {
		s.ConfigPath = *p.ConfigPath
	}
	s.explicit = p.explicit(s)
	return s, true, warnings, nil
}

func hasAny(m map[string]json.RawMessage, keys ...string) bool {
	for _, k := range keys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// languageAliases maps editor language names to the LSP language identifiers
// they stand for: Neovim calls plain text "text", Sublime Text's LSP "txt".
var languageAliases = map[string]string{"text": "plaintext", "txt": "plaintext", "md": "markdown"}

func canonicalLanguage(id string) string {
	if c, ok := languageAliases[id]; ok {
		return c
	}
	return id
}

// docConfig returns the configuration of a document in languageID.
// Markdown is analysed as analysis.Markdown, every other language as plain text.
func (s Settings) docConfig(languageID string) docConfig {
	lang := canonicalLanguage(languageID)
	cfg := docConfig{diagnostics: s.Diagnostics.Enable}
	for _, l := range s.Languages {
		if canonicalLanguage(l) == lang {
			cfg.analyse = true
		}
	}
	cfg.opts = analysis.DefaultOptions()
	cfg.opts.HardLevel, cfg.opts.VeryHardLevel, cfg.opts.MinWords = s.HardLevel, s.VeryHardLevel, s.MinWords
	if lang == "markdown" {
		cfg.opts.Format = analysis.Markdown
	}
	return cfg
}

// configurationTimeout bounds how long a workspace/configuration pull waits for the client.
const configurationTimeout = 10 * time.Second

// didChangeConfiguration handles workspace/didChangeConfiguration. Settings in
// the notification are applied at once; a notification without them (as some
// clients send, meaning "ask me") makes the server pull the "factbox" section
// with workspace/configuration, from a goroutine: a call made inside a handler
// would wait for a reply the blocked read loop can never read.
func (s *Server) didChangeConfiguration(_ *glsp.Context, params *protocol.DidChangeConfigurationParams) error {
	raw, err := json.Marshal(params.Settings)
	if err != nil {
		return fmt.Errorf("re-encode settings: %w", err)
	}
	settings, ok, warnings, err := ParseSettings(raw)
	if err != nil {
		s.log.Warningf("workspace/didChangeConfiguration: %s; keeping the current settings", err)
		return nil
	}
	s.ws.mu.Lock()
	scopes := s.ws.folderScopes && len(s.ws.folders) > 0
	s.ws.mu.Unlock()
	if scopes {
		defer func() { go s.pullFolderSettings() }()
	}
	if ok {
		s.applySettings(settings, warnings)
		return nil
	}
	if !s.clientPullsConfiguration() {
		return nil
	}
	go s.pullConfiguration()
	return nil
}

// pullConfiguration asks the client for the "factbox" section and applies it.
// A failed or empty answer leaves the settings as they are.
func (s *Server) pullConfiguration() {
	call := s.caller()
	if call == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), configurationTimeout)
	defer cancel()
	section := "factbox"
	var result []json.RawMessage
	params := protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: &section}}}
	if err := call(ctx, protocol.ServerWorkspaceConfiguration, params, &result); err != nil {
		s.log.Warningf("workspace/configuration: %s", err)
		return
	}
	if len(result) != 1 {
		s.log.Warningf("workspace/configuration: %d results for 1 item", len(result))
		return
	}
	// The answer is the section itself; wrap it so that a section holding a
	// member named "factbox" is not mistaken for the outer object.
	wrapped, _ := json.Marshal(map[string]json.RawMessage{"factbox": result[0]})
	settings, ok, warnings, err := ParseSettings(wrapped)
	switch {
	case err != nil:
		s.log.Warningf("workspace/configuration: %s", err)
	case ok:
		s.applySettings(settings, warnings)
	}
}

// applySettings makes settings current and re-analyses and re-publishes every
// open document under them.
func (s *Server) applySettings(settings Settings, warnings []string) {
	for _, w := range warnings {
		s.log.Warningf("settings: %s", w)
	}
	s.mu.Lock()
	s.settings = settings
	scoped := s.scopedLocked()
	s.mu.Unlock()
	docs := s.store.Reconfigure(func(d *Document) *Document {
		return d.withConfig(s.documentConfig(scoped.forURI(d.URI), d.URI, d.LanguageID))
	})
	s.log.Infof("settings changed: %+v; re-publishing %d documents", settings, len(docs))
	for _, d := range docs {
		s.schedule(d)
	}
}

// currentSettings returns the settings in force.
func (s *Server) currentSettings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}
