package mapping

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/ontology"
)

// Mapping turns records of one source system and document type into canonical
// documents. It is compiled once when loaded and safe for concurrent use.
type Mapping struct {
	File    string
	System  string
	Type    string
	Role    ontology.Role
	Format  Format
	Decode  DecodeOptions
	unwrap  []string
	extID   *spec
	verb    *spec
	rules   []verbRule
	status  *spec
	when    *timeSpec
	dir     *spec
	channel *spec
	loc     *locationSpec
	total   *moneySpec
	parties []partySpec
	lines   *linesSpec
	refs    []refSpec
}

type verbRule struct {
	spec    *spec
	present bool
	equals  *string
	verb    ontology.Verb
}

type locationSpec struct {
	system                 string
	code, name, address    *spec
	systemSpec             *spec
	defaultToMappingSystem bool
}

type partySpec struct {
	role                                                         ontology.PartyRole
	each                                                         *path
	extID, name, email, phone, taxID, country, address, legalRep *spec
}

type linesSpec struct {
	each                                   *path
	sku, gtin, hs, extID, title, unit, lot *spec
	qty, expected, rejected                *qtySpec
	expires                                *timeSpec
	price                                  *moneySpec
}

type refSpec struct {
	kind        ontology.RefKind
	each        *path
	value       *spec
	scope       *spec
	scopeSystem bool
}

var topKeys = []string{"system", "type", "role", "format", "delimiter", "groupBy", "unwrap", "externalId", "verb",
	"status", "occurredAt", "direction", "channel", "location", "total", "parties", "lines", "refs", "description"}

// Parse compiles a mapping file. Every problem is reported, each with its line.
func Parse(file string, data []byte) (*Mapping, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &LoadError{File: file, Problems: []LineProblem{{Field: "", Msg: err.Error()}}}
	}
	l := &loader{file: file}
	if len(doc.Content) == 0 {
		return nil, &LoadError{File: file, Problems: []LineProblem{{Line: 1, Msg: "empty mapping file"}}}
	}
	root := doc.Content[0]
	f := l.fields(root, "", topKeys...)
	m := &Mapping{File: file}
	req := func(k string) *yaml.Node {
		v := f[k]
		if v == nil {
			l.fail(root, k, "is required")
		}
		return v
	}
	m.System = l.str(req("system"), "system")
	m.Type = l.str(req("type"), "type")
	for _, x := range []struct{ name, v string }{{"system", m.System}, {"type", m.Type}} {
		if x.v != "" && !nameOK(x.v) {
			l.fail(f[x.name], x.name, "%q must be lower-case letters, digits, '-' or '_'", x.v)
		}
	}
	m.Role = ontology.Role(l.oneOf(req("role"), "role", roleNames))
	m.Format = Format(l.oneOf(f["format"], "format", []string{"json", "jsonl", "csv", "xml", "form"}))
	if m.Format == "" {
		m.Format = JSON
	}
	if v := f["delimiter"]; v != nil {
		r := []rune(l.str(v, "delimiter"))
		if len(r) != 1 {
			l.fail(v, "delimiter", "want one character")
		} else {
			m.Decode.Comma = r[0]
		}
	}
	if v := f["groupBy"]; v != nil {
		m.Decode.GroupBy = l.str(v, "groupBy")
		if m.Format != CSV {
			l.fail(v, "groupBy", "only CSV rows can be grouped")
		}
	}
	if v := f["unwrap"]; v != nil {
		if v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				m.unwrap = append(m.unwrap, c.Value)
			}
		} else {
			m.unwrap = []string{l.str(v, "unwrap")}
		}
	}
	m.extID = l.plain(req("externalId"), "externalId")
	m.loadVerb(l, req("verb"))
	m.status = l.plain(f["status"], "status")
	m.when = l.time(req("occurredAt"), "occurredAt")
	m.dir = l.plain(f["direction"], "direction")
	m.channel = l.plain(f["channel"], "channel")
	m.total = l.money(f["total"], "total")
	if v := f["location"]; v != nil {
		m.loc = m.loadLocation(l, v)
	}
	if v := f["parties"]; v != nil {
		m.loadParties(l, v)
	}
	if v := f["lines"]; v != nil {
		m.lines = m.loadLines(l, v)
	}
	if v := f["refs"]; v != nil {
		m.loadRefs(l, v)
	}
	if len(l.problems) > 0 {
		return nil, &LoadError{File: file, Problems: l.problems}
	}
	return m, nil
}

