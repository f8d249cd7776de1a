package inventory_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestReserveNeverOversells fires 200 reservations of one unit at 50 available, at once,
// from many goroutines over several Redis clients and Neo4j drivers (as several Seam
// replicas would): exactly 50 succeed, replaying every key reserves nothing more, and
// stock, reservations and the ledger agree afterwards.
func TestReserveNeverOversells(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 50))

	const clients, attempts = 4, 200
	svcs := make([]*inventory.Reservations, clients)
	for i := range svcs {
		svcs[i] = inventory.NewReservations(rediscache.New(redistest.OpenDB(t, redistest.ReservationsDB)), neo4jtest.Open(t), nil, nil, inventory.ReservationConfig{})
	}
	fire := func() []inventory.ReserveResult {
		results := make([]inventory.ReserveResult, attempts)
		errs := make([]error, attempts)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range attempts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				results[i], errs[i] = svcs[i%clients].Reserve(r.ctx, r.tenant, ask("TEA", 1, fmt.Sprintf("cart-%03d", i)))
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		return results
	}

	first := fire()
	won := map[int]inventory.Reservation{}
	for i, res := range first {
		switch {
		case res.OK && !res.Replayed:
			won[i] = *res.Reservation
		case res.OK:
			t.Fatalf("attempt %d replayed on its first try: %+v", i, res)
		case res.Available != 0:
			t.Fatalf("attempt %d refused with %s available", i, res.Available)
		}
	}
	if len(won) != 50 {
		t.Fatalf("%d reservations succeeded, want exactly 50", len(won))
	}
	r.wantReserved("TEA", "", 50)

	// Every key again, at once: the 50 winners answer their own reservation, the others
	// are refused again, and nothing more is held.
	for i, res := range fire() {
		w, ok := won[i]
		switch {
		case ok && (!res.OK || !res.Replayed || res.Reservation.ID != w.ID || !res.Reservation.CreatedAt.Equal(w.CreatedAt)):
			t.Fatalf("replay of winner %d = %+v, want its reservation %+v", i, res, w)
		case !ok && res.OK:
			t.Fatalf("replay of loser %d reserved: %+v", i, res)
		}
	}
	// One key from every client at once.
	var wg sync.WaitGroup
	w := won[firstKey(won)]
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := svcs[i%clients].Reserve(r.ctx, r.tenant, ask("TEA", 1, w.IdempotencyKey))
			if err != nil || !res.Replayed || res.Reservation.ID != w.ID {
				t.Errorf("concurrent replay = %+v, %v", res, err)
			}
		}()
	}
	wg.Wait()

	r.wantReserved("TEA", "", 50)
	c, _ := r.stock("TEA", "")
	if c.OnHand != ontology.Units(50) || c.Available() != 0 {
		t.Fatalf("cell after the rush = %+v", c)
	}
	r.agree()
	live, err := r.store.LiveReservations(r.ctx, r.tenant)
	if err != nil || len(live) != 50 {
		t.Fatalf("ledger holds %d live reservations, %v; want 50", len(live), err)
	}
	for _, l := range live {
		if l.Status != inventory.ReservationActive || l.Qty != ontology.Units(1) || l.ID != inventory.ReservationID(r.tenant, l.IdempotencyKey) {
			t.Fatalf("ledger reservation %+v", l)
		}
	}
	// A different request under a winner's key is refused, not taken for a replay.
	if _, err := r.svc.Reserve(r.ctx, r.tenant, ask("TEA", 2, w.IdempotencyKey)); !errors.Is(err, inventory.ErrIdempotencyConflict) {
		t.Fatalf("reuse of a key for 2 units: %v", err)
	}
}

func firstKey(m map[int]inventory.Reservation) int {
	k := -1
	for i := range m {
		if k < 0 || i < k {
			k = i
		}
	}
	return k
}

