// Command factbox gives writers readability hints: the fact box (Level,
// Tokens, Types, TTR) of a document and the sentences that are hard to read.
//
//	factbox check [flags] FILE...   report on files (or - for standard input)
//	factbox serve [flags]           run the language server on standard input/output
//	factbox syllables               print the syllables of each word read on standard input
//	factbox version                 print the version
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

const usage = `factbox gives writers readability hints.

Usage:
  factbox check [flags] FILE...   print the fact box and the hard sentences of each file, folder or glob ("-" reads standard input)
  factbox serve [flags]           run the language server over standard input/output
  factbox syllables               read words, one per line, and print each one's syllable count
  factbox version                 print the version

Run "factbox help COMMAND" (or "factbox COMMAND --help") for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdin, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "factbox", version())
		return 0
	case "help", "-h", "-help", "--help":
		return runHelp(args[1:], stdin, stdout, stderr)
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "factbox: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// commands holds the subcommands that live in their own files.
var commands = map[string]func(args []string, stdin io.Reader, stdout, stderr io.Writer) int{}

// buildVersion is the release version, stamped by the release build with
// -ldflags "-X main.buildVersion=v0.2.0"; empty otherwise.
var buildVersion string

// version returns the release version stamped into the binary, else the
// module version it was built from, or "devel".
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
