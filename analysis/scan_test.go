package analysis

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// scanTestBlocks splits text the plain-text way: blank lines separate blocks
// and every line of a block is one segment, without its line break.
func scanTestBlocks(text string) [][]Span {
	var blocks [][]Span
	var cur []Span
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := Span{start, end}
		if strings.TrimSpace(text[start:end]) == "" {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
		} else {
			cur = append(cur, line)
		}
		start = end + 1
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	return blocks
}

// scanTestText runs scanBlock over every block of text.
func scanTestText(text string) ([]Token, []rawSentence) {
	var toks []Token
	var sents []rawSentence
	for _, segs := range scanTestBlocks(text) {
		toks, sents = scanBlock(text, segs, toks, sents)
	}
	return toks, sents
}

// scanSentenceTests are sentence-splitting cases: input → the text of every
// sentence, and optionally the rule that ended each one.
var scanSentenceTests = []struct {
	name  string
	in    string
	want  []string
	rules []string
}{
	// Plain boundaries.
	{name: "two sentences", in: "It rained. We stayed in.", want: []string{"It rained.", "We stayed in."}, rules: []string{"terminal-punct", "terminal-punct"}},
	{name: "no final punctuation", in: "It rained", want: []string{"It rained"}, rules: []string{"end-of-block"}},
	{name: "trailing text after stop", in: "It rained. We stayed", want: []string{"It rained.", "We stayed"}, rules: []string{"terminal-punct", "end-of-block"}},
	{name: "question", in: "Is it late? Yes.", want: []string{"Is it late?", "Yes."}, rules: []string{"question-exclaim", "terminal-punct"}},
	{name: "exclamation", in: "Stop! Now.", want: []string{"Stop!", "Now."}, rules: []string{"question-exclaim", "terminal-punct"}},
	{name: "interrobang run", in: "You did what?! I can't believe it!!! Really??", want: []string{"You did what?!", "I can't believe it!!!", "Really??"}},
	{name: "question then lowercase continues", in: `"Why?" she asked.`, want: []string{`"Why?" she asked.`}},
	{name: "exclamation then lowercase continues", in: "Yahoo! is a company.", want: []string{"Yahoo! is a company."}},
	{name: "period then lowercase continues", in: "The value is approx. ten. Fine.", want: []string{"The value is approx. ten.", "Fine."}},
	// Issue 7 turned this case around: a full stop after an ordinary word ends
	// the sentence whatever the case of the next word ("npm is fast").
	{name: "period then lowercase word", in: "He went to the store. then he left.", want: []string{"He went to the store.", "then he left."}},
	{name: "period then digit", in: "Prices rose in 2013. 5 firms closed.", want: []string{"Prices rose in 2013.", "5 firms closed."}},
	{name: "colon does not end", in: "Note: this is one sentence.", want: []string{"Note: this is one sentence."}},
	{name: "semicolon does not end", in: "It rained; we stayed in.", want: []string{"It rained; we stayed in."}},
	{name: "no space after period", in: "See config.Load for details. Then run.", want: []string{"See config.Load for details.", "Then run."}},
	{name: "sentence start after extra spaces", in: "One.   Two.", want: []string{"One.", "Two."}},
	{name: "tab separates", in: "One.\tTwo.", want: []string{"One.", "Two."}},
	{name: "non-breaking space separates", in: "One.\u00a0Two.", want: []string{"One.", "Two."}},

	// Titles and other abbreviations that do not end a sentence.
	{name: "Mr", in: "Mr. Smith arrived. He sat.", want: []string{"Mr. Smith arrived.", "He sat."}},
	{name: "Mrs and Ms", in: "Mrs. Jones met Ms. Lee.", want: []string{"Mrs. Jones met Ms. Lee."}},
	{name: "Dr and Prof", in: "Dr. Watson called Prof. Moriarty.", want: []string{"Dr. Watson called Prof. Moriarty."}},
	{name: "St and Mt", in: "We walked from St. Paul to Mt. Hood.", want: []string{"We walked from St. Paul to Mt. Hood."}},
	{name: "Gen Rep Sen Gov", in: "Gen. Lee, Rep. Ocasio, Sen. Byrd and Gov. Brown met.", want: []string{"Gen. Lee, Rep. Ocasio, Sen. Byrd and Gov. Brown met."}},
	{name: "eg before capital", in: "Use a distro, e.g. Debian or Fedora.", want: []string{"Use a distro, e.g. Debian or Fedora."}},
	{name: "ie before capital", in: "Pick one, i.e. Debian.", want: []string{"Pick one, i.e. Debian."}},
	{name: "eg with comma", in: "Some fruit, e.g., apples.", want: []string{"Some fruit, e.g., apples."}},
	{name: "vs and cf", in: "Compare Go vs. Rust, cf. Table 2.", want: []string{"Compare Go vs. Rust, cf. Table 2."}},
	{name: "et al", in: "Smith et al. Found the same.", want: []string{"Smith et al. Found the same."}},
	{name: "et al before year", in: "As Smith et al. (2003) showed.", want: []string{"As Smith et al. (2003) showed."}},
	{name: "Fig and Vol", in: "See Fig. 3 and Vol. II for details.", want: []string{"See Fig. 3 and Vol. II for details."}},
	{name: "pp", in: "Read pp. 12–14 first.", want: []string{"Read pp. 12–14 first."}},
	{name: "approx and est", in: "It weighs approx. 5 kg, est. 1850.", want: []string{"It weighs approx. 5 kg, est. 1850."}},
	{name: "No before number", in: "He wore No. 5 on his shirt.", want: []string{"He wore No. 5 on his shirt."}},
	{name: "No as word before capital", in: "She said No. Then she left.", want: []string{"She said No.", "Then she left."}},
	{name: "month abbreviation before day", in: "It opened on Feb. 8 in Vientiane.", want: []string{"It opened on Feb. 8 in Vientiane."}},
	{name: "Sept abbreviation", in: "Due Sept. 30, not Oct. 1.", want: []string{"Due Sept. 30, not Oct. 1."}},

	// Abbreviations that often end a sentence.
	{name: "etc before capital", in: "Bring pens, paper, etc. The rest is here.", want: []string{"Bring pens, paper, etc.", "The rest is here."}, rules: []string{"abbrev+capital", "terminal-punct"}},
	{name: "etc before lowercase", in: "Pens, paper, etc. are here.", want: []string{"Pens, paper, etc. are here."}},
	{name: "US before capital", in: "It was made in the U.S. The next batch was not.", want: []string{"It was made in the U.S.", "The next batch was not."}, rules: []string{"abbrev+capital", "terminal-punct"}},
	{name: "US before lowercase", in: "The U.S. economy grew.", want: []string{"The U.S. economy grew."}},
	{name: "UK mid sentence", in: "The U.K. and the U.S. agreed.", want: []string{"The U.K. and the U.S. agreed."}},
	{name: "Inc before capital", in: "He works for Acme Inc. Their office is big.", want: []string{"He works for Acme Inc.", "Their office is big."}},
	{name: "Ltd Co Corp", in: "Acme Ltd. and Foo Co. merged with Bar Corp. in May.", want: []string{"Acme Ltd. and Foo Co. merged with Bar Corp. in May."}},
	{name: "pm before capital", in: "We met at 5 p.m. Then we ate.", want: []string{"We met at 5 p.m.", "Then we ate."}},
	{name: "am before lowercase", in: "At 9 a.m. the shop opens.", want: []string{"At 9 a.m. the shop opens."}},
	{name: "PhD unknown dotted abbreviation", in: "She has a Ph.D. in physics.", want: []string{"She has a Ph.D. in physics."}},
	{name: "Sr and dept before capital", in: "Ask John Smith Sr. He runs the sales dept. The rest is new.", want: []string{"Ask John Smith Sr.", "He runs the sales dept.", "The rest is new."}, rules: []string{"abbrev+capital", "abbrev+capital", "terminal-punct"}},
	{name: "Co before capital", in: "They sold it to Acme Co. Nobody knew.", want: []string{"They sold it to Acme Co.", "Nobody knew."}},
	{name: "Jr before capital", in: "He met Martin Luther King Jr. They talked.", want: []string{"He met Martin Luther King Jr.", "They talked."}},
	{name: "abbreviation at end of block", in: "Bring pens, paper, etc.", want: []string{"Bring pens, paper, etc."}, rules: []string{"terminal-punct"}},

	// Initials.
	{name: "initials", in: "J. R. R. Tolkien wrote it.", want: []string{"J. R. R. Tolkien wrote it."}},
	{name: "single letter word is not an initial", in: "It is written in C. It runs fast.", want: []string{"It is written in C.", "It runs fast."}},
	{name: "regression: single letter after slash is not an initial", in: "It does I/O. Then it stops.", want: []string{"It does I/O.", "Then it stops."}},
	{name: "initial opens sentence", in: "C. Gordon Bell designed it.", want: []string{"C. Gordon Bell designed it."}},
	{name: "dotted initials", in: "It was written by J.R.R. Tolkien. He was a professor.", want: []string{"It was written by J.R.R. Tolkien.", "He was a professor."}},
	{name: "DC before capital", in: "She lives in Washington, D.C. The city is large.", want: []string{"She lives in Washington, D.C.", "The city is large."}},
	{name: "middle initial", in: "John F. Kennedy spoke. Crowds cheered.", want: []string{"John F. Kennedy spoke.", "Crowds cheered."}},

	// Numbers.
	{name: "decimal", in: "It grew 3.5% this year. Good.", want: []string{"It grew 3.5% this year.", "Good."}},
	{name: "money", in: "Trade reached $1.163 billion. It grew.", want: []string{"Trade reached $1.163 billion.", "It grew."}},
	{name: "number at sentence end", in: "It began in 2013. At first it was small.", want: []string{"It began in 2013.", "At first it was small."}},
	{name: "Feb 8 at sentence end", in: "The vaccines arrived on Feb 8. At the handover, he spoke.", want: []string{"The vaccines arrived on Feb 8.", "At the handover, he spoke."}},
	// Since issue 7 a list marker belongs to no sentence.
	{name: "enumerator number", in: "1. Install the package.", want: []string{"Install the package."}, rules: []string{"terminal-punct"}},
	{name: "enumerator letter", in: "a. Open the file.", want: []string{"Open the file."}},

	// Ellipses.
	{name: "ellipsis lowercase continues", in: "Wait... what happened?", want: []string{"Wait... what happened?"}},
	{name: "ellipsis capital ends", in: "He paused... Then he left.", want: []string{"He paused...", "Then he left."}, rules: []string{"ellipsis+capital", "terminal-punct"}},
	{name: "unicode ellipsis lowercase", in: "Wait… what?", want: []string{"Wait… what?"}},
	{name: "unicode ellipsis capital", in: "Well… Maybe.", want: []string{"Well…", "Maybe."}},
	{name: "ellipsis at end", in: "And then...", want: []string{"And then..."}, rules: []string{"ellipsis+end"}},
	{name: "ellipsis without space", in: "wait...what now.", want: []string{"wait...what now."}},
	{name: "leading ellipsis is outside the sentence", in: "... and so it ended.", want: []string{"and so it ended."}},
	{name: "spaced ellipsis lowercase", in: "He paused . . . then left.", want: []string{"He paused . . . then left."}},
	{name: "spaced ellipsis capital", in: "He paused. . . Then he left.", want: []string{"He paused. . .", "Then he left."}},
	{name: "ellipsis only", in: "...", want: nil},
	{name: "dash only", in: "—", want: nil},
	{name: "regression: ellipsis after a stop is not a spaced ellipsis", in: "One. ... Two.", want: []string{"One.", "Two."}},

	// Quotes and brackets.
	{name: "closing quote after stop", in: `He said "Go." Then he left.`, want: []string{`He said "Go."`, "Then he left."}},
	{name: "curly quotes", in: "She wrote “Done.” Nobody replied.", want: []string{"She wrote “Done.”", "Nobody replied."}},
	{name: "quoted question", in: `"Is it?" He nodded.`, want: []string{`"Is it?"`, "He nodded."}},
	{name: "opening quote starts sentence", in: `Fine. "Now go," he said.`, want: []string{"Fine.", `"Now go," he said.`}},
	{name: "bracketed sentence", in: "It broke. (Nobody knew why.) We fixed it.", want: []string{"It broke.", "(Nobody knew why.)", "We fixed it."}},
	{name: "stop after closing quote", in: `He called it "art". Others disagreed.`, want: []string{`He called it "art".`, "Others disagreed."}},
	{name: "currency sign starts sentence", in: "Good. $5 is enough.", want: []string{"Good.", "$5 is enough."}},

	// Lines and blocks.
	{name: "hard-wrapped sentence", in: "This sentence is\nwrapped over\nthree lines.", want: []string{"This sentence is\nwrapped over\nthree lines."}},
	{name: "boundary at line end", in: "It was made in the U.S.\nThe next batch was not.", want: []string{"It was made in the U.S.", "The next batch was not."}},
	{name: "blank line ends sentence", in: "No stop here\n\nNew block.", want: []string{"No stop here", "New block."}},
	{name: "title abbreviation at line end", in: "We met Mr.\nSmith today.", want: []string{"We met Mr.\nSmith today."}},
	{name: "lowercase after line break", in: "It ended.\nand yet.", want: []string{"It ended.", "and yet."}}, // issue 7, as above

	// URLs and other non-prose.
	{name: "url before stop", in: "See https://www.gnu.org/licenses/. If not, write.", want: []string{"See https://www.gnu.org/licenses/.", "If not, write."}},
	{name: "url with dots mid sentence", in: "Visit www.example.com. It is fast.", want: []string{"Visit www.example.com.", "It is fast."}},
	{name: "email mid sentence", in: "Mail bob.smith@example.org. He answers.", want: []string{"Mail bob.smith@example.org.", "He answers."}},
	{name: "url only", in: "https://example.org", want: nil},

	// CJK.
	{name: "cjk full stops", in: "今日は晴れ。明日は雨。", want: []string{"今日は晴れ。", "明日は雨。"}},
	{name: "cjk question", in: "本当？はい。", want: []string{"本当？", "はい。"}},

	// Regressions.
	{name: "quoted sentences in a row", in: `"Go." "Now."`, want: []string{`"Go."`, `"Now."`}},
	{name: "initial in quotes", in: `"A." "B."`, want: []string{`"A." "B."`}},
	{name: "regression: full stop after clitic ends sentence", in: "It was the dog's. The cat's.", want: []string{"It was the dog's.", "The cat's."}},
	{name: "regression: period after path", in: "Edit /etc/fstab. Then reboot.", want: []string{"Edit /etc/fstab.", "Then reboot."}},
}

