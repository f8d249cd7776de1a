package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// store saves documents and resolves and projects them the way the worker does.
func store(t *testing.T, app *App, docs ...ontology.Document) {
	t.Helper()
	ctx := context.Background()
	envs := make([]ontology.Envelope, 0, len(docs))
	for _, d := range docs {
		raw, _ := json.Marshal(d)
		envs = append(envs, ontology.Envelope{Doc: d, Raw: raw})
	}
	if _, err := app.store.SaveDocuments(ctx, envs); err != nil {
		t.Fatal(err)
	}
	if _, err := app.worker.Drain(ctx, docs[0].Key.Tenant); err != nil {
		t.Fatal(err)
	}
}

// lotReceipt is a warehouse receipt of one lot with the expiry its documents give.
func lotReceipt(tenant, id, lot string, n int64, expires time.Time) ontology.Document {
	return ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "shipbob", Type: "receipt", ExternalID: id},
		Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: time.Now().UTC().Add(-time.Hour),
		Location: &ontology.LocationRef{System: "shipbob", Code: "1"},
		Lines:    []ontology.Line{{SKU: "YOGURT", Lot: lot, ExpiresAt: &expires, Qty: ontology.Units(n)}},
	}
}

// yogurtSale sells n units that name no lot at the same warehouse.
func yogurtSale(tenant, id string, n int64) ontology.Document {
	return ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: id},
		Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "shipbob", Code: "1"},
		Lines:    []ontology.Line{{SKU: "YOGURT", Qty: ontology.Units(n)}},
	}
}

// TestSaleTakesTheLotThatExpiresFirst is the acceptance test of FEFO: a location holds
// two lots with different expiry (and one already expired); a sale that names no lot
// takes the earlier one, the next sale splits across both, the expired lot is never
// taken, and each event shows the lots it took.
func TestSaleTakesTheLotThatExpiresFirst(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	now := time.Now().UTC().Truncate(time.Second)
	store(t, s.App,
		lotReceipt(tenant, "r-late", "B-LATE", 6, now.AddDate(0, 2, 0)),
		lotReceipt(tenant, "r-early", "B-EARLY", 4, now.AddDate(0, 0, 10)),
		lotReceipt(tenant, "r-gone", "B-GONE", 9, now.AddDate(0, 0, -1)))

	store(t, s.App, yogurtSale(tenant, "sale-1", 3))
	byLot := func() map[string]stockRow {
		rows := waitStock(t, base, tenant, "YOGURT", func(rs []stockRow) bool { return len(rs) >= 3 })
		m := map[string]stockRow{}
		for _, r := range rows {
			m[r.Lot] = r
		}
		return m
	}
	if m := byLot(); m["B-EARLY"].OnHand != "1" || m["B-LATE"].OnHand != "6" || m["B-GONE"].OnHand != "9" || m[""].OnHand != "" {
		t.Fatalf("after selling 3: %+v; want them from B-EARLY", m)
	}
	store(t, s.App, yogurtSale(tenant, "sale-2", 4))
	if m := byLot(); m["B-EARLY"].OnHand != "0" || m["B-LATE"].OnHand != "3" || m["B-GONE"].OnHand != "9" {
		t.Fatalf("after selling 4 more: %+v; want 1 from B-EARLY and 3 from B-LATE", m)
	}

	var doc struct {
		Document struct {
			Event struct {
				Lots []struct {
					Lot, Qty  string
					ExpiresAt time.Time
				}
				Movements []struct{ Lot, Bucket, Qty string }
			}
		}
	}
	r := graphQL(t, base, tenant, `{ document(system: "square", type: "order", externalId: "sale-2") {
	  event { lots { lot qty expiresAt } movements { lot bucket qty } } } }`, nil, &doc)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	lots := doc.Document.Event.Lots
	if len(lots) != 2 || lots[0].Lot != "B-EARLY" || lots[0].Qty != "1" || !lots[0].ExpiresAt.Equal(now.AddDate(0, 0, 10)) ||
		lots[1].Lot != "B-LATE" || lots[1].Qty != "3" {
		t.Fatalf("the second sale's evidence names lots %+v", lots)
	}
	if len(doc.Document.Event.Movements) != 2 {
		t.Fatalf("the second sale moved %+v", doc.Document.Event.Movements)
	}
}

