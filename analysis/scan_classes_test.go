package analysis

import "testing"

// boundaryClassTests are the sentence boundaries issue 7 fixed, one table per
// class of the issue: input → the text of every sentence and, where it
// matters, the rule that ended each one.
var boundaryClassTests = map[string][]struct {
	name  string
	in    string
	want  []string
	rules []string
}{
	// Class 1: a sentence that starts with a lower-case word, a brand or code
	// is a sentence of its own; the full stop and the word before it decide.
	"lowercase starts": {
		{name: "npm", in: "I use npm every day. npm is fast.", want: []string{"I use npm every day.", "npm is fast."}, rules: []string{"terminal-punct", "terminal-punct"}},
		{name: "iPhone and eBay", in: "iPhone sales rose. eBay fell.", want: []string{"iPhone sales rose.", "eBay fell."}},
		{name: "command name", in: "Install the tools first. make builds everything.", want: []string{"Install the tools first.", "make builds everything."}},
		{name: "after a number", in: "The patch fixed 12 bugs. most were small.", want: []string{"The patch fixed 12 bugs.", "most were small."}},
		{name: "after a closing bracket", in: "It ships with Debian (and Ubuntu). curl is included.", want: []string{"It ships with Debian (and Ubuntu).", "curl is included."}},
		{name: "after a path", in: "Keys live in /etc/ssh. ssh-keygen makes new ones.", want: []string{"Keys live in /etc/ssh.", "ssh-keygen makes new ones."}},
		{name: "abbreviation before lower case continues", in: "It costs approx. ten euros.", want: []string{"It costs approx. ten euros."}},
		{name: "dotted abbreviation before lower case continues", in: "The U.S. dollar fell.", want: []string{"The U.S. dollar fell."}},
		{name: "single letter before lower case continues", in: "Set the value of x. then run it.", want: []string{"Set the value of x. then run it."}},
		{name: "quotation then speech tag continues", in: `"We are done." she said.`, want: []string{`"We are done." she said.`}},
		{name: "question then lower case continues", in: "Ready? then go.", want: []string{"Ready? then go."}},
		{name: "a dot standing alone continues", in: "Never assume that . is in the path.", want: []string{"Never assume that . is in the path."}},
		{name: "bracket opening in lower case continues", in: "Write it as host. (with the final dot).", want: []string{"Write it as host. (with the final dot)."}},
		{name: "lower case across a line break", in: "The build passed.\ngo vet found nothing.", want: []string{"The build passed.", "go vet found nothing."}},
	},
	// Class 2: abbreviations before proper nouns and sentence starters.
	"abbreviations": {
		{name: "US before a name", in: "The U.S. Army is big.", want: []string{"The U.S. Army is big."}},
		{name: "EU before How", in: "We live in the E.U. How about you?", want: []string{"We live in the E.U.", "How about you?"}, rules: []string{"abbrev+capital", "question-exclaim"}},
		{name: "US before Government", in: "She works for the U.S. Government now.", want: []string{"She works for the U.S. Government now."}},
		{name: "US before It", in: "It was sold in the U.S. It did well.", want: []string{"It was sold in the U.S.", "It did well."}},
		{name: "Jr before a name", in: "We marked Martin Luther King Jr. Day quietly.", want: []string{"We marked Martin Luther King Jr. Day quietly."}},
		{name: "Inc before a name ends", in: "It is owned by Apple, Inc. Prior to that it was free.", want: []string{"It is owned by Apple, Inc.", "Prior to that it was free."}},
		{name: "Inc before We", in: "We joined Acme Inc. We stayed ten years.", want: []string{"We joined Acme Inc.", "We stayed ten years."}},
		{name: "title never ends", in: "We called Dr. Osei. Dr. Osei came.", want: []string{"We called Dr. Osei.", "Dr. Osei came."}},
		{name: "pm before a title", in: "He left the office at 6 P.M. Mr. Hale locked up.", want: []string{"He left the office at 6 P.M.", "Mr. Hale locked up."}},
		{name: "am in a short opening phrase", in: "At 6 a.m. Mr. Hale opened up.", want: []string{"At 6 a.m. Mr. Hale opened up."}},
		{name: "dotted capitals before a name", in: "The book is by J.R.R. Tolkien. It is long.", want: []string{"The book is by J.R.R. Tolkien.", "It is long."}},
		{name: "etc before any capital", in: "Bring cups, plates, etc. Anna brings the cake.", want: []string{"Bring cups, plates, etc.", "Anna brings the cake."}},
		{name: "month before a capital", in: "The season ended in Oct. Players went home.", want: []string{"The season ended in Oct.", "Players went home."}},
		{name: "lower-case abbreviation before They", in: "Ask Ines and co. They know the way.", want: []string{"Ask Ines and co.", "They know the way."}},
		{name: "two initials after a lower-case word", in: "We read C. S. Lewis aloud.", want: []string{"We read C. S. Lewis aloud."}},
		{name: "street abbreviation before The", in: "The shop is on Mill St. The door is blue.", want: []string{"The shop is on Mill St.", "The door is blue."}, rules: []string{"abbrev+capital", "terminal-punct"}},
		{name: "title before a name that is also a word", in: "Ask Mr. Will Barnes.", want: []string{"Ask Mr. Will Barnes."}},
		{name: "letter after a capitalised word before We", in: "We chose Plan B. We had no other.", want: []string{"We chose Plan B.", "We had no other."}},
		{name: "capitalised word without vowels", in: "Go to Bldg. 7 and ask.", want: []string{"Go to Bldg. 7 and ask."}},
	},
	// Class 3: list markers start items and belong to no sentence.
	"lists": {
		{name: "dot paren inline", in: "1.) The first item 2.) The second item", want: []string{"The first item", "The second item"}, rules: []string{"list-item", "end-of-block"}},
		{name: "paren inline", in: "1) Mix the flour 2) Add the eggs", want: []string{"Mix the flour", "Add the eggs"}},
		{name: "dot inline", in: "1. Mix the flour 2. Add the eggs", want: []string{"Mix the flour", "Add the eggs"}},
		{name: "dot inline with stops", in: "1. Mix the flour. 2. Add the eggs.", want: []string{"Mix the flour.", "Add the eggs."}},
		{name: "letters inline", in: "a. Plan it b. Build it c. Ship it", want: []string{"Plan it", "Build it", "Ship it"}},
		{name: "bullets with numbers", in: "• 9. Close the valve • 10. Open the drain", want: []string{"Close the valve", "Open the drain"}},
		{name: "hyphen bullet", in: "⁃3. Save the file ⁃4. Quit", want: []string{"Save the file", "Quit"}},
		{name: "section numbers at line starts", in: "1.2. Getting help\n1.3. Packaging", want: []string{"Getting help", "Packaging"}},
		{name: "paren number after a colon line", in: "It has two parts:\n3) the engine\n4) the frame", want: []string{"It has two parts:", "the engine", "the frame"}},
		{name: "dash bullets", in: "Bring:\n- water\n- a hat", want: []string{"Bring:", "water", "a hat"}},
		{name: "lower-case letter items at line starts", in: "Shipped\n a. in text form\n b. as HTML", want: []string{"Shipped", "in text form", "as HTML"}},
		{name: "wrapped reference is no item", in: "as required by section\n7. This applies to all copies.", want: []string{"as required by section\n7.", "This applies to all copies."}},
		{name: "numbers inside a sentence stay", in: "Steps 1) and 2) are optional.", want: []string{"Steps 1) and 2) are optional."}},
		{name: "lower case after an inline successor stays", in: "You must (1) ask and (2) wait.", want: []string{"You must (1) ask and (2) wait."}},
		{name: "capital initial is no item", in: "A. Lincoln spoke.", want: []string{"A. Lincoln spoke."}},
		{name: "CRLF lines", in: "Do this:\r\n1. Stop\r\n2. Start", want: []string{"Do this:", "Stop", "Start"}},
		{name: "a character beyond the BMP is no bullet", in: "Notes:\n\U00010000 marks the first syllable.", want: []string{"Notes:\n\U00010000 marks the first syllable."}},
		{name: "capital letters before starters are items", in: "A. The plan B. The budget", want: []string{"The plan", "The budget"}},
		{name: "roman numerals after i", in: "i) Read it ii) Sign it iii) Return it", want: []string{"Read it", "Sign it", "Return it"}},
	},
	// Class 4: ellipses and citations.
	"ellipses": {
		{name: "spaced ellipsis before a capital continues", in: "The point is . . . I was late.", want: []string{"The point is . . . I was late."}},
		{name: "spaced ellipsis before lower case continues", in: "It was . . . odd.", want: []string{"It was . . . odd."}},
		{name: "four spaced dots end", in: "He stopped there . . . . Then he left.", want: []string{"He stopped there . . . .", "Then he left."}, rules: []string{"ellipsis+capital", "terminal-punct"}},
		{name: "stop then spaced ellipsis ends", in: "It faded. . . . New habits came.", want: []string{"It faded. . . .", "New habits came."}},
		{name: "four unspaced dots end", in: "I never said that.... She left.", want: []string{"I never said that....", "She left."}},
		{name: "ellipsis at the end of a quotation", in: "He wrote, “the end is near. . . .”", want: []string{"He wrote, “the end is near. . . .”"}, rules: []string{"ellipsis+end"}},
		{name: "bracketed ellipsis and citation", in: `"Darwin [...] kept notes [...]" (Lee 12).`, want: []string{`"Darwin [...] kept notes [...]" (Lee 12).`}},
		{name: "bracketed unicode ellipsis", in: "“The vote […] was close” (Ray 3). It passed.", want: []string{"“The vote […] was close” (Ray 3).", "It passed."}},
		{name: "unspaced ellipsis before a capital ends", in: "She waited... Nobody came.", want: []string{"She waited...", "Nobody came."}},
		{name: "mixed ellipses in one sentence", in: "I was ... well, I mean...see . . . I forgot.", want: []string{"I was ... well, I mean...see . . . I forgot."}},
		{name: "spaced ellipsis at the end", in: "And then . . .", want: []string{"And then . . ."}, rules: []string{"ellipsis+end"}},
	},
	// Class 5: numbers after number abbreviations.
	"number signs": {
		{name: "N degree sign", in: "It is at N°. 1026.253.553. That is the spot.", want: []string{"It is at N°. 1026.253.553.", "That is the spot."}},
		{name: "N ordinal sign", in: "Box Nº. 12 is full. Use another.", want: []string{"Box Nº. 12 is full.", "Use another."}},
		{name: "No before a number", in: "Track No. 4 is short. It plays next.", want: []string{"Track No. 4 is short.", "It plays next."}},
		{name: "long number at the start is no item", in: "1026. That was the year.", want: []string{"1026.", "That was the year."}},
	},
	// Class 6: lines of plain text without a full stop.
	"line ends": {
		{name: "URL line", in: "Copyright 2007 Example Inc. <https://example.org/>\nEveryone may copy it.", want: []string{"Copyright 2007 Example Inc. <https://example.org/>", "Everyone may copy it."}, rules: []string{"url+newline", "terminal-punct"}},
		{name: "e-mail line", in: "Written by Ana <ana@example.org>\nThanks to all.", want: []string{"Written by Ana <ana@example.org>", "Thanks to all."}},
		{name: "title line", in: "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007", want: []string{"GNU GENERAL PUBLIC LICENSE", "Version 3, 29 June 2007"}, rules: []string{"title-line", "end-of-block"}},
		{name: "title in capitals with a number", in: "PART 2 OF THE GUIDE\nThis part explains it.", want: []string{"PART 2 OF THE GUIDE", "This part explains it."}},
		{name: "title in mixed case runs on", in: "Chapter One\nIt was late.", want: []string{"Chapter One\nIt was late."}},
		{name: "one capital letter is no title", in: "A\nBird sang.", want: []string{"A\nBird sang."}},
		{name: "wrapped prose is no title", in: "The tool was written by\nMartin in Berlin.", want: []string{"The tool was written by\nMartin in Berlin."}},
		{name: "only the first line of a block is a title", in: "It works. Old Town Road\nIs a song.", want: []string{"It works.", "Old Town Road\nIs a song."}},
		{name: "title before lower case continues", in: "Release Notes\nfor version two", want: []string{"Release Notes\nfor version two"}},
	},
}

func TestScanBoundaryClasses(t *testing.T) {
	for class, tests := range boundaryClassTests {
		for _, tt := range tests {
			t.Run(class+"/"+tt.name, func(t *testing.T) { checkSentences(t, tt.in, tt.want, tt.rules) })
		}
	}
}
