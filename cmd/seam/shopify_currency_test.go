package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestShopifyRefundInTheBuyersCurrency: order #1047 of a shop whose currency is USD,
// paid by the buyer in EUR (total_price_set 103.50 USD / 95.12 EUR), then refunds/create
// of two items paid back as 33.09 EUR, its lines stated in both currencies. Delivered as
// Shopify signs them, the order and its refund are one event whose money is all in the
// shop's USD: 103.50 ordered, 36.00 refunded. Before, the refund was 33.09 EUR beside
// the order's USD, two currencies in one sale (found by an outside review, review23 s11).
func TestShopifyRefundInTheBuyersCurrency(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	// The mapping's own samples of Shopify's payloads: the refund's lines are those of
	// this order.
	read := func(file string) []byte {
		b, err := os.ReadFile(filepath.Join("../../ontology/mapping/testdata/shopify", file))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for i, d := range []delivery{
		shopifyBody("orders/create", read("orders_create.json"), "r23-cur-1"),
		shopifyBody("refunds/create", read("refunds_create_multi_currency.json"), "r23-cur-2"),
	} {
		d.headers.Set("Content-Type", "application/json")
		if code, r := postWebhook(t, base, tenant, "shopify", d.body, d.headers); code != http.StatusOK || r.Status != "accepted" {
			t.Fatalf("delivery %d, %s: %d %+v", i, d.name, code, r)
		}
	}
	type event struct {
		Documents []finance.DocRef  `json:"documents"`
		Amounts   []finance.Amounts `json:"amounts"`
	}
	refund := finance.DocRef{System: "shopify", Type: "refund", ExternalID: "991204338001"}
	var ev *event
	for deadline := time.Now().Add(settle); ev == nil; time.Sleep(100 * time.Millisecond) {
		var out, errOut bytes.Buffer
		args := []string{"reconcile", "--tenant", tenant, "--from", "2025-03-01", "--to", "2025-03-31", "--format", "json", "--no-record"}
		if err := Run(context.Background(), args, os.Getenv, &out, &errOut); err != nil {
			t.Fatalf("seam reconcile: %v\n%s", err, errOut.String())
		}
		var evs []event
		if err := json.Unmarshal(out.Bytes(), &evs); err != nil {
			t.Fatalf("reconcile --format json: %v\n%s", err, out.String())
		}
		for i, e := range evs {
			if slices.Contains(e.Documents, refund) && slices.Contains(e.Documents, finance.DocRef{System: "shopify", Type: "order", ExternalID: "5820193847261"}) {
				ev = &evs[i]
			}
		}
		if ev == nil && time.Now().After(deadline) {
			t.Fatalf("the order and its refund are not one event within %s: %+v", settle, evs)
		}
	}
	if len(ev.Amounts) != 1 || ev.Amounts[0].Currency != "USD" || ev.Amounts[0].Ordered != "103.50" || ev.Amounts[0].Refunded != "36.00" {
		t.Errorf("amounts %+v, want USD alone: 103.50 ordered, 36.00 refunded", ev.Amounts)
	}
}
