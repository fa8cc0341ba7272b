package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// jsonAppender is a value that appends its own JSON encoding, byte for byte
// what encoding/json would write, without reflection or a validating pass.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// diagnosticsParams are the params of textDocument/publishDiagnostics. A 1 MB
// document can have thousands of diagnostics, and encoding/json spends more
// time on them than the analysis does, so they encode themselves. tails, when
// set, holds for each diagnostic its JSON after the range, kept from an
// earlier publication (see paragraphCache); a nil tail is encoded afresh.
type diagnosticsParams struct {
	protocol.PublishDiagnosticsParams
	tails [][]byte
	// encoded, when it has parts, stands for Diagnostics: its
	// diagnostics' JSON is already made (see paragraphPublication).
	encoded diagnosticsPublication
}

// MarshalJSON implements json.Marshaler.
func (p diagnosticsParams) MarshalJSON() ([]byte, error) { return p.appendJSON(nil), nil }

// appendJSON appends what encoding/json makes of p.PublishDiagnosticsParams.
func (p diagnosticsParams) appendJSON(b []byte) []byte {
	b = slices.Grow(b, 64+len(p.URI)+(len(p.Diagnostics)+p.encoded.count)*256)
	b = append(b, `{"uri":`...)
	b = appendJSONString(b, p.URI)
	if p.Version != nil {
		b = append(b, `,"version":`...)
		b = strconv.AppendUint(b, uint64(*p.Version), 10)
	}
	b = append(b, `,"diagnostics":`...)
	if p.encoded.parts != nil {
		b = append(b, '[')
		return append(p.encoded.appendJSON(b), "]}"...)
	}
	if p.Diagnostics == nil {
		return append(b, "null}"...)
	}
	b = append(b, '[')
	for i, d := range p.Diagnostics {
		if i > 0 {
			b = append(b, ',')
		}
		var tail []byte
		if i < len(p.tails) {
			tail = p.tails[i]
		}
		b = appendDiagnosticWithTail(b, d, tail)
	}
	return append(b, "]}"...)
}

// appendDiagnostic appends what encoding/json makes of d. A diagnostic with
// fields the server does not set (tags, related information, data of another
// type than diagnosticData, a numeric code) goes through encoding/json.
func appendDiagnostic(b []byte, d protocol.Diagnostic) []byte {
	code, codeIsString := "", d.Code == nil
	if d.Code != nil {
		code, codeIsString = d.Code.Value.(string)
	}
	data, dataFast := d.Data.(diagnosticData)
	if d.Tags != nil || d.RelatedInformation != nil || (d.Data != nil && !dataFast) || !codeIsString {
		enc, err := json.Marshal(d)
		if err != nil {
			enc = []byte("null")
		}
		return append(b, enc...)
	}
	b = append(b, `{"range":`...)
	b = appendRange(b, d.Range)
	if d.Severity != nil {
		b = append(b, `,"severity":`...)
		b = strconv.AppendInt(b, int64(*d.Severity), 10)
	}
	if d.Code != nil {
		b = append(b, `,"code":`...)
		b = appendJSONString(b, code)
	}
	if d.CodeDescription != nil {
		b = append(b, `,"codeDescription":{"href":`...)
		b = appendJSONString(b, d.CodeDescription.HRef)
		b = append(b, '}')
	}
	if d.Source != nil {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, *d.Source)
	}
	b = append(b, `,"message":`...)
	b = appendJSONString(b, d.Message)
	if dataFast {
		b = append(b, `,"data":`...)
		b = data.appendJSON(b)
	}
	return append(b, '}')
}

func appendRange(b []byte, r protocol.Range) []byte {
	b = append(b, `{"start":{"line":`...)
	b = strconv.AppendUint(b, uint64(r.Start.Line), 10)
	b = append(b, `,"character":`...)
	b = strconv.AppendUint(b, uint64(r.Start.Character), 10)
	b = append(b, `},"end":{"line":`...)
	b = strconv.AppendUint(b, uint64(r.End.Line), 10)
	b = append(b, `,"character":`...)
	b = strconv.AppendUint(b, uint64(r.End.Character), 10)
	return append(b, "}}"...)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json writes
// it: <, > and & escaped for HTML, U+2028 and U+2029 escaped for JavaScript,
// invalid UTF-8 replaced by \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
