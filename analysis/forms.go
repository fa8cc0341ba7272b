package analysis

// formIndex maps word forms to their ids: an open-addressing hash table with
// linear probing, made for the one lookup per token that interning costs.
// A form of up to eight bytes (most English words) is kept packed in its slot,
// so finding it touches one cache line and never the text the form came from.
// The table never shrinks.
type formIndex struct {
	slots []formSlot // power-of-two length; an empty slot has n == 0
	forms []string   // forms[id] is the form of id
	// recent holds the short forms looked up last, one per hash bucket: the
	// commonest words of a text stay in it, and in the processor's L1 cache.
	recent *[256]formSlot
}

type formSlot struct {
	key uint64 // the packed bytes of a short form, or the hash of a long one
	id  int32
	n   uint32 // the form's length in bytes; forms are never empty
}

func newFormIndex(sizeHint int) formIndex {
	n := 64
	for n < 2*sizeHint {
		n <<= 1
	}
	return formIndex{slots: make([]formSlot, n), forms: make([]string, 0, sizeHint), recent: new([256]formSlot)}
}

// lookup returns the id of form, interning it when it is new, and reports
// whether it was. form must not be empty.
func (x *formIndex) lookup(form string) (int32, bool) {
	key, h := formKey(form)
	short := len(form) <= 8
	r := &x.recent[h>>56]
	if short && r.key == key && r.n == uint32(len(form)) {
		return r.id, false
	}
	mask := len(x.slots) - 1
	i := int(h) & mask
	for {
		s := &x.slots[i]
		if s.n == 0 {
			break
		}
		if s.key == key && s.n == uint32(len(form)) && (short || x.forms[s.id] == form) {
			if short {
				*r = *s
			}
			return s.id, false
		}
		i = (i + 1) & mask
	}
	id := int32(len(x.forms))
	x.forms = append(x.forms, form)
	x.slots[i] = formSlot{key: key, id: id, n: uint32(len(form))}
	if 4*len(x.forms) > 3*len(x.slots) {
		x.grow()
	}
	return id, true
}

func (x *formIndex) grow() {
	old := x.slots
	x.slots = make([]formSlot, 2*len(old))
	mask := len(x.slots) - 1
	for _, s := range old {
		if s.n == 0 {
			continue
		}
		h := s.key
		if s.n <= 8 {
			h = mix(s.key)
		}
		i := int(h) & mask
		for x.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = s
	}
}

// formKey returns the slot key of form and the hash that places it. A short
// form's key is its bytes; a long one's key is its hash, computed eight bytes
// at a time with the SplitMix64 finaliser. The hash need not resist attack: a
// document whose forms collide only slows its own analysis.
func formKey(s string) (key, hash uint64) {
	if len(s) <= 8 {
		key = load64(s)
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
