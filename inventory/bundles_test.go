package inventory

import (
	"maps"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestReceiptLinesMoveByTheirBundledLots: an ERPNext v15 receipt line names its lots
// only by its Serial and Batch Bundle's id; the bundle, posted on its own, is a lots
// document of the receipt's event naming the line by its row. The line moves by those
// lots; what it refused, whose lots are in another bundle, is held without a lot.
// Before, the bundle was no document and the line had no lot.
func TestReceiptLinesMoveByTheirBundledLots(t *testing.T) {
	rowed := func(l Line, row string) Line { l.Row = row; return l }
	lot := func(l Line, lot string) Line { l.Lot = lot; return l }
	refused := func(l Line, n int64) Line {
		q := ontology.Units(n)
		l.RejectedQty, l.RejectedLocation = &q, "REJECTED"
		return l
	}
	held := func(sku, loc, lot string) Key {
		return Key{ontology.Cell{SKU: sku, Location: loc, Lot: lot}, ontology.BucketOnHold}
	}
	receipt := member("r", ontology.RoleReceipt, ontology.VerbReceived, "STORES",
		refused(rowed(line("A", 24), "row-1"), 12), rowed(line("B", 5), "row-2"))
	receipt.System = "erpnext"
	bundle := func(verb ontology.Verb, lines ...Line) Member {
		m := member("b", ontology.RoleLots, verb, "STORES", lines...)
		m.System = "erpnext"
		return m
	}
	tests := []struct {
		name    string
		members []Member
		want    Effect
	}{
		{
			name:    "the bundle's lots",
			members: []Member{receipt, bundle(ontology.VerbObserved, rowed(lot(line("A", 20), "B1"), "row-1"), rowed(lot(line("A", 4), "B2"), "row-1"))},
			want: Effect{lotKey("A", "STORES", "B1"): ontology.Units(20), lotKey("A", "STORES", "B2"): ontology.Units(4),
				held("A", "REJECTED", ""): ontology.Units(12), lotKey("B", "STORES", ""): ontology.Units(5)},
		},
		{
			name:    "lots that do not add up to the line leave it as it came",
			members: []Member{receipt, bundle(ontology.VerbObserved, rowed(lot(line("A", 20), "B1"), "row-1"))},
			want: Effect{lotKey("A", "STORES", ""): ontology.Units(24), held("A", "REJECTED", ""): ontology.Units(12),
				lotKey("B", "STORES", ""): ontology.Units(5)},
		},
		{
			name:    "a cancelled bundle names no lots",
			members: []Member{receipt, bundle(ontology.VerbCancelled, rowed(lot(line("A", 24), "B1"), "row-1"))},
			want: Effect{lotKey("A", "STORES", ""): ontology.Units(24), held("A", "REJECTED", ""): ontology.Units(12),
				lotKey("B", "STORES", ""): ontology.Units(5)},
		},
		{
			name:    "a bundle alone moves nothing",
			members: []Member{bundle(ontology.VerbObserved, rowed(lot(line("A", 24), "B1"), "row-1"))},
			want:    Effect{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := Plan(tc.members, nil)
			if !maps.Equal(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}
