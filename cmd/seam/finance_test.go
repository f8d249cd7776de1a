package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// ingestAll stores and resolves every folder dir/<system>/<type> with `seam ingest`.
func ingestAll(t *testing.T, tenant, dir string) {
	t.Helper()
	folders, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	slices.Sort(folders)
	for _, folder := range folders {
		system, typ := filepath.Base(filepath.Dir(folder)), filepath.Base(folder)
		var out bytes.Buffer
		args := []string{"ingest", "--tenant", tenant, "--system", system, "--type", typ, "--quiet", folder}
		if err := Run(context.Background(), args, os.Getenv, &out, io.Discard); err != nil {
			t.Fatalf("seam %s: %v", strings.Join(args, " "), err)
		}
		if !strings.Contains(out.String(), " 0 quarantined") {
			t.Fatalf("%s/%s: %s", system, typ, out.String())
		}
		_ = os.RemoveAll(folder) // ingested: a later call ingests only what is new
	}
}

type reconciled struct {
	Event     string                                    `json:"event"`
	Status    string                                    `json:"status"`
	Reasons   []struct{ Code, Expected, Actual string } `json:"reasons"`
	Documents []struct {
		System, Type, ExternalID string
	} `json:"documents"`
}

// reconcile runs `seam reconcile` and returns its events and what it told stderr.
func reconcile(t *testing.T, tenant string, flags ...string) ([]reconciled, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args := append([]string{"reconcile", "--tenant", tenant, "--from", "2025-02-01", "--to", "2025-05-31"}, flags...)
	if err := Run(context.Background(), args, os.Getenv, &out, &errOut); err != nil {
		t.Fatalf("seam reconcile: %v\n%s", err, errOut.String())
	}
	var evs []reconciled
	if err := json.Unmarshal(out.Bytes(), &evs); err != nil {
		t.Fatalf("reconcile --format json: %v\n%s", err, out.String())
	}
	return evs, errOut.String()
}

// holding finds the event holding a document.
func holding(evs []reconciled, system, typ, id string) *reconciled {
	for i, e := range evs {
		for _, d := range e.Documents {
			if d.System == system && d.Type == typ && d.ExternalID == id {
				return &evs[i]
			}
		}
	}
	return nil
}

func codes(e *reconciled) string {
	var cs []string
	for _, r := range e.Reasons {
		cs = append(cs, r.Code)
	}
	return e.Status + " " + strings.Join(cs, ",")
}

// injectedDiscrepancies writes a month of sales, payouts and purchases in the providers'
// own formats, each case carrying one discrepancy of its own (or none).
func injectedDiscrepancies(f *financeDocs) {
	sale := func(num int, tracked, invoiced bool, payout string) {
		f.shopifyOrder(num, 2)
		if tracked {
			f.tracking(num)
		}
		ch := fmt.Sprintf("ch_%d", num)
		f.charge(ch, num, 4800, "eur")
		f.balanceTxn(ch, num, 4800, 164, payout)
		if invoiced {
			f.salesInvoice(num, 2, "24.00")
		}
	}
	sale(2001, true, true, "po_A") // clean
	f.shopifyOrder(2002, 2)        // amount_mismatch: invoiced 45.00 for 48.00
	f.tracking(2002)
	f.charge("ch_2002", 2002, 4800, "eur")
	f.salesInvoice(2002, 2, "22.50")
	f.shopifyOrder(2003, 2) // missing_payment
	f.tracking(2003)
	f.salesInvoice(2003, 2, "24.00")
	sale(2004, true, false, "po_B") // missing_invoice: the charge names ACC-SINV-2025-02004
	sale(2005, false, true, "po_A") // missing_shipment
	sale(2006, true, true, "po_A")  // duplicate_payment
	f.charge("ch_2006b", 2006, 4800, "eur")
	sale(2007, true, true, "po_B") // refund_without_return
	f.refund(2007, "48.00")
	f.shopifyOrder(2008, 2) // currency_mismatch: charged in dollars
	f.tracking(2008)
	f.charge("ch_2008", 2008, 5210, "usd")
	f.salesInvoice(2008, 2, "24.00")
	f.payout("po_A", 2009, 3*4636) // clean: 2001, 2005, 2006
	f.payout("po_B", 2010, 9000)   // payout_mismatch: 2004 and 2007 net 92.72

	f.purchaseOrder("PUR-ORD-2025-00501") // clean, paid on time
	f.declaration("531620250000000501", "PUR-ORD-2025-00501", 480, "2.35")
	f.wro(987501, "PUR-ORD-2025-00501", 480, 480)
	f.purchaseInvoice("ACC-PINV-2025-00501", "PUR-ORD-2025-00501", "2025-03-07", "2025-04-21", "1128.00")
	f.supplierPayment("ACC-PAY-2025-00501", "ACC-PINV-2025-00501", "2025-04-01", "1128.00")
	f.purchaseOrder("PUR-ORD-2025-00502") // declared_value_mismatch: declared at 2.00
	f.declaration("531620250000000502", "PUR-ORD-2025-00502", 480, "2.00")
	f.wro(987502, "PUR-ORD-2025-00502", 480, 480)
	f.purchaseOrder("PUR-ORD-2025-00503") // quantity_mismatch: 470 of 480 received
	f.declaration("531620250000000503", "PUR-ORD-2025-00503", 480, "2.35")
	f.wro(987503, "PUR-ORD-2025-00503", 480, 470)
	f.purchaseOrder("PUR-ORD-2025-00504") // late_payment: due 1 April, paid 15 May
	f.declaration("531620250000000504", "PUR-ORD-2025-00504", 480, "2.35")
	f.wro(987504, "PUR-ORD-2025-00504", 480, 480)
	f.purchaseInvoice("ACC-PINV-2025-00504", "PUR-ORD-2025-00504", "2025-03-07", "2025-04-01", "1128.00")
	f.supplierPayment("ACC-PAY-2025-00504", "ACC-PINV-2025-00504", "2025-05-15", "1128.00")
}

