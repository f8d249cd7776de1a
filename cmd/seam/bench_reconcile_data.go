package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
)

// reconcileBenchData writes a business's month of finance documents straight into
// events, the way resolution would have linked them: e-shop sales (order, Stripe
// charge, its balance transaction, ERPNext invoice, carrier tracking), walk-in sales at
// the till, marketplace orders rung up again at the till, daily Stripe payouts booked
// in ERPNext against every invoice they settle, and imports (purchase order, customs
// declaration, warehouse receipt, supplier invoice, payment). About one sale in forty
// carries a discrepancy of its own, as real months do.
type reconcileBenchData struct {
	tenant  string
	r       *rand.Rand
	start   time.Time
	span    time.Duration
	skus    []string
	prices  []decimal.Decimal
	n       int // events made
	pending []pendingCharge
	payout  int
}

type pendingCharge struct {
	txn     string
	net     decimal.Decimal
	invoice string
}

// benchCycleDocs is how many documents one cycle of the generator makes on average.
const benchCycleDocs = 9

func newReconcileBenchData(tenant string, seed uint64, start time.Time, span time.Duration) *reconcileBenchData {
	d := &reconcileBenchData{tenant: tenant, r: rand.New(rand.NewPCG(seed, 7)), start: start, span: span}
	for i := 0; i < 40; i++ {
		d.skus = append(d.skus, fmt.Sprintf("SKU-%03d", i))
		d.prices = append(d.prices, decimal.New(int64(350+i*125), -2))
	}
	return d
}

func (d *reconcileBenchData) eur(v decimal.Decimal) *ontology.Money {
	return &ontology.Money{Amount: v, Currency: "EUR"}
}

func (d *reconcileBenchData) doc(system, typ, id string, role ontology.Role, verb ontology.Verb, at time.Time, total *ontology.Money, refs ...ontology.Ref) ontology.Document {
	return ontology.Document{Key: ontology.DocKey{System: system, Type: typ, ExternalID: id}, Role: role, Verb: verb,
		OccurredAt: at, Total: total, Refs: refs}
}

func (d *reconcileBenchData) basket(n int) ([]ontology.Line, decimal.Decimal) {
	var lines []ontology.Line
	var total decimal.Decimal
	for i := 0; i < n; i++ {
		k := d.r.IntN(len(d.skus))
		q := int64(1 + d.r.IntN(3))
		lines = append(lines, ontology.Line{SKU: d.skus[k], Qty: ontology.Units(q), UnitPrice: d.eur(d.prices[k])})
		total = total.Add(d.prices[k].Mul(decimal.NewFromInt(q)))
	}
	return lines, total
}

func (d *reconcileBenchData) event(kind ontology.EventKind, at time.Time, docs ...ontology.Document) neo4jstore.BenchEvent {
	d.n++
	return neo4jstore.BenchEvent{ID: fmt.Sprintf("ev_bench_%09d", d.n), Kind: kind, OccurredAt: at, Docs: docs}
}

// cycle makes the events of one cycle i of n, at its share of the period.
func (d *reconcileBenchData) cycle(i, n int) []neo4jstore.BenchEvent {
	at := d.start.Add(time.Duration(int64(d.span) / int64(n) * int64(i)))
	var out []neo4jstore.BenchEvent
	out = append(out, d.eshopSale(i, at))
	for k := 0; k < 2; k++ {
		lines, total := d.basket(1 + d.r.IntN(2))
		pos := d.doc("square", "order", fmt.Sprintf("SQ%08d%d", i, k), ontology.RolePOS, ontology.VerbPaid, at, d.eur(total))
		pos.Lines, pos.Channel = lines, "counter"
		out = append(out, d.event(ontology.KindSale, at, pos))
	}
	lines, total := d.basket(1 + d.r.IntN(2))
	mt := d.doc("meituan", "order", fmt.Sprint(27061900338300000+i), ontology.RoleOrder, ontology.VerbDelivered, at,
		&ontology.Money{Amount: total.Mul(decimal.NewFromInt(8)).Add(decimal.NewFromInt(5)), Currency: "CNY"})
	mt.Lines, mt.Channel = lines, "delivery"
	ring := d.doc("square", "order", fmt.Sprintf("SQR%08d", i), ontology.RolePOS, ontology.VerbPaid, at.Add(time.Minute), d.eur(total))
	ring.Lines, ring.Channel = lines, "delivery"
	out = append(out, d.event(ontology.KindSale, at, mt, ring))
	if len(d.pending) >= 2000 || i == n-1 {
		out = append(out, d.payoutEvent(at))
	}
	if i%500 == 250 {
		out = append(out, d.purchase(i, at))
	}
	return out
}

