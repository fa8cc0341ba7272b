package hints

import "strings"

// isBe reports whether the lowercase word w is a form of be, contracted
// ones included ("'re", "'m"). The clitic "'s" is not one: "he's written"
// is has, an active perfect, as often as it is is.
func isBe(w []byte) bool {
	switch string(w) {
	case "am", "is", "are", "was", "were", "be", "been", "being", "'re", "'m":
		return true
	}
	return false
}

// isGet reports whether the lowercase word w is a form of get, the auxiliary
// of the get-passive ("got fired").
func isGet(w []byte) bool {
	switch string(w) {
	case "get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

// isLinkAdverb reports whether the lowercase word w is one of the short
// adverbs that stand between an auxiliary and a participle ("is not
// written", "was never found", "is well known") and end in no -ly.
func isLinkAdverb(w []byte) bool {
	switch string(w) {
	case "not", "n't", "never", "also", "always", "often", "still", "just", "already",
		"even", "ever", "well", "now", "soon", "once", "seldom", "sometimes", "all",
		"both", "only", "too", "further", "thus", "then", "since", "first":
		return true
	}
	return false
}

// isParticiple reports whether the lowercase word w is a past participle: an
// irregular one from the table ("written", "set"), or a regular one, a verb
// of the table with -ed or -d ("deleted", "used"). A word that is itself a
// verb is not a regular participle, so that "feed", "need" and "embed" are
// not, and neither is a word whose stem is no verb ("red", "bread",
// "naked").
func isParticiple(w []byte) bool {
	s := sets()
	if s.participles.has(w) {
		return true
	}
	n := len(w)
	if n < 4 || w[n-2] != 'e' || w[n-1] != 'd' {
		return false
	}
	if s.verbs.has(w) {
		return false
	}
	return s.verbs.has(w[:n-2]) || s.verbs.has(w[:n-1])
}

// inside reports whether the word w is a non-empty span inside sentence,
// which Find has already clipped to the text.
func inside(w, sentence Span) bool {
	return sentence.Start <= w.Start && w.Start < w.End && w.End <= sentence.End
}

// adjacent reports whether nothing but white space, Markdown emphasis and,
// after a line break, a block quote's markers stands between the words a
// and b: punctuation ends a construction.
func adjacent(text string, a, b Span) bool {
	if a.End > b.Start {
		return false
	}
	newline := false
	for i := a.End; i < b.Start; i++ {
		switch text[i] {
		case '\n', '\r':
			newline = true
		case ' ', '\t', '*', '_':
		case '>':
			if !newline {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// passive returns the end of the passive construction whose auxiliary is
// words[i], or 0 when there is none. After the auxiliary come at most two
// further forms of be ("is being", "been being") and at most two adverbs,
// then the participle; the bounds keep a sentence of a thousand "is" linear. Participles coordinated with it ("was found, fixed and
// tested") belong to the same construction: it counts once.
func passive(text string, sentence Span, words []Word, i int) int {
	adverbs, bes := 0, 0
	for k := i + 1; k < len(words) && inside(words[k].Span, sentence) && adjacent(text, words[k-1].Span, words[k].Span); k++ {
		c := words[k].Class
		switch {
		case c&ClassParticiple != 0:
			return coordinated(text, sentence, words, k)
		case bes < 2 && c&ClassBe != 0:
			bes++
		case adverbs < 2 && c&(ClassLink|ClassAdverb) != 0:
			adverbs++
		default:
			return 0
		}
	}
	return 0
}

// coordinated returns the end of the participle words[k] and of the
// participles coordinated with it by commas, "and" or "or".
func coordinated(text string, sentence Span, words []Word, k int) int {
	end := words[k].Span.End
	for j := k + 1; j < len(words) && inside(words[j].Span, sentence); {
		prev, w := words[j-1].Span, words[j]
		if prev.End > w.Span.Start {
			break
		}
		gap := strings.TrimSpace(text[prev.End:w.Span.Start])
		if w.Class&ClassConj != 0 {
			if gap != "" && gap != "," || j+1 >= len(words) || !inside(words[j+1].Span, sentence) ||
				!adjacent(text, w.Span, words[j+1].Span) || words[j+1].Class&ClassParticiple == 0 {
				break
			}
			j++
		} else if gap != "," || w.Class&ClassParticiple == 0 {
			break
		}
		end = words[j].Span.End
		j++
	}
	return end
}