func TestScanBlockSentences(t *testing.T) {
	for _, tt := range scanSentenceTests {
		t.Run(tt.name, func(t *testing.T) { checkSentences(t, tt.in, tt.want, tt.rules) })
	}
}

// checkSentences scans in as plain text and compares the text of every
// sentence with want and, unless rules is nil, the rule that ended each one.
func checkSentences(t *testing.T, in string, want, wantRules []string) {
	t.Helper()
	_, sents := scanTestText(in)
	var got, rules []string
	for _, s := range sents {
		got = append(got, in[s.Span.Start:s.Span.End])
		rules = append(rules, s.Rule)
	}
	if !slices.Equal(got, want) {
		t.Errorf("scanBlock(%q) sentences:\n got %q\nwant %q\nrules %q", in, got, want, rules)
	}
	if wantRules != nil && !slices.Equal(rules, wantRules) {
		t.Errorf("scanBlock(%q) rules = %q, want %q", in, rules, wantRules)
	}
}

// scanTokenTests are tokenization cases: input → token texts, each with a
// kind suffix: "/n" for Number, "/c" for Clitic, none for Word.
var scanTokenTests = []struct {
	name string
	in   string
	want []string
}{
	{name: "plain words", in: "The cat sat.", want: []string{"The", "cat", "sat"}},
	{name: "accents", in: "Café Señor Straße naïve", want: []string{"Café", "Señor", "Straße", "naïve"}},
	{name: "combining mark", in: "Cafe\u0301 ok", want: []string{"Cafe\u0301", "ok"}},
	{name: "greek and cyrillic", in: "Καλημέρα, мир!", want: []string{"Καλημέρα", "мир"}},
	{name: "possessive", in: "China's people's", want: []string{"China", "'s/c", "people", "'s/c"}},
	{name: "possessive curly", in: "China’s", want: []string{"China", "’s/c"}},
	{name: "negation", in: "don't can't won't", want: []string{"do", "n't/c", "ca", "n't/c", "wo", "n't/c"}},
	{name: "negation curly and upper", in: "DON’T", want: []string{"DO", "N’T/c"}},
	{name: "clitics", in: "I'm we're they've you'll he'd it’ll", want: []string{"I", "'m/c", "we", "'re/c", "they", "'ve/c", "you", "'ll/c", "he", "'d/c", "it", "’ll/c"}},
	{name: "chained clitics", in: "shouldn't've", want: []string{"should", "n't/c", "'ve/c"}},
	{name: "internal apostrophe joins", in: "o'clock rock'n'roll O'Brien's", want: []string{"o'clock", "rock'n'roll", "O'Brien", "'s/c"}},
	{name: "trailing apostrophe", in: "Laos' countries’ sake", want: []string{"Laos", "countries", "sake"}},
	{name: "leading apostrophe", in: "'tis 'em", want: []string{"tis", "em"}},
	{name: "single quotes", in: "'hello' world", want: []string{"hello", "world"}},
	{name: "hyphens", in: "China-Laos well-known COVID-19", want: []string{"China", "Laos", "well", "known", "COVID", "19/n"}},
	{name: "dashes and slashes", in: "yes—no and/or a–b", want: []string{"yes", "no", "and", "or", "a", "b"}},
	{name: "numbers with separators", in: "700,000 3.5 1.163 1,000.50", want: []string{"700,000/n", "3.5/n", "1.163/n", "1,000.50/n"}},
	{name: "currency and percent", in: "$1.163 billion, 3.5% and €20", want: []string{"1.163/n", "billion", "3.5/n", "and", "20/n"}},
	{name: "ordinals and decades", in: "60th 1990s 3rd", want: []string{"60th/n", "1990s/n", "3rd/n"}},
	{name: "number before stop", in: "in 2013.", want: []string{"in", "2013/n"}},
	{name: "comma after number", in: "in 2020, then", want: []string{"in", "2020/n", "then"}},
	{name: "comma between words", in: "a,b", want: []string{"a", "b"}},
	{name: "dotted abbreviations", in: "U.S. e.g. i.e. Ph.D.", want: []string{"U.S", "e.g", "i.e", "Ph.D"}},
	{name: "ellipsis between words", in: "wait...what", want: []string{"wait", "what"}},
	{name: "url", in: "see https://example.org/a?b=c, now", want: []string{"see", "now"}},
	{name: "url scheme with plus", in: "use svn+ssh://host/repo today", want: []string{"use", "today"}},
	{name: "www", in: "visit www.example.com/path.", want: []string{"visit"}},
	{name: "email", in: "mail first-last@example.org now", want: []string{"mail", "now"}},
	{name: "handle", in: "ping @alice_b, please", want: []string{"ping", "please"}},
	{name: "at sign alone", in: "meet @ noon", want: []string{"meet", "noon"}},
	{name: "paths", in: "edit /etc/apt/sources.list and ~/x and ./run", want: []string{"edit", "and", "and"}},
	{name: "slash at head of spaced chunk", in: "a / b", want: []string{"a", "b"}},
	{name: "regression: non-ASCII byte after slash at chunk head indexed the ASCII table out of range", in: "see /é and /\xff.", want: []string{"see", "and"}},
	{name: "url in parentheses", in: "(https://en.wikipedia.org/wiki/Go_(game)) ok", want: []string{"ok"}},
	{name: "cjk scripts", in: "東京タワーに行く", want: []string{"東京", "タワー", "に", "行", "く"}},
	{name: "hangul", in: "한국어 텍스트", want: []string{"한국어", "텍스트"}},
	{name: "cjk next to latin", in: "Go言語", want: []string{"Go", "言語"}},
	{name: "invalid utf-8", in: "ab\xffcd \xc3", want: []string{"ab", "cd"}},
	{name: "replacement character", in: "ab\uFFFDcd", want: []string{"ab", "cd"}},
	{name: "underscore separates", in: "snake_case", want: []string{"snake", "case"}},
	{name: "file name", in: "sources.list", want: []string{"sources.list"}},
	{name: "arabic-indic digits", in: "٣٤ كتاب", want: []string{"٣٤/n", "كتاب"}},
	{name: "empty", in: "", want: nil},
}

