package finance

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

var t0 = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)

// asOf is the data clock of the tests: well after every document.
var asOf = t0.AddDate(0, 3, 0)

// doc builds a document; options fill what a case needs.
func doc(system, typ string, role ontology.Role, verb ontology.Verb, id string, at time.Time, opts ...func(*Doc)) Doc {
	d := Doc{Document: ontology.Document{
		Key:  ontology.DocKey{Tenant: "t", System: system, Type: typ, ExternalID: id},
		Role: role, Verb: verb, OccurredAt: at,
	}, ReceivedAt: at}
	for _, o := range opts {
		o(&d)
	}
	return d
}

// day0 is the start of a day in UTC, as mappings read a due date.
func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func eur(s string) *ontology.Money { return cash(s, "EUR") }

func cash(s, cur string) *ontology.Money {
	return &ontology.Money{Amount: decimal.RequireFromString(s), Currency: cur}
}

func total(m *ontology.Money) func(*Doc) { return func(d *Doc) { d.Total = m } }
func fee(m *ontology.Money) func(*Doc)   { return func(d *Doc) { d.Fee = m } }
func channel(c string) func(*Doc)        { return func(d *Doc) { d.Channel = c } }
func status(s string) func(*Doc)         { return func(d *Doc) { d.Status = s } }
func due(t time.Time) func(*Doc)         { return func(d *Doc) { d.DueAt = &t } }
func rate(s string) func(*Doc) {
	return func(d *Doc) { r := decimal.RequireFromString(s); d.ExchangeRate = &r }
}
func ref(k ontology.RefKind, v string) func(*Doc) {
	return func(d *Doc) { d.Refs = append(d.Refs, ontology.Ref{Kind: k, Value: v}) }
}
func supplier(code string) func(*Doc) {
	return func(d *Doc) {
		d.Parties = append(d.Parties, ontology.PartyRef{Role: ontology.PartySupplier, ExternalID: code})
	}
}

// line adds a goods line "SKU qty [price currency]".
func line(sku string, qty int64, price ...string) func(*Doc) {
	return func(d *Doc) {
		l := ontology.Line{SKU: sku, Qty: ontology.Units(qty)}
		if len(price) == 2 {
			l.UnitPrice = cash(price[0], price[1])
		}
		d.Lines = append(d.Lines, l)
	}
}

// Documents of one clean online sale: 2 x 24.00 EUR ordered, shipped, charged, booked
// by Stripe with its fee, invoiced.
func order(opts ...func(*Doc)) Doc {
	return doc("shopify", "order", ontology.RoleOrder, ontology.VerbPaid, "5820193801047", t0,
		append([]func(*Doc){total(eur("48.00")), channel("online"), line("TEA-OOL-250G", 2, "24.00", "EUR")}, opts...)...)
}
func tracking() Doc {
	return doc("aftership", "tracking", ontology.RoleTracking, ontology.VerbShipped, "trk1", t0.Add(20*time.Hour))
}
func charge(id string, amt *ontology.Money, opts ...func(*Doc)) Doc {
	return doc("stripe", "charge", ontology.RolePayment, ontology.VerbPaid, id, t0.Add(time.Minute),
		append([]func(*Doc){total(amt), ref(ontology.RefPayment, id), ref(ontology.RefBalanceTxn, "txn_"+id)}, opts...)...)
}
func settlement(chargeID string, net, fees *ontology.Money, opts ...func(*Doc)) Doc {
	return doc("stripe", "balance_transaction", ontology.RoleSettlement, ontology.VerbSettled, "txn_"+chargeID, t0.Add(time.Minute),
		append([]func(*Doc){total(net), fee(fees), status("charge"), ref(ontology.RefPayment, chargeID)}, opts...)...)
}
func invoice(amt *ontology.Money, opts ...func(*Doc)) Doc {
	return doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbSettled, "ACC-SINV-2025-00127", t0.Add(2*time.Hour),
		append([]func(*Doc){total(amt), line("TEA-OOL-250G", 2, "24.00", "EUR")}, opts...)...)
}

func sale(docs ...Doc) Event {
	return Event{ID: "ev_sale", Kind: ontology.KindSale, OccurredAt: t0, Docs: docs}
}

