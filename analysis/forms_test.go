package analysis

import (
	"strconv"
	"testing"
)

func TestFormIndex(t *testing.T) {
	x := newFormIndex(1)
	forms := []string{"a", "the", "The", "ab\x00", "ab", "12345678", "123456789", "longer-than-eight-bytes", "longer-than-eight-bytez", "é", "’s"}
	for i := 0; i < 5000; i++ {
		forms = append(forms, "w"+strconv.Itoa(i), "a long form number "+strconv.Itoa(i))
	}
	for round := 0; round < 2; round++ {
		for want, f := range forms {
			id, added := x.lookup(f)
			if int(id) != want || added != (round == 0) {
				t.Fatalf("round %d: lookup(%q) = %d, %v; want %d, %v", round, f, id, added, want, round == 0)
			}
		}
	}
	if len(x.forms) != len(forms) || 2*len(x.forms) > len(x.slots) {
		t.Errorf("%d forms in %d slots", len(x.forms), len(x.slots))
	}
}
