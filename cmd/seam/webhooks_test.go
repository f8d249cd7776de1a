package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestWebhooksOfEverySigningSource posts each pushing source's real payload, signed its
// own way, and finds the document stored under the source's own id.
func TestWebhooksOfEverySigningSource(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	samples := filepath.Join("..", "..", "ontology", "mapping", "testdata")
	cases := []struct {
		system, file, typ, id string
		headers               map[string]string
	}{
		{"stripe", "stripe/charge_event.json", "charge", "ch_3QxAbC2eZvKYlo2C0k1m2n3o", nil},
		{"aftership", "aftership/webhook.json", "tracking", "b1f3e5c0a9d84e7c9a1f2b3c4d5e6f70", map[string]string{"As-Webhook-Version": "2026-07"}},
		{"shipbob", "shipbob/wro.json", "receipt", "987654", map[string]string{"X-Seam-Delivery-Id": "wro-987654-1"}},
		{"meituan", "meituan/order.json", "order", "27061900338318741", nil},
		// Meituan's refund push, posted to the same URL as its orders: a refund.
		{"meituan", "meituan/refund_part.form", "refund", "61190002871", nil},
		// Its cancellation and delivery status pushes, quarantined as orders before.
		{"meituan", "meituan/cancellation.form", "cancellation", "27061900338318741", nil},
		{"meituan", "meituan/delivery.form", "delivery", "27061900338318741", nil},
	}
	for _, c := range cases {
		t.Run(c.system, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(samples, c.file))
			if err != nil {
				t.Fatal(err)
			}
			url := base + "/webhooks/" + tenant + "/" + c.system
			h := webhook.Sign(c.system, body, []byte(testSecret), url, time.Now())
			for k, v := range c.headers {
				h.Set(k, v)
			}
			code, r := postWebhook(t, base, tenant, c.system, body, h)
			if code != http.StatusOK || r.Status != "accepted" {
				t.Fatalf("answered %d %+v", code, r)
			}
			d, err := s.App.store.Document(context.Background(), docKey(tenant, c.system, c.typ, c.id))
			if err != nil || d == nil || d.Via != "webhook" {
				t.Fatalf("stored %+v, %v", d, err)
			}
			// The same delivery again is a duplicate, answered without storing.
			if code, r := postWebhook(t, base, tenant, c.system, body, h); code != http.StatusOK || r.Status != "duplicate" {
				t.Fatalf("redelivery answered %d %+v", code, r)
			}
		})
	}
}

// TestShipBobDeliversAsShipBobSignsThem: ShipBob posts a WRO event signed the Standard
// Webhooks way with the subscription's whsec_ secret (configured per tenant under
// tenants.<t>.secrets.shipbob) and names its topic in x-webhook-topic. The WRO is a
// receipt whose stowed units are on hand; its retry (the same webhook-id) is a duplicate;
// a shipment event is a notification; a signature made with another secret is refused.
// Before, every such delivery was answered 401: Seam knew only X-Seam-Signature.
func TestShipBobDeliversAsShipBobSignsThem(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	const secret = "whsec_c2VhbS10ZXN0LXNoaXBib2Itc2lnbmluZy1rZXk="
	cfg.Tenants = map[string]TenantConfig{tenant: {Secrets: map[string]neo4jstore.Secret{"shipbob": secret}}}
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shipbob", Code: "156", Location: "WH-US1"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr

	post := func(file, topic string, key string, now time.Time) (int, webhook.Response) {
		body := sample(t, "shipbob/"+file)
		h := webhook.Sign("shipbob", body, []byte(key), "", now)
		h.Set("x-webhook-topic", topic)
		h.Set("Content-Type", "application/json")
		return postWebhook(t, base, tenant, "shipbob", body, h)
	}
	if code, r := post("wro_completed.json", "wro.completed", secret, time.Now()); code != http.StatusOK || r.Status != "accepted" {
		t.Fatalf("wro.completed answered %d %+v", code, r)
	}
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].Location == "WH-US1" && rs[0].OnHand == "24"
	})
	if code, r := post("wro_completed.json", "wro.completed", secret, time.Now().Add(time.Minute)); code != http.StatusOK || r.Status != "duplicate" {
		t.Errorf("the retry of wro.completed answered %d %+v, want a duplicate", code, r)
	}
	if code, r := post("order_shipped.json", "order.shipped", secret, time.Now()); code != http.StatusOK || r.Status != "ignored" || r.Reason == "" {
		t.Errorf("order.shipped answered %d %+v, want ignored with the reason", code, r)
	}
	if code, r := post("wro_completed.json", "wro.completed", testSecret, time.Now()); code != http.StatusUnauthorized {
		t.Errorf("signed with the shared secret, not the tenant's: answered %d %+v", code, r)
	}
	if code, r := post("wro_completed.json", "wro.completed", secret, time.Now().Add(-10*time.Minute)); code != http.StatusUnauthorized {
		t.Errorf("signed ten minutes ago: answered %d %+v", code, r)
	}
	kept, err := s.App.store.NotificationCounts(context.Background(), tenant)
	if err != nil {
		t.Fatal(err)
	}
	if kept["shipbob order.shipped"] != 1 {
		t.Errorf("order.shipped not kept as a notification: %v", kept)
	}
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].OnHand == "24" })
}
