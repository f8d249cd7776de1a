package neo4jstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

func reservation(tenant, key string, status inventory.ReservationStatus, at time.Time) inventory.Reservation {
	return inventory.Reservation{
		Tenant: tenant, ID: inventory.ReservationID(tenant, key), IdempotencyKey: key,
		Cell: ontology.Cell{SKU: "TEA", Location: "WH"}, Qty: ontology.Units(2), Status: status,
		CreatedAt: at, ExpiresAt: at.Add(time.Hour),
	}
}

// TestRecordReservationsMovesOnlyForward: a state recorded late, or twice, changes
// nothing; an end writes the end movement once; a second life of a key is refused.
func TestRecordReservationsMovesOnlyForward(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	at := time.Date(2026, 2, 3, 4, 5, 6, 7_000_000, time.UTC)
	active := reservation(tenant, "k", inventory.ReservationActive, at)
	active.OrderRef = "1047"
	expired := active
	expired.Status, expired.EndedAt = inventory.ReservationExpired, at.Add(time.Hour)
	for _, batch := range [][]inventory.Reservation{{active}, {expired}, {active}, {expired, active}} {
		if earlier, err := s.RecordReservations(ctx, tenant, batch); err != nil || len(earlier) != 0 {
			t.Fatalf("record %v = %+v, %v", batch, earlier, err)
		}
	}
	rec, err := s.ReservationRecord(ctx, tenant, active.ID)
	if err != nil || rec == nil || rec.Status != inventory.ReservationExpired || !rec.EndedAt.Equal(expired.EndedAt) ||
		!rec.CreatedAt.Equal(at) || rec.OrderRef != "1047" || rec.Qty != ontology.Units(2) {
		t.Fatalf("record = %+v, %v", rec, err)
	}
	totals, err := s.Totals(ctx, tenant)
	if err != nil || len(totals) != 1 || totals[0].Reserved != 0 {
		t.Fatalf("hold and end recorded 4 times should net to nothing: %+v, %v", totals, err)
	}
	if live, err := s.LiveReservations(ctx, tenant); err != nil || len(live) != 0 {
		t.Fatalf("live = %+v, %v", live, err)
	}
	// The same key's second life: refused, and answered with the first.
	second := reservation(tenant, "k", inventory.ReservationActive, at.Add(48*time.Hour))
	earlier, err := s.RecordReservations(ctx, tenant, []inventory.Reservation{second})
	if err != nil || len(earlier) != 1 || earlier[0].Status != inventory.ReservationExpired || !earlier[0].CreatedAt.Equal(at) {
		t.Fatalf("second life = %+v, %v", earlier, err)
	}
	if totals, _ := s.Totals(ctx, tenant); totals[0].Reserved != 0 {
		t.Fatalf("a refused second life moved stock: %+v", totals)
	}
	byOrder, err := s.ReservationsOfOrder(ctx, tenant, "1047")
	if err != nil || len(byOrder) != 1 || byOrder[0].ID != active.ID {
		t.Fatalf("by order ref = %+v, %v", byOrder, err)
	}
	if byKey, err := s.ReservationsOfOrder(ctx, tenant, "k"); err != nil || len(byKey) != 1 {
		t.Fatalf("by idempotency key = %+v, %v", byKey, err)
	}
	// Another tenant sees none of it.
	if rec, err := s.ReservationRecord(ctx, neo4jtest.Tenant(t), active.ID); err != nil || rec != nil {
		t.Fatalf("another tenant reads %+v, %v", rec, err)
	}
}

// TestAttachReservationsGivesTheHoldToTheOrdersEvent: a consumed reservation's hold
// becomes one of the order event's movements, once and for one event only, so that the
// event's reconciliation counts it.
func TestAttachReservationsGivesTheHoldToTheOrdersEvent(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	m := resolver.NewMatcher(s, resolver.NewRegistry([]resolver.LocationAlias{{System: "shopify", Code: "online", Location: "WH"}}, nil), nil)
	order := func(id string) (uid, event string) {
		d := ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: id},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
			Location: &ontology.LocationRef{System: "shopify", Code: "online"},
			Lines:    []ontology.Line{{SKU: "TEA", Qty: ontology.Units(2)}},
		}
		raw, _ := json.Marshal(d)
		if _, err := s.SaveDocuments(ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
			t.Fatal(err)
		}
		st, err := m.Process(ctx, tenant, 10)
		if err != nil || len(st.Movements) != 1 {
			t.Fatalf("resolving order %s: %+v, %v", id, st, err)
		}
		return d.Key.UID(), st.Movements[0].EventID
	}
	doc, ev := order("1")
	_, otherEv := order("2")
	r := reservation(tenant, "cart", inventory.ReservationConsumed, time.Now().UTC().Truncate(time.Millisecond))
	r.ConsumedBy, r.EndedAt = doc, r.CreatedAt
	if _, err := s.RecordReservations(ctx, tenant, []inventory.Reservation{r}); err != nil {
		t.Fatal(err)
	}
	attach := func(tn string, events map[string]string) (n int, done inventory.Effect) {
		err := s.WithTenantLock(ctx, tn, func(ctx context.Context, tx resolver.Tx) error {
			holds, err := tx.AttachReservations(ctx, events)
			if err != nil {
				return err
			}
			n = 0
			for id, ms := range holds {
				if id != events[doc] || len(ms) != 1 || ms[0].ID != "rsv:"+r.ID+":hold" || ms[0].Qty != ontology.Units(2) {
					return fmt.Errorf("attached %v to %s", ms, id)
				}
				n += len(ms)
			}
			evs, err := tx.Events(ctx, []string{ev})
			if e := evs[ev]; e != nil {
				done = e.Done
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n, done
	}
	if n, _ := attach(neo4jtest.Tenant(t), map[string]string{doc: ev}); n != 0 {
		t.Fatalf("another tenant attached %d holds", n)
	}
	n, done := attach(tenant, map[string]string{doc: ev})
	cell := inventory.Key{Cell: ontology.Cell{SKU: "TEA", Location: "WH"}, Bucket: ontology.BucketReserved}
	if n != 1 || done[cell] != ontology.Units(4) {
		t.Fatalf("attach = %d, event done %v; want the plan's 2 and the hold's 2", n, done)
	}
	// Reconciling the event now takes the order's own reservation back: held once.
	want := inventory.Effect{cell: ontology.Units(2)}
	if ms := inventory.Reconcile(tenant, ev, done, want, 2, time.Now()); len(ms) != 1 || ms[0].Qty != ontology.Units(-2) {
		t.Fatalf("reconcile after attach = %+v", ms)
	}
	if n, _ := attach(tenant, map[string]string{doc: ev}); n != 0 {
		t.Fatalf("second attach = %d", n)
	}
	if n, _ := attach(tenant, map[string]string{doc: otherEv}); n != 0 {
		t.Fatalf("a second event took the hold: %d", n)
	}
}
