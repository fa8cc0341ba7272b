package analysis

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// cmuWords are common words with their syllables in the CMU Pronouncing
// Dictionary 0.7b (npm cmu-pronouncing-dictionary 3.0.0): a count is right
// when it is one of them.
var cmuWords = []struct {
	word string
	cmu  []int
}{
	{"the", []int{1}},
	{"every", []int{3, 2}},
	{"business", []int{2}},
	{"different", []int{3, 2}},
	{"family", []int{3, 2}},
	{"beautiful", []int{3}},
	{"people", []int{2}},
	{"idea", []int{3}},
	{"area", []int{3}},
	{"create", []int{2}},
	{"poem", []int{2}},
	{"quiet", []int{2}},
	{"science", []int{2}},
	{"naive", []int{2}},
	{"chocolate", []int{2}},
	{"interesting", []int{3, 4}},
	{"wednesday", []int{2}},
	{"fire", []int{2, 1}},
	{"hour", []int{2, 1}},
	{"our", []int{2, 1}},
	{"rhythm", []int{2}},
	{"queue", []int{1}},
	{"a", []int{1}},
	{"i", []int{1}},
	{"you", []int{1}},
	{"and", []int{1}},
	{"to", []int{1}},
	{"of", []int{1}},
	{"it", []int{1}},
	{"that", []int{1}},
	{"was", []int{1}},
	{"he", []int{1}},
	{"she", []int{1}},
	{"we", []int{1}},
	{"they", []int{1}},
	{"be", []int{1}},
	{"have", []int{1}},
	{"do", []int{1}},
	{"say", []int{1}},
	{"go", []int{1}},
	{"get", []int{1}},
	{"make", []int{1}},
	{"know", []int{1}},
	{"think", []int{1}},
	{"take", []int{1}},
	{"see", []int{1}},
	{"come", []int{1}},
	{"want", []int{1}},
	{"look", []int{1}},
	{"use", []int{1}},
	{"find", []int{1}},
	{"give", []int{1}},
	{"tell", []int{1}},
	{"work", []int{1}},
	{"call", []int{1}},
	{"try", []int{1}},
	{"ask", []int{1}},
	{"need", []int{1}},
	{"feel", []int{1}},
	{"become", []int{2}},
	{"leave", []int{1}},
	{"put", []int{1}},
	{"mean", []int{1}},
	{"keep", []int{1}},
	{"let", []int{1}},
	{"begin", []int{2}},
	{"seem", []int{1}},
	{"help", []int{1}},
	{"talk", []int{1}},
	{"turn", []int{1}},
	{"start", []int{1}},
	{"show", []int{1}},
	{"hear", []int{1}},
	{"play", []int{1}},
	{"run", []int{1}},
	{"move", []int{1}},
	{"like", []int{1}},
	{"live", []int{1}},
	{"believe", []int{2}},
	{"hold", []int{1}},
	{"bring", []int{1}},
	{"happen", []int{2}},
	{"write", []int{1}},
	{"provide", []int{2}},
	{"sit", []int{1}},
	{"stand", []int{1}},
	{"lose", []int{1}},
	{"pay", []int{1}},
	{"meet", []int{1}},
	{"include", []int{2}},
	{"continue", []int{3}},
	{"set", []int{1}},
	{"learn", []int{1}},
	{"change", []int{1}},
	{"lead", []int{1}},
	{"understand", []int{3}},
	{"watch", []int{1}},
	{"follow", []int{2}},
	{"stop", []int{1}},
	{"speak", []int{1}},
	{"read", []int{1}},
	{"allow", []int{2}},
	{"add", []int{1}},
	{"spend", []int{1}},
	{"grow", []int{1}},
	{"open", []int{2}},
	{"walk", []int{1}},
	{"win", []int{1}},
	{"offer", []int{2}},
	{"remember", []int{3}},
	{"love", []int{1}},
	{"consider", []int{3}},
	{"appear", []int{2}},
	{"buy", []int{1}},
	{"wait", []int{1}},
	{"serve", []int{1}},
	{"die", []int{1}},
	{"send", []int{1}},
	{"expect", []int{2}},
	{"build", []int{1}},
	{"stay", []int{1}},
	{"fall", []int{1}},
	{"cut", []int{1}},
	{"reach", []int{1}},
	{"kill", []int{1}},
	{"remain", []int{2}},
	{"suggest", []int{2}},
	{"raise", []int{1}},
	{"pass", []int{1}},
	{"sell", []int{1}},
	{"require", []int{3, 2}},
	{"report", []int{2}},
	{"decide", []int{2}},
	{"pull", []int{1}},
	{"actually", []int{4, 2, 3}},
	{"really", []int{2}},
	{"probably", []int{3, 2}},
	{"usually", []int{4, 3}},
	{"especially", []int{3, 4}},
	{"finally", []int{3}},
	{"several", []int{2, 3}},
	{"society", []int{4}},
	{"government", []int{3}},
	{"question", []int{2}},
	{"naturally", []int{4, 3}},
	{"camera", []int{3, 2}},
	{"general", []int{3, 2}},
	{"evening", []int{2}},
	{"favorite", []int{3, 2}},
	{"vegetable", []int{3}},
	{"temperature", []int{3, 4}},
	{"comfortable", []int{4}},
	{"literature", []int{4}},
	{"mirror", []int{2}},
	{"lion", []int{2}},
	{"violin", []int{3}},
	{"radio", []int{3}},
	{"piano", []int{3}},
	{"video", []int{3}},
	{"museum", []int{3}},
	{"cruel", []int{2, 1}},
	{"fuel", []int{2, 1}},
	{"poet", []int{2}},
	{"being", []int{2}},
	{"going", []int{2}},
	{"doing", []int{2}},
	{"seeing", []int{2}},
	{"skiing", []int{2}},
	{"trying", []int{2, 1}},
	{"lying", []int{2}},
	{"flying", []int{2}},
	{"crying", []int{2}},
	{"played", []int{1}},
	{"wanted", []int{2}},
	{"needed", []int{2}},
	{"jumped", []int{1}},
	{"loved", []int{1}},
	{"asked", []int{1}},
	{"hundred", []int{2}},
	{"sacred", []int{2}},
	{"table", []int{2}},
	{"little", []int{2}},
	{"simple", []int{2}},
	{"apple", []int{2}},
	{"castle", []int{2}},
	{"acre", []int{2}},
	{"theatre", []int{3}},
	{"centre", []int{2}},
	{"lovely", []int{2}},
	{"likely", []int{2}},
	{"statement", []int{2}},
	{"movement", []int{2}},
	{"careful", []int{2}},
	{"useless", []int{2}},
	{"something", []int{2}},
	{"someone", []int{2}},
	{"sometimes", []int{2}},
	{"somewhere", []int{2}},
	{"homework", []int{2}},
	{"lifetime", []int{2}},
	{"criticism", []int{4}},
	{"enthusiasm", []int{5}},
	{"prism", []int{2}},
	{"algorithm", []int{4}},
	{"unique", []int{2}},
	{"technique", []int{2}},
	{"league", []int{1}},
	{"tongue", []int{1}},
	{"vague", []int{1}},
	{"guard", []int{1}},
	{"guess", []int{1}},
	{"guide", []int{1}},
	{"language", []int{2}},
	{"quick", []int{1}},
	{"quite", []int{1}},
	{"queen", []int{1}},
	{"yes", []int{1}},
	{"year", []int{1}},
	{"young", []int{1}},
	{"beyond", []int{2}},
	{"lawyer", []int{2}},
	{"player", []int{2}},
	{"mayor", []int{2}},
	{"canyon", []int{2}},
	{"union", []int{2}},
	{"million", []int{2}},
	{"billion", []int{2}},
	{"onion", []int{2}},
	{"opinion", []int{3}},
	{"senior", []int{2}},
	{"junior", []int{2}},
	{"behavior", []int{3}},
	{"warrior", []int{3, 2}},
	{"superior", []int{4}},
	{"region", []int{2}},
	{"religion", []int{3}},
	{"fashion", []int{2}},
	{"special", []int{2}},
	{"official", []int{3}},
	{"social", []int{2}},
	{"financial", []int{3}},
	{"india", []int{3}},
	{"indian", []int{3}},
	{"asia", []int{2}},
	{"russia", []int{2}},
	{"georgia", []int{2}},
	{"giant", []int{2}},
	{"diet", []int{2}},
	{"client", []int{2}},
	{"patient", []int{2}},
	{"ancient", []int{2}},
	{"efficient", []int{3}},
	{"experience", []int{4}},
	{"audience", []int{3}},
	{"alien", []int{3}},
	{"friend", []int{1}},
	{"field", []int{1}},
	{"piece", []int{1}},
	{"studied", []int{2}},
	{"tried", []int{1}},
	{"cities", []int{2}},
	{"series", []int{2}},
	{"easier", []int{3}},
	{"happier", []int{3}},
	{"earliest", []int{3}},
	{"soldier", []int{2}},
	{"various", []int{3}},
	{"serious", []int{3}},
	{"curious", []int{3}},
	{"obvious", []int{3}},
	{"delicious", []int{3}},
	{"anxious", []int{2}},
	{"previous", []int{3}},
	{"gorgeous", []int{2}},
	{"courteous", []int{3}},
	{"hideous", []int{3}},
	{"continuous", []int{4}},
	{"virtuous", []int{3}},
	{"actual", []int{3, 2}},
	{"usual", []int{3}},
	{"equal", []int{2}},
	{"annual", []int{3}},
	{"situation", []int{4}},
	{"january", []int{4}},
	{"genuine", []int{3}},
	{"fluid", []int{2}},
	{"ruin", []int{2}},
	{"suit", []int{1}},
	{"fruit", []int{1}},
	{"heroic", []int{3}},
	{"stoic", []int{2}},
	{"poetry", []int{3}},
	{"shoe", []int{1}},
	{"goes", []int{1}},
	{"does", []int{1}},
	{"whoever", []int{3}},
	{"react", []int{2}},
	{"reality", []int{4}},
	{"realize", []int{3}},
	{"reunion", []int{3}},
	{"cooperate", []int{4, 3}},
	{"coordinate", []int{4}},
	{"creature", []int{2}},
	{"theater", []int{3}},
	{"ideal", []int{2}},
	{"real", []int{1}},
	{"ocean", []int{2}},
	{"korea", []int{3, 2}},
	{"europe", []int{2}},
	{"mosaic", []int{3}},
	{"deity", []int{3}},
	{"atheist", []int{3}},
	{"mcdonald", []int{3}},
	{"boxes", []int{2}},
	{"wishes", []int{2}},
	{"faces", []int{2}},
	{"pages", []int{2}},
	{"roses", []int{2}},
	{"makes", []int{1}},
	{"tables", []int{2}},
	{"times", []int{1}},
	{"comes", []int{1}},
	{"eyes", []int{1}},
	{"bye", []int{1}},
	{"dye", []int{1}},
	{"goodbye", []int{2}},
	{"safety", []int{2}},
	{"ninety", []int{2}},
	{"basically", []int{3}},
	{"specifically", []int{4}},
	{"entire", []int{3}},
	{"desire", []int{3}},
	{"tired", []int{2}},
}

