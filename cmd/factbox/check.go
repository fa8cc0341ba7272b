package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/factbox/factbox/analysis"
)

// maxFileSize bounds what check reads of one file. Prose this long is not a
// document a writer edits; it is most likely a mistake (a disk image, a log).
const maxFileSize = 1 << 30

// errBinary says a file looks like binary data rather than text.
var errBinary = errors.New("binary file (it has NUL bytes), skipped")

type checkFlags struct {
	format        string
	markup        string
	failOn        string
	hardLevel     float64
	veryHardLevel float64
	minWords      int
	ext           string
	hints         bool
	stdinName     string
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	def := analysis.DefaultOptions()
	var f checkFlags
	fs := flag.NewFlagSet("factbox check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.format, "format", "text", "output `format`: "+formatNames())
	fs.StringVar(&f.markup, "markup", "auto", "how files are marked up: auto (by extension), markdown or plain")
	fs.StringVar(&f.failOn, "fail-on", "none", "exit 1 when a file has a sentence at this `difficulty` or above: hard, very-hard or none")
	fs.Float64Var(&f.hardLevel, "hard-level", def.HardLevel, "grade `level` from which a sentence is hard")
	fs.Float64Var(&f.veryHardLevel, "very-hard-level", def.VeryHardLevel, "grade `level` from which a sentence is very hard")
	fs.IntVar(&f.minWords, "min-words", def.MinWords, "fewest `words` a sentence needs to be hard")
	fs.StringVar(&f.ext, "ext", defaultExtensions, "file name `extensions` to check in folders, separated by commas")
	fs.StringVar(&f.stdinName, "stdin-filename", "", "`name` to report standard input (-) as; its extension picks the markup")
	var cf configFlags
	addConfigFlags(fs, &cf)
	fs.BoolVar(&f.hints, "hints", false, "list adverbs, passive voice and simpler alternatives in the text report (the JSON report always has them)")
	fs.Usage = func() { checkUsage(stderr, fs) }
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var failOn analysis.Difficulty
	switch f.failOn {
	case "none":
		failOn = -1
	case "hard":
		failOn = analysis.Hard
	case "very-hard":
		failOn = analysis.VeryHard
	default:
		fmt.Fprintf(stderr, "factbox check: --fail-on must be hard, very-hard or none, not %q\n", f.failOn)
		return 2
	}
	newReporter, ok := formats[f.format]
	if !ok {
		fmt.Fprintf(stderr, "factbox check: --format must be %s, not %q\n", formatNames(), f.format)
		return 2
	}
	exts, err := parseExtensions(f.ext)
	if err != nil {
		fmt.Fprintf(stderr, "factbox check: --ext: %v\n", err)
		return 2
	}
	if f.markup != "auto" && f.markup != "markdown" && f.markup != "plain" {
		fmt.Fprintf(stderr, "factbox check: --markup must be auto, markdown or plain, not %q\n", f.markup)
		return 2
	}
	configs, err := newConfigResolver(fs, f, cf)
	if err != nil {
		fmt.Fprintf(stderr, "factbox check: %v\n", err)
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "factbox check: no files given (use - for standard input)")
		fs.Usage()
		return 2
	}
	if f.stdinName != "" && !slices.Contains(files, "-") {
		fmt.Fprintln(stderr, "factbox check: --stdin-filename names standard input, but - is not among the files")
		return 2
	}
	code := 0
	files, walked := expandArgs(files, exts, func(err error) {
		fmt.Fprintf(stderr, "factbox check: %v\n", err)
		code = 2
	})

	// Most of what check allocates stays live until the report is written, so
	// collecting garbage early buys little; collect less often.
	debug.SetGCPercent(400)
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	opts := def
	opts.HardLevel, opts.VeryHardLevel, opts.MinWords = f.hardLevel, f.veryHardLevel, f.minWords

	rep := newReporter(out, opts)
	if tr, ok := rep.(*textReporter); ok {
		tr.stdinNote = f.markup == "auto"
		tr.hints = f.hints
	}
	var sum summary
	for _, name := range files {
		shown := stdinShown(name, f.stdinName)
		o, fresh, err := configs.options(shown, opts)
		if err != nil {
			if errors.Is(err, errExcluded) {
				if !walked[name] {
					// A file named on the command line says why it is left out;
					// one found in a folder is left out quietly.
					fmt.Fprintf(stderr, "factbox check: %v; skipped\n", err)
				}
				continue
			}
			if fresh {
				fmt.Fprintf(stderr, "factbox check: %v\n", err)
			}
			code = 2
			sum.unreadable++
			rep.fileError(shown, err)
			continue
		}
		text, err := readDocument(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "factbox check: %v\n", err)
			code = 2
			sum.unreadable++
			rep.fileError(shown, err)
			continue
		}
		if off := invalidUTF8(text); off >= 0 {
			fmt.Fprintf(stderr, "factbox check: %s: invalid UTF-8 at byte %d; such bytes read as U+FFFD\n", name, off)
		}
		o.Format = markupOf(shown, f.markup)
		o.Hints = f.format == "json" || f.hints // the text report shows hints only with --hints
		sum.add(shown, rep.file(shown, text, o))
	}
	rep.close(&sum)
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "factbox check: writing output: %v\n", err)
		return 2
	}
	if failOn >= 0 && sum.total.worst() >= failOn {
		fmt.Fprintf(stderr, "factbox check: %s\n", failReason(sum.total, failOn))
		code = max(code, 1)
	}
	return code
}

