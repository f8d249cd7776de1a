package mapping

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/ontology"
)

// LoadError lists every problem of a mapping file, each with its line.
type LoadError struct {
	File     string
	Problems []LineProblem
}

// LineProblem is one problem at a line of a mapping file.
type LineProblem struct {
	Line  int
	Field string
	Msg   string
}

func (e *LoadError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = fmt.Sprintf("%s:%d: %s: %s", e.File, p.Line, p.Field, p.Msg)
	}
	return strings.Join(parts, "\n")
}

// loader walks a mapping file's YAML nodes, compiling specs and collecting problems.
type loader struct {
	file     string
	problems []LineProblem
}

func (l *loader) fail(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	l.problems = append(l.problems, LineProblem{Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// fields reads a mapping node's keys, reporting keys outside allowed.
func (l *loader) fields(n *yaml.Node, field string, allowed ...string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		l.fail(n, field, "want a mapping of keys, got %s", kindName(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ok := false
		for _, a := range allowed {
			if a == k.Value {
				ok = true
			}
		}
		if !ok {
			l.fail(k, join(field, k.Value), "unknown key (known here: %s)", strings.Join(allowed, ", "))
			continue
		}
		out[k.Value] = v
	}
	return out
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return "a single value"
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	return "nothing"
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func (l *loader) str(n *yaml.Node, field string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		l.fail(n, field, "want a single value, got %s", kindName(n))
		return ""
	}
	return n.Value
}

var specKeys = []string{"path", "const", "concat", "sep", "first", "map", "default", "transform", "split",
	"time", "zone", "amount", "currency", "scale", "currencyCodes", "factor"}

// spec compiles a value spec: a plain string is a path.
func (l *loader) spec(n *yaml.Node, field string) *spec {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		p, err := parsePath(n.Value)
		if err != nil {
			l.fail(n, field, "%v", err)
			return nil
		}
		return &spec{src: n.Value, path: &p}
	}
	f := l.fields(n, field, specKeys...)
	s := &spec{src: field}
	sources := 0
	if v, ok := f["path"]; ok {
		sources++
		p, err := parsePath(l.str(v, join(field, "path")))
		if err != nil {
			l.fail(v, join(field, "path"), "%v", err)
		} else {
			s.path, s.src = &p, p.src
		}
	}
	if v, ok := f["const"]; ok {
		sources++
		c := l.str(v, join(field, "const"))
		s.konst = &c
	}
	for _, k := range []string{"concat", "first"} {
		v, ok := f[k]
		if !ok {
			continue
		}
		sources++
		if v.Kind != yaml.SequenceNode {
			l.fail(v, join(field, k), "want a list of value specs")
			continue
		}
		var parts []*spec
		for i, c := range v.Content {
			if x := l.spec(c, fmt.Sprintf("%s.%s[%d]", field, k, i)); x != nil {
				parts = append(parts, x)
			}
		}
		if k == "concat" {
			s.concat = parts
		} else {
			s.first = parts
		}
	}
	if v, ok := f["sep"]; ok {
		s.sep = l.str(v, join(field, "sep"))
	}
	if sources != 1 {
		if sources == 0 {
			if _, isMoney := f["amount"]; !isMoney {
				l.fail(n, field, "needs one of path, const, concat or first")
			}
		} else {
			l.fail(n, field, "give only one of path, const, concat or first")
		}
	}
	if v, ok := f["map"]; ok {
		s.vmap = map[string]string{}
		if v.Kind != yaml.MappingNode {
			l.fail(v, join(field, "map"), "want a mapping from source values to values")
		} else {
			for i := 0; i+1 < len(v.Content); i += 2 {
				s.vmap[v.Content[i].Value] = v.Content[i+1].Value
			}
		}
	}
	if v, ok := f["default"]; ok {
		d := l.str(v, join(field, "default"))
		s.def = &d
	}
	if v, ok := f["transform"]; ok {
		var ts []string
		if v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				ts = append(ts, c.Value)
			}
		} else {
			ts = []string{v.Value}
		}
		for _, t := range ts {
			if err := checkTransform(t); err != nil {
				l.fail(v, join(field, "transform"), "%v", err)
			}
		}
		s.trans = ts
	}
	if v, ok := f["split"]; ok {
		sf := l.fields(v, join(field, "split"), "sep", "index")
		idx, err := strconv.Atoi(l.str(sf["index"], join(field, "split.index")))
		if err != nil || idx < 0 || sf["sep"] == nil {
			l.fail(v, join(field, "split"), "want {sep: <text>, index: <n >= 0>}")
		}
		s.split = &splitSpec{sep: l.str(sf["sep"], join(field, "split.sep")), index: idx}
	}
	return s
}

// specOf compiles a spec that must not carry type-specific keys (time, money, qty).
func (l *loader) plain(n *yaml.Node, field string) *spec {
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch k := n.Content[i].Value; k {
			case "time", "zone", "amount", "currency", "scale", "currencyCodes", "factor":
				l.fail(n.Content[i], join(field, k), "not allowed on this field")
			}
		}
	}
	return l.spec(n, field)
}

