package resolver_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

var t0 = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)

type fixture struct {
	t      *testing.T
	ctx    context.Context
	store  *neo4jstore.Store
	tenant string
	m      *resolver.Matcher
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	s := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	reg := resolver.NewRegistry([]resolver.LocationAlias{
		{Tenant: tenant, System: "meituan", Code: "SH-PD-003", Location: "STORE-SH-01"},
		{Tenant: tenant, System: "square", Code: "L2K8", Location: "STORE-SH-01"},
	}, nil)
	return &fixture{t: t, ctx: context.Background(), store: s, tenant: tenant, m: resolver.NewMatcher(s, reg, nil)}
}

func (f *fixture) doc(system, typ, id string, role ontology.Role, verb ontology.Verb, at time.Time, loc string, refs []ontology.Ref, lines ...ontology.Line) ontology.Document {
	d := ontology.Document{
		Key:  ontology.DocKey{Tenant: f.tenant, System: system, Type: typ, ExternalID: id},
		Role: role, Verb: verb, OccurredAt: at, Refs: refs, Lines: lines,
	}
	if loc != "" {
		d.Location = &ontology.LocationRef{System: system, Code: loc}
	}
	return d
}

func (f *fixture) save(docs ...ontology.Document) {
	f.t.Helper()
	envs := make([]ontology.Envelope, len(docs))
	for i, d := range docs {
		raw, _ := json.Marshal(d)
		envs[i] = ontology.Envelope{Doc: d, Raw: raw, Format: "json", Via: "test"}
	}
	if _, err := f.store.SaveDocuments(f.ctx, envs); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) process() resolver.Stats {
	f.t.Helper()
	st, err := f.m.Process(f.ctx, f.tenant, 500)
	if err != nil {
		f.t.Fatal(err)
	}
	return st
}

func (f *fixture) eventOf(system, typ, id string) string {
	f.t.Helper()
	d, err := f.store.Document(f.ctx, ontology.DocKey{Tenant: f.tenant, System: system, Type: typ, ExternalID: id})
	if err != nil || d == nil {
		f.t.Fatalf("document %s/%s/%s: %v", system, typ, id, err)
	}
	return d.EventID
}

// stock sums the ledger per cell and bucket.
func (f *fixture) stock() map[string]string {
	f.t.Helper()
	tot, err := f.store.Totals(f.ctx, f.tenant)
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range tot {
		for b, q := range map[string]ontology.Qty{"onHand": s.OnHand, "reserved": s.Reserved, "incoming": s.Incoming} {
			if q != 0 {
				out[fmt.Sprintf("%s@%s/%s", s.SKU, s.Location, b)] = q.String()
			}
		}
	}
	return out
}

func line(sku string, n int64) ontology.Line { return ontology.Line{SKU: sku, Qty: ontology.Units(n)} }

func ref(k ontology.RefKind, v string) ontology.Ref { return ontology.Ref{Kind: k, Value: v} }

func TestSharedKeyMakesOneEvent(t *testing.T) {
	f := newFixture(t)
	order := f.doc("shopify", "order", "5820193847261", ontology.RoleOrder, ontology.VerbPaid, t0, "online",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "1047")}, line("TEA", 2))
	f.save(order)
	if st := f.process(); st.Created != 1 || len(st.Movements) != 1 {
		t.Fatalf("first document: %+v", st)
	}
	track := f.doc("aftership", "tracking", "trk-1", ontology.RoleTracking, ontology.VerbShipped, t0.Add(time.Hour), "",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "1047"), ref(ontology.RefTracking, "1Z999AA10123456784")})
	f.save(track)
	st := f.process()
	if st.Joined != 1 || st.Created != 0 {
		t.Fatalf("tracking: %+v", st)
	}
	ev := f.eventOf("shopify", "order", "5820193847261")
	if ev == "" || ev != f.eventOf("aftership", "tracking", "trk-1") {
		t.Fatalf("tracking not in the order's event")
	}
	// Shipping released the reservation and took the goods from on hand.
	want := map[string]string{"TEA@shopify:online/onHand": "-2"}
	if got := f.stock(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("stock = %v, want %v", got, want)
	}
	d, err := f.store.EventDetail(f.ctx, f.tenant, ev)
	if err != nil {
		t.Fatal(err)
	}
	// Reserved, then on hand out, reserved back, and in transit (no delivery yet).
	if d.Event.Kind != ontology.KindSale || len(d.Sources) != 2 || len(d.Movements) != 4 {
		t.Fatalf("event detail = %+v", d)
	}
	for _, s := range d.Sources {
		if s.Key.System == "aftership" && (s.Evidence.Rule != "shared-key" || len(s.Evidence.Keys) != 1 || s.Evidence.Keys[0] != "order_number:1047") {
			t.Fatalf("tracking evidence = %+v", s.Evidence)
		}
	}
}

