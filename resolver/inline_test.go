package resolver_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// inlineSaver is the store's resolution transaction as a live webhook uses it.
type inlineSaver interface {
	SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]string, error)
}

// saveInline is the SaveFunc a webhook's documents take: stored in the resolution's
// transaction, their uids selected for it. after, when set, runs once they are stored.
func saveInline(t *testing.T, docs []ontology.Document, after func() error) resolver.SaveFunc {
	return func(ctx context.Context, tx resolver.Tx) ([]string, error) {
		envs := make([]ontology.Envelope, len(docs))
		uids := make([]string, len(docs))
		for i, d := range docs {
			raw, _ := json.Marshal(d)
			envs[i], uids[i] = ontology.Envelope{Doc: d, Raw: raw, Format: "json", Via: "webhook"}, d.Key.UID()
		}
		s, ok := tx.(inlineSaver)
		if !ok {
			t.Fatalf("the store's resolution transaction cannot save documents (%T)", tx)
		}
		if _, err := s.SaveDocuments(ctx, envs); err != nil {
			return nil, err
		}
		if after != nil {
			if err := after(); err != nil {
				return nil, err
			}
		}
		return uids, nil
	}
}

// A webhook's order stored and resolved in one transaction is an event, its movement
// in the cache, when SaveAndResolve returns: no worker ran, nothing is left pending.
func TestSaveAndResolveStoresResolvesAndProjects(t *testing.T) {
	f := newFixture(t)
	cache := rediscache.New(redistest.Open(t))
	w := resolver.NewWorker(f.m, inventory.NewProjector(f.store, cache), f.store, nil, resolver.WorkerConfig{Sweep: time.Hour})
	order := f.doc("shopify", "order", "o1", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 2))
	st, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{order}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 1 || len(st.Movements) == 0 {
		t.Fatalf("stats = %+v, want one document with its movements", st)
	}
	if f.eventOf("shopify", "order", "o1") == "" {
		t.Error("the order was stored without an event")
	}
	if left := f.process(); left.Documents != 0 {
		t.Errorf("%d documents were left pending for the worker", left.Documents)
	}
	rows, err := cache.Stock(f.ctx, f.tenant, "A", "")
	if err != nil {
		t.Fatal(err)
	}
	var reserved ontology.Qty
	for _, r := range rows {
		reserved += r.Reserved
	}
	if reserved != ontology.Units(2) {
		t.Errorf("the cache holds %s reserved of A, want 2: %+v", reserved, rows)
	}
	// The same bytes again: a duplicate, stored once, resolved once.
	if st, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{order}, nil)); err != nil || st.Documents != 0 {
		t.Errorf("a redelivery resolved %+v, %v; want nothing", st, err)
	}
}

// A resolution that fails stores nothing: the caller then stores the documents the
// ordinary way, and nothing is half done.
func TestSaveAndResolveStoresNothingWhenItFails(t *testing.T) {
	f := newFixture(t)
	w := resolver.NewWorker(f.m, inventory.NewProjector(f.store, rediscache.New(redistest.Open(t))), f.store, nil, resolver.WorkerConfig{Sweep: time.Hour})
	boom := errors.New("resolution failed")
	order := f.doc("shopify", "order", "o2", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	if _, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{order}, func() error { return boom })); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the failure", err)
	}
	d, err := f.store.Document(f.ctx, order.Key)
	if err != nil || d != nil {
		t.Fatalf("the document of a failed resolution was stored: %+v, %v", d, err)
	}
}

// While a tenant is being resolved in one request, another request of the same tenant
// takes the ordinary way (ErrNotInline) instead of queueing on the tenant's lock: a
// flood is resolved in the worker's batches.
func TestSaveAndResolveLetsOneRequestOfATenantAtATime(t *testing.T) {
	f := newFixture(t)
	w := resolver.NewWorker(f.m, inventory.NewProjector(f.store, rediscache.New(redistest.Open(t))), f.store, nil, resolver.WorkerConfig{Sweep: time.Hour})
	second := make(chan error, 1)
	first := f.doc("shopify", "order", "o3", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	other := f.doc("shopify", "order", "o4", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	once := false
	_, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{first}, func() error {
		if !once { // the transaction may be retried; ask once
			once = true
			_, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{other}, nil))
			second <- err
		}
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	if err := <-second; !errors.Is(err, resolver.ErrNotInline) {
		t.Errorf("a second request while the first resolved: %v, want ErrNotInline", err)
	}
	if d, err := f.store.Document(f.ctx, other.Key); err != nil || d != nil {
		t.Errorf("the refused request stored its document: %+v, %v", d, err)
	}
	// Once the first is done, the next request resolves in its own.
	if st, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{other}, nil)); err != nil || st.Documents != 1 {
		t.Errorf("the next request: %+v, %v", st, err)
	}
}

