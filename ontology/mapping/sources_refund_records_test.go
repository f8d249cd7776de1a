package mapping_test

import (
	"bytes"
	"testing"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/ontology"
)

// refundedOf is what a result says was refunded in a currency.
func refundedOf(r finance.Result, currency string) string {
	for _, a := range r.Amounts {
		if a.Currency == currency {
			return a.Refunded
		}
	}
	return ""
}

// A WooCommerce order paid by Stripe (transaction_id the charge, _stripe_intent_id in
// meta_data), completed, then refunded 12.00 through the gateway: WooCommerce lists the
// refund in the order's refunds[] (total "-12.00") and Stripe's charge.refunded says
// amount_refunded 1200. They are one refund. Before, reconciliation said 24.00 refunded.
func TestWooCommerceRefundThroughStripeCountsOnce(t *testing.T) {
	woo, ps := sfResults(t, "woocommerce", "order", "", srcSample(t, "woocommerce/order_stripe_refunded.json"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	stripe, ps := sfResults(t, "stripe", "charge", "", srcSample(t, "stripe/charge_refunded_woo_event.json"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	wr, sr := ofType(woo, "order_refunds"), ofType(stripe, "charge_refunds")
	if len(wr) != 1 || len(sr) != 1 {
		t.Fatalf("refund documents: woocommerce %d, stripe %d", len(wr), len(sr))
	}
	if got, want := refs(wr[0]), "order_number:729 order_id:woocommerce:729 payment:ch_3R23wooCHARGE0001 payment:pi_3R23wooPI0001"; got != want {
		t.Errorf("woocommerce refunds refs = %s, want %s", got, want)
	}
	r, _ := reconciled(wr[0].OccurredAt.AddDate(0, 0, 1), append(woo, stripe...)...)
	if got := refundedOf(r, "USD"); got != "12.00" {
		t.Errorf("refunded %q, want 12.00 (amounts %+v)", got, r.Amounts)
	}
}

// A Stripe charge no order names (manual capture: authorised, captured, then refunded in
// full; charge.refunded with amount_refunded 5000): paid 50.00 and refunded 50.00, and
// nothing kept that needs an invoice. Before, refunded was empty and the charge was
// missing its invoice.
func TestStripeChargeWithoutOrderRefunded(t *testing.T) {
	docs, ps := sfResults(t, "stripe", "charge", "", srcSample(t, "stripe/charge_refunded_no_order_event.json"))
	if len(ps) > 0 || len(docs) != 2 {
		t.Fatalf("%d documents, problems %v", len(docs), ps)
	}
	r, _ := reconciled(docs[0].OccurredAt.AddDate(0, 0, 1), docs...)
	if r.Status != finance.Matched || len(r.Amounts) != 1 || r.Amounts[0].Paid != "50.00" || r.Amounts[0].Refunded != "50.00" {
		t.Errorf("status %s reasons %+v amounts %+v, want matched, paid and refunded 50.00", r.Status, r.Reasons, r.Amounts)
	}
}

// A Square payment of 10.00 refunded 5.00 with no items (review23 s3): refund.created
// carries the PaymentRefund, and payment.updated the payment with refunded_money 500 and
// refund_ids naming it. Both are refund documents naming the payment, one refund of
// 5.00 between them. Before, neither was read: refunded was empty.
func TestSquareRefundWithoutItems(t *testing.T) {
	pay, ps := sfResults(t, "square", "payment", "", srcSample(t, "square/payment_updated_refunded.json"))
	if len(ps) > 0 || len(pay) != 2 {
		t.Fatalf("payment: %d documents, problems %v", len(pay), ps)
	}
	if pr := pay[1]; pr.Key.Type != "payment_refunds" || pr.Role != ontology.RoleRefund || pr.Verb != ontology.VerbRefunded ||
		pr.Total.String() != "5 USD" || pay[0].Verb != ontology.VerbPaid || pay[0].Total.String() != "10 USD" {
		t.Errorf("payment %s %s, refunds %+v %s %s", pay[0].Verb, pay[0].Total, pr.Key, pr.Verb, pr.Total)
	}
	wantRefs(t, pay[1], "payment:square:R2B3Z8WMVt3EAmzYWLZvz7Y69EbZY", "payment:square:R2B3Z8WMVt3EAmzYWLZvz7Y69EbZY_Ly9hBTuqN3v9CyNgydaPyPiEAhKZ")
	ref, ps := sfResults(t, "square", "refund", "", srcSample(t, "square/refund_created.json"))
	if len(ps) > 0 || len(ref) != 1 {
		t.Fatalf("refund: %d documents, problems %v", len(ref), ps)
	}
	if r := ref[0]; r.Role != ontology.RoleRefund || r.Verb != ontology.VerbRefunded || r.Total.String() != "5 USD" {
		t.Errorf("refund %s %s %s", r.Role, r.Verb, r.Total)
	}
	wantRefs(t, ref[0], "payment:square:R2B3Z8WMVt3EAmzYWLZvz7Y69EbZY")
	// A refund Square could not make gave nothing back.
	failed := bytes.Replace(srcSample(t, "square/refund_created.json"), []byte(`"COMPLETED"`), []byte(`"FAILED"`), 1)
	if d, _ := sfResults(t, "square", "refund", "", failed); len(d) != 1 || d[0].Verb != ontology.VerbCancelled {
		t.Errorf("failed refund: %+v", d)
	}
	r, _ := reconciled(ref[0].OccurredAt.AddDate(0, 0, 1), append(pay, ref...)...)
	if got := refundedOf(r, "USD"); got != "5.00" {
		t.Errorf("refunded %q, want 5.00 (amounts %+v)", got, r.Amounts)
	}
}
