package mapping

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
)

// specKeys are the keys of every value spec; time, money and quantity specs add their own.
var specKeys = []string{"path", "const", "concat", "sep", "whole", "first", "json", "map", "default", "transform",
	"split", "index", "ignore"}

var (
	timeKeys  = append(append([]string(nil), specKeys...), "time", "zone")
	qtyKeys   = append(append([]string(nil), specKeys...), "factor")
	moneyKeys = []string{"amount", "currency", "scale", "currencyCodes", "sum", "first", "add", "convert"}
	testKeys  = []string{"present", "equals", "in", "contains"}
)

// spec compiles a value spec: a plain string is a path, a mapping has exactly one source
// (path, const, concat or first) and any of the cleaning keys.
func (l *loader) spec(n *yaml.Node, field string) *spec {
	return l.specWith(n, field, specKeys, nil)
}

// specWith compiles a spec whose mapping may carry the keys allowed; f, when not nil, is
// the already read key map of n (a spec embedded in a larger mapping).
func (l *loader) specWith(n *yaml.Node, field string, allowed []string, f map[string]*yaml.Node) *spec {
	if n == nil {
		return nil
	}
	s := &spec{at: l.at(n)}
	if n.Kind == yaml.ScalarNode {
		v := l.str(n, field)
		p, err := parsePath(v)
		if err != nil {
			l.fail(n, field, "%v", err)
			return nil
		}
		s.src, s.path = p.src, &p
		return s
	}
	if f == nil {
		if n.Kind != yaml.MappingNode {
			l.fail(n, field, "want a path or a mapping such as {path: ..., transform: ...}, got %s", kindName(n))
			return nil
		}
		f = l.fields(n, field, allowed...)
	}
	var sources []string
	if v, ok := f["path"]; ok {
		sources = append(sources, "path")
		p, err := parsePath(l.str(v, join(field, "path")))
		if err != nil {
			l.fail(v, join(field, "path"), "%v", err)
		} else {
			s.path, s.src = &p, p.src
		}
	}
	if v, ok := f["const"]; ok {
		sources = append(sources, "const")
		c := l.str(v, join(field, "const"))
		s.konst, s.src = &c, fmt.Sprintf("const %q", c)
	}
	for _, k := range []string{"concat", "first"} {
		v, ok := f[k]
		if !ok {
			continue
		}
		sources = append(sources, k)
		if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			l.fail(v, join(field, k), "want a list of value specs, such as [first_name, last_name]")
			continue
		}
		parts := make([]*spec, 0, len(v.Content))
		srcs := make([]string, 0, len(v.Content))
		for i, c := range v.Content {
			if x := l.spec(c, fmt.Sprintf("%s.%s[%d]", field, k, i)); x != nil {
				parts, srcs = append(parts, x), append(srcs, x.src)
			}
		}
		s.src = k + "[" + strings.Join(srcs, ", ") + "]"
		if k == "concat" {
			s.concat = parts
		} else {
			s.first = parts
		}
	}
	switch len(sources) {
	case 0:
		l.fail(n, field, "needs a source: path, const, concat or first")
	case 1:
	default:
		l.fail(n, field, "has %s: give only one source", strings.Join(sources, " and "))
	}
	if v, ok := f["sep"]; ok {
		if s.concat == nil {
			l.fail(v, join(field, "sep"), "sep joins the parts of concat; use split to cut a value")
		}
		s.sep = l.str(v, join(field, "sep"))
	}
	if v, ok := f["whole"]; ok {
		if s.concat == nil {
			l.fail(v, join(field, "whole"), "whole: true makes every part of concat required; it needs concat")
		}
		s.whole = l.boolean(v, join(field, "whole"))
	}
	if v, ok := f["json"]; ok && l.boolean(v, join(field, "json")) {
		if s.path == nil || !s.path.decodeLast() {
			l.fail(v, join(field, "json"), "json: true decodes the JSON string at path; it needs a path")
		}
	}
	if v, ok := f["transform"]; ok {
		for _, t := range l.strs(v, join(field, "transform")) {
			tr, err := compileTransform(t)
			if err != nil {
				l.fail(v, join(field, "transform"), "%v", err)
				continue
			}
			s.trans = append(s.trans, tr)
		}
	}
	l.split(s, f, field)
	if v, ok := f["ignore"]; ok {
		s.ignore = l.strs(v, join(field, "ignore"))
	}
	if v, ok := f["map"]; ok {
		s.vmap = l.valueMap(v, join(field, "map"))
	}
	if v, ok := f["default"]; ok {
		d := l.str(v, join(field, "default"))
		s.def = &d
	}
	return s
}

