package analysis

// formIndex maps word forms to their ids: an open-addressing hash table with
// linear probing, made for the one lookup per token that interning costs.
// Slots hold only ids, four bytes each, so the table of a long book stays in
// the processor's cache; the key of each form sits in a dense array in order of
// first sight, where the commonest words, met first, share a few cache lines.
// A form of up to seven bytes (most English words) is its own key, its length
// in the top byte, so finding it touches neither the forms nor the text they
// came from. The table never shrinks.
type formIndex struct {
	slots []int32  // id+1 of the form in the slot, 0 when empty; power-of-two length
	keys  []uint64 // keys[id] is a short form packed with its length, or the hash of a long one
	forms []string // forms[id] is the form of id
}

func newFormIndex(sizeHint int) formIndex {
	n := 64
	for n < 2*sizeHint {
		n <<= 1
	}
	return formIndex{slots: make([]int32, n), keys: make([]uint64, 0, sizeHint), forms: make([]string, 0, sizeHint)}
}

// lookup returns the id of form, interning it when it is new, and reports
// whether it was. form must not be empty.
func (x *formIndex) lookup(form string) (int32, bool) {
	key, h := formKey(form)
	mask := len(x.slots) - 1
	i := int(h) & mask
	for {
		id := x.slots[i] - 1
		if id < 0 {
			break
		}
		if x.keys[id] == key && (len(form) <= shortForm || x.forms[id] == form) {
			return id, false
		}
		i = (i + 1) & mask
	}
	id := int32(len(x.forms))
	x.forms = append(x.forms, form)
	x.keys = append(x.keys, key)
	x.slots[i] = id + 1
	if 2*len(x.forms) > len(x.slots) {
		x.grow()
	}
	return id, true
}

// has reports whether form is in the index.
func (x *formIndex) has(form string) bool {
	key, h := formKey(form)
	mask := len(x.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		id := x.slots[i] - 1
		if id < 0 {
			return false
		}
		if x.keys[id] == key && (len(form) <= shortForm || x.forms[id] == form) {
			return true
		}
	}
}

// grow doubles the slots, keeping the load factor at most one half.
func (x *formIndex) grow() {
	x.slots = make([]int32, 2*len(x.slots))
	mask := len(x.slots) - 1
	for id, key := range x.keys {
		h := key
		if len(x.forms[id]) <= shortForm {
			h = mix(key)
		}
		i := int(h) & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = int32(id) + 1
	}
}

// shortForm is the longest form that is its own key.
const shortForm = 7

// formKey returns the key of form and the hash that places it. A short
// form's key is its bytes and its length; a long one's key is its hash,
// computed eight bytes at a time with the MurmurHash3 finaliser, and equal
// keys are confirmed by comparing the forms. The hash need not resist attack:
// a document whose forms collide only slows its own analysis.
func formKey(s string) (key, hash uint64) {
	if len(s) <= shortForm {
		key = load64(s) | uint64(len(s))<<56
		return key, mix(key)
	}
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for len(s) > 8 {
		h = mix(h ^ load64(s[:8]))
		s = s[8:]
	}
	h = mix(h ^ load64(s))
	return h, h
}

// load64 packs up to eight bytes of s, little-endian.
func load64(s string) uint64 {
	if len(s) >= 8 {
		return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return v
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	return h ^ h>>33
}
