package mapping

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
)

// spec is a compiled value spec: where a canonical field's value comes from.
type spec struct {
	src    string // the spec as written, for messages
	path   *path
	konst  *string
	concat []*spec
	sep    string
	first  []*spec
	vmap   map[string]string
	def    *string
	trans  []string
	split  *splitSpec
}

type splitSpec struct {
	sep   string
	index int
}

// knownTransforms are the transform names a mapping may use.
var knownTransforms = []string{"trim", "upper", "lower", "digits", "nospace", "orderNumber", "stripPrefix:<text>",
	"ifPrefix:<text>", "unlessPrefix:<text>", "nonZero"}

func checkTransform(t string) error {
	switch {
	case t == "trim", t == "upper", t == "lower", t == "digits", t == "nospace", t == "orderNumber", t == "nonZero":
		return nil
	case strings.HasPrefix(t, "stripPrefix:") && len(t) > len("stripPrefix:"),
		strings.HasPrefix(t, "ifPrefix:") && len(t) > len("ifPrefix:"),
		strings.HasPrefix(t, "unlessPrefix:") && len(t) > len("unlessPrefix:"):
		return nil
	}
	return fmt.Errorf("unknown transform %q (known: %s)", t, strings.Join(knownTransforms, ", "))
}

// values returns every value the spec gives (several for a path through a list).
func (s *spec) values(root, cur any) ([]string, error) {
	var raw []string
	switch {
	case s.konst != nil:
		raw = []string{*s.konst}
	case s.path != nil:
		for _, v := range s.path.eval(root, cur) {
			if je, ok := v.(jsonError); ok {
				return nil, fmt.Errorf("%s: embedded JSON is malformed: %v", s.src, je.err)
			}
			if t := scalar(v); t != "" {
				raw = append(raw, t)
			}
		}
	case s.concat != nil:
		var parts []string
		for _, c := range s.concat {
			v, err := c.value(root, cur)
			if err != nil {
				return nil, err
			}
			if v != "" {
				parts = append(parts, v)
			}
		}
		if len(parts) > 0 {
			raw = []string{strings.Join(parts, s.sep)}
		}
	case s.first != nil:
		for _, c := range s.first {
			v, err := c.value(root, cur)
			if err != nil {
				return nil, err
			}
			if v != "" {
				raw = []string{v}
				break
			}
		}
	}
	out := raw[:0]
	for _, v := range raw {
		v = s.transform(v)
		if s.vmap != nil {
			m, ok := s.vmap[v]
			if !ok {
				if s.def == nil {
					return nil, fmt.Errorf("%s: value %q is not in the mapping's value map", s.src, v)
				}
				m = *s.def
			}
			v = m
		}
		if v != "" {
			out = append(out, v)
		}
	}
	if len(out) == 0 && s.def != nil && *s.def != "" {
		out = append(out, *s.def)
	}
	return out, nil
}

// value returns the first value, or "".
func (s *spec) value(root, cur any) (string, error) {
	if s == nil {
		return "", nil
	}
	vs, err := s.values(root, cur)
	if err != nil || len(vs) == 0 {
		return "", err
	}
	return vs[0], nil
}

func (s *spec) transform(v string) string {
	for _, t := range s.trans {
		switch {
		case t == "trim":
			v = strings.TrimSpace(v)
		case t == "upper":
			v = strings.ToUpper(v)
		case t == "lower":
			v = strings.ToLower(v)
		case t == "digits":
			v = strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, v)
		case t == "nospace":
			v = strings.Join(strings.Fields(v), "")
		case t == "orderNumber":
			v = OrderNumber(v)
		case t == "nonZero":
			if z, err := decimal.NewFromString(v); err == nil && z.IsZero() {
				v = ""
			}
		case strings.HasPrefix(t, "stripPrefix:"):
			v = strings.TrimPrefix(v, strings.TrimPrefix(t, "stripPrefix:"))
		case strings.HasPrefix(t, "ifPrefix:"):
			if !strings.HasPrefix(v, strings.TrimPrefix(t, "ifPrefix:")) {
				v = ""
			}
		case strings.HasPrefix(t, "unlessPrefix:"):
			if strings.HasPrefix(v, strings.TrimPrefix(t, "unlessPrefix:")) {
				v = ""
			}
		}
	}
	if s.split != nil {
		parts := strings.Split(v, s.split.sep)
		if s.split.index < len(parts) {
			v = strings.TrimSpace(parts[s.split.index])
		} else {
			v = ""
		}
	}
	return v
}

var orderPrefix = regexp.MustCompile(`^(?i:#|no\.?\s*|order\s*|ord[-_ ]?|so[-_ ]?|po[-_ ]?)+`)

