package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run -tags generate ./internal/syllgen -o syllable_table.go

// Rule names returned by ExplainSyllables. "table" means the word is in the
// exception table generated from the CMU Pronouncing Dictionary
// (syllable_table.go); every other name is a rule of this file.
const (
	ruleTable        = "table"
	ruleEmpty        = "empty"
	ruleClitic       = "clitic"
	ruleVowelGroups  = "rule:vowel-groups"
	ruleNoVowel      = "rule:no-vowel"
	ruleSpelled      = "rule:spelled-letters"
	ruleInitialism   = "rule:initialism"
	ruleNumber       = "rule:number"
	ruleYear         = "rule:year"
	ruleDecimal      = "rule:decimal"
	ruleOrdinal      = "rule:ordinal"
	ruleAlnum        = "rule:letters-and-digits"
	ruleContraction  = "rule:contraction"
	rulePossessive   = "rule:possessive"
	ruleSilentE      = "rule:silent-final-e"
	ruleSyllabicLE   = "rule:syllabic-le"
	ruleSyllabicRE   = "rule:syllabic-re"
	ruleSilentED     = "rule:silent-ed"
	ruleSilentES     = "rule:silent-es"
	ruleSuffixE      = "rule:silent-e-before-suffix"
	ruleCompound     = "rule:compound"
	ruleHiatus       = "rule:hiatus"
	ruleGlide        = "rule:glide"
	ruleIng          = "rule:vowel-ing"
	ruleIsm          = "rule:syllabic-m"
	ruleMc           = "rule:mc"
	ruleSyncope      = "rule:syncope"
	ruleIre          = "rule:ire"
	ruleOtherScript  = "rule:other-script"
	ruleSyllabicRune = "rule:syllabic-script"
)

// maxFast is the longest token, in bytes, that is lowercased into a stack
// buffer; longer tokens are counted the same way from a heap copy.
const maxFast = 64

// CountSyllables returns the number of syllables of one word token as spoken
// in English. word is one token as the tokenizer gives it: a word of any case,
// possibly with apostrophes (’ or ') of contractions and possessives, internal
// periods (U.S), or a number with separators or a suffix (700,000, 3.5, 60th).
//
// The count comes from the exception table generated from the CMU Pronouncing
// Dictionary when the word is in it, and from spelling rules otherwise (see
// ExplainSyllables). A bare clitic ('s, n't, 'll, 're, 've, 'd, 'm) and a token
// with no letter or digit count 0; every other non-empty token counts at
// least 1. CountSyllables never panics and does not allocate for ASCII
// tokens of up to 62 bytes.
func CountSyllables(word string) int {
	n, _ := explainSyllables(word, &exceptions)
	return n
}

// ExplainSyllables returns what CountSyllables returns and the name of what
// decided it: "table" for the exception table, "clitic" for a bare clitic,
// "empty" for a token without letters or digits, or "rule:NAME" for the last
// spelling rule that changed the count ("rule:vowel-groups" when none did).
// Rules follow the usual English spelling-to-sound patterns (vowel letter
// groups; silent final e; syllabic -le and -re; silent -ed except after t
// and d; -es syllabic only after sibilants; y as a vowel; hiatus in ia, io,
// eo, ua, ...), as described in C. W. Kreidler, "The Pronunciation of
// English" (2nd ed., 2004), and tuned against the CMU Pronouncing Dictionary
// 0.7b, where a word's syllables are its phonemes with a stress digit.
// analysis/internal/syllgen/README.md gives the measured accuracy.
func ExplainSyllables(word string) (n int, rule string) {
	return explainSyllables(word, &exceptions)
}

// explainSyllables counts word with the exception table t (nil for the rules
// alone).
func explainSyllables(word string, t *syllTable) (int, string) {
	var buf [maxFast]byte
	var b []byte
	if len(word) <= maxFast-2 {
		b = buf[:0]
	} else {
		b = make([]byte, 0, len(word)+8)
	}
	b, kind, extra := normalizeToken(b, word)
	switch kind {
	case tokEmpty:
		return 0, ruleEmpty
	case tokOther:
		return extra, ruleOtherScript
	case tokSyllabic:
		return extra, ruleSyllabicRune
	}
	// tokLatin: extra counts the letters of other scripts mixed in.
	if n, rule := countLatin(b, t); n > 0 || rule == ruleClitic {
		return n + extra, rule
	}
	if extra > 0 {
		return extra, ruleOtherScript
	}
	return 0, ruleEmpty
}

