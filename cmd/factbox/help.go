package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

const checkUsageText = `Usage: factbox check [flags] FILE|FOLDER|GLOB...

Prints the fact box and the hard sentences of each file; - reads standard
input. A folder is walked for files with the extensions of --ext, in name
order, skipping hidden files and folders and what .gitignore files ignore.
A quoted pattern such as 'docs/**/*.md' is expanded by factbox when the shell
does not. With more than one file, a summary line ends the text report.

Flags:
`

// checkUsage prints check's help to w.
func checkUsage(w io.Writer, fs *flag.FlagSet) {
	io.WriteString(w, checkUsageText)
	printFlags(w, fs)
}

// printFlags prints the flags of fs as flag.PrintDefaults does, but spelled
// as README and users write them: --name, and -v for a one-letter flag.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		value, usage := flag.UnquoteUsage(f)
		line := "  " + dash + f.Name
		if value != "" {
			line += " " + value
		}
		usage = strings.ReplaceAll(usage, "\n", "\n    \t")
		fmt.Fprintf(w, "%s\n    \t%s", line, usage)
		if def := f.DefValue; def != "" && def != "0" && def != "false" {
			if isStringFlag(f) {
				fmt.Fprintf(w, " (default %q)", def)
			} else {
				fmt.Fprintf(w, " (default %s)", def)
			}
		}
		fmt.Fprintln(w)
	})
}

// isStringFlag reports whether f holds a string, whose default is quoted.
func isStringFlag(f *flag.Flag) bool {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	_, ok = g.Get().(string)
	return ok
}

// runHelp prints the help of the command named in args, or the overview.
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return 0
	}
	name := args[0]
	cmd, ok := commands[name]
	if name == "check" {
		cmd, ok = runCheck, true
	}
	if !ok {
		fmt.Fprintf(stderr, "factbox help: unknown command %q\n\n%s", name, usage)
		return 2
	}
	// A command prints its help where it prints errors: here, standard output.
	return cmd([]string{"--help"}, stdin, stdout, stdout)
}
