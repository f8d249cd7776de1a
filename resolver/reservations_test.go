package resolver

import (
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestOrderRefsNameWhatAChannelReservedUnder(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  ontology.Document
		want []string
		eats bool
	}{
		{"shopify order: number in both forms, id, checkout token", ontology.Document{
			Key: ontology.DocKey{ExternalID: "9820193847261123"}, Role: ontology.RoleOrder,
			Refs: []ontology.Ref{
				{Kind: ontology.RefOrderNumber, Value: "1047"},
				{Kind: ontology.RefOrderID, Scope: "shopify", Value: "9820193847261123"},
				{Kind: ontology.RefPayment, Scope: "shopify", Value: "c1f0e6b2"},
				{Kind: ontology.RefTracking, Value: "1Z999"},
			}}, []string{"1047", "#1047", "9820193847261123", "c1f0e6b2"}, true},
		{"pos sale: its own id", ontology.Document{Key: ontology.DocKey{ExternalID: "q7Lm"}, Role: ontology.RolePOS},
			[]string{"q7Lm"}, true},
		{"our reference in a partner field", ontology.Document{Key: ontology.DocKey{ExternalID: "SO-9"}, Role: ontology.RoleOrder,
			Refs: []ontology.Ref{{Kind: ontology.RefHubRef, Value: "seam-77"}}}, []string{"seam-77", "SO-9"}, true},
		{"a payment consumes nothing", ontology.Document{Key: ontology.DocKey{ExternalID: "ch_1"}, Role: ontology.RolePayment,
			Refs: []ontology.Ref{{Kind: ontology.RefOrderNumber, Value: "1047"}}}, []string{"1047", "#1047", "ch_1"}, false},
	} {
		if got := orderRefs(&c.doc); !slices.Equal(got, c.want) {
			t.Errorf("%s: refs %q, want %q", c.name, got, c.want)
		}
		if got := consumes(&c.doc); got != c.eats {
			t.Errorf("%s: consumes = %v, want %v", c.name, got, c.eats)
		}
	}
}