// OrderNumber reduces an order number to the core that systems share: "#1047", "1047",
// "SO-1047", "ORD-0001047" and "order 1047" all give "1047". Only a known prefix and
// leading zeros of an all-digit rest are dropped; anything else is kept as it is, upper
// case, so that "AB-1047" and "1047" stay different.
func OrderNumber(s string) string {
	s = strings.TrimSpace(s)
	rest := orderPrefix.ReplaceAllString(s, "")
	if rest != "" && strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		rest = strings.TrimLeft(rest, "0")
		if rest == "" {
			rest = "0"
		}
		return rest
	}
	return strings.ToUpper(s)
}

// timeSpec reads a time.
type timeSpec struct {
	spec   *spec
	layout string // rfc3339, unix, unixMilli, yyyyMMdd, yyyyMMddHHmmss or a Go layout
	zone   *time.Location
}

var timeLayouts = map[string]string{
	"yyyyMMdd":       "20060102",
	"yyyyMMddHHmmss": "20060102150405",
	"date":           "2006-01-02",
}

func checkLayout(l string) error {
	switch l {
	case "rfc3339", "unix", "unixMilli":
		return nil
	}
	if _, ok := timeLayouts[l]; ok {
		return nil
	}
	if !strings.Contains(l, "2006") {
		return fmt.Errorf("unknown time format %q (rfc3339, unix, unixMilli, yyyyMMdd, yyyyMMddHHmmss, date, or a Go layout with 2006)", l)
	}
	return nil
}

func (t *timeSpec) parse(v string) (time.Time, error) {
	zone := t.zone
	if zone == nil {
		zone = time.UTC
	}
	switch t.layout {
	case "unix", "unixMilli":
		d, err := decimal.NewFromString(v)
		if err != nil || d.Exponent() > 12 || d.Exponent() < -12 {
			return time.Time{}, fmt.Errorf("%q is not a Unix time", v)
		}
		if t.layout == "unixMilli" {
			d = d.Shift(-3)
		}
		sec := d.IntPart()
		nsec := d.Sub(decimal.NewFromInt(sec)).Shift(9).IntPart()
		if sec <= 0 {
			return time.Time{}, fmt.Errorf("%q is not a plausible Unix time", v)
		}
		return time.Unix(sec, nsec).UTC(), nil
	case "rfc3339", "":
		if ts, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return ts.UTC(), nil
		}
		// Offset-less ISO times (WooCommerce date_created_gmt) are in the mapping's zone.
		for _, l := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05"} {
			if ts, err := time.ParseInLocation(l, v, zone); err == nil {
				return ts.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time", v)
	}
	layout := t.layout
	if l, ok := timeLayouts[layout]; ok {
		layout = l
	}
	ts, err := time.ParseInLocation(layout, v, zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q does not match the time format %q", v, t.layout)
	}
	return ts.UTC(), nil
}

// moneySpec reads an amount and its currency.
type moneySpec struct {
	amount, currency *spec
	scale            string // decimal (default), minor, or a number of decimal places
	customs          bool   // currency may be a legacy China customs code
}

func (m *moneySpec) read(root, cur any) (*ontology.Money, error) {
	amt, err := m.amount.value(root, cur)
	if err != nil || amt == "" {
		return nil, err
	}
	cur3, err := m.currency.value(root, cur)
	if err != nil {
		return nil, err
	}
	if cur3 == "" {
		return nil, fmt.Errorf("amount %q has no currency", amt)
	}
	curFn := check.Currency
	if m.customs {
		curFn = check.ChinaCustomsCurrency
	}
	alpha, exp, err := curFn(cur3)
	if err != nil {
		return nil, err
	}
	d, err := decimal.NewFromString(amt)
	if err != nil {
		return nil, fmt.Errorf("amount %q is not a decimal number", amt)
	}
	if e := d.Exponent(); e > 18 || e < -18 {
		// Beyond any real amount, and "1e999999999" would cost a gigabyte to print.
		return nil, fmt.Errorf("amount %q is out of range", amt)
	}
	switch m.scale {
	case "", "decimal":
	case "minor":
		if !d.Equal(d.Truncate(0)) {
			return nil, fmt.Errorf("amount %q in minor units is not an integer", amt)
		}
		d = d.Shift(-exp)
	default:
		n, _ := strconv.Atoi(m.scale)
		d = d.Shift(int32(-n))
	}
	return &ontology.Money{Amount: d, Currency: alpha}, nil
}

// qtySpec reads a quantity.
type qtySpec struct {
	spec   *spec
	factor ontology.Qty // 0 = none
}

func (q *qtySpec) read(root, cur any) (*ontology.Qty, string, error) {
	if q == nil {
		return nil, "", nil
	}
	v, err := q.spec.value(root, cur)
	if err != nil || v == "" {
		return nil, v, err
	}
	n, err := ontology.ParseQty(v)
	if err != nil {
		return nil, v, err
	}
	if q.factor != 0 {
		n = n.Mul(q.factor)
	}
	return &n, v, nil
}
