package mapping

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// path is a compiled path into a record tree:
//
//	line_items[*].sku                    every line item's sku
//	fulfillments[0].tracking_number      the first fulfillment's
//	note_attributes[name=erp_ref].value  the element whose name is erp_ref
//	detail@json[*].app_food_code         decode the JSON string in detail, then descend
//	$.currency                           from the record's root, inside an each: scope
//	$$.created                           from the record as received, before unwrap
//	$received                            when Seam received the payload (RFC 3339)
//	'key.with.dots'.x                    a quoted key
//	Note.@lang                           an XML attribute
type path struct {
	src  string
	root bool
	// record is true for $$ paths, which start at the record as decoded, before unwrap:
	// the envelope that holds what the unwrapped object lacks (a Stripe event's created).
	record bool
	// received is true for $received: when Seam received the payload, for sources that
	// say no time at all (Amazon's FBA inbound answers).
	received bool
	// single is true when the path reaches at most one value (no [*], no filter), which
	// lets the common case walk the tree without allocating.
	single bool
	segs   []segment
}

type segment struct {
	key   string
	index int // -1: none
	all   bool
	// values is a key written *: every value of an object, in key order (a Stripe
	// charge's metadata, whose keys each merchant names its own way).
	values  bool
	filterK string
	filterV string
	// filterCur, for a filter written [key=@path], is where the value to match is read:
	// the element the path is evaluated at (a line inside each:), so that a path from the
	// root can find what belongs to that line ($.fulfillments[line_items.id=@id]: the
	// fulfillment that shipped it).
	filterCur *path
	// filterNot keeps the elements whose filterK is not filterV ([status!=failure]).
	filterNot bool
	decodeJS  bool
}

func parsePath(src string) (path, error) {
	p := path{src: src}
	s := strings.TrimSpace(src)
	if s == "" {
		return p, fmt.Errorf("empty path")
	}
	switch {
	case s == "$" || s == "$$":
		p.root, p.record, p.single = s == "$", s == "$$", true
		return p, nil
	case s == "$received":
		p.received, p.single = true, true
		return p, nil
	case strings.HasPrefix(s, "$$.") || strings.HasPrefix(s, "$$["):
		p.record, s = true, strings.TrimPrefix(s[2:], ".")
	case strings.HasPrefix(s, "$."):
		p.root, s = true, s[2:]
	}
	for len(s) > 0 {
		seg := segment{index: -1}
		if s[0] == '\'' || s[0] == '"' {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return p, fmt.Errorf("path %q: unclosed quote", src)
			}
			seg.key, s = s[1:end+1], s[end+2:]
			if seg.key == "" {
				return p, fmt.Errorf("path %q has an empty quoted key", src)
			}
		} else {
			i := strings.IndexAny(s, ".[")
			if i < 0 {
				i = len(s)
			}
			seg.key, s = s[:i], s[i:]
			if k, ok := strings.CutSuffix(seg.key, "@json"); ok && k != "" {
				seg.key, seg.decodeJS = k, true
			}
			if seg.key == "" && !(len(s) > 0 && s[0] == '[' && len(p.segs) == 0) {
				return p, fmt.Errorf("path %q has an empty key", src)
			}
		}
		if rest, ok := strings.CutPrefix(s, "@json"); ok {
			seg.decodeJS, s = true, rest
		}
		if seg.key == "*" && !seg.decodeJS {
			seg = segment{index: -1, values: true}
		}
		if seg.key != "" || seg.values {
			p.segs = append(p.segs, seg)
		}
		for strings.HasPrefix(s, "[") {
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return p, fmt.Errorf("path %q: unclosed [", src)
			}
			sel := strings.TrimSpace(s[1:end])
			s = s[end+1:]
			sg := segment{index: -1}
			switch {
			case sel == "*":
				sg.all = true
			case strings.Contains(sel, "="):
				k, v, _ := strings.Cut(sel, "=")
				if kk, ok := strings.CutSuffix(k, "!"); ok {
					k, sg.filterNot = kk, true
				}
				sg.filterK, sg.filterV = strings.TrimSpace(k), strings.TrimSpace(v)
				if len(sg.filterV) >= 2 && (sg.filterV[0] == '\'' || sg.filterV[0] == '"') && sg.filterV[len(sg.filterV)-1] == sg.filterV[0] {
					sg.filterV = sg.filterV[1 : len(sg.filterV)-1]
				} else if at, ok := strings.CutPrefix(sg.filterV, "@"); ok {
					cur, err := parsePath(at)
					if err != nil || !cur.single || cur.root || cur.record || cur.received {
						return p, fmt.Errorf("path %q: filter [%s]: after @ comes a plain path to one value of the element the path is read at (@id), not %q", src, sel, at)
					}
					sg.filterCur = &cur
				}
				if sg.filterK == "" {
					return p, fmt.Errorf("path %q: filter [%s] has no key", src, sel)
				}
			default:
				n, err := strconv.Atoi(sel)
				if err != nil || n < 0 {
					return p, fmt.Errorf("path %q: selector [%s] is not *, an index, key=value or key!=value", src, sel)
				}
				sg.index = n
			}
			p.segs = append(p.segs, sg)
		}
		if rest, ok := strings.CutPrefix(s, "."); ok {
			if rest == "" {
				return p, fmt.Errorf("path %q ends in a dot", src)
			}
			s = rest
		} else if s != "" {
			return p, fmt.Errorf("path %q: unexpected %q", src, s)
		}
	}
	p.single = true
	for _, sg := range p.segs {
		if sg.all || sg.values || sg.filterK != "" {
			p.single = false
		}
	}
	return p, nil
}