func TestCountSyllablesCMU(t *testing.T) {
	if len(exceptions.entries) == 0 {
		t.Skip("no generated exception table")
	}
	for _, tt := range cmuWords {
		for _, w := range []string{tt.word, strings.ToUpper(tt.word), strings.ToUpper(tt.word[:1]) + tt.word[1:]} {
			if n := CountSyllables(w); !slices.Contains(tt.cmu, n) {
				_, rule := ExplainSyllables(w)
				t.Errorf("CountSyllables(%q) = %d by %s, CMU says %v", w, n, rule, tt.cmu)
			}
		}
	}
}

// TestExplainSyllablesRules pins the spelling rules, without the table.
func TestExplainSyllablesRules(t *testing.T) {
	tests := []struct {
		name, word string
		want       int
		rule       string
	}{
		{"vowel groups", "banana", 3, ruleVowelGroups},
		{"vowel digraph", "great", 1, ruleVowelGroups},
		{"silent final e", "complete", 2, ruleSilentE},
		{"e alone is spoken", "the", 1, ruleVowelGroups},
		{"syllabic le", "little", 2, ruleSyllabicLE},
		{"le after a vowel is silent", "whole", 1, ruleSilentE},
		{"syllabic re", "acre", 2, ruleSyllabicRE},
		{"silent ed", "jumped", 1, ruleSilentED},
		{"ed after t", "wanted", 2, ruleVowelGroups},
		{"ed after syllabic le", "handled", 2, ruleSyllabicLE},
		{"ed after syllabic re", "hundred", 2, ruleSyllabicRE},
		{"silent es", "makes", 1, ruleSilentES},
		{"es after a sibilant", "boxes", 2, ruleVowelGroups},
		{"es after soft g", "pages", 2, ruleVowelGroups},
		{"es after ch", "churches", 2, ruleVowelGroups},
		{"silent e before -ly", "lovely", 2, ruleSuffixE},
		{"silent e before -ment", "statement", 2, ruleSuffixE},
		{"compound with silent e", "something", 2, ruleCompound},
		{"compound with one", "someone", 2, ruleCompound},
		{"hiatus ia", "piano", 3, ruleHiatus},
		{"hiatus io", "radio", 3, ruleHiatus},
		{"final ea", "idea", 3, ruleHiatus},
		{"create", "create", 2, ruleHiatus},
		{"hiatus oe", "poem", 2, ruleHiatus},
		{"hiatus ie before t", "quiet", 2, ruleHiatus},
		{"science", "science", 2, ruleHiatus},
		{"hiatus eu in -eum", "museum", 3, ruleHiatus},
		{"prefix re- before a vowel", "react", 2, ruleHiatus},
		{"palatal cia", "special", 2, ruleVowelGroups},
		{"palatal tio", "nation", 2, ruleVowelGroups},
		{"llio", "million", 2, ruleVowelGroups},
		{"ie digraph", "friend", 1, ruleVowelGroups},
		{"comparative -ier", "easier", 3, ruleHiatus},
		{"ies", "cities", 2, ruleVowelGroups},
		{"vowel before -ing", "going", 2, ruleIng},
		{"y before -ing", "crying", 2, ruleIng},
		{"y as a vowel before a vowel", "libya", 3, ruleGlide},
		{"y before a vowel at the start", "yes", 1, ruleVowelGroups},
		{"y between vowels", "beyond", 2, ruleVowelGroups},
		{"y after aw", "lawyer", 2, ruleVowelGroups},
		{"ny before a vowel", "canyon", 2, ruleVowelGroups},
		{"bye", "goodbye", 2, ruleVowelGroups},
		{"u after q", "queen", 1, ruleVowelGroups},
		{"que", "unique", 2, ruleSilentE},
		{"gu before a vowel", "guard", 1, ruleVowelGroups},
		{"language", "language", 2, ruleSilentE},
		{"argue", "argue", 2, ruleVowelGroups},
		{"-ism", "criticism", 4, ruleIsm},
		{"-thm", "rhythm", 2, ruleIsm},
		{"mc", "mcdonald", 3, ruleMc},
		{"-ire", "fire", 2, ruleIre},
		{"-ire before -ment", "retirement", 4, ruleIre},
		{"every", "every", 2, ruleSyncope},
		{"-ically", "basically", 3, ruleSyncope},
		{"interjection", "hmm", 1, ruleNoVowel},
		{"spelled", "tv", 2, ruleSpelled},
		{"double-u", "www", 9, ruleSpelled},
		{"final é", "café", 2, ruleVowelGroups},
		{"ß", "Straße", 1, ruleSilentE},
		{"n't after a consonant", "didn't", 2, ruleContraction},
		{"n't after a vowel", "don't", 1, ruleContraction},
		{"can't", "can't", 1, ruleContraction},
		{"curly apostrophe", "didn’t", 2, ruleContraction},
		{"possessive", "China's", 2, rulePossessive},
		{"possessive after a sibilant", "church's", 2, rulePossessive},
		{"possessive after soft ce", "France's", 2, rulePossessive},
		{"'ll after a vowel", "we'll", 1, ruleContraction},
		{"'ll after a consonant", "it'll", 2, ruleContraction},
		{"'m", "I'm", 1, ruleContraction},
		{"'ve after a vowel", "they've", 1, ruleContraction},
		{"'ve after a consonant", "would've", 2, ruleContraction},
		{"plural possessive", "dogs'", 1, ruleVowelGroups},
		{"leading apostrophe", "'cause", 1, ruleSilentE},
		{"internal apostrophe", "o'clock", 2, ruleVowelGroups},
		{"clitic 's", "'s", 0, ruleClitic},
		{"clitic n't", "n't", 0, ruleClitic},
		{"clitic 'll curly", "’ll", 0, ruleClitic},
		{"clitic 're upper", "'RE", 0, ruleClitic},
		{"clitic 've", "'ve", 0, ruleClitic},
		{"clitic 'd", "'d", 0, ruleClitic},
		{"clitic 'm", "'m", 0, ruleClitic},
		{"initialism", "U.S", 2, ruleInitialism},
		{"initialism with final period", "U.S.A.", 3, ruleInitialism},
		{"initialism with w", "W.H.O", 5, ruleInitialism},
		{"abbreviation parts", "Ph.D", 3, ruleInitialism},
		{"year", "2013", 4, ruleYear},
		{"year 19xx", "1984", 5, ruleYear},
		{"year hundred", "1900", 4, ruleYear},
		{"year oh", "1905", 4, ruleYear},
		{"year 2000", "2000", 3, ruleYear},
		{"year 2005", "2005", 4, ruleYear},
		{"thousands", "700,000", 6, ruleNumber},
		{"million", "1,000,000", 3, ruleNumber},
		{"four digits with a comma", "2,013", 5, ruleNumber},
		{"not a year", "1066", 6, ruleNumber},
		{"hundred", "100", 3, ruleNumber},
		{"teen", "19", 2, ruleNumber},
		{"seventeen", "17", 3, ruleNumber},
		{"zero", "0", 2, ruleNumber},
		{"leading zero", "007", 6, ruleNumber},
		{"decimal", "3.5", 3, ruleDecimal},
		{"decimal digits", "1.163", 5, ruleDecimal},
		{"bare decimal", ".5", 1, ruleNumber},
		{"huge number", strings.Repeat("9", 50), 50, ruleNumber},
		{"ordinal -tieth", "60th", 3, ruleOrdinal},
		{"ordinal second", "2nd", 2, ruleOrdinal},
		{"ordinal twelfth", "12th", 1, ruleOrdinal},
		{"ordinal twenty-first", "21st", 3, ruleOrdinal},
		{"decade", "1990s", 4, ruleYear},
		{"decade possessive", "80's", 2, ruleNumber},
		{"time", "5pm", 3, ruleAlnum},
		{"letters then digits", "mp3", 3, ruleAlnum},
		{"greek", "λόγος", 2, ruleOtherScript},
		{"greek capitals", "ΑΘΗΝΑ", 3, ruleOtherScript},
		{"cyrillic", "Москва", 2, ruleOtherScript},
		{"arabic", "سلام", 2, ruleOtherScript},
		{"han", "東京", 2, ruleSyllabicRune},
		{"kana", "ありがとう", 5, ruleSyllabicRune},
		{"small kana", "きょう", 2, ruleSyllabicRune},
		{"hangul", "서울", 2, ruleSyllabicRune},
		{"empty", "", 0, ruleEmpty},
		{"punctuation", "...", 0, ruleEmpty},
		{"apostrophe", "'", 0, ruleEmpty},
		{"emoji", "😀", 0, ruleEmpty},
		{"invalid utf-8", "\xff", 0, ruleEmpty},
		{"CJK radical, a symbol (found by FuzzCountSyllables)", "⺔", 0, ruleEmpty},
		{"circled hangul, a symbol", "㉠", 0, ruleEmpty},
		{"han numeral", "〇", 1, ruleSyllabicRune},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, rule := explainSyllables(tt.word, nil)
			if n != tt.want || rule != tt.rule {
				t.Errorf("explainSyllables(%q, nil) = %d, %q; want %d, %q", tt.word, n, rule, tt.want, tt.rule)
			}
		})
	}
}

