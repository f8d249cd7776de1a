package inventory

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// An order refunded in full (WooCommerce status refunded, Shopify financial_status
// refunded) has nothing left to ship: it reserves nothing. Goods that left before the
// refund stay gone unless a refund restocked them.
func TestPlanOrderRefundedInFull(t *testing.T) {
	tests := []struct {
		name    string
		members []Member
		want    Effect
	}{
		{
			name:    "refunded before it shipped: nothing reserved, nothing taken",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbRefunded, "WH", line("A", 2))},
			want:    Effect{},
		},
		{
			name: "refunded after its shipment: the goods stay gone",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbRefunded, "WH", line("A", 2)),
				member("f", ontology.RoleFulfilment, ontology.VerbShipped, "WH", line("A", 2)),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-2)},
		},
		{
			name: "refunded after its shipment, one unit restocked",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbRefunded, "WH", line("A", 2)),
				member("f", ontology.RoleFulfilment, ontology.VerbShipped, "WH", line("A", 2)),
				member("r", ontology.RoleRefund, ontology.VerbRefunded, "WH", line("A", 1)),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-1)},
		},
		{
			name: "refunded after half shipped: the rest is not reserved",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbRefunded, "WH", line("A", 2)),
				member("f", ontology.RoleFulfilment, ontology.VerbShipped, "WH", line("A", 1)),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-1)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := Plan(tc.members, nil)
			if !equalEffects(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
