package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

type cellRow struct {
	Lot, OnHand, Reserved, Available, InTransit, OnHold string
	ExpiresAt, UpdatedAt                                *time.Time
	Zone                                                *string
}

// cells reads a product's stock rows with every dimension, by lot.
func cells(t *testing.T, base, tenant, sku string) map[string]cellRow {
	t.Helper()
	var out struct{ Stock []cellRow }
	r := graphQL(t, base, tenant, `query($sku: String!) { stock(sku: $sku) {
	  lot onHand reserved available inTransit onHold expiresAt zone updatedAt } }`, map[string]any{"sku": sku}, &out)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	m := map[string]cellRow{}
	for _, c := range out.Stock {
		m[c.Lot] = c
	}
	return m
}

// TestStockRowsShowEveryDimension: a stock cell shows its lot's expiry (and nothing of an
// expired lot is available, to a read or a reservation), its location's zone, what is
// on hold from a receipt's rejected quantity, what is in transit until delivered, and
// when it last changed; verify and rebuild keep all of it.
func TestStockRowsShowEveryDimension(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Zones = inventory.ZoneTable{tenant: {"shipbob:1": "chilled"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	now := time.Now().UTC().Truncate(time.Second)
	before := time.Now().Add(-time.Second)
	rejected := ontology.Units(2)
	good := lotReceipt(tenant, "r-ok", "B-OK", 4, now.AddDate(0, 1, 0))
	good.Lines[0].RejectedQty = &rejected
	store(t, s.App, good, lotReceipt(tenant, "r-gone", "B-GONE", 9, now.AddDate(0, 0, -1)))

	m := cells(t, base, tenant, "yogurt")
	ok, gone := m["B-OK"], m["B-GONE"]
	if ok.OnHand != "4" || ok.OnHold != "2" || ok.Available != "4" || ok.ExpiresAt == nil || !ok.ExpiresAt.Equal(now.AddDate(0, 1, 0)) ||
		ok.Zone == nil || *ok.Zone != "chilled" || ok.UpdatedAt == nil || ok.UpdatedAt.Before(before) {
		t.Fatalf("lot B-OK = %+v", ok)
	}
	if gone.OnHand != "9" || gone.Available != "0" || gone.ExpiresAt == nil || !gone.ExpiresAt.Equal(now.AddDate(0, 0, -1)) {
		t.Fatalf("expired lot B-GONE = %+v", gone)
	}
	// An expired lot is not available to a reservation either: 4 of the 13 on hand are.
	var a reserveAnswer
	partner := mintKey(t, tenant, "partner", "--systems", "shopify")
	if r := graphQLAs(t, base, partner, reserveMutation, reserveVars("YOGURT", "5", "k1"), &a); len(r.Errors) > 0 || a.Reserve.OK || a.Reserve.Available != "4" {
		t.Fatalf("reserving 5 with an expired lot on hand = %+v, %+v", a, r.Errors)
	}

	order := ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "o-77"},
		Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: now,
		Location: &ontology.LocationRef{System: "shipbob", Code: "1"},
		Lines:    []ontology.Line{{SKU: "YOGURT", Qty: ontology.Units(3)}},
		Refs:     []ontology.Ref{{Kind: ontology.RefOrderNumber, Value: "77"}},
	}
	tracking := ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "aftership", Type: "tracking", ExternalID: "1Z77"},
		Role: ontology.RoleTracking, Verb: ontology.VerbShipped, OccurredAt: now.Add(time.Hour),
		Refs: []ontology.Ref{{Kind: ontology.RefOrderNumber, Value: "77"}, {Kind: ontology.RefTracking, Value: "1Z77"}},
	}
	store(t, s.App, order, tracking)
	m = cells(t, base, tenant, "YOGURT")
	if m["B-OK"].OnHand != "1" || m[""].InTransit != "3" || m[""].Reserved != "0" {
		t.Fatalf("after shipping 3 = %+v; want them taken from B-OK and in transit", m)
	}
	ctx := context.Background()
	var out bytes.Buffer
	if err := runCache(ctx, cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}
	// A rebuild restores every bucket and every lot's expiry.
	keys := redistest.Keys(t, s.App.rdb, "seam:{"+tenant+"}:stock:*")
	s.App.rdb.Del(ctx, keys...)
	out.Reset()
	if err := runCache(ctx, cfg, slog.New(slog.DiscardHandler), []string{"rebuild", "--tenant", tenant}, &out); err != nil {
		t.Fatalf("seam cache rebuild = %q, %v", out.String(), err)
	}
	m = cells(t, base, tenant, "YOGURT")
	if m[""].InTransit != "3" || m["B-OK"].OnHold != "2" || m["B-GONE"].ExpiresAt == nil || m["B-GONE"].Available != "0" {
		t.Fatalf("after a rebuild = %+v", m)
	}

	delivered := tracking
	delivered.Verb, delivered.SourceTime = ontology.VerbDelivered, now.Add(2*time.Hour)
	store(t, s.App, delivered)
	if m = cells(t, base, tenant, "YOGURT"); m[""].InTransit != "0" || m["B-OK"].OnHand != "1" {
		t.Fatalf("after delivery = %+v", m)
	}
	if out.Reset(); runCache(ctx, cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out) != nil ||
		!strings.Contains(out.String(), "cache equals the ledger") {
		t.Fatalf("seam cache verify after delivery = %q", out.String())
	}
}