// Token kinds found by normalizeToken.
const (
	tokEmpty    = iota // no letter or digit
	tokLatin           // ASCII letters, digits, ' and . (after folding accents)
	tokOther           // letters of a script without vowel letters we know
	tokSyllabic        // only CJK, kana or Hangul: one syllable a character
)

// normalizeToken appends to b the lowercase ASCII form of word: accents of
// Latin letters are dropped (é→e, ß→ss, but a final é becomes ee), right and
// left single quotation marks become ', and characters other than letters,
// digits, ', comma and period are dropped. Greek and Cyrillic vowel groups,
// CJK, kana and Hangul characters, and letters of other scripts are counted
// instead and returned in extra.
func normalizeToken(b []byte, word string) ([]byte, int, int) {
	latin, other, syllabic := false, 0, 0
	vowels, prevVowel := 0, false
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b = append(b, c)
				latin = true
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
				latin = true
			case c == '\'' || c == '.' || c == ',' || c == '`':
				if c == '`' {
					c = '\''
				}
				b = append(b, c)
			}
			prevVowel = false
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		if r == '’' || r == '‘' || r == 'ʼ' {
			b = append(b, '\'')
			prevVowel = false
			continue
		}
		if f := foldLatin(r); f != "" {
			if (r == 'é' || r == 'É') && i == len(word) {
				f = "ee" // a final é is spoken: café, résumé
			}
			b = append(b, f...)
			latin = true
			prevVowel = false
			continue
		}
		switch {
		case isForeignVowel(r):
			if !prevVowel {
				vowels++
			}
			prevVowel = true
			other++
			continue
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			// Not the symbols of these scripts (CJK radicals ⺔, circled ㉠):
			// a token of symbols alone counts 0.
			if !isSmallKana(r) {
				syllabic++
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			other++
		}
		prevVowel = false
	}
	switch {
	case latin:
		if other > 0 {
			syllabic += max(vowels, 1)
		}
		return b, tokLatin, syllabic
	case other > 0:
		if vowels > 0 {
			return b, tokOther, vowels + syllabic
		}
		return b, tokOther, max(1, (other+1)/2) + syllabic
	case syllabic > 0:
		return b, tokSyllabic, syllabic
	}
	return b, tokEmpty, 0
}

// latinFold maps U+00C0–U+017F to base letters; '-' marks runes that are not
// letters (× and ÷) and '*' those folded to two letters by foldLatin.
const latinFold = "aaaaaa*ceeeeiiii" + "dnooooo-ouuuuy**" + "aaaaaa*ceeeeiiii" + "dnooooo-ouuuuy*y" +
	"aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + "gggghhhhiiiiiiii" + "iiiijjkkklllllll" +
	"lllnnnnnnnnnoooo" + "oo**rrrrrrssssss" + "sstttttttuuuuuuu" + "uuuuwwyyyzzzzzzs"

// foldLatin returns the lowercase ASCII letters of a Latin letter with
// diacritics, or "" for any other rune.
func foldLatin(r rune) string {
	if r < 0xC0 || r > 0x17F {
		switch r {
		case 'ș', 'Ș':
			return "s"
		case 'ț', 'Ț':
			return "t"
		}
		return ""
	}
	c := latinFold[r-0xC0]
	switch c {
	case '-':
		return ""
	case '*':
		switch r {
		case 'Æ', 'æ':
			return "ae"
		case 'Þ', 'þ':
			return "th"
		case 'ß':
			return "ss"
		case 'Œ', 'œ':
			return "oe"
		}
		return ""
	}
	return latinFold[r-0xC0 : r-0xC0+1]
}

// isForeignVowel reports whether r is a Greek or Cyrillic vowel letter.
func isForeignVowel(r rune) bool {
	switch unicode.ToLower(r) {
	case 'α', 'ε', 'η', 'ι', 'ο', 'υ', 'ω', 'ά', 'έ', 'ή', 'ί', 'ό', 'ύ', 'ώ', 'ϊ', 'ϋ', 'ΐ', 'ΰ',
		'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є':
		return true
	}
	return false
}

// isSmallKana reports whether r is a small kana or the prolonged sound mark,
// which lengthen or palatalize the syllable before them.
func isSmallKana(r rune) bool {
	switch r {
	case 'ゃ', 'ゅ', 'ょ', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ャ', 'ュ', 'ョ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ー':
		return true
	}
	return false
}

