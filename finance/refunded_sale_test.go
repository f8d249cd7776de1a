package finance

import (
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// wooOrder is a WooCommerce order of 29.35 USD as woocommerce-order.yaml reads it, with
// its verb (processing is paid, completed is shipped, refunded without ever being
// completed is refunded).
func wooOrder(verb ontology.Verb, status string) Doc {
	return doc("woocommerce", "order", ontology.RoleOrder, verb, "741", t0, total(cash("29.35", "USD")), channel("online"),
		func(d *Doc) { d.Status = status }, line("RV19-WOO-A", 2, "9.00", "USD"))
}

// wooRefunds is the refunds[] the order lists (woocommerce-order_refunds.yaml).
func wooRefunds(amt string) Doc {
	return doc("woocommerce", "order_refunds", ontology.RoleRefund, ontology.VerbRefunded, "741", t0.Add(14*time.Hour),
		total(cash(amt, "USD")), status("money_only"))
}

// An order refunded in full is neither missing its payment nor its shipment: the refund
// is the record that money was taken, and nothing is left to ship. Before, a WooCommerce
// order processing then refunded (no payment document: bank transfer) was
// missing_payment and missing_shipment for good.
func TestOrderRefundedInFull(t *testing.T) {
	cfg := DefaultConfig()
	for _, c := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"never shipped, refunded in full", []Doc{wooOrder(ontology.VerbRefunded, "refunded"), wooRefunds("29.35")}, "matched"},
		{"refunded by its status alone", []Doc{wooOrder(ontology.VerbRefunded, "refunded")}, "matched"},
		// Completed, then refunded: the goods had left and nothing says they came back.
		{"shipped, refunded in full, nothing back", []Doc{wooOrder(ontology.VerbShipped, "refunded"), wooRefunds("29.35")},
			"partial refund_without_return(goods returned with the refund|refund of 29.35 USD, no goods back)"},
		// Part refunded: the rest is still owed, unpaid by any document and unshipped.
		{"part refunded, never paid", []Doc{wooOrder(ontology.VerbPaid, "processing"), wooRefunds("10.00")},
			"unmatched missing_payment(29.35 USD|none) missing_shipment(a shipment of 2 units|none)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(sale(c.docs...), cfg, asOf)
			if got := summary(r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
	// The refunds the order lists are booked as refunded (WooCommerce order 723: -10.00
	// and -9.00 on 39.00).
	r, _ := Reconcile(sale(wooOrder(ontology.VerbShipped, "completed"), wooRefunds("19.00")), cfg, asOf)
	if len(r.Amounts) != 1 || r.Amounts[0].Refunded != "19.00" || r.Amounts[0].Ordered != "29.35" {
		t.Errorf("amounts = %+v", r.Amounts)
	}
}

// A paid online order awaits its shipment for ShipWithinDays after its payment; only
// then is it missing. Before, it was missing_shipment the moment it was paid.
func TestShipmentAwaitedWithinDays(t *testing.T) {
	cfg := DefaultConfig()
	docs := []Doc{order(), charge("ch_1", eur("48.00")), settlement("ch_1", eur("46.36"), eur("1.64"))}
	paid := t0.Add(time.Minute)
	r, _ := Reconcile(sale(docs...), cfg, paid.Add(2*24*time.Hour))
	if got := summary(r); got != "matched" || !slices.Contains(r.Awaiting, "shipment") {
		t.Errorf("two days after payment: %s awaiting %v", got, r.Awaiting)
	}
	r, _ = Reconcile(sale(docs...), cfg, paid.Add(3*24*time.Hour+time.Second))
	if got := summary(r); got != "partial missing_shipment(a shipment of 2 units|none)" {
		t.Errorf("past three days: %s", got)
	}
	cfg.ShipWithinDays = 0
	r, _ = Reconcile(sale(docs...), cfg, paid.Add(time.Second))
	if got := summary(r); got != "partial missing_shipment(a shipment of 2 units|none)" {
		t.Errorf("no days allowed: %s", got)
	}
}

// A Stripe payout that failed after payout.paid, whose money an ERPNext Payment Entry
// already booked as received, is a payout that differs: before, the entry alone was
// "payment with no order or invoice" (missing_invoice).
func TestFailedPayoutBookedAsReceived(t *testing.T) {
	po := doc("stripe", "payout", ontology.RolePayout, ontology.VerbCancelled, "po_1", t0.AddDate(0, 0, 2), total(eur("92.72")),
		status("failed"), ref(ontology.RefPayout, "po_1"))
	entry := doc("erpnext", "payment", ontology.RolePayment, ontology.VerbSettled, "ACC-PAY-2025-00400", t0.AddDate(0, 0, 2),
		total(eur("92.72")), ref(ontology.RefPayout, "po_1"))
	r, ok := Reconcile(Event{ID: "ev_po", Kind: ontology.KindPayment, Docs: []Doc{po, entry}}, DefaultConfig(), asOf)
	if got := summary(r); !ok || got != "unmatched payout_mismatch(92.72 EUR paid out|payout failed)" {
		t.Errorf("got %s", got)
	}
	// Failed and booked by nobody: nothing to reconcile, as before.
	if _, ok := Reconcile(Event{ID: "ev_po", Kind: ontology.KindPayment, Docs: []Doc{po}}, DefaultConfig(), asOf); ok {
		t.Error("a failed payout alone was reconciled")
	}
}