func TestLateDocumentMergesTwoEventsAndStockIsRight(t *testing.T) {
	f := newFixture(t)
	// A Meituan delivery order and the same sale rung up at the POS 40 minutes later,
	// each its own event at first: they share no key, and the time is too far apart for
	// content matching to link them.
	mt := f.doc("meituan", "order", "27061900338318741", ontology.RoleOrder, ontology.VerbDelivered, t0, "SH-PD-003",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "27061900338318741")}, line("LATTE", 2))
	pos := f.doc("square", "order", "q7Lm3X", ontology.RolePOS, ontology.VerbPaid, t0.Add(40*time.Minute), "L2K8",
		[]ontology.Ref{ref(ontology.RefOrderID, "q7Lm3X")}, line("LATTE", 2))
	f.save(mt, pos)
	if st := f.process(); st.Created != 2 {
		t.Fatalf("two unrelated documents: %+v", st)
	}
	if got := f.stock()["LATTE@STORE-SH-01/onHand"]; got != "-4" {
		t.Fatalf("before the merge the sale counts twice: %v", got)
	}
	first := f.eventOf("meituan", "order", "27061900338318741")
	// The Square payment names both the POS order and the Meituan order number.
	pay := f.doc("square", "payment", "pay-1", ontology.RolePayment, ontology.VerbPaid, t0.Add(41*time.Minute), "",
		[]ontology.Ref{ref(ontology.RefOrderID, "q7Lm3X"), ref(ontology.RefOrderNumber, "27061900338318741")})
	f.save(pay)
	if st := f.process(); st.Merged != 1 {
		t.Fatalf("late payment: %+v", st)
	}
	ev := f.eventOf("square", "order", "q7Lm3X")
	if ev != first || f.eventOf("square", "payment", "pay-1") != first {
		t.Fatalf("survivor is not the oldest event: %s vs %s", ev, first)
	}
	if got := f.stock(); got["LATTE@STORE-SH-01/onHand"] != "-2" || len(got) != 1 {
		t.Fatalf("after the merge the sale counts once: %v", got)
	}
	// The absorbed id still resolves, to the survivor.
	absorbed := resolver.EventID(ontology.DocKey{Tenant: f.tenant, System: "square", Type: "order", ExternalID: "q7Lm3X"}.UID())
	d, err := f.store.EventDetail(f.ctx, f.tenant, absorbed)
	if err != nil || d == nil || d.Event.ID != first || len(d.MergedFrom) != 1 || d.MergedFrom[0] != absorbed {
		t.Fatalf("absorbed id resolves to %+v, %v", d, err)
	}
}

func TestNewVersionReplansItsEvent(t *testing.T) {
	f := newFixture(t)
	o := f.doc("shopify", "order", "1", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("MUG", 1))
	f.save(o)
	f.process()
	o.Verb = ontology.VerbCancelled
	o.Status = "cancelled"
	f.save(o)
	st := f.process()
	if st.Created != 0 || len(st.Movements) != 1 {
		t.Fatalf("cancellation: %+v", st)
	}
	if got := f.stock(); len(got) != 0 {
		t.Fatalf("a cancelled order still holds stock: %v", got)
	}
	// Storing the same version again changes nothing.
	f.save(o)
	if st := f.process(); st.Documents != 0 {
		t.Fatalf("a repeat was resolved again: %+v", st)
	}
}

