package mapping

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Map turns one record into a canonical document. A record it cannot map gives an
// *ontology.InvalidError whose problems each name the canonical field, the rule, the
// offending source value, and (in the message) where in the source it was read and where
// in the mapping file the field is mapped, so that quarantine can say exactly why.
// A missing optional value leaves its field empty; a missing required one is a problem.
// Map never panics. It maps the record whole; MapPayload gives a mapping with split: one
// document per element of its list.
func (m *Mapping) Map(tenant string, rec Record) (*ontology.Document, error) {
	if rec.Err != nil {
		return nil, &ontology.InvalidError{Problems: []ontology.Problem{{Field: "payload", Rule: "decode", Message: rec.Err.Error()}}}
	}
	return m.mapRoot(tenant, rec, m.unwrapped(rec.Tree), "")
}

// split is the record's roots, one per document: the record's own, or where split:
// finds several elements in its list, one per element, the root with that element alone
// in the list, and the element's id to key its document by.
func (m *Mapping) split(rec Record) (roots []any, ids []string) {
	root := m.unwrapped(rec.Tree)
	obj, ok := root.(map[string]any)
	list, _ := obj[m.splitKey].([]any)
	if !ok || m.splitKey == "" || len(list) < 2 {
		return []any{root}, []string{""}
	}
	for i, el := range list {
		one := make(map[string]any, len(obj))
		for k, v := range obj {
			one[k] = v
		}
		one[m.splitKey] = []any{el}
		id := fmt.Sprint(i + 1)
		if e, ok := el.(map[string]any); ok && e[m.splitID] != nil {
			id = fmt.Sprint(e[m.splitID])
		}
		// What is the whole record's stays out of a part's document where the mapping
		// says so (a Square return's own id and refunds[], of all its sales at once).
		one["_split"] = id
		roots, ids = append(roots, one), append(ids, id)
	}
	return roots, ids
}

// countedRefunds are the ids of the refunds the root lists at countedRefunds.list, none
// when it lists none, and nil when the mapping reads no such list or the root has none
// (the source does not say which refunds its quantities leave out).
func (m *Mapping) countedRefunds(root any) *[]string {
	obj, _ := root.(map[string]any)
	list, ok := obj[m.countedList].([]any)
	if m.countedList == "" || !ok {
		return nil
	}
	ids := make([]string, 0, len(list))
	for _, el := range list {
		if e, ok := el.(map[string]any); ok && e[m.countedID] != nil {
			ids = append(ids, fmt.Sprint(e[m.countedID]))
		}
	}
	return &ids
}