// split reads split: {sep, index} or split: <sep> with index: <n> beside it.
func (l *loader) split(s *spec, f map[string]*yaml.Node, field string) {
	v, ok := f["split"]
	idx, hasIdx := f["index"]
	if !ok {
		if hasIdx {
			l.fail(idx, join(field, "index"), "index picks a part of split; add split: <separator>")
		}
		return
	}
	var sep string
	if v.Kind == yaml.MappingNode {
		sf := l.fields(v, join(field, "split"), "sep", "index")
		sep = l.str(sf["sep"], join(field, "split.sep"))
		if hasIdx && sf["index"] != nil {
			l.fail(idx, join(field, "index"), "index is given twice, here and in split")
		}
		if sf["index"] != nil {
			idx = sf["index"]
		}
	} else {
		sep = l.str(v, join(field, "split"))
	}
	if sep == "" {
		l.fail(v, join(field, "split"), `split needs a separator: split: "|" with index: 0, or split: {sep: "|", index: 0}`)
	}
	i := 0
	if idx == nil {
		l.fail(v, join(field, "split"), "split needs index: the part to keep (0 is the first, -1 the last)")
	} else if n, err := strconv.Atoi(l.str(idx, join(field, "index"))); err != nil {
		l.fail(idx, join(field, "index"), "want a whole number (0 is the first part, -1 the last)")
	} else {
		i = n
	}
	s.split = &splitSpec{sep: sep, index: i}
}

func (l *loader) valueMap(v *yaml.Node, field string) map[string]string {
	out := map[string]string{}
	if v.Kind != yaml.MappingNode {
		l.fail(v, field, "want a mapping from source values to values, such as {paid: paid, voided: cancelled}")
		return out
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, to := v.Content[i], v.Content[i+1]
		key := l.str(k, field)
		if _, dup := out[key]; dup {
			l.fail(k, join(field, key), "repeated source value")
		}
		out[key] = l.str(to, join(field, key))
	}
	return out
}

// plain compiles a spec of a text field.
func (l *loader) plain(n *yaml.Node, field string) *spec { return l.spec(n, field) }

// words compiles a spec whose every possible value must be one of allowed (verb,
// direction, channel): a const, each map value and the default are checked at load. A
// mapping node may carry the extra keys, returned in f for the caller.
func (l *loader) words(n *yaml.Node, field, what string, allowed []string, extra ...string) (s *spec, f map[string]*yaml.Node) {
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.MappingNode {
		f = l.fields(n, field, append(append([]string(nil), specKeys...), extra...)...)
		s = l.specWith(n, field, specKeys, f)
	} else {
		s = l.spec(n, field)
	}
	if s == nil {
		return nil, f
	}
	s.mapFor = what
	check := func(v, at string, node *yaml.Node) {
		if v != "" && !contains(allowed, v) {
			msg := fmt.Sprintf("%q is not a %s (%s)", v, what, strings.Join(allowed, ", "))
			if g := suggest(v, allowed); g != "" {
				msg += "; did you mean " + g + "?"
			}
			l.fail(node, at, "%s", msg)
		}
	}
	if m := f["map"]; m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			check(m.Content[i+1].Value, join(field, "map."+m.Content[i].Value), m.Content[i+1])
		}
	}
	if s.konst != nil && s.vmap == nil {
		check(*s.konst, join(field, "const"), f["const"])
	}
	if s.def != nil {
		check(*s.def, join(field, "default"), f["default"])
	}
	return s, f
}

func (l *loader) time(n *yaml.Node, field string) *timeSpec {
	if n == nil {
		return nil
	}
	t := &timeSpec{layout: "rfc3339", name: "rfc3339"}
	if n.Kind != yaml.MappingNode {
		t.spec = l.spec(n, field)
		return t
	}
	f := l.fields(n, field, timeKeys...)
	t.spec = l.specWith(n, field, timeKeys, f)
	if v, ok := f["time"]; ok {
		name := l.str(v, join(field, "time"))
		t.name = name
		switch {
		case name == "rfc3339" || name == "unix" || name == "unixMilli":
			t.layout = name
		case namedLayouts[name] != "":
			t.layout = namedLayouts[name]
		default:
			t.layout = name
			if err := checkLayout(name); err != nil {
				l.fail(v, join(field, "time"), "%v", err)
			}
		}
	}
	if v, ok := f["zone"]; ok {
		name := l.str(v, join(field, "zone"))
		loc, err := time.LoadLocation(name)
		// A zone on a Unix time or an RFC 3339 time with an offset has no effect: those
		// are instants already.
		if err != nil || name == "" || strings.EqualFold(name, "local") {
			l.fail(v, join(field, "zone"), "unknown time zone %q (want an IANA name such as Asia/Shanghai or UTC)", name)
		} else {
			t.zone = loc
		}
	}
	return t
}

