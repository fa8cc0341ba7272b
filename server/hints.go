package server

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbox/factbox/analysis"
	"github.com/factbox/factbox/analysis/hints"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Diagnostic codes of the hints, the names of their kinds in package hints.
const (
	CodeAdverb             = "adverb"
	CodePassiveVoice       = "passive-voice"
	CodeSimplerAlternative = "simpler-alternative"
)

// HintsSettings are the settings under factbox.hints: which hints become
// diagnostics. The server's default is none: a client that does not ask for
// them gets what it got before hints existed. The editor integrations turn
// each on by default.
type HintsSettings struct {
	Adverbs             bool `json:"adverbs"`
	PassiveVoice        bool `json:"passiveVoice"`
	SimplerAlternatives bool `json:"simplerAlternatives"`
}

// allHints returns every hint on, as the editor integrations default to.
func allHints() HintsSettings {
	return HintsSettings{Adverbs: true, PassiveVoice: true, SimplerAlternatives: true}
}

// wants reports whether the settings turn hints of kind k on.
func (hs HintsSettings) wants(k hints.Kind) bool {
	switch k {
	case hints.Adverb:
		return hs.Adverbs
	case hints.PassiveVoice:
		return hs.PassiveVoice
	case hints.SimplerAlternative:
		return hs.SimplerAlternatives
	}
	return false
}

// any reports whether any hint is on.
func (hs HintsSettings) any() bool { return hs.Adverbs || hs.PassiveVoice || hs.SimplerAlternatives }

// hintCodes are the codes of the hint diagnostics, shared by all of them
// (a diagnostic is never modified once made).
var hintCodes = map[hints.Kind]*protocol.IntegerOrString{
	hints.Adverb:             {Value: CodeAdverb},
	hints.PassiveVoice:       {Value: CodePassiveVoice},
	hints.SimplerAlternative: {Value: CodeSimplerAlternative},
}

var (
	hintSeverity = protocol.DiagnosticSeverityHint
	hintSource   = Name
)

// hintMessageKey is what a hint's message depends on: its kind and its text
// as written (the suggestions follow from the text's capitals).
type hintMessageKey struct {
	kind    hints.Kind
	written string
}

// hintMessageCache keeps the hint messages of one document's last
// publication, like messageCache, so that a keystroke re-publishes thousands
// of hints without making their messages again.
type hintMessageCache struct {
	generations[hintMessageKey, string]
}

// message returns the message of h, whose text is written, from the last
// publication or made afresh. The caller holds a generation.
func (c *hintMessageCache) message(written string, h analysis.Hint) string {
	return c.get(hintMessageKey{h.Kind, written}, func() string { return hintMessage(written, h) })
}

// hintDiagnostics appends to diags a diagnostic of severity Hint for each
// hint of a that hs turns on, in the order of the sentences. A hint whose
// span m cannot map is left out and reported in the error. cache, which may
// be nil, carries messages over from the document's previous publication.
func hintDiagnostics(diags []protocol.Diagnostic, a *analysis.Document, m *Mapper, hs HintsSettings, cache *hintMessageCache) ([]protocol.Diagnostic, error) {
	if !hs.any() {
		return diags, nil
	}
	if cache == nil {
		cache = new(hintMessageCache)
	}
	defer cache.generation()()
	return appendHintDiagnostics(diags, a, 0, len(a.Sentences), m.Cursor(), hs, cache)
}

// appendHintDiagnostics appends the diagnostics of the hints of sentences
// [first, end) of a that hs turns on, their ranges from cursor. The caller
// holds a generation of cache.
func appendHintDiagnostics(diags []protocol.Diagnostic, a *analysis.Document, first, end int, cursor *Cursor, hs HintsSettings, cache *hintMessageCache) ([]protocol.Diagnostic, error) {
	var errs []error
	for i := max(first, 0); i < min(end, len(a.Sentences)); i++ {
		if a.Sentences[i].Ignored != analysis.NotIgnored {
			continue // a directive, a pattern or a setting switched factbox off here
		}
		for _, h := range a.Sentences[i].Hints {
			if !hs.wants(h.Kind) {
				continue
			}
			if h.Span.Start < 0 || h.Span.Start > h.Span.End || h.Span.End > len(a.Text) {
				errs = append(errs, fmt.Errorf("hint in sentence %d: span %d-%d outside the text", i, h.Span.Start, h.Span.End))
				continue
			}
			rng, err := cursor.OffsetRange(h.Span.Start, h.Span.End)
			if err != nil {
				errs = append(errs, fmt.Errorf("hint in sentence %d: %w", i, err))
				continue
			}
			diags = append(diags, protocol.Diagnostic{
				Range:    rng,
				Severity: &hintSeverity,
				Code:     hintCodes[h.Kind],
				Source:   &hintSource,
				Message:  cache.message(a.Text[h.Span.Start:h.Span.End], h),
			})
		}
	}
	return diags, errors.Join(errs...)
}

// hintMessage is the short message of a hint whose text is written:
//
//	Adverb: quickly
//	Passive voice: was written
//	Simpler: use “use” for “utilize”
//	Simpler: use “begin” or “start” for “commence”
func hintMessage(written string, h analysis.Hint) string {
	written = foldSpace(written)
	if h.Kind == hints.PassiveVoice {
		// Between its words a construction may hold emphasis and quote markers.
		written = foldSpace(strings.NewReplacer("*", " ", "_", " ", ">", " ").Replace(written))
	}
	switch h.Kind {
	case hints.Adverb:
		return "Adverb: " + written
	case hints.PassiveVoice:
		return "Passive voice: " + written
	case hints.SimplerAlternative:
		var b strings.Builder
		b.WriteString("Simpler: use ")
		for i, s := range h.Suggestions {
			switch {
			case i == 0:
			case i == len(h.Suggestions)-1:
				b.WriteString(" or ")
			default:
				b.WriteString(", ")
			}
			b.WriteString("“" + s + "”")
		}
		b.WriteString(" for “" + written + "”")
		return b.String()
	}
	return written
}

// foldSpace returns s with each run of white space (a line break inside a
// phrase, say) as one space.
func foldSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hintsPatch is HintsSettings as the client sends it: every field optional.
type hintsPatch struct {
	Adverbs             *bool `json:"adverbs"`
	PassiveVoice        *bool `json:"passiveVoice"`
	SimplerAlternatives *bool `json:"simplerAlternatives"`
}

// apply sets the fields of hs that p gives; a nil p gives none.
func (p *hintsPatch) apply(hs *HintsSettings) {
	if p == nil {
		return
	}
	for _, f := range []struct {
		from *bool
		to   *bool
	}{{p.Adverbs, &hs.Adverbs}, {p.PassiveVoice, &hs.PassiveVoice}, {p.SimplerAlternatives, &hs.SimplerAlternatives}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
}
