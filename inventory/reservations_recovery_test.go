package inventory_test

import (
	"errors"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// TestCrashBetweenDecisionAndRecord stops after Redis decided and before Neo4j recorded
// (by calling the cache's decisions alone), and after Neo4j recorded but before the
// journal was acknowledged: the sweep records each state once, and nothing is lost,
// held twice or released twice.
func TestCrashBetweenDecisionAndRecord(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))

	// a: decided in Redis, never recorded.
	qa := ask("TEA", 1, "a")
	qa.TTL = time.Hour
	a := r.decide(qa)
	if rec, err := r.store.ReservationRecord(r.ctx, r.tenant, a.ID); err != nil || rec != nil {
		t.Fatalf("ledger holds a before any record: %+v, %v", rec, err)
	}
	// Without the journal the cache is ahead of the ledger by a's unit: the gap the
	// journal exists for.
	bare := inventory.NewProjector(r.store, r.cache)
	if diffs, err := bare.Verify(r.ctx, r.tenant); err != nil || len(diffs) != 1 || diffs[0].Cache.Reserved != ontology.Units(1) || diffs[0].Ledger.Reserved != 0 {
		t.Fatalf("verify without the journal = %+v, %v", diffs, err)
	}

	// b: made and recorded properly, then released in Redis only.
	b := r.reserve(ask("TEA", 1, "b"))
	if d, err := r.cache.End(r.ctx, r.tenant, b.ID, inventory.ReservationReleased); err != nil || d.Outcome != inventory.Decided {
		t.Fatalf("releasing b in redis = %+v, %v", d, err)
	}
	// c: decided and recorded, but the journal never heard back.
	qc := ask("TEA", 2, "c")
	qc.TTL = time.Hour
	c := r.decide(qc)
	if _, err := r.store.RecordReservations(r.ctx, r.tenant, []inventory.Reservation{c}); err != nil {
		t.Fatal(err)
	}
	// A replay of a's key meanwhile reserves nothing more.
	if res, err := r.cache.Reserve(r.ctx, r.tenant, a.ID, qa, 0, 0); err != nil || res.Outcome != inventory.Repeated || !res.Pending {
		t.Fatalf("replay of a in redis = %+v, %v", res, err)
	}

	st, err := r.svc.Sweep(r.ctx, r.tenant)
	if err != nil || st.Recorded != 3 || st.Expired != 0 {
		t.Fatalf("recovery sweep = %+v, %v; want 3 states recorded", st, err)
	}
	if st, err := r.svc.Sweep(r.ctx, r.tenant); err != nil || st.Recorded != 0 {
		t.Fatalf("second sweep = %+v, %v; the journal should be empty", st, err)
	}
	for id, want := range map[string]inventory.ReservationStatus{a.ID: inventory.ReservationActive, b.ID: inventory.ReservationReleased, c.ID: inventory.ReservationActive} {
		if rec := r.record(id); rec.Status != want {
			t.Fatalf("ledger of %s = %s, want %s", id, rec.Status, want)
		}
	}
	// a and c hold 3 units; b's hold and end net to nothing. c recorded twice is one hold.
	r.wantReserved("TEA", "", 3)
	r.agree()
	// The service answers a's key with a's reservation, recorded and counted once.
	res, err := r.svc.Reserve(r.ctx, r.tenant, qa)
	if err != nil || !res.Replayed || res.Reservation.ID != a.ID || res.Available != ontology.Units(2) {
		t.Fatalf("replay of a = %+v, %v", res, err)
	}
	r.wantReserved("TEA", "", 3)
}

// decide runs the cache's reserve decision alone, as a process that dies before it
// records would.
func (r *rig) decide(q inventory.ReserveRequest) inventory.Reservation {
	r.t.Helper()
	d, err := r.cache.Reserve(r.ctx, r.tenant, inventory.ReservationID(r.tenant, q.IdempotencyKey), q, 0, 0)
	if err != nil || d.Outcome != inventory.Decided {
		r.t.Fatalf("deciding %+v = %+v, %v", q, d, err)
	}
	return *d.Reservation
}

