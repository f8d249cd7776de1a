package finance

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestOneRefundRecordedByStorefrontAndProcessor: a storefront's refund paid back through
// its gateway and the processor's refund of that charge are one refund, matched by the
// charge they name, else (one naming no payment) by amount; refunds of different
// charges, or of one source, add up. Before, every record added up: 12.00 refunded
// through Stripe read 24.00.
func TestOneRefundRecordedByStorefrontAndProcessor(t *testing.T) {
	at := t0.AddDate(0, 0, 2)
	woo := func(amt string, opts ...func(*Doc)) Doc {
		return doc("woocommerce", "order_refunds", ontology.RoleRefund, ontology.VerbRefunded, "729", at,
			append([]func(*Doc){total(eur(amt)), status("money_only")}, opts...)...)
	}
	stripe := func(ch, amt string) Doc {
		return doc("stripe", "charge_refunds", ontology.RoleRefund, ontology.VerbRefunded, ch, at,
			total(eur(amt)), status("money_only"), ref(ontology.RefPayment, ch), ref(ontology.RefPayment, "re_"+ch))
	}
	paypal := doc("paypal", "refund", ontology.RoleRefund, ontology.VerbRefunded, "PAY-1", at,
		total(eur("10.00")), ref(ontology.RefPayment, "PAY-1"))
	shopify := func(id, amt string) Doc {
		return doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, id, at, total(eur(amt)))
	}
	for _, c := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"woo's refund through stripe, both naming the charge", []Doc{woo("12.00", ref(ontology.RefPayment, "ch_1")), stripe("ch_1", "12.00")}, "12.00"},
		{"woo also refunded 5.00 by hand", []Doc{woo("17.00", ref(ontology.RefPayment, "ch_1")), stripe("ch_1", "12.00")}, "17.00"},
		{"stripe's refund woo has not heard of yet", []Doc{woo("12.00", ref(ontology.RefPayment, "ch_1")), stripe("ch_1", "20.00")}, "20.00"},
		{"woo naming no payment, the same amount", []Doc{woo("12.00"), stripe("ch_1", "12.00")}, "12.00"},
		{"woo naming no payment, another amount", []Doc{woo("5.00"), stripe("ch_1", "12.00")}, "17.00"},
		{"two processors' charges, each refunded", []Doc{stripe("ch_1", "10.00"), paypal}, "20.00"},
		{"woo's refund of two charges, each refunded at stripe", []Doc{woo("22.00", ref(ontology.RefPayment, "ch_1"), ref(ontology.RefPayment, "ch_2")),
			stripe("ch_1", "12.00"), stripe("ch_2", "10.00")}, "22.00"},
		{"two refunds of one source", []Doc{shopify("r1", "10.00"), shopify("r2", "10.00")}, "20.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := append([]Doc{order(), tracking(), charge("ch_1", eur("48.00"))}, c.docs...)
			r, _ := Reconcile(sale(docs...), DefaultConfig(), asOf)
			if len(r.Amounts) != 1 || r.Amounts[0].Refunded != c.want {
				t.Errorf("amounts %+v, want %s refunded", r.Amounts, c.want)
			}
		})
	}
}

// TestChargeWithNoOrderShowsItsRefund: a charge no order or invoice names, authorised,
// captured and refunded, gave its money back: its refunds are booked as a sale's are,
// and a charge refunded in full keeps nothing that an invoice must account for. One
// refunded in part still lacks its invoice. Before, the refund was never booked
// (refunded empty beside paid 50.00) and the charge refunded in full was missing_invoice.
func TestChargeWithNoOrderShowsItsRefund(t *testing.T) {
	usd := func(s string) *ontology.Money { return cash(s, "USD") }
	refunds := func(amt string) Doc {
		return doc("stripe", "charge_refunds", ontology.RoleRefund, ontology.VerbRefunded, "ch_1", t0.Add(time.Hour),
			total(usd(amt)), status("money_only"), ref(ontology.RefPayment, "ch_1"))
	}
	full := charge("ch_1", usd("50.00"))
	full.Verb = ontology.VerbRefunded
	for _, c := range []struct {
		name           string
		docs           []Doc
		want, refunded string
	}{
		{"refunded in full", []Doc{full, refunds("50.00")}, "matched", "50.00"},
		{"refunded in part", []Doc{charge("ch_1", usd("50.00")), refunds("10.00")},
			"unmatched missing_invoice(an order or invoice the payment is for|50.00 USD)", "10.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(Event{ID: "ev_ch", Kind: ontology.KindSale, OccurredAt: t0, Docs: c.docs}, DefaultConfig(), asOf)
			if got := summary(r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
			if len(r.Amounts) != 1 || r.Amounts[0].Paid != "50.00" || r.Amounts[0].Refunded != c.refunded {
				t.Errorf("amounts %+v, want paid 50.00 refunded %s", r.Amounts, c.refunded)
			}
		})
	}
}
