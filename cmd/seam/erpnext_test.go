package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// erpnextSamples are ERPNext documents as a Frappe webhook posts them (doc.as_dict()),
// fields from ERPNext's doctype definitions; review19 drove Seam with these.
const erpnextSamples = "../../ontology/mapping/testdata/erpnext"

// frappePost posts body as a Frappe site's Webhook does: no topic, no ?type=, signed with
// X-Frappe-Webhook-Signature, the base64 HMAC-SHA256 of the body.
func frappePost(t *testing.T, base, tenant string, body []byte) string {
	t.Helper()
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write(body)
	h := http.Header{}
	h.Set("X-Frappe-Webhook-Signature", base64.StdEncoding.EncodeToString(m.Sum(nil)))
	code, r := postWebhook(t, base, tenant, "erpnext", body, h)
	if code != http.StatusOK {
		t.Fatalf("answered %d %+v", code, r)
	}
	return r.Status
}

// erpnextSample reads a sample with each pair of its replacements applied.
func erpnextSample(t *testing.T, file string, replace ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(erpnextSamples, file))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("%s has no %s", file, replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	return []byte(s)
}

// waitCells waits until every named location of a SKU holds want (on hand and on hold;
// "0" for a cell that is not there).
func waitCells(t *testing.T, base, tenant, sku, step string, want map[string][2]string) {
	t.Helper()
	t.Logf("%s: waiting for %v", step, want)
	got := map[string][2]string{}
	waitStock(t, base, tenant, sku, func(rs []stockRow) bool {
		clear(got)
		for _, c := range rs {
			got[c.Location] = [2]string{c.OnHand, c.OnHold}
		}
		for loc, w := range want {
			g, found := got[loc]
			if !found {
				g = [2]string{"0", "0"}
			}
			if g != w {
				return false
			}
		}
		return true
	})
	t.Logf("%s: %v", step, got)
}

// TestERPNextStockThroughFrappeWebhooks drives review19's ERPNext documents through real
// Frappe webhooks: a v15 receipt with a box refused, its purchase return, a delivery note,
// a material transfer and a POS invoice that updates stock, then the delivery note and the
// transfer cancelled. Before, the first was refused with 401, the others moved nothing or
// were quarantined, and the refused box was 1 unit on hold instead of 12.
func TestERPNextStockThroughFrappeWebhooks(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{
		{Tenant: tenant, System: "erpnext", Code: "Stores - RV19", Location: "WH-STORES"},
		{Tenant: tenant, System: "erpnext", Code: "Shop Noord - RV19", Location: "SHOP-NOORD"},
	}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	const sku = "RV19-TEA-OOL"
	steps := []struct {
		name string
		body []byte
		want map[string][2]string // location: onHand, onHold
	}{
		// 2 boxes of 12 accepted, 1 box refused: 12 on hold, not 1.
		{"receipt", erpnextSample(t, "purchase_receipt_v15_bundle.json"),
			map[string][2]string{"WH-STORES": {"24", "12"}}},
		// One box sent back to the supplier: 12 leave.
		{"purchase return", erpnextSample(t, "purchase_receipt_return_v15.json"),
			map[string][2]string{"WH-STORES": {"12", "12"}}},
		{"delivery note", erpnextSample(t, "delivery_note.json"),
			map[string][2]string{"WH-STORES": {"2", "12"}}},
		{"material transfer", erpnextSample(t, "stock_entry_transfer.json"),
			map[string][2]string{"WH-STORES": {"-3", "12"}, "SHOP-NOORD": {"5", "0"}}},
		{"pos invoice", erpnextSample(t, "sales_invoice_pos_update_stock.json"),
			map[string][2]string{"WH-STORES": {"-5", "12"}, "SHOP-NOORD": {"5", "0"}}},
		// Cancelled in ERPNext: the goods it took are back.
		{"delivery note cancelled", erpnextSample(t, "delivery_note.json", `"docstatus": 1`, `"docstatus": 2`,
			`"status": "To Bill"`, `"status": "Cancelled"`, `"modified": "2026-12-06 11:20:04.120000"`, `"modified": "2026-12-06 17:00:00.000000"`),
			map[string][2]string{"WH-STORES": {"5", "12"}, "SHOP-NOORD": {"5", "0"}}},
		{"transfer cancelled", erpnextSample(t, "stock_entry_transfer.json", `"docstatus": 1`, `"docstatus": 2`,
			`"modified": "2026-12-06 12:00:02.000000"`, `"modified": "2026-12-06 17:01:00.000000"`),
			map[string][2]string{"WH-STORES": {"10", "12"}, "SHOP-NOORD": {"0", "0"}}},
	}
	for _, st := range steps {
		if got := frappePost(t, base, tenant, st.body); got != "accepted" {
			t.Fatalf("%s: %s", st.name, got)
		}
		waitCells(t, base, tenant, sku, st.name, st.want)
	}
	// The return joined its receipt: one receipt event, both documents its evidence.
	var out struct {
		Document struct {
			Event struct {
				Kind    string
				Sources []struct{ Document struct{ ExternalID string } }
			}
		}
	}
	r := graphQL(t, base, tenant, `{ document(system: "erpnext", type: "receipt", externalId: "MAT-PRE-2026-00019") {
		event { kind sources { document { externalId } } } } }`, nil, &out)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	if ev := out.Document.Event; ev.Kind != "receipt" || len(ev.Sources) != 2 {
		t.Errorf("receipt event %+v, want the receipt and its return", ev)
	}
}
