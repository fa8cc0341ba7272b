package server

import (
	"strings"
	"testing"

	"github.com/factbox/factbox/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestSimplerCodeActions(t *testing.T) {
	const text = "𐐀 We commence now. In order to win, we utilize it.\n\nNothing here."
	a := analysis.Analyze(text, analysis.DefaultOptions())
	m := NewMapper(text, UTF16)
	at := func(s string) int { return strings.Index(text, s) }
	tests := []struct {
		name       string
		start, end int
		want       []string // title, range, new text
	}{
		{"cursor in commence", at("mmence"), at("mmence"), []string{
			"Use “begin” for “commence” 0:6-0:14 begin preferred",
			"Use “start” for “commence” 0:6-0:14 start",
		}},
		{"cursor just after commence", at(" now"), at(" now"), []string{
			"Use “begin” for “commence” 0:6-0:14 begin preferred",
			"Use “start” for “commence” 0:6-0:14 start",
		}},
		{"second sentence, capitalised", at("In order"), at("win"), []string{
			"Use “To” for “In order to” 0:20-0:31 To preferred",
		}},
		{"range over both sentences", 0, at("Nothing"), []string{
			"Use “begin” for “commence” 0:6-0:14 begin preferred",
			"Use “start” for “commence” 0:6-0:14 start",
			"Use “To” for “In order to” 0:20-0:31 To preferred",
			"Use “use” for “utilize” 0:40-0:47 use preferred",
		}},
		{"nothing there", at("Nothing"), len(text), []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acts, err := simplerCodeActions("file:///a.txt", a, m, tt.start, tt.end, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, ac := range acts {
				edits := ac.Edit.Changes["file:///a.txt"]
				if len(edits) != 1 || *ac.Kind != protocol.CodeActionKindQuickFix {
					t.Fatalf("action %q: edits %v kind %v", ac.Title, edits, ac.Kind)
				}
				g := ac.Title + " " + formatRange(edits[0].Range) + " " + edits[0].NewText
				if *ac.IsPreferred {
					g += " preferred"
				}
				got = append(got, g)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSimplerCodeActionsNameTheirDiagnostic(t *testing.T) {
	const text = "We commence now."
	a := analysis.Analyze(text, analysis.DefaultOptions())
	m := NewMapper(text, UTF16)
	diags, err := hintDiagnostics(nil, a, m, AllHints(), nil)
	if err != nil || len(diags) != 1 {
		t.Fatalf("diagnostics %v, %v", diags, err)
	}
	other := diags[0]
	other.Code = &protocol.IntegerOrString{Value: CodeAdverb}
	acts, err := simplerCodeActions("file:///a.txt", a, m, 4, 4, []protocol.Diagnostic{other, diags[0]})
	if err != nil || len(acts) != 2 {
		t.Fatalf("actions %v, %v", acts, err)
	}
	for _, ac := range acts {
		if len(ac.Diagnostics) != 1 || ac.Diagnostics[0].Message != diags[0].Message {
			t.Errorf("action %q names %v", ac.Title, ac.Diagnostics)
		}
	}
}
