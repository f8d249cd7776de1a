package inventory_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/seamhub/seam/inventory"
)

// TestReplaysMoveTheOrderReferenceOnce: replays of one key with twenty different order
// numbers, at once with commits of the reservation, each answer without error; the
// reservation ends under one number, listed under that number alone, and the ledger
// keeps the same one even when an older state is recorded after the newer (a slow
// request's record arriving last).
func TestReplaysMoveTheOrderReferenceOnce(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	q := ask("TEA", 2, "checkout-busy")
	q.OrderRef = "first"
	first := r.reserve(q)

	const n = 20
	refs := make([]string, n)
	errs := make([]error, 2*n)
	var wg sync.WaitGroup
	for i := range n {
		refs[i] = fmt.Sprintf("%d", 5000+i)
		wg.Add(2)
		go func() {
			defer wg.Done()
			q := q
			q.OrderRef = refs[i]
			res, err := r.svc.Reserve(r.ctx, r.tenant, q)
			if err == nil && (!res.OK || !res.Replayed || res.Reservation.ID != first.ID) {
				err = fmt.Errorf("replay answered %+v", res)
			}
			errs[i] = err
		}()
		go func() {
			defer wg.Done()
			_, errs[n+i] = r.svc.Commit(r.ctx, r.tenant, first.ID)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	now, err := r.svc.Reservation(r.ctx, r.tenant, first.ID)
	if err != nil || !slices.Contains(refs, now.OrderRef) || now.Status != inventory.ReservationCommitted {
		t.Fatalf("after the replays the reservation is %+v, %v; want committed under one of the numbers", now, err)
	}
	for _, ref := range append([]string{"first"}, refs...) {
		ids, err := r.cache.ByOrderRef(r.ctx, r.tenant, ref)
		if err != nil {
			t.Fatal(err)
		}
		if listed := slices.Contains(ids, first.ID); listed != (ref == now.OrderRef) {
			t.Fatalf("number %s lists the reservation: %v; it is under %s", ref, listed, now.OrderRef)
		}
	}
	if _, err := r.svc.Sweep(r.ctx, r.tenant); err != nil {
		t.Fatal(err)
	}
	if rec := r.record(first.ID); rec.OrderRef != now.OrderRef {
		t.Fatalf("the ledger keeps number %q; the cache %q", rec.OrderRef, now.OrderRef)
	}
	// The first state, recorded again late, does not take the number back.
	if _, err := r.store.RecordReservations(r.ctx, r.tenant, []inventory.Reservation{first}); err != nil {
		t.Fatal(err)
	}
	if rec := r.record(first.ID); rec.OrderRef != now.OrderRef {
		t.Fatalf("a late record of the first state put number %q back; want %q", rec.OrderRef, now.OrderRef)
	}
	r.wantReserved("TEA", "", 2)
	r.agree()
}