// parseInterspersed parses flags that may come before, between or after the
// file names, as in "factbox check notes.md --format json".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			// Everything after "--" is a file name, even "-x".
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	return files, nil
}

// readDocument reads a file, or standard input for "-", refusing what is not a
// text document: directories, files larger than maxFileSize, binary data.
func readDocument(name string, stdin io.Reader) (string, error) {
	var data []byte
	if name == "-" {
		var err error
		data, err = io.ReadAll(io.LimitReader(stdin, maxFileSize+1))
		if err != nil {
			return "", fmt.Errorf("reading standard input: %w", err)
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return "", err
		}
		if info.IsDir() {
			return "", fmt.Errorf("%s: is a directory", name)
		}
		if info.Size() > maxFileSize {
			return "", fmt.Errorf("%s: %d bytes is larger than the %d bytes factbox reads", name, info.Size(), maxFileSize)
		}
		// Read into a buffer of the file's size (io.ReadAll would grow one
		// step by step); a file that grew since Stat is cut at maxFileSize.
		buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
		if _, err := buf.ReadFrom(io.LimitReader(f, maxFileSize+1)); err != nil {
			return "", fmt.Errorf("reading %s: %w", name, err)
		}
		data = buf.Bytes()
	}
	if len(data) > maxFileSize {
		return "", fmt.Errorf("%s: larger than the %d bytes factbox reads", displayName(name), maxFileSize)
	}
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		return "", fmt.Errorf("%s: %w", displayName(name), errBinary)
	}
	// data is never written again: the document can share its bytes.
	return unsafe.String(unsafe.SliceData(data), len(data)), nil
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// invalidUTF8 returns the offset of the first invalid UTF-8 byte, or -1.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// markupOf decides how a file is marked up: by the --markup flag, or by its extension.
func markupOf(name, markup string) analysis.Format {
	switch markup {
	case "markdown":
		return analysis.Markdown
	case "plain":
		return analysis.Plain
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx":
		return analysis.Markdown
	}
	return analysis.Plain
}