// decodeLast marks the path's last key as holding a JSON string (json: true).
func (p *path) decodeLast() bool {
	for i := len(p.segs) - 1; i >= 0; i-- {
		if p.segs[i].key != "" {
			p.segs[i].decodeJS = true
			return true
		}
	}
	return false
}

// origin is where absolute paths start.
type origin struct {
	root   any // the record after unwrap: what $. reaches
	record any // the record as decoded, before unwrap: what $$. reaches
	// received is when Seam received the payload, RFC 3339 ("" when not known): what
	// $received reaches.
	received string
}

// start returns the value the path starts from: cur, or one of top's for $ and $$ paths.
func (p *path) start(top origin, cur any) any {
	switch {
	case p.record:
		return top.record
	case p.root:
		return top.root
	}
	return cur
}

// get returns the one value a single path reaches.
func (p *path) get(top origin, cur any) (any, bool) {
	if p.received {
		return top.received, top.received != ""
	}
	v := p.start(top, cur)
	for i := range p.segs {
		var ok bool
		if v, ok = p.segs[i].one(v); !ok {
			return nil, false
		}
	}
	return v, true
}

// eval returns every value the path reaches from cur (or from top for $ and $$ paths).
func (p *path) eval(top origin, cur any) []any {
	if p.single {
		if v, ok := p.get(top, cur); ok {
			return []any{v}
		}
		return nil
	}
	vals := []any{p.start(top, cur)}
	for i := range p.segs {
		sg := &p.segs[i]
		want, ok := sg.want(top, cur)
		if !ok {
			return nil
		}
		var next []any
		for _, v := range vals {
			next = sg.apply(v, want, next)
		}
		if vals = next; len(vals) == 0 {
			return nil
		}
	}
	return vals
}

// one applies a segment that gives at most one value.
func (sg *segment) one(v any) (any, bool) {
	if je, ok := v.(jsonError); ok {
		return je, true // carried to where the value is used, which reports it
	}
	switch {
	case sg.key != "":
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		x, ok := m[sg.key]
		if !ok || x == nil {
			return nil, false
		}
		if sg.decodeJS {
			return decodeEmbedded(x), true
		}
		return x, true
	case sg.index >= 0:
		if l, ok := v.([]any); ok {
			if sg.index < len(l) && l[sg.index] != nil {
				return l[sg.index], true
			}
			return nil, false
		}
		// A single XML element stands where a list may.
		return v, sg.index == 0 && v != nil
	}
	return nil, false
}

// want is the value a filter segment keeps elements by: its own, or for [key=@path] the
// value path reaches from cur. ok is false when no element can pass: @path reaches
// nothing, and only [key!=@path] keeps elements then (all of them).
func (sg *segment) want(top origin, cur any) (string, bool) {
	if sg.filterCur == nil {
		return sg.filterV, true
	}
	if v, ok := sg.filterCur.get(top, cur); ok && scalar(v) != "" {
		return scalar(v), true
	}
	return "", sg.filterNot
}