func nameOK(s string) bool {
	if s == "" || len(s) > 63 {
		return false
	}
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || (i > 0 && (r == '-' || r == '_'))) {
			return false
		}
	}
	return true
}

func (m *Mapping) loadVerb(l *loader, n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		var rules *yaml.Node
		var rest []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "rules" {
				rules = n.Content[i+1]
				continue
			}
			rest = append(rest, n.Content[i], n.Content[i+1])
		}
		if rules != nil {
			if rules.Kind != yaml.SequenceNode {
				l.fail(rules, "verb.rules", "want a list of rules")
			} else {
				for i, r := range rules.Content {
					field := fmt.Sprintf("verb.rules[%d]", i)
					rf := l.fields(r, field, "when", "present", "equals", "verb")
					vr := verbRule{spec: l.plain(rf["when"], field+".when"),
						verb: ontology.Verb(l.oneOf(rf["verb"], field+".verb", verbNames()))}
					if rf["when"] == nil || rf["verb"] == nil {
						l.fail(r, field, "a rule needs when and verb")
					}
					if p := rf["present"]; p != nil {
						vr.present = p.Value == "true"
					}
					if e := rf["equals"]; e != nil {
						s := e.Value
						vr.equals = &s
					}
					if vr.equals == nil && !vr.present {
						l.fail(r, field, "a rule needs present: true or equals: <value>")
					}
					m.rules = append(m.rules, vr)
				}
			}
		}
		n = &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Content: rest}
		if len(rest) == 0 {
			l.fail(n, "verb", "needs a value spec besides rules")
			return
		}
	}
	m.verb = l.plain(n, "verb")
	if m.verb == nil {
		return
	}
	valid := map[string]bool{}
	for _, v := range verbNames() {
		valid[v] = true
	}
	for from, to := range m.verb.vmap {
		if !valid[to] {
			l.fail(n, "verb.map."+from, "%q is not a business verb (%s)", to, strings.Join(verbNames(), ", "))
		}
	}
	if m.verb.konst != nil && m.verb.vmap == nil && !valid[*m.verb.konst] {
		l.fail(n, "verb.const", "%q is not a business verb", *m.verb.konst)
	}
	if m.verb.def != nil && !valid[*m.verb.def] {
		l.fail(n, "verb.default", "%q is not a business verb", *m.verb.def)
	}
}

func (m *Mapping) loadLocation(l *loader, n *yaml.Node) *locationSpec {
	f := l.fields(n, "location", "system", "code", "name", "address")
	ls := &locationSpec{code: l.plain(f["code"], "location.code"), name: l.plain(f["name"], "location.name"),
		address: l.plain(f["address"], "location.address")}
	if f["code"] == nil {
		l.fail(n, "location", "needs a code")
	}
	if v := f["system"]; v != nil && v.Kind == yaml.ScalarNode {
		ls.system = v.Value
	} else if v != nil {
		ls.systemSpec = l.plain(v, "location.system")
	} else {
		ls.defaultToMappingSystem = true
	}
	return ls
}