func (d *reconcileBenchData) eshopSale(i int, at time.Time) neo4jstore.BenchEvent {
	lines, total := d.basket(1 + d.r.IntN(3))
	num := fmt.Sprint(100000 + i)
	ch, txn, inv := fmt.Sprintf("ch_bench%09d", i), fmt.Sprintf("txn_bench%09d", i), fmt.Sprintf("ACC-SINV-2025-%07d", i)
	order := d.doc("shopify", "order", fmt.Sprint(5820193800000+i), ontology.RoleOrder, ontology.VerbPaid, at, d.eur(total),
		ontology.Ref{Kind: ontology.RefOrderNumber, Value: num})
	order.Lines, order.Channel = lines, "online"
	paid := total
	roll := d.r.IntN(200)
	if roll == 0 {
		paid = total.Sub(decimal.NewFromInt(5)) // a short payment
	}
	charge := d.doc("stripe", "charge", ch, ontology.RolePayment, ontology.VerbPaid, at.Add(time.Minute), d.eur(paid),
		ontology.Ref{Kind: ontology.RefPayment, Value: ch}, ontology.Ref{Kind: ontology.RefBalanceTxn, Value: txn},
		ontology.Ref{Kind: ontology.RefOrderNumber, Value: num}, ontology.Ref{Kind: ontology.RefInvoice, Value: inv})
	fee := paid.Mul(decimal.RequireFromString("0.029")).Add(decimal.RequireFromString("0.25")).Round(2)
	payoutID := fmt.Sprintf("po_bench%06d", d.payout)
	bt := d.doc("stripe", "balance_transaction", txn, ontology.RoleSettlement, ontology.VerbSettled, at.Add(time.Minute),
		d.eur(paid.Sub(fee)), ontology.Ref{Kind: ontology.RefBalanceTxn, Value: txn}, ontology.Ref{Kind: ontology.RefPayment, Value: ch},
		ontology.Ref{Kind: ontology.RefPayout, Value: payoutID})
	bt.Fee, bt.Status = d.eur(fee), "charge"
	invoice := d.doc("erpnext", "invoice", inv, ontology.RoleInvoice, ontology.VerbSettled, at.Add(2*time.Hour), d.eur(total),
		ontology.Ref{Kind: ontology.RefInvoice, Value: inv}, ontology.Ref{Kind: ontology.RefOrderNumber, Value: num})
	invoice.Lines = lines
	docs := []ontology.Document{order, charge, bt, invoice}
	if roll != 1 { // one in two hundred never ships
		docs = append(docs, d.doc("aftership", "tracking", fmt.Sprintf("trk%09d", i), ontology.RoleTracking, ontology.VerbShipped,
			at.Add(20*time.Hour), nil, ontology.Ref{Kind: ontology.RefOrderNumber, Value: num}))
	}
	if roll == 2 { // charged twice
		dup := charge
		dup.Key.ExternalID += "d"
		docs = append(docs, dup)
	}
	d.pending = append(d.pending, pendingCharge{txn: txn, net: paid.Sub(fee), invoice: inv})
	return d.event(ontology.KindSale, at, docs...)
}

