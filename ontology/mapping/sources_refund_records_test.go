package mapping_test

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// squareEdited maps a Square sample after edit changed its decoded JSON.
func squareEdited(t *testing.T, typ, file string, edit func(root map[string]any)) []*ontology.Document {
	t.Helper()
	docs, ps := sfResults(t, "square", typ, "", editedSample(t, file, edit))
	if len(ps) > 0 {
		t.Fatalf("%s: %v", file, ps)
	}
	return docs
}

// A Square sale (63.40 on payment bP9m...) from which 17.25 of goods came back at the
// till, and 5.00 more given back later without goods. Square made a return order for
// the first (returns[] naming the sale, refunds[] the tender given back to); each
// PaymentRefund names the payment and the order made for it (order_id, "not the same
// Order object that was created for the initial Payment"), and the payment's
// refunded_money says 22.25 in all. That is 22.25 refunded, the return one record of
// the payment's refund. Before, the return named no payment and its 17.25 did not
// match the payment's 22.25, so it was counted on top (39.50); and the PaymentRefund's
// order_id linked it to nothing (found by an outside review, review23).
func TestSquareReturnOrderRefundCountsOnceWithItsPayment(t *testing.T) {
	const payment, returnOrder = "bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY", "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY"
	sale, ps := sfResults(t, "square", "order", "", srcSample(t, "square/order.json"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	pay := squareEdited(t, "payment", "square/payment_updated.json", func(r map[string]any) {
		p := r["data"].(map[string]any)["object"].(map[string]any)["payment"].(map[string]any)
		p["refunded_money"] = map[string]any{"amount": json.Number("2225"), "currency": "USD"}
		p["refund_ids"] = []any{payment + "_Ret1725aBcD", payment + "_Amt500eFgH"}
		p["updated_at"] = "2025-07-03T10:00:00.000Z"
	})
	ret, ps := sfResults(t, "square", "order", "", srcSample(t, "square/return_order.json"))
	if len(ps) > 0 || len(ret) != 1 {
		t.Fatalf("return: %d documents, problems %v", len(ret), ps)
	}
	refund := func(id, order string, cents int64, at string) []*ontology.Document {
		return squareEdited(t, "refund", "square/refund_created.json", func(r map[string]any) {
			ev := r["data"].(map[string]any)
			ev["id"] = id
			f := ev["object"].(map[string]any)["refund"].(map[string]any)
			f["id"], f["payment_id"], f["order_id"], f["location_id"] = id, payment, order, "L2K8D0QWERT7Y"
			f["amount_money"] = map[string]any{"amount": json.Number(fmt.Sprint(cents)), "currency": "USD"}
			f["created_at"], f["updated_at"] = at, at
		})
	}
	byReturn := refund(payment+"_Ret1725aBcD", returnOrder, 1725, "2025-07-02T14:06:02.000Z")
	byAmount := refund(payment+"_Amt500eFgH", "Zq8AmountOnlyOrder0000000ZY", 500, "2025-07-03T09:59:00.000Z")

	// The PaymentRefund and the return order share a key: the order Square made.
	shared := false
	for _, a := range byReturn[0].Refs {
		for _, b := range ret[0].Refs {
			shared = shared || (a == b && a.Kind == ontology.RefOrderID)
		}
	}
	if !shared {
		t.Errorf("refund refs %v and return refs %v share no order id", byReturn[0].Refs, ret[0].Refs)
	}
	docs := append(append(append(append(sale, pay...), ret...), byReturn...), byAmount...)
	r, _ := reconciled(byAmount[0].OccurredAt.AddDate(0, 0, 1), docs...)
	if got := refundedOf(r, "USD"); got != "22.25" {
		t.Errorf("refunded %q, want 22.25: the return is one record of the payment's refund (amounts %+v)", got, r.Amounts)
	}
}
