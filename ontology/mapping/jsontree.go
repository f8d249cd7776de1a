package mapping

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// parseJSON reads one JSON value into the generic tree mappings walk: map[string]any,
// []any, string, json.Number, bool and nil. It gives exactly what encoding/json's
// Decoder with UseNumber gives (a fuzz target holds it to that) in about a third of the
// time, which matters when a bulk import decodes hundreds of thousands of documents;
// numbers keep their text, so ids above 2^53 and amounts such as 58.6 stay exact.
func parseJSON(data []byte) (any, error) {
	p := jsonParser{data: data}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.data) {
		return nil, p.errorf("data after the JSON value")
	}
	return v, nil
}

// parseJSONArray reads a top-level array and returns each element's value and bytes.
func parseJSONArray(data []byte) (vals []any, raws [][]byte, err error) {
	p := jsonParser{data: data}
	p.space()
	if vals, raws, err = p.elements(1); err != nil {
		return nil, nil, err
	}
	return vals, raws, p.end()
}

// parseJSONListAt finds the list a list answer holds its documents in, at keys inside the
// top-level object ({"orders": [...]}, {"data": {"trackings": [...]}}), and returns each
// element's value and bytes. found is false when the payload has no list there.
func parseJSONListAt(data []byte, keys []string) (vals []any, raws [][]byte, found bool, err error) {
	p := jsonParser{data: data}
	p.space()
	for depth, key := range keys {
		if !p.eat('{') {
			return nil, nil, false, nil
		}
		at := false
		for !at {
			p.space()
			if p.eat('}') {
				return nil, nil, false, nil
			}
			if p.i >= len(p.data) || p.data[p.i] != '"' {
				return nil, nil, false, p.errorf("want a quoted key")
			}
			k, err := p.str()
			if err != nil {
				return nil, nil, false, err
			}
			p.space()
			if !p.eat(':') {
				return nil, nil, false, p.errorf("want : after a key")
			}
			p.space()
			if at = k == key; at {
				break
			}
			if _, err := p.value(depth + 1); err != nil {
				return nil, nil, false, err
			}
			p.space()
			if !p.eat(',') && !(p.i < len(p.data) && p.data[p.i] == '}') {
				return nil, nil, false, p.errorf("want , or } after an object value")
			}
		}
	}
	if p.i >= len(p.data) || p.data[p.i] != '[' {
		return nil, nil, false, nil
	}
	vals, raws, err = p.elements(len(keys) + 1)
	return vals, raws, err == nil, err
}

// elements reads the array at p.i and returns each element's value and bytes.
func (p *jsonParser) elements(depth int) (vals []any, raws [][]byte, err error) {
	if !p.eat('[') {
		return nil, nil, p.errorf("want an array")
	}
	p.space()
	if p.eat(']') {
		return nil, nil, nil
	}
	for {
		p.space()
		start := p.i
		v, err := p.value(depth)
		if err != nil {
			return nil, nil, err
		}
		vals, raws = append(vals, v), append(raws, p.data[start:p.i])
		p.space()
		if p.eat(']') {
			return vals, raws, nil
		}
		if !p.eat(',') {
			return nil, nil, p.errorf("want , or ] after an array element")
		}
	}
}

// maxDepth matches encoding/json's nesting limit.
const maxDepth = 10000

type jsonParser struct {
	data []byte
	i    int
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return fmt.Errorf("at byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *jsonParser) end() error {
	p.space()
	if p.i < len(p.data) {
		return p.errorf("data after the JSON value")
	}
	return nil
}

func (p *jsonParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) eat(c byte) bool {
	if p.i < len(p.data) && p.data[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonParser) literal(word string, v any) (any, error) {
	if len(p.data)-p.i >= len(word) && string(p.data[p.i:p.i+len(word)]) == word {
		p.i += len(word)
		return v, nil
	}
	return nil, p.errorf("invalid literal")
}

// value reads the value at p.i; depth is the number of containers around it.
func (p *jsonParser) value(depth int) (any, error) {
	if p.i >= len(p.data) {
		return nil, errors.New("unexpected end of JSON input")
	}
	switch c := p.data[p.i]; {
	case (c == '{' || c == '[') && depth >= maxDepth:
		return nil, errors.New("JSON nested too deeply")
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.str()
	case c == 't':
		return p.literal("true", true)
	case c == 'f':
		return p.literal("false", false)
	case c == 'n':
		return p.literal("null", nil)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	return nil, p.errorf("invalid character %q looking for a value", p.data[p.i])
}

func (p *jsonParser) object(depth int) (any, error) {
	p.i++ // {
	m := map[string]any{}
	p.space()
	if p.eat('}') {
		return m, nil
	}
	for {
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return nil, p.errorf("want a quoted key")
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if !p.eat(':') {
			return nil, p.errorf("want : after a key")
		}
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		m[k] = v
		p.space()
		if p.eat('}') {
			return m, nil
		}
		if !p.eat(',') {
			return nil, p.errorf("want , or } after an object value")
		}
	}
}

func (p *jsonParser) array(depth int) (any, error) {
	p.i++ // [
	l := []any{}
	p.space()
	if p.eat(']') {
		return l, nil
	}
	for {
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		l = append(l, v)
		p.space()
		if p.eat(']') {
			return l, nil
		}
		if !p.eat(',') {
			return nil, p.errorf("want , or ] after an array element")
		}
	}
}

// number checks the JSON number grammar and keeps the text.
func (p *jsonParser) number() (any, error) {
	start := p.i
	p.eat('-')
	digits := func() int {
		n := 0
		for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	switch {
	case p.eat('0'):
	case digits() == 0:
		return nil, p.errorf("invalid number")
	}
	if p.eat('.') && digits() == 0 {
		return nil, p.errorf("invalid number: no digit after the point")
	}
	if p.eat('e') || p.eat('E') {
		if !p.eat('+') {
			p.eat('-')
		}
		if digits() == 0 {
			return nil, p.errorf("invalid number: no exponent digits")
		}
	}
	return json.Number(p.data[start:p.i]), nil
}

// str reads a string, decoding escapes as encoding/json does: invalid UTF-8 and lone
// surrogates become U+FFFD.
func (p *jsonParser) str() (string, error) {
	p.i++ // "
	start := p.i
	// The common case: no escapes and valid UTF-8, one allocation.
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '"' {
			s := p.data[start:p.i]
			p.i++
			return string(s), nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		p.i++
	}
	buf := append([]byte(nil), p.data[start:p.i]...)
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return string(buf), nil
		case c < 0x20:
			return "", p.errorf("invalid control character in a string")
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.i++
		default:
			r, size := utf8.DecodeRune(p.data[p.i:])
			p.i += size
			buf = utf8.AppendRune(buf, r) // RuneError for invalid bytes, as encoding/json
		}
	}
	return "", errors.New("unexpected end of JSON input in a string")
}

func (p *jsonParser) escape() (rune, error) {
	if p.i+1 >= len(p.data) {
		return 0, errors.New("unexpected end of JSON input in a string")
	}
	c := p.data[p.i+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return 0, p.errorf("invalid \\u escape")
		}
		if !utf16.IsSurrogate(r) {
			return r, nil
		}
		// A high surrogate followed by an escaped low one is one character.
		if p.i+1 < len(p.data) && p.data[p.i] == '\\' && p.data[p.i+1] == 'u' {
			save := p.i
			p.i += 2
			if r2, ok := p.hex4(); ok {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return dec, nil
				}
			}
			p.i = save
		}
		return utf8.RuneError, nil
	}
	return 0, p.errorf("invalid escape \\%c", c)
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.data) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(p.data[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(n), true
}