func TestPayoutDoesNotChainSales(t *testing.T) {
	f := newFixture(t)
	var docs []ontology.Document
	for i := 1; i <= 2; i++ {
		ch := fmt.Sprintf("ch_%d", i)
		docs = append(docs,
			f.doc("stripe", "charge", ch, ontology.RolePayment, ontology.VerbPaid, t0, "", []ontology.Ref{ref(ontology.RefPayment, ch)}),
			f.doc("stripe", "balance_transaction", fmt.Sprintf("txn_%d", i), ontology.RoleSettlement, ontology.VerbSettled, t0, "",
				[]ontology.Ref{ref(ontology.RefPayment, ch), ref(ontology.RefBalanceTxn, fmt.Sprintf("txn_%d", i)), ref(ontology.RefPayout, "po_1")}))
	}
	docs = append(docs, f.doc("stripe", "payout", "po_1", ontology.RolePayout, ontology.VerbSettled, t0.Add(48*time.Hour), "",
		[]ontology.Ref{ref(ontology.RefPayout, "po_1")}))
	f.save(docs...)
	f.process()
	a, b, p := f.eventOf("stripe", "charge", "ch_1"), f.eventOf("stripe", "charge", "ch_2"), f.eventOf("stripe", "payout", "po_1")
	if a == b || a == p || b == p {
		t.Fatalf("a payout chained its charges into one event: %s %s %s", a, b, p)
	}
	if f.eventOf("stripe", "balance_transaction", "txn_1") != a {
		t.Fatal("a balance transaction did not join its charge")
	}
}

func TestProcessedTwiceIsIdempotent(t *testing.T) {
	f := newFixture(t)
	f.save(f.doc("square", "order", "x", ontology.RolePOS, ontology.VerbPaid, t0, "L2K8", nil, line("A", 1)))
	f.process()
	before := f.stock()
	if st := f.process(); st.Documents != 0 || len(st.Movements) != 0 {
		t.Fatalf("second run did work: %+v", st)
	}
	if after := f.stock(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("stock changed: %v -> %v", before, after)
	}
}

