package main

import (
	"encoding/json"
	"io"

	"github.com/factbox/factbox/analysis"
)

// rdjsonReporter writes reviewdog's diagnostic format, rdjson: one
// DiagnosticResult with a Diagnostic per hard sentence, for
// `reviewdog -f=rdjson`. Lines are 1-based; columns are 1-based and count
// bytes of UTF-8, as the format's Position says, and the range's end is
// exclusive. A very hard sentence is a WARNING, a hard one INFO; a file that
// cannot be read is an ERROR with no range.
type rdjsonReporter struct {
	w      io.Writer
	result rdjsonResult
}

// The rdjson messages check writes (reviewdog's proto/rdf, as JSON).
type (
	rdjsonResult struct {
		Source      rdjsonSource       `json:"source"`
		Diagnostics []rdjsonDiagnostic `json:"diagnostics"`
	}
	rdjsonSource struct {
		Name string `json:"name"`
	}
	rdjsonDiagnostic struct {
		Message  string         `json:"message"`
		Location rdjsonLocation `json:"location"`
		Severity string         `json:"severity"`
		Code     *rdjsonCode    `json:"code,omitempty"`
	}
	rdjsonLocation struct {
		Path  string       `json:"path"`
		Range *rdjsonRange `json:"range,omitempty"`
	}
	rdjsonRange struct {
		Start rdjsonPosition `json:"start"`
		End   rdjsonPosition `json:"end"`
	}
	rdjsonPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdjsonCode struct {
		Value string `json:"value"`
	}
)

func newRDJSONReporter(w io.Writer, _ analysis.Options) reporter {
	return &rdjsonReporter{w: w, result: rdjsonResult{Source: rdjsonSource{"factbox"}, Diagnostics: []rdjsonDiagnostic{}}}
}

func (r *rdjsonReporter) file(name, text string, opts analysis.Options) tally {
	found, t := findings(text, opts)
	for i := range found {
		f := &found[i]
		r.result.Diagnostics = append(r.result.Diagnostics, rdjsonDiagnostic{
			Message: f.message(opts),
			Location: rdjsonLocation{Path: displayName(name), Range: &rdjsonRange{
				Start: rdjsonPosition{f.start.Line, f.startByte},
				End:   rdjsonPosition{f.end.Line, f.endByte},
			}},
			Severity: f.pick("INFO", "WARNING"),
			Code:     &rdjsonCode{f.code()},
		})
	}
	return t
}

func (r *rdjsonReporter) fileError(name string, err error) {
	r.result.Diagnostics = append(r.result.Diagnostics, rdjsonDiagnostic{
		Message:  err.Error(),
		Location: rdjsonLocation{Path: displayName(name)},
		Severity: "ERROR",
	})
}

func (r *rdjsonReporter) close(*summary) {
	enc := json.NewEncoder(r.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	// Only strings, numbers and fixed structs are encoded here; a failed
	// write shows at the final Flush.
	enc.Encode(&r.result)
}