func TestExplainSyllablesTable(t *testing.T) {
	if len(exceptions.entries) == 0 {
		t.Skip("no generated exception table")
	}
	tests := []struct {
		name, word string
		want       int
		rule       string
	}{
		{"word in the table", "business", 2, ruleTable},
		{"table after folding accents", "NAÏVE", 2, ruleTable},
		{"contraction in the table", "goin'", 2, ruleTable},
		{"word the rules get right", "table", 2, ruleSyllabicLE},
		{"clitic stays 0", "'s", 0, ruleClitic},
		{"no zero from the table", "hmm", 1, ruleNoVowel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, rule := ExplainSyllables(tt.word)
			if n != tt.want || rule != tt.rule {
				t.Errorf("ExplainSyllables(%q) = %d, %q; want %d, %q", tt.word, n, rule, tt.want, tt.rule)
			}
		})
	}
}

// TestExceptionTable checks that every entry of the generated table is found
// by lookup with its own count, and that the layout is consistent.
func TestExceptionTable(t *testing.T) {
	tab := &exceptions
	if len(tab.slots)&(len(tab.slots)-1) != 0 || len(tab.slots) != 0 && len(tab.slots) < len(tab.entries) {
		t.Fatalf("%d slots for %d entries: want a power of two, at least as many", len(tab.slots), len(tab.entries))
	}
	for i, e := range tab.entries {
		off, n := e>>11, e>>5&63
		w := tab.words[off : off+n]
		got, ok := tab.lookup([]byte(w))
		if !ok || got != int(e&31) || got == 0 {
			t.Errorf("entry %d %q: lookup = %d, %v; want %d", i, w, got, ok, e&31)
		}
	}
	if _, ok := tab.lookup([]byte("notaword")); ok {
		t.Error("lookup found a word not in the table")
	}
}

