package inventory_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// resolveSale stores a point-of-sale sale of qty TEA at square's L1 and resolves it,
// returning its one movement, committed and not yet projected.
func resolveSale(t *testing.T, store *neo4jstore.Store, m *resolver.Matcher, tenant, id string, qty int64) []ontology.Movement {
	t.Helper()
	ctx := context.Background()
	d := ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: id},
		Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "square", Code: "L1"},
		Lines:    []ontology.Line{{SKU: "TEA", Qty: ontology.Units(qty)}},
	}
	raw, _ := json.Marshal(d)
	if _, err := store.SaveDocuments(ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	st, err := m.Process(ctx, tenant, 100)
	if err != nil || len(st.Movements) != 1 {
		t.Fatalf("process = %+v, %v", st, err)
	}
	return st.Movements
}

// projectorRig is a projector over the test services with a matcher to resolve sales.
type projectorRig struct {
	store  *neo4jstore.Store
	rdb    redis.UniversalClient
	cache  *rediscache.Cache
	tenant string
	m      *resolver.Matcher
	p      *inventory.Projector
}

func newProjectorRig(t *testing.T) projectorRig {
	t.Helper()
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	cache := rediscache.New(rdb)
	return projectorRig{store: store, rdb: rdb, cache: cache, tenant: neo4jtest.Tenant(t),
		m: resolver.NewMatcher(store, resolver.NewRegistry(nil, nil), nil), p: inventory.NewProjector(store, cache)}
}