// mapRoot maps a record from its root; part, when the record was split, is the id of
// the element this document is made of, added to its key.
func (m *Mapping) mapRoot(tenant string, rec Record, root any, part string) (doc *ontology.Document, err error) {
	defer func() {
		if r := recover(); r != nil { // a bug in the engine must not lose the record
			doc, err = nil, &ontology.InvalidError{Problems: []ontology.Problem{{Field: "", Rule: "mapping",
				Message: fmt.Sprintf("mapping %s failed: %v", m.File, r)}}}
		}
	}()
	if _, ok := root.(map[string]any); !ok {
		return nil, &ontology.InvalidError{Problems: []ontology.Problem{{Field: "payload", Rule: "decode",
			Message: fmt.Sprintf("%s is %s, not an object with fields", posOr(rec.Pos), describe(root))}}}
	}
	top := origin{root: root, record: rec.Tree}
	if !rec.Received.IsZero() {
		top.received = rec.Received.UTC().Format(time.RFC3339Nano)
	}
	mp := &mapper{root: root, top: top}
	d := &ontology.Document{Role: m.mapRole(mp), SaleKeepsReturns: m.keepsReturns, CountedRefunds: m.countedRefunds(root)}
	d.Key = ontology.DocKey{Tenant: tenant, System: m.System, Type: m.Type, ExternalID: mp.text(m.extID, "key.externalId", root)}
	if d.Key.ExternalID == "" {
		mp.missing("key.externalId", m.extID, root, "the document's id")
	} else if part != "" {
		d.Key.ExternalID += "/" + part
	}
	d.Verb = m.mapVerb(mp)
	if m.whole != nil {
		i, _ := firstHolding(mp, "wholeOrder", []*cond{m.whole}, func(c *cond) *cond { return c })
		d.WholeOrder = i == 0
		if d.WholeOrder {
			d.WholeOutcome = mp.text(m.wholeOutcome, "wholeOutcome", root)
		}
	}
	d.Status = mp.text(m.status, "status", root)
	if m.when != nil {
		if t, had := mp.time(m.when, "occurredAt", root, false); t != nil {
			d.OccurredAt = *t
		} else if !had {
			mp.missing("occurredAt", m.when.spec, root, "when it happened")
		}
	}
	if m.srcTime != nil {
		if t, _ := mp.time(m.srcTime, "sourceTime", root, true); t != nil {
			d.SourceTime = *t
		}
	}
	d.SourceVersion = mp.version(m.srcVersion, "sourceVersion", root)
	if len(m.srcProgress) > 0 {
		d.SourceProgress = make([]int64, len(m.srcProgress))
		for i, s := range m.srcProgress {
			// A step the record has not reached (no amount refunded yet) is 0.
			if v := mp.version(s, fmt.Sprintf("sourceProgress[%d]", i), root); v != nil {
				d.SourceProgress[i] = *v
			}
		}
	}
	d.Direction = mp.text(m.dir, "direction", root)
	d.Channel = mp.text(m.channel, "channel", root)
	if m.loc != nil {
		d.Location = mp.location(m.loc, m.System, "location", root)
	}
	if m.total != nil {
		d.Total = mp.money(m.total, "total", root)
	}
	if m.fee != nil {
		d.Fee = mp.money(m.fee, "fee", root)
	}
	d.ExchangeRate = mp.rate(m.rate, "exchangeRate", root)
	if m.due != nil {
		d.DueAt, _ = mp.time(m.due, "dueAt", root, true)
	}
	for i := range m.parties {
		d.Parties = m.parties[i].read(mp, d.Parties)
	}
	if m.lines != nil {
		d.Lines = m.lines.read(mp, m.System)
	}
	for i := range m.refs {
		m.refs[i].read(mp, m.System, d)
	}
	for i := range m.notes {
		m.notes[i].read(mp, d)
	}
	if len(mp.problems) > 0 {
		return nil, &ontology.InvalidError{Problems: mp.problems}
	}
	return d, nil
}

// Reads reports whether a record is a document of this mapping: it passes the mapping's
// if: test (every record does when there is none). A record whose test fails on a
// malformed value counts as read, so that mapping it names the problem.
func (m *Mapping) Reads(rec Record) bool {
	if m.reads == nil || !m.readable(rec) {
		return true
	}
	root := m.unwrapped(rec.Tree)
	ok, err := m.reads.holds(origin{root: root, record: rec.Tree}, root)
	return ok || err != nil
}

// Skips returns why a record is no document by design (the first skip: test it passes),
// or "" when it is one. A test that fails on a malformed value does not skip: mapping the
// record names the problem.
func (m *Mapping) Skips(rec Record) string {
	if len(m.skips) == 0 || !m.readable(rec) {
		return ""
	}
	root := m.unwrapped(rec.Tree)
	for _, s := range m.skips {
		if ok, err := s.cond.holds(origin{root: root, record: rec.Tree}, root); ok && err == nil {
			return s.why
		}
	}
	return ""
}

// readable reports whether a record decoded into an object this mapping can read.
func (m *Mapping) readable(rec Record) bool {
	if rec.Err != nil {
		return false
	}
	_, ok := m.unwrapped(rec.Tree).(map[string]any)
	return ok
}

// mapRole is the role of the first role rule that holds, else the mapping's.
func (m *Mapping) mapRole(mp *mapper) ontology.Role {
	if i, _ := firstHolding(mp, "role", m.roleRules, func(r roleRule) *cond { return r.cond }); i >= 0 {
		return m.roleRules[i].role
	}
	return m.Role
}

