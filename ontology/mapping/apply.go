package mapping

import (
	"fmt"

	"github.com/seamhub/seam/ontology"
)

// mapper accumulates the problems of mapping one record.
type mapper struct {
	problems []ontology.Problem
}

func (mp *mapper) fail(field, rule, value, msg string) {
	mp.problems = append(mp.problems, ontology.Problem{Field: field, Rule: rule, Value: value, Message: msg})
}

func (mp *mapper) val(s *spec, field string, root, cur any) string {
	v, err := s.value(root, cur)
	if err != nil {
		mp.fail(field, "mapping", "", err.Error())
	}
	return v
}

// Map turns one record into a canonical document. It never panics; a record it cannot
// map gives nil and the problems, each naming the canonical field, the rule, the source
// value and where in the source it came from.
func (m *Mapping) Map(tenant string, rec Record) (doc *ontology.Document, problems []ontology.Problem) {
	defer func() {
		if r := recover(); r != nil { // a bug in the engine must not lose the record
			doc, problems = nil, []ontology.Problem{{Field: "", Rule: "mapping", Message: fmt.Sprintf("mapping %s failed: %v", m.File, r)}}
		}
	}()
	if rec.Err != nil {
		return nil, []ontology.Problem{{Field: rec.Pos, Rule: "decode", Message: rec.Err.Error()}}
	}
	root := rec.Tree
	for _, k := range m.unwrap {
		if mm, ok := root.(map[string]any); ok {
			if inner, ok := walk(mm, k); ok {
				root = inner
			}
		}
	}
	if _, ok := root.(map[string]any); !ok {
		return nil, []ontology.Problem{{Field: rec.Pos, Rule: "decode", Message: "the record is not an object"}}
	}
	mp := &mapper{}
	d := &ontology.Document{Role: m.Role}
	d.Key = ontology.DocKey{Tenant: tenant, System: m.System, Type: m.Type, ExternalID: mp.val(m.extID, "key.externalId", root, root)}
	if d.Key.ExternalID == "" {
		mp.fail("key.externalId", "required", "", "no external id at "+m.extID.src)
	}
	d.Verb = m.mapVerb(mp, root)
	d.Status = mp.val(m.status, "status", root, root)
	if ts := m.when; ts != nil {
		v := mp.val(ts.spec, "occurredAt", root, root)
		if v == "" {
			mp.fail("occurredAt", "required", "", "no time at "+ts.spec.src)
		} else if t, err := ts.parse(v); err != nil {
			mp.fail("occurredAt", "time", v, err.Error()+" (at "+ts.spec.src+")")
		} else {
			d.OccurredAt = t
		}
	}
	d.Direction = mp.val(m.dir, "direction", root, root)
	d.Channel = mp.val(m.channel, "channel", root, root)
	if m.loc != nil {
		d.Location = m.mapLocation(mp, root)
	}
	if m.total != nil {
		t, err := m.total.read(root, root)
		if err != nil {
			mp.fail("total", "money", "", err.Error())
		}
		d.Total = t
	}
	for i, ps := range m.parties {
		d.Parties = append(d.Parties, ps.read(mp, fmt.Sprintf("parties[%d]", i), root)...)
	}
	if m.lines != nil {
		d.Lines = m.lines.read(mp, root)
	}
	for i, rs := range m.refs {
		rs.read(mp, fmt.Sprintf("refs[%d]", i), m.System, root, d)
	}
	if len(mp.problems) > 0 {
		return nil, mp.problems
	}
	return d, nil
}

// walk descends a dotted key path of maps.
func walk(m map[string]any, dotted string) (any, bool) {
	p, err := parsePath(dotted)
	if err != nil {
		return nil, false
	}
	vs := p.eval(m, m)
	if len(vs) != 1 {
		return nil, false
	}
	return vs[0], true
}

func (m *Mapping) mapVerb(mp *mapper, root any) ontology.Verb {
	for _, r := range m.rules {
		v, err := r.spec.value(root, root)
		if err != nil {
			mp.fail("verb", "mapping", "", err.Error())
			return ""
		}
		if (r.present && v != "") || (r.equals != nil && v == *r.equals) {
			return r.verb
		}
	}
	v, err := m.verb.value(root, root)
	if err != nil {
		mp.fail("verb", "map", "", err.Error())
		return ""
	}
	if v == "" {
		mp.fail("verb", "required", "", "no status at "+m.verb.src)
		return ""
	}
	if !ontology.Verb(v).Valid() {
		mp.fail("verb", "verb", v, fmt.Sprintf("%q is not a business verb; add it to the mapping's verb map", v))
		return ""
	}
	return ontology.Verb(v)
}