// countLatin counts a normalized token: lowercase ASCII letters, digits,
// apostrophes and periods.
func countLatin(b []byte, t *syllTable) (int, string) {
	// Trim periods around the token (end of an abbreviation).
	for len(b) > 0 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	for len(b) > 0 && b[0] == '.' {
		b = b[1:]
	}
	if isClitic(b) {
		return 0, ruleClitic
	}
	if t != nil && len(b) > 0 && (b[0] == '\'' || b[len(b)-1] == '\'') {
		if n, ok := t.lookup(b); ok {
			return n, ruleTable
		}
	}
	for len(b) > 0 && b[0] == '\'' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == '\'' {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return 0, ruleEmpty
	}
	letters, digits, periods := 0, 0, 0
	for _, c := range b {
		switch {
		case c >= 'a':
			letters++
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			periods++
		}
	}
	switch {
	case letters == 0 && digits == 0:
		return 0, ruleEmpty
	case digits > 0:
		return countAlnum(b)
	case periods > 0:
		return countInitialism(b, t)
	}
	if t != nil {
		if n, ok := t.lookup(b); ok {
			return n, ruleTable
		}
	}
	return countWord(b, t)
}

// isClitic reports whether b is a contraction or possessive ending alone.
func isClitic(b []byte) bool {
	switch string(b) {
	case "'s", "n't", "'ll", "'re", "'ve", "'d", "'m":
		return true
	}
	return false
}

// countWord counts letters with internal apostrophes, splitting off the
// endings of contractions and possessives ("didn't", "china's", "we'll").
func countWord(b []byte, t *syllTable) (int, string) {
	apo := -1
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\'' {
			apo = i
			break
		}
	}
	if apo < 0 {
		return wordRules(b)
	}
	stem, end := b[:apo], string(b[apo+1:])
	if end == "t" && len(stem) > 1 && stem[len(stem)-1] == 'n' {
		// n't: one more syllable after a consonant ("did-n't"), none after a
		// vowel, where the n closes the stem's syllable ("don't", "can't").
		stem = stem[:len(stem)-1]
		if len(stem) > 0 && isVowel(stem[len(stem)-1]) {
			n, _ := countPart(b[:apo], t)
			return max(n, 1), ruleContraction
		}
		n, _ := countPart(stem, t)
		return n + 1, ruleContraction
	}
	n, _ := countPart(stem, t)
	last := byte(0)
	if len(stem) > 0 {
		last = stem[len(stem)-1]
	}
	switch end {
	case "s":
		if endsInSibilant(stem) {
			n++
		}
		return max(n, 1), rulePossessive
	case "ll", "d", "ve":
		if last != 0 && !isVowel(last) && last != 'y' && last != 'w' {
			n++
		}
		return max(n, 1), ruleContraction
	case "re", "m":
		return max(n, 1), ruleContraction
	}
	// Any other apostrophe (o'clock, rock'n'roll) is not spoken.
	var joined [maxFast]byte
	if len(b) <= maxFast {
		j := joined[:0]
		for _, c := range b {
			if c != '\'' {
				j = append(j, c)
			}
		}
		return countPart(j, t)
	}
	n, _ = countPart(stem, t)
	m, _ := countPart(b[apo+1:], t)
	return max(n+m, 1), ruleContraction
}

// countPart counts a stem found by splitting a word: through the table
// first, then the rules.
func countPart(b []byte, t *syllTable) (int, string) {
	if len(b) == 0 {
		return 0, ruleEmpty
	}
	if t != nil {
		if n, ok := t.lookup(b); ok {
			return n, ruleTable
		}
	}
	return countWord(b, t)
}

// endsInSibilant reports whether a stem ends in a sibilant sound, after which
// the possessive 's and the plural -es are a syllable of their own.
func endsInSibilant(b []byte) bool {
	n := len(b)
	if n == 0 {
		return false
	}
	switch b[n-1] {
	case 's', 'x', 'z':
		return true
	case 'h':
		return n >= 2 && (b[n-2] == 'c' || b[n-2] == 's')
	case 'e':
		return n >= 2 && (b[n-2] == 'c' || b[n-2] == 'g' || b[n-2] == 's' || b[n-2] == 'z')
	}
	return false
}

// countInitialism counts a token with internal periods, such as U.S, e.g or
// Ph.D: one-letter parts are spelled, longer ones read as words.
func countInitialism(b []byte, t *syllTable) (int, string) {
	total := 0
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != '.' {
			i++
		}
		part := b[:i]
		if i < len(b) {
			b = b[i+1:]
		} else {
			b = b[:0]
		}
		switch {
		case len(part) == 0:
		case len(part) == 1:
			total += letterSyllables(part[0])
		case vowelMask(part) == 0:
			for _, c := range part {
				total += letterSyllables(c)
			}
		default:
			n, _ := countPart(part, t)
			total += n
		}
	}
	return max(total, 1), ruleInitialism
}

