package analysis

// formIndex maps word forms to their ids: an open-addressing hash table with
// linear probing, made for the one lookup per token that interning costs. On
// the prose corpus it is about twice as fast as a Go map[string]int32, mostly
// because short words hash in one or two 8-byte loads. The table never shrinks.
type formIndex struct {
	slots []formSlot // power-of-two length; an empty slot has id -1
	forms []string   // forms[id] is the form of id
}

type formSlot struct {
	hash uint64
	id   int32
}

func newFormIndex(sizeHint int) formIndex {
	n := 64
	for n < 2*sizeHint {
		n <<= 1
	}
	x := formIndex{slots: make([]formSlot, n), forms: make([]string, 0, sizeHint)}
	for i := range x.slots {
		x.slots[i].id = -1
	}
	return x
}

// find returns the id of form, or -1, and the slot where it is or would go.
func (x *formIndex) find(form string, h uint64) (int32, int) {
	mask := len(x.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s.id < 0 {
			return -1, i
		}
		if s.hash == h && x.forms[s.id] == form {
			return s.id, i
		}
	}
}

// insert adds form, which must be absent, at slot i from find, and returns its id.
func (x *formIndex) insert(form string, h uint64, i int) int32 {
	id := int32(len(x.forms))
	x.forms = append(x.forms, form)
	x.slots[i] = formSlot{hash: h, id: id}
	if 4*len(x.forms) > 3*len(x.slots) {
		x.grow()
	}
	return id
}

func (x *formIndex) grow() {
	old := x.slots
	x.slots = make([]formSlot, 2*len(old))
	for i := range x.slots {
		x.slots[i].id = -1
	}
	mask := len(x.slots) - 1
	for _, s := range old {
		if s.id < 0 {
			continue
		}
		i := int(s.hash) & mask
		for x.slots[i].id >= 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = s
	}
}

// hashForm hashes s eight bytes at a time with a multiply–xorshift mix
// (the finaliser of SplitMix64). It need not resist attack: a document that
// makes forms collide only slows its own analysis.
func hashForm(s string) uint64 {
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = mix(h ^ v)
		s = s[8:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return mix(h ^ v)
}

func mix(h uint64) uint64 {
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	h *= 0x94d049bb133111eb
	return h ^ h>>29
}