func (m *Mapping) mapLocation(mp *mapper, root any) *ontology.LocationRef {
	code := mp.val(m.loc.code, "location.code", root, root)
	if code == "" {
		return nil
	}
	sys := m.loc.system
	if m.loc.systemSpec != nil {
		sys = mp.val(m.loc.systemSpec, "location.system", root, root)
	}
	if sys == "" {
		sys = m.System
	}
	return &ontology.LocationRef{System: sys, Code: code,
		Name: mp.val(m.loc.name, "location.name", root, root), Address: mp.val(m.loc.address, "location.address", root, root)}
}

func scopes(root any, each *path) []any {
	if each == nil {
		return []any{root}
	}
	return each.eval(root, root)
}

func (ps partySpec) read(mp *mapper, field string, root any) []ontology.PartyRef {
	var out []ontology.PartyRef
	for _, cur := range scopes(root, ps.each) {
		p := ontology.PartyRef{Role: ps.role,
			ExternalID: mp.val(ps.extID, field+".externalId", root, cur), Name: mp.val(ps.name, field+".name", root, cur),
			Email: mp.val(ps.email, field+".email", root, cur), Phone: mp.val(ps.phone, field+".phone", root, cur),
			TaxID: mp.val(ps.taxID, field+".taxId", root, cur), Country: mp.val(ps.country, field+".country", root, cur),
			Address: mp.val(ps.address, field+".address", root, cur), Legal: mp.val(ps.legalRep, field+".legalRep", root, cur)}
		if p.ExternalID != "" || p.Name != "" || p.Email != "" || p.Phone != "" || p.TaxID != "" {
			out = append(out, p)
		}
	}
	return out
}

func (ls *linesSpec) read(mp *mapper, root any) []ontology.Line {
	var out []ontology.Line
	for i, cur := range ls.each.eval(root, root) {
		f := fmt.Sprintf("lines[%d]", i)
		l := ontology.Line{
			SKU: mp.val(ls.sku, f+".sku", root, cur), GTIN: mp.val(ls.gtin, f+".gtin", root, cur),
			HSCode: mp.val(ls.hs, f+".hsCode", root, cur), ExternalID: mp.val(ls.extID, f+".externalId", root, cur),
			Title: mp.val(ls.title, f+".title", root, cur), Unit: mp.val(ls.unit, f+".unit", root, cur),
			Lot: mp.val(ls.lot, f+".lot", root, cur),
		}
		q, raw, err := ls.qty.read(root, cur)
		switch {
		case err != nil:
			mp.fail(f+".qty", "qty", raw, err.Error()+" (at "+ls.qty.spec.src+")")
		case q == nil:
			mp.fail(f+".qty", "required", "", "no quantity at "+ls.qty.spec.src)
		default:
			l.Qty = *q
		}
		if q, raw, err := ls.expected.read(root, cur); err != nil {
			mp.fail(f+".expectedQty", "qty", raw, err.Error())
		} else {
			l.ExpectedQty = q
		}
		if q, raw, err := ls.rejected.read(root, cur); err != nil {
			mp.fail(f+".rejectedQty", "qty", raw, err.Error())
		} else {
			l.RejectedQty = q
		}
		if ls.expires != nil {
			if v := mp.val(ls.expires.spec, f+".expiresAt", root, cur); v != "" {
				t, err := ls.expires.parse(v)
				if err != nil {
					mp.fail(f+".expiresAt", "time", v, err.Error())
				} else {
					l.ExpiresAt = &t
				}
			}
		}
		if ls.price != nil {
			p, err := ls.price.read(root, cur)
			if err != nil {
				mp.fail(f+".unitPrice", "money", "", err.Error())
			}
			l.UnitPrice = p
		}
		out = append(out, l)
	}
	return out
}

func (rs refSpec) read(mp *mapper, field, system string, root any, d *ontology.Document) {
	for _, cur := range scopes(root, rs.each) {
		vals, err := rs.value.values(root, cur)
		if err != nil {
			mp.fail(field, "mapping", "", err.Error())
			continue
		}
		scope := ""
		if rs.scopeSystem {
			scope = system
		} else if rs.scope != nil {
			scope = mp.val(rs.scope, field+".scope", root, cur)
		}
		for _, v := range vals {
			d.AddRef(rs.kind, scope, v)
		}
	}
}