// letterSyllables returns the syllables of the name of letter c ("double-u"
// has three, every other letter one).
func letterSyllables(c byte) int {
	if c == 'w' {
		return 3
	}
	return 1
}

// isVowel reports whether c is one of a, e, i, o, u.
func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// hasSuffix reports whether b ends with s.
func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// hasPrefix reports whether b starts with s.
func hasPrefix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[:len(s)]) == s
}

// wordRules counts the syllables of a word of lowercase ASCII letters by
// spelling rules: it finds the vowel letters, silences the e's that are not
// spoken, counts groups of adjacent vowel letters and splits the groups whose
// vowels are spoken apart (hiatus).
func wordRules(b []byte) (int, string) {
	if len(b) > maxFast {
		n, _ := wordRules(b[:maxFast])
		m, _ := wordRules(b[maxFast:])
		return n + m, ruleVowelGroups
	}
	n := len(b)
	rule := ruleVowelGroups
	v := vowelMask(b)
	if v == 0 {
		return noVowel(b)
	}
	// Silent e's.
	if n >= 2 && b[n-1] == 'e' && !bit(v, n-2) && others(v, n-1) {
		switch {
		case b[n-2] == 'l' && n >= 3 && !bit(v, n-3) && b[n-3] != 'l':
			rule = ruleSyllabicLE
		case b[n-2] == 'r' && n >= 3 && !bit(v, n-3) && b[n-3] != 'r':
			rule = ruleSyllabicRE
		case hasSuffix(b, "phe"):
		default:
			v &^= 1 << (n - 1)
			rule = ruleSilentE
		}
	}
	if n >= 3 && b[n-2] == 'e' && !bit(v, n-3) && others(v, n-2) && (b[n-1] == 's' || b[n-1] == 'd') {
		c := b[n-3]
		switch {
		case c == 'l' && n >= 4 && !bit(v, n-4) && b[n-4] != 'l':
			rule = ruleSyllabicLE
		case c == 'r' && n >= 4 && !bit(v, n-4) && b[n-4] != 'r' && b[n-4] != 'w':
			rule = ruleSyllabicRE
		case b[n-1] == 'd' && (c == 't' || c == 'd'):
		case b[n-1] == 's' && (c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' ||
			c == 'h' && n >= 4 && (b[n-4] == 'c' || b[n-4] == 's')):
		case b[n-1] == 's' && hasSuffix(b, "phes"):
		case b[n-1] == 'd':
			v &^= 1 << (n - 2)
			rule = ruleSilentED
		default:
			v &^= 1 << (n - 2)
			rule = ruleSilentES
		}
	}
	for _, suf := range eSuffixes {
		p := n - len(suf) - 1
		if p >= 2 && b[p] == 'e' && b[n-1] == suf[len(suf)-1] && bit(v, p) && !bit(v, p-1) && !bit(v, p+1) && others(v, p) && hasSuffix(b, suf) &&
			!(b[p-1] == 'l' && !bit(v, p-2)) {
			v &^= 1 << p
			rule = ruleSuffixE
			break
		}
	}
	for _, head := range compoundHeads {
		p := len(head) - 1
		if head[0] == b[0] && n >= len(head)+3 && hasPrefix(b, head) && bit(v, p) && v>>(p+1) != 0 &&
			(!bit(v, p+1) || string(b[p+1:]) == "one" || string(b[p+1:]) == "ones") {
			v &^= 1 << p
			rule = ruleCompound
			break
		}
	}
	// Silent e inside a compound: a long vowel, one consonant and an e
	// before a consonant that starts the next part (white-hall, code-base).
	for p := 3; p+2 < n; p++ {
		if b[p] == 'e' && bit(v, p) && !bit(v, p-1) && !bit(v, p+1) && bit(v, p-2) && !bit(v, p-3) &&
			b[p-2] != 'e' && b[p-1] != 'r' && b[p-1] != 'l' && strings.IndexByte("bfhw", b[p+1]) >= 0 && v>>(p+1) != 0 {
			v &^= 1 << p
			rule = ruleCompound
		}
	}
	if hasPrefix(b, "every") && n > 5 || string(b) == "every" {
		v &^= 1 << 2
		rule = ruleSyncope
	}
	if hasSuffix(b, "ically") {
		v &^= 1 << (n - 4)
		rule = ruleSyncope
	}
	if v == 0 {
		return 1, rule
	}
	// Vowel groups, split where adjacent vowels are spoken apart.
	count := 0
	for i := 0; i < n; i++ {
		if !bit(v, i) {
			continue
		}
		if i == 0 || !bit(v, i-1) {
			count++
			continue
		}
		if r := hiatus(b, v, i-1); r != "" {
			count++
			rule = r
		}
	}
	// Syllabic m: -ism, -asm, rhythm.
	if hasSuffix(b, "sm") || hasSuffix(b, "sms") || hasSuffix(b, "thm") || hasSuffix(b, "thms") {
		count++
		rule = ruleIsm
	}
	// -ire as in fire, entire: two syllables (fi-er).
	for p := 3; p < n; p++ {
		if b[p] == 'e' && !bit(v, p) && b[p-1] == 'r' && b[p-2] == 'i' && !bit(v, p-3) && !(b[p-3] == 'h' && p >= 4 && b[p-4] == 's') && (p == n-1 || !isVowel(b[p+1])) {
			count++
			rule = ruleIre
			break
		}
	}
	if n > 3 && hasPrefix(b, "mc") {
		count++
		rule = ruleMc
	}
	return count, rule
}