func TestScanBlockTokens(t *testing.T) {
	for _, tt := range scanTokenTests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _ := scanTestText(tt.in)
			var got []string
			for _, tk := range toks {
				w := tt.in[tk.Span.Start:tk.Span.End]
				switch tk.Kind {
				case Number:
					w += "/n"
				case Clitic:
					w += "/c"
				}
				got = append(got, w)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("scanBlock(%q) tokens:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestScanBlockSegmentGaps checks that bytes between segments separate words
// and that a sentence runs on across a gap.
func TestScanBlockSegmentGaps(t *testing.T) {
	text := "Some *bold* words`code`here. Next"
	segs := []Span{{0, 5}, {6, 10}, {11, 17}, {23, 28}, {29, 33}}
	toks, sents := scanBlock(text, segs, nil, nil)
	var got []string
	for _, tk := range toks {
		got = append(got, text[tk.Span.Start:tk.Span.End])
	}
	if want := []string{"Some", "bold", "words", "here", "Next"}; !slices.Equal(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
	var gotS []string
	for _, s := range sents {
		gotS = append(gotS, text[s.Span.Start:s.Span.End])
	}
	if want := []string{"Some *bold* words`code`here.", "Next"}; !slices.Equal(gotS, want) {
		t.Errorf("sentences = %q, want %q", gotS, want)
	}
}

// TestScanBlockAppends checks that scanBlock appends and that Tokens ranges
// are absolute indexes into the slice it was given.
func TestScanBlockAppends(t *testing.T) {
	text := "One two. Three."
	toks := make([]Token, 3)
	sents := make([]rawSentence, 2)
	toks, sents = scanBlock(text, []Span{{0, len(text)}}, toks, sents)
	if len(toks) != 6 || len(sents) != 4 {
		t.Fatalf("got %d tokens, %d sentences; want 6, 4", len(toks), len(sents))
	}
	if got, want := sents[2].Tokens, (Range{3, 5}); got != want {
		t.Errorf("first new sentence Tokens = %v, want %v", got, want)
	}
	if got, want := sents[3].Tokens, (Range{5, 6}); got != want {
		t.Errorf("second new sentence Tokens = %v, want %v", got, want)
	}
}

// TestScanBlockBadSegments checks that out-of-range and overlapping segments
// are clamped rather than trusted.
func TestScanBlockBadSegments(t *testing.T) {
	text := "Hello world. Bye."
	for _, segs := range [][]Span{
		{{-5, 100}},
		{{5, 3}, {0, 5}},
		{{0, 12}, {6, 17}},
		{{20, 30}},
	} {
		toks, sents := scanBlock(text, segs, nil, nil)
		checkScan(t, text, segs, toks, sents)
	}
}

// TestScanBlockGolden scans testdata/scan/mixed.txt and compares every
// sentence (rule, text) and its tokens (Number marked /n, Clitic /c) with
// testdata/scan/mixed.golden. Refresh with go test -run ScanBlockGolden -update.
func TestScanBlockGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/scan/mixed.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	toks, sents := scanTestText(text)
	var out strings.Builder
	for _, s := range sents {
		fmt.Fprintf(&out, "%s %d-%d %q\n", s.Rule, s.Span.Start, s.Span.End, text[s.Span.Start:s.Span.End])
		for _, tk := range toks[s.Tokens.First:s.Tokens.End] {
			fmt.Fprintf(&out, " %s%s", text[tk.Span.Start:tk.Span.End], [...]string{Word: "", Number: "/n", Clitic: "/c"}[tk.Kind])
		}
		out.WriteString("\n")
	}
	const golden = "testdata/scan/mixed.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("scan of %s differs from %s (run with -update and review the diff):\n%s", "mixed.txt", golden, got)
	}
}

// abbrevGroups lists every abbreviation table for the table checks.
var abbrevGroups = map[string][]string{
	"abbrevTitles":       abbrevTitles,
	"abbrevLatin":        abbrevLatin,
	"abbrevReferences":   abbrevReferences,
	"abbrevNumbers":      abbrevNumbers,
	"abbrevFinals":       abbrevFinals,
	"abbrevLower":        abbrevLower,
	"abbrevInstitutions": abbrevInstitutions,
	"abbrevEnds":         abbrevEnds,
	"abbrevTimes":        abbrevTimes,
}

func TestAbbrevTablesSorted(t *testing.T) {
	seen := map[string]string{}
	for name, g := range abbrevGroups {
		if !slices.IsSorted(g) {
			t.Errorf("%s is not sorted", name)
		}
		for _, w := range g {
			if other, ok := seen[w]; ok {
				t.Errorf("%q is in both %s and %s", w, name, other)
			}
			seen[w] = name
			if strings.HasSuffix(w, ".") {
				t.Errorf("%s: %q must be written without its final full stop", name, w)
			}
		}
	}
}

func TestSentenceStartersSorted(t *testing.T) {
	if !slices.IsSorted(sentenceStarters) {
		t.Error("sentenceStarters is not sorted")
	}
	for _, w := range []string{"The", "How", "Mr", "Dr"} {
		if !isSentenceStarter(w) {
			t.Errorf("isSentenceStarter(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Army", "Government", "Smith", "the", ""} {
		if isSentenceStarter(w) {
			t.Errorf("isSentenceStarter(%q) = true, want false", w)
		}
	}
}

func TestLookupAbbrev(t *testing.T) {
	for _, tt := range []struct {
		name string
		word string
		want abbrevKind
	}{
		{"title", "Mr", abbrevTitle},
		{"case-sensitive", "MR", abbrevNone},
		{"latin", "e.g", abbrevInner},
		{"final", "Jr", abbrevFinal},
		{"company ends before capitals", "Inc", abbrevEnd},
		{"ends before capitals", "etc", abbrevEnd},
		{"time of day", "p.m", abbrevTime},
		{"lower-case unit", "lbs", abbrevFinal},
		{"capitalised lower-case abbreviation", "Abbrev", abbrevFinal},
		{"capitalised word", "Abbey", abbrevNone},
		{"empty", "", abbrevNone},
		{"capitalised without vowels", "Bldg", abbrevFinal},
		{"lower case without vowels is a program", "npm", abbrevNone},
		{"all capitals without vowels", "HTML", abbrevNone},
		{"number", "No", abbrevNumber},
		{"initial", "F", abbrevInner},
		{"non-ASCII initial", "É", abbrevInner},
		{"lowercase single letter", "x", abbrevNone},
		{"dotted initials", "J.R.R", abbrevInitials},
		{"dotted capitals", "E.U", abbrevInitials},
		{"dotted initials with lowercase", "J.r", abbrevFinal},
		{"unknown dotted", "Ph.D", abbrevFinal},
		{"trailing dot is not an initial", "J.", abbrevNone},
		{"file name", "sources.list", abbrevNone},
		{"ordinary word", "house", abbrevNone},
	} {
		if got := lookupAbbrev(tt.word); got != tt.want {
			t.Errorf("%s: lookupAbbrev(%q) = %d, want %d", tt.name, tt.word, got, tt.want)
		}
	}
}

// scanFixture is the reference document; its first ten lines are its fact box.
const scanFixture = "../../shared/fixtures/000_0004cf68decdbf28.txt"

// TestScanFixtureCounts compares the token and type counts of the reference
// document with its fact box (Tokens 980, Types 427), within 1%.
func TestScanFixtureCounts(t *testing.T) {
	data, err := os.ReadFile(scanFixture)
	if err != nil {
		t.Skipf("reference fixture not available: %v", err)
	}
	text := string(data)
	for range 10 {
		_, text, _ = strings.Cut(text, "\n")
	}
	toks, sents := scanTestText(text)
	types := map[string]bool{}
	for _, tk := range toks {
		types[strings.ReplaceAll(text[tk.Span.Start:tk.Span.End], "’", "'")] = true
	}
	t.Logf("reference fixture: %d tokens (want 980), %d types (want 427), %d sentences", len(toks), len(types), len(sents))
	if d := len(toks) - 980; d*100 > 980 || -d*100 > 980 {
		t.Errorf("tokens = %d, want 980 ± 1%%", len(toks))
	}
	if d := len(types) - 427; d*100 > 427 || -d*100 > 427 {
		t.Errorf("types = %d, want 427 ± 1%%", len(types))
	}
}

// checkScan checks the invariants of scanBlock's output for one block.
func checkScan(t *testing.T, text string, segs []Span, toks []Token, sents []rawSentence) {
	t.Helper()
	clean := cleanSegments(segs, len(text))
	inSeg := func(off int) bool {
		for _, sg := range clean {
			if sg.Start <= off && off < sg.End {
				return true
			}
		}
		return false
	}
	prev := 0
	for i, tk := range toks {
		if tk.Span.Start < prev || tk.Span.End <= tk.Span.Start || tk.Span.End > len(text) {
			t.Fatalf("token %d span %v out of order or bounds (prev end %d, len %d)", i, tk.Span, prev, len(text))
		}
		if !inSeg(tk.Span.Start) || !inSeg(tk.Span.End-1) {
			t.Fatalf("token %d span %v not inside segments %v", i, tk.Span, clean)
		}
		prev = tk.Span.End
	}
	prev, next := 0, 0
	for i, s := range sents {
		if s.Span.Start < prev || s.Span.End <= s.Span.Start || s.Span.End > len(text) {
			t.Fatalf("sentence %d span %v out of order or bounds", i, s.Span)
		}
		if !inSeg(s.Span.Start) || !inSeg(s.Span.End-1) {
			t.Fatalf("sentence %d span %v does not start and end inside segments %v", i, s.Span, clean)
		}
		if s.Tokens.First != next || s.Tokens.End <= s.Tokens.First || s.Tokens.End > len(toks) {
			t.Fatalf("sentence %d tokens %v: want a non-empty range starting at %d within %d tokens", i, s.Tokens, next, len(toks))
		}
		for _, tk := range toks[s.Tokens.First:s.Tokens.End] {
			if tk.Span.Start < s.Span.Start || tk.Span.End > s.Span.End {
				t.Fatalf("sentence %d span %v does not contain its token %v", i, s.Span, tk.Span)
			}
		}
		if s.Rule == "" {
			t.Fatalf("sentence %d has no rule", i)
		}
		prev, next = s.Span.End, s.Tokens.End
	}
	if next != len(toks) {
		t.Fatalf("tokens %d..%d belong to no sentence", next, len(toks))
	}
}

func FuzzScanBlock(f *testing.F) {
	for _, tt := range scanSentenceTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range scanTokenTests {
		f.Add([]byte(tt.in))
	}
	for _, tests := range boundaryClassTests {
		for _, tt := range tests {
			f.Add([]byte(tt.in))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		var segs []Span
		for start := 0; start <= len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			segs = append(segs, Span{start, end})
			start = end + 1
		}
		toks, sents := scanBlock(text, segs, nil, nil)
		checkScan(t, text, segs, toks, sents)
		// Tokens never cross a segment, so scanning every line as a block of
		// its own gives the same tokens, except for numbers and letters that
		// are list markers in one grouping and words in the other (a marker
		// depends on the line before it and on the block's last marker).
		var perLine []Token
		for _, sg := range segs {
			lt, ls := scanBlock(text, []Span{sg}, nil, nil)
			checkScan(t, text, []Span{sg}, lt, ls)
			perLine = append(perLine, lt...)
		}
		if a, b := dropMarkerLike(text, toks), dropMarkerLike(text, perLine); !slices.Equal(a, b) {
			t.Fatalf("tokens depend on block grouping:\n one block %v\n per line  %v", toks, perLine)
		}
		for _, tk := range toks {
			r, _ := utf8.DecodeRuneInString(text[tk.Span.Start:])
			if !isWordRune(r) && r != '\'' && r != '’' && !(tk.Kind == Clitic && (r == 'n' || r == 'N')) {
				t.Fatalf("token %q starts with %q", text[tk.Span.Start:tk.Span.End], r)
			}
		}
	})
}

// dropMarkerLike returns toks without the tokens that could be list
// enumerators: up to three digits (in groups joined by full stops) or letters,
// followed by "." or ")".
func dropMarkerLike(text string, toks []Token) []Token {
	var out []Token
	for _, tk := range toks {
		if tk.Span.End < len(text) && (text[tk.Span.End] == '.' || text[tk.Span.End] == ')') && tk.Span.Len() <= 11 {
			if e, _, _, _ := (&scanState{text: text}).enumerator(tk.Span.Start, len(text), true); e > tk.Span.End {
				continue
			}
		}
		out = append(out, tk)
	}
	return out
}

// scanCorpus reads the benchmark corpus, or skips.
func scanCorpus(b *testing.B) (string, [][]Span) {
	data, err := os.ReadFile("../../shared/corpus/prose.txt")
	if err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	text := string(bytes.ToValidUTF8(data, nil))
	return text, scanTestBlocks(text)
}

var scanSink int

func BenchmarkScanBlock(b *testing.B) {
	text, blocks := scanCorpus(b)
	var toks []Token
	var sents []rawSentence
	for _, segs := range blocks { // grow the slices once, outside the timing
		toks, sents = scanBlock(text, segs, toks, sents)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		toks, sents = toks[:0], sents[:0]
		for _, segs := range blocks {
			toks, sents = scanBlock(text, segs, toks, sents)
		}
	}
	scanSink = len(toks) + len(sents)
	b.ReportMetric(float64(len(toks)), "tokens")
}

// Example of scanBlock over one plain-text block.
func Example_scanBlock() {
	text := "Mr. Smith didn't pay $1.163 billion. He paid the U.S. The end"
	toks, sents := scanBlock(text, []Span{{0, len(text)}}, nil, nil)
	for _, s := range sents {
		fmt.Printf("%-16s %q\n", s.Rule, text[s.Span.Start:s.Span.End])
		for _, tk := range toks[s.Tokens.First:s.Tokens.End] {
			fmt.Printf(" %s", text[tk.Span.Start:tk.Span.End])
		}
		fmt.Println()
	}
	// Output:
	// terminal-punct   "Mr. Smith didn't pay $1.163 billion."
	//  Mr Smith did n't pay 1.163 billion
	// abbrev+capital   "He paid the U.S."
	//  He paid the U.S
	// end-of-block     "The end"
	//  The end
}
