package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
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