// eSuffixes are suffixes before which a final silent e of the stem stays
// silent (love-ly, state-ment).
var eSuffixes = [...]string{"ly", "ment", "ments", "ful", "fully", "ness", "less", "lessly", "lessness", "some", "man", "men", "ty"}

// compoundHeads are first parts of compounds that end in a silent e
// (some-thing, home-work).
var compoundHeads = [...]string{"some", "home", "life", "time", "like", "base", "side", "whole", "grave", "stone", "house", "horse", "case", "name", "care", "fire", "wide", "lake", "made", "face", "race", "note", "game", "love", "store", "there", "here", "more", "one", "eye", "tire", "safe", "state", "pipe", "rose", "hole", "wire", "shore", "space", "ware", "sale", "score"}

// prefixHiatus lists word beginnings where a prefix ending in a vowel is
// spoken apart from the vowel after it (re-act, co-incide).
var prefixHiatus = [...]struct{ prefix, word string }{
	{"re", "react"}, {"re", "reali"}, {"re", "reass"}, {"re", "reapp"}, {"re", "reaff"}, {"re", "reun"},
	{"re", "reinf"}, {"re", "reint"}, {"re", "reinv"}, {"re", "reins"}, {"re", "reimb"}, {"re", "reiss"},
	{"re", "reeva"}, {"re", "reele"}, {"re", "reent"}, {"re", "reest"}, {"re", "reexa"}, {"re", "readj"},
	{"co", "coinc"}, {"co", "cooperat"}, {"co", "coord"}, {"co", "coexi"}, {"co", "coauth"}, {"co", "coali"}, {"co", "coag"}, {"co", "coax"}, {"co", "coale"}, {"co", "coart"},
	{"pre", "preex"}, {"anti", "antia"}, {"anti", "antie"}, {"anti", "antio"}, {"anti", "antiu"}, {"semi", "semia"}, {"semi", "semio"}, {"pre", "preem"}, {"pre", "preoc"}, {"de", "deact"}, {"zo", "zool"},
}

// vowelMask returns the positions of b spoken as vowels: a, e, i, o, u and y,
// except u after q (queen) and after g before a vowel (guard, language), and
// y before a vowel at the start of a word or after a vowel (yes, beyond).
func vowelMask(b []byte) uint64 {
	var v uint64
	n := len(b)
	for i, c := range b {
		switch c {
		case 'a', 'e', 'i', 'o':
			v |= 1 << i
		case 'u':
			if i > 0 && b[i-1] == 'q' {
				continue
			}
			if i > 0 && b[i-1] == 'g' && i+1 < n && isVowel(b[i+1]) && !(i+2 < n && b[i+1] == 'o' && b[i+2] == 'u') && !(i == 3 && hasPrefix(b, "argu")) {
				continue
			}
			v |= 1 << i
		case 'y':
			next := i+1 < n && isVowel(b[i+1])
			if next && (i == 0 || bit(v, i-1) || hasPrefix(b[i+1:], "ard") || b[i-1] == 'n' && string(b[i+1:]) != "one" && string(b[i+1:]) != "ones" || b[i-1] == 'w' && i > 1 && bit(v, i-2)) {
				continue
			}
			v |= 1 << i
		}
	}
	return v
}

