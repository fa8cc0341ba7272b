package hints

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrase is an entry of the simpler-alternatives table: lowercase text whose
// words are separated by single spaces, and its replacements.
type phrase struct {
	text    string
	replace []string
}

// phraseWords splits a phrase of the table into the words the analysis
// makes of it: at spaces, slashes and hyphens ("and/or" is "and" + "or"),
// with a final period left out ("i.e." is the token "i.e").
func phraseWords(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '/' || r == '-' })
	for i, w := range words {
		words[i] = strings.TrimSuffix(w, ".")
	}
	return words
}

// vocab numbers the words of the phrases from 1; phraseIDs[p] holds the
// numbers of the words of phrases[p]. byPair[first<<16|second] lists the
// indexes of the phrases of two or more words that start with those two,
// longest first, so that "in view of the above" wins over "in view of";
// single[first] is the index of the one-word phrase first, or -1.
var vocab, phraseIDs, byPair, single = func() (map[string]uint16, [][]uint16, map[uint32][]int, []int) {
	vocab := map[string]uint16{}
	ids := make([][]uint16, len(phrases))
	for i := range phrases {
		for _, w := range phraseWords(phrases[i].text) {
			id, ok := vocab[w]
			if !ok {
				id = uint16(len(vocab) + 1)
				vocab[w] = id
			}
			ids[i] = append(ids[i], id)
		}
	}
	byPair := map[uint32][]int{}
	single := make([]int, len(vocab)+1)
	for i := range single {
		single[i] = -1
	}
	for i := range phrases {
		if len(ids[i]) == 1 {
			single[ids[i][0]] = i
			continue
		}
		k := uint32(ids[i][0])<<16 | uint32(ids[i][1])
		byPair[k] = append(byPair[k], i)
	}
	for _, ps := range byPair {
		slices.SortStableFunc(ps, func(a, b int) int {
			return cmp.Or(cmp.Compare(len(ids[b]), len(ids[a])), cmp.Compare(len(phrases[b].text), len(phrases[a].text)))
		})
	}
	return vocab, ids, byPair, single
}()

// firsts[id] says whether word id starts a phrase; seconds[id] has bit
// n%64 set for each word n that follows it in a phrase, so that most pairs
// of words are ruled out before byPair is looked up.
var firsts, seconds = func() ([]bool, []uint64) {
	f, sec := make([]bool, len(vocab)+1), make([]uint64, len(vocab)+1)
	for _, ids := range phraseIDs {
		f[ids[0]] = true
		if len(ids) > 1 {
			sec[ids[0]] |= 1 << (ids[1] % 64)
		}
	}
	return f, sec
}()

// matchPhrase returns the end of the longest phrase of the table that starts
// at words[i] and ends inside sentence, and the phrase; 0 and nil when none
// does. The words' phrase ids must follow the phrase's, then the text must
// match it: letters regardless of case, a space of the phrase any run of
// white space (a line break too), other characters exactly. The phrase must
// be a whole word: no letter, digit, hyphen or apostrophe just before or
// after it.
func matchPhrase(text string, sentence Span, words []Word, i int) (int, *phrase) {
	start := words[i].Span.Start
	first := words[i].Class.phraseWord()
	var pair []int
	if i+1 < len(words) {
		if second := words[i+1].Class.phraseWord(); second != 0 && seconds[first]&(1<<(second%64)) != 0 {
			pair = byPair[uint32(first)<<16|uint32(second)]
		}
	}
	try := func(p int) int {
		ids := phraseIDs[p]
		if i+len(ids) > len(words) {
			return 0
		}
		for k := 2; k < len(ids); k++ {
			if words[i+k].Class.phraseWord() != ids[k] {
				return 0
			}
		}
		end := matchAt(text, start, sentence.End, phrases[p].text)
		if end == 0 || joined(text, end, sentence.End, false) || joined(text, start, sentence.Start, true) {
			return 0
		}
		if len(ids) == 1 && prepositional(&phrases[p]) && afterDeterminer(text, start, sentence.Start) {
			return 0
		}
		return end
	}
	for _, p := range pair {
		if end := try(p); end > 0 {
			return end, &phrases[p]
		}
	}
	if p := single[first]; p >= 0 {
		if end := try(p); end > 0 {
			return end, &phrases[p]
		}
	}
	return 0, nil
}

// prepositional reports whether p is a word in -ing whose first
// alternative is not: its advice is for the word as a preposition
// ("following the meeting" → "after the meeting"), not as an adjective or a
// noun ("the following options"), as "ongoing" → "continuing" is for both.
func prepositional(p *phrase) bool {
	return strings.HasSuffix(p.text, "ing") && len(p.replace) > 0 && !strings.HasSuffix(p.replace[0], "ing")
}

// determiners are the words after which a word is an adjective or a noun,
// never a preposition; "this" and "that", which are conjunctions and
// pronouns too, are left out.
var determiners = [...]string{"a", "an", "the", "these", "those", "its", "their", "our", "your", "my", "his"}

// afterDeterminer reports whether the word before offset i, after white
// space, is one of the determiners; bound is the sentence's start.
func afterDeterminer(text string, i, bound int) bool {
	j := i
	for j > bound && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n' || text[j-1] == '\r') {
		j--
	}
	if j == i {
		return false
	}
	k := j
	for k > bound && ('a' <= text[k-1]|0x20 && text[k-1]|0x20 <= 'z') {
		k--
	}
	if k == j || joined(text, k, bound, true) {
		return false
	}
	for _, d := range determiners {
		if strings.EqualFold(text[k:j], d) {
			return true
		}
	}
	return false
}

// matchAt returns the end of phrase matched in text at offset i, before
// limit, or 0. A space of the phrase matches a run of white space, which
// may hold a block quote's markers after a line break ("prior\n> to").
func matchAt(text string, i, limit int, phrase string) int {
	for p := 0; p < len(phrase); p++ {
		c := phrase[p]
		if c == ' ' {
			// White space, and a block quote's markers after a line break.
			j, newline := i, false
			for j < limit && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r' || text[j] == '>' && newline) {
				newline = newline || text[j] == '\n' || text[j] == '\r'
				j++
			}
			if j == i {
				return 0
			}
			i = j
			continue
		}
		if i >= limit {
			return 0
		}
		t := text[i]
		if 'A' <= t && t <= 'Z' {
			t += 'a' - 'A'
		}
		if t != c {
			return 0
		}
		i++
	}
	return i
}

// joined reports whether the character just before offset i (before is
// true) or at offset i (before is false) joins a word: a letter, a digit, a
// hyphen or an apostrophe. bound is the edge of the sentence, beyond which
// nothing joins.
func joined(text string, i, bound int, before bool) bool {
	var r rune
	if before {
		if i <= bound || i <= 0 {
			return false
		}
		r, _ = utf8.DecodeLastRuneInString(text[:i])
	} else {
		if i >= bound || i >= len(text) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(text[i:])
	}
	return r == '-' || r == '\'' || r == '’' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Phrases returns the phrases of the simpler-alternatives table, lowercase.
func Phrases() []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = p.text
	}
	return out
}
