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