// bit reports whether bit i of v is set.
func bit(v uint64, i int) bool { return i >= 0 && i < 64 && v&(1<<i) != 0 }

// others reports whether v has a vowel before position p that is not
// adjacent to it, so that silencing the e at p leaves a syllable.
func others(v uint64, p int) bool {
	if p <= 0 || p >= 64 {
		return p >= 64
	}
	return v&((1<<p)-1) != 0
}

// noVowel counts a word without vowel letters: an interjection (hmm, shh,
// psst) is one syllable, anything else is read letter by letter (tv, www).
func noVowel(b []byte) (int, string) {
	if len(b) == 1 {
		return letterSyllables(b[0]), ruleSpelled
	}
	hm := true
	for _, c := range b {
		hm = hm && (c == 'h' || c == 'm')
	}
	if hm {
		return 1, ruleNoVowel
	}
	switch string(b) {
	case "sh", "shh", "shhh", "ssh", "pst", "psst", "tsk", "nth", "pfft", "hmph", "brr", "brrr", "grr", "grrr", "zzz":
		return 1, ruleNoVowel
	}
	n := 0
	for _, c := range b {
		n += letterSyllables(c)
	}
	return n, ruleSpelled
}

// hiatus returns the rule that splits the vowels at i and i+1 of b (both
// vowels in v) into two syllables, or "" if they are spoken as one.
func hiatus(b []byte, v uint64, i int) string {
	n := len(b)
	c1, c2 := b[i], b[i+1]
	before := byte(0)
	if i > 0 {
		before = b[i-1]
	}
	rest := b[i+2:]
	atEnd := i+2 == n
	for _, p := range prefixHiatus {
		if i == len(p.prefix)-1 && b[0] == p.word[0] && hasPrefix(b, p.word) {
			return ruleHiatus
		}
	}
	// Vowel + -ing: go-ing, see-ing, continu-ing.
	if c2 == 'i' && (string(rest) == "ng" || string(rest) == "ngs" || string(rest) == "ngly") && i > 0 {
		return ruleIng
	}
	if c1 == 'y' {
		// y spoken as a vowel before another vowel: cry-ing, Liby-a; but bye, dyed.
		if c2 == 'e' && (atEnd || string(rest) == "s" || string(rest) == "d") {
			return ""
		}
		return ruleGlide
	}
	switch string(b[i : i+2]) {
	case "ia":
		if isPalatal(b, i) && !hasPrefix(rest, "te") && !hasPrefix(rest, "ti") && string(rest) != "c" && string(rest) != "cs" ||
			before == 'l' && i >= 3 && !hasPrefix(rest, "t") || string(rest) == "ge" {
			return ""
		}
		return ruleHiatus
	case "io":
		if isPalatal(b, i) || before == 'l' && i >= 3 && hasPrefix(rest, "n") {
			return ""
		}
		if (before == 'n' || before == 'l' && i > 1 && b[i-2] == 'l') && (hasPrefix(rest, "n") || hasPrefix(rest, "r")) {
			return ""
		}
		if before == 'v' && hasPrefix(rest, "r") {
			return ""
		}
		return ruleHiatus
	case "iu":
		if before == 'g' {
			return ""
		}
		return ruleHiatus
	case "ie":
		switch {
		case (string(rest) == "r" || string(rest) == "rs" || string(rest) == "st") && others(v, i-1) && !bit(v, i-1):
			return ruleHiatus
		case hasPrefix(rest, "t"):
			return ruleHiatus
		case string(rest) == "n" || string(rest) == "ns" || hasPrefix(rest, "nt") || hasPrefix(rest, "nc"):
			if (before == 'c' || before == 't') && !(before == 'c' && i == 2 && b[0] == 's') ||
				(before == 'n' || before == 'l') && i >= 3 {
				return ""
			}
			return ruleHiatus
		}
		return ""
	case "ea":
		if (atEnd || string(rest) == "s") && others(v, i-1) && !bit(v, i-1) {
			return ruleHiatus
		}
		if (string(rest) == "n" || string(rest) == "ns") && before != 'c' && before != 'g' && others(v, i-1) && !bit(v, i-1) {
			return ruleHiatus // Caribbe-an, Chile-an
		}
		if i == 2 && (hasPrefix(b, "creat") && !hasPrefix(rest, "tu") || hasPrefix(b, "theat")) {
			return ruleHiatus
		}
		return ""
	case "eo":
		if before == 'g' && (hasPrefix(rest, "n") || hasPrefix(rest, "u") || hasPrefix(rest, "r")) || before == 'c' && hasPrefix(rest, "u") {
			return ""
		}
		if hasPrefix(rest, "p") && i == 1 || before == 'y' {
			return ""
		}
		return ruleHiatus
	case "eu":
		if string(rest) == "m" || string(rest) == "ms" {
			return ruleHiatus
		}
		return ""
	case "ua", "uo", "uu", "ao", "ii":
		return ruleHiatus
	case "ue":
		if atEnd || string(rest) == "s" || string(rest) == "d" {
			return ""
		}
		if hasPrefix(rest, "l") || hasPrefix(rest, "nt") || hasPrefix(rest, "nc") || hasPrefix(rest, "r") ||
			string(rest) == "t" || string(rest) == "ts" || string(rest) == "st" {
			return ruleHiatus
		}
		return ""
	case "ui":
		if hasPrefix(rest, "n") || hasPrefix(rest, "d") || hasPrefix(rest, "ty") || hasPrefix(rest, "ci") || hasPrefix(rest, "ti") || hasPrefix(rest, "sm") {
			return ruleHiatus
		}
		return ""
	case "oi":
		if string(rest) == "c" || string(rest) == "st" || string(rest) == "sm" {
			return ruleHiatus
		}
		return ""
	case "oe":
		if hasPrefix(rest, "m") || hasPrefix(rest, "t") || hasPrefix(rest, "v") || hasPrefix(rest, "r") {
			return ruleHiatus
		}
		return ""
	case "ai":
		if string(rest) == "c" {
			return ruleHiatus
		}
		return ""
	case "ei":
		if hasPrefix(rest, "ty") || hasPrefix(rest, "ti") || hasPrefix(rest, "f") || string(rest) == "st" || string(rest) == "sm" || string(rest) == "er" {
			return ruleHiatus
		}
		return ""
	}
	return ""
}

