package main

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/factbox/factbox/analysis"
)

// checkstyleReporter writes Checkstyle's XML report, which Jenkins' Warnings
// plugin, reviewdog and many CI dashboards read:
//
//	<checkstyle version="4.3">
//	  <file name="docs/a.md">
//	    <error line="3" column="1" severity="warning" message="…" source="factbox.very-hard-sentence"/>
//	  </file>
//	</checkstyle>
//
// Lines and columns are 1-based, columns in characters. A very hard sentence
// is a warning, a hard one info; a file that cannot be read has one error.
// Every file checked is listed, with no errors when it has no hard sentence.
type checkstyleReporter struct{ w io.Writer }

func newCheckstyleReporter(w io.Writer, _ analysis.Options) reporter {
	io.WriteString(w, xml.Header+`<checkstyle version="4.3">`+"\n")
	return &checkstyleReporter{w}
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func (r *checkstyleReporter) file(name, text string, opts analysis.Options) tally {
	found, t := findings(text, opts)
	cf := checkstyleFile{Name: displayName(name), Errors: make([]checkstyleError, len(found))}
	for i := range found {
		f := &found[i]
		cf.Errors[i] = checkstyleError{Line: f.start.Line, Column: f.start.Column, Severity: f.pick("info", "warning"), Message: f.message(opts), Source: "factbox." + f.code()}
	}
	r.write(cf)
	return t
}

func (r *checkstyleReporter) fileError(name string, err error) {
	r.write(checkstyleFile{Name: displayName(name), Errors: []checkstyleError{{Line: 1, Severity: "error", Message: err.Error(), Source: "factbox.unreadable"}}})
}

func (r *checkstyleReporter) write(cf checkstyleFile) {
	// A new encoder for each file: one that has written an element starts
	// the next with a line break of its own.
	enc := xml.NewEncoder(r.w)
	enc.Indent("  ", "  ")
	if err := enc.Encode(cf); err != nil {
		// The encoder replaces what XML cannot hold, so this is a failed
		// write, which the buffered writer's final Flush reports.
		return
	}
	fmt.Fprintln(r.w)
}

func (r *checkstyleReporter) close(*summary) {
	io.WriteString(r.w, "</checkstyle>\n")
}
