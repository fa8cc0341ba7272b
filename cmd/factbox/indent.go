package main

import (
	"bytes"
	"strings"
)

// appendIndented appends src, compact JSON as encoding/json writes it (no
// space outside strings), indented as json.Indent(dst, src, prefix, indent)
// would: each element and key on a line of its own after prefix and one
// indent per level, ": " after keys, and empty objects and arrays kept as {}
// and []. It is a single pass that only looks at the bytes that matter
// outside strings: json.Indent runs the full JSON scanner over every byte,
// which made it most of the cost of the JSON report.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	// pad is a line break, prefix and indents for depth enough for most.
	pad := []byte("\n" + prefix + strings.Repeat(indent, 12))
	newline := func() {
		if n := 1 + len(prefix) + depth*len(indent); n <= len(pad) {
			dst = append(dst, pad[:n]...)
			return
		}
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string through its closing quote: the first quote
			// after an even number of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				n := 0
				for b := j - 1; b > i && src[b] == '\\'; b-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
