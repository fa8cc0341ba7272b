package main

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/server"
)

// sarifReporter writes a SARIF 2.1.0 log (OASIS Static Analysis Results
// Interchange Format), which GitHub code scanning, Azure DevOps and SARIF
// viewers read: one run whose tool has a rule for each of the two codes, and
// one result per hard sentence with its region. Lines and columns are
// 1-based; columns count Unicode code points (the run's columnKind says so)
// and endColumn is just past the sentence, as SARIF's §3.30 wants. A file
// that cannot be read is a tool notification of level error.
type sarifReporter struct {
	w     io.Writer
	log   sarifLog
	notes []sarifNotification
}

// The SARIF objects check writes: the few properties it fills.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name    string      `json:"name"`
		Version string      `json:"version"`
		Rules   []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifMessage    `json:"shortDescription"`
		FullDescription      sarifMessage    `json:"fullDescription"`
		DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
		Properties           map[string]any  `json:"properties,omitempty"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifResult struct {
		RuleID     string          `json:"ruleId"`
		RuleIndex  int             `json:"ruleIndex"`
		Level      string          `json:"level"`
		Message    sarifMessage    `json:"message"`
		Locations  []sarifLocation `json:"locations"`
		Properties sarifProperties `json:"properties"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifProperties struct {
		Level float64 `json:"level"`
		Words int     `json:"words"`
	}
)

// sarifSchema is the schema a SARIF 2.1.0 log names.
const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

func newSARIFReporter(w io.Writer, opts analysis.Options) reporter {
	threshold := func(v float64) map[string]any { return map[string]any{"fromGrade": v, "minWords": opts.MinWords} }
	return &sarifReporter{w: w, log: sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:    "factbox",
				Version: version(),
				Rules: []sarifRule{{
					ID:                   server.CodeHardSentence,
					Name:                 "HardSentence",
					ShortDescription:     sarifMessage{"Hard to read"},
					FullDescription:      sarifMessage{"A sentence whose Flesch–Kincaid grade level reaches the hard level but not the very hard one, with enough words to count."},
					DefaultConfiguration: sarifRuleConfig{"note"},
					Properties:           threshold(opts.HardLevel),
				}, {
					ID:                   server.CodeVeryHardSentence,
					Name:                 "VeryHardSentence",
					ShortDescription:     sarifMessage{"Very hard to read"},
					FullDescription:      sarifMessage{"A sentence whose Flesch–Kincaid grade level reaches the very hard level, with enough words to count."},
					DefaultConfiguration: sarifRuleConfig{"warning"},
					Properties:           threshold(opts.VeryHardLevel),
				}},
			}},
			ColumnKind: "unicodeCodePoints",
			Results:    []sarifResult{},
		}},
	}}
}

func (r *sarifReporter) file(name, text string, opts analysis.Options) tally {
	found, t := findings(text, opts)
	run := &r.log.Runs[0]
	for i := range found {
		f := &found[i]
		res := sarifResult{RuleID: f.code(), Level: "note", Message: sarifMessage{f.message(opts)}}
		if f.difficulty == analysis.VeryHard {
			res.RuleIndex, res.Level = 1, "warning"
		}
		res.Locations = []sarifLocation{{sarifPhysicalLocation{
			ArtifactLocation: sarifArtifactLocation{sarifURI(name)},
			Region:           &sarifRegion{f.start.Line, f.start.Column, f.end.Line, f.end.Column},
		}}}
		res.Properties = sarifProperties{Level: round3(f.level), Words: f.words}
		run.Results = append(run.Results, res)
	}
	return t
}

func (r *sarifReporter) fileError(name string, err error) {
	r.notes = append(r.notes, sarifNotification{
		Level:     "error",
		Message:   sarifMessage{err.Error()},
		Locations: []sarifLocation{{sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{sarifURI(name)}}}},
	})
}

func (r *sarifReporter) close(*summary) {
	r.log.Runs[0].Invocations = []sarifInvocation{{ExecutionSuccessful: len(r.notes) == 0, ToolExecutionNotifications: r.notes}}
	enc := json.NewEncoder(r.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	// Only strings, numbers and fixed structs are encoded here; a failed
	// write shows at the final Flush.
	enc.Encode(&r.log)
}

// sarifURI turns a file name into a URI reference: a relative one for a
// relative path, a file: URI for an absolute one, "stdin" for "-".
func sarifURI(name string) string {
	if name == "-" {
		return "stdin"
	}
	u := url.URL{Path: filepath.ToSlash(name)}
	if filepath.IsAbs(name) {
		u.Scheme = "file"
		if vol := filepath.VolumeName(name); vol != "" {
			u.Path = "/" + u.Path // file:///C:/…
		}
	}
	return u.String()
}
