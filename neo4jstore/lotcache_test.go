package neo4jstore_test

import (
	"context"
	"errors"
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

// TestLotStockKeptBetweenBatches: the lot balances a batch read and wrote serve the
// next batch of the same process without being read again, and they are always what
// the database holds: after a batch that failed, and after a batch of another process
// (another Store on the same database), the balances are read again.
func TestLotStockKeptBetweenBatches(t *testing.T) {
	s := neo4jtest.Open(t)
	other := neo4jtest.Open(t) // another process resolving the same tenant
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s1, wh := inventory.Place{SKU: "MILK", Location: "S1"}, inventory.Place{SKU: "MILK", Location: "WH"}
	// L1's expiry as the batches write it, and as the next batch must read it: a
	// document may give an earlier one, which then counts.
	l1Write, l1Want := at.AddDate(0, 0, 9), at.AddDate(0, 0, 9)
	var n int
	var since time.Time // the earliest time the batch's events are planned at
	// batch reads the lots at the places, checks them against want and against the
	// database's balances, then writes the movements (lot, qty at S1), in one transaction
	// of st that fails with fail, if set.
	batch := func(st *neo4jstore.Store, want map[string]int64, moves map[string]int64, fail error) {
		t.Helper()
		n++
		id := fmt.Sprintf("ev-kept-%d", n)
		err := st.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
			lots, err := tx.LotStock(ctx, []inventory.Place{s1, wh}, since)
			if err != nil {
				return err
			}
			got := map[string]int64{}
			for _, p := range []inventory.Place{s1, wh} {
				for lot, q := range lots.At(p) {
					got[p.Location+"/"+lot] = int64(q)
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("batch %d: lots on hand = %v, want %v", n, got, want)
			}
			if e := lots.Expiry("MILK", "L1"); want["S1/L1"] > 0 && !e.Equal(l1Want) {
				t.Errorf("batch %d: L1 expires %v, want %v", n, e, l1Want)
			}
			if e := lots.Expiry("MILK", "L2"); !e.IsZero() {
				t.Errorf("batch %d: L2 expires %v, want no expiry", n, e)
			}
			ch := &resolver.Changes{Tenant: tenant,
				Events: []resolver.EventWrite{{ID: id, Kind: ontology.KindReceipt, Status: "complete", OccurredAt: at, Location: "S1"}},
				Lots:   []resolver.LotFact{{SKU: "MILK", Lot: "L1", ExpiresAt: l1Write}, {SKU: "MILK", Lot: "L2"}}}
			i := 0
			for lot, q := range moves {
				i++
				ch.Movements = append(ch.Movements, ontology.Movement{Tenant: tenant, ID: fmt.Sprintf("%s-mv-%d", id, i),
					EventID: id, SKU: "MILK", Location: "S1", Lot: lot, Bucket: ontology.BucketOnHand, Qty: ontology.Qty(q), At: at})
			}
			if err := tx.Apply(ctx, ch); err != nil {
				return err
			}
			return fail
		})
		if !errors.Is(err, fail) {
			t.Fatalf("batch %d: %v", n, err)
		}
		_, db, err := neo4jstore.LotStockPlan(ctx, s, tenant, []inventory.Place{s1, wh})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("batch %d: database holds %v", n, db)
	}
	kept := func(when string, want int) {
		t.Helper()
		if got := len(neo4jstore.KeptLotPlaces(s, tenant)); got != want {
			t.Errorf("%s: %d places kept, want %d", when, got, want)
		}
	}

	batch(s, map[string]int64{}, map[string]int64{"L1": 10, "L2": 5}, nil)
	kept("after the first batch", 2) // both places read, WH with no lots
	batch(s, map[string]int64{"S1/L1": 10, "S1/L2": 5}, map[string]int64{"L1": -3, "L2": -5, "L3": -1}, nil)
	kept("after the second batch", 2)
	// L2 came to nothing, L3 is owed (below zero): neither is on hand. A document gives
	// L1 an earlier expiry, then a later one, which does not count.
	l1Write = at.AddDate(0, 0, 5)
	batch(s, map[string]int64{"S1/L1": 7}, map[string]int64{"L3": 4}, nil)
	l1Write, l1Want = at.AddDate(0, 0, 7), at.AddDate(0, 0, 5)
	batch(s, map[string]int64{"S1/L1": 7, "S1/L3": 3}, map[string]int64{"L1": -7}, errors.New("the batch fails"))
	kept("after a failed batch", 0)
	batch(s, map[string]int64{"S1/L1": 7, "S1/L3": 3}, map[string]int64{"L1": -2}, nil)
	kept("after reading again", 2)
	batch(other, map[string]int64{"S1/L1": 5, "S1/L3": 3}, map[string]int64{"L3": -3, "L2": 8}, nil)
	// s still keeps what it wrote, but another process took the lock since.
	batch(s, map[string]int64{"S1/L1": 5, "S1/L2": 8}, nil, nil)
	if _, err := s.BookCount(ctx, inventory.Count{Tenant: tenant, Cell: ontology.Cell{SKU: "MILK", Location: "WH", Lot: "L9"},
		Counted: 4, CountedBy: "tester", At: at}, "count-kept-1"); err != nil {
		t.Fatal(err)
	}
	// A count took the lock: what s kept is read again, with the counted lot.
	batch(s, map[string]int64{"S1/L1": 5, "S1/L2": 8, "WH/L9": 4}, nil, nil)
	// A batch whose events all happen once L1 has expired is not given L1: no event of
	// it could take from it.
	since = l1Want
	batch(s, map[string]int64{"S1/L2": 8, "WH/L9": 4}, nil, nil)
}