// Purchase documents: 480 oolong ordered from SUP-0007 at 2.35 EUR, declared, received.
func purchaseOrder(opts ...func(*Doc)) Doc {
	return doc("erpnext", "purchase_order", ontology.RolePurchase, ontology.VerbOrdered, "PUR-ORD-2025-00381", t0.AddDate(0, 0, -10),
		append([]func(*Doc){total(eur("1128.00")), supplier("SUP-0007"), line("TEA-OOL-250G", 480, "2.35", "EUR")}, opts...)...)
}
func declaration(price string) Doc {
	return doc("china-customs", "declaration", ontology.RoleDeclaration, ontology.VerbDeclared, "531620250000000001", t0.AddDate(0, 0, -5),
		line("TEA-OOL-250G", 480, price, "EUR"))
}
func receipt() Doc {
	return doc("shipbob", "receipt", ontology.RoleReceipt, ontology.VerbReceived, "987001", t0, line("TEA-OOL-250G", 480))
}
func supplierInvoice(amt string, opts ...func(*Doc)) Doc {
	return doc("erpnext", "purchase_invoice", ontology.RoleInvoice, ontology.VerbInvoiced, "ACC-PINV-2025-00019", t0.Add(24*time.Hour),
		append([]func(*Doc){total(eur(amt)), supplier("SUP-0007"), line("TEA-OOL-250G", 480, "2.35", "EUR")}, opts...)...)
}
func supplierPayment(amt string, at time.Time) Doc {
	return doc("erpnext", "payment", ontology.RolePayment, ontology.VerbSettled, "ACC-PAY-2025-00318", at,
		total(eur(amt)), supplier("SUP-0007"), ref(ontology.RefInvoice, "ACC-PINV-2025-00019"))
}
func purchase(docs ...Doc) Event {
	return Event{ID: "ev_buy", Kind: ontology.KindReceipt, OccurredAt: t0.AddDate(0, 0, -10), Docs: docs}
}

// summary renders a result's status and reasons as "status code[sku](expected|actual) ...".
func summary(r Result) string {
	parts := []string{string(r.Status)}
	for _, x := range r.Reasons {
		s := string(x.Code)
		if x.SKU != "" {
			s += "[" + x.SKU + "]"
		}
		parts = append(parts, s+"("+x.Expected+"|"+x.Actual+")")
	}
	return strings.Join(parts, " ")
}

