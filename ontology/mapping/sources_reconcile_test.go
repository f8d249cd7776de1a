package mapping_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/ontology"
)

// reconciled reconciles mapped documents as one sale event as of asOf; ok is false
// when they are not finance's.
func reconciled(asOf time.Time, docs ...*ontology.Document) (finance.Result, bool) {
	ev := finance.Event{ID: "ev", Kind: ontology.KindSale}
	for _, d := range docs {
		ev.Docs = append(ev.Docs, finance.Doc{Document: *d, ReceivedAt: d.OccurredAt})
		if ev.OccurredAt.IsZero() || d.OccurredAt.Before(ev.OccurredAt) {
			ev.OccurredAt = d.OccurredAt
		}
	}
	return finance.Reconcile(ev, finance.DefaultConfig(), asOf)
}

// reconcile maps payloads (system, type, sample file, edit) into one sale event and
// reconciles it as of asOf; it returns the result's status, reason codes and awaited
// documents as one line, "partial missing_payment | awaiting payment".
func reconcile(t *testing.T, asOf time.Time, docs ...*ontology.Document) string {
	t.Helper()
	r, ok := reconciled(asOf, docs...)
	if !ok {
		return "not finance's"
	}
	out := []string{string(r.Status)}
	for _, re := range r.Reasons {
		out = append(out, string(re.Code))
	}
	if len(r.Awaiting) > 0 {
		out = append(out, "| awaiting "+strings.Join(r.Awaiting, ", "))
	}
	return strings.Join(out, " ")
}

// wooBankTransfer is the WooCommerce order of the REST API v3 sample paid by direct bank
// transfer (payment_method bacs), in a status, with date_paid set or null, and the
// documents its payload gives.
func wooBankTransfer(t *testing.T, status string, paid bool) []*ontology.Document {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(srcSample(t, "woocommerce/order.json"))))
	dec.UseNumber()
	var o map[string]any
	if err := dec.Decode(&o); err != nil {
		t.Fatal(err)
	}
	o["status"], o["payment_method"], o["payment_method_title"], o["transaction_id"] = status, "bacs", "Direct bank transfer", ""
	if !paid {
		o["date_paid"], o["date_paid_gmt"] = nil, nil
	}
	raw, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	docs, ps := sfResults(t, "woocommerce", "order", "json", raw)
	if len(ps) > 0 {
		t.Fatalf("%s: problems %v", status, ps)
	}
	return docs
}

// A WooCommerce order paid by direct bank transfer (payment_method bacs): WooCommerce
// holds it on-hold, date_paid null, until the shop sees the money and marks it paid
// (processing or completed), which sets date_paid. No processor ever sends a payment of
// it. Before: missing_payment from the first minute, and still missing_payment once the
// shop had marked it paid. Now an order awaiting its transfer awaits its payment within
// the customer terms (30 days by default), and is missing it only after; an order
// marked paid is paid by its own mark, a payment document of the order's payload
// (woocommerce/order_payment), and reconciles.
func TestWooCommerceBankTransferAwaitedThenMarkedPaid(t *testing.T) {
	placed := time.Date(2025, 3, 4, 10, 15, 22, 0, time.UTC)
	soon, late := placed.AddDate(0, 0, 1), placed.AddDate(0, 0, 45)
	for _, c := range []struct {
		name, status string
		paid         bool
		asOf         time.Time
		want         string
	}{
		{"on-hold, awaiting the transfer", "on-hold", false, soon, "matched | awaiting payment, shipment"},
		{"on-hold past the customer terms", "on-hold", false, late, "unmatched missing_payment | awaiting shipment"},
		{"processing without date_paid", "processing", false, soon, "matched | awaiting payment, shipment"},
		{"marked paid: processing with date_paid", "processing", true, soon, "matched | awaiting shipment"},
		{"marked paid and completed", "completed", true, late, "matched"},
	} {
		docs := wooBankTransfer(t, c.status, c.paid)
		if got := reconcile(t, c.asOf, docs...); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	// The mark is a payment of the order's total, when the shop set it; a card payment
	// has its processor's documents and gives none.
	docs := wooBankTransfer(t, "processing", true)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want the order and its payment", len(docs))
	}
	p := docs[1]
	if p.Key.Type != "order_payment" || p.Role != ontology.RolePayment || p.Verb != ontology.VerbPaid || p.Status != "bacs" ||
		p.Total.String() != "59.65 EUR" || !p.OccurredAt.Equal(time.Date(2025, 3, 4, 10, 15, 40, 0, time.UTC)) {
		t.Errorf("payment = %+v %s %s %q %s %s", p.Key, p.Role, p.Verb, p.Status, p.Total, p.OccurredAt)
	}
	sfRefs(t, p, "order_number:4812", "order_id:woocommerce:4812")
	if docs, _ := sfResults(t, "woocommerce", "order", "", srcSample(t, "woocommerce/order.json")); len(docs) != 1 {
		t.Errorf("a card payment (stripe) gave %d documents", len(docs))
	}
}

// A Shopify order shipped with AfterShip tracking, charged by Stripe, whose parcel the
// carrier brought back to the merchant (return_to_sender, then Delivered back): the
// buyer has neither the goods nor, without a refund, the money. Before: no reason at
// all, the sale read as reconciled. Now returned_to_sender, until a refund gives the
// money back or a new parcel goes out.
func TestParcelReturnedToSenderWithoutARefund(t *testing.T) {
	order := sfOne(t, "shopify", "order", "", "shopify/orders_create.json")
	charge := sfOne(t, "stripe", "charge", "", "stripe/charge_event.json")
	tracking := func(id string, back bool) *ontology.Document {
		d, ps := mapEdited(t, "aftership", "tracking", "aftership/webhook.json", func(o map[string]any) {
			m := inner(o, "msg")
			m["id"], m["tag"], m["subtag"], m["return_to_sender"] = id, "Delivered", "Delivered_001", back
		})
		if d == nil {
			t.Fatalf("tracking: %v", ps)
		}
		return d
	}
	asOf := order.OccurredAt.AddDate(0, 1, 0)
	has := func(got string) bool { return slices.Contains(strings.Fields(got), string(finance.ReturnedToSender)) }
	if got := reconcile(t, asOf, order, charge, tracking("t1", true)); !has(got) {
		t.Errorf("returned, money kept: %s, want %s", got, finance.ReturnedToSender)
	}
	if got := reconcile(t, asOf, order, charge, tracking("t1", false)); has(got) {
		t.Errorf("delivered: %s", got)
	}
	if got := reconcile(t, asOf, order, charge, tracking("t1", true), tracking("t2", false)); has(got) {
		t.Errorf("sent again and delivered: %s", got)
	}
	refund := sfOne(t, "shopify", "refund", "", "shopify/refunds_create_split_tender.json")
	refund.Total = order.Total
	if got := reconcile(t, asOf, order, charge, tracking("t1", true), refund); has(got) {
		t.Errorf("refunded in full: %s", got)
	}
}
