package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCheck feeds arbitrary bytes to "factbox check --format json -" as plain
// text and as Markdown and checks the report: valid JSON, exit code 0 (2 with
// an error entry for binary input), sentence ranges in order and inside the
// input, their lines and columns as a naive count gives them, and a fact box
// whose counts are the sums over the sentences.
func FuzzCheck(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		string(sample),
		"",
		"One two three.",
		"Caf\xe9 au lait. Tr\xe8s bon.", // Latin-1: invalid UTF-8
		"First line.\r\nSecond line.\r\n\r\nNext.", // CRLF
		"One.\rTwo.\r\rThree\rfour.",               // lone CR
		"\r\n\r\n\n\r",
		"\xff\xfe\x01\x02 \x7fELF\x1b[0m. \xc3\x28 \xe2\x82 end.", // binary-ish, NUL-free
		"𐐀 😀 é 東京. Tab\there.\u2028Next\u2029sentence.",
		"---\ntitle: x\n---\n# Head\n\n- a\n- b\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| c | d |\n",
		"\x7fELF\x00\x00\x01", // NUL: refused as binary
		// Issue 7's splitter rules: lower-case starts, abbreviations, list
		// markers, ellipses, number signs, URL and title lines, code excerpts.
		"I use npm every day. npm is fast. The U.S. Army is big. We live in the E.U. How about you?",
		"1.) The kettle boils 2.) The tea steeps\n• 9. Close it • 10. Open it\n⁃3. Save ⁃4. Quit\na. Plan b. Build",
		"It was . . . fine. . . . New \"[...]\" (Lee 12). N°. 2047.118.906. That is it.",
		"GNU GENERAL PUBLIC LICENSE\nVersion 3\n\nCopyright Example Inc. <https://example.org/>\nEveryone may copy it.",
		"Several are available. `tqdm` means progress. [OpenHub](https://x.org/p) values it &amp; more.",
		"The report was quickly written in order to utilize the data. E.g. it wasn’t found, fixed and tested.",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		input := string(data)
		binary := bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
		for _, markup := range []string{"plain", "markdown"} {
			out, stderr, code := runCLI(t, input, "check", "--format", "json", "--markup", markup, "-")
			if !json.Valid([]byte(out)) {
				t.Fatalf("--markup %s: invalid JSON for %q:\n%s", markup, input, out)
			}
			var rep jsonReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("--markup %s: %v", markup, err)
			}
			if len(rep.Files) != 1 || rep.Files[0].File != "-" {
				t.Fatalf("--markup %s: files = %+v, want one for -", markup, rep.Files)
			}
			jf := rep.Files[0]
			if binary {
				if code != 2 || jf.Error == "" {
					t.Fatalf("--markup %s: binary input: exit code %d, error %q; want 2 and an error", markup, code, jf.Error)
				}
				continue
			}
			if code != 0 || jf.Error != "" {
				t.Fatalf("--markup %s: exit code %d, error %q, stderr %q for %q", markup, code, jf.Error, stderr, input)
			}
			if jf.Markup != markup || jf.FactBox == nil {
				t.Fatalf("--markup %s: markup %q, fact box %v", markup, jf.Markup, jf.FactBox)
			}
			checkJSONSentences(t, markup, input, jf)
		}
	})
}

// checkJSONSentences checks the sentences of one file's JSON report against
// its input and its fact box.
func checkJSONSentences(t *testing.T, markup, input string, jf jsonFile) {
	t.Helper()
	words, hard, veryHard, prevEnd := 0, 0, 0, 0
	for i, s := range jf.Sentences {
		start, end := s.Range.Start, s.Range.End
		if start.Line < 1 || end.Line < 1 || start.Column < 1 || end.Column < 1 ||
			start.Offset < prevEnd || start.Offset > end.Offset || end.Offset > len(input) {
			t.Fatalf("--markup %s: sentence %d range %+v (previous ends at %d, input %d bytes) in %q", markup, i, s.Range, prevEnd, len(input), input)
		}
		prevEnd = end.Offset
		for _, p := range []jsonPosition{start, end} {
			if line, col := naivePosition(input, p.Offset); p.Line != line || p.Column != col {
				t.Fatalf("--markup %s: sentence %d: offset %d at %d:%d, want %d:%d in %q", markup, i, p.Offset, p.Line, p.Column, line, col, input)
			}
		}
		if want := strings.ToValidUTF8(input[start.Offset:end.Offset], "\uFFFD"); s.Text != want {
			t.Fatalf("--markup %s: sentence %d text %q, want %q", markup, i, s.Text, want)
		}
		if s.Hints == nil {
			t.Fatalf("--markup %s: sentence %d has hints null, want an array", markup, i)
		}
		for _, h := range s.Hints {
			hs, he := h.Range.Start, h.Range.End
			if hs.Offset < start.Offset || he.Offset > end.Offset || hs.Offset >= he.Offset {
				t.Fatalf("--markup %s: sentence %d %d-%d: hint %s %d-%d outside it or empty in %q", markup, i, start.Offset, end.Offset, h.Kind, hs.Offset, he.Offset, input)
			}
			for _, p := range []jsonPosition{hs, he} {
				if line, col := naivePosition(input, p.Offset); p.Line != line || p.Column != col {
					t.Fatalf("--markup %s: hint offset %d at %d:%d, want %d:%d in %q", markup, p.Offset, p.Line, p.Column, line, col, input)
				}
			}
			if want := strings.ToValidUTF8(input[hs.Offset:he.Offset], "\uFFFD"); h.Text != want || (len(h.Suggestions) > 0) != (h.Kind == "simpler-alternative") {
				t.Fatalf("--markup %s: hint %s text %q (want %q), suggestions %q", markup, h.Kind, h.Text, want, h.Suggestions)
			}
		}
		words += s.Words
		switch s.Difficulty {
		case "hard":
			hard++
		case "very-hard":
			veryHard++
		}
	}
	if jf.FactBox.Tokens != words {
		t.Fatalf("--markup %s: factBox tokens %d, sentences have %d words in %q", markup, jf.FactBox.Tokens, words, input)
	}
	if jf.FactBox.Sentences != len(jf.Sentences) || jf.Hard != hard || jf.VeryHard != veryHard {
		t.Fatalf("--markup %s: factBox sentences %d, hard %d, very hard %d; the list has %d, %d, %d",
			markup, jf.FactBox.Sentences, jf.Hard, jf.VeryHard, len(jf.Sentences), hard, veryHard)
	}
}

// naivePosition returns the 1-based line and column of a byte offset by
// counting from the start of text: lines end at "\n", "\r\n" or a lone "\r",
// and each invalid UTF-8 byte is one column, as analysis.Position says.
func naivePosition(text string, offset int) (line, column int) {
	line, column = 1, 1
	for i := 0; i < offset; {
		switch {
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			if i+1 == offset {
				return line, column // between \r and \n: still the line's end
			}
			line, column = line+1, 1
			i += 2
		case text[i] == '\n' || text[i] == '\r':
			line, column = line+1, 1
			i++
		default:
			_, size := utf8.DecodeRuneInString(text[i:])
			if i+size > offset {
				return line, column // inside a character: the character's column
			}
			i += size
			column++
		}
	}
	return line, column
}