// firstHolding returns the index of the first of rules whose condition holds for the
// record, or -1; failed says a condition could not be evaluated (the problem is
// recorded under field, and no later rule is tried).
func firstHolding[R any](mp *mapper, field string, rules []R, condOf func(R) *cond) (i int, failed bool) {
	for i, r := range rules {
		c := condOf(r)
		ok, err := c.holds(mp.top, mp.root)
		if err != nil {
			mp.fail(field, c.spec, mp.root, "", fmt.Errorf("%s rule %d: %w", field, i+1, err))
			return -1, true
		}
		if ok {
			return i, false
		}
	}
	return -1, false
}

// unwrapped descends into each unwrap path in turn, where the record has it.
func (m *Mapping) unwrapped(tree any) any {
	record := tree
	for _, u := range m.unwrap {
		if inner, ok := u.get(origin{root: tree, record: record}, tree); ok {
			if _, isObj := inner.(map[string]any); isObj {
				tree = inner
			}
		}
	}
	return tree
}

func posOr(pos string) string {
	if pos == "" {
		return "the record"
	}
	return "the record at " + pos
}

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "empty"
	case []any:
		return "a list"
	case string:
		return "a single text"
	}
	return "a single value"
}

// mapper maps one record, collecting its problems. While it reads a repeated part (a
// line, a party, a ref) it knows which, so that a problem names the canonical field
// ("lines[1].qty") and the concrete source ("line_items[1].quantity"); both are only
// rendered when there is a problem, which keeps mapping a valid record cheap.
type mapper struct {
	root     any    // the record after unwrap
	top      origin // where $ and $$ paths start
	problems []ontology.Problem
	part     string // "lines", "parties", "refs", or "" at the document level
	partN    int    // the canonical index of the part being read
	each     *path  // the each: path of the part, nil for none
	eachI    int    // which of the each: path's elements is being read
}

func (mp *mapper) enter(part string, n int, each *path, i int) {
	mp.part, mp.partN, mp.each, mp.eachI = part, n, each, i
}

func (mp *mapper) leave() { mp.part, mp.each = "", nil }

func (mp *mapper) field(f string) string {
	if mp.part == "" {
		return f
	}
	p := mp.part + "[" + strconv.Itoa(mp.partN) + "]"
	if f == "" {
		return p
	}
	return p + "." + f
}

func (mp *mapper) add(field, rule, value, msg string) {
	mp.problems = append(mp.problems, ontology.Problem{Field: mp.field(field), Rule: rule, Value: value, Message: msg})
}

// fail records err, read by s in scope cur, as a problem of field.
func (mp *mapper) fail(field string, s *spec, cur any, value string, err error) {
	rule, msg := "mapping", err.Error()
	var ve *valueError
	if errors.As(err, &ve) {
		rule, value = ve.rule, ve.value
	}
	if w := s.where(mp.top, cur, mp.base()); w != "" {
		msg += " (source " + w + ")"
	}
	mp.add(field, rule, value, msg)
}

func (mp *mapper) missing(field string, s *spec, cur any, what string) {
	if s == nil {
		return
	}
	mp.add(field, "required", "", fmt.Sprintf("no value for %s (source %s)", what, s.where(mp.top, cur, mp.base())))
}

// base returns the concrete source path of the element being read, such as
// "line_items[1]".
func (mp *mapper) base() string {
	each, i := mp.each, mp.eachI
	if each == nil {
		return ""
	}
	locs := each.locate(mp.top, mp.root, "")
	// A list reached whole was flattened by scopes: index into it.
	if len(locs) == 1 {
		if v, ok := each.get(mp.top, mp.root); ok {
			if _, isList := v.([]any); isList {
				return locs[0] + "[" + strconv.Itoa(i) + "]"
			}
		}
	}
	if i < len(locs) {
		return locs[i]
	}
	return each.src
}

func (mp *mapper) text(s *spec, field string, cur any) string {
	v, err := s.value(mp.top, cur)
	if err != nil {
		mp.fail(field, s, cur, "", err)
	}
	return v
}

