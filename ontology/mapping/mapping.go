package mapping

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/ontology"
)

// Mapping turns records of one source system and document type into canonical
// documents. It is compiled once, when loaded, and is safe for concurrent use.
type Mapping struct {
	File        string        // the file it was loaded from, for messages
	System      string        // the source system, such as shopify
	Type        string        // the document type, such as order
	Role        ontology.Role // the part its documents play in their business event
	Format      Format        // how its payloads are read, unless a connector says otherwise
	Decode      DecodeOptions // its CSV delimiter and groupBy
	Description string
	// Also names other types of the same system whose mappings read each record of this
	// one's payloads too: a Square order carries a sale and the returns made with it,
	// two documents of two types.
	Also []string

	// reads is the test a record must pass to be a document of this mapping (if:); a
	// record failing it is another mapping's (see Also), not a problem.
	reads *cond
	// roleRules choose another role than Role for some records: the first that holds
	// decides.
	roleRules []roleRule
	// splitKey and splitID split a record into one document per element of the list at
	// the root's key splitKey when it holds several (split:), each document keyed by the
	// record's id and the element's splitID.
	splitKey, splitID string
	// skips are the records of this mapping that are no document by design (skip:): the
	// first that holds gives the reason; such a record is counted as ignored, neither
	// stored nor quarantined.
	skips []skipRule
	// keepsReturns marks the documents as refunds whose sale still counts the goods
	// they return (saleKeepsReturns).
	keepsReturns bool
	// whole is the test of a refund that gives back its whole order and names no
	// amount (wholeOrder:).
	whole *cond
	// wholeOutcome reads what became of the goods of such a refund (wholeOutcome:).
	wholeOutcome *spec
	// countedList and countedID read the refunds an order's quantities already leave out
	// (countedRefunds:): the list at the root's key countedList, each refund's id at
	// countedID.
	countedList, countedID string

	unwrap []*path
	extID  *spec
	verb   *spec
	rules  []verbRule
	status *spec
	when   *timeSpec
	// srcTime and srcVersion read the source's own clock of a version (sourceTime,
	// sourceVersion), which orders the versions of one document.
	srcTime    *timeSpec
	srcVersion *spec
	// srcProgress reads how far the record has come along the source's progression
	// (sourceProgress): whole numbers that tell versions apart where the clock ties.
	srcProgress []*spec
	dir         *spec
	channel     *spec
	loc         *locationSpec
	total       *moneySpec
	fee         *moneySpec
	rate        *spec
	due         *timeSpec
	parties     []partySpec
	lines       *linesSpec
	refs        []refSpec
	notes       []noteSpec
}

// noteSpec reads free text in which people write other systems' identifiers (a POS
// reference, an invoice's remarks, a payment's description): resolution searches it.
type noteSpec struct {
	field string
	each  *path
	cond  *cond
	value *spec
}

type roleRule struct {
	cond *cond
	role ontology.Role
}

// skipRule is a test a record passes when its source says it is no document yet (an
// ERPNext draft that books nothing), and why.
type skipRule struct {
	cond *cond
	why  string
}

type verbRule struct {
	cond *cond
	verb ontology.Verb
}

type locationSpec struct {
	system              string // a literal system name; "" = the mapping's
	systemSpec          *spec
	code, name, address *spec
}

type partySpec struct {
	role                                                         ontology.PartyRole
	each                                                         *path
	cond                                                         *cond
	extID, name, email, phone, taxID, country, address, legalRep *spec
	given, family, birth, nationalID, loyalty, bank, org         *spec
	number, street, line2, locality, postcode, region            *spec
}

type linesSpec struct {
	each                                   *path
	cond                                   *cond
	sku, gtin, hs, extID, title, unit, lot *spec
	model, row                             *spec
	qty, expected, rejected                *qtySpec
	notStock                               []*cond // any holding: the line is not goods
	outcome                                *spec   // a refund line's outcome: returned, kept, unshipped
	keepsRefunds                           *cond   // the line's qty still counts the units refunded
	expires                                *timeSpec
	price                                  *moneySpec
	// loc and rejectedLoc are where the line's goods, and its refused goods, are
	// booked when the source names a place per line (location:, rejectedLocation:).
	loc, rejectedLoc *locationSpec
	// lots splits a line over the lots a list inside it names (lots:); rejectedLots
	// its refused goods over theirs (rejectedLots:).
	lots, rejectedLots *lotsSpec
}