// TestLotExpiryFromALaterDocumentReachesEveryCell: a lot received with no expiry, whose
// expiry (already past) a customs declaration brings afterwards at no warehouse of its
// own, is expired at the warehouse too: its row shows the expiry, a reservation of it is
// refused and one of the product does not count it, and the cache equals the ledger,
// expiries included. (Found from outside: the warehouse's cells never learned it, the
// expired lot stayed available and was reserved, and `seam cache verify` passed.)
func TestLotExpiryFromALaterDocumentReachesEveryCell(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	cfg := testConfig(t)
	cfg.Alerts = map[string]inventory.AlertConfig{tenant: {}} // the default windows
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Second)
	received := lotReceipt(tenant, "r-gone", "L-GONE", 9, now)
	received.Lines[0].ExpiresAt = nil
	store(t, s.App, received, lotReceipt(tenant, "r-ok", "L-OK", 5, now.AddDate(0, 1, 0)))

	expired := now.AddDate(0, 0, -2)
	store(t, s.App, ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "china-customs", Type: "declaration", ExternalID: "531620260000000001"},
		Role: ontology.RoleDeclaration, Verb: ontology.VerbDeclared, OccurredAt: now.Add(-30 * time.Minute),
		Lines: []ontology.Line{{SKU: "YOGURT", Lot: "L-GONE", ExpiresAt: &expired, Qty: ontology.Units(9)}},
	})

	var rows struct {
		Stock []struct {
			Location, Lot, Available string
			ExpiresAt                *time.Time
		}
	}
	deadline := time.Now().Add(settle)
	for {
		rows.Stock = nil
		if r := graphQL(t, base, tenant, `{ stock(sku: "YOGURT") { location lot available expiresAt } }`, nil, &rows); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var gone *time.Time
		for _, r := range rows.Stock {
			if r.Lot == "L-GONE" && r.Location != "" {
				gone = r.ExpiresAt
			}
		}
		if gone != nil && gone.Equal(expired) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the warehouse's L-GONE never showed the declared expiry %s: %+v", expired, rows.Stock)
		}
		time.Sleep(20 * time.Millisecond)
	}
	var warehouse string
	for _, r := range rows.Stock {
		if r.Lot == "L-GONE" && r.Location != "" {
			warehouse = r.Location
		}
	}
	reserve := func(lot string, qty int) (bool, string) {
		t.Helper()
		var out struct {
			Reserve struct {
				OK        bool
				Available string
			}
		}
		r := graphQL(t, base, tenant, `mutation($loc: String!, $lot: String, $q: Decimal!, $key: String!) {
		  reserve(sku: "YOGURT", location: $loc, lot: $lot, qty: $q, idempotencyKey: $key, ttlSeconds: 60) { ok available } }`,
			map[string]any{"loc": warehouse, "lot": lot, "q": fmt.Sprint(qty), "key": fmt.Sprintf("exp-%s-%d", lot, qty)}, &out)
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		return out.Reserve.OK, out.Reserve.Available
	}
	if ok, avail := reserve("L-GONE", 1); ok {
		t.Errorf("a unit of the expired lot was reserved (available %s)", avail)
	}
	if ok, avail := reserve("", 6); ok || avail != "5" {
		t.Errorf("reserving 6 of the product: ok %v, available %s; want refused with 5 (L-OK only)", ok, avail)
	}
	// The expired lot on hand at the warehouse raises its EXPIRY alert.
	deadline = time.Now().Add(settle)
	for {
		var a struct {
			Alerts []struct{ Rule, Location, Lot string }
		}
		if r := graphQL(t, base, tenant, `{ alerts(status: OPEN) { rule location lot } }`, nil, &a); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if slices.ContainsFunc(a.Alerts, func(x struct{ Rule, Location, Lot string }) bool {
			return x.Rule == "EXPIRY" && x.Lot == "L-GONE" && x.Location == warehouse
		}) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no EXPIRY alert for L-GONE at %s: %+v", warehouse, a.Alerts)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cache := rediscache.New(redistest.Open(t))
	p := inventory.NewProjector(s.App.store, cache)
	if diffs, err := p.Verify(ctx, tenant); err != nil || len(diffs) != 0 {
		t.Fatalf("cache differs from the ledger: %+v, %v", diffs, err)
	}
	// And verify tells a cache that lost the expiries, quantities equal, from the ledger.
	totals, err := s.App.store.Totals(ctx, tenant)
	if err != nil {
		t.Fatal(err)
	}
	for i := range totals {
		totals[i].ExpiresAt = time.Time{}
	}
	if err := cache.Replace(ctx, tenant, totals); err != nil {
		t.Fatal(err)
	}
	if diffs, err := p.Verify(ctx, tenant); err != nil || len(diffs) != 3 {
		t.Fatalf("a cache without the lots' expiries: differences %+v, %v; want the three cells of L-GONE and L-OK", diffs, err)
	}
}