// TestLockTellsItsSeq: the statement that takes a tenant's resolution lock answers the
// seq and epoch it took, so the lot balances kept between batches cost no statement of
// their own to check: a batch that reads its pending page and then its lots sends two
// statements, and the next batch of the same process, whose places are kept, one. A
// transaction whose first statement is the lot read takes the lock with a statement
// that tells as well, and only an empty pending page, which has no row to carry them,
// leaves them to be read.
func TestLockTellsItsSeq(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := pendingBacklog(t, s, 1)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	places := []inventory.Place{{SKU: "MILK", Location: "S1"}}
	n := 0
	batch := func(pending bool, want int) {
		t.Helper()
		n++
		id := fmt.Sprintf("ev-told-%d", n)
		got, err := neo4jstore.WithCountedTenantLock(ctx, s, tenant, func(ctx context.Context, tx resolver.Tx) error {
			if pending {
				if _, err := tx.Pending(ctx, 10); err != nil {
					return err
				}
			}
			if _, err := tx.LotStock(ctx, places, time.Time{}); err != nil {
				return err
			}
			// An event alone: Apply sends one statement, counted here too.
			return tx.Apply(ctx, &resolver.Changes{Tenant: tenant,
				Events: []resolver.EventWrite{{ID: id, Kind: ontology.KindReceipt, Status: "complete", OccurredAt: at, Location: "S1"}}})
		})
		if err != nil {
			t.Fatal(err)
		}
		if got != want+1 {
			t.Errorf("batch %d: %d statements before the write, want %d", n, got-1, want)
		}
	}
	batch(true, 2)  // the page (taking the lock), the lots
	batch(true, 1)  // the page; the lots are kept
	batch(false, 1) // the lock's own statement; the lots are kept
	// A transaction of the resolver that reads no lots resolves the document: the
	// balances kept are not the ones that transaction left, so the next batch reads them.
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		docs, err := tx.Pending(ctx, 10)
		if err == nil && len(docs) == 1 {
			err = tx.Apply(ctx, &resolver.Changes{Tenant: tenant, Resolved: []string{docs[0].UID}})
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	batch(true, 3) // an empty page, the lock's seq read, the lots
	batch(true, 2) // an empty page, the lock's seq read; the lots are kept
}