func TestMarketplaceOrderRungUpAtPOSWithoutKey(t *testing.T) {
	f := newFixture(t)
	mt := f.doc("meituan", "order", "27061900338318741", ontology.RoleOrder, ontology.VerbDelivered, t0, "SH-PD-003",
		[]ontology.Ref{ref(ontology.RefOrderID, "27061900338318741")}, line("LATTE", 2), line("CROISSANT", 1))
	f.save(mt)
	f.process()
	// Rung up two minutes later at the same store, same items, no shared key.
	pos := f.doc("square", "order", "q7Lm3X", ontology.RolePOS, ontology.VerbPaid, t0.Add(2*time.Minute), "L2K8",
		[]ontology.Ref{ref(ontology.RefOrderID, "q7Lm3X")}, line("CROISSANT", 1), line("LATTE", 2))
	// And an unrelated walk-in sale with the same basket an hour later.
	walkIn := f.doc("square", "order", "w4Lk1n", ontology.RolePOS, ontology.VerbPaid, t0.Add(70*time.Minute), "L2K8",
		[]ontology.Ref{ref(ontology.RefOrderID, "w4Lk1n")}, line("CROISSANT", 1), line("LATTE", 2))
	f.save(pos, walkIn)
	st := f.process()
	if st.Joined != 1 || st.Created != 1 {
		t.Fatalf("resolution: %+v", st)
	}
	ev := f.eventOf("meituan", "order", "27061900338318741")
	if f.eventOf("square", "order", "q7Lm3X") != ev {
		t.Fatal("the POS ring-up did not join the Meituan order")
	}
	if f.eventOf("square", "order", "w4Lk1n") == ev {
		t.Fatal("an unrelated sale an hour later joined")
	}
	d, err := f.store.EventDetail(f.ctx, f.tenant, ev)
	if err != nil {
		t.Fatal(err)
	}
	var e resolver.Evidence
	for _, s := range d.Sources {
		if s.Key.System == "square" {
			e = s.Evidence
		}
	}
	if e.Rule != "content" || e.Score < resolver.DefaultWeights().Accept || len(e.Fields) < 2 || e.Fields[1].Field != "time" {
		t.Fatalf("evidence = %+v", e)
	}
	// Two sales happened, not three: the delivery counts once.
	if got := f.stock(); got["LATTE@STORE-SH-01/onHand"] != "-4" || got["CROISSANT@STORE-SH-01/onHand"] != "-2" {
		t.Fatalf("stock = %v", got)
	}

	t.Run("a person rejects the match; stock is compensated and it stays apart", func(t *testing.T) {
		key := ontology.DocKey{Tenant: f.tenant, System: "square", Type: "order", ExternalID: "q7Lm3X"}
		dec, err := f.m.Reject(f.ctx, f.tenant, key, ev, "auditor")
		if err != nil {
			t.Fatal(err)
		}
		if dec.EventID == ev || dec.Other != ev || len(dec.Movements) == 0 {
			t.Fatalf("reject = %+v", dec)
		}
		if got := f.stock(); got["LATTE@STORE-SH-01/onHand"] != "-6" {
			t.Fatalf("after reject the ring-up is its own sale: %v", got)
		}
		// A new version of the POS document is resolved again: it must not rejoin.
		pos.Status = "COMPLETED"
		f.save(pos)
		f.process()
		if f.eventOf("square", "order", "q7Lm3X") == ev {
			t.Fatal("the resolver overturned a person's decision")
		}
		if _, err := f.m.Reject(f.ctx, f.tenant, key, ev, "auditor"); !errors.Is(err, resolver.ErrNotMember) {
			t.Fatalf("rejecting again: %v", err)
		}
	})
}

func TestConfirmMergesAndCorrectsStock(t *testing.T) {
	f := newFixture(t)
	mt := f.doc("meituan", "order", "1", ontology.RoleOrder, ontology.VerbDelivered, t0, "SH-PD-003", nil, line("LATTE", 1))
	pos := f.doc("square", "order", "p1", ontology.RolePOS, ontology.VerbPaid, t0.Add(25*time.Minute), "L2K8", nil, line("LATTE", 1))
	f.save(mt, pos)
	f.process()
	a, b := f.eventOf("meituan", "order", "1"), f.eventOf("square", "order", "p1")
	if a == b {
		t.Fatal("25 minutes apart should not auto-link")
	}
	if got := f.stock()["LATTE@STORE-SH-01/onHand"]; got != "-2" {
		t.Fatalf("before confirm: %v", got)
	}
	dec, err := f.m.Confirm(f.ctx, f.tenant, ontology.DocKey{Tenant: f.tenant, System: "square", Type: "order", ExternalID: "p1"}, a, "manager")
	if err != nil {
		t.Fatal(err)
	}
	if dec.EventID != a || f.eventOf("square", "order", "p1") != a {
		t.Fatalf("confirm = %+v", dec)
	}
	if got := f.stock()["LATTE@STORE-SH-01/onHand"]; got != "-1" {
		t.Fatalf("after confirm the sale counts once: %v", got)
	}
	two := f.doc("meituan", "order", "2", ontology.RoleOrder, ontology.VerbDelivered, t0, "SH-PD-003", nil, line("TEA", 1))
	f.save(two)
	f.process()
	_, err = f.m.Confirm(f.ctx, f.tenant, ontology.DocKey{Tenant: f.tenant, System: "meituan", Type: "order", ExternalID: "2"}, a, "manager")
	if !errors.Is(err, resolver.ErrConflict) {
		t.Fatalf("two orders in one event: %v", err)
	}
}