// time reads a time: (t, true) when read, (nil, false) when the source has none, and
// (nil, true) when it has one that could not be read (the problem is recorded). An
// optional field holding a placeholder for no date (noDateError) has none; a required
// one holding it is a problem, said as such.
func (mp *mapper) time(ts *timeSpec, field string, cur any, optional bool) (*time.Time, bool) {
	v, err := ts.spec.value(mp.top, cur)
	if err != nil {
		mp.fail(field, ts.spec, cur, "", err)
		return nil, true
	}
	if v == "" {
		return nil, false
	}
	t, err := ts.parse(v)
	var none *noDateError
	if optional && errors.As(err, &none) {
		return nil, false
	}
	if err != nil {
		mp.fail(field, ts.spec, cur, v, &valueError{rule: "time", value: v, msg: err.Error()})
		return nil, true
	}
	return &t, true
}

// version reads a revision number: a whole number of 0 or more, or nil when the source
// has none. Anything else is a problem, not a missing clock: a version read wrongly
// would order the document's versions wrongly.
func (mp *mapper) version(s *spec, field string, cur any) *int64 {
	v := mp.text(s, field, cur)
	if v == "" {
		return nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		mp.fail(field, s, cur, v, &valueError{rule: "version", value: v,
			msg: fmt.Sprintf("%q is not a version number (a whole number of 0 or more)", v)})
		return nil
	}
	return &n
}

func (mp *mapper) money(ms *moneySpec, field string, cur any) *ontology.Money {
	v, raw, err := ms.read(mp.top, cur)
	if err != nil {
		// A composite spec's problem is its part's: that part names the source.
		var pe *partError
		for errors.As(err, &pe) {
			ms, err = pe.part, pe.err
		}
		s := ms.amount
		var ve *valueError
		if errors.As(err, &ve) && ve.rule == "currency" {
			s = ms.currency
		}
		mp.fail(field, s, cur, raw, err)
	}
	return v
}

// rate reads an exchange rate: a positive decimal, or nil when the source has none (a
// transaction in one currency). Zero counts as none: Stripe and ERPNext write 0 or 1
// where nothing was converted, and 1 converts nothing either way.
func (mp *mapper) rate(s *spec, field string, cur any) *decimal.Decimal {
	v := strings.TrimSpace(mp.text(s, field, cur))
	if v == "" {
		return nil
	}
	d, err := decimal.NewFromString(v)
	if err != nil || d.Sign() < 0 || d.Exponent() < -18 || d.Exponent() > 18 {
		mp.fail(field, s, cur, v, &valueError{rule: "decimal", value: v, msg: fmt.Sprintf("exchange rate %q is not a positive decimal number", v)})
		return nil
	}
	if d.IsZero() {
		return nil
	}
	return &d
}

func (mp *mapper) qty(q *qtySpec, field string, cur any) *ontology.Qty {
	if q == nil {
		return nil
	}
	v, raw, err := q.read(mp.top, cur)
	if err != nil {
		mp.fail(field, q.spec, cur, raw, err)
	}
	return v
}

func (m *Mapping) mapVerb(mp *mapper) ontology.Verb {
	switch i, failed := firstHolding(mp, "verb", m.rules, func(r verbRule) *cond { return r.cond }); {
	case failed:
		return ""
	case i >= 0:
		return m.rules[i].verb
	}
	if m.verb == nil {
		return ""
	}
	v, err := m.verb.value(mp.top, mp.root)
	if err != nil {
		mp.fail("verb", m.verb, mp.root, "", err)
		return ""
	}
	if v == "" {
		mp.missing("verb", m.verb, mp.root, "the status")
		return ""
	}
	if !ontology.Verb(v).Valid() {
		mp.fail("verb", m.verb, mp.root, v, &valueError{rule: "verb", value: v,
			msg: fmt.Sprintf("%q is not a business verb; map the source's statuses to verbs with map:", v)})
		return ""
	}
	return ontology.Verb(v)
}

