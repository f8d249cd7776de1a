package finance

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestOrderInvoicedInParts: an order invoiced in several invoices is compared with the
// sum of their lines, product by product, once: each part alone is not a difference.
func TestOrderInvoicedInParts(t *testing.T) {
	cfg := DefaultConfig()
	part := func(id string, qty int64) Doc {
		return doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbSettled, id, t0.Add(2*time.Hour),
			total(eur("24.00")), line("TEA-OOL-250G", qty, "24.00", "EUR"))
	}
	for _, c := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"two invoices of one each", []Doc{part("ACC-SINV-2025-00127", 1), part("ACC-SINV-2025-00128", 1)}, "matched"},
		{"together more than ordered", []Doc{part("ACC-SINV-2025-00127", 1), part("ACC-SINV-2025-00128", 2)},
			"partial quantity_mismatch[TEA-OOL-250G](2|3)"},
		{"an invoice without lines says nothing of quantities", []Doc{part("ACC-SINV-2025-00127", 1),
			func() Doc { d := part("ACC-SINV-2025-00128", 1); d.Lines = nil; return d }()}, "matched"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(sale(append([]Doc{order(), tracking(), charge("ch_1", eur("48.00"))}, c.docs...)...), cfg, asOf)
			if got := summary(r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestUnitMismatch: a customs line in kilograms and a receipt in pieces are not a
// quantity difference (50 kg of tea is not 50 bags) but quantities in units that cannot
// be compared: unit_mismatch. Lines in units of one kind compare in the base unit.
func TestUnitMismatch(t *testing.T) {
	cfg := DefaultConfig()
	inUnit := func(d Doc, unit string) Doc {
		d.Lines[0].Unit = unit
		return d
	}
	kg := func(qty int64, price string) Doc {
		d := declaration(price)
		d.Lines[0].Qty, d.Lines[0].Unit = ontology.Units(qty), "kg"
		return d
	}
	for _, c := range []struct {
		name string
		ev   Event
		want string
	}{
		{"declared in kg, received in pieces", purchase(purchaseOrder(), kg(50, "22.56"), receipt()),
			"partial unit_mismatch[TEA-OOL-250G](50 kg|480 pcs)"},
		{"declared in kg, named only by its description", purchase(purchaseOrder(), func() Doc {
			d := kg(50, "22.56")
			d.Lines[0].SKU, d.Lines[0].Title, d.Lines[0].Model = "", "乌龙茶", "1|0|乌龙茶|已发酵|250g/袋|RV19-TEA-OOL|无品牌"
			return d
		}(), receipt()), "partial unit_mismatch[乌龙茶](50 kg|pieces)"},
		{"declared in pieces (pcs), received in pieces", purchase(purchaseOrder(), inUnit(declaration("2.35"), "pcs"), receipt()), "matched"},
		{"ordered in pieces, invoiced in kilograms", sale(order(), tracking(), charge("ch_1", eur("48.00")),
			inUnit(invoice(eur("48.00")), "kg")), "partial unit_mismatch[TEA-OOL-250G](2 pcs|2 kg)"},
		{"grams against kilograms compare in kilograms", sale(inUnit(order(), "kg"), tracking(), charge("ch_1", eur("48.00")),
			func() Doc { d := inUnit(invoice(eur("48.00")), "g"); d.Lines[0].Qty = ontology.Units(2000); return d }()), "matched"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := Reconcile(c.ev, cfg, asOf)
			if got := summary(r); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}