// TestReconcileInjectedDiscrepancies: each discrepancy injected into otherwise clean
// documents is reported with its code, and with nothing else.
func TestReconcileInjectedDiscrepancies(t *testing.T) {
	cfg := DefaultConfig()
	clean := []Doc{order(), tracking(), charge("ch_1", eur("48.00")), settlement("ch_1", eur("46.36"), eur("1.64")), invoice(eur("48.00"))}
	with := func(extra ...Doc) []Doc { return append(slices.Clone(clean), extra...) }
	swap := func(i int, d Doc) []Doc { docs := slices.Clone(clean); docs[i] = d; return docs }
	drop := func(i int) []Doc { return slices.Delete(slices.Clone(clean), i, i+1) }
	cases := []struct {
		name string
		ev   Event
		want string
	}{
		{"clean sale", sale(clean...), "matched"},
		{"a cent off is within tolerance", sale(swap(2, charge("ch_1", eur("48.01")))...), "matched_within_tolerance"},
		{"amount_mismatch", sale(swap(4, invoice(eur("45.00")))...),
			"partial amount_mismatch(48.00 EUR|45.00 EUR)"},
		{"quantity_mismatch: shipped more than ordered", sale(with(doc("shopify", "fulfillment", ontology.RoleFulfilment,
			ontology.VerbShipped, "f1", t0.Add(time.Hour), line("TEA-OOL-250G", 3)))...),
			"partial quantity_mismatch[TEA-OOL-250G](2|3)"},
		{"missing_payment", sale(order(), tracking(), invoice(eur("48.00"))),
			"partial missing_payment(48.00 EUR|none)"},
		{"missing_invoice: the charge names it", sale(order(), tracking(),
			charge("ch_1", eur("48.00"), ref(ontology.RefInvoice, "ACC-SINV-2025-00127")), settlement("ch_1", eur("46.36"), eur("1.64"))),
			"partial missing_invoice(invoice ACC-SINV-2025-00127|none)"},
		{"missing_shipment", sale(drop(1)...), "partial missing_shipment(a shipment of 2 units|none)"},
		{"duplicate_payment", sale(with(charge("ch_2", eur("48.00")))...),
			"partial duplicate_payment(48.00 EUR|96.00 EUR)"},
		{"refund_without_return", sale(with(doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, "r1",
			t0.AddDate(0, 0, 5), total(eur("48.00"))))...),
			"partial refund_without_return(goods returned with the refund|refund of 48.00 EUR, no goods back)"},
		{"a refund with the goods back is fine", sale(with(doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, "r1",
			t0.AddDate(0, 0, 5), total(eur("24.00")), line("TEA-OOL-250G", 1)))...), "matched"},
		{"currency_mismatch", sale(order(), tracking(), charge("ch_1", cash("52.10", "USD")), invoice(eur("48.00"))),
			"partial currency_mismatch(48.00 EUR|52.10 USD)"},
		{"charge against its balance transaction", sale(swap(3, settlement("ch_1", eur("40.00"), eur("1.64")))...),
			"partial amount_mismatch(48.00 EUR|41.64 EUR)"},
		{"a cancelled order refunded is fine", sale(order(func(d *Doc) { d.Verb = ontology.VerbCancelled }), charge("ch_1", eur("48.00")),
			doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, "r1", t0.Add(time.Hour), total(eur("48.00")))), "matched"},
		{"a cancelled order still charged", sale(order(func(d *Doc) { d.Verb = ontology.VerbCancelled }), charge("ch_1", eur("48.00"))),
			"unmatched amount_mismatch(0.00 EUR (the sale was cancelled)|48.00 EUR kept)"},
		{"declared_value_mismatch", purchase(purchaseOrder(), declaration("2.00"), receipt()),
			"partial declared_value_mismatch(1128.00 EUR|960.00 EUR)"},
		{"quantity_mismatch: declared 480, received 470", func() Event {
			ev := purchase(purchaseOrder(), declaration("2.35"), receipt())
			ev.Discrepancies = []Discrepancy{{SKU: "TEA-OOL-250G", Expected: ontology.Units(480), Actual: ontology.Units(470),
				Source: "t/china-customs/declaration/531620250000000001"}}
			return ev
		}(), "partial quantity_mismatch[TEA-OOL-250G](480|470)"},
		{"a receipt still being counted is not short yet", func() Event {
			r := receipt()
			r.Key.System, r.Status = "amazon-fba", "RECEIVING"
			ev := purchase(purchaseOrder(), r)
			ev.Discrepancies = []Discrepancy{{SKU: "TEA-OOL-250G", Expected: ontology.Units(480), Actual: ontology.Units(240)}}
			return ev
		}(), "matched"},
		{"clean purchase, paid on time", purchase(purchaseOrder(), declaration("2.35"), receipt(), supplierInvoice("1128.00"),
			supplierPayment("1128.00", t0.AddDate(0, 0, 20))), "matched"},
		{"late_payment", purchase(purchaseOrder(), declaration("2.35"), receipt(), supplierInvoice("1128.00", due(day0(2025, 4, 3))),
			supplierPayment("1128.00", t0.AddDate(0, 0, 60))), "partial late_payment(paid by 2025-04-03|paid 2025-05-03, 30 days late)"},
		{"missing_payment: supplier invoice overdue", purchase(purchaseOrder(), receipt(), supplierInvoice("1128.00", due(day0(2025, 4, 3)))),
			"partial missing_payment(1128.00 EUR by 2025-04-03|none)"},
		{"supplier's price differs from the order", purchase(purchaseOrder(), receipt(), supplierInvoice("1200.00",
			func(d *Doc) { d.Lines[0].UnitPrice = eur("2.50") }), supplierPayment("1200.00", t0.AddDate(0, 0, 20))),
			"partial amount_mismatch[TEA-OOL-250G](2.35 EUR|2.50 EUR)"},
		{"missing_invoice: supplier paid without one", purchase(purchaseOrder(), receipt(), supplierPayment("1128.00", t0.AddDate(0, 0, 20))),
			"partial missing_invoice(the supplier's invoice the payment settles|1128.00 EUR)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, ok := Reconcile(c.ev, cfg, asOf)
			if !ok {
				t.Fatal("not reconciled")
			}
			if got := summary(r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestPayouts(t *testing.T) {
	cfg := DefaultConfig()
	po := doc("stripe", "payout", ontology.RolePayout, ontology.VerbSettled, "po_1", t0.AddDate(0, 0, 2), total(eur("92.72")),
		ref(ontology.RefPayout, "po_1"))
	bt := func(id, net string) Doc {
		return doc("stripe", "balance_transaction", ontology.RoleSettlement, ontology.VerbSettled, id, t0, total(eur(net)),
			fee(eur("1.64")), status("charge"), ref(ontology.RefPayment, "ch_"+id), ref(ontology.RefPayout, "po_1"))
	}
	own := doc("stripe", "balance_transaction", ontology.RoleSettlement, ontology.VerbSettled, "txn_po", t0, total(eur("-92.72")),
		status("payout"), ref(ontology.RefPayout, "po_1"))
	entry := doc("erpnext", "payment", ontology.RolePayment, ontology.VerbSettled, "ACC-PAY-1", t0.AddDate(0, 0, 3), total(eur("92.72")),
		ref(ontology.RefPayout, "po_1"), ref(ontology.RefInvoice, "INV-1"), ref(ontology.RefInvoice, "INV-2"))
	inv := func(id string) Doc {
		return doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbSettled, id, t0, total(eur("48.00")))
	}
	for _, c := range []struct {
		name    string
		docs    []Doc
		related []Doc
		want    string
	}{
		{"sum of its transactions", []Doc{po, entry}, []Doc{bt("a", "46.36"), bt("b", "46.36"), own, inv("INV-1"), inv("INV-2")}, "matched"},
		{"payout_mismatch", []Doc{po, entry}, []Doc{bt("a", "46.36"), own, inv("INV-1"), inv("INV-2")},
			"partial payout_mismatch(46.36 EUR|92.72 EUR)"},
		{"no transaction names it yet", []Doc{po}, nil, "matched"},
		{"the entry names an invoice nobody has", []Doc{po, entry}, []Doc{bt("a", "46.36"), bt("b", "46.36"), inv("INV-1")},
			"partial missing_invoice(invoice INV-2|none)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, ok := Reconcile(Event{ID: "ev_po", Kind: ontology.KindPayment, Docs: c.docs, Related: c.related}, cfg, asOf)
			if !ok || summary(r) != c.want {
				t.Errorf("\n got %s\nwant %s", summary(r), c.want)
			}
		})
	}
}