// failingOnce fails its first projection (Redis away a moment) and counts catch-ups.
type failingOnce struct {
	*inventory.Projector
	failed   bool
	catchUps int
}

func (p *failingOnce) Project(ctx context.Context, tenant string, ms []ontology.Movement) error {
	if !p.failed {
		p.failed = true
		return errors.New("redis away")
	}
	return p.Projector.Project(ctx, tenant, ms)
}

func (p *failingOnce) CatchUp(ctx context.Context, tenant string) (int, error) {
	p.catchUps++
	return p.Projector.CatchUp(ctx, tenant)
}

// After a projection failed, the tenant's catch-up (pages of movements after an
// outage) is the worker's, not the next webhook's request: the request takes the
// ordinary way and runs no catch-up. Found by an outside review, which saw a request
// wait for the whole catch-up.
func TestSaveAndResolveLeavesALaggingTenantToTheWorker(t *testing.T) {
	f := newFixture(t)
	p := &failingOnce{Projector: inventory.NewProjector(f.store, rediscache.New(redistest.Open(t)))}
	w := resolver.NewWorker(f.m, p, f.store, nil, resolver.WorkerConfig{Sweep: time.Hour})
	first := f.doc("shopify", "order", "o5", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	if _, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{first}, nil)); err != nil {
		t.Fatal(err)
	}
	second := f.doc("shopify", "order", "o6", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	if _, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{second}, nil)); !errors.Is(err, resolver.ErrNotInline) {
		t.Errorf("a lagging tenant's webhook: %v, want ErrNotInline", err)
	}
	if p.catchUps != 0 {
		t.Errorf("%d catch-ups ran in the request", p.catchUps)
	}
	// The worker catches the tenant up: the first order's movement reaches the cache.
	if _, err := w.Drain(f.ctx, f.tenant); err != nil {
		t.Fatal(err)
	}
	if p.catchUps == 0 {
		t.Error("the worker never caught the tenant up")
	}
}

// duringProjection runs fn inside the first projection of a document's movements.
type duringProjection struct {
	*inventory.Projector
	fn   func()
	done bool
}

func (p *duringProjection) Project(ctx context.Context, tenant string, ms []ontology.Movement) error {
	if !p.done && len(ms) > 0 {
		p.done = true
		p.fn()
	}
	return p.Projector.Project(ctx, tenant, ms)
}

// A webhook that arrives while the worker projects its last batch (a sender posting
// the next order as soon as the last one's push arrived) is resolved in its request:
// the worker holds the tenant only while its batch's transaction runs. Held through
// the projection, each webhook that went the ordinary way sent the next one the same
// way, and `seam bench stock` measured the worker's path for most of its webhooks.
func TestSaveAndResolveWhileTheWorkerProjects(t *testing.T) {
	f := newFixture(t)
	p := &duringProjection{Projector: inventory.NewProjector(f.store, rediscache.New(redistest.Open(t)))}
	w := resolver.NewWorker(f.m, p, f.store, nil, resolver.WorkerConfig{Sweep: time.Hour, Sweeps: func(string) bool { return false }})
	next := f.doc("shopify", "order", "o8", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	got := make(chan error, 1)
	p.fn = func() {
		_, err := w.SaveAndResolve(f.ctx, f.tenant, saveInline(t, []ontology.Document{next}, nil))
		got <- err
	}
	ctx, cancel := context.WithCancel(f.ctx)
	defer cancel()
	stopped := make(chan struct{})
	go func() { w.Run(ctx); close(stopped) }()
	f.save(f.doc("shopify", "order", "o7", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1)))
	w.Notify(f.tenant)
	select {
	case err := <-got:
		if err != nil {
			t.Errorf("a webhook during the worker's projection: %v, want it resolved in its request", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the worker never projected the first order")
	}
	cancel()
	<-stopped
}
