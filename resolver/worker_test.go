package resolver_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestWorkerTakesTenantsInTurn: a tenant with a backlog of many batches does not hold
// up another tenant's new document; tenants take turns one batch each.
func TestWorkerTakesTenantsInTurn(t *testing.T) {
	big, small := newFixture(t), newFixture(t)
	small.store = big.store
	for i := range 12 {
		big.save(big.doc("shopify", "order", fmt.Sprint("b", i), ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)))
	}
	var mu sync.Mutex
	var order []string
	done := make(chan struct{})
	w := resolver.NewWorker(big.m, inventory.NewProjector(big.store, rediscache.New(redistest.Open(t))), big.store, nil,
		resolver.WorkerConfig{Batch: 2, Sweep: time.Hour, Observe: func(tenant string, st resolver.Stats, _ time.Duration, _ error) {
			if st.Documents == 0 || (tenant != big.tenant && tenant != small.tenant) {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			order = append(order, tenant)
			if tenant == small.tenant {
				close(done)
			}
		}})
	// The small tenant's document is stored and announced after the big backlog.
	small.save(small.doc("square", "order", "s1", ontology.RolePOS, ontology.VerbPaid, t0, "L2K8", nil, line("A", 1)))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w.Notify(big.tenant)
	w.Notify(small.tenant)
	stopped := make(chan struct{})
	go func() { w.Run(ctx); close(stopped) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the small tenant's document was never resolved")
	}
	cancel()
	<-stopped // the store closes after the test
	mu.Lock()
	defer mu.Unlock()
	bigBefore := 0
	for _, tn := range order {
		if tn == big.tenant {
			bigBefore++
		}
	}
	// The initial sweep may put the big tenant first; then the small tenant's turn comes.
	if bigBefore > 2 {
		t.Errorf("the small tenant waited behind %d of the big tenant's batches", bigBefore)
	}
}

// TestWorkerSkipsTheEmptyPassAfterAShortBatch: a batch short of the limit took all that
// was pending, so the worker waits for the next announcement instead of running an
// empty pass (its lock and queries delayed the next live document).
func TestWorkerSkipsTheEmptyPassAfterAShortBatch(t *testing.T) {
	f := newFixture(t)
	var mu sync.Mutex
	var sizes []int
	resolved := make(chan struct{}, 4)
	w := resolver.NewWorker(f.m, inventory.NewProjector(f.store, rediscache.New(redistest.Open(t))), f.store, nil,
		// Sweeps take up no tenant: only announcements start work here.
		resolver.WorkerConfig{Batch: 10, Sweep: time.Hour, Sweeps: func(string) bool { return false },
			Observe: func(tenant string, st resolver.Stats, _ time.Duration, err error) {
				if tenant != f.tenant || err != nil {
					return
				}
				mu.Lock()
				sizes = append(sizes, st.Documents)
				mu.Unlock()
				if st.Documents > 0 {
					resolved <- struct{}{}
				}
			}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stopped := make(chan struct{})
	go func() { w.Run(ctx); close(stopped) }()
	for i := range 2 {
		f.save(f.doc("shopify", "order", fmt.Sprint("o", i), ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)))
		w.Notify(f.tenant)
		select {
		case <-resolved:
		case <-time.After(time.Minute):
			t.Fatalf("document %d was never resolved", i)
		}
		// Time for an empty pass to happen, if the worker ran one: it takes a few
		// milliseconds, and it must not find the next document already stored.
		time.Sleep(300 * time.Millisecond)
	}
	cancel()
	<-stopped // the store closes after the test
	mu.Lock()
	defer mu.Unlock()
	if len(sizes) != 2 || sizes[0] != 1 || sizes[1] != 1 {
		t.Fatalf("batches of the tenant: %v, want [1 1] (no empty pass between them)", sizes)
	}
}

// heldLister is the store's list of tenants with work, held back after the first call
// until release is closed, as a sweep over a large backlog is.
type heldLister struct {
	resolver.WorkLister
	calls   atomic.Int32
	release chan struct{}
}

func (l *heldLister) PendingTenants(ctx context.Context, prefix string) ([]string, error) {
	if l.calls.Add(1) > 1 {
		select {
		case <-l.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return l.WorkLister.PendingTenants(ctx, prefix)
}

// TestWorkerResolvesWhileASweepRuns: an announced document is resolved while a sweep
// for unannounced work is still reading; it used to wait for the sweep to end.
func TestWorkerResolvesWhileASweepRuns(t *testing.T) {
	f := newFixture(t)
	resolved := make(chan struct{}, 1)
	lister := &heldLister{WorkLister: f.store, release: make(chan struct{})}
	w := resolver.NewWorker(f.m, inventory.NewProjector(f.store, rediscache.New(redistest.Open(t))), lister, nil,
		resolver.WorkerConfig{Batch: 10, Sweep: 10 * time.Millisecond, Sweeps: func(string) bool { return false },
			Observe: func(tenant string, st resolver.Stats, _ time.Duration, err error) {
				if tenant == f.tenant && err == nil && st.Documents > 0 {
					select {
					case resolved <- struct{}{}:
					default:
					}
				}
			}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stopped := make(chan struct{})
	go func() { w.Run(ctx); close(stopped) }()
	// The first sweep (at start) answers; wait until the second is held.
	for lister.calls.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	f.save(f.doc("shopify", "order", "o1", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)))
	w.Notify(f.tenant)
	select {
	case <-resolved:
	case <-time.After(time.Minute):
		t.Error("the announced document waited for the sweep")
	}
	close(lister.release)
	cancel()
	<-stopped // no sweep outlives Run: the store closes after the test
}

// TestDrainCountsMovementsWithoutKeepingThem: Drain projects each batch's movements and
// returns their count, not the movements: a backlog's would be held until it returns.
func TestDrainCountsMovementsWithoutKeepingThem(t *testing.T) {
	f := newFixture(t)
	const n = 5
	for i := range n {
		f.save(f.doc("shopify", "order", fmt.Sprint("o", i), ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)))
	}
	w := resolver.NewWorker(f.m, inventory.NewProjector(f.store, rediscache.New(redistest.Open(t))), f.store, nil,
		resolver.WorkerConfig{Batch: 2})
	st, err := w.Drain(context.Background(), f.tenant)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != n || st.Moved == 0 || len(st.Movements) != 0 {
		t.Errorf("drain = %d documents, %d movements counted, %d kept; want %d, some, none", st.Documents, st.Moved, len(st.Movements), n)
	}
}

// TestStatsCountKinds: a batch's stats count its documents by system and type, so that
// seam bench backlog can tell what each kind of document costs.
func TestStatsCountKinds(t *testing.T) {
	f := newFixture(t)
	f.save(f.doc("shopify", "order", "k1", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)),
		f.doc("shopify", "order", "k2", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)),
		f.doc("square", "order", "k3", ontology.RolePOS, ontology.VerbPaid, t0, "L2K8", nil, line("A", 1)))
	st := f.process()
	if want := map[string]int{"shopify/order": 2, "square/order": 1}; fmt.Sprint(st.Kinds) != fmt.Sprint(want) {
		t.Fatalf("kinds = %v, want %v", st.Kinds, want)
	}
	if st := f.process(); st.Documents != 0 || len(st.Kinds) != 0 {
		t.Fatalf("an empty queue: %+v", st)
	}
}
