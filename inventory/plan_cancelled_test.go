package inventory

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestPlanCancelledShipmentStatus: Amazon answers an inbound shipment's status and its
// items apart. The status saying CANCELLED cancels that shipment's items (same system
// and id, another type), not the items of another shipment of the same purchase order.
func TestPlanCancelledShipmentStatus(t *testing.T) {
	items := func(id string, n int64) Member {
		l := line("A", 0)
		l.ExpectedQty = ptr(ontology.Units(n))
		return member("acme/amazon-fba/shipment_items/"+id, ontology.RoleReceipt, ontology.VerbShipped, "", l)
	}
	status := func(id string, verb ontology.Verb) Member {
		return member("acme/amazon-fba/shipment/"+id, ontology.RoleTracking, verb, "FC")
	}
	incoming := func(n int64) Effect { return Effect{key("A", "FC", ontology.BucketIncoming): ontology.Units(n)} }
	tests := []struct {
		name    string
		members []Member
		want    Effect
	}{
		{"a shipment on its way announces its items", []Member{status("FBA1/X", ontology.VerbShipped), items("FBA1/X", 4)}, incoming(4)},
		{"cancelled, its items never come", []Member{status("FBA1/X", ontology.VerbCancelled), items("FBA1/X", 4)}, Effect{}},
		{"another shipment of the purchase order still comes",
			[]Member{status("FBA1/X", ontology.VerbCancelled), items("FBA1/X", 4), status("FBA2", ontology.VerbShipped), items("FBA2", 3)}, incoming(3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := Plan(tt.members, nil); !equalEffects(got, tt.want) {
				t.Fatalf("effect %v, want %v", got, tt.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
