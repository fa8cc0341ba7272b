package main

import (
	"fmt"
	"io"
)

// stdinShown returns the name a file is reported as: for standard input
// ("-"), the --stdin-filename value when there is one, as in eslint, prettier,
// ruff and black; its extension then picks the markup.
func stdinShown(name, stdinName string) string {
	if name == "-" && stdinName != "" {
		return stdinName
	}
	return name
}

// writeStdinMarkup says, before the report of standard input read with
// neither --stdin-filename nor --markup, that it was read as plain text and
// how to have it read as Markdown, so that Markdown piped in (front matter
// and all) is not taken for plain text unawares.
func writeStdinMarkup(w io.Writer) {
	fmt.Fprintf(w, "%s: read as plain text by default (for Markdown, pass --stdin-filename NAME.md or --markup markdown)\n", displayName("-"))
}
