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

// TestPlanShipmentItemsInPages: Amazon answers a shipment's items in pages (NextToken),
// each page a document of its own keyed by the shipment and its first SKU. The pages add
// up: announced, all their goods are incoming; received, all their counts are on hand;
// a page not counted yet, beside counted ones, is expected and receives nothing. Its
// shipment's CANCELLED status cancels every page.
func TestPlanShipmentItemsInPages(t *testing.T) {
	page := func(id string, verb ontology.Verb, got int64, skus ...string) Member {
		var ls []Line
		for _, s := range skus {
			l := line(s, got)
			l.ExpectedQty = ptr(ontology.Units(10))
			ls = append(ls, l)
		}
		m := member("acme/amazon-fba/shipment_items/"+id, ontology.RoleReceipt, verb, "", ls...)
		m.System, m.Type = "amazon-fba", "shipment_items"
		return m
	}
	status := func(verb ontology.Verb) Member {
		m := member("acme/amazon-fba/shipment/FBA15DJ9SVVD", ontology.RoleTracking, verb, "MKC6")
		m.System, m.Type = "amazon-fba", "shipment"
		return m
	}
	each := func(b ontology.Bucket, n int64, skus ...string) Effect {
		e := Effect{}
		for _, s := range skus {
			e[key(s, "MKC6", b)] = ontology.Units(n)
		}
		return e
	}
	tests := []struct {
		name    string
		members []Member
		want    Effect
		short   []string
	}{
		{"two pages on their way", []Member{status(ontology.VerbShipped),
			page("FBA15DJ9SVVD/A", ontology.VerbShipped, 0, "A", "B"), page("FBA15DJ9SVVD/C", ontology.VerbShipped, 0, "C")},
			each(ontology.BucketIncoming, 10, "A", "B", "C"), nil},
		{"two pages received", []Member{status(ontology.VerbReceived),
			page("FBA15DJ9SVVD/A", ontology.VerbReceived, 10, "A", "B"), page("FBA15DJ9SVVD/C", ontology.VerbReceived, 10, "C")},
			each(ontology.BucketOnHand, 10, "A", "B", "C"), nil},
		{"the second page not counted yet", []Member{status(ontology.VerbReceived),
			page("FBA15DJ9SVVD/A", ontology.VerbReceived, 10, "A", "B"), page("FBA15DJ9SVVD/C", ontology.VerbShipped, 0, "C")},
			each(ontology.BucketOnHand, 10, "A", "B"), []string{"C"}},
		{"the shipment cancelled", []Member{status(ontology.VerbCancelled),
			page("FBA15DJ9SVVD/A", ontology.VerbShipped, 0, "A", "B"), page("FBA15DJ9SVVD/C", ontology.VerbShipped, 0, "C")},
			Effect{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ds := Plan(tt.members, nil)
			if !equalEffects(got, tt.want) {
				t.Fatalf("effect %v, want %v", got, tt.want)
			}
			var short []string
			for _, d := range ds {
				short = append(short, d.SKU)
			}
			if len(short) != len(tt.short) || (len(short) > 0 && short[0] != tt.short[0]) {
				t.Errorf("discrepancies %+v, want short %v", ds, tt.short)
			}
		})
	}
}