// lotsSpec reads the lots a line's goods are split over where the source lists them
// inside the line (an ERPNext Serial and Batch Bundle's entries, expanded into the
// line): each element of each is one line of the lot and quantity it names.
type lotsSpec struct {
	each *path
	lot  *spec
	qty  *qtySpec
	// where names the key in problems: lots or rejectedLots.
	where string
}

type refSpec struct {
	kind        ontology.RefKind
	each        *path
	cond        *cond
	value       *spec
	scopeSpec   *spec // a value spec: {const: dhl}, or a path such as tracking_company
	scopeSystem bool  // $system: the mapping's system
}

var topKeys = []string{"system", "type", "role", "if", "skip", "also", "split", "saleKeepsReturns", "wholeOrder", "wholeOutcome", "countedRefunds", "format", "delimiter", "groupBy", "records", "unwrap", "externalId", "verb",
	"status", "occurredAt", "sourceTime", "sourceVersion", "sourceProgress", "direction", "channel", "location", "total", "fee", "exchangeRate", "dueAt", "parties", "lines", "refs", "notes", "description"}

var (
	partyKeys = []string{"role", "each", "if", "externalId", "name", "email", "phone", "taxId", "country", "address", "legalRep",
		"givenName", "familyName", "birthDate", "nationalId", "loyaltyId", "bankAccount", "organization", "houseNumber", "street", "addressLine2", "locality",
		"postcode", "region"}
	lineKeys = []string{"each", "if", "sku", "gtin", "hsCode", "externalId", "title", "model", "qty", "expectedQty", "rejectedQty",
		"unit", "lot", "row", "expiresAt", "unitPrice", "notStock", "outcome", "keepsRefunds", "location", "rejectedLocation", "lots", "rejectedLots"}
	refKeys  = append([]string{"kind", "each", "if", "scope"}, specKeys...)
	noteKeys = append([]string{"field", "each", "if"}, specKeys...)
	// splitName is a key of split: one plain key.
	splitName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	// listPath is where a list answer holds its records: keys, dot-separated.
	listPath = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$`)
	// noteField is a note's name: what tenants choose the searched fields by.
	noteField = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
)

// Parse compiles a mapping file. file names it in messages. Every problem is reported,
// each with its line, as a *LoadError.
func Parse(file string, data []byte) (*Mapping, error) {
	l := &loader{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.problems = append(l.problems, syntaxProblem(err))
		return nil, l.err()
	}
	if len(doc.Content) == 0 {
		l.fail(&yaml.Node{Line: 1}, "", "empty mapping file: it needs at least system, type, role, externalId, verb and occurredAt")
		return nil, l.err()
	}
	root := doc.Content[0]
	f := l.fields(root, "", topKeys...)
	if root.Kind != yaml.MappingNode {
		return nil, l.err()
	}
	m := &Mapping{File: file}
	req := func(k, why string) *yaml.Node {
		v := f[k]
		if v == nil {
			l.fail(root, k, "is required: %s", why)
		}
		return v
	}
	m.System = l.name(req("system", "the source system's name, such as shopify"), "system")
	m.Type = l.name(req("type", "the document type, such as order"), "type")
	m.loadRole(l, req("role", "the part the document plays ("+strings.Join(roleNames, ", ")+")"))
	m.reads = l.ifCond(f["if"], "if")
	if v := f["skip"]; v != nil {
		m.loadSkips(l, v)
	}
	for i, t := range l.strs(f["also"], "also") {
		if !nameOK(t) {
			l.fail(f["also"], fmt.Sprintf("also[%d]", i), "%q is not a type name", t)
		}
		m.Also = append(m.Also, t)
	}
	if v := f["split"]; v != nil {
		sf := l.fields(v, "split", "list", "id")
		m.splitKey, m.splitID = l.str(sf["list"], "split.list"), l.str(sf["id"], "split.id")
		if !splitName.MatchString(m.splitKey) || !splitName.MatchString(m.splitID) {
			l.fail(v, "split", "needs list and id: the key of a list at the record's root and the key of each element's id, such as {list: returns, id: uid}")
		}
	}
	if v := f["saleKeepsReturns"]; v != nil {
		m.keepsReturns = l.boolean(v, "saleKeepsReturns")
	}
	if v := f["wholeOrder"]; v != nil {
		m.whole = l.ifCond(v, "wholeOrder")
		if m.Role != ontology.RoleRefund {
			l.fail(v, "wholeOrder", "only a refund gives back its whole order (role is %s)", m.Role)
		}
	}
	if v := f["wholeOutcome"]; v != nil {
		m.wholeOutcome = l.spec(v, "wholeOutcome")
		if m.whole == nil {
			l.fail(v, "wholeOutcome", "says what became of the goods of a refund of the whole order: it needs wholeOrder")
		}
	}
	if v := f["countedRefunds"]; v != nil {
		cf := l.fields(v, "countedRefunds", "list", "id")
		m.countedList, m.countedID = l.str(cf["list"], "countedRefunds.list"), l.str(cf["id"], "countedRefunds.id")
		if !splitName.MatchString(m.countedList) || !splitName.MatchString(m.countedID) {
			l.fail(v, "countedRefunds", "needs list and id: the key of the list of refunds at the record's root and the key of each refund's id, such as {list: refunds, id: id}")
		}
	}
	m.Description = l.str(f["description"], "description")
	m.Format = JSON
	if v := f["format"]; v != nil {
		m.Format = Format(l.oneOf(v, "format", formats))
	}
	if v := f["delimiter"]; v != nil {
		r := []rune(l.str(v, "delimiter"))
		switch {
		case m.Format != CSV:
			l.fail(v, "delimiter", "only CSV has a delimiter (format is %s)", m.Format)
		case len(r) != 1 || r[0] == '"' || r[0] == '\r' || r[0] == '\n' || r[0] == unicode.ReplacementChar:
			l.fail(v, "delimiter", "want one character such as \";\" or \"\\t\", got %q", string(r))
		default:
			m.Decode.Comma = r[0]
		}
	}
	if v := f["groupBy"]; v != nil {
		m.Decode.GroupBy = l.str(v, "groupBy")
		if m.Format != CSV {
			l.fail(v, "groupBy", "only CSV rows can be grouped (format is %s)", m.Format)
		}
	}
	for i, r := range l.strs(f["records"], "records") {
		field := fmt.Sprintf("records[%d]", i)
		keys := strings.Split(r, ".")
		switch {
		case m.Format != JSON:
			l.fail(f["records"], field, "only a JSON answer holds its records in a list (format is %s)", m.Format)
		case !listPath.MatchString(r):
			l.fail(f["records"], field, "want the keys of the list, such as orders or data.trackings, got %q", r)
		default:
			m.Decode.Lists = append(m.Decode.Lists, keys)
		}
	}
	for i, u := range l.strs(f["unwrap"], "unwrap") {
		p, err := parsePath(u)
		if err == nil && !p.single {
			err = fmt.Errorf("path %q reaches several values; unwrap descends into one object", u)
		}
		if err != nil {
			l.fail(f["unwrap"], fmt.Sprintf("unwrap[%d]", i), "%v", err)
			continue
		}
		m.unwrap = append(m.unwrap, &p)
	}
	m.extID = l.plain(req("externalId", "the path of the source's own id, such as id"), "externalId")
	m.loadVerb(l, req("verb", "the source status and how it maps to a business verb"))
	m.status = l.plain(f["status"], "status")
	m.when = l.time(req("occurredAt", "when the business action happened, such as {path: created_at, time: rfc3339}"), "occurredAt")
	m.srcTime = l.time(f["sourceTime"], "sourceTime")
	m.srcVersion = l.plain(f["sourceVersion"], "sourceVersion")
	if m.srcTime != nil {
		l.notConst(f["sourceTime"], "sourceTime", m.srcTime.spec)
	}
	l.notConst(f["sourceVersion"], "sourceVersion", m.srcVersion)
	if n := f["sourceProgress"]; n != nil {
		if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
			l.fail(n, "sourceProgress", "want a list of value specs, each a whole number the source only ever raises, such as [amount_captured, amount_refunded]")
		} else {
			for i, e := range n.Content {
				field := fmt.Sprintf("sourceProgress[%d]", i)
				s := l.plain(e, field)
				l.notConst(e, field, s)
				m.srcProgress = append(m.srcProgress, s)
			}
		}
	}
	m.dir, _ = l.words(f["direction"], "direction", "direction", directions)
	m.channel, _ = l.words(f["channel"], "channel", "channel", channels)
	m.total = l.money(f["total"], "total")
	m.fee = l.money(f["fee"], "fee")
	m.rate = l.plain(f["exchangeRate"], "exchangeRate")
	m.due = l.time(f["dueAt"], "dueAt")
	if v := f["location"]; v != nil {
		m.loc = l.location(v, "location")
	}
	if v := f["parties"]; v != nil {
		m.loadParties(l, v)
	}
	if v := f["lines"]; v != nil {
		m.lines = l.lines(v)
	}
	if v := f["refs"]; v != nil {
		m.loadRefs(l, v)
	}
	if v := f["notes"]; v != nil {
		m.loadNotes(l, v)
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// notConst refuses a constant clock: every version would carry the same one, which
// orders nothing and reads as if it did.
func (l *loader) notConst(n *yaml.Node, field string, s *spec) {
	if s != nil && s.konst != nil {
		l.fail(n, field, "a constant clock orders nothing: give the path of the source's own field, or leave %s out to order versions by arrival", field)
	}
}

// name reads a system or type name: what the webhook URL and seam ingest use.
func (l *loader) name(n *yaml.Node, field string) string {
	v := l.str(n, field)
	if n != nil && !nameOK(v) {
		l.fail(n, field, "%q must be 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit", v)
	}
	return v
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

// loadRole reads role: a role's name, or {rules: [...], default: <role>} where the
// record decides (a Square order for shipping is an order, one rung up a POS sale).
func (m *Mapping) loadRole(l *loader, n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		m.Role = ontology.Role(l.oneOf(n, "role", roleNames))
		return
	}
	f := l.fields(n, "role", "rules", "default")
	if f["default"] == nil {
		l.fail(n, "role", "needs default: the role of a record no rule picks")
	}
	m.Role = ontology.Role(l.oneOf(f["default"], "role.default", roleNames))
	rules := f["rules"]
	if rules == nil || rules.Kind != yaml.SequenceNode {
		l.fail(n, "role.rules", "want a list of rules, such as - { when: \"fulfillments[type=SHIPMENT].type\", present: true, role: order }")
		return
	}
	l.rules(rules, "role", roleNames, func(c *cond, v string) {
		m.roleRules = append(m.roleRules, roleRule{cond: c, role: ontology.Role(v)})
	})
}

// rules reads a list of rules, each { when: <spec>, <test>, <key>: <one of allowed> },
// handing each its compiled test and value. key is verb or role.
func (l *loader) rules(rules *yaml.Node, key string, allowed []string, add func(*cond, string)) {
	for i, r := range rules.Content {
		field := fmt.Sprintf("%s.rules[%d]", key, i)
		rf := l.fields(r, field, append([]string{"when", key}, testKeys...)...)
		if r.Kind != yaml.MappingNode {
			continue
		}
		if rf["when"] == nil || rf[key] == nil {
			l.fail(r, field, "a rule needs when (the value tested), a test and %s", key)
		}
		c := l.condition(l.spec(rf["when"], field+".when"), rf, r, field)
		add(c, l.oneOf(rf[key], field+"."+key, allowed))
	}
}

// loadSkips reads skip: a list of { when: <spec>, <test>, why: <text> }.
func (m *Mapping) loadSkips(l *loader, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "skip", "want a list of tests, such as - { when: docstatus, equals: \"0\", why: \"a draft books nothing\" }")
		return
	}
	for i, r := range n.Content {
		field := fmt.Sprintf("skip[%d]", i)
		rf := l.fields(r, field, append([]string{"when", "why"}, testKeys...)...)
		if r.Kind != yaml.MappingNode {
			continue
		}
		why := l.str(rf["why"], field+".why")
		if rf["when"] == nil || strings.TrimSpace(why) == "" {
			l.fail(r, field, "a skip needs when (the value tested), a test and why (the reason people read)")
		}
		m.skips = append(m.skips, skipRule{cond: l.condition(l.spec(rf["when"], field+".when"), rf, r, field), why: why})
	}
}

func (m *Mapping) loadVerb(l *loader, n *yaml.Node) {
	if n == nil {
		return
	}
	s, f := l.words(n, "verb", "business verb", verbNames, "rules")
	m.verb = s
	rules := f["rules"]
	if rules == nil {
		return
	}
	if rules.Kind != yaml.SequenceNode {
		l.fail(rules, "verb.rules", "want a list of rules, such as - { when: cancelled_at, present: true, verb: cancelled }")
		return
	}
	l.rules(rules, "verb", verbNames, func(c *cond, v string) {
		m.rules = append(m.rules, verbRule{cond: c, verb: ontology.Verb(v)})
	})
}

// location reads a location spec at field: the document's (location) or a line's
// (lines.location, lines.rejectedLocation).
func (l *loader) location(n *yaml.Node, field string) *locationSpec {
	f := l.fields(n, field, "system", "code", "name", "address")
	ls := &locationSpec{code: l.plain(f["code"], field+".code"), name: l.plain(f["name"], field+".name"),
		address: l.plain(f["address"], field+".address")}
	if n.Kind == yaml.MappingNode && f["code"] == nil {
		l.fail(n, field, "needs a code: the store or warehouse id as the source names it ({const: online} for a web shop)")
	}
	if v := f["system"]; v != nil && v.Kind == yaml.ScalarNode {
		if ls.system = l.str(v, field+".system"); !nameOK(ls.system) {
			l.fail(v, field+".system", "%q is not a system name (lower-case letters, digits, '-' or '_')", ls.system)
		}
	} else if v != nil {
		ls.systemSpec = l.plain(v, field+".system")
	}
	return ls
}

func (m *Mapping) loadParties(l *loader, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "parties", "want a list of parties, such as - { role: customer, name: customer.name }")
		return
	}
	for i, p := range n.Content {
		field := fmt.Sprintf("parties[%d]", i)
		f := l.fields(p, field, partyKeys...)
		if p.Kind != yaml.MappingNode {
			continue
		}
		ps := partySpec{role: ontology.PartyRole(l.oneOf(f["role"], field+".role", partyRoles))}
		if f["role"] == nil {
			l.fail(p, field, "needs a role (%s)", strings.Join(partyRoles, ", "))
		}
		ps.each = l.each(f["each"], field+".each")
		ps.cond = l.ifCond(f["if"], field+".if")
		sp := func(k string) *spec { return l.plain(f[k], field+"."+k) }
		ps.extID, ps.name, ps.email, ps.phone = sp("externalId"), sp("name"), sp("email"), sp("phone")
		ps.taxID, ps.country, ps.address, ps.legalRep = sp("taxId"), sp("country"), sp("address"), sp("legalRep")
		ps.given, ps.family, ps.birth = sp("givenName"), sp("familyName"), sp("birthDate")
		ps.nationalID, ps.loyalty, ps.bank, ps.org = sp("nationalId"), sp("loyaltyId"), sp("bankAccount"), sp("organization")
		ps.number, ps.street, ps.line2 = sp("houseNumber"), sp("street"), sp("addressLine2")
		ps.locality, ps.postcode, ps.region = sp("locality"), sp("postcode"), sp("region")
		if ps.extID == nil && ps.name == nil && ps.email == nil && ps.phone == nil && ps.taxID == nil &&
			ps.given == nil && ps.family == nil && ps.nationalID == nil && ps.loyalty == nil {
			l.fail(p, field, "needs at least one of externalId, name, givenName, familyName, email, phone, taxId, nationalId or loyaltyId")
		}
		m.parties = append(m.parties, ps)
	}
}

func (l *loader) lines(n *yaml.Node) *linesSpec {
	f := l.fields(n, "lines", lineKeys...)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	ls := &linesSpec{each: l.each(f["each"], "lines.each"), cond: l.ifCond(f["if"], "lines.if")}
	if f["each"] == nil {
		l.fail(n, "lines", "needs each: the path of the goods lines, such as line_items[*]")
	}
	if f["qty"] == nil {
		l.fail(n, "lines", "needs qty: the path of each line's quantity")
	}
	sp := func(k string) *spec { return l.plain(f[k], "lines."+k) }
	ls.sku, ls.gtin, ls.hs, ls.extID, ls.title = sp("sku"), sp("gtin"), sp("hsCode"), sp("externalId"), sp("title")
	ls.unit, ls.lot, ls.model, ls.row = sp("unit"), sp("lot"), sp("model"), sp("row")
	if ls.sku == nil && ls.gtin == nil && ls.extID == nil && ls.title == nil && ls.model == nil && f["each"] != nil {
		l.fail(n, "lines", "needs sku, gtin, externalId, title or model: a line must name its product")
	}
	ls.qty, ls.expected, ls.rejected = l.qty(f["qty"], "lines.qty"), l.qty(f["expectedQty"], "lines.expectedQty"), l.qty(f["rejectedQty"], "lines.rejectedQty")
	ls.expires = l.time(f["expiresAt"], "lines.expiresAt")
	ls.price = l.money(f["unitPrice"], "lines.unitPrice")
	// notStock: one test, or a list of tests of which any marks the line.
	if v := f["notStock"]; v != nil && v.Kind == yaml.SequenceNode {
		for i, c := range v.Content {
			ls.notStock = append(ls.notStock, l.ifCond(c, fmt.Sprintf("lines.notStock[%d]", i)))
		}
	} else if v != nil {
		ls.notStock = append(ls.notStock, l.ifCond(v, "lines.notStock"))
	}
	ls.outcome, _ = l.words(f["outcome"], "lines.outcome", "refund line outcome", outcomes)
	ls.keepsRefunds = l.ifCond(f["keepsRefunds"], "lines.keepsRefunds")
	if v := f["location"]; v != nil {
		ls.loc = l.location(v, "lines.location")
	}
	if v := f["rejectedLocation"]; v != nil {
		ls.rejectedLoc = l.location(v, "lines.rejectedLocation")
	}
	ls.lots = l.lotsSpec(f["lots"], "lines.lots")
	ls.rejectedLots = l.lotsSpec(f["rejectedLots"], "lines.rejectedLots")
	return ls
}

// lotsSpec loads a lots: or rejectedLots: entry (nil when absent).
func (l *loader) lotsSpec(v *yaml.Node, where string) *lotsSpec {
	if v == nil {
		return nil
	}
	lf := l.fields(v, where, "each", "lot", "qty")
	if v.Kind == yaml.MappingNode && (lf["each"] == nil || lf["lot"] == nil || lf["qty"] == nil) {
		l.fail(v, where, "needs each (the list in the line naming its lots), lot and qty (of each element)")
	}
	return &lotsSpec{each: l.each(lf["each"], where+".each"), lot: l.plain(lf["lot"], where+".lot"),
		qty: l.qty(lf["qty"], where+".qty"), where: strings.TrimPrefix(where, "lines.")}
}

func (m *Mapping) loadNotes(l *loader, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "notes", "want a list of free-text fields, such as - { field: reference, path: reference_id }")
		return
	}
	seen := map[string]bool{}
	for i, r := range n.Content {
		field := fmt.Sprintf("notes[%d]", i)
		f := l.fields(r, field, noteKeys...)
		if r.Kind != yaml.MappingNode {
			continue
		}
		ns := noteSpec{each: l.each(f["each"], field+".each"), cond: l.ifCond(f["if"], field+".if")}
		if v := f["field"]; v == nil || v.Kind != yaml.ScalarNode || !noteField.MatchString(v.Value) {
			l.fail(r, field, "needs field: a lower-case name for the text (reference, note, remarks), which tenants use to choose what is searched")
		} else {
			ns.field = v.Value
			if seen[ns.field] {
				l.fail(v, field+".field", "%q is named twice", ns.field)
			}
			seen[ns.field] = true
		}
		ns.value = l.specWith(r, field, specKeys, f)
		m.notes = append(m.notes, ns)
	}
}

func (m *Mapping) loadRefs(l *loader, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "refs", "want a list of references, such as - { kind: order_number, path: name, transform: orderNumber }")
		return
	}
	for i, r := range n.Content {
		field := fmt.Sprintf("refs[%d]", i)
		f := l.fields(r, field, refKeys...)
		if r.Kind != yaml.MappingNode {
			continue
		}
		rs := refSpec{kind: ontology.RefKind(l.oneOf(f["kind"], field+".kind", refKinds))}
		if f["kind"] == nil {
			l.fail(r, field, "needs a kind (%s)", strings.Join(refKinds, ", "))
		}
		rs.each = l.each(f["each"], field+".each")
		rs.cond = l.ifCond(f["if"], field+".if")
		if v := f["scope"]; v != nil {
			if v.Kind == yaml.ScalarNode && v.Value == "$system" {
				rs.scopeSystem = true
			} else {
				rs.scopeSpec = l.plain(v, field+".scope")
			}
		}
		rs.value = l.specWith(r, field, specKeys, f)
		m.refs = append(m.refs, rs)
	}
}
