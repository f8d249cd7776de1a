package inventory_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestCrashBetweenLedgerAndCache stops after the ledger commit and before the cache:
// CatchUp must apply the movements once, and Verify must prove the cache equal.
func TestCrashBetweenLedgerAndCache(t *testing.T) {
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	cache := rediscache.New(rdb)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	m := resolver.NewMatcher(store, resolver.NewRegistry(nil, nil), nil)
	p := inventory.NewProjector(store, cache)

	d := ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: "o1"},
		Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "square", Code: "L1"},
		Lines:    []ontology.Line{{SKU: "TEA", Qty: ontology.Units(3)}},
	}
	raw, _ := json.Marshal(d)
	if _, err := store.SaveDocuments(ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	st, err := m.Process(ctx, tenant, 100)
	if err != nil || len(st.Movements) != 1 {
		t.Fatalf("process = %+v, %v", st, err)
	}
	// "Crash": the movements reached Redis but the ledger's mark was never cleared.
	if _, err := cache.Apply(ctx, tenant, st.Movements); err != nil {
		t.Fatal(err)
	}
	n, err := p.CatchUp(ctx, tenant)
	if err != nil || n != 1 {
		t.Fatalf("catch up = %d, %v", n, err)
	}
	if again, _ := p.CatchUp(ctx, tenant); again != 0 {
		t.Fatalf("second catch up projected %d", again)
	}
	rows, _ := cache.Stock(ctx, tenant, "TEA", "")
	if len(rows) != 1 || rows[0].OnHand != ontology.Units(-3) {
		t.Fatalf("stock after catch up = %+v (a doubled movement would show -6)", rows)
	}
	diffs, err := p.Verify(ctx, tenant)
	if err != nil || len(diffs) != 0 {
		t.Fatalf("verify = %+v, %v", diffs, err)
	}
	// Redis loses the tenant's data: verify notices, rebuild restores.
	keys := redistest.Keys(t, rdb, "seam:{"+tenant+"}:*")
	rdb.Del(ctx, keys...)
	if diffs, _ := p.Verify(ctx, tenant); len(diffs) != 1 {
		t.Fatalf("verify after data loss = %+v", diffs)
	}
	if _, err := p.Rebuild(ctx, tenant); err != nil {
		t.Fatal(err)
	}
	if diffs, _ := p.Verify(ctx, tenant); len(diffs) != 0 {
		t.Fatalf("verify after rebuild = %+v", diffs)
	}
}
