package finance

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestRefundedDuplicateCharge: a charge taken twice and the second refunded is money
// given back that was never owed: no duplicate payment, no goods expected back. A refund
// of what was owed still expects the goods.
func TestRefundedDuplicateCharge(t *testing.T) {
	cfg := DefaultConfig()
	refunded := func(id string) Doc {
		d := charge(id, eur("48.00"))
		d.Verb = ontology.VerbRefunded
		return d
	}
	for _, c := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"shipped, the duplicate refunded", []Doc{order(), tracking(), charge("ch_1", eur("48.00")), refunded("ch_2")}, "matched"},
		{"not shipped yet, the duplicate refunded: the goods are still due", []Doc{order(), charge("ch_1", eur("48.00")), refunded("ch_2")},
			"partial missing_shipment(a shipment of 2 units|none)"},
		{"both charges kept", []Doc{order(), tracking(), charge("ch_1", eur("48.00")), charge("ch_2", eur("48.00"))},
			"partial duplicate_payment(48.00 EUR|96.00 EUR)"},
		{"the only charge refunded, the goods kept", []Doc{order(), tracking(), refunded("ch_1")},
			"partial refund_without_return(goods returned with the refund|refund of 48.00 EUR, no goods back)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(sale(c.docs...), cfg, asOf)
			if got := summary(r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestRefundOfAParcelReturnedToSender: the carrier brought the parcel back to the
// merchant (AfterShip return_to_sender), so a refund without goods lines is not a
// refund without a return.
func TestRefundOfAParcelReturnedToSender(t *testing.T) {
	returned := tracking()
	returned.Verb = ontology.VerbReturned
	refund := doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, "r1", t0.AddDate(0, 0, 5), total(eur("48.00")))
	r, _ := Reconcile(sale(order(), returned, charge("ch_1", eur("48.00")), refund), DefaultConfig(), asOf)
	if got := summary(r); strings.Contains(got, string(RefundWithoutReturn)) {
		t.Errorf("got %s: the parcel came back to the merchant", got)
	}
	r, _ = Reconcile(sale(order(), tracking(), charge("ch_1", eur("48.00")), refund), DefaultConfig(), asOf)
	if got := summary(r); !strings.Contains(got, string(RefundWithoutReturn)) {
		t.Errorf("got %s: a delivered parcel refunded without goods back is still a difference", got)
	}
}

// TestRefundBeyondWhatWasTaken: a refund larger than the payment is money lost (typed
// twice, minor units read as major ones) and is a difference even when the goods came
// back; a refund of what was paid, or within the tolerance of it, is not. With no
// payment document and no system that collected the money, nothing is judged yet.
func TestRefundBeyondWhatWasTaken(t *testing.T) {
	refund := func(amount string) Doc {
		return doc("shopify", "refund", ontology.RoleRefund, ontology.VerbRefunded, "r1", t0.AddDate(0, 0, 5), total(eur(amount)))
	}
	returned := tracking()
	returned.Verb = ontology.VerbReturned
	over := "amount_mismatch(at most 48.00 EUR refunded|72.00 EUR refunded)"
	for _, c := range []struct {
		name string
		docs []Doc
		want bool
	}{
		{"72.00 back on a 48.00 charge", []Doc{order(), returned, charge("ch_1", eur("48.00")), refund("72.00")}, true},
		{"all of it back", []Doc{order(), returned, charge("ch_1", eur("48.00")), refund("48.00")}, false},
		{"within the tolerance", []Doc{order(), returned, charge("ch_1", eur("48.00")), refund("48.01")}, false},
		{"no payment known yet", []Doc{order(), returned, refund("72.00")}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(sale(c.docs...), DefaultConfig(), asOf)
			if got := summary(r); strings.Contains(got, over) != c.want {
				t.Errorf("got %s; want %s: %v", got, over, c.want)
			}
		})
	}
}
