package inventory_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// racingStore is the real store with another process's work slipped in between the
// resolver's unlocked read of the queue (PeekPending) and the batch's transaction.
type racingStore struct {
	*neo4jstore.Store
	race func()
}

func (s *racingStore) PeekPending(ctx context.Context, tenant string, uids []string, limit int) ([]resolver.PendingDoc, error) {
	docs, err := s.Store.PeekPending(ctx, tenant, uids, limit)
	if f := s.race; f != nil {
		s.race = nil
		f()
	}
	return docs, err
}

// TestReservingTenantsQueueIsReadUnlocked: a tenant holding reservations has its batch
// read without the resolution lock. When another process resolves every document that
// read saw before this batch's transaction, the batch looks again and resolves what
// arrived meanwhile instead of answering "nothing left"; the order the other process
// resolved took its reservation over once, and nothing is held twice.
func TestReservingTenantsQueueIsReadUnlocked(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	q := ask("TEA", 2, "cart-1047")
	q.OrderRef = "1047"
	r.reserve(q)
	order := func(id, number string, n int64) {
		t.Helper()
		d := ontology.Document{
			Key:  ontology.DocKey{Tenant: r.tenant, System: "shopify", Type: "order", ExternalID: id},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
			Location: &ontology.LocationRef{System: "shipbob", Code: "1"},
			Lines:    []ontology.Line{units("TEA", n)},
			Refs:     []ontology.Ref{{Kind: ontology.RefOrderNumber, Value: number}},
		}
		raw, _ := json.Marshal(d)
		if _, err := r.store.SaveDocuments(r.ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
			t.Fatal(err)
		}
	}
	registry := func() *resolver.Registry {
		return resolver.NewRegistry([]resolver.LocationAlias{{Tenant: r.tenant, System: "shipbob", Code: "1", Location: wh}}, nil)
	}
	other := resolver.NewMatcher(r.store, registry(), nil)
	other.SetReservations(r.svc)
	racing := &racingStore{Store: r.store}
	m := resolver.NewMatcher(racing, registry(), nil)
	m.SetReservations(r.svc)

	order("5820001", "1047", 2)
	racing.race = func() {
		st, err := other.Process(r.ctx, r.tenant, 100)
		if err != nil || st.Documents != 1 {
			t.Errorf("the other process resolved %+v, %v; want the order", st, err)
		}
		if err := r.proj.Project(r.ctx, r.tenant, st.Movements); err != nil {
			t.Error(err)
		}
		order("5820002", "1048", 1)
	}
	st, err := m.Process(r.ctx, r.tenant, 100)
	if err != nil {
		t.Fatal(err)
	}
	if racing.race != nil {
		t.Fatal("the tenant holds a reservation, yet its queue was not read unlocked")
	}
	if st.Documents != 1 || st.Kinds["shopify/order"] != 1 {
		t.Fatalf("the batch after the race resolved %+v; want the order that arrived meanwhile", st)
	}
	if err := r.proj.Project(r.ctx, r.tenant, st.Movements); err != nil {
		t.Fatal(err)
	}
	if more, err := m.Process(r.ctx, r.tenant, 100); err != nil || more.Documents != 0 {
		t.Fatalf("left pending: %+v, %v", more, err)
	}
	// 1047's two units held once (its reservation taken over), 1048's one.
	r.wantReserved("TEA", "", 3)
	r.agree()
	if live, err := r.cache.Live(r.ctx, r.tenant); err != nil || len(live) != 0 {
		t.Fatalf("live reservations after the order came: %+v, %v", live, err)
	}
}
