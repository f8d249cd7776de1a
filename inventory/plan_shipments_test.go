package inventory

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestPlanShipmentsAndRefunds follows a storefront order through its shipments and
// refunds, in any combination the documents may arrive in.
func TestPlanShipmentsAndRefunds(t *testing.T) {
	order := func(verb ontology.Verb, n int64) Member {
		return member("o", ontology.RoleOrder, verb, "WH", line("A", n))
	}
	ship := func(uid string, verb ontology.Verb, n int64) Member {
		return member(uid, ontology.RoleFulfilment, verb, "", line("A", n))
	}
	refund := func(uid string, lines ...Line) Member {
		return member(uid, ontology.RoleRefund, ontology.VerbRefunded, "WH", lines...)
	}
	onHand := func(n int64) Effect { return Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(n)} }
	// carried is goods that left with a carrier and are not delivered yet.
	carried := func(n int64, more Effect) Effect {
		e := Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-n), key("A", "WH", ontology.BucketInTransit): ontology.Units(n)}
		for k, q := range more {
			e[k] = q
		}
		return e
	}
	tests := []struct {
		name    string
		members []Member
		want    Effect
	}{
		{"a shipment of the whole order takes it from on hand, nothing stays reserved; it is in transit",
			[]Member{order(ontology.VerbPaid, 2), ship("f1", ontology.VerbShipped, 2)}, carried(2, nil)},
		{"the shipment is part of the sale, never a second sale: the order says fulfilled too",
			[]Member{order(ontology.VerbFulfilled, 2), ship("f1", ontology.VerbShipped, 2)}, carried(2, nil)},
		{"a partial shipment ships part and keeps the rest reserved",
			[]Member{order(ontology.VerbPaid, 3), ship("f1", ontology.VerbShipped, 1)},
			carried(1, Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(2)})},
		{"two shipments add up",
			[]Member{order(ontology.VerbPaid, 3), ship("f1", ontology.VerbShipped, 1), ship("f2", ontology.VerbShipped, 2)}, carried(3, nil)},
		{"delivered goods are no longer in transit",
			[]Member{order(ontology.VerbPaid, 2), ship("f1", ontology.VerbShipped, 2),
				member("t", ontology.RoleTracking, ontology.VerbDelivered, "")}, onHand(-2)},
		{"a cancelled shipment ships nothing",
			[]Member{order(ontology.VerbPaid, 2), ship("f1", ontology.VerbCancelled, 2)},
			Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(2)}},
		{"a returned unit comes back; the order, fulfilled, keeps nothing reserved",
			[]Member{order(ontology.VerbFulfilled, 2), ship("f1", ontology.VerbShipped, 2), refund("r1", line("A", 1))}, onHand(-1)},
		{"after the refund the order's current quantity no longer counts the returned unit",
			[]Member{order(ontology.VerbPaid, 1), ship("f1", ontology.VerbShipped, 2), refund("r1", line("A", 1))}, onHand(-1)},
		{"a return without shipment documents: the order says the goods left",
			[]Member{order(ontology.VerbFulfilled, 1), refund("r1", line("A", 1))}, onHand(-1)},
		{"a refund that restocks nothing moves nothing",
			[]Member{order(ontology.VerbFulfilled, 2), ship("f1", ontology.VerbShipped, 2), refund("r1")}, onHand(-2)},
		{"a product the shipments never name stays reserved, though the order says it shipped",
			[]Member{member("o", ontology.RoleOrder, ontology.VerbShipped, "WH", line("A", 1), line("B", 2)), ship("f1", ontology.VerbShipped, 1)},
			carried(1, Effect{key("B", "WH", ontology.BucketReserved): ontology.Units(2)})},
		{"units of a product the shipments name fewer times than the order lists stay reserved, though the order says it shipped",
			[]Member{member("o", ontology.RoleOrder, ontology.VerbShipped, "WH", line("A", 1), line("A", 1)), ship("f1", ontology.VerbShipped, 1)},
			carried(1, Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(1)})},
		{"a refund of one product ends that product's journey only: the other parcel is still on its way",
			[]Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2), line("B", 1)),
				member("f1", ontology.RoleFulfilment, ontology.VerbShipped, "", line("A", 2)),
				member("f2", ontology.RoleFulfilment, ontology.VerbShipped, "", line("B", 1)), refund("r1", line("A", 1))},
			Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-1),
				key("B", "WH", ontology.BucketOnHand): ontology.Units(-1), key("B", "WH", ontology.BucketInTransit): ontology.Units(1)}},
		{"a shipment delivered ends its own products' journey; another shipment's goods are still in transit",
			[]Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2), line("B", 1)),
				member("f1", ontology.RoleFulfilment, ontology.VerbDelivered, "", line("A", 2)),
				member("f2", ontology.RoleFulfilment, ontology.VerbShipped, "", line("B", 1))},
			Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-2),
				key("B", "WH", ontology.BucketOnHand): ontology.Units(-1), key("B", "WH", ontology.BucketInTransit): ontology.Units(1)}},
		{"a refund of money only settles every parcel, as before",
			[]Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2), line("B", 1)),
				member("f1", ontology.RoleFulfilment, ontology.VerbShipped, "", line("A", 2)),
				member("f2", ontology.RoleFulfilment, ontology.VerbShipped, "", line("B", 1)), refund("r1")},
			Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-2), key("B", "WH", ontology.BucketOnHand): ontology.Units(-1)}},
		{"a unit cancelled before anything shipped ends no journey: the unit shipped after it is in transit",
			[]Member{order(ontology.VerbFulfilled, 1), refund("r1", Line{SKU: "A", Qty: ontology.Units(1), Outcome: ontology.OutcomeUnshipped}),
				ship("f1", ontology.VerbShipped, 1)}, carried(1, nil)},
		{"a refund whose sale is not known yet returns its goods",
			[]Member{refund("r1", line("A", 1))}, onHand(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := Plan(tt.members, nil)
			if !equalEffects(got, tt.want) {
				t.Fatalf("effect %v, want %v", got, tt.want)
			}
			// The same members in reverse arrival order plan the same.
			rev := make([]Member, len(tt.members))
			for i, m := range tt.members {
				rev[len(rev)-1-i] = m
			}
			if again, _ := Plan(rev, nil); !equalEffects(again, tt.want) {
				t.Fatalf("reversed: effect %v, want %v", again, tt.want)
			}
		})
	}
}

func equalEffects(a, b Effect) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