func (l *loader) money(n *yaml.Node, field string) *moneySpec {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		l.fail(n, field, "money wants {amount: <spec>, currency: <spec>}, got %s", kindName(n))
		return nil
	}
	f := l.fields(n, field, moneyKeys...)
	m := &moneySpec{}
	if v := f["convert"]; v != nil {
		m.conv = l.conversion(v, join(field, "convert"))
	}
	if f["first"] != nil || f["add"] != nil {
		return l.moneyParts(n, f, field, m)
	}
	m.amount, m.currency = l.plain(f["amount"], join(field, "amount")), l.plain(f["currency"], join(field, "currency"))
	if f["amount"] == nil || f["currency"] == nil {
		l.fail(n, field, "money needs amount and currency (a const such as {const: CNY} when the source has none), or first or add")
	}
	if v, ok := f["scale"]; ok {
		m.scale = l.str(v, join(field, "scale"))
		if p, err := strconv.Atoi(m.scale); err == nil && p >= 0 && p <= 6 {
			m.places = int32(p)
		} else if m.scale != "minor" && m.scale != "stripe" && m.scale != "decimal" {
			l.fail(v, join(field, "scale"), "want decimal (amounts as written), minor (integer minor units by the currency's ISO 4217 exponent), stripe (integer minor units as Stripe counts them) or a number of decimal places 0-6, got %q", m.scale)
		}
	}
	m.sum = l.boolean(f["sum"], join(field, "sum"))
	if v, ok := f["currencyCodes"]; ok {
		switch c := l.str(v, join(field, "currencyCodes")); c {
		case "customs":
			m.customs = true
		case "iso":
		default:
			l.fail(v, join(field, "currencyCodes"), "want iso (ISO 4217 alphabetic or numeric) or customs (also China customs' legacy codes such as 502), got %q", c)
		}
	}
	if c := m.currency; c != nil && c.konst != nil && c.vmap == nil {
		curFn := check.Currency
		if m.customs {
			curFn = check.ChinaCustomsCurrency
		}
		if _, _, err := curFn(*c.konst); err != nil {
			l.fail(f["currency"], join(field, "currency"), "%v", err)
		}
	}
	return m
}

// moneyParts compiles a money spec made of other money specs: first (the first that
// gives an amount) or add (their sums added). Each part reads its own amount and
// currency; the parts of add add up every amount they reach.
func (l *loader) moneyParts(n *yaml.Node, f map[string]*yaml.Node, field string, m *moneySpec) *moneySpec {
	for _, k := range []string{"amount", "currency", "scale", "currencyCodes", "sum"} {
		if f[k] != nil {
			l.fail(f[k], join(field, k), "%s belongs in each part: a money spec with first or add reads none of its own", k)
		}
	}
	if f["first"] != nil && f["add"] != nil {
		l.fail(n, field, "first and add do not go together: put the sum in one of first's entries")
	}
	list := func(key string, sum bool) []*moneySpec {
		v := f[key]
		if v == nil {
			return nil
		}
		if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			l.fail(v, join(field, key), "%s wants a list of money specs", key)
			return nil
		}
		out := make([]*moneySpec, 0, len(v.Content))
		for i, e := range v.Content {
			p := l.money(e, fmt.Sprintf("%s.%s[%d]", field, key, i))
			if p == nil {
				continue
			}
			if sum && p.amount != nil {
				p.sum = true
			}
			out = append(out, p)
		}
		return out
	}
	m.first = list("first", false)
	m.add = list("add", true)
	return m
}

// conversion compiles convert: {from: <money>, to: <money>}, one amount the source states
// in two currencies.
func (l *loader) conversion(n *yaml.Node, field string) *convSpec {
	if n.Kind != yaml.MappingNode {
		l.fail(n, field, "convert wants {from: <money>, to: <money>}, got %s", kindName(n))
		return nil
	}
	f := l.fields(n, field, "from", "to")
	if f["from"] == nil || f["to"] == nil {
		l.fail(n, field, "convert needs from and to: one amount in the currency converted from and in the currency converted to")
		return nil
	}
	return &convSpec{from: l.money(f["from"], join(field, "from")), to: l.money(f["to"], join(field, "to"))}
}