func TestProductsResolveAcrossSpellingsAndGTIN(t *testing.T) {
	f := newFixture(t)
	// The warehouse receipt names the product with SKU and GTIN; the marketplace with the
	// SKU in its own spelling; the other marketplace with the GTIN only.
	receipt := f.doc("erpnext", "receipt", "MAT-PRE-1", ontology.RoleReceipt, ontology.VerbReceived, t0, "WH",
		nil, ontology.Line{SKU: "TEA-OOL-250G", GTIN: "9501101530003", Qty: ontology.Units(10)})
	mt := f.doc("meituan", "order", "m1", ontology.RoleOrder, ontology.VerbDelivered, t0.Add(time.Hour), "WH",
		nil, ontology.Line{SKU: "tea_ool_250g", Qty: ontology.Units(1)})
	dy := f.doc("douyin", "order", "d1", ontology.RoleOrder, ontology.VerbDelivered, t0.Add(2*time.Hour), "WH",
		nil, ontology.Line{GTIN: "09501101530003", ExternalID: "3579", Qty: ontology.Units(2)})
	f.save(receipt)
	f.process()
	f.save(mt, dy)
	f.process()
	tot, err := f.store.Totals(f.ctx, f.tenant)
	if err != nil {
		t.Fatal(err)
	}
	var sum ontology.Qty
	for _, s := range tot {
		if s.SKU != "TEA-OOL-250G" {
			t.Fatalf("a second product appeared: %+v", s)
		}
		sum += s.OnHand
	}
	if sum != ontology.Units(7) {
		t.Fatalf("on hand over all locations = %s, want 7 (10 in, 3 out)", sum)
	}
	sku, err := f.store.CanonicalSKU(f.ctx, f.tenant, "Tea-Ool-250g")
	if err != nil || sku != "TEA-OOL-250G" {
		t.Fatalf("canonical SKU = %q, %v", sku, err)
	}
}

func TestPartiesAcrossSystems(t *testing.T) {
	f := newFixture(t)
	party := func(role ontology.PartyRole, name, email, phone, tax, country string) ontology.PartyRef {
		return ontology.PartyRef{Role: role, Name: name, Email: email, Phone: phone, TaxID: tax, Country: country}
	}
	docs := []ontology.Document{
		f.doc("shopify", "order", "s1", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)),
		f.doc("woocommerce", "order", "w1", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)),
		f.doc("china-customs", "declaration", "531620251000123456", ontology.RoleDeclaration, ontology.VerbDeclared, t0, "", nil, line("A", 100)),
		f.doc("erpnext", "receipt", "MAT-PRE-1", ontology.RoleReceipt, ontology.VerbReceived, t0, "WH", nil, line("A", 100)),
		f.doc("china-customs", "declaration", "531620251000123457", ontology.RoleDeclaration, ontology.VerbDeclared, t0, "", nil, line("A", 5)),
		f.doc("meituan", "order", "m1", ontology.RoleOrder, ontology.VerbPaid, t0, "SH-PD-003", nil, line("A", 1)),
		f.doc("meituan", "order", "m2", ontology.RoleOrder, ontology.VerbPaid, t0, "SH-PD-003", nil, line("B", 1)),
	}
	docs[0].Parties = []ontology.PartyRef{party(ontology.PartyCustomer, "Mei Lin", "mei.lin@example.com", "+8613900001111", "", "CN")}
	docs[1].Parties = []ontology.PartyRef{party(ontology.PartyCustomer, "LIN Mei", "MEI.LIN@example.com ", "", "", "CN")}
	docs[2].Parties = []ontology.PartyRef{party(ontology.PartySupplier, "深圳市示例贸易有限公司", "", "0755-88886666", "91440300MA5F3K2W13", "CN")}
	docs[3].Parties = []ontology.PartyRef{party(ontology.PartySupplier, "示例贸易", "", "", "", "CN")}
	// Another legal entity (another credit code) with the same phone: related, not one.
	docs[4].Parties = []ontology.PartyRef{party(ontology.PartySupplier, "深圳市样本科技有限公司", "", "0755-88886666", "91440300MA5F3K2X06", "CN")}
	// Two customers behind Meituan privacy numbers of one virtual line: never one.
	docs[5].Parties = []ontology.PartyRef{party(ontology.PartyCustomer, "王", "", "13812345678_1234", "", "CN")}
	docs[6].Parties = []ontology.PartyRef{party(ontology.PartyCustomer, "李", "", "13812345678_1234", "", "CN")}
	f.save(docs...)
	f.process()
	of := func(system, typ, id string) resolver.DocumentParty {
		ps, err := f.store.DocumentParties(f.ctx, ontology.DocKey{Tenant: f.tenant, System: system, Type: typ, ExternalID: id})
		if err != nil || len(ps) != 1 {
			t.Fatalf("parties of %s/%s: %+v %v", system, id, ps, err)
		}
		return ps[0]
	}
	if a, b := of("shopify", "order", "s1"), of("woocommerce", "order", "w1"); a.PartyID != b.PartyID {
		t.Errorf("same e-mail, two parties: %s %s", a.PartyID, b.PartyID)
	}
	sup := of("china-customs", "declaration", "531620251000123456")
	if r := of("erpnext", "receipt", "MAT-PRE-1"); r.PartyID != sup.PartyID {
		t.Errorf("company with and without place and legal form: %s %s", sup.PartyID, r.PartyID)
	}
	other := of("china-customs", "declaration", "531620251000123457")
	if other.PartyID == sup.PartyID {
		t.Error("two credit codes merged through a shared phone")
	}
	if len(other.Related) != 1 || other.Related[0] != sup.PartyID {
		t.Errorf("shared phone not kept as RELATED: %+v", other)
	}
	if of("meituan", "order", "m1").PartyID == of("meituan", "order", "m2").PartyID {
		t.Error("a privacy number joined two customers")
	}
}