// location reads a location spec at cur (the record's root, or a line); system is the
// mapping's, the location's system unless the spec names another.
func (mp *mapper) location(ls *locationSpec, system, field string, cur any) *ontology.LocationRef {
	if ls == nil {
		return nil
	}
	code := mp.text(ls.code, field+".code", cur)
	if code == "" {
		return nil
	}
	sys := ls.system
	if ls.systemSpec != nil {
		sys = mp.text(ls.systemSpec, field+".system", cur)
	}
	if sys == "" {
		sys = system
	}
	return &ontology.LocationRef{System: sys, Code: code,
		Name: mp.text(ls.name, field+".name", cur), Address: mp.text(ls.address, field+".address", cur)}
}

// scopes returns what an each: path reaches; a list reached as a whole stands for its
// elements, so "each: line_items" reads like "each: line_items[*]".
func (mp *mapper) scopes(each *path, part string) []any {
	if each == nil {
		return []any{mp.root}
	}
	var out []any
	for _, v := range each.eval(mp.top, mp.root) {
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				if x != nil {
					out = append(out, x)
				}
			}
		case jsonError:
			mp.problems = append(mp.problems, ontology.Problem{Field: part, Rule: "json",
				Message: embeddedErr(t).Error() + " (source " + each.src + ")"})
		default:
			out = append(out, v)
		}
	}
	return out
}

// keep evaluates an entry's if: test.
func (mp *mapper) keep(c *cond, cur any) bool {
	if c == nil {
		return true
	}
	ok, err := c.holds(mp.top, cur)
	if err != nil {
		mp.fail("", c.spec, cur, "", fmt.Errorf("if: %w", err))
		return false
	}
	return ok
}

func (ps *partySpec) read(mp *mapper, out []ontology.PartyRef) []ontology.PartyRef {
	defer mp.leave()
	for i, cur := range mp.scopes(ps.each, "parties") {
		mp.enter("parties", len(out), ps.each, i)
		if !mp.keep(ps.cond, cur) {
			continue
		}
		p := ontology.PartyRef{Role: ps.role,
			ExternalID: mp.text(ps.extID, "externalId", cur), Name: mp.text(ps.name, "name", cur),
			Email: mp.text(ps.email, "email", cur), Phone: mp.text(ps.phone, "phone", cur),
			TaxID: mp.text(ps.taxID, "taxId", cur), Country: mp.text(ps.country, "country", cur),
			Address: mp.text(ps.address, "address", cur), Legal: mp.text(ps.legalRep, "legalRep", cur),
			GivenName: mp.text(ps.given, "givenName", cur), FamilyName: mp.text(ps.family, "familyName", cur),
			BirthDate: mp.text(ps.birth, "birthDate", cur), NationalID: mp.text(ps.nationalID, "nationalId", cur),
			LoyaltyID: mp.text(ps.loyalty, "loyaltyId", cur), BankAccount: mp.text(ps.bank, "bankAccount", cur),
			Organization: mp.text(ps.org, "organization", cur)}
		place := ontology.AddressPart{Number: mp.text(ps.number, "houseNumber", cur), Street: mp.text(ps.street, "street", cur),
			Line2: mp.text(ps.line2, "addressLine2", cur), Locality: mp.text(ps.locality, "locality", cur),
			Postcode: mp.text(ps.postcode, "postcode", cur), Region: mp.text(ps.region, "region", cur)}
		if place != (ontology.AddressPart{}) {
			p.Place = &place
		}
		if p.Name == "" {
			p.Name = strings.TrimSpace(p.GivenName + " " + p.FamilyName)
		}
		if p.ExternalID != "" || p.Name != "" || p.Email != "" || p.Phone != "" || p.TaxID != "" || p.NationalID != "" || p.LoyaltyID != "" {
			out = append(out, p)
		}
	}
	return out
}