// writeText writes the human report of one file: each hard sentence as
// name:line:col-line:col, so that editors and terminals can jump to it, then
// the fact box, and with showHints the hints. It returns what it counted.
func writeText(w io.Writer, name, text string, opts analysis.Options, showHints bool) tally {
	lines := analysis.NewLines(text)
	cursor := lines.Cursor() // sentences come in order
	hc := hintWriter{name: displayName(name), text: text, cursor: lines.Cursor()}
	var t tally
	var ignored int
	var line []byte
	fb := analysis.Stream(text, opts, func(_ *analysis.Paragraph, sents []analysis.Sentence) {
		for i := range sents {
			s := &sents[i]
			threshold, ok := t.flag(s, opts)
			if !ok {
				if showHints {
					hc.write(w, s.Hints)
				}
				if s.Difficulty != analysis.OK {
					ignored++
				}
				continue
			}
			// name:line:col-line:col: very-hard: grade 21.3 (≥ 14), 47 words: “…”
			line = append(line[:0], displayName(name)...)
			line = appendPosition(append(line, ':'), cursor.Position(s.Span.Start))
			line = appendPosition(append(line, '-'), cursor.Position(s.Span.End))
			line = append(line, ": "...)
			line = append(line, s.Difficulty.String()...)
			line = append(line, ": grade "...)
			line = analysis.AppendGrade(line, s.FactBox.Level, 1, opts) // never reads as a tier it does not reach
			line = append(line, " (≥ "...)
			line = strconv.AppendFloat(line, threshold, 'g', -1, 64)
			line = append(line, "), "...)
			line = strconv.AppendInt(line, int64(s.FactBox.Tokens), 10)
			line = append(line, " words: "...)
			line = appendExcerpt(line, analysis.ShownText(text, sents, i, opts.Format), 72)
			line = append(line, '\n')
			w.Write(line)
			if showHints {
				hc.write(w, s.Hints)
			}
		}
	})
	fmt.Fprintf(w, "%s: Level %s · Tokens %d · Types %d · TTR %.3f\n", displayName(name), analysis.FormatGrade(fb.Level, 3, opts), fb.Tokens, fb.Types, fb.TTR)
	fmt.Fprintf(w, "  Sentences %d · Words/sentence %.1f · Syllables/word %.2f\n", fb.Sentences, fb.WordsPerSentence, fb.SyllablesPerWord)
	fmt.Fprintf(w, "  Reading Ease %.1f · ARI %.1f · Coleman–Liau %.1f · Gunning Fog %.1f · SMOG %.1f\n",
		fb.ReadingEase, fb.ARI, fb.ColemanLiau, fb.GunningFog, fb.SMOG)
	fmt.Fprintf(w, "  %d very hard, %d hard of %d sentences (hard from grade %g, very hard from %g, at %d words or more)\n",
		t.veryHard, t.hard, fb.Sentences, opts.HardLevel, opts.VeryHardLevel, opts.MinWords)
	if ignored > 0 {
		fmt.Fprintf(w, "  %s ignored (factbox comments, front matter or the config)\n", plural(ignored, "hard sentence"))
	}
	if showHints {
		fmt.Fprintf(w, "  %d adverbs, %d passive voice, %d simpler alternatives\n", fb.Adverbs, fb.PassiveVoice, fb.SimplerAlternatives)
	}
	t.sentences = fb.Sentences
	return t
}

func appendPosition(b []byte, p analysis.Position) []byte {
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(p.Column), 10)
}

// appendExcerpt appends s quoted on one line, its white space folded, cut to
// at most n characters with an ellipsis.
func appendExcerpt(b []byte, s string, n int) []byte {
	b = append(b, "“"...)
	count, space := 0, false
	for i := 0; i < len(s); {
		// The next piece: a run of ASCII that is not space, the most of any
		// text, copied whole; or one other character.
		j, r := asciiWordEnd(s, i), rune(0)
		if j == i {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if r < utf8.RuneSelf || unicode.IsSpace(r) { // the ASCII left is space, tab, CR or LF
				space = true
				continue
			}
		}
		if space && count > 0 {
			b = append(b, ' ')
			count++
		}
		space = false
		if r != 0 { // one character, U+FFFD for an invalid byte
			if count >= n {
				b = append(b, "…"...)
				break
			}
			b = utf8.AppendRune(b, r)
			count++
			continue
		}
		take := min(j-i, max(n-count, 0))
		b = append(b, s[i:i+take]...)
		count += take
		if take < j-i {
			b = append(b, "…"...)
			break
		}
		i = j
	}
	return append(b, "”"...)
}

// asciiWordEnd returns the end of the run of ASCII bytes other than space,
// tab, CR and LF that starts at i; i itself when there is none.
func asciiWordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			break
		}
		i++
	}
	return i
}

// jsonStream writes the JSON report a file at a time, so that what it holds
// in memory is one file's sentences, never the whole report:
//
//	{"options": {...}, "files": [{"file": ..., "factBox": {...}, ..., "sentences": [...]}, ...]}
type jsonStream struct {
	w        io.Writer
	files    int
	buf      bytes.Buffer
	enc      *json.Encoder
	indented []byte
}

func newJSONStream(w io.Writer, opts jsonOptions) *jsonStream {
	s := &jsonStream{w: w}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	io.WriteString(w, "{\n  \"options\": ")
	w.Write(s.encode(opts, "  "))
	io.WriteString(w, ",\n  \"files\": [")
	return s
}

// encode returns v as indented JSON whose lines after the first start with
// prefix, without the final newline. The bytes are valid until the next call.
func (s *jsonStream) encode(v any, prefix string) []byte {
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		// Only strings, numbers and fixed structs are encoded here.
		panic(err)
	}
	s.indented = appendIndented(s.indented[:0], bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")), prefix, "  ")
	return s.indented
}

