package mapping

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// spec is a compiled value spec: where a canonical field's value comes from and how it is
// cleaned. Evaluation order: source (path, const, concat or first), transforms, split,
// ignore, map, default.
type spec struct {
	src    string // the spec as written, for messages
	at     string // "file:line" of the spec in the mapping file, for messages
	path   *path
	konst  *string
	concat []*spec
	sep    string
	whole  bool // concat gives "" unless every part has a value: a compound key, not a label
	first  []*spec
	trans  []transform
	split  *splitSpec
	ignore []string
	vmap   map[string]string
	mapFor string // what the map gives ("verb", "direction"), for messages
	def    *string
}

type splitSpec struct {
	sep   string
	index int // < 0 counts from the end: -1 is the last part
}

// transform is one compiled text transform.
type transform struct {
	name string
	fn   func(string) string
}

// valueError is a source value a spec cannot use: not in its map, malformed embedded
// JSON. The mapper turns it into an ontology.Problem with the value and its source.
type valueError struct {
	rule  string
	value string
	msg   string
}

func (e *valueError) Error() string { return e.msg }

// knownTransforms are the transform names a mapping may use, for messages.
var knownTransforms = []string{"trim", "upper", "lower", "digits", "nospace", "orderNumber", "nonZero",
	"customsCount", "customsUnit", "stripPrefix:<text>", "stripSuffix:<text>", "ifPrefix:<text>", "unlessPrefix:<text>", "as:<text>"}

var simpleTransforms = map[string]func(string) string{
	"trim":  strings.TrimSpace,
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"digits": func(v string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, v)
	},
	"nospace": func(v string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, v)
	},
	"orderNumber": OrderNumber,
	// China customs units (customs_units.go): "CODE|QTY" as pieces, and a unit code's name.
	"customsCount": customsCount,
	"customsUnit":  customsUnit,
	"nonZero": func(v string) string {
		if z, err := decimal.NewFromString(strings.TrimSpace(v)); err == nil && z.IsZero() {
			return ""
		}
		return v
	},
}

// compileTransform turns a transform name into its function.
func compileTransform(t string) (transform, error) {
	if fn, ok := simpleTransforms[t]; ok {
		return transform{t, fn}, nil
	}
	name, arg, ok := strings.Cut(t, ":")
	if ok && arg != "" {
		switch name {
		case "stripPrefix":
			return transform{t, func(v string) string { return strings.TrimPrefix(v, arg) }}, nil
		case "stripSuffix":
			return transform{t, func(v string) string { return strings.TrimSuffix(v, arg) }}, nil
		case "ifPrefix":
			return transform{t, func(v string) string {
				if strings.HasPrefix(v, arg) {
					return v
				}
				return ""
			}}, nil
		case "unlessPrefix":
			return transform{t, func(v string) string {
				if strings.HasPrefix(v, arg) {
					return ""
				}
				return v
			}}, nil
		case "as":
			// What a field's presence says, where its value (an id) says nothing.
			return transform{t, func(v string) string {
				if v == "" {
					return ""
				}
				return arg
			}}, nil
		}
	}
	msg := fmt.Sprintf("unknown transform %q (known: %s)", t, strings.Join(knownTransforms, ", "))
	if ok && arg == "" && contains([]string{"stripPrefix", "stripSuffix", "ifPrefix", "unlessPrefix", "as"}, name) {
		msg = fmt.Sprintf("transform %q needs its text after the colon, e.g. %q", t, name+":SO-")
	} else if s := suggest(t, []string{"trim", "upper", "lower", "digits", "nospace", "orderNumber", "nonZero", "customsCount", "customsUnit",
		"stripPrefix:", "stripSuffix:", "ifPrefix:", "unlessPrefix:", "as:"}); s != "" {
		msg += "; did you mean " + s + "?"
	}
	return transform{}, fmt.Errorf("%s", msg)
}

// value returns the spec's first non-empty value, or "".
func (s *spec) value(top origin, cur any) (string, error) {
	if s == nil {
		return "", nil
	}
	var v string
	switch {
	case s.konst != nil:
		v = *s.konst
	case s.path != nil && s.path.single:
		x, ok := s.path.get(top, cur)
		if !ok {
			break
		}
		if je, bad := x.(jsonError); bad {
			return "", embeddedErr(je)
		}
		v = scalar(x)
	default:
		vs, err := s.values(top, cur, nil)
		if err != nil || len(vs) == 0 {
			return "", err
		}
		return vs[0], nil
	}
	if v != "" {
		var err error
		if v, err = s.finish(v); err != nil {
			return "", err
		}
	}
	if v == "" && s.def != nil {
		v = *s.def
	}
	return v, nil
}

