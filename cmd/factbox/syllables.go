package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/factbox/factbox/analysis"
)

const syllablesUsage = `Usage: factbox syllables < words

Reads words, one per line, from standard input and prints the syllable count
of each on its own line, as factbox counts them (0 for an empty line). It
takes no flags.
`

func init() {
	commands["syllables"] = func(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			switch args[0] {
			case "-h", "-help", "--help":
				fmt.Fprint(stderr, syllablesUsage)
				return 0
			}
			fmt.Fprintf(stderr, "factbox syllables: unexpected argument %q\n%s", args[0], syllablesUsage)
			return 2
		}
		return runSyllables(stdin, stdout, stderr)
	}
}

// runSyllables reads words, one per line, from stdin and prints the syllable
// count of each on its own line of stdout (0 for an empty line), as counted
// by analysis.CountSyllables. A trailing \r of a line is dropped. Lines of
// any length and invalid UTF-8 are counted like any other; it returns 1 only
// when reading or writing fails.
func runSyllables(stdin io.Reader, stdout, stderr io.Writer) int {
	in := bufio.NewReaderSize(stdin, 64<<10)
	out := bufio.NewWriterSize(stdout, 64<<10)
	var num []byte
	for {
		line, err := in.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: gather the rest of it.
			long := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = in.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			word := line
			if word[len(word)-1] == '\n' {
				word = word[:len(word)-1]
			}
			if len(word) > 0 && word[len(word)-1] == '\r' {
				word = word[:len(word)-1]
			}
			num = strconv.AppendInt(num[:0], int64(analysis.CountSyllables(string(word))), 10)
			num = append(num, '\n')
			if _, werr := out.Write(num); werr != nil {
				fmt.Fprintln(stderr, "factbox syllables:", werr)
				return 1
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(stderr, "factbox syllables: read words:", err)
			return 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "factbox syllables:", err)
		return 1
	}
	return 0
}
