package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRunSyllables(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "words", in: "the\nbeautiful\nrhythm\n", want: "1\n3\n2\n"},
		{name: "empty lines count 0", in: "\n\nidea\n", want: "0\n0\n3\n"},
		{name: "no final newline", in: "people", want: "2\n"},
		{name: "crlf", in: "people\r\nidea\r\n", want: "2\n3\n"},
		{name: "numbers and clitics", in: "2013\nn't\n'S\n", want: "4\n0\n0\n"},
		{name: "invalid utf-8", in: "\xff\xfe\ncafé\n", want: "0\n2\n"},
		{name: "long line", in: strings.Repeat("ba", 50000) + "\nok\n", want: "50000\n2\n"},
		{name: "nothing", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := runSyllables(strings.NewReader(tt.in), &out, &errOut); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errOut.String())
			}
			if out.String() != tt.want {
				t.Errorf("got %q, want %q", out.String(), tt.want)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRunSyllablesWriteError(t *testing.T) {
	var errOut bytes.Buffer
	if code := runSyllables(strings.NewReader(strings.Repeat("word\n", 100000)), failWriter{}, &errOut); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "disk full") {
		t.Errorf("stderr %q does not say why", errOut.String())
	}
}

func TestSyllablesCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"syllables"}, strings.NewReader("beautiful\n"), &out, &errOut); code != 0 || out.String() != "3\n" {
		t.Errorf("factbox syllables: exit %d, out %q, stderr %q", code, out.String(), errOut.String())
	}
	if code := run([]string{"syllables", "x"}, strings.NewReader(""), &out, &errOut); code != 2 {
		t.Errorf("factbox syllables x: exit %d, want 2", code)
	}
}