// TestCommitReleaseExpire walks reservations through each end: commit then wait for the
// order, release, expiry by the sweeper (twice, from two services at once), and a
// commit that comes too late.
func TestCommitReleaseExpire(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 10))
	a := r.reserve(ask("TEA", 3, "a"))
	b := r.reserve(ask("TEA", 2, "b"))
	// Nothing is due yet: a sweep expires nothing. (Asked before the short-lived ones
	// exist, so that a slow machine cannot make them due first.)
	if st, err := r.svc.Sweep(r.ctx, r.tenant); err != nil || st.Expired != 0 {
		t.Fatalf("early sweep = %+v, %v", st, err)
	}
	short := ask("TEA", 1, "c")
	short.TTL = 300 * time.Millisecond
	c := r.reserve(short)
	short.IdempotencyKey = "d"
	d := r.reserve(short)
	r.wantReserved("TEA", "", 7)

	committed, err := r.svc.Commit(r.ctx, r.tenant, a.ID)
	if err != nil || committed.Status != inventory.ReservationCommitted || !committed.ExpiresAt.After(a.ExpiresAt.Add(time.Hour)) {
		t.Fatalf("commit = %+v, %v", committed, err)
	}
	if again, err := r.svc.Commit(r.ctx, r.tenant, a.ID); err != nil || again.Status != inventory.ReservationCommitted || !again.ExpiresAt.Equal(committed.ExpiresAt) {
		t.Fatalf("second commit = %+v, %v", again, err)
	}
	if rec := r.record(a.ID); rec.Status != inventory.ReservationCommitted || !rec.ExpiresAt.Equal(committed.ExpiresAt) {
		t.Fatalf("ledger after commit = %+v", rec)
	}

	released, err := r.svc.Release(r.ctx, r.tenant, b.ID)
	if err != nil || released.Status != inventory.ReservationReleased || released.EndedAt.IsZero() {
		t.Fatalf("release = %+v, %v", released, err)
	}
	if again, err := r.svc.Release(r.ctx, r.tenant, b.ID); err != nil || again.Status != inventory.ReservationReleased {
		t.Fatalf("second release = %+v, %v", again, err)
	}
	if _, err := r.svc.Commit(r.ctx, r.tenant, b.ID); !errors.Is(err, inventory.ErrReservationEnded) {
		t.Fatalf("commit of a released reservation: %v", err)
	}
	if _, err := r.svc.Release(r.ctx, r.tenant, "rsv_nosuch"); !errors.Is(err, inventory.ErrReservationNotFound) {
		t.Fatalf("release of no reservation: %v", err)
	}
	r.wantReserved("TEA", "", 5)

	time.Sleep(400 * time.Millisecond)
	// d's commit comes after its time: it expires instead of reviving.
	if late, err := r.svc.Commit(r.ctx, r.tenant, d.ID); !errors.Is(err, inventory.ErrReservationEnded) || late.Status != inventory.ReservationExpired {
		t.Fatalf("late commit = %+v, %v", late, err)
	}
	// Two replicas sweep at once: c expires once.
	other := inventory.NewReservations(rediscache.New(redistest.OpenDB(t, redistest.ReservationsDB)), neo4jtest.Open(t), nil, nil, inventory.ReservationConfig{})
	var wg sync.WaitGroup
	stats := make([]inventory.SweepStats, 2)
	for i, s := range []*inventory.Reservations{r.svc, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if stats[i], err = s.Sweep(r.ctx, r.tenant); err != nil {
				t.Errorf("sweep %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	if stats[0].Expired+stats[1].Expired != 1 {
		t.Fatalf("two sweeps expired %d and %d, want 1 in all", stats[0].Expired, stats[1].Expired)
	}
	for _, id := range []string{c.ID, d.ID} {
		if rec := r.record(id); rec.Status != inventory.ReservationExpired || rec.EndedAt.IsZero() {
			t.Fatalf("ledger of %s = %+v", id, rec)
		}
	}
	if _, err := r.svc.Release(r.ctx, r.tenant, c.ID); !errors.Is(err, inventory.ErrReservationEnded) {
		t.Fatalf("release of an expired reservation: %v", err)
	}
	// Only a's 3 committed units are held; the ledger shows every hold and its end.
	r.wantReserved("TEA", "", 3)
	if rec := r.record(b.ID); rec.Status != inventory.ReservationReleased {
		t.Fatalf("ledger of b = %+v", rec)
	}
	r.agree()
	// Replaying a key answers its reservation; OK only while it holds: a channel that
	// retries a checkout after the TTL and reads OK alone must not sell what is not held.
	for _, c := range []struct {
		q      inventory.ReserveRequest
		status inventory.ReservationStatus
		ok     bool
	}{
		{ask("TEA", 3, "a"), inventory.ReservationCommitted, true},
		{ask("TEA", 2, "b"), inventory.ReservationReleased, false},
		{short, inventory.ReservationExpired, false},
	} {
		res, err := r.svc.Reserve(r.ctx, r.tenant, c.q)
		if err != nil || !res.Replayed || res.OK != c.ok || res.Reservation == nil || res.Reservation.Status != c.status ||
			res.Available != ontology.Units(7) {
			t.Fatalf("replay of %s = %+v, %v; want ok %v, status %s, 7 available", c.q.IdempotencyKey, res, err, c.ok, c.status)
		}
	}
	r.wantReserved("TEA", "", 3)
	if res, err := r.svc.Reserve(r.ctx, r.tenant, ask("TEA", 7, "e")); err != nil || !res.OK || res.Available != 0 {
		t.Fatalf("reserving what the ends gave back = %+v, %v", res, err)
	}
}

// TestAvailableCountsLotsAndSafetyHolds: a request for a lot must fit the lot and the
// location; one without a lot must fit the location; a safety hold is never promised.
func TestAvailableCountsLotsAndSafetyHolds(t *testing.T) {
	r := newRig(t)
	r.receive(lot("TEA", "B1", 5), lot("TEA", "B2", 5))
	inLot := func(n int64, l, key string) inventory.ReserveRequest {
		q := ask("TEA", n, key)
		q.Lot = l
		return q
	}
	for _, tt := range []struct {
		q         inventory.ReserveRequest
		ok        bool
		available int64
	}{
		{inLot(6, "B1", "k1"), false, 5},
		{inLot(5, "B1", "k2"), true, 0},
		{ask("TEA", 6, "k3"), false, 5},
		{ask("TEA", 5, "k4"), true, 0},
		// B2 still has 5 of its own, but the location has nothing left to promise.
		{inLot(1, "B2", "k5"), false, 0},
	} {
		res, err := r.svc.Reserve(r.ctx, r.tenant, tt.q)
		if err != nil || res.OK != tt.ok || res.Available != ontology.Units(tt.available) {
			t.Fatalf("reserve %s lot %q = ok %v available %s, %v; want %v %d", tt.q.Qty, tt.q.Lot, res.OK, res.Available, err, tt.ok, tt.available)
		}
	}
	r.wantReserved("TEA", "B1", 5)
	r.wantReserved("TEA", "", 5)
	r.agree()

	h := newRig(t)
	h.svc = inventory.NewReservations(h.cache, h.store, inventory.HoldTable{
		h.tenant: {{SKU: "MUG", Location: wh, Qty: ontology.Units(4)}},
	}, nil, inventory.ReservationConfig{})
	h.receive(units("MUG", 10))
	if res, err := h.svc.Reserve(h.ctx, h.tenant, ask("MUG", 7, "m1")); err != nil || res.OK || res.Available != ontology.Units(6) {
		t.Fatalf("reserve 7 of 10 with 4 held back = %+v, %v", res, err)
	}
	if res, err := h.svc.Reserve(h.ctx, h.tenant, ask("MUG", 6, "m2")); err != nil || !res.OK || res.Available != 0 {
		t.Fatalf("reserve 6 of 10 with 4 held back = %+v, %v", res, err)
	}
}

// TestRunSweepsOnlyItsTenants: a server sweeps the reservations of the tenants it owns
// (ReservationConfig.Sweeps, from its tenant prefix) and leaves other servers' alone,
// even when their time has passed.
func TestRunSweepsOnlyItsTenants(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	q := ask("TEA", 1, "due")
	q.TTL = 100 * time.Millisecond
	due := r.reserve(q)
	mine := func(tenant string) bool { return tenant == "sweep-nobody" }
	other := inventory.NewReservations(r.cache, r.store, nil, nil, inventory.ReservationConfig{Sweeps: mine})
	ctx, cancel := context.WithCancel(r.ctx)
	done := make(chan struct{})
	go func() { defer close(done); other.Run(ctx, 50*time.Millisecond) }()
	time.Sleep(600 * time.Millisecond) // several turns past the reservation's time
	cancel()
	<-done
	if rec := r.record(due.ID); rec.Status != inventory.ReservationActive {
		t.Fatalf("another server's sweeper ended the reservation: %+v", rec)
	}
	r.wantReserved("TEA", "", 1)
}

// TestRunSweepsTheTenantsItReservedFor: a server answers any key's tenant, also one its
// Sweeps leaves to others (outside its prefix); the holds it took itself still expire
// at its own sweep, or they would hold stock for ever where no server owns that prefix.
func TestRunSweepsTheTenantsItReservedFor(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	nobody := func(string) bool { return false }
	own := inventory.NewReservations(r.cache, r.store, nil, nil, inventory.ReservationConfig{Sweeps: nobody})
	q := ask("TEA", 2, "outside-the-prefix")
	q.TTL = 100 * time.Millisecond
	res, err := own.Reserve(r.ctx, r.tenant, q)
	if err != nil || !res.OK {
		t.Fatalf("reserve = %+v, %v", res, err)
	}
	ctx, cancel := context.WithCancel(r.ctx)
	done := make(chan struct{})
	go func() { defer close(done); own.Run(ctx, 50*time.Millisecond) }()
	defer func() { cancel(); <-done }()
	deadline := time.Now().Add(10 * time.Second)
	for r.record(res.Reservation.ID).Status != inventory.ReservationExpired {
		if time.Now().After(deadline) {
			t.Fatalf("the reservation this server took was never swept: %+v", r.record(res.Reservation.ID))
		}
		time.Sleep(50 * time.Millisecond)
	}
	r.wantReserved("TEA", "", 0)
}