// isPalatal reports whether the consonant before the vowel at i of b merges
// with it into one sound, as in -cial, -tion, -sion, -gion, -xious.
func isPalatal(b []byte, i int) bool {
	if i <= 1 {
		return false
	}
	switch b[i-1] {
	case 'c', 't', 's', 'x', 'g':
		return true
	case 'h':
		return i >= 2 && b[i-2] == 's'
	}
	return false
}

// syllTable is an exception table: a hash set of words with their syllable
// counts, laid out by the generator in internal/syllgen so that it needs no
// initialization at start-up. Entry i is word words[e>>11 : e>>11 + e>>5&63]
// with count e&31, where e = entries[i]; slots is an open-addressing table
// (linear probing, a power of two long) of entry indexes plus one, 0 for
// empty, at fnv1a(word) & (len(slots)-1).
type syllTable struct {
	words   string
	entries []uint32
	slots   []uint16
}

// exceptions is the table generated from the CMU Pronouncing Dictionary.
var exceptions = syllTable{words: syllTableWords, entries: syllTableEntries[:], slots: syllTableSlots[:]}

// lookup returns the syllables of word if it is in t.
func (t *syllTable) lookup(word []byte) (int, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint32(len(t.slots) - 1)
	for h := fnv1a(word) & mask; ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return 0, false
		}
		e := t.entries[s-1]
		off, n := e>>11, e>>5&63
		if int(n) == len(word) && t.words[off:off+n] == string(word) {
			return int(e & 31), true
		}
	}
}

// fnv1a returns the 32-bit FNV-1a hash of b.
func fnv1a(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// Syllables of the English names of numbers: units[d] for 0–9 (zero, one, …),
// teens[d] for 10–19, tens[d] for 20, 30, … 90 at d = 2 … 9, and scales[k]
// for 1000^k (thousand, million, … decillion).
var (
	units  = [10]int{2, 1, 1, 1, 1, 1, 1, 2, 1, 1}
	teens  = [10]int{1, 3, 1, 2, 2, 2, 2, 3, 2, 2}
	tens   = [10]int{0, 0, 2, 2, 2, 2, 2, 3, 2, 2}
	scales = [...]int{0, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3}
)

// countAlnum counts a token with digits: a number with separators and an
// optional ordinal or plural ending (700,000, 3.5, 60th, 1990s) is read as
// English words; runs of letters and digits mixed otherwise (mp3, 5pm) are
// counted each on its own.
func countAlnum(b []byte) (int, string) {
	// Split off a trailing letter run.
	end := len(b)
	for end > 0 && (b[end-1] >= 'a' || b[end-1] == '\'') {
		end--
	}
	num, suffix := b[:end], b[end:]
	if len(num) > 0 && b[0] >= '0' && b[0] <= '9' && isNumber(num) {
		n, rule := countNumber(num)
		switch string(suffix) {
		case "":
			return n, rule
		case "s", "'s":
			return n, rule
		case "st", "nd", "rd", "th", "d", "ds", "ths", "nds", "rds", "sts":
			return n + ordinalExtra(num), ruleOrdinal
		}
	}
	total := 0
	for i := 0; i < len(b); {
		j := i
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ',' || b[j] == '.') {
				j++
			}
			n, _ := countNumber(b[i:j])
			total += n
		case c >= 'a':
			for j < len(b) && b[j] >= 'a' {
				j++
			}
			n, _ := wordRules(b[i:j])
			total += n
		default:
			j++
		}
		i = j
	}
	return max(total, 1), ruleAlnum
}