// TestReplayAfterTheCacheForgot: a key replayed after Redis dropped the ended
// reservation (its retention passed) makes a fresh hold in Redis; the ledger knows the
// key's first life, so the service gives the fresh hold back and answers the first.
func TestReplayAfterTheCacheForgot(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	first := r.reserve(ask("TEA", 2, "k"))
	if _, err := r.svc.Release(r.ctx, r.tenant, first.ID); err != nil {
		t.Fatal(err)
	}
	ttl, err := r.rdb.PTTL(r.ctx, "seam:{"+r.tenant+"}:rsv:"+first.ID).Result()
	if err != nil || ttl <= 0 {
		t.Fatalf("a recorded, ended reservation should be kept for a while: ttl %s, %v", ttl, err)
	}
	r.rdb.Del(r.ctx, "seam:{"+r.tenant+"}:rsv:"+first.ID)

	res, err := r.svc.Reserve(r.ctx, r.tenant, ask("TEA", 2, "k"))
	// Released: the key holds nothing, so the replay is not OK, but it says why.
	if err != nil || res.OK || !res.Replayed || res.Reservation.Status != inventory.ReservationReleased ||
		!res.Reservation.CreatedAt.Equal(first.CreatedAt) || res.Available != ontology.Units(5) {
		t.Fatalf("replay after the cache forgot = %+v, %v", res, err)
	}
	r.wantReserved("TEA", "", 0)
	r.agree()
	// The cache has the ledger's record back: the next replay needs no voiding.
	if again, err := r.svc.Reserve(r.ctx, r.tenant, ask("TEA", 2, "k")); err != nil || again.Reservation.Status != inventory.ReservationReleased {
		t.Fatalf("second replay = %+v, %v", again, err)
	}
	r.wantReserved("TEA", "", 0)
}

// TestRebuildRestoresReservations: Redis loses the tenant's data; rebuild puts the stock
// (holds included) and the live reservations back, and they work as before.
func TestRebuildRestoresReservations(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	a := r.reserve(ask("TEA", 2, "a"))
	if _, err := r.svc.Commit(r.ctx, r.tenant, a.ID); err != nil {
		t.Fatal(err)
	}
	b := r.reserve(ask("TEA", 1, "b"))
	c := r.reserve(ask("TEA", 1, "c"))
	if _, err := r.svc.Release(r.ctx, r.tenant, c.ID); err != nil {
		t.Fatal(err)
	}
	keys, _ := r.rdb.Keys(r.ctx, "seam:{"+r.tenant+"}:*").Result()
	r.rdb.Del(r.ctx, keys...)
	if diffs, _ := r.svc.Verify(r.ctx, r.tenant); len(diffs) != 2 || diffs[0].Cache != nil || diffs[1].Cache != nil {
		t.Fatalf("reservation verify after data loss = %+v", diffs)
	}
	if _, err := r.proj.Rebuild(r.ctx, r.tenant); err != nil {
		t.Fatal(err)
	}
	r.agree()
	r.wantReserved("TEA", "", 3)
	if got, err := r.svc.Reservation(r.ctx, r.tenant, a.ID); err != nil || got.Status != inventory.ReservationCommitted || !got.ExpiresAt.After(a.ExpiresAt) {
		t.Fatalf("a after rebuild = %+v, %v", got, err)
	}
	if _, err := r.svc.Release(r.ctx, r.tenant, b.ID); err != nil {
		t.Fatal(err)
	}
	r.wantReserved("TEA", "", 2)
	if res, err := r.svc.Reserve(r.ctx, r.tenant, ask("TEA", 4, "d")); err != nil || res.OK || res.Available != ontology.Units(3) {
		t.Fatalf("reserve 4 with 3 left after rebuild = %+v, %v", res, err)
	}
	r.agree()
}