// TestCrashBetweenLedgerAndCache stops after the ledger commit and before the cache:
// CatchUp must apply the movements once, and Verify must prove the cache equal.
func TestCrashBetweenLedgerAndCache(t *testing.T) {
	r := newProjectorRig(t)
	store, rdb, cache, tenant, m, p := r.store, r.rdb, r.cache, r.tenant, r.m, r.p
	ctx := context.Background()

	ms := resolveSale(t, store, m, tenant, "o1", 3)
	// "Crash": the movements reached Redis but the ledger's mark was never cleared.
	if _, err := cache.Apply(ctx, tenant, ms); err != nil {
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

// TestDeferredMarks projects with the marks held back: the movement is in the cache at
// once and still marked in the ledger; a catch-up in that window clears the mark without
// applying the movement twice; later projections' marks are cleared by the timer alone.
func TestDeferredMarks(t *testing.T) {
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	cache := rediscache.New(rdb)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	m := resolver.NewMatcher(store, resolver.NewRegistry(nil, nil), nil)
	p := inventory.NewProjector(store, cache)
	// Long enough that the checks below run before the timer: the catch-up must flush.
	p.DeferMarks(time.Minute, nil)

	sale := func(id string, qty int64) []ontology.Movement {
		t.Helper()
		return resolveSale(t, store, m, tenant, id, qty)
	}
	unprojected := func() int {
		t.Helper()
		ms, err := store.Unprojected(ctx, tenant, 100)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	onHand := func() ontology.Qty {
		t.Helper()
		rows, err := cache.Stock(ctx, tenant, "TEA", "")
		if err != nil || len(rows) != 1 {
			t.Fatalf("stock = %+v, %v", rows, err)
		}
		return rows[0].OnHand
	}

	if err := p.Project(ctx, tenant, sale("o1", 3)); err != nil {
		t.Fatal(err)
	}
	if got := onHand(); got != ontology.Units(-3) {
		t.Fatalf("on hand after the projection = %v, want -3 at once", got)
	}
	if n := unprojected(); n != 1 {
		t.Fatalf("%d movements marked unprojected while the mark is held, want 1", n)
	}
	if n, err := p.CatchUp(ctx, tenant); err != nil || n != 0 {
		t.Fatalf("catch up = %d, %v; want the held mark cleared and nothing applied again", n, err)
	}
	if n := unprojected(); n != 0 {
		t.Fatalf("%d movements still marked after the catch-up", n)
	}
	if got := onHand(); got != ontology.Units(-3) {
		t.Fatalf("on hand after the catch-up = %v, want -3", got)
	}

	// The timer alone clears what is held.
	p = inventory.NewProjector(store, cache)
	p.DeferMarks(50*time.Millisecond, nil)
	if err := p.Project(ctx, tenant, sale("o2", 2)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for unprojected() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the held mark was never cleared by its timer")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := onHand(); got != ontology.Units(-5) {
		t.Fatalf("on hand = %v, want -5", got)
	}
	if diffs, err := p.Verify(ctx, tenant); err != nil || len(diffs) != 0 {
		t.Fatalf("verify = %+v, %v", diffs, err)
	}

	// Close leaves nothing held, whether its own flush or the timer's clears it, and
	// a projection after it clears its mark at once.
	p = inventory.NewProjector(store, cache)
	p.DeferMarks(time.Millisecond, nil)
	if err := p.Project(ctx, tenant, sale("o3", 1)); err != nil {
		t.Fatal(err)
	}
	p.Close(ctx)
	if n := unprojected(); n != 0 {
		t.Fatalf("%d movements still marked after Close", n)
	}
	if err := p.Project(ctx, tenant, sale("o4", 1)); err != nil {
		t.Fatal(err)
	}
	if n := unprojected(); n != 0 {
		t.Fatalf("%d movements marked after a projection that followed Close", n)
	}
}

// A catch-up by a projector that holds marks back clears the marks of what it applies
// at once: otherwise its next read of the ledger finds the same page still marked, and
// it applied that page again and again until the held marks' timer fired.
func TestCatchUpClearsItsMarksWhileOthersAreHeld(t *testing.T) {
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	cache := rediscache.New(rdb)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	m := resolver.NewMatcher(store, resolver.NewRegistry(nil, nil), nil)
	p := inventory.NewProjector(store, cache)
	p.DeferMarks(time.Hour, nil)
	defer p.Close(ctx)

	for i, qty := range []int64{3, 2, 4} {
		resolveSale(t, store, m, tenant, fmt.Sprint("o", i), qty) // committed, never projected
	}
	n, err := p.CatchUp(ctx, tenant)
	if err != nil || n != 3 {
		t.Fatalf("catch up = %d, %v; want the 3 movements applied once each", n, err)
	}
	if ms, err := store.Unprojected(ctx, tenant, 100); err != nil || len(ms) != 0 {
		t.Fatalf("%d movements still marked after the catch-up (%v)", len(ms), err)
	}
	rows, err := cache.Stock(ctx, tenant, "TEA", "")
	if err != nil || len(rows) != 1 || rows[0].OnHand != ontology.Units(-9) {
		t.Fatalf("stock after the catch-up = %+v, %v; want -9", rows, err)
	}
}

// TestGuardsSettleOnlyAfterTheMark: the cache's memory of an applied movement stays long
// while the ledger still marks it unprojected (a crash there needs it), and shrinks to
// the settled hour once the mark is cleared, whether at once, by the held marks' flush,
// or by a catch-up.
func TestGuardsSettleOnlyAfterTheMark(t *testing.T) {
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	cache := rediscache.New(rdb)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	m := resolver.NewMatcher(store, resolver.NewRegistry(nil, nil), nil)
	guard := func(ms []ontology.Movement) time.Duration {
		t.Helper()
		d, err := rdb.TTL(ctx, "seam:{"+tenant+"}:applied:"+ms[0].ID).Result()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	settled := func(d time.Duration) bool { return d > 0 && d <= time.Hour }

	// Marked at once.
	p := inventory.NewProjector(store, cache)
	now := resolveSale(t, store, m, tenant, "o1", 1)
	if err := p.Project(ctx, tenant, now); err != nil {
		t.Fatal(err)
	}
	if d := guard(now); !settled(d) {
		t.Fatalf("guard of a marked movement lives %v, want at most an hour", d)
	}

	// Held: long until the flush, settled after it.
	p = inventory.NewProjector(store, cache)
	p.DeferMarks(time.Minute, nil)
	held := resolveSale(t, store, m, tenant, "o2", 1)
	if err := p.Project(ctx, tenant, held); err != nil {
		t.Fatal(err)
	}
	if d := guard(held); settled(d) {
		t.Fatalf("guard settled (%v) while the ledger still marks the movement unprojected", d)
	}
	p.FlushMarks(ctx)
	if d := guard(held); !settled(d) {
		t.Fatalf("guard after the flush lives %v", d)
	}

	// A crash after the cache, before the mark: long; the catch-up settles it.
	crashed := resolveSale(t, store, m, tenant, "o3", 1)
	if _, err := cache.Apply(ctx, tenant, crashed); err != nil {
		t.Fatal(err)
	}
	if d := guard(crashed); settled(d) {
		t.Fatalf("guard of an unmarked movement lives only %v", d)
	}
	if n, err := inventory.NewProjector(store, cache).CatchUp(ctx, tenant); err != nil || n != 1 {
		t.Fatalf("catch up = %d, %v", n, err)
	}
	if d := guard(crashed); !settled(d) {
		t.Fatalf("guard after the catch-up lives %v", d)
	}
	rows, err := cache.Stock(ctx, tenant, "TEA", "")
	if err != nil || len(rows) != 1 || rows[0].OnHand != ontology.Units(-3) {
		t.Fatalf("stock = %+v, %v; want -3 (each sale once)", rows, err)
	}
}

// TestNextResolutionClearsHeldMarks: the marks the projector holds back are cleared by
// the tenant's next resolution, in its own write, not by a transaction of their own
// beside it; the cache's memory of those movements is settled with the next flush, and
// marks that a resolution with nothing to write took are held again.
func TestNextResolutionClearsHeldMarks(t *testing.T) {
	r := newProjectorRig(t)
	store, rdb, cache, tenant, m, p := r.store, r.rdb, r.cache, r.tenant, r.m, r.p
	ctx := context.Background()
	p.DeferMarks(time.Hour, nil) // no timer flush within the test
	defer p.Close(ctx)
	m.SetHeldMarks(p)
	marked := func() []string {
		t.Helper()
		ms, err := store.Unprojected(ctx, tenant, 100)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, mv := range ms {
			ids = append(ids, mv.ID)
		}
		return ids
	}

	first := resolveSale(t, store, m, tenant, "o1", 3)
	if err := p.Project(ctx, tenant, first); err != nil {
		t.Fatal(err)
	}
	if ids := marked(); len(ids) != 1 || ids[0] != first[0].ID {
		t.Fatalf("marked after the first projection = %v, want the first movement's (held)", ids)
	}
	second := resolveSale(t, store, m, tenant, "o2", 2)
	if ids := marked(); len(ids) != 1 || ids[0] != second[0].ID {
		t.Fatalf("marked after the second resolution = %v, want only the second movement's %s: "+
			"the resolution's write clears the first's", ids, second[0].ID)
	}
	guard, err := rdb.TTL(ctx, "seam:{"+tenant+"}:applied:"+first[0].ID).Result()
	if err != nil || guard <= time.Hour {
		t.Fatalf("guard of the first movement lives %v (%v) before the flush; settling waits for it", guard, err)
	}

	// Nothing pending: the resolution writes nothing, and the marks it took wait again.
	if err := p.Project(ctx, tenant, second); err != nil {
		t.Fatal(err)
	}
	if st, err := m.Process(ctx, tenant, 100); err != nil || st.Documents != 0 {
		t.Fatalf("process with nothing pending = %+v, %v", st, err)
	}
	if ids := marked(); len(ids) != 1 || ids[0] != second[0].ID {
		t.Fatalf("marked after an empty resolution = %v, want the second movement's still", ids)
	}
	p.FlushMarks(ctx)
	if ids := marked(); len(ids) != 0 {
		t.Fatalf("marked after the flush = %v, want none", ids)
	}
	for _, id := range []string{first[0].ID, second[0].ID} {
		d, err := rdb.TTL(ctx, "seam:{"+tenant+"}:applied:"+id).Result()
		if err != nil || d <= 0 || d > time.Hour {
			t.Fatalf("guard of %s lives %v (%v) after the flush, want at most an hour", id, d, err)
		}
	}
	rows, err := cache.Stock(ctx, tenant, "TEA", "")
	if err != nil || len(rows) != 1 || rows[0].OnHand != ontology.Units(-5) {
		t.Fatalf("stock = %+v, %v; want -5 (each sale once)", rows, err)
	}
}

// TestHeldMarksWaitTheirOwnDelay: the timer's flush clears a tenant's marks once they
// waited the whole delay, counted from when they began to wait, so that a tenant whose
// resolutions keep taking its marks never has them cleared by a transaction of their
// own; marks that waited the delay are cleared.
func TestHeldMarksWaitTheirOwnDelay(t *testing.T) {
	r := newProjectorRig(t)
	ctx := context.Background()
	r.p.DeferMarks(time.Minute, nil)
	defer r.p.Close(ctx)
	r.m.SetHeldMarks(r.p)
	at := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	r.p.SetMarkClock(func() time.Time { return at })
	marked := func() int {
		t.Helper()
		ms, err := r.store.Unprojected(ctx, r.tenant, 100)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}

	if err := r.p.Project(ctx, r.tenant, resolveSale(t, r.store, r.m, r.tenant, "o1", 1)); err != nil {
		t.Fatal(err)
	}
	at = at.Add(50 * time.Second)
	second := resolveSale(t, r.store, r.m, r.tenant, "o2", 1) // clears o1's mark
	if err := r.p.Project(ctx, r.tenant, second); err != nil {
		t.Fatal(err)
	}
	at = at.Add(20 * time.Second) // a minute after o1's projection, 20 s after o2's
	r.p.FlushDueMarks(ctx)
	if n := marked(); n != 1 {
		t.Fatalf("%d movements marked after the flush, want o2's still held: it waited 20 s of its minute", n)
	}
	at = at.Add(41 * time.Second)
	r.p.FlushDueMarks(ctx)
	if n := marked(); n != 0 {
		t.Fatalf("%d movements marked after o2's mark waited its minute, want none", n)
	}
}
