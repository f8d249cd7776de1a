package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// shopifyVersion is the order of shopifyOrder as an orders/updated body: its fulfillment
// status and the time Shopify changed it.
func shopifyVersion(fulfillment, updatedAt string) []byte {
	return []byte(strings.Replace(shopifyOrder, `"fulfillment_status": null,`,
		`"fulfillment_status": `+fulfillment+`, "updated_at": "`+updatedAt+`",`, 1))
}

// A retried orders/updated that arrives after the change that followed it must not undo
// it: the shipped sale stays shipped, and both versions are kept with their bytes.
func TestStaleWebhookDoesNotUndoAShippedSale(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	const t1, t2 = "2025-03-04T10:20:00+08:00", "2025-03-05T09:00:00+08:00"
	fulfilled, unfulfilled := shopifyVersion(`"fulfilled"`, t2), shopifyVersion("null", t1)
	post := func(body []byte, delivery string) (int, string, int) {
		h := signedShopify(body, delivery)
		h.Set("X-Shopify-Topic", "orders/updated")
		code, r := postWebhook(t, base, tenant, "shopify", body, h)
		return code, r.Status, r.Stale
	}

	if code, status, _ := post(fulfilled, "delivery-t2"); code != http.StatusOK || status != "accepted" {
		t.Fatalf("fulfilled version answered %d %s", code, status)
	}
	shipped := func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].Location == "WH-NL1" && rs[0].OnHand == "-2" && rs[0].Reserved == "0"
	}
	waitStock(t, base, tenant, "TEA-OOL-250G", shipped)

	// The earlier change, retried late: accepted (it is stored), counted as stale.
	if code, status, stale := post(unfulfilled, "delivery-t1"); code != http.StatusOK || status != "accepted" || stale != 1 {
		t.Fatalf("stale version answered %d %s, stale %d", code, status, stale)
	}
	var out struct {
		Document struct {
			Pending  bool
			Version  int
			Raw      string
			Versions []struct {
				Version       int
				ReceivedAt    time.Time
				SourceTime    *time.Time
				SourceVersion *string
				Current       bool
				Raw           string
			}
		}
	}
	r := graphQL(t, base, tenant, `{ document(system: "shopify", type: "order", externalId: "9820193847261123") {
		pending version raw versions { version receivedAt sourceTime sourceVersion current raw } } }`, nil, &out)
	if len(r.Errors) > 0 {
		t.Fatalf("document query: %+v", r.Errors)
	}
	d := out.Document
	// Not pending: nothing is left for resolution to undo the shipment with.
	if d.Pending || d.Version != 1 || d.Raw != string(fulfilled) {
		t.Fatalf("the stale version changed the document: pending %v, version %d, raw is the fulfilled one: %v",
			d.Pending, d.Version, d.Raw == string(fulfilled))
	}
	if len(d.Versions) != 2 {
		t.Fatalf("versions = %+v", d.Versions)
	}
	want := []struct {
		version int
		current bool
		at      string
		raw     []byte
	}{{1, true, t2, fulfilled}, {2, false, t1, unfulfilled}}
	for i, w := range want {
		v := d.Versions[i]
		at, _ := time.Parse(time.RFC3339, w.at)
		if v.Version != w.version || v.Current != w.current || v.SourceTime == nil || !v.SourceTime.Equal(at) ||
			v.SourceVersion != nil || v.Raw != string(w.raw) || v.ReceivedAt.IsZero() {
			t.Errorf("versions[%d] = %d current %v at %v, want %d current %v at %s (raw kept exactly: %v)",
				i, v.Version, v.Current, v.SourceTime, w.version, w.current, w.at, v.Raw == string(w.raw))
		}
	}
	rows := waitStock(t, base, tenant, "TEA-OOL-250G", func([]stockRow) bool { return true })
	if !shipped(rows) {
		t.Fatalf("stock after the stale version = %+v, want the sale shipped (on hand -2, nothing reserved)", rows)
	}
}