// values appends to out every non-empty value the spec gives: several for a path through
// a list ([*] or a filter).
func (s *spec) values(top origin, cur any, out []string) ([]string, error) {
	if s == nil {
		return out, nil
	}
	n := len(out)
	add := func(v string) error {
		if v == "" {
			return nil
		}
		v, err := s.finish(v)
		if err == nil && v != "" {
			out = append(out, v)
		}
		return err
	}
	var err error
	switch {
	case s.konst != nil:
		err = add(*s.konst)
	case s.path != nil:
		for _, x := range s.path.eval(top, cur) {
			if je, bad := x.(jsonError); bad {
				return out, embeddedErr(je)
			}
			if err = add(scalar(x)); err != nil {
				break
			}
		}
	case s.concat != nil:
		parts := make([]string, 0, len(s.concat))
		for _, c := range s.concat {
			v, err := c.value(top, cur)
			if err != nil {
				return out, err
			}
			if v != "" {
				parts = append(parts, v)
			} else if s.whole {
				parts = nil
				break
			}
		}
		err = add(strings.Join(parts, s.sep))
	case s.first != nil:
		for _, c := range s.first {
			v, cerr := c.value(top, cur)
			if cerr != nil {
				return out, cerr
			}
			if v != "" {
				err = add(v)
				break
			}
		}
	}
	if err != nil {
		return out, err
	}
	if len(out) == n && s.def != nil && *s.def != "" {
		out = append(out, *s.def)
	}
	return out, nil
}

func embeddedErr(je jsonError) error {
	src := je.src
	if len(src) > 80 {
		src = src[:80] + "…"
	}
	return &valueError{rule: "json", value: src, msg: fmt.Sprintf("embedded JSON is malformed: %v", je.err)}
}

// finish cleans one non-empty source value: transforms, split, ignore, then the map.
func (s *spec) finish(v string) (string, error) {
	for _, t := range s.trans {
		v = t.fn(v)
	}
	if s.split != nil {
		parts := strings.Split(v, s.split.sep)
		i := s.split.index
		if i < 0 {
			i += len(parts)
		}
		v = ""
		if i >= 0 && i < len(parts) {
			v = strings.TrimSpace(parts[i])
		}
	}
	for _, ig := range s.ignore {
		if v == ig {
			return "", nil
		}
	}
	if s.vmap == nil || v == "" {
		return v, nil
	}
	if m, ok := s.vmap[v]; ok {
		return m, nil
	}
	if s.def != nil {
		return *s.def, nil
	}
	what := s.mapFor
	if what == "" {
		what = "value"
	}
	return "", &valueError{rule: "map", value: v,
		msg: fmt.Sprintf("%q is not in the %s map (mapped: %s); add it to the map or give a default", v, what, mapKeys(s.vmap))}
}

func mapKeys(m map[string]string) string {
	keys := sortedKeys(m)
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	return strings.Join(keys, ", ")
}

// where describes where in the source the spec reads, concretely where it can:
// "line_items[1].quantity" rather than "quantity" inside line_items[*].
func (s *spec) where(top origin, cur any, base string) string {
	var w string
	switch {
	case s == nil:
		return ""
	case s.path != nil:
		if locs := s.path.locate(top, cur, base); len(locs) > 0 {
			w = locs[0]
		} else {
			w = joinBase(base, s.path)
		}
	case s.konst != nil:
		w = fmt.Sprintf("const %q", *s.konst)
	case s.first != nil:
		// Name the alternative the value came from.
		for _, c := range s.first {
			if v, err := c.value(top, cur); v != "" || err != nil {
				return c.where(top, cur, base)
			}
		}
		w = joinBase(base, nil) + s.src
	default:
		w = joinBase(base, nil) + s.src
	}
	if s.at != "" {
		w += ", mapped at " + s.at
	}
	return w
}

func joinBase(base string, p *path) string {
	if p == nil {
		if base == "" {
			return ""
		}
		return base + ": "
	}
	if p.root || p.record || base == "" {
		return p.src
	}
	return base + "." + p.src
}

var orderPrefix = regexp.MustCompile(`^(?i:#|no\.?\s*|order\s*|ord[-_ ]?|so[-_ ]?|po[-_ ]?)+`)

// OrderNumber reduces an order number to the core that systems share: "#1047", "1047",
// "SO-1047", "ORD-0001047" and "order 1047" all give "1047". Only a known prefix and
// leading zeros of an all-digit rest are dropped; anything else is kept as it is, upper
// case, so that "AB-1047" and "1047" stay different.
func OrderNumber(s string) string {
	s = strings.TrimSpace(s)
	rest := orderPrefix.ReplaceAllString(s, "")
	if rest != "" && strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		rest = strings.TrimLeft(rest, "0")
		if rest == "" {
			rest = "0"
		}
		return rest
	}
	return strings.ToUpper(s)
}