// payoutEvent pays out every pending charge: the payout and the ERPNext payment entry
// that books it against their invoices.
func (d *reconcileBenchData) payoutEvent(at time.Time) neo4jstore.BenchEvent {
	id := fmt.Sprintf("po_bench%06d", d.payout)
	d.payout++
	var net decimal.Decimal
	entryRefs := []ontology.Ref{{Kind: ontology.RefPayout, Value: id}}
	for _, p := range d.pending {
		net = net.Add(p.net)
		entryRefs = append(entryRefs, ontology.Ref{Kind: ontology.RefInvoice, Value: p.invoice})
	}
	d.pending = nil
	po := d.doc("stripe", "payout", id, ontology.RolePayout, ontology.VerbSettled, at.Add(24*time.Hour), d.eur(net),
		ontology.Ref{Kind: ontology.RefPayout, Value: id})
	entry := d.doc("erpnext", "payment", fmt.Sprintf("ACC-PAY-2025-%05d", d.payout), ontology.RolePayment, ontology.VerbSettled,
		at.Add(50*time.Hour), d.eur(net), entryRefs...)
	return d.event(ontology.KindPayment, at.Add(24*time.Hour), po, entry)
}

// purchase is an import: ordered, declared, received (now and then short), invoiced, paid.
func (d *reconcileBenchData) purchase(i int, at time.Time) neo4jstore.BenchEvent {
	po := fmt.Sprintf("PO-2025-%05d", i)
	sup := []ontology.PartyRef{{Role: ontology.PartySupplier, ExternalID: "SUP-0007", Name: "Example GmbH"}}
	var lines []ontology.Line
	var total decimal.Decimal
	for k := 0; k < 4; k++ {
		price := d.prices[k].Div(decimal.NewFromInt(3)).Round(2)
		lines = append(lines, ontology.Line{SKU: d.skus[k], Qty: ontology.Units(600), UnitPrice: d.eur(price)})
		total = total.Add(price.Mul(decimal.NewFromInt(600)))
	}
	order := d.doc("erpnext", "purchase_order", po, ontology.RolePurchase, ontology.VerbOrdered, at, d.eur(total), ontology.Ref{Kind: ontology.RefPO, Value: po})
	order.Lines, order.Parties = lines, sup
	decl := d.doc("china-customs", "declaration", fmt.Sprintf("5316%014d", i), ontology.RoleDeclaration, ontology.VerbDeclared,
		at.Add(48*time.Hour), nil, ontology.Ref{Kind: ontology.RefPO, Value: po})
	decl.Lines = lines
	rec := d.doc("shipbob", "receipt", fmt.Sprint(987000+i), ontology.RoleReceipt, ontology.VerbReceived, at.Add(8*24*time.Hour), nil,
		ontology.Ref{Kind: ontology.RefPO, Value: po})
	rec.Lines = lines
	inv := fmt.Sprintf("ACC-PINV-2025-%05d", i)
	bill := d.doc("erpnext", "purchase_invoice", inv, ontology.RoleInvoice, ontology.VerbSettled, at.Add(9*24*time.Hour), d.eur(total),
		ontology.Ref{Kind: ontology.RefInvoice, Value: inv}, ontology.Ref{Kind: ontology.RefPO, Value: po})
	bill.Lines, bill.Parties = lines, sup
	pay := d.doc("erpnext", "payment", fmt.Sprintf("ACC-PAY-S-%05d", i), ontology.RolePayment, ontology.VerbSettled, at.Add(30*24*time.Hour),
		d.eur(total), ontology.Ref{Kind: ontology.RefInvoice, Value: inv})
	pay.Parties = sup
	ev := d.event(ontology.KindReceipt, at, order, decl, rec, bill, pay)
	if i%1000 == 250 {
		ev.Discrepancies = fmt.Sprintf(`[{"sku":%q,"expected":"600","actual":"588","source":"%s"}]`, d.skus[0], d.tenant+"/china-customs/declaration/"+decl.Key.ExternalID)
	}
	return ev
}
