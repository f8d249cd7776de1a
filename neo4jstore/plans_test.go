package neo4jstore_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestMovementReadsWalkFromTheProduct: the alerts' consumption and the latest
// replenishments of a product read that product's movements and walk to their events,
// whatever else the tenant sold. Planned as a join of the tenant's events with the
// product's movements, they cost events × movements (95 s for one product of a month
// of real sales); here the tenant's 400 other sales must cost next to nothing.
func TestMovementReadsWalkFromTheProduct(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	now := time.Now().UTC().Truncate(time.Millisecond)
	var moves []neo4jstore.TestMove
	for i := range 400 {
		moves = append(moves, neo4jstore.TestMove{Event: fmt.Sprintf("%s-o%d", tenant, i), Kind: "sale", SKU: "OTHER",
			Location: "STORE", Qty: -1, At: now.Add(-time.Duration(i) * time.Minute)})
	}
	for i, q := range []int64{-2, -3, -4} {
		moves = append(moves, neo4jstore.TestMove{Event: fmt.Sprintf("%s-m%d", tenant, i), Kind: "sale", SKU: "MILK",
			Location: []string{"STORE", "STORE", "KIOSK"}[i], Qty: q, At: now.Add(-time.Duration(i) * time.Hour)})
	}
	moves = append(moves,
		neo4jstore.TestMove{Event: tenant + "-old", Kind: "sale", SKU: "MILK", Location: "STORE", Qty: -50, At: now.Add(-30 * 24 * time.Hour)},
		neo4jstore.TestMove{Event: tenant + "-in", Kind: "receipt", SKU: "MILK", Location: "STORE", Qty: 10, At: now, Reason: "plan"},
	)
	if err := neo4jstore.WriteMoves(ctx, s, tenant, moves); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })

	ops, hits, got, err := neo4jstore.ConsumptionPlan(ctx, s, tenant, "MILK", now.Add(-7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int64{"STORE": 5, "KIOSK": 4}; !maps.Equal(got, want) {
		t.Errorf("consumption = %v, want %v (the receipt and the month-old sale are not consumption)", got, want)
	}
	// Five movements of the product: an index entry, a few properties, a relationship
	// and the event's label and properties each.
	if slices.Contains(ops, "CartesianProduct@neo4j") || hits > 100 {
		t.Errorf("consumption of one product took %d database hits: %v", hits, ops)
	}
	ops, hits, err = neo4jstore.ReplenishmentsPlan(ctx, s, tenant, "MILK")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(ops, "CartesianProduct@neo4j") || hits > 100 {
		t.Errorf("replenishments of one product took %d database hits: %v", hits, ops)
	}
	if rs, err := s.Replenishments(ctx, tenant, "MILK", "", 3); err != nil || len(rs) != 1 || rs[0].EventID != tenant+"-in" {
		t.Errorf("replenishments = %+v, %v", rs, err)
	}
}

// TestEventMembersReadNoMovements: the events a batch only looks at (a sale of the same
// basket in the same hour at another store, one per store) are read without their
// movements, whatever their number; Events still reads them all.
func TestEventMembersReadNoMovements(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	quiet, busy := tenant+"-quiet", tenant+"-busy"
	for ev, n := range map[string]int{quiet: 1, busy: 300} {
		if err := neo4jstore.WriteEventMoves(ctx, s, tenant, ev, n); err != nil {
			t.Fatal(err)
		}
	}
	hitsQuiet, seq, err := neo4jstore.EventsPlan(ctx, s, tenant, []string{quiet}, false)
	if err != nil {
		t.Fatal(err)
	}
	hitsBusy, seqBusy, err := neo4jstore.EventsPlan(ctx, s, tenant, []string{busy}, false)
	if err != nil {
		t.Fatal(err)
	}
	if seq[quiet] != 0 || seqBusy[busy] != 0 {
		t.Errorf("without movements: seq %v and %v, want 0 (none read)", seq, seqBusy)
	}
	// The event's node, index entry and relationship groups: a few hits more for the
	// busy event's many relationships, never one per movement.
	if hitsBusy > hitsQuiet+20 {
		t.Errorf("an event with 300 movements took %d database hits without them, one with 1 took %d", hitsBusy, hitsQuiet)
	}
	hitsAll, seqAll, err := neo4jstore.EventsPlan(ctx, s, tenant, []string{busy}, true)
	if err != nil {
		t.Fatal(err)
	}
	if seqAll[busy] != 300 || hitsAll < 300 {
		t.Errorf("with movements: seq %d in %d database hits, want 300 movements read", seqAll[busy], hitsAll)
	}
	t.Logf("database hits: without movements %d (1 movement) and %d (300); with movements %d", hitsQuiet, hitsBusy, hitsAll)
}

// TestStartupAliasLoadSeeksTheKindIndex: a starting process loads every tenant's
// location aliases. Each party mention writes an Alias as well, so a read by label
// alone would grow with the customers of every tenant; it must seek the kind index.
func TestStartupAliasLoadSeeksTheKindIndex(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	if _, err := s.SetLocationAlias(ctx, resolver.LocationAlias{Tenant: tenant, System: "shopify", Code: "loc-1", Location: "STORE"}); err != nil {
		t.Fatal(err)
	}
	all, err := s.AllLocationAliases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(all, func(a resolver.LocationAlias) bool { return a.Tenant == tenant && a.Location == "STORE" }) {
		t.Fatalf("the alias just set is not loaded: %d aliases", len(all))
	}
	ops, hits, err := neo4jstore.LocationAliasesPlan(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	has := func(name string) bool {
		return slices.ContainsFunc(ops, func(op string) bool { return strings.HasPrefix(op, name) })
	}
	if has("NodeByLabelScan") || !has("NodeIndexSeek") {
		t.Errorf("the start-up alias load does not seek the kind index: plan %v (%d database hits for %d aliases)", ops, hits, len(all))
	}
}