// file writes one element of "files", its sentences last.
func (s *jsonStream) file(jf jsonFile) {
	if s.files > 0 {
		io.WriteString(s.w, ",")
	}
	s.files++
	sents := jf.Sentences
	jf.Sentences = nil
	head := s.encode(jf, "    ")
	io.WriteString(s.w, "\n    ")
	s.w.Write(bytes.TrimSuffix(head, []byte("\n    }")))
	if jf.Error == "" {
		io.WriteString(s.w, ",\n      \"sentences\": [")
		for i := range sents {
			if i > 0 {
				io.WriteString(s.w, ",")
			}
			io.WriteString(s.w, "\n        ")
			s.w.Write(s.encode(&sents[i], "        "))
		}
		if len(sents) > 0 {
			io.WriteString(s.w, "\n      ")
		}
		io.WriteString(s.w, "]")
	}
	io.WriteString(s.w, "\n    }")
}

func (s *jsonStream) close() {
	if s.files > 0 {
		io.WriteString(s.w, "\n  ")
	}
	io.WriteString(s.w, "]\n}\n")
}

type jsonOptions struct {
	HardLevel     float64 `json:"hardLevel"`
	VeryHardLevel float64 `json:"veryHardLevel"`
	MinWords      int     `json:"minWords"`
}

type jsonFile struct {
	File      string            `json:"file"`
	Error     string            `json:"error,omitempty"`
	Markup    string            `json:"markup,omitempty"`
	FactBox   *analysis.FactBox `json:"factBox,omitempty"`
	Hard      int               `json:"hard"`
	VeryHard  int               `json:"veryHard"`
	Sentences []jsonSentence    `json:"sentences,omitempty"`
}

type jsonSentence struct {
	Range      jsonRange `json:"range"`
	Text       string    `json:"text"`
	Words      int       `json:"words"`
	Level      float64   `json:"level"`
	Difficulty string    `json:"difficulty"`
	Rule       string    `json:"rule"`
	// Ignored says why the sentence is not flagged though hard (see
	// analysis.Ignore); absent when it is not ignored.
	Ignored string     `json:"ignored,omitempty"`
	Hints   []jsonHint `json:"hints"`
}

type jsonRange struct {
	Start jsonPosition `json:"start"`
	End   jsonPosition `json:"end"`
}

// jsonPosition is a 1-based line and column (in Unicode code points) and a
// 0-based byte offset.
type jsonPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// fileJSON reports on one file for the JSON output: its fact box and every
// sentence. It returns the report and what it counted.
func fileJSON(name, text string, opts analysis.Options) (jsonFile, tally) {
	cursor := analysis.NewLines(text).Cursor() // sentences come in order
	jf := jsonFile{File: name, Markup: "plain"}
	if opts.Format == analysis.Markdown {
		jf.Markup = "markdown"
	}
	pos := func(off int) jsonPosition {
		p := cursor.Position(off)
		return jsonPosition{Line: p.Line, Column: p.Column, Offset: off}
	}
	hc := analysis.NewLines(text).Cursor() // hints come in order of their starts
	hpos := func(off int) jsonPosition {
		p := hc.Position(off)
		return jsonPosition{Line: p.Line, Column: p.Column, Offset: off}
	}
	fb := analysis.Stream(text, opts, func(_ *analysis.Paragraph, sents []analysis.Sentence) {
		for i := range sents {
			s := &sents[i]
			if s.Flagged() {
				switch s.Difficulty {
				case analysis.Hard:
					jf.Hard++
				case analysis.VeryHard:
					jf.VeryHard++
				}
			}
			jf.Sentences = append(jf.Sentences, jsonSentence{
				Range:      jsonRange{pos(s.Span.Start), pos(s.Span.End)},
				Text:       strings.ToValidUTF8(text[s.Span.Start:s.Span.End], "\uFFFD"),
				Words:      s.FactBox.Tokens,
				Level:      round3(s.FactBox.Level),
				Difficulty: s.Difficulty.String(),
				Rule:       s.Rule,
				Ignored:    s.Ignored.String(),
				Hints:      hintsJSON(text, s.Hints, hpos),
			})
		}
	})
	fb = rounded(fb)
	jf.FactBox = &fb
	return jf, tally{sentences: fb.Sentences, hard: jf.Hard, veryHard: jf.VeryHard}
}

// rounded returns f with its scores rounded to three decimals, as the fact box shows them.
func rounded(f analysis.FactBox) analysis.FactBox {
	for _, p := range []*float64{&f.Level, &f.TTR, &f.WordsPerSentence, &f.SyllablesPerWord, &f.ReadingEase, &f.ARI, &f.ColemanLiau, &f.GunningFog, &f.SMOG} {
		*p = round3(*p)
	}
	return f
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
