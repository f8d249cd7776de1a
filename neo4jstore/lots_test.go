package neo4jstore_test

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestLotStockReadsBalancesNotHistory: the lots on hand at a place are read from their
// running balances, which every batch of movements keeps; the place's movements,
// however many, are not read, so a backlog's later batches do not pay for the history
// before them. A database from before the balances gets them from its movements.
func TestLotStockReadsBalancesNotHistory(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var n int
	batch := func() *resolver.Changes {
		n++
		id := fmt.Sprintf("ev-lots-%d", n)
		return &resolver.Changes{Tenant: tenant,
			Events: []resolver.EventWrite{{ID: id, Kind: ontology.KindReceipt, Status: "complete", OccurredAt: at, Location: "S1"}},
			Lots:   []resolver.LotFact{{SKU: "MILK", Lot: "L1", ExpiresAt: at.AddDate(0, 0, 9)}, {SKU: "MILK", Lot: "L2"}}}
	}
	move := func(ch *resolver.Changes, loc, lot string, b ontology.Bucket, q int64) {
		ch.Movements = append(ch.Movements, ontology.Movement{Tenant: tenant, ID: fmt.Sprintf("%s-mv-%d", ch.Events[0].ID, len(ch.Movements)),
			EventID: ch.Events[0].ID, SKU: "MILK", Location: loc, Lot: lot, Bucket: b, Qty: ontology.Units(q), At: at})
	}
	apply := func(ch *resolver.Changes) {
		t.Helper()
		if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string, want map[string]int64) {
		t.Helper()
		hits, lots, err := neo4jstore.LotStockPlan(ctx, s, tenant, []inventory.Place{{SKU: "MILK", Location: "S1"}})
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(lots, want) {
			t.Errorf("%s: lots on hand = %v, want %v", when, lots, want)
		}
		// An index seek over the place's balances and their lots: a few hits each.
		// Summing the place's movements costs at least one hit per movement.
		if hits > 40 {
			t.Errorf("%s: reading the lots of a place with %d movements took %d database hits", when, history, hits)
		}
	}
	u := func(q int64) int64 { return int64(ontology.Units(q)) }

	first := batch()
	move(first, "S1", "L1", ontology.BucketOnHand, 10)
	move(first, "S1", "L1", ontology.BucketOnHand, -4) // the same lot twice in one write
	move(first, "S1", "L2", ontology.BucketOnHand, 5)
	move(first, "S1", "L3", ontology.BucketOnHand, 2)
	move(first, "S1", "L3", ontology.BucketOnHand, -2)  // used up: not on hand
	move(first, "S2", "L2", ontology.BucketOnHand, 7)   // another place
	move(first, "S1", "L2", ontology.BucketReserved, 3) // not on hand
	for range history {
		move(first, "S1", "", ontology.BucketOnHand, 1) // no lot
	}
	apply(first)
	check("after one batch", map[string]int64{"MILK/S1/L1": u(6), "MILK/S1/L2": u(5)})

	second := batch()
	move(second, "S1", "L2", ontology.BucketOnHand, -5)
	move(second, "S1", "L1", ontology.BucketOnHand, 1)
	for range history {
		move(second, "S1", "L1", ontology.BucketOnHand, 1)
		move(second, "S1", "L1", ontology.BucketOnHand, -1)
	}
	apply(second)
	want := map[string]int64{"MILK/S1/L1": u(7)}
	check("after a second batch", want)

	if err := neo4jstore.RefillLotBalances(ctx, s, tenant); err != nil {
		t.Fatal(err)
	}
	check("filled from the movements", want)
}

// history is how many movements a place gets beside its few lots'.
const history = 300
