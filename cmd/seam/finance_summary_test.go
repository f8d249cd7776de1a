package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestReconcileSummaryCountsFeesOnce: a sale paid through Stripe and the payout that pays
// it out, stored and resolved as Seam does: the summary counts the fee Stripe kept once
// (the sale's balance transaction and the payout both show it), and the payout's amount
// apart from the sale's, which it pays out.
func TestReconcileSummaryCountsFeesOnce(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	f := &financeDocs{t: t, dir: t.TempDir()}
	f.shopifyOrder(4711, 2)
	f.tracking(4711)
	f.charge("ch_4711", 4711, 4800, "eur")
	f.balanceTxn("ch_4711", 4711, 4800, 110, "po_4711")
	f.salesInvoice(4711, 2, "24.00")
	f.payout("po_4711", 4711, 4690)
	ingestAll(t, tenant, f.dir)
	path := filepath.Join(t.TempDir(), "summary.json")
	evs, _ := reconcile(t, tenant, "--summary", path)
	for _, id := range []string{"ch_4711", "po_4711"} {
		typ := map[string]string{"ch_4711": "charge", "po_4711": "payout"}[id]
		if e := holding(evs, "stripe", typ, id); e == nil || e.Status != "matched" {
			t.Fatalf("%s: %+v, want matched", id, e)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s finance.Summary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Fees) != 1 || s.Fees[0] != (finance.CurrencyAmount{Currency: "EUR", Amount: "1.10"}) {
		t.Errorf("fees %+v, want 1.10 EUR", s.Fees)
	}
	m := s.ByStatus[0]
	if m.Status != finance.Matched || m.Events != 2 || len(m.Amounts) != 1 || m.Amounts[0].Amount != "48.00" ||
		len(m.PaidOut) != 1 || m.PaidOut[0].Amount != "46.90" {
		t.Errorf("matched %+v, want 2 events, 48.00 EUR sold and 46.90 EUR of it paid out", m)
	}
}