// TestLotExpiryWithoutAMovementReachesTheCache: a new version of a warehouse receipt
// that only adds its lot's expiry (already past) moves no stock; the live worker still
// copies the expiry onto the lot's cells, so the lot is no longer available and cannot
// be reserved, subscribers hear of the cell, and the cache equals the ledger. (It used
// to reach the cache only with the lot's next movement or a rebuild.)
func TestLotExpiryWithoutAMovementReachesTheCache(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Second)
	first := lotReceipt(tenant, "r-late", "L-LATE", 4, now)
	first.Lines[0].ExpiresAt = nil
	v1 := int64(1)
	first.SourceVersion = &v1
	store(t, s.App, first)

	var rows struct {
		Stock []struct {
			Location, Lot, Available string
			ExpiresAt                *time.Time
		}
	}
	if r := graphQL(t, base, tenant, `{ stock(sku: "YOGURT") { location lot available expiresAt } }`, nil, &rows); len(r.Errors) > 0 ||
		len(rows.Stock) != 1 || rows.Stock[0].Available != "4" || rows.Stock[0].ExpiresAt != nil {
		t.Fatalf("stock after the receipt = %+v %+v", rows.Stock, r.Errors)
	}
	warehouse := rows.Stock[0].Location
	// Subscribers hear through the cache's channel (stockChanged, alert rules).
	subCtx, stop := context.WithCancel(ctx)
	defer stop()
	changes, err := rediscache.New(redistest.Open(t)).Subscribe(subCtx, tenant)
	if err != nil {
		t.Fatal(err)
	}

	// The second version, through the live path: stored and announced, as an intake does.
	expired := now.AddDate(0, 0, -1)
	second := lotReceipt(tenant, "r-late", "L-LATE", 4, expired)
	v2 := int64(2)
	second.SourceVersion = &v2
	raw, _ := json.Marshal(second)
	if _, err := s.App.store.SaveDocuments(ctx, []ontology.Envelope{{Doc: second, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	s.App.worker.Notify(tenant)

	deadline := time.Now().Add(settle)
	for {
		rows.Stock = nil
		if r := graphQL(t, base, tenant, `{ stock(sku: "YOGURT") { location lot available expiresAt } }`, nil, &rows); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if len(rows.Stock) == 1 && rows.Stock[0].ExpiresAt != nil && rows.Stock[0].ExpiresAt.Equal(expired) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the lot's cell never showed the expiry the second version gave: %+v", rows.Stock)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if rows.Stock[0].Available != "0" {
		t.Errorf("the expired lot is still available: %+v", rows.Stock[0])
	}
	select {
	case c := <-changes:
		if c.Lot != "L-LATE" || c.Location != warehouse {
			t.Errorf("the subscriber heard of %+v, want L-LATE at %s", c, warehouse)
		}
	case <-time.After(settle):
		t.Error("no subscriber heard of the lot's expiry")
	}
	var out struct{ Reserve struct{ OK bool } }
	if r := graphQL(t, base, tenant, `mutation($loc: String!) {
	  reserve(sku: "YOGURT", location: $loc, qty: "1", idempotencyKey: "late-1", ttlSeconds: 60) { ok } }`,
		map[string]any{"loc": warehouse}, &out); len(r.Errors) > 0 || out.Reserve.OK {
		t.Errorf("a unit of the expired lot was reserved: %+v %+v", out, r.Errors)
	}
	p := inventory.NewProjector(s.App.store, rediscache.New(redistest.Open(t)))
	if diffs, err := p.Verify(ctx, tenant); err != nil || len(diffs) != 0 {
		t.Fatalf("cache differs from the ledger: %+v, %v", diffs, err)
	}
	// The queue is cleared after the cache is written and announced, so it may lag the
	// read above by one round trip.
	for deadline := time.Now().Add(settle); ; time.Sleep(20 * time.Millisecond) {
		lots, err := s.App.store.UnprojectedExpiries(ctx, tenant, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(lots) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("lots still queued for the projection: %+v", lots)
		}
	}
}