// TestCustomsReceiptAndPurchaseOrderAreOneArrival: the supplier's PO, the import
// declaration and the warehouse's receipt (and the ERP's copy of it) describe one arrival;
// declared 1,000 but received 980 is one receipt event of 980 with a discrepancy of 20.
func TestCustomsReceiptAndPurchaseOrderAreOneArrival(t *testing.T) {
	f := newFixture(t)
	qty := func(n int64) *ontology.Qty { q := ontology.Units(n); return &q }
	decl := f.doc("china-customs", "declaration", "531620251000123456", ontology.RoleDeclaration, ontology.VerbDeclared, t0, "",
		[]ontology.Ref{ref(ontology.RefEntry, "531620251000123456"), ref(ontology.RefPO, "PO-2025-00381"), ref(ontology.RefBL, "COSU6201234567"),
			ref(ontology.RefContainer, "MSKU1234565")},
		ontology.Line{SKU: "TEA-OOL-250G", Qty: ontology.Units(1000), Lot: "B250112"})
	decl.Direction = "inbound"
	wro := f.doc("shipbob", "receipt", "987654", ontology.RoleReceipt, ontology.VerbReceived, t0.Add(72*time.Hour), "10",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00381"), {Kind: ontology.RefASN, Scope: "shipbob", Value: "987654"}},
		ontology.Line{SKU: "TEA-OOL-250G", Qty: ontology.Units(980), ExpectedQty: qty(1000), Lot: "B250112"})
	erp := f.doc("erpnext", "receipt", "MAT-PRE-2025-00042", ontology.RoleReceipt, ontology.VerbReceived, t0.Add(73*time.Hour), "Stores - NLW",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00381")},
		ontology.Line{SKU: "tea-ool-250g", Qty: ontology.Units(980), Lot: "B250112"})
	// The declaration arrives first: goods are announced, incoming.
	f.save(decl)
	f.process()
	if got := f.stock(); got["TEA-OOL-250G@/incoming"] != "1000" {
		t.Fatalf("declared goods should be incoming: %v", got)
	}
	f.save(wro, erp)
	f.process()
	ev := f.eventOf("china-customs", "declaration", "531620251000123456")
	if f.eventOf("shipbob", "receipt", "987654") != ev || f.eventOf("erpnext", "receipt", "MAT-PRE-2025-00042") != ev {
		t.Fatal("declaration, warehouse receipt and ERP receipt are not one event")
	}
	got := f.stock()
	if got["TEA-OOL-250G@shipbob:10/onHand"] != "980" || len(got) != 1 {
		t.Fatalf("stock = %v: want 980 on hand at the warehouse, nothing incoming, the ERP copy not counted twice", got)
	}
	d, err := f.store.EventDetail(f.ctx, f.tenant, ev)
	if err != nil {
		t.Fatal(err)
	}
	if d.Event.Kind != ontology.KindReceipt || len(d.Discrepancies) != 1 {
		t.Fatalf("event = %+v, discrepancies %+v", d.Event, d.Discrepancies)
	}
	disc := d.Discrepancies[0]
	if disc.Expected != ontology.Units(1000) || disc.Actual != ontology.Units(980) || !strings.Contains(disc.Source, "china-customs") {
		t.Fatalf("discrepancy = %+v", disc)
	}
	for _, s := range d.Sources {
		if s.Key.System == "shipbob" && (s.Evidence.Rule != "shared-key" || len(s.Evidence.Keys) == 0 || s.Evidence.Keys[0] != "po:PO-2025-00381") {
			t.Fatalf("receipt evidence = %+v", s.Evidence)
		}
	}
}