func (ls *linesSpec) read(mp *mapper, system string) []ontology.Line {
	defer mp.leave()
	scopes := mp.scopes(ls.each, "lines")
	out := make([]ontology.Line, 0, len(scopes))
	for i, cur := range scopes {
		mp.enter("lines", len(out), ls.each, i)
		if !mp.keep(ls.cond, cur) {
			continue
		}
		before := len(mp.problems)
		l := ontology.Line{
			SKU: mp.text(ls.sku, "sku", cur), GTIN: mp.text(ls.gtin, "gtin", cur),
			HSCode: mp.text(ls.hs, "hsCode", cur), ExternalID: mp.text(ls.extID, "externalId", cur),
			Title: mp.text(ls.title, "title", cur), Model: mp.text(ls.model, "model", cur), Unit: mp.text(ls.unit, "unit", cur),
			Lot: mp.text(ls.lot, "lot", cur), Row: mp.text(ls.row, "row", cur),
		}
		if q := mp.qty(ls.qty, "qty", cur); q != nil {
			l.Qty = *q
		} else if len(mp.problems) == before {
			mp.missing("qty", ls.qty.spec, cur, "the line's quantity")
		}
		l.ExpectedQty = mp.qty(ls.expected, "expectedQty", cur)
		l.RejectedQty = mp.qty(ls.rejected, "rejectedQty", cur)
		if ls.expires != nil {
			l.ExpiresAt, _ = mp.time(ls.expires, "expiresAt", cur, true)
			if l.ExpiresAt != nil && ls.expires.dateOnly() {
				// A best-before or valid-until date is a day the goods may still be
				// sold on: the lot expires when that day ends in the source's zone.
				end := l.ExpiresAt.AddDate(0, 0, 1)
				l.ExpiresAt = &end
			}
		}
		if ls.price != nil {
			l.UnitPrice = mp.money(ls.price, "unitPrice", cur)
		}
		for _, c := range ls.notStock {
			if c != nil && mp.keep(c, cur) {
				l.NotStock = true
				break
			}
		}
		l.Outcome = mp.text(ls.outcome, "outcome", cur)
		l.KeepsRefunds = ls.keepsRefunds != nil && mp.keep(ls.keepsRefunds, cur)
		l.Location = mp.location(ls.loc, system, "location", cur)
		l.RejectedLocation = mp.location(ls.rejectedLoc, system, "rejectedLocation", cur)
		out = append(out, ls.rejectedLots.refused(mp, ls.lots.split(mp, l, cur), l, cur)...)
	}
	return out
}

// refused adds to a line's lines (lines, split over its lots) one line per lot its
// rejectedLots: list names, holding that lot's refused quantity and nothing accepted;
// the line's refused quantity then stays with none of the others. Where there is no such
// list or it names none, the lines are as they were.
func (ls *lotsSpec) refused(mp *mapper, lines []ontology.Line, l ontology.Line, cur any) []ontology.Line {
	if ls == nil || ls.each == nil {
		return lines
	}
	var out []ontology.Line
	for _, el := range ls.elements(mp, cur) {
		one := l
		one.Qty, one.ExpectedQty, one.RejectedQty = 0, nil, nil
		one.Lot = mp.text(ls.lot, ls.where+".lot", el)
		if q := mp.qty(ls.qty, ls.where+".qty", el); q != nil {
			one.RejectedQty = q
		} else {
			mp.missing(ls.where+".qty", ls.qty.spec, el, "the quantity of the lot")
		}
		out = append(out, one)
	}
	if len(out) == 0 {
		return lines
	}
	for i := range lines {
		lines[i].RejectedQty = nil
	}
	return append(lines, out...)
}

// elements are the objects the lots' list holds in the line cur.
func (ls *lotsSpec) elements(mp *mapper, cur any) []any {
	var els []any
	for _, v := range ls.each.eval(mp.top, cur) {
		if list, ok := v.([]any); ok {
			els = append(els, list...)
		} else if v != nil {
			els = append(els, v)
		}
	}
	return slices.DeleteFunc(els, func(el any) bool {
		_, ok := el.(map[string]any)
		return !ok
	})
}

