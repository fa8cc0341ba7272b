package analysis

import "math"

// The readability formulas below take the counts of a FactBox and return a score.
// Each returns 0 when the text has no words or no sentences, so that an empty
// document reads as "nothing to say" rather than as NaN or a huge grade.

// fleschKincaidGrade is the Flesch–Kincaid grade level:
//
//	0.39 · words/sentences + 11.8 · syllables/words − 15.59
//
// Source: J. P. Kincaid, R. P. Fishburne, R. L. Rogers, B. S. Chissom, "Derivation
// of New Readability Formulas for Navy Enlisted Personnel", Research Branch Report
// 8-75, Naval Technical Training Command, 1975.
func fleschKincaidGrade(words, sentences, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	return 0.39*ratio(words, sentences) + 11.8*ratio(syllables, words) - 15.59
}

// fleschReadingEase is Flesch's Reading Ease score, 0 (hard) to about 100 (easy):
//
//	206.835 − 1.015 · words/sentences − 84.6 · syllables/words
//
// Source: R. Flesch, "A new readability yardstick", Journal of Applied
// Psychology 32(3), 1948. The score is not clamped: very hard text goes below 0.
func fleschReadingEase(words, sentences, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	return 206.835 - 1.015*ratio(words, sentences) - 84.6*ratio(syllables, words)
}

// automatedReadabilityIndex is the ARI grade level:
//
//	4.71 · characters/words + 0.5 · words/sentences − 21.43
//
// where characters are the letters and digits of the words. Source: E. A. Smith,
// R. J. Senter, "Automated Readability Index", AMRL-TR-66-220, Wright-Patterson
// Air Force Base, 1967.
func automatedReadabilityIndex(words, sentences, letters int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	return 4.71*ratio(letters, words) + 0.5*ratio(words, sentences) - 21.43
}

// colemanLiau is the Coleman–Liau index:
//
//	0.0588 · L − 0.296 · S − 15.8
//
// with L the letters per 100 words and S the sentences per 100 words. Source:
// M. Coleman, T. L. Liau, "A computer readability formula designed for machine
// scoring", Journal of Applied Psychology 60(2), 1975.
func colemanLiau(words, sentences, letters int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	l := 100 * ratio(letters, words)
	s := 100 * ratio(sentences, words)
	return 0.0588*l - 0.296*s - 15.8
}

// gunningFog is Gunning's Fog index:
//
//	0.4 · (words/sentences + 100 · complex/words)
//
// where complex words have three or more syllables. Gunning also exempted proper
// nouns, familiar compounds and -ed/-es/-ing forms; like most tools we do not.
// Source: R. Gunning, "The Technique of Clear Writing", McGraw-Hill, 1952.
func gunningFog(words, sentences, polysyllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	return 0.4 * (ratio(words, sentences) + 100*ratio(polysyllables, words))
}

// smog is McLaughlin's SMOG grade in its formula form:
//
//	1.0430 · √(polysyllables · 30/sentences) + 3.1291
//
// SMOG was normed on samples of 30 sentences; on fewer it is an estimate.
// Source: G. H. McLaughlin, "SMOG Grading — a New Readability Formula",
// Journal of Reading 12(8), 1969.
func smog(sentences, polysyllables int) float64 {
	if sentences == 0 {
		return 0
	}
	return 1.0430*math.Sqrt(float64(polysyllables)*30/float64(sentences)) + 3.1291
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// finish derives the ratios and scores of f from its counts.
func (f *FactBox) finish() {
	f.TTR = ratio(f.Types, f.Tokens)
	f.WordsPerSentence = ratio(f.Tokens, f.Sentences)
	f.SyllablesPerWord = ratio(f.Syllables, f.Tokens)
	f.Level = fleschKincaidGrade(f.Tokens, f.Sentences, f.Syllables)
	f.ReadingEase = fleschReadingEase(f.Tokens, f.Sentences, f.Syllables)
	f.ARI = automatedReadabilityIndex(f.Tokens, f.Sentences, f.Letters)
	f.ColemanLiau = colemanLiau(f.Tokens, f.Sentences, f.Letters)
	f.GunningFog = gunningFog(f.Tokens, f.Sentences, f.Polysyllables)
	f.SMOG = smog(f.Sentences, f.Polysyllables)
}