func TestCustomerOfOneSaleIsOneParty(t *testing.T) {
	f := newFixture(t)
	order := f.doc("shopify", "order", "o1", ontology.RoleOrder, ontology.VerbPaid, t0, "online",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "1047")}, line("A", 1))
	order.Parties = []ontology.PartyRef{{Role: ontology.PartyCustomer, Name: "Mei Lin", Email: "mei.lin@example.com"}}
	// The ERP knows the customer by its own number only; the invoice quotes the order.
	inv := f.doc("erpnext", "invoice", "ACC-SINV-1", ontology.RoleInvoice, ontology.VerbInvoiced, t0.Add(time.Hour), "",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "1047")})
	inv.Parties = []ontology.PartyRef{{Role: ontology.PartyCustomer, ExternalID: "CUST-00981", Name: "Mei Lin"}}
	f.save(order)
	f.process()
	f.save(inv)
	f.process()
	a, err := f.store.DocumentParties(f.ctx, order.Key)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.store.DocumentParties(f.ctx, inv.Key)
	if err != nil || len(a) != 1 || len(b) != 1 || a[0].PartyID != b[0].PartyID {
		t.Fatalf("order's customer %+v, invoice's %+v, %v", a, b, err)
	}
}

// TestPartiesByDescription: the same customer on two marketplaces, behind a privacy
// number on one and a masked one on the other, shares no key; the same name and delivery
// address make them one party, with the score and each field's weight kept on the link.
// The same name at another address stays another party.
func TestPartiesByDescription(t *testing.T) {
	f := newFixture(t)
	customer := func(name, phone, addr string) []ontology.PartyRef {
		return []ontology.PartyRef{{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: addr, Country: "CN"}}
	}
	m := f.doc("meituan", "order", "m1", ontology.RoleOrder, ontology.VerbPaid, t0, "SH-PD-003", nil, line("A", 1))
	m.Parties = customer("林美", "13812345678_1234", "上海市浦东新区世纪大道100号 12楼")
	d := f.doc("douyin", "order", "d1", ontology.RoleOrder, ontology.VerbPaid, t0.Add(48*time.Hour), "SH-PD-003", nil, line("B", 1))
	d.Parties = customer("林 美", "138****5678", "上海市浦东新区世纪大道100号12楼")
	p := f.doc("pinduoduo", "order", "p1", ontology.RoleOrder, ontology.VerbPaid, t0.Add(72*time.Hour), "SH-PD-003", nil, line("C", 1))
	p.Parties = customer("林美", "", "北京市朝阳区建国路88号")
	f.save(m)
	f.process()
	f.save(d, p)
	f.process()
	of := func(doc ontology.Document) resolver.DocumentParty {
		ps, err := f.store.DocumentParties(f.ctx, doc.Key)
		if err != nil || len(ps) != 1 {
			t.Fatalf("parties of %s: %+v %v", doc.Key.ExternalID, ps, err)
		}
		return ps[0]
	}
	a, b := of(m), of(d)
	if a.PartyID != b.PartyID {
		t.Fatalf("same name and address, two parties: %s %s", a.PartyID, b.PartyID)
	}
	if len(b.SameAs) != 1 || b.SameAs[0].Score < resolver.DefaultPartyModel().Accept ||
		!strings.Contains(b.SameAs[0].Reason, "name exact") || !strings.Contains(b.SameAs[0].Reason, "street exact") {
		t.Errorf("link evidence: %+v", b.SameAs)
	}
	if c := of(p); c.PartyID == a.PartyID {
		t.Error("same name at another address merged")
	}
}