func (m *Mapping) loadParties(l *loader, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "parties", "want a list of parties")
		return
	}
	for i, p := range n.Content {
		field := fmt.Sprintf("parties[%d]", i)
		f := l.fields(p, field, "role", "each", "externalId", "name", "email", "phone", "taxId", "country", "address", "legalRep")
		ps := partySpec{role: ontology.PartyRole(l.oneOf(f["role"], field+".role", partyRoles))}
		if f["role"] == nil {
			l.fail(p, field, "needs a role")
		}
		if v := f["each"]; v != nil {
			pp, err := parsePath(v.Value)
			if err != nil {
				l.fail(v, field+".each", "%v", err)
			}
			ps.each = &pp
		}
		ps.extID = l.plain(f["externalId"], field+".externalId")
		ps.name = l.plain(f["name"], field+".name")
		ps.email = l.plain(f["email"], field+".email")
		ps.phone = l.plain(f["phone"], field+".phone")
		ps.taxID = l.plain(f["taxId"], field+".taxId")
		ps.country = l.plain(f["country"], field+".country")
		ps.address = l.plain(f["address"], field+".address")
		ps.legalRep = l.plain(f["legalRep"], field+".legalRep")
		m.parties = append(m.parties, ps)
	}
}

func (m *Mapping) loadLines(l *loader, n *yaml.Node) *linesSpec {
	f := l.fields(n, "lines", "each", "sku", "gtin", "hsCode", "externalId", "title", "qty", "expectedQty",
		"rejectedQty", "unit", "lot", "expiresAt", "unitPrice")
	ls := &linesSpec{}
	if v := f["each"]; v != nil {
		p, err := parsePath(l.str(v, "lines.each"))
		if err != nil {
			l.fail(v, "lines.each", "%v", err)
		}
		ls.each = &p
	} else {
		l.fail(n, "lines", "needs each: the path of the goods lines")
	}
	if f["qty"] == nil {
		l.fail(n, "lines", "needs qty")
	}
	ls.sku, ls.gtin, ls.hs = l.plain(f["sku"], "lines.sku"), l.plain(f["gtin"], "lines.gtin"), l.plain(f["hsCode"], "lines.hsCode")
	ls.extID, ls.title = l.plain(f["externalId"], "lines.externalId"), l.plain(f["title"], "lines.title")
	ls.unit, ls.lot = l.plain(f["unit"], "lines.unit"), l.plain(f["lot"], "lines.lot")
	ls.qty, ls.expected, ls.rejected = l.qty(f["qty"], "lines.qty"), l.qty(f["expectedQty"], "lines.expectedQty"), l.qty(f["rejectedQty"], "lines.rejectedQty")
	ls.expires = l.time(f["expiresAt"], "lines.expiresAt")
	ls.price = l.money(f["unitPrice"], "lines.unitPrice")
	return ls
}

func (m *Mapping) loadRefs(l *loader, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "refs", "want a list of references")
		return
	}
	for i, r := range n.Content {
		field := fmt.Sprintf("refs[%d]", i)
		f := l.fields(r, field, "kind", "each", "path", "const", "concat", "first", "transform", "map", "default", "split", "sep", "scope")
		rs := refSpec{kind: ontology.RefKind(l.oneOf(f["kind"], field+".kind", refKinds))}
		if f["kind"] == nil {
			l.fail(r, field, "needs a kind")
		}
		if v := f["each"]; v != nil {
			p, err := parsePath(v.Value)
			if err != nil {
				l.fail(v, field+".each", "%v", err)
			}
			rs.each = &p
		}
		if v := f["scope"]; v != nil {
			if v.Kind == yaml.ScalarNode && v.Value == "$system" {
				rs.scopeSystem = true
			} else {
				rs.scope = l.plain(v, field+".scope")
			}
		}
		// The rest of the entry is the value spec.
		var rest []*yaml.Node
		for j := 0; j+1 < len(r.Content); j += 2 {
			switch r.Content[j].Value {
			case "kind", "each", "scope":
			default:
				rest = append(rest, r.Content[j], r.Content[j+1])
			}
		}
		rs.value = l.plain(&yaml.Node{Kind: yaml.MappingNode, Line: r.Line, Content: rest}, field)
		m.refs = append(m.refs, rs)
	}
}