// TestReconcileInjectedDiscrepancies is the acceptance test: documents in their real
// formats, each case with one discrepancy injected, stored and resolved as Seam does,
// then reconciled from the graph: each discrepancy comes out with its code, and nothing
// else is an exception.
func TestReconcileInjectedDiscrepancies(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	injectedDiscrepancies(&financeDocs{t: t, dir: dir})
	ingestAll(t, tenant, dir)
	evs, summary := reconcile(t, tenant)
	want := []struct {
		system, typ, id string
		result          string
	}{
		{"shopify", "order", "5820193802001", "matched "},
		{"shopify", "order", "5820193802002", "partial amount_mismatch"},
		{"shopify", "order", "5820193802003", "partial missing_payment"},
		{"shopify", "order", "5820193802004", "partial missing_invoice"},
		{"shopify", "order", "5820193802005", "partial missing_shipment"},
		{"shopify", "order", "5820193802006", "partial duplicate_payment"},
		{"shopify", "order", "5820193802007", "partial refund_without_return"},
		{"shopify", "order", "5820193802008", "partial currency_mismatch"},
		{"stripe", "payout", "po_A", "matched "},
		{"stripe", "payout", "po_B", "unmatched payout_mismatch"},
		{"erpnext", "purchase_order", "PUR-ORD-2025-00501", "matched "},
		{"erpnext", "purchase_order", "PUR-ORD-2025-00502", "partial declared_value_mismatch"},
		{"erpnext", "purchase_order", "PUR-ORD-2025-00503", "partial quantity_mismatch"},
		{"erpnext", "purchase_order", "PUR-ORD-2025-00504", "partial late_payment"},
	}
	seen := map[string]bool{}
	for _, w := range want {
		e := holding(evs, w.system, w.typ, w.id)
		if e == nil {
			t.Errorf("%s/%s/%s: in no reconciled event", w.system, w.typ, w.id)
			continue
		}
		seen[e.Event] = true
		if got := codes(e); got != w.result {
			t.Errorf("%s/%s/%s: got %q, want %q (%+v)", w.system, w.typ, w.id, got, w.result, e.Reasons)
		}
	}
	for _, e := range evs {
		if !seen[e.Event] && len(e.Reasons) > 0 {
			t.Errorf("an exception nobody injected: %+v", e)
		}
	}
	if len(evs) != len(want) {
		t.Errorf("%d events reconciled, want %d", len(evs), len(want))
	}
	if !strings.Contains(summary, "14 events, 3 auto-reconciled") {
		t.Errorf("summary:\n%s", summary)
	}
}
