package mapping

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// path is a compiled path into a record tree:
//
//	line_items[*].sku          every line item's sku
//	fulfillments[0].tracking_number
//	note_attributes[name=erp_ref].value
//	detail@json[*].app_food_code   decode the JSON string in detail, then descend
//	$.currency                 from the record's root, inside an each: scope
//	'key.with.dots'.x          a quoted key
type path struct {
	src  string
	root bool
	segs []segment
}

type segment struct {
	key      string
	index    int // -1: none
	all      bool
	filterK  string
	filterV  string
	decodeJS bool
}

func parsePath(src string) (path, error) {
	p := path{src: src}
	s := strings.TrimSpace(src)
	if s == "" {
		return p, fmt.Errorf("empty path")
	}
	if s == "$" {
		p.root = true
		return p, nil
	}
	if strings.HasPrefix(s, "$.") {
		p.root = true
		s = s[2:]
	}
	for len(s) > 0 {
		seg := segment{index: -1}
		// key part
		if s[0] == '\'' || s[0] == '"' {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return p, fmt.Errorf("path %q: unclosed quote", src)
			}
			seg.key = s[1 : end+1]
			s = s[end+2:]
		} else {
			i := strings.IndexAny(s, ".[")
			if i < 0 {
				i = len(s)
			}
			seg.key = s[:i]
			s = s[i:]
			// "@name" is an XML attribute; a "@json" suffix decodes an embedded document.
			if k, ok := strings.CutSuffix(seg.key, "@json"); ok && k != "" {
				seg.key, seg.decodeJS = k, true
			}
		}
		if strings.HasPrefix(s, "@json") {
			seg.decodeJS = true
			s = s[len("@json"):]
		}
		p.segs = append(p.segs, seg)
		// any number of [..] selectors
		for strings.HasPrefix(s, "[") {
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return p, fmt.Errorf("path %q: unclosed [", src)
			}
			sel := s[1:end]
			s = s[end+1:]
			sg := segment{index: -1}
			switch {
			case sel == "*":
				sg.all = true
			case strings.Contains(sel, "="):
				k, v, _ := strings.Cut(sel, "=")
				sg.filterK, sg.filterV = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `'"`)
			default:
				n, err := strconv.Atoi(sel)
				if err != nil || n < 0 {
					return p, fmt.Errorf("path %q: selector [%s] is not *, an index or key=value", src, sel)
				}
				sg.index = n
			}
			p.segs = append(p.segs, sg)
		}
		if strings.HasPrefix(s, ".") {
			s = s[1:]
			if s == "" {
				return p, fmt.Errorf("path %q ends in a dot", src)
			}
		} else if s != "" {
			return p, fmt.Errorf("path %q: unexpected %q", src, s)
		}
	}
	for _, sg := range p.segs {
		if sg.key == "" && sg.index < 0 && !sg.all && sg.filterK == "" {
			return p, fmt.Errorf("path %q has an empty key", src)
		}
	}
	return p, nil
}

// eval returns every value the path reaches from cur (or from root for $. paths).
func (p path) eval(root, cur any) []any {
	start := cur
	if p.root {
		start = root
	}
	vals := []any{start}
	for _, sg := range p.segs {
		var next []any
		for _, v := range vals {
			next = sg.apply(v, next)
		}
		vals = next
		if len(vals) == 0 {
			return nil
		}
	}
	return vals
}

func (sg segment) apply(v any, out []any) []any {
	switch {
	case sg.key != "":
		m, ok := v.(map[string]any)
		if !ok {
			return out
		}
		x, ok := m[sg.key]
		if !ok || x == nil {
			return out
		}
		if sg.decodeJS {
			s, ok := x.(string)
			if !ok {
				return append(out, x) // already structured (a JSON body instead of a form field)
			}
			d, err := decodeValue([]byte(s))
			if err != nil {
				return append(out, jsonError{src: s, err: err})
			}
			x = d
		}
		return append(out, x)
	case sg.all:
		if l, ok := v.([]any); ok {
			return append(out, l...)
		}
		return append(out, v) // one XML element where several may stand
	case sg.index >= 0:
		if l, ok := v.([]any); ok {
			if sg.index < len(l) {
				return append(out, l[sg.index])
			}
			return out
		}
		if sg.index == 0 {
			return append(out, v)
		}
		return out
	case sg.filterK != "":
		l, ok := v.([]any)
		if !ok {
			l = []any{v}
		}
		for _, it := range l {
			if m, ok := it.(map[string]any); ok && scalar(m[sg.filterK]) == sg.filterV {
				out = append(out, it)
			}
		}
	}
	return out
}

// jsonError stands in for a value whose embedded JSON could not be decoded, so that the
// mapping reports it where it is used.
type jsonError struct {
	src string
	err error
}

// scalar renders a leaf value as text; structures render as "".
func scalar(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case bool:
		return strconv.FormatBool(t)
	case map[string]any:
		if s, ok := t["#text"].(string); ok {
			return s
		}
	}
	return ""
}
