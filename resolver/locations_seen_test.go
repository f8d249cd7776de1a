package resolver_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// spyStore is the real store whose transactions note what resolution asks of them: the
// documents whose customers it reads, and the events it reads without their movements.
type spyStore struct {
	resolver.Store
	mu        sync.Mutex
	customers []string
	members   []string
}

func (s *spyStore) WithTenantLock(ctx context.Context, tenant string, fn func(ctx context.Context, tx resolver.Tx) error) error {
	return s.Store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		return fn(ctx, &spyTx{Tx: tx, s: s})
	})
}

type spyTx struct {
	resolver.Tx
	s *spyStore
}

func (t *spyTx) Customers(ctx context.Context, uids []string) (map[string][]string, map[string]resolver.PartyInfo, error) {
	t.s.mu.Lock()
	t.s.customers = append(t.s.customers, uids...)
	t.s.mu.Unlock()
	return t.Tx.Customers(ctx, uids)
}

func (t *spyTx) EventMembers(ctx context.Context, ids []string) (map[string]*resolver.EventState, error) {
	t.s.mu.Lock()
	t.s.members = append(t.s.members, ids...)
	t.s.mu.Unlock()
	return t.Tx.EventMembers(ctx, ids)
}

// spied is a fixture whose matcher resolves through a spyStore, with the Square till
// SQ-LOC-9 aliased and the Meituan stores not.
func spied(t *testing.T) (*fixture, *spyStore) {
	f := newFixture(t)
	spy := &spyStore{Store: f.store}
	f.m = resolver.NewMatcher(spy, resolver.NewRegistry([]resolver.LocationAlias{
		{Tenant: f.tenant, System: "square", Code: "SQ-LOC-9", Location: "STORE-SH-01"}}, nil), nil)
	return f, spy
}

// ringUpAlone resolves a ring-up without a reference alone in its batch, the spy noting
// only that batch's reads, and returns what the tenant's documents taught of locations.
func (f *fixture) ringUpAlone(spy *spyStore, id string, at time.Time) []resolver.LearnedLocation {
	f.t.Helper()
	pos := f.ringUp(id, "", at)
	pos.Notes = nil
	f.save(pos)
	spy.customers, spy.members = nil, nil
	f.process()
	learned, err := f.store.LearnedLocations(f.ctx, f.tenant)
	if err != nil {
		f.t.Fatal(err)
	}
	return learned
}

// TestCrossLocationSalesCustomersNotRead: a ring-up finds the Meituan order of an earlier
// batch through the cross-location blocks alone, and learns the alias from it. That
// order's event is one no document of the batch may join, so its customer is not read:
// only a joined event's customers are compared with a document's (a chain's common
// basket an hour brought one such sale per store, and their customers were read for
// nothing).
func TestCrossLocationSalesCustomersNotRead(t *testing.T) {
	f, spy := spied(t)
	mt := "27061900338491066"
	order := f.meituanOrder(mt, t0)
	order.Parties = []ontology.PartyRef{{Role: ontology.PartyCustomer, Name: "王芳", Phone: "13800138000"}}
	f.save(order)
	f.process()
	learned := f.ringUpAlone(spy, "SQ-"+mt, t0.Add(2*time.Minute))
	if len(learned) != 1 || learned[0].Code != "POI-77" || learned[0].Links != 1 {
		t.Fatalf("learned = %+v", learned)
	}
	if ev := f.eventOf("meituan", "order", mt); !slices.Contains(spy.members, ev) {
		t.Fatalf("the order's event %s was not read as a cross-location sale (read %v)", ev, spy.members)
	}
	if i := slices.IndexFunc(spy.customers, func(u string) bool { return strings.Contains(u, mt) && strings.Contains(u, "meituan") }); i >= 0 {
		t.Fatalf("the customers of a sale seen only across locations were read: %s", spy.customers[i])
	}
}

// TestFullCrossBlockNotRead: as many Meituan stores as a block holds (fanOutCap) sold the
// same basket in the hour, at locations no alias names. A ring-up of that basket finds
// the block full, which is too ambiguous to learn from: nothing is learned, as before,
// and the block's sales are no longer read only to be set aside. One store fewer, and
// the block is read and scored (its equal sales still teach nothing).
func TestFullCrossBlockNotRead(t *testing.T) {
	for _, stores := range []int{63, 64} {
		f, spy := spied(t)
		var orders []ontology.Document
		for i := range stores {
			o := f.meituanOrder(fmt.Sprintf("270619003384920%02d", i), t0.Add(time.Duration(i)*10*time.Second))
			o.Location.Code = fmt.Sprintf("POI-%d", i)
			orders = append(orders, o)
		}
		f.save(orders...)
		f.process()
		learned := f.ringUpAlone(spy, "SQ-full", t0.Add(2*time.Minute))
		if len(learned) != 0 {
			t.Fatalf("%d stores: learned from an ambiguous block: %+v", stores, learned)
		}
		read := 0
		for _, o := range orders {
			if ev := f.eventOf("meituan", "order", o.Key.ExternalID); slices.Contains(spy.members, ev) {
				read++
			}
		}
		if want := map[int]int{63: 63, 64: 0}[stores]; read != want {
			t.Fatalf("%d stores: %d of the block's events read, want %d", stores, read, want)
		}
	}
}

// TestCrossBlockReadWithinReach: two Meituan stores no alias names sold a ring-up's
// basket in its hour, one a minute before it and one 38 minutes after, farther than any
// sale can be and still be learned from (contentReach: about 25 minutes with the default
// weights). The near one is read and teaches the alias; the far one, whose event says it
// occurred after every document of the batch by more than that, is not read.
func TestCrossBlockReadWithinReach(t *testing.T) {
	f, spy := spied(t)
	near, far := f.meituanOrder("27061900338493001", t0.Add(time.Minute)), f.meituanOrder("27061900338493002", t0.Add(40*time.Minute))
	far.Location.Code = "POI-88"
	f.save(near, far)
	f.process()
	learned := f.ringUpAlone(spy, "SQ-reach", t0.Add(2*time.Minute))
	if len(learned) != 1 || learned[0].Code != "POI-77" || learned[0].Links != 1 {
		t.Fatalf("learned = %+v", learned)
	}
	if ev := f.eventOf("meituan", "order", near.Key.ExternalID); !slices.Contains(spy.members, ev) {
		t.Errorf("the sale a minute away (%s) was not read: %v", ev, spy.members)
	}
	if ev := f.eventOf("meituan", "order", far.Key.ExternalID); slices.Contains(spy.members, ev) {
		t.Errorf("the sale 38 minutes away (%s) was read", ev)
	}
}