func TestSalesThatCarryTheirOwnPayment(t *testing.T) {
	cfg := DefaultConfig()
	walkIn := doc("square", "order", ontology.RolePOS, ontology.VerbPaid, "SQ1", t0, total(eur("7.00")), channel("counter"),
		line("LATTE", 2))
	meituan := doc("meituan", "order", ontology.RoleOrder, ontology.VerbDelivered, "2706", t0, total(cash("58.60", "CNY")),
		channel("delivery"), line("LATTE", 2))
	ringUp := doc("square", "order", ontology.RolePOS, ontology.VerbPaid, "SQ2", t0.Add(time.Minute), total(eur("7.00")),
		channel("delivery"), line("latte", 2))
	short := doc("square", "order", ontology.RolePOS, ontology.VerbPaid, "SQ3", t0.Add(time.Minute), total(eur("3.50")),
		channel("delivery"), line("latte", 1))
	for _, c := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"a walk-in sale at the till", []Doc{walkIn}, "matched"},
		{"a marketplace order and its ring-up: the goods agree, the totals are not the till's", []Doc{meituan, ringUp}, "matched"},
		{"a ring-up of fewer goods than ordered", []Doc{meituan, short}, "partial quantity_mismatch[LATTE](2|1)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(sale(c.docs...), cfg, asOf)
			if summary(r) != c.want {
				t.Errorf("\n got %s\nwant %s", summary(r), c.want)
			}
		})
	}
}

func TestForeignExchange(t *testing.T) {
	cfg := DefaultConfig()
	ord := order(total(eur("103.50")), func(d *Doc) { d.Lines = nil })
	ch := charge("ch_fx", eur("103.50"))
	// Settled in dollars at Stripe's rate: 103.50 x 1.06029 = 109.74 gross.
	bt := settlement("ch_fx", cash("106.26", "USD"), cash("3.48", "USD"), rate("1.06029"))
	r, _ := Reconcile(sale(ord, tracking(), ch, bt), cfg, asOf)
	// Stripe books the conversion rounded to the cent: that is an exact match, not a
	// difference within tolerance.
	if r.Status != Matched || len(r.FX) != 1 {
		t.Fatalf("%s, fx %+v", summary(r), r.FX)
	}
	fx := r.FX[0]
	if fx.From != "EUR" || fx.To != "USD" || fx.Rate.String() != "1.06029" || fx.Source != "document" ||
		fx.Converted != "109.74 USD" || fx.Booked != "109.74 USD" {
		t.Errorf("fx = %+v", fx)
	}
	// Both currencies are shown, with the fee in the balance's.
	got := fmt.Sprint(amountsText(r))
	if got != "[EUR ordered=103.50 paid=103.50 USD gross=109.74 fees=3.48 net=106.26]" {
		t.Errorf("amounts = %s", got)
	}
	// Without the rate, the amounts cannot be reconciled.
	bt.ExchangeRate = nil
	if r, _ := Reconcile(sale(ord, tracking(), ch, bt), cfg, asOf); summary(r) !=
		"partial currency_mismatch(103.50 EUR|109.74 USD)" {
		t.Errorf("without a rate: %s", summary(r))
	}
	// A configured rate converts where the documents give none; a month's rate is not the
	// day's, so the amounts agree within the FX tolerance only.
	cfg.Rates = []Rate{{From: "USD", To: "EUR", Rate: decimal.RequireFromString("0.943")}}
	if r, _ := Reconcile(sale(ord, tracking(), ch, bt), cfg, asOf); r.Status != MatchedWithinTolerance || r.FX[0].Source != "configured" {
		t.Errorf("configured rate: %s %+v", summary(r), r.FX)
	}
}

