package config

// Hints are the hint switches one layer of configuration gives, the
// [hints] table of a config file: which hints (see package hints) the
// server publishes. A nil field is not set by that layer.
type Hints struct {
	Adverbs             *bool `toml:"adverbs"`
	PassiveVoice        *bool `toml:"passiveVoice"`
	SimplerAlternatives *bool `toml:"simplerAlternatives"`
}

// Over returns h laid over base: each switch h sets replaces base's.
func (h Hints) Over(base Hints) Hints {
	out := base
	if h.Adverbs != nil {
		out.Adverbs = h.Adverbs
	}
	if h.PassiveVoice != nil {
		out.PassiveVoice = h.PassiveVoice
	}
	if h.SimplerAlternatives != nil {
		out.SimplerAlternatives = h.SimplerAlternatives
	}
	return out
}

// Apply returns the switches adverbs, passive voice and simpler
// alternatives, each as h sets it or else as given.
func (h Hints) Apply(adverbs, passiveVoice, simplerAlternatives bool) (bool, bool, bool) {
	if h.Adverbs != nil {
		adverbs = *h.Adverbs
	}
	if h.PassiveVoice != nil {
		passiveVoice = *h.PassiveVoice
	}
	if h.SimplerAlternatives != nil {
		simplerAlternatives = *h.SimplerAlternatives
	}
	return adverbs, passiveVoice, simplerAlternatives
}

// hintsOf returns the switches of a [hints] table, nil for none.
func hintsOf(t *Hints) Hints {
	if t == nil {
		return Hints{}
	}
	return *t
}