// TestKeyTooCommonIsNotFollowed: a reference value that seventy orders carry (a pickup
// number that repeats every day, a constant a mapping put in a ref) names no action in
// particular; a document carrying it founds its own event instead of joining one of
// them, and looking it up reads a bounded number of events.
func TestKeyTooCommonIsNotFollowed(t *testing.T) {
	f := newFixture(t)
	var orders []ontology.Document
	for i := range 70 {
		orders = append(orders, f.doc("shopify", "order", fmt.Sprint("o", i), ontology.RoleOrder, ontology.VerbPaid,
			t0.Add(time.Duration(i)*time.Hour), "online", []ontology.Ref{ref(ontology.RefHubRef, "PICKUP-12")}, line("A", 1)))
	}
	f.save(orders...)
	f.process()
	pos := f.doc("square", "order", "p1", ontology.RolePOS, ontology.VerbPaid, t0.Add(71*time.Hour), "L2K8",
		[]ontology.Ref{ref(ontology.RefHubRef, "PICKUP-12")}, line("B", 1))
	f.save(pos)
	if st := f.process(); st.Created != 1 || st.Joined != 0 {
		t.Fatalf("stats = %+v, want a new event", st)
	}
	for _, o := range []string{"o0", "o69"} {
		if f.eventOf("square", "order", "p1") == f.eventOf("shopify", "order", o) {
			t.Errorf("the POS sale joined %s through a key seventy orders share", o)
		}
	}
}

// Warehouse receipts of one batch that reuse an item id for different SKUs (ShipBob's
// inventory_id, which a merchant may reassign): the id names the product of the first
// receipt in document order, so a later line naming only the id lands there. Before,
// receipts were named when their events were planned, in Go map order, and the id named
// whichever came first there.
func TestReusedItemIDNamesTheFirstDocumentsProduct(t *testing.T) {
	f := newFixture(t)
	const n = 12
	for i := range n {
		l := ontology.Line{SKU: fmt.Sprintf("SKU-%02d", i), ExternalID: "7001", Qty: ontology.Units(1)}
		f.save(f.doc("shipbob", "receipt", fmt.Sprintf("wro-%02d", i), ontology.RoleReceipt, ontology.VerbReceived,
			t0.Add(time.Duration(i)*time.Minute), "FC-1", nil, l))
	}
	f.process()
	f.save(f.doc("shipbob", "receipt", "wro-late", ontology.RoleReceipt, ontology.VerbReceived, t0.Add(time.Hour), "FC-1", nil,
		ontology.Line{ExternalID: "7001", Qty: ontology.Units(5)}))
	f.process()
	if got := f.stock()["SKU-00@shipbob:FC-1/onHand"]; got != "6" {
		t.Fatalf("stock = %v; want the id's 5 on SKU-00, the first receipt's", f.stock())
	}
}