func (sg *segment) apply(v any, want string, out []any) []any {
	if _, ok := v.(jsonError); ok {
		return append(out, v)
	}
	switch {
	case sg.values:
		m, _ := v.(map[string]any)
		for _, k := range sortedKeys(m) {
			if m[k] != nil {
				out = append(out, m[k])
			}
		}
		return out
	case sg.all:
		if l, ok := v.([]any); ok {
			for _, x := range l {
				if x != nil {
					out = append(out, x)
				}
			}
			return out
		}
		return append(out, v) // one XML element where several may stand
	case sg.filterK != "":
		l, ok := v.([]any)
		if !ok {
			l = []any{v}
		}
		for _, it := range l {
			if m, ok := it.(map[string]any); ok && filterHas(m, sg.filterK, want) != sg.filterNot {
				out = append(out, it)
			}
		}
		return out
	}
	if x, ok := sg.one(v); ok {
		out = append(out, x)
	}
	return out
}

// decodeEmbedded decodes a JSON document held in a string (Meituan's detail). A value
// that is already structured is used as it is: the same field arrives as a string in a
// form push and as an array in a JSON body.
func decodeEmbedded(x any) any {
	s, ok := x.(string)
	if !ok {
		return x
	}
	d, err := decodeValue([]byte(s))
	if err != nil {
		return jsonError{src: s, err: err}
	}
	return d
}

// locate returns the concrete source path of each value eval gives, such as
// "line_items[1].quantity". It is only used to explain a problem, so it may be slow.
func (p *path) locate(top origin, cur any, base string) []string {
	type at struct {
		v any
		s string
	}
	start := at{cur, base}
	switch {
	case p.record:
		start = at{top.record, "$$"}
	case p.root:
		start = at{top.root, "$"}
	}
	vals := []at{start}
	for i := range p.segs {
		sg := &p.segs[i]
		want, ok := sg.want(top, cur)
		if !ok {
			return nil
		}
		var next []at
		for _, v := range vals {
			switch {
			case sg.values:
				m, _ := v.v.(map[string]any)
				for _, k := range sortedKeys(m) {
					if m[k] != nil {
						next = append(next, at{m[k], joinKey(v.s, segment{key: k, index: -1})})
					}
				}
			case sg.all || sg.filterK != "":
				l, isList := v.v.([]any)
				if !isList {
					if sg.all || sg.apply(v.v, want, nil) != nil {
						next = append(next, v)
					}
					continue
				}
				for i, x := range l {
					if x != nil && (sg.all || len(sg.apply(x, want, nil)) > 0) {
						next = append(next, at{x, fmt.Sprintf("%s[%d]", v.s, i)})
					}
				}
			default:
				if x, ok := sg.one(v.v); ok {
					next = append(next, at{x, joinKey(v.s, *sg)})
				}
			}
		}
		vals = next
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v.s
	}
	return out
}

func joinKey(base string, sg segment) string {
	if sg.key == "" {
		return fmt.Sprintf("%s[%d]", base, sg.index)
	}
	k := sg.key
	if strings.ContainsAny(k, ".[]'\" ") {
		k = "'" + k + "'"
	}
	if sg.decodeJS {
		k += "@json"
	}
	if base == "" {
		return k
	}
	return base + "." + k
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

// filterHas reports whether an element holds want where a filter looks: at its key, or
// with dots at a field of a nested object ([after_sale_info.refund_status=3]); a key
// holding a dot itself is taken whole first. A list on the way is searched through, so
// that [line_items.id=@id] finds the fulfillment one of whose lines is the line.
func filterHas(m map[string]any, key, want string) bool {
	if v, ok := m[key]; ok || !strings.Contains(key, ".") {
		return scalar(v) == want
	}
	return nestedHas(m, strings.Split(key, "."), want)
}

func nestedHas(v any, parts []string, want string) bool {
	if l, ok := v.([]any); ok {
		return slices.ContainsFunc(l, func(x any) bool { return nestedHas(x, parts, want) })
	}
	if len(parts) == 0 {
		return scalar(v) == want
	}
	o, ok := v.(map[string]any)
	if !ok {
		return want == ""
	}
	return nestedHas(o[parts[0]], parts[1:], want)
}