func (l *loader) qty(n *yaml.Node, field string) *qtySpec {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return &qtySpec{spec: l.spec(n, field)}
	}
	f := l.fields(n, field, qtyKeys...)
	q := &qtySpec{spec: l.specWith(n, field, qtyKeys, f)}
	if v, ok := f["factor"]; ok {
		// A number is a fixed factor (a case of 12); anything else is a value spec that
		// reads the factor from the record (ERPNext's conversion_factor).
		if fq, err := ontology.ParseQty(strings.TrimSpace(v.Value)); v.Kind == yaml.ScalarNode && err == nil {
			if fq <= 0 {
				l.fail(v, join(field, "factor"), "want a positive number, such as 12 for a case of 12, or the path of the factor")
			}
			q.factor = fq
		} else {
			q.factorOf = l.spec(v, join(field, "factor"))
		}
	}
	return q
}

// each compiles the path of a repeated part: a path, or {path, json: true} for a list
// held as a JSON string.
func (l *loader) each(n *yaml.Node, field string) *path {
	if n == nil {
		return nil
	}
	var p path
	var err error
	if n.Kind == yaml.MappingNode {
		f := l.fields(n, field, "path", "json")
		p, err = parsePath(l.str(f["path"], join(field, "path")))
		if err == nil && l.boolean(f["json"], join(field, "json")) {
			p.decodeLast()
		}
	} else {
		p, err = parsePath(l.str(n, field))
	}
	if err != nil {
		l.fail(n, field, "%v", err)
		return nil
	}
	return &p
}

// cond is a test on a source value: a verb rule's when, an entry's if.
type cond struct {
	spec   *spec
	op     string // present, absent, equals, in, contains
	values []string
}

// condition compiles a test from a node's key map: the spec, and one of present: true|false,
// equals: <value>, in: [values] or contains: <text> (a value holding the text: a URL's
// host or path tells which system it points at).
func (l *loader) condition(sp *spec, f map[string]*yaml.Node, at *yaml.Node, field string) *cond {
	c := &cond{spec: sp}
	var ops []string
	if v, ok := f["present"]; ok {
		ops = append(ops, "present")
		if c.op = "present"; !l.boolean(v, join(field, "present")) {
			c.op = "absent"
		}
	}
	if v, ok := f["equals"]; ok {
		ops = append(ops, "equals")
		c.op, c.values = "equals", []string{l.str(v, join(field, "equals"))}
	}
	if v, ok := f["in"]; ok {
		ops = append(ops, "in")
		c.op, c.values = "in", l.strs(v, join(field, "in"))
	}
	if v, ok := f["contains"]; ok {
		ops = append(ops, "contains")
		c.op, c.values = "contains", []string{l.str(v, join(field, "contains"))}
		if c.values[0] == "" {
			l.fail(at, field, "contains: needs a text to look for")
		}
	}
	if len(ops) != 1 {
		l.fail(at, field, "a test needs exactly one of present: true|false, equals: <value>, in: [values] or contains: <text>")
	}
	return c
}

// holds evaluates the test: any value of the spec satisfies it.
func (c *cond) holds(top origin, cur any) (bool, error) {
	vs, err := c.spec.values(top, cur, nil)
	if err != nil {
		return false, err
	}
	switch c.op {
	case "present":
		return len(vs) > 0 || c.reachesParts(top, cur), nil
	case "absent":
		return len(vs) == 0 && !c.reachesParts(top, cur), nil
	case "contains":
		for _, v := range vs {
			if strings.Contains(v, c.values[0]) {
				return true, nil
			}
		}
		return false, nil
	}
	for _, v := range vs {
		if contains(c.values, v) {
			return true, nil
		}
	}
	return false, nil
}

// String writes the test as a mapping file would: for messages.
func (c *cond) String() string {
	switch c.op {
	case "present":
		return c.spec.src
	case "absent":
		return c.spec.src + " absent"
	case "equals":
		return c.spec.src + " = " + c.values[0]
	case "contains":
		return c.spec.src + " contains " + c.values[0]
	}
	return c.spec.src + " in [" + strings.Join(c.values, ", ") + "]"
}

// reachesParts reports whether the test's bare path reaches a list or an object that is
// not empty: a record's line_items or returns have a value as much as a scalar does.
func (c *cond) reachesParts(top origin, cur any) bool {
	if c.spec.path == nil {
		return false
	}
	for _, x := range c.spec.path.eval(top, cur) {
		switch t := x.(type) {
		case []any:
			if len(t) > 0 {
				return true
			}
		case map[string]any:
			if len(t) > 0 {
				return true
			}
		}
	}
	return false
}

// ifCond compiles an entry's if: a path (true when it has a value) or a spec with a test.
func (l *loader) ifCond(n *yaml.Node, field string) *cond {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return &cond{spec: l.spec(n, field), op: "present"}
	}
	f := l.fields(n, field, append(append([]string(nil), specKeys...), testKeys...)...)
	return l.condition(l.specWith(n, field, specKeys, f), f, n, field)
}
