package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// receiveAt puts n units of sku on hand at the canonical location shipbob:1 through the
// ledger's own path: a stored receipt, resolved and projected.
func receiveAt(t *testing.T, app *App, tenant, sku string, n int64) {
	t.Helper()
	ctx := context.Background()
	d := ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "shipbob", Type: "receipt", ExternalID: "r-" + sku},
		Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "shipbob", Code: "1"},
		Lines:    []ontology.Line{{SKU: sku, Qty: ontology.Units(n)}},
	}
	raw, _ := json.Marshal(d)
	if _, err := app.store.SaveDocuments(ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	st, err := app.matcher.Process(ctx, tenant, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.projector.Project(ctx, tenant, st.Movements); err != nil {
		t.Fatal(err)
	}
}

// TestCacheCommandsCoverReservations: the config's safety holds reach the service;
// `seam cache verify` records a decision Redis made before a crash instead of reporting
// it, reports reservations Redis lost, and `seam cache rebuild` restores them.
func TestCacheCommandsCoverReservations(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	path := filepath.Join(t.TempDir(), "seam.yaml")
	yaml := "safetyHolds:\n  " + tenant + ":\n    - { sku: TEA, location: \"shipbob:1\", qty: \"2\" }\n"
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(func(k string) string {
		if k == "SEAM_CONFIG" {
			return path
		}
		return os.Getenv(k)
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(ctx)
	receiveAt(t, app, tenant, "TEA", 5)

	q := inventory.ReserveRequest{SKU: "TEA", Location: "shipbob:1", Qty: ontology.Units(4), IdempotencyKey: "a"}
	if res, err := app.reservations.Reserve(ctx, tenant, q); err != nil || res.OK || res.Available != ontology.Units(3) {
		t.Fatalf("reserve 4 of 5 with 2 held back = %+v, %v", res, err)
	}
	// A decision Redis made and Neo4j never heard of, as a crash would leave it.
	q.Qty, q.TTL = ontology.Units(1), time.Hour
	id := inventory.ReservationID(tenant, "a")
	if d, err := app.cache.Reserve(ctx, tenant, id, q, 0, 0); err != nil || d.Outcome != inventory.Decided {
		t.Fatalf("deciding alone = %+v, %v", d, err)
	}
	cache := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := runCache(ctx, cfg, log, append(args, "--tenant", tenant), &out)
		return out.String(), err
	}
	if out, err := cache("verify"); err != nil || !strings.Contains(out, "cache equals the ledger") {
		t.Fatalf("verify after the crash = %q, %v", out, err)
	}
	if rec, err := app.store.ReservationRecord(ctx, tenant, id); err != nil || rec == nil || rec.Status != inventory.ReservationActive {
		t.Fatalf("verify did not record the journaled reservation: %+v, %v", rec, err)
	}

	keys := redistest.Keys(t, app.rdb, "seam:{"+tenant+"}:*")
	app.rdb.Del(ctx, keys...)
	out, err := cache("verify")
	if err == nil || !strings.Contains(out, "reservation "+id+": ledger active 1 of TEA @ shipbob:1") {
		t.Fatalf("verify after redis lost the tenant = %q, %v", out, err)
	}
	if _, err := cache("rebuild"); err != nil {
		t.Fatal(err)
	}
	if out, err := cache("verify"); err != nil || !strings.Contains(out, "cache equals the ledger") {
		t.Fatalf("verify after rebuild = %q, %v", out, err)
	}
	if r, err := app.reservations.Release(ctx, tenant, id); err != nil || r.Status != inventory.ReservationReleased {
		t.Fatalf("release after rebuild = %+v, %v", r, err)
	}
}

// TestServerSweepsExpiredReservations: a running server expires what nobody committed.
func TestServerSweepsExpiredReservations(t *testing.T) {
	s := startServer(t, testConfig(t))
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "MUG", 3)
	ctx := context.Background()
	res, err := s.App.reservations.Reserve(ctx, tenant, inventory.ReserveRequest{
		SKU: "MUG", Location: "shipbob:1", Qty: ontology.Units(3), IdempotencyKey: "cart", TTL: 100 * time.Millisecond,
	})
	if err != nil || !res.OK {
		t.Fatalf("reserve = %+v, %v", res, err)
	}
	deadline := time.Now().Add(settle)
	for {
		rec, err := s.App.store.ReservationRecord(ctx, tenant, res.Reservation.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Status == inventory.ReservationExpired {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %s after %s", rec.Status, settle)
		}
		time.Sleep(100 * time.Millisecond)
	}
	rows, err := s.App.cache.Stock(ctx, tenant, "MUG", "")
	if err != nil || len(rows) != 1 || rows[0].Reserved != 0 || rows[0].Available() != ontology.Units(3) {
		t.Fatalf("stock after expiry = %+v, %v", rows, err)
	}
}
