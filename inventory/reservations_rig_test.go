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

// wh is the warehouse every reservation test stocks and reserves at.
const wh = "WH-NL1"

// rig is a tenant with the real Neo4j and Redis behind a reservation service and the
// projector that verifies and rebuilds them.
type rig struct {
	t       *testing.T
	ctx     context.Context
	tenant  string
	store   *neo4jstore.Store
	rdb     redis.UniversalClient
	cache   *rediscache.Cache
	svc     *inventory.Reservations
	proj    *inventory.Projector
	matcher *resolver.Matcher
	docs    int
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{t: t, ctx: context.Background(), tenant: neo4jtest.Tenant(t), store: neo4jtest.Open(t), rdb: redistest.OpenDB(t, redistest.ReservationsDB)}
	r.cache = rediscache.New(r.rdb)
	r.svc = inventory.NewReservations(r.cache, r.store, nil, nil, inventory.ReservationConfig{})
	r.proj = inventory.NewProjector(r.store, r.cache, r.svc)
	r.matcher = resolver.NewMatcher(r.store, resolver.NewRegistry([]resolver.LocationAlias{
		{Tenant: r.tenant, System: "shipbob", Code: "1", Location: wh},
	}, nil), nil)
	return r
}

// receive puts goods on hand the way the ledger always does: a warehouse receipt is
// stored, resolved into an event whose movements are projected into Redis.
func (r *rig) receive(lines ...ontology.Line) {
	r.t.Helper()
	r.docs++
	d := ontology.Document{
		Key:  ontology.DocKey{Tenant: r.tenant, System: "shipbob", Type: "receipt", ExternalID: fmt.Sprintf("r%d", r.docs)},
		Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "shipbob", Code: "1"}, Lines: lines,
	}
	raw, _ := json.Marshal(d)
	if _, err := r.store.SaveDocuments(r.ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
		r.t.Fatal(err)
	}
	st, err := r.matcher.Process(r.ctx, r.tenant, 100)
	if err != nil || len(st.Movements) == 0 {
		r.t.Fatalf("resolving the receipt: %+v, %v", st, err)
	}
	if err := r.proj.Project(r.ctx, r.tenant, st.Movements); err != nil {
		r.t.Fatal(err)
	}
}

func units(sku string, n int64) ontology.Line { return ontology.Line{SKU: sku, Qty: ontology.Units(n)} }

func lot(sku, lot string, n int64) ontology.Line {
	return ontology.Line{SKU: sku, Lot: lot, Qty: ontology.Units(n)}
}

// ask is a reservation request of n units of sku at the warehouse.
func ask(sku string, n int64, key string) inventory.ReserveRequest {
	return inventory.ReserveRequest{SKU: sku, Location: wh, Qty: ontology.Units(n), IdempotencyKey: key}
}

// reserve reserves and fails the test on an error or a refusal.
func (r *rig) reserve(q inventory.ReserveRequest) inventory.Reservation {
	r.t.Helper()
	res, err := r.svc.Reserve(r.ctx, r.tenant, q)
	if err != nil || !res.OK {
		r.t.Fatalf("reserve %+v = %+v, %v", q, res, err)
	}
	return *res.Reservation
}

// stock returns the cache's and the ledger's figures of one cell.
func (r *rig) stock(sku, lot string) (cache, ledger inventory.Stock) {
	r.t.Helper()
	rows, err := r.cache.Stock(r.ctx, r.tenant, sku, wh)
	if err != nil {
		r.t.Fatal(err)
	}
	for _, s := range rows {
		if s.Lot == lot {
			cache = s
		}
	}
	totals, err := r.store.Totals(r.ctx, r.tenant)
	if err != nil {
		r.t.Fatal(err)
	}
	for _, s := range totals {
		if s.SKU == sku && s.Location == wh && s.Lot == lot {
			ledger = s
		}
	}
	return cache, ledger
}

// wantReserved checks that the cache and the ledger both hold n units reserved in a cell.
func (r *rig) wantReserved(sku, lot string, n int64) {
	r.t.Helper()
	c, l := r.stock(sku, lot)
	if c.Reserved != ontology.Units(n) || l.Reserved != ontology.Units(n) {
		r.t.Fatalf("%s lot %q reserved: cache %s, ledger %s; want %d", sku, lot, c.Reserved, l.Reserved, n)
	}
}

// agree checks that the cache equals the ledger: stock cell by cell, and every live
// reservation.
func (r *rig) agree() {
	r.t.Helper()
	if diffs, err := r.proj.Verify(r.ctx, r.tenant); err != nil || len(diffs) != 0 {
		r.t.Fatalf("stock verify = %+v, %v", diffs, err)
	}
	if diffs, err := r.svc.Verify(r.ctx, r.tenant); err != nil || len(diffs) != 0 {
		r.t.Fatalf("reservation verify = %+v, %v", diffs, err)
	}
}

// record returns the ledger's record of a reservation.
func (r *rig) record(id string) inventory.Reservation {
	r.t.Helper()
	rec, err := r.store.ReservationRecord(r.ctx, r.tenant, id)
	if err != nil || rec == nil {
		r.t.Fatalf("ledger record of %s = %v, %v", id, rec, err)
	}
	return *rec
}
