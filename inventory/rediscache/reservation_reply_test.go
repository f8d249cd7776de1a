package rediscache

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// TestDecisionReadsScriptReplies covers every tag a script answers and the record that
// follows it; the record must read back as the reservation it was written from.
func TestDecisionReadsScriptReplies(t *testing.T) {
	at := time.Date(2026, 2, 3, 4, 5, 6, 7_000_000, time.UTC)
	r := inventory.Reservation{
		Tenant: "acme", ID: "rsv_1", Cell: ontology.Cell{SKU: "TEA", Location: "WH", Lot: "B1"}, Qty: ontology.Units(3),
		IdempotencyKey: "cart-1", OrderRef: "1047", Status: inventory.ReservationConsumed,
		CreatedAt: at, ExpiresAt: at.Add(time.Minute), EndedAt: at.Add(time.Second), ConsumedBy: "shopify/order/1",
	}
	record := func() []string {
		var out []string
		for _, v := range recordOf(r) {
			out = append(out, fmt.Sprint(v))
		}
		return out
	}
	tests := []struct {
		reply   []string
		want    inventory.Outcome
		avail   ontology.Qty
		pending bool
		record  bool
		err     string
	}{
		{append([]string{"ok", "2000000", "1"}, record()...), inventory.Decided, ontology.Units(2), true, true, ""},
		{append([]string{"replay", "-500000", "0"}, record()...), inventory.Repeated, -500_000, false, true, ""},
		{[]string{"short", "0", "0"}, inventory.Refused, 0, false, false, ""},
		{append([]string{"conflict", "7000000", "0"}, record()...), inventory.Conflict, ontology.Units(7), false, true, ""},
		{[]string{"missing", "", "0"}, inventory.Missing, 0, false, false, ""},
		{append([]string{"over", "", "1"}, record()...), inventory.Over, 0, true, true, ""},
		{append([]string{"notdue", "", "0"}, record()...), inventory.NotDue, 0, false, true, ""},
		{[]string{"misrouted", "", "0"}, 0, 0, false, false, "order reference changed"},
		{[]string{"strange", "", "0"}, 0, 0, false, false, "script answered"},
		{[]string{"ok"}, 0, 0, false, false, "short script reply"},
		{[]string{"short", "x", "0"}, 0, 0, false, false, "available"},
		{[]string{"ok", "", "1", "qty", "three"}, 0, 0, false, false, "field qty"},
	}
	for _, tt := range tests {
		d, err := decision("acme", "rsv_1", tt.reply)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("decision(%q) error = %v, want %q", tt.reply, err, tt.err)
			}
			continue
		}
		if err != nil || d.Outcome != tt.want || d.Available != tt.avail || d.Pending != tt.pending || (d.Reservation != nil) != tt.record {
			t.Errorf("decision(%q) = %+v, %v", tt.reply, d, err)
			continue
		}
		if tt.record && *d.Reservation != r {
			t.Errorf("record read back as %+v, want %+v", *d.Reservation, r)
		}
	}
}