// TestSyllablesTop5000 measures the counter on the 5,000 most frequent words
// of SUBTLEXus that are in the CMU dictionary (testdata/syllables_top5000.tsv,
// written by internal/syllgen/score.mjs --sample: word, tab, CMU counts).
func TestSyllablesTop5000(t *testing.T) {
	f, err := os.Open("testdata/syllables_top5000.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, rulesOK := 0, 0
	in := bufio.NewScanner(f)
	for in.Scan() {
		word, list, _ := strings.Cut(in.Text(), "\t")
		var cmu []int
		for _, s := range strings.Split(list, ",") {
			n, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("line %q: %v", in.Text(), err)
			}
			cmu = append(cmu, n)
		}
		total++
		if n, _ := explainSyllables(word, nil); slices.Contains(cmu, n) {
			rulesOK++
		}
		if len(exceptions.entries) == 0 || slices.Max(cmu) == 0 {
			continue // hmm, shh: CMU gives no syllable, we give 1
		}
		if n := CountSyllables(word); !slices.Contains(cmu, n) {
			_, rule := ExplainSyllables(word)
			t.Errorf("CountSyllables(%q) = %d by %s, CMU says %v", word, n, rule, cmu)
		}
	}
	if err := in.Err(); err != nil {
		t.Fatal(err)
	}
	if total != 5000 {
		t.Fatalf("read %d words, want 5000", total)
	}
	// The rules alone got 98.64% when this test was written; a change that
	// loses more than a few words should be looked at.
	const floor = 0.985
	if acc := float64(rulesOK) / float64(total); acc < floor {
		t.Errorf("rules alone: %.2f%% of the top 5,000 words, want at least %.1f%%", 100*acc, 100*floor)
	}
	t.Logf("rules alone: %d/%d", rulesOK, total)
}

