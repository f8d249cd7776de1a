package inventory

import (
	"reflect"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// out is a receipt-role document that books goods leaving its location (an ERPNext
// purchase return, material issue, or the source side of a material transfer).
func out(uid string, verb ontology.Verb, loc string, lines ...Line) Member {
	m := member(uid, ontology.RoleReceipt, verb, loc, lines...)
	m.Direction = "outbound"
	return m
}

// TestPlanOwnStockBookings: an ERP's own stock bookings move stock on their own, each
// side at its own location, and a cancelled or draft booking moves nothing.
func TestPlanOwnStockBookings(t *testing.T) {
	tests := []struct {
		name    string
		members []Member
		want    Effect
		kind    ontology.EventKind
	}{
		{
			name:    "material issue takes goods off hand",
			members: []Member{out("se", ontology.VerbConsumed, "STORES", line("A", 5))},
			want:    Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(-5)},
			kind:    ontology.KindConsumption,
		},
		{
			name:    "transfer source side",
			members: []Member{out("se", ontology.VerbTransferred, "STORES", line("A", 5))},
			want:    Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(-5)},
			kind:    ontology.KindTransfer,
		},
		{
			name:    "transfer target side",
			members: []Member{member("se-in", ontology.RoleReceipt, ontology.VerbTransferred, "SHOP", line("A", 5))},
			want:    Effect{key("A", "SHOP", ontology.BucketOnHand): ontology.Units(5)},
			kind:    ontology.KindTransfer,
		},
		{
			name: "both sides of a transfer in one event",
			members: []Member{out("se", ontology.VerbTransferred, "STORES", line("A", 5)),
				member("se-in", ontology.RoleReceipt, ontology.VerbTransferred, "SHOP", line("A", 5))},
			want: Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(-5),
				key("A", "SHOP", ontology.BucketOnHand): ontology.Units(5)},
			kind: ontology.KindTransfer,
		},
		{
			name: "a purchase return joined to its receipt nets it",
			members: []Member{member("pr", ontology.RoleReceipt, ontology.VerbReceived, "STORES", line("A", 24)),
				out("pr-ret", ontology.VerbReturned, "STORES", line("A", 12))},
			want: Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(12)},
			kind: ontology.KindReceipt,
		},
		{
			name:    "a purchase return alone",
			members: []Member{out("pr-ret", ontology.VerbReturned, "STORES", line("A", 12))},
			want:    Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(-12)},
			kind:    ontology.KindAdjustment,
		},
		{
			name:    "a cancelled issue moves nothing",
			members: []Member{out("se", ontology.VerbCancelled, "STORES", line("A", 5))},
			want:    Effect{},
			kind:    ontology.KindAdjustment,
		},
		{
			name:    "a draft issue moves nothing",
			members: []Member{out("se", ontology.VerbDeclared, "STORES", line("A", 5))},
			want:    Effect{},
			kind:    ontology.KindAdjustment,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := Plan(tt.members, nil)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("effect = %v, want %v", got, tt.want)
			}
			if k := Kind(tt.members); k != tt.kind {
				t.Errorf("kind = %s, want %s", k, tt.kind)
			}
		})
	}
}

// TestCancelledPOSJoinedToAnOrderTakesNothing: an ERPNext delivery note (a point-of-sale
// document of its warehouse) joined to the shop's order, then cancelled in ERPNext: the
// goods are back, and the order still reserves them. Before, the cancelled document's
// lines still took the goods.
func TestCancelledPOSJoinedToAnOrderTakesNothing(t *testing.T) {
	order := member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 2))
	dn := member("dn", ontology.RolePOS, ontology.VerbFulfilled, "WH", line("A", 2))
	got, _ := Plan([]Member{order, dn}, nil)
	if want := (Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-2)}); !reflect.DeepEqual(got, want) {
		t.Fatalf("delivered: %v, want %v", got, want)
	}
	dn.Verb = ontology.VerbCancelled
	got, _ = Plan([]Member{order, dn}, nil)
	if want := (Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(2)}); !reflect.DeepEqual(got, want) {
		t.Fatalf("delivery cancelled: %v, want %v", got, want)
	}
}
