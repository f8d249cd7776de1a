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

// TestLotStockReadsOnlyLotMovements: the lots on hand at a place are summed from its
// movements with a lot; the place's other movements, however many, are not read, so a
// backlog's later batches do not pay for the history before them.
func TestLotStockReadsOnlyLotMovements(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	ch := &resolver.Changes{Tenant: tenant,
		Events: []resolver.EventWrite{{ID: "ev-lots", Kind: ontology.KindReceipt, Status: "complete", OccurredAt: at, Location: "S1"}},
		Lots:   []resolver.LotFact{{SKU: "MILK", Lot: "L1", ExpiresAt: at.AddDate(0, 0, 9)}, {SKU: "MILK", Lot: "L2"}}}
	move := func(loc, lot string, b ontology.Bucket, q int64) {
		ch.Movements = append(ch.Movements, ontology.Movement{Tenant: tenant, ID: fmt.Sprintf("mv-%d", len(ch.Movements)),
			EventID: "ev-lots", SKU: "MILK", Location: loc, Lot: lot, Bucket: b, Qty: ontology.Units(q), At: at})
	}
	move("S1", "L1", ontology.BucketOnHand, 10)
	move("S1", "L1", ontology.BucketOnHand, -4)
	move("S1", "L2", ontology.BucketOnHand, 5)
	move("S1", "L3", ontology.BucketOnHand, 2)
	move("S1", "L3", ontology.BucketOnHand, -2)  // used up: not on hand
	move("S2", "L2", ontology.BucketOnHand, 7)   // another place
	move("S1", "L2", ontology.BucketReserved, 3) // not on hand
	const history = 400                          // the place's movements without a lot
	for range history {
		move("S1", "", ontology.BucketOnHand, 1)
	}
	err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) })
	if err != nil {
		t.Fatal(err)
	}
	hits, lots, err := neo4jstore.LotStockPlan(ctx, s, tenant, []inventory.Place{{SKU: "MILK", Location: "S1"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int64{"MILK/S1/L1": int64(ontology.Units(6)), "MILK/S1/L2": int64(ontology.Units(5))}; !maps.Equal(lots, want) {
		t.Errorf("lots on hand = %v, want %v", lots, want)
	}
	// An index seek over the place's six lot movements and their lots: a few hits each.
	// Reading the place's every movement costs at least one hit per movement.
	if hits > 60 {
		t.Errorf("summing the lots of a place with %d other movements took %d database hits", history, hits)
	}
}
