package analysis

// sentenceStarters are capitalised words that open sentences but seldom
// stand inside a name: the closed-class words of English (pronouns,
// determiners, conjunctions, prepositions, auxiliary verbs, wh-words) and a
// few common sentence adverbs, chosen for factbox. Punkt collects the same
// kind of evidence, "frequent sentence starters", from a training corpus
// (Kiss & Strunk 2006); this list writes it down for English instead. After
// an abbreviation that may end a sentence (U.S., Inc., E.U.), the full stop
// is a boundary only when one of these, or a title such as Mr., follows.
var sentenceStarters = []string{
	"A", "About", "After", "Again", "All", "Also", "Although", "Among", "An", "And",
	"Another", "Any", "Are", "As", "At", "Because", "Before", "Both", "But", "By",
	"Can", "Could", "Did", "Do", "Does", "During", "Each", "Even", "Every", "Everyone",
	"Few", "Finally", "First", "For", "From", "Had", "Has", "Have", "He", "Her",
	"Here", "His", "How", "However", "I", "If", "In", "Instead", "Is", "It",
	"Its", "Just", "Later", "Let", "Many", "May", "Meanwhile", "Most", "Much", "My",
	"Neither", "Never", "Next", "No", "Nobody", "None", "Nor", "Not", "Nothing", "Now",
	"Of", "On", "Once", "One", "Only", "Or", "Other", "Our", "Please", "She",
	"Should", "Since", "So", "Some", "Someone", "Soon", "Still", "Such", "That", "The",
	"Their", "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To",
	"Today", "Until", "We", "Were", "What", "When", "Where", "Whether", "Which", "While",
	"Who", "Why", "Will", "With", "Would", "Yet", "You", "Your",
}

// starterSet holds sentenceStarters for lookup. It is built once and never modified.
var starterSet = func() map[string]bool {
	m := make(map[string]bool, len(sentenceStarters))
	for _, w := range sentenceStarters {
		m[w] = true
	}
	return m
}()

// isSentenceStarter reports whether word, the letters of the word after a
// full stop, is a common sentence starter or a title (Mr, Dr) that opens a
// new sentence after an abbreviation.
func isSentenceStarter(word string) bool {
	if starterSet[word] {
		return true
	}
	for _, t := range abbrevTitles {
		if t == word {
			return true
		}
	}
	return false
}

// neverNames are sentence starters that are never a name: the article
// "An" ("A" may be an initial), personal and possessive pronouns and
// demonstratives. After a title (Mr.,
// St.) only one of these shows that the sentence ended there.
var neverNames = []string{
	"An", "He", "Her", "His", "I", "It", "Its", "My", "Our", "She", "That", "The",
	"Their", "There", "These", "They", "This", "Those", "We", "You", "Your",
}

// isNeverName reports whether word is one of neverNames.
func isNeverName(word string) bool {
	for _, w := range neverNames {
		if w == word {
			return true
		}
	}
	return false
}