// split is the line as one line per lot its lots: list names (each with that lot and
// quantity), or the line itself where there is no such list or it names none. What the
// line refused or expected stays with the first of them, so the line's totals are kept.
func (ls *lotsSpec) split(mp *mapper, l ontology.Line, cur any) []ontology.Line {
	if ls == nil || ls.each == nil {
		return []ontology.Line{l}
	}
	var out []ontology.Line
	for _, el := range ls.elements(mp, cur) {
		one := l
		one.Lot = mp.text(ls.lot, ls.where+".lot", el)
		if q := mp.qty(ls.qty, ls.where+".qty", el); q != nil {
			one.Qty = *q
		} else {
			mp.missing(ls.where+".qty", ls.qty.spec, el, "the quantity of the lot")
		}
		if len(out) > 0 {
			one.RejectedQty, one.ExpectedQty = nil, nil
		}
		out = append(out, one)
	}
	if len(out) == 0 {
		return []ontology.Line{l}
	}
	return out
}

func (rs *refSpec) read(mp *mapper, system string, d *ontology.Document) {
	defer mp.leave()
	var vals []string
	for i, cur := range mp.scopes(rs.each, "refs") {
		mp.enter("refs", len(d.Refs), rs.each, i)
		if !mp.keep(rs.cond, cur) {
			continue
		}
		var err error
		if vals, err = rs.value.values(mp.top, cur, vals[:0]); err != nil {
			mp.fail("value", rs.value, cur, "", err)
			continue
		}
		scope := system
		if !rs.scopeSystem {
			scope = mp.text(rs.scopeSpec, "scope", cur)
		}
		for _, v := range vals {
			d.AddRef(rs.kind, scope, normalise(rs.kind, v))
		}
	}
}

// maxNote bounds a note's text: references are written near the start of a field, and a
// long remark is cut rather than refused.
const maxNote = 2000

func (ns *noteSpec) read(mp *mapper, d *ontology.Document) {
	defer mp.leave()
	var vals []string
	for i, cur := range mp.scopes(ns.each, "notes") {
		mp.enter("notes", len(d.Notes), ns.each, i)
		if !mp.keep(ns.cond, cur) {
			continue
		}
		var err error
		if vals, err = ns.value.values(mp.top, cur, vals[:0]); err != nil {
			mp.fail("value", ns.value, cur, "", err)
			continue
		}
		for _, v := range vals {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if len(v) > maxNote {
				v = strings.ToValidUTF8(v[:maxNote], "")
			}
			d.Notes = append(d.Notes, ontology.Note{Field: ns.field, Text: v})
		}
	}
}

// NormaliseRef writes a reference value the way mappings store it, so that a value a
// person types (a purchase order number to approve) finds the key its documents hold.
func NormaliseRef(k ontology.RefKind, v string) string { return normalise(k, strings.TrimSpace(v)) }

// normalise applies the rules of SOURCES.md §9 that hold for every source: tracking
// numbers, bills of lading and container numbers are upper case without spaces.
//
// References people type (purchase orders, hub references, ASNs, invoice names) are
// compared upper case with single spaces, and a purchase order number is written "PO-"
// and its number however the prefix was spelt ("po 2025-00417", "PO#2025-00417",
// "PO2025-00417"): one broker's ContrNo must meet the warehouse's purchase_order_number,
// and a clerk's note (resolver/refscan reads the same canonical form) must meet both.
func normalise(k ontology.RefKind, v string) string {
	switch k {
	case ontology.RefTracking, ontology.RefBL, ontology.RefContainer:
		return simpleTransforms["nospace"](strings.ToUpper(v))
	case ontology.RefPO:
		v = strings.ToUpper(strings.Join(strings.Fields(v), " "))
		if m := poSpelling.FindStringSubmatch(v); m != nil {
			return "PO-" + m[1]
		}
		return v
	case ontology.RefHubRef, ontology.RefASN, ontology.RefInvoice:
		return strings.ToUpper(strings.Join(strings.Fields(v), " "))
	}
	return v
}

// poSpelling is a purchase order number behind any spelling of the PO prefix; the number
// must start with a digit, so "POS-123" is not a PO.
var poSpelling = regexp.MustCompile(`^PO\s*(?:[#:_./-]|NO\.?)?\s*(\d.*)$`)