func (l *loader) time(n *yaml.Node, field string) *timeSpec {
	if n == nil {
		return nil
	}
	t := &timeSpec{spec: l.spec(n, field), layout: "rfc3339"}
	if n.Kind == yaml.MappingNode {
		f := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			f[n.Content[i].Value] = n.Content[i+1]
		}
		if v, ok := f["time"]; ok {
			t.layout = v.Value
			if err := checkLayout(v.Value); err != nil {
				l.fail(v, join(field, "time"), "%v", err)
			}
		}
		if v, ok := f["zone"]; ok {
			loc, err := time.LoadLocation(v.Value)
			if err != nil {
				l.fail(v, join(field, "zone"), "unknown time zone %q (want an IANA name such as Asia/Shanghai)", v.Value)
			}
			t.zone = loc
		}
	}
	return t
}

func (l *loader) money(n *yaml.Node, field string) *moneySpec {
	if n == nil {
		return nil
	}
	f := l.fields(n, field, "amount", "currency", "scale", "currencyCodes")
	m := &moneySpec{amount: l.plain(f["amount"], join(field, "amount")), currency: l.plain(f["currency"], join(field, "currency"))}
	if m.amount == nil || m.currency == nil {
		l.fail(n, field, "money needs amount and currency")
	}
	if v, ok := f["scale"]; ok {
		m.scale = v.Value
		if _, err := strconv.Atoi(v.Value); err != nil && v.Value != "minor" && v.Value != "decimal" {
			l.fail(v, join(field, "scale"), "want minor, decimal, or a number of decimal places")
		}
	}
	if v, ok := f["currencyCodes"]; ok {
		m.customs = v.Value == "customs"
		if v.Value != "customs" && v.Value != "iso" {
			l.fail(v, join(field, "currencyCodes"), "want iso or customs")
		}
	}
	return m
}

func (l *loader) qty(n *yaml.Node, field string) *qtySpec {
	if n == nil {
		return nil
	}
	q := &qtySpec{spec: l.spec(n, field)}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "factor" {
				f, err := ontology.ParseQty(n.Content[i+1].Value)
				if err != nil || f <= 0 {
					l.fail(n.Content[i+1], join(field, "factor"), "want a positive number")
				}
				q.factor = f
			}
		}
	}
	return q
}

func (l *loader) oneOf(n *yaml.Node, field string, allowed []string) string {
	v := l.str(n, field)
	for _, a := range allowed {
		if a == v {
			return v
		}
	}
	if n != nil {
		sorted := append([]string(nil), allowed...)
		sort.Strings(sorted)
		l.fail(n, field, "%q is not one of %s", v, strings.Join(sorted, ", "))
	}
	return v
}

func verbNames() []string {
	out := make([]string, len(ontology.Verbs))
	for i, v := range ontology.Verbs {
		out[i] = string(v)
	}
	return out
}

var roleNames = []string{"order", "pos", "fulfilment", "declaration", "receipt", "purchase", "tracking", "invoice",
	"payment", "settlement", "payout", "reading"}

var refKinds = []string{"order_number", "order_id", "hub_ref", "po", "asn", "tracking", "bl", "container", "entry",
	"payment", "invoice", "payout", "balance_txn", "receipt_number", "sscc", "lot"}

var partyRoles = []string{"customer", "supplier", "seller", "consignee", "consignor", "broker", "carrier"}

var errNoMapping = errors.New("no mapping")