func amountsText(r Result) []string {
	var out []string
	for _, a := range r.Amounts {
		s := a.Currency
		for _, f := range []struct{ n, v string }{{"ordered", a.Ordered}, {"invoiced", a.Invoiced}, {"declared", a.Declared},
			{"paid", a.Paid}, {"refunded", a.Refunded}, {"gross", a.Gross}, {"fees", a.Fees}, {"net", a.Net}, {"paidOut", a.PaidOut}} {
			if f.v != "" {
				s += " " + f.n + "=" + f.v
			}
		}
		out = append(out, s)
	}
	return out
}

func TestNotFinance(t *testing.T) {
	for _, ev := range []Event{
		{ID: "trk", Kind: ontology.KindShipment, Docs: []Doc{tracking()}},
		{ID: "reading", Kind: ontology.KindObservation, Docs: []Doc{doc("iot", "reading", ontology.RoleReading, ontology.VerbObserved, "p@1", t0)}},
		{ID: "fee", Kind: ontology.KindPayment, Docs: []Doc{doc("stripe", "balance_transaction", ontology.RoleSettlement,
			ontology.VerbSettled, "txn_fee", t0, total(eur("-2.00")), status("stripe_fee"))}},
	} {
		if _, ok := Reconcile(ev, DefaultConfig(), asOf); ok {
			t.Errorf("%s reconciled", ev.ID)
		}
	}
}

func TestLoneDocuments(t *testing.T) {
	cfg := DefaultConfig()
	for _, c := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"a balance transaction whose charge never came", []Doc{settlement("ch_9", eur("46.36"), eur("1.64"))},
			"unmatched missing_payment(the payment ch_9 the balance transaction books|none)"},
		{"money with nothing saying what for", []Doc{charge("ch_8", eur("12.00"))},
			"unmatched missing_invoice(an order or invoice the payment is for|12.00 EUR)"},
		{"a refund of a sale nobody knows", []Doc{doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, "r9", t0, total(eur("5.00")))},
			"unmatched refund_without_return(goods returned with the refund|refund of 5.00 EUR, no goods back)"},
		{"an invoice not due yet", []Doc{invoice(eur("48.00"), due(asOf.AddDate(0, 0, 1)))}, "matched"},
		{"an invoice overdue", []Doc{invoice(eur("48.00"), due(day0(2025, 6, 3)))},
			"unmatched missing_payment(48.00 EUR by 2025-06-03|none)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, ok := Reconcile(Event{ID: "ev", Kind: ontology.KindPayment, Docs: c.docs}, cfg, asOf)
			if !ok || summary(r) != c.want {
				t.Errorf("\n got %s\nwant %s", summary(r), c.want)
			}
		})
	}
}

// TestReconcileIgnoresDocumentOrder: the same documents in any order give the same
// result, so reports are stable whatever order the store returns them in.
func TestReconcileIgnoresDocumentOrder(t *testing.T) {
	docs := []Doc{order(), tracking(), charge("ch_1", eur("48.00")), charge("ch_2", eur("48.00")), invoice(eur("45.00"))}
	first, _ := Reconcile(sale(docs...), DefaultConfig(), asOf)
	slices.Reverse(docs)
	second, _ := Reconcile(sale(docs...), DefaultConfig(), asOf)
	a, _ := json.Marshal(first)
	b, _ := json.Marshal(second)
	if string(a) != string(b) {
		t.Errorf("order changed the result:\n%s\n%s", a, b)
	}
}
