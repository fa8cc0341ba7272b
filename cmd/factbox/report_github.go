package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/factbox/factbox/analysis"
)

// githubReporter writes GitHub Actions workflow commands, one line per hard
// sentence, which the runner turns into annotations on the pull request:
//
//	::warning file=docs/a.md,line=3,endLine=4,title=very-hard-sentence::Very hard to read: …
//
// A very hard sentence is a warning, a hard one a notice. Columns (1-based,
// in characters, col and endColumn both inside the sentence) are given only
// for a sentence on one line, as GitHub ignores them across lines. A file
// that cannot be read is an error annotation. The summary line ends the log.
type githubReporter struct{ w io.Writer }

func newGitHubReporter(w io.Writer, _ analysis.Options) reporter { return &githubReporter{w} }

func (r *githubReporter) file(name, text string, opts analysis.Options) tally {
	found, t := findings(text, opts)
	for i := range found {
		f := &found[i]
		fmt.Fprintf(r.w, "::%s file=%s,line=%d", f.pick("notice", "warning"), githubProperty(name), f.start.Line)
		if f.start.Line == f.end.Line && f.end.Column > f.start.Column {
			fmt.Fprintf(r.w, ",col=%d,endLine=%d,endColumn=%d", f.start.Column, f.end.Line, f.end.Column-1)
		} else {
			fmt.Fprintf(r.w, ",endLine=%d", f.end.Line)
		}
		fmt.Fprintf(r.w, ",title=%s::%s\n", f.code(), githubData(f.message(opts)))
	}
	return t
}

func (r *githubReporter) fileError(name string, err error) {
	fmt.Fprintf(r.w, "::error file=%s,title=unreadable::%s\n", githubProperty(name), githubData(err.Error()))
}

func (r *githubReporter) close(sum *summary) {
	fmt.Fprintf(r.w, "factbox: %s\n", sum.line())
}

// githubData escapes the message of a workflow command, as the Actions
// toolkit does: %, CR and LF.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a property value, which also ends at : and ,.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
