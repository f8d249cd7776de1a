package inventory

import (
	"maps"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// placedAt gives a line a location of its own.
func placedAt(l Line, loc string) Line { l.Location = loc; return l }

// TestLinesMoveAtTheirOwnLocation: an ERPNext document books each line in its own
// warehouse, which may differ from the document's (set_warehouse). Before, every line
// moved at the document's location; refused goods were held there too, not in the
// rejected warehouse.
func TestLinesMoveAtTheirOwnLocation(t *testing.T) {
	rejected := func(l Line, n int64, loc string) Line {
		q := ontology.Units(n)
		l.RejectedQty, l.RejectedLocation = &q, loc
		return l
	}
	outbound := func(m Member) Member { m.Direction = "outbound"; return m }
	tests := []struct {
		name    string
		members []Member
		want    Effect
	}{
		{
			name: "a receipt's lines in their own warehouses, refused goods in the rejected one",
			members: []Member{member("r", ontology.RoleReceipt, ontology.VerbReceived, "STORES",
				rejected(placedAt(line("A", 472), "BIN-1"), 8, "REJECTED"), placedAt(line("B", 48), "BIN-2"), line("C", 5))},
			want: Effect{key("A", "BIN-1", ontology.BucketOnHand): ontology.Units(472), key("A", "REJECTED", ontology.BucketOnHold): ontology.Units(8),
				key("B", "BIN-2", ontology.BucketOnHand): ontology.Units(48), key("C", "STORES", ontology.BucketOnHand): ontology.Units(5)},
		},
		{
			name: "refused goods without a rejected warehouse are held where the line's goods go",
			members: []Member{member("r", ontology.RoleReceipt, ontology.VerbReceived, "STORES",
				rejected(placedAt(line("A", 2), "BIN-1"), 1, ""))},
			want: Effect{key("A", "BIN-1", ontology.BucketOnHand): ontology.Units(2), key("A", "BIN-1", ontology.BucketOnHold): ontology.Units(1)},
		},
		{
			name: "a transfer: one event, out of each line's source, into each line's target",
			members: []Member{
				outbound(member("s", ontology.RoleReceipt, ontology.VerbTransferred, "STORES",
					placedAt(line("A", 5), "STORES"), placedAt(line("B", 2), "OVERFLOW"))),
				member("t", ontology.RoleReceipt, ontology.VerbTransferred, "SHOP",
					placedAt(line("A", 5), "SHOP"), placedAt(line("B", 2), "SHOP-2")),
			},
			want: Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(-5), key("A", "SHOP", ontology.BucketOnHand): ontology.Units(5),
				key("B", "OVERFLOW", ontology.BucketOnHand): ontology.Units(-2), key("B", "SHOP-2", ontology.BucketOnHand): ontology.Units(2)},
		},
		{
			name: "a delivery note's lines leave their own warehouses",
			members: []Member{member("dn", ontology.RolePOS, ontology.VerbFulfilled, "STORES",
				placedAt(line("A", 10), "STORES"), placedAt(line("B", 3), "COLD"))},
			want: Effect{key("A", "STORES", ontology.BucketOnHand): ontology.Units(-10), key("B", "COLD", ontology.BucketOnHand): ontology.Units(-3)},
		},
		{
			name: "its return brings them back there, on top of what it took",
			members: []Member{
				member("dn", ontology.RolePOS, ontology.VerbFulfilled, "STORES", placedAt(line("B", 3), "COLD")),
				func() Member {
					m := member("ret", ontology.RoleRefund, ontology.VerbReturned, "STORES", placedAt(line("B", 1), "COLD"))
					m.SaleKeepsReturns = true
					return m
				}(),
			},
			want: Effect{key("B", "COLD", ontology.BucketOnHand): ontology.Units(-2)},
		},
		{
			name: "a purchase order's lines are expected at their own warehouses",
			members: []Member{member("po", ontology.RolePurchase, ontology.VerbOrdered, "STORES",
				placedAt(line("A", 4), "BIN-1"), line("B", 1))},
			want: Effect{key("A", "BIN-1", ontology.BucketIncoming): ontology.Units(4), key("B", "STORES", ontology.BucketIncoming): ontology.Units(1)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := Plan(tc.members, nil)
			if !maps.Equal(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
	if k := Kind([]Member{outbound(member("s", ontology.RoleReceipt, ontology.VerbTransferred, "STORES", line("A", 5))),
		member("t", ontology.RoleReceipt, ontology.VerbTransferred, "SHOP", line("A", 5))}); k != ontology.KindTransfer {
		t.Errorf("the two halves of a transfer are a %s", k)
	}
}