func TestCountSyllablesAllocs(t *testing.T) {
	words := []string{"Beautiful", "didn't", "China’s", "U.S", "700,000", "60th", "pneumonoultramicroscopicsilico", "business", "rhythm"}
	for _, w := range words {
		if a := testing.AllocsPerRun(100, func() { syllableSink = CountSyllables(w) }); a != 0 {
			t.Errorf("CountSyllables(%q): %v allocations, want 0", w, a)
		}
	}
}

// isBareClitic reports whether word is a clitic alone once everything but
// letters and apostrophes is dropped, in any case and with any apostrophe.
func isBareClitic(word string) bool {
	var b []byte
	for _, r := range word {
		switch {
		case r == '’' || r == '‘' || r == 'ʼ' || r == '\'' || r == '`':
			b = append(b, '\'')
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			b = append(b, byte(unicode.ToLower(r)))
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			return false
		}
	}
	return isClitic(b)
}

func FuzzCountSyllables(f *testing.F) {
	for _, tt := range cmuWords {
		f.Add(tt.word)
	}
	for _, s := range []string{"didn't", "n't", "’s", "U.S.", "700,000", "3.5", "60th", "1990s", "café", "Москва", "東京", "", "\xff", "a'b'c'", "9.9.9", "1,,,2", "'''", "ʼ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		n, rule := ExplainSyllables(word)
		if n != CountSyllables(word) {
			t.Fatalf("ExplainSyllables(%q) = %d, CountSyllables differs", word, n)
		}
		if n < 0 || rule == "" {
			t.Fatalf("ExplainSyllables(%q) = %d, %q", word, n, rule)
		}
		hasAlnum := false
		for _, r := range word {
			if (unicode.IsLetter(r) || unicode.IsNumber(r)) && r != 'ʼ' {
				hasAlnum = true
			}
		}
		if hasAlnum && n == 0 && !isBareClitic(word) {
			t.Fatalf("ExplainSyllables(%q) = 0 by %s, want at least 1", word, rule)
		}
		if !hasAlnum && n != 0 {
			t.Fatalf("ExplainSyllables(%q) = %d by %s, want 0 without letters or digits", word, n, rule)
		}
	})
}

var syllableSink int

// benchWords mixes common words, table words, contractions and numbers.
var benchWords = []string{"the", "Beautiful", "people", "business", "didn't", "China's", "interesting", "rhythm",
	"every", "and", "government", "U.S", "700,000", "2013", "information", "queue", "naïve", "Москва"}

func BenchmarkCountSyllables(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		syllableSink += CountSyllables(benchWords[i%len(benchWords)])
	}
}

func BenchmarkCountSyllablesCMU(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		syllableSink += CountSyllables(cmuWords[i%len(cmuWords)].word)
	}
}
