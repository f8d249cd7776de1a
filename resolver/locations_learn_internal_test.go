package resolver

import (
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestCrossBlocksPairAnOpenLocationOnly: a sale at an aliased store looks up only the
// cross-location blocks of sales no alias places, and a sale no alias places looks up
// both kinds, so a pair with something to learn meets in either arrival order while two
// aliased stores' identical baskets never read each other.
func TestCrossBlocksPairAnOpenLocationOnly(t *testing.T) {
	at := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	sale := func(system, code string, role ontology.Role) *ontology.Document {
		return &ontology.Document{Key: ontology.DocKey{System: system}, Role: role, OccurredAt: at,
			Location: &ontology.LocationRef{System: system, Code: code},
			Lines:    []ontology.Line{{SKU: "LATTE", Qty: ontology.Units(2)}}}
	}
	sku := func(l ontology.Line) string { return l.SKU }
	meets := func(a, b *ontology.Document, aOpen, bOpen bool) bool {
		aStore, aLook := crossBlocks("t", aOpen, a, sku)
		bStore, bLook := crossBlocks("t", bOpen, b, sku)
		return slices.ContainsFunc(aLook, func(k string) bool { return slices.Contains(bStore, k) }) ||
			slices.ContainsFunc(bLook, func(k string) bool { return slices.Contains(aStore, k) })
	}
	order, till := sale("meituan", "POI-77", ontology.RoleOrder), sale("square", "SQ-LOC-9", ontology.RolePOS)
	for _, c := range []struct {
		orderOpen, tillOpen, want bool
	}{{true, false, true}, {false, true, true}, {true, true, true}, {false, false, false}} {
		if got := meets(order, till, c.orderOpen, c.tillOpen); got != c.want {
			t.Errorf("order open %v, till open %v: blocks meet = %v, want %v", c.orderOpen, c.tillOpen, got, c.want)
		}
		// Either side's lookup alone must find the other, whichever was stored first.
		_, look := crossBlocks("t", c.tillOpen, till, sku)
		store, _ := crossBlocks("t", c.orderOpen, order, sku)
		if found := slices.Contains(look, store[0]); found != c.want {
			t.Errorf("order open %v, till open %v: the till's lookup finds the stored order = %v, want %v",
				c.orderOpen, c.tillOpen, found, c.want)
		}
	}
}