// A reservation made for a channel is consumed by that channel's order only: Shopify
// and WooCommerce both number their orders from 1001, and WooCommerce's 1001 must not
// take the hold Shopify's checkout made for its own 1001. The ledger keeps the channel.
func TestOnlyTheReservingChannelsOrderConsumes(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	q := ask("TEA", 2, "checkout-1001")
	q.OrderRef, q.Channel = "1001", "shopify"
	res := r.reserve(q)
	if res.Channel != "shopify" {
		t.Fatalf("reserved %+v, want the channel kept", res)
	}
	if got, err := r.svc.Consume(r.ctx, r.tenant, r.tenant+"/woocommerce/order/1001", "woocommerce", "1001", "#1001"); err != nil || len(got) != 0 {
		t.Fatalf("another channel's order 1001 consumed %+v, %v", got, err)
	}
	if rec := r.record(res.ID); rec.Status != inventory.ReservationActive || rec.Channel != "shopify" {
		t.Fatalf("after the other channel's order the ledger holds %+v, want it active for shopify", rec)
	}
	got, err := r.svc.Consume(r.ctx, r.tenant, r.tenant+"/shopify/order/1001", "shopify", "1001", "#1001")
	if err != nil || len(got) != 1 || got[0].ID != res.ID || got[0].Status != inventory.ReservationConsumed {
		t.Fatalf("the reserving channel's order consumed %+v, %v", got, err)
	}
	r.wantReserved("TEA", "", 2)
}

// TestOrderConsumesItsReservations: an order found by its order number or by the key the
// channel reserved with takes the reservations over: they stop expiring, their holds
// stay (the order's own), and nothing is released or held twice.
func TestOrderConsumesItsReservations(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5), units("MUG", 5))
	byRef := ask("TEA", 2, "cart-9:1")
	byRef.OrderRef = "1047"
	a := r.reserve(byRef)
	byRef.SKU, byRef.IdempotencyKey = "MUG", "cart-9:2"
	b := r.reserve(byRef)
	c := r.reserve(ask("TEA", 1, "checkout-77"))
	other := r.reserve(ask("TEA", 1, "cart-10"))
	if _, err := r.svc.Release(r.ctx, r.tenant, c.ID); err != nil {
		t.Fatal(err)
	}
	const doc = "shopify/order/5820193847261"
	got, err := r.svc.Consume(r.ctx, r.tenant, doc, "shopify", "1047", "checkout-77")
	if err != nil || len(got) != 2 {
		t.Fatalf("consume = %+v, %v; want a and b (c was released)", got, err)
	}
	for _, g := range got {
		if g.Status != inventory.ReservationConsumed || g.ConsumedBy != doc || (g.ID != a.ID && g.ID != b.ID) {
			t.Fatalf("consumed %+v", g)
		}
		if rec := r.record(g.ID); rec.Status != inventory.ReservationConsumed || rec.ConsumedBy != doc || rec.EndedAt.IsZero() {
			t.Fatalf("ledger of %s = %+v", g.ID, rec)
		}
	}
	// The same order again (a retried resolution) gets the same two; another order none.
	if again, err := r.svc.Consume(r.ctx, r.tenant, doc, "shopify", "1047"); err != nil || len(again) != 2 {
		t.Fatalf("consume again = %+v, %v", again, err)
	}
	if stolen, err := r.svc.Consume(r.ctx, r.tenant, "shopify/order/1", "shopify", "1047", "cart-9:1"); err != nil || len(stolen) != 0 {
		t.Fatalf("another order took %+v, %v", stolen, err)
	}
	if _, err := r.svc.Release(r.ctx, r.tenant, a.ID); !errors.Is(err, inventory.ErrReservationEnded) {
		t.Fatalf("release of a consumed reservation: %v", err)
	}
	if cm, err := r.svc.Commit(r.ctx, r.tenant, b.ID); err != nil || cm.Status != inventory.ReservationConsumed {
		t.Fatalf("commit after the order came = %+v, %v", cm, err)
	}
	// The holds stay until the order's event plans them away: a (2) and other (1) of TEA.
	r.wantReserved("TEA", "", 3)
	r.wantReserved("MUG", "", 2)
	live, _ := r.cache.Live(r.ctx, r.tenant)
	if len(live) != 1 || live[0].ID != other.ID {
		t.Fatalf("live after consumption = %+v; want only the other cart", live)
	}
	r.agree()
}
