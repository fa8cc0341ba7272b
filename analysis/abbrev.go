package analysis

import (
	"strings"
	"unicode/utf8"
)

// abbrevKind says how a known abbreviation followed by a full stop behaves at a
// possible sentence boundary.
type abbrevKind uint8

const (
	// abbrevNone marks a word that is not a known abbreviation.
	abbrevNone abbrevKind = iota
	// abbrevInner abbreviations (titles such as Mr. and Dr., e.g., i.e., Fig.)
	// almost never end a sentence: their full stop is never a boundary inside a block.
	abbrevInner
	// abbrevFinal abbreviations (etc., Inc., U.S., a.m.) often end a sentence:
	// their full stop is a boundary when the next word is capitalised (rule "abbrev+capital").
	abbrevFinal
	// abbrevNumber abbreviations (No.) are abbreviations only before a number:
	// "No. 5" continues, "I said no. Then" ends.
	abbrevNumber
	// abbrevEnd abbreviations (etc.) end the sentence before any capitalised word.
	abbrevEnd
	// abbrevTime abbreviations (a.m., p.m.) end the sentence before a
	// capitalised word unless the sentence so far is a short phrase
	// ("At 5 a.m. Mr. Smith left" continues).
	abbrevTime
	// abbrevTitle abbreviations (Mr., Dr., St.) stand before a name and do
	// not end a sentence, unless a word that is never a name follows (a
	// pronoun or an article: "lives on Main St. The house"), which shows the
	// abbreviation closed a street or place name.
	abbrevTitle
	// abbrevInitials are runs of dotted capitals in no table (E.U., J.R.R.,
	// N.A.S.A.): like abbrevFinal, they end a sentence only before a common
	// sentence starter ("in the E.U. How"), not before a name ("J.R.R. Tolkien").
	abbrevInitials
)

// Abbreviation tables. Each group is sorted (scan_test.go checks it) and
// matched case-sensitively against the whole word token before the full stop,
// so "Mr" matches "Mr." but not "MR." or "Amr.". A dotted token such as "Ph.D"
// or "N.A.S.A" that is in no table is treated as abbrevFinal (see isDottedAbbrev).

// abbrevTitles are titles and honorifics written before a name, from the
// AP Stylebook's "titles" entry (Gov., Sen., Rep., Gen., Lt. Gov.) and the
// honorifics of the Punkt sentence tokenizer's English training data
// (Kiss & Strunk 2006, as shipped with NLTK).
var abbrevTitles = []string{
	"Adm", "Capt", "Cmdr", "Col", "Dr", "Fr", "Gen", "Gov", "Hon", "Lt",
	"Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Mt", "Mx", "Pres",
	"Prof", "Rep", "Rev", "Sen", "Sgt", "St",
}

// abbrevLatin are Latin and scholarly abbreviations that are followed by more of
// the sentence, from the Chicago Manual of Style (17th ed.) §10.42 and the
// lead's list: e.g., i.e., cf., vs., et al., approx., ca.
var abbrevLatin = []string{
	"a.k.a", "al", "approx", "ca", "cf", "e.g", "i.e", "ibid", "viz", "vs",
}

// abbrevReferences abbreviate a part of a document and are followed by its
// number or name (Fig. 3, Vol. II, pp. 12–14), from the Chicago Manual of Style
// (17th ed.) §10.43, and telephone extensions (Tel. 555 0199, ext. 12).
var abbrevReferences = []string{
	"Ch", "Eq", "Ext", "Fig", "Figs", "Sec", "Tel", "Vol", "Vols", "ch", "eq", "ext", "fig", "p",
	"pp", "sec", "tel", "vol",
}

// abbrevInstitutions abbreviate the words of organisation names (Univ. of
// Texas, Natl. Park Service, Dept. of Energy), as library catalogues and
// bibliographies write them. Like abbrevFinals, they end a sentence only
// before a common sentence starter.
var abbrevInstitutions = []string{
	"Acad", "Assn", "Assoc", "Coll", "Comm", "Dept", "Dist", "Div", "Govt", "Hosp", "Inst",
	"Intl", "Natl", "Soc", "Univ",
}

// abbrevNumbers are abbreviations only when a number follows: "No. 5".
// From the lead's list and the AP Stylebook's "No." entry; "Nº" is written
// with the masculine ordinal indicator, a letter. "N°", with the degree sign,
// is handled in fullStop.
var abbrevNumbers = []string{
	"No", "Nos", "Nr", "Nº", "no", "nos",
}

// abbrevFinals are abbreviations that commonly end a sentence but also stand
// before names: post-nominal Jr./Sr. (King Jr. Day), countries written with periods, street designations,
// and the lead's list (est., dept.).
var abbrevFinals = []string{
	"Ave", "Blvd", "D.C", "Jr", "Rd", "Sr", "U.K", "U.S", "U.S.A", "dept", "est",
}

