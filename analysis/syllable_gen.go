//go:build generate

package analysis

import (
	"fmt"
	"slices"
)

// SyllableTable is an exception table built in memory. It exists only in
// builds with the generate tag, for the generator in internal/syllgen, which
// writes its fields out as syllable_table.go and uses it to measure the rules
// on words left out of the table.
type SyllableTable struct {
	Words   string
	Entries []uint32
	Slots   []uint16
}

// BuildSyllableTable lays out words and their counts as a SyllableTable.
// Words must be lowercase ASCII of at most 63 bytes, counts at most 31, and
// there may be at most 32767 words.
func BuildSyllableTable(words map[string]int) (*SyllableTable, error) {
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	if len(keys) > 1<<15-1 {
		return nil, fmt.Errorf("syllable table: %d words, more than %d", len(keys), 1<<15-1)
	}
	size := 1
	for size < 2*len(keys) {
		size *= 2
	}
	t := &SyllableTable{Slots: make([]uint16, size)}
	var blob []byte
	for i, w := range keys {
		n := words[w]
		if len(w) == 0 || len(w) > 63 || n < 0 || n > 31 || len(blob) >= 1<<21 {
			return nil, fmt.Errorf("syllable table: entry %q (%d) does not fit", w, n)
		}
		t.Entries = append(t.Entries, uint32(len(blob))<<11|uint32(len(w))<<5|uint32(n))
		blob = append(blob, w...)
		mask := uint32(size - 1)
		h := fnv1a([]byte(w)) & mask
		for t.Slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.Slots[h] = uint16(i + 1)
	}
	t.Words = string(blob)
	return t, nil
}

// ExplainSyllablesWith is ExplainSyllables with the exception table t instead
// of the generated one; a nil t gives the rules alone.
func ExplainSyllablesWith(word string, t *SyllableTable) (int, string) {
	if t == nil {
		return explainSyllables(word, nil)
	}
	return explainSyllables(word, &syllTable{words: t.Words, entries: t.Entries, slots: t.Slots})
}