// isNumber reports whether b is digits with , and . separators.
func isNumber(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c == ',' || c == '.') {
			return false
		}
	}
	return true
}

// countNumber counts digits with separators: commas group thousands, a period
// is "point" followed by digits read one by one, a bare four-digit number
// from 1000 to 2099 is read as a year (nineteen eighty-four, twenty thirteen).
func countNumber(b []byte) (int, string) {
	var digits [maxFast]byte
	intPart := digits[:0]
	comma := false
	i := 0
	for ; i < len(b) && b[i] != '.'; i++ {
		switch c := b[i]; {
		case c == ',':
			comma = true
		case len(intPart) < len(digits):
			intPart = append(intPart, c)
		}
	}
	n, rule := 0, ruleNumber
	switch {
	case len(intPart) == 0:
	case len(intPart) == 4 && !comma && (intPart[0] == '1' && intPart[1] != '0' || intPart[0] == '2' && intPart[1] == '0'):
		n, rule = year(intPart), ruleYear
	default:
		n = cardinal(intPart)
	}
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c == '.':
			n++ // point
			rule = ruleDecimal
		case c >= '0' && c <= '9':
			n += units[c-'0']
		}
	}
	return max(n, 1), rule
}

// year counts a four-digit year: 1984 "nineteen eighty-four", 1900
// "nineteen hundred", 1905 "nineteen oh five", 2000 "two thousand", 2005
// "two thousand five", 2013 "twenty thirteen".
func year(d []byte) int {
	hi := int(d[0]-'0')*10 + int(d[1]-'0')
	lo := int(d[2]-'0')*10 + int(d[3]-'0')
	switch {
	case hi == 20 && lo < 10:
		return cardinal(d)
	case lo == 0:
		return twoDigits(hi) + 2
	case lo < 10:
		return twoDigits(hi) + 1 + units[lo]
	}
	return twoDigits(hi) + twoDigits(lo)
}

// twoDigits counts the name of 0–99.
func twoDigits(x int) int {
	switch {
	case x < 10:
		return units[x]
	case x < 20:
		return teens[x-10]
	case x%10 == 0:
		return tens[x/10]
	}
	return tens[x/10] + units[x%10]
}

// cardinal counts the English name of a whole number given as digits: 0
// "zero", 700000 "seven hundred thousand". Numbers with a leading zero (007)
// or too long for the scale names are read digit by digit.
func cardinal(d []byte) int {
	if len(d) > 3*len(scales) || len(d) > 1 && d[0] == '0' {
		n := 0
		for _, c := range d {
			n += units[c-'0']
		}
		return n
	}
	if len(d) == 1 && d[0] == '0' {
		return units[0]
	}
	n := 0
	for k := 0; len(d) > 0; k++ {
		lo := max(len(d)-3, 0)
		g := 0
		for _, c := range d[lo:] {
			g = g*10 + int(c-'0')
		}
		d = d[:lo]
		if g == 0 {
			continue
		}
		if g >= 100 {
			n += units[g/100] + 2 // hundred
		}
		if g%100 != 0 {
			n += twoDigits(g % 100)
		}
		n += scales[k]
	}
	return n
}

// ordinalExtra returns how many syllables the ordinal of a number adds to
// its cardinal: second (two), twentieth (twenty); the others keep the count
// (first, third, fifth, hundredth).
func ordinalExtra(b []byte) int {
	last, prev := -1, -1
	for _, c := range b {
		if c >= '0' && c <= '9' {
			prev, last = last, int(c-'0')
		}
	}
	switch {
	case last == 2 && prev != 1:
		return 1
	case last == 0 && prev >= 2:
		return 1
	}
	return 0
}