// abbrevLower are lower-case abbreviations written inside sentences: the
// customary units and measures that take a full stop (ft., lb., oz.), street and company words in running text ("5th st.", "Jane and co."), and
// other lower-case abbreviations common in technical English (incl., esp.,
// misc., resp.), and the part-of-speech and usage labels of dictionaries
// (adj., vt., obs., usu., prob., fr.), as glossaries such as the Jargon File
// use them. Capitalised at the start of a sentence (Abbrev., Syn.), they are
// still abbreviations. Like abbrevFinals, they end a sentence only before a common
// sentence starter.
var abbrevLower = []string{
	"abbr", "abbrev", "adj", "adv", "avg", "co", "conj", "corp", "esp", "excl", "fr", "ft",
	"hr", "hrs", "inc", "incl", "interj", "lb", "lbs", "ltd", "max", "min", "misc", "mo",
	"mos", "obs", "orig", "oz", "pl", "poss", "prep", "prob", "pron", "pt", "pts", "qt",
	"resp", "sq", "st", "syn", "tbsp", "tsp", "usu", "vi", "vt", "wk", "wks", "yr", "yrs",
}

// abbrevEnds end a sentence before any capitalised word: "etc." closes a
// list, and a list seldom runs on into a name.
// Month abbreviations (AP Stylebook "months": Jan., Feb., Aug., Sept., Oct.,
// Nov., Dec.; Chicago §10.41 adds Mar., Apr., Jun., Jul., Sep.) are here too:
// a number follows them inside a sentence ("Feb. 8"), a capital seldom does.
// So are company designations (AP Stylebook "company names"): they close a
// name, and another name seldom follows ("Apple, Inc. Prior to that").
var abbrevEnds = []string{
	"Apr", "Aug", "Bros", "Co", "Corp", "Dec", "Feb", "Inc", "Jan", "Jul", "Jun", "Ltd",
	"Mar", "Nov", "Oct", "Sep", "Sept", "etc",
}

// abbrevTimes are the times of day (AP Stylebook "a.m., p.m.").
var abbrevTimes = []string{"A.M", "P.M", "a.m", "p.m"}

// abbrevTable maps every abbreviation above to its kind. It is built once and
// never modified.
var abbrevTable = buildAbbrevTable()

func buildAbbrevTable() map[string]abbrevKind {
	m := make(map[string]abbrevKind)
	for _, g := range []struct {
		words []string
		kind  abbrevKind
	}{
		{abbrevTitles, abbrevTitle},
		{abbrevLatin, abbrevInner},
		{abbrevReferences, abbrevInner},
		{abbrevNumbers, abbrevNumber},
		{abbrevFinals, abbrevFinal},
		{abbrevLower, abbrevFinal},
		{abbrevInstitutions, abbrevFinal},
		{abbrevEnds, abbrevEnd},
		{abbrevTimes, abbrevTime},
	} {
		for _, w := range g.words {
			m[w] = g.kind
		}
	}
	return m
}

// lookupAbbrev returns the kind of word, the text of a word token without its
// final full stop. A word in no table is abbrevFinal if it is a capitalised
// word of two to four letters without a vowel ("Bldg", "Rm"),
// abbrevInitials if it is a run of dotted capitals ("J.R.R", "E.U"),
// abbrevFinal if it is another dotted abbreviation ("Ph.D", "a.k.a"), and
// abbrevNone otherwise. A lone capital
// letter ("F") counts as abbrevInner; fullStop checks its context first.
func lookupAbbrev(word string) abbrevKind {
	if k, ok := abbrevTable[word]; ok {
		return k
	}
	if len(word) > 1 && word[0] >= 'A' && word[0] <= 'Z' && word[1] >= 'a' && word[1] <= 'z' {
		c := word[0]
		if k := abbrevTable[string(c+'a'-'A')+word[1:]]; k == abbrevFinal {
			return k // "Abbrev." and "Syn." as glossaries start entries with them
		}
	}
	if isVowelless(word) {
		return abbrevFinal // "Bldg.", "Rm.": no English word is spelt so
	}
	if isInitial(word) {
		if len(word) > 1 && word[0] < utf8.RuneSelf {
			return abbrevInitials
		}
		return abbrevInner
	}
	if isDottedAbbrev(word) {
		return abbrevFinal
	}
	return abbrevNone
}

// isInitial reports whether word is a single upper-case letter, as in
// "J. R. R. Tolkien" or "John F. Kennedy", or upper-case ASCII letters joined
// by full stops, as in "J.R.R. Tolkien" or "T.H. White".
func isInitial(word string) bool {
	if len(word) > 1 && word[0] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(word)
		return size == len(word) && isUpperRune(r)
	}
	if len(word)%2 == 0 {
		return false // empty, or ends with a full stop
	}
	for i := 0; i < len(word); i += 2 {
		if word[i] < 'A' || word[i] > 'Z' || i+1 < len(word) && word[i+1] != '.' {
			return false
		}
	}
	return true
}

// isDottedAbbrev reports whether word is made of one- or two-letter groups
// joined by full stops, as in "U.S", "Ph.D", "a.k.a" or "N.A.S.A". A file
// name such as "sources.list" is not.
func isDottedAbbrev(word string) bool {
	n, dots := 0, 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			n = 0
			dots++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && n > 0
}

// isVowelless reports whether word is a capital and one to three lower-case
// ASCII letters, none of them a vowel or y ("Bldg", "Rm", "Pkg"). Lower-case
// words such as "npm" or "ls" are names of programs, not abbreviations.
func isVowelless(word string) bool {
	if len(word) < 2 || len(word) > 4 || word[0] < 'A' || word[0] > 'Z' {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i] | 0x20
		if c < 'a' || c > 'z' || strings.IndexByte("aeiouy", c) >= 0 || i > 0 && word[i] < 'a' {
			return false
		}
	}
	return true
}
