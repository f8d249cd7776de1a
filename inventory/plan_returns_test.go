package inventory

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// A return whose sale still counts the goods (Square: a return is an order of its own,
// the sale's quantities never drop) brings them back on top of what the sale took; a
// refund whose order's current quantity already leaves them out (Shopify) does not add
// them twice. Before, both were read the Shopify way, and a Square return moved nothing.
func TestPlanReturnsAgainstTheSale(t *testing.T) {
	squareReturn := func(lines ...Line) Member {
		m := member("r", ontology.RoleRefund, ontology.VerbRefunded, "STORE", lines...)
		m.SaleKeepsReturns = true
		return m
	}
	tests := []struct {
		name    string
		members []Member
		want    Effect
	}{
		{
			name: "square: sale of 2, one returned: one gone",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				squareReturn(line("A", 1)),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-1)},
		},
		{
			name:    "square: a return before its sale is known adds the goods back",
			members: []Member{squareReturn(line("A", 1))},
			want:    Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name: "square: a return of goods the sale no longer lists still counts",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				squareReturn(line("B", 1)),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-2), key("B", "STORE", ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name: "square: returned at another store: back on that store's shelf",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				func() Member { m := squareReturn(line("A", 1)); m.Location = "STORE-2"; return m }(),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-2), key("A", "STORE-2", ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name: "shopify: current quantity 1 after one of 2 came back: one gone",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 1)),
				member("r", ontology.RoleRefund, ontology.VerbRefunded, "WH", line("A", 1)),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-1)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := Plan(tc.members, nil)
			if !equalEffects(got, tc.want) {
				t.Errorf("effect = %v, want %v", got, tc.want)
			}
		})
	}
}
