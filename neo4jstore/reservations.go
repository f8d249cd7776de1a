package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

var _ inventory.ReservationLedger = (*Store)(nil)

// A reservation is recorded as a Reservation node {id, tenant, sku, location, lot, qty,
// idempotencyKey, orderRef, refAt, channel, status, rank, createdAt, expiresAt, endedAt,
// consumedBy}
// with the movements it made: (r)-[:MOVES]->(m:Movement). Its hold movement puts its
// quantity into the reserved bucket the moment it is made; a release or an expiry adds
// the end movement that takes it out again. Both are written without the Unprojected
// mark: the Redis script that decided the reservation applied them to live stock in the
// same step, so the projector must not apply them again. Totals counts them like every
// other movement, which is what lets `seam cache verify` prove the cache equal.

// RecordReservations implements inventory.ReservationLedger. Status only moves forward
// (active, committed, then an end), and the order reference only to a later one (refAt),
// so a late or repeated record changes nothing; the movements have fixed ids, so they
// are written once.
func (s *Store) RecordReservations(ctx context.Context, tenant string, rs []inventory.Reservation) ([]inventory.Reservation, error) {
	var earlier []inventory.Reservation
	for _, c := range chunks(len(rs), 1000) {
		part := rs[c[0]:c[1]]
		found, err := write(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.Reservation, error) {
			return recordReservations(ctx, tx, tenant, part, s.Now().UTC())
		})
		if err != nil {
			return earlier, fmt.Errorf("recording %d reservations: %w", len(part), err)
		}
		earlier = append(earlier, found...)
	}
	return earlier, nil
}

func recordReservations(ctx context.Context, tx neo4j.ManagedTransaction, tenant string, rs []inventory.Reservation, now time.Time) ([]inventory.Reservation, error) {
	rows := make([]map[string]any, 0, len(rs))
	for _, r := range rs {
		if r.Status.Rank() < 0 {
			return nil, fmt.Errorf("reservation %s: unknown status %q", r.ID, r.Status)
		}
		rows = append(rows, map[string]any{
			"id": r.ID, "sku": r.SKU, "location": r.Location, "lot": r.Lot, "qty": int64(r.Qty),
			"key": r.IdempotencyKey, "orderRef": nullable(r.OrderRef), "status": string(r.Status), "rank": r.Status.Rank(),
			"createdAt": r.CreatedAt.UTC(), "expiresAt": r.ExpiresAt.UTC(), "endedAt": nullableTime(r.EndedAt),
			"consumedBy": nullable(r.ConsumedBy), "channel": nullable(r.Channel), "refAt": nullableTime(r.RefAt),
		})
	}
	recs, err := run(ctx, tx, `
UNWIND $rows AS r
MERGE (x:Reservation {id: r.id})
  ON CREATE SET x.tenant = $tenant, x.sku = r.sku, x.location = r.location, x.lot = r.lot, x.qty = r.qty,
    x.idempotencyKey = r.key, x.orderRef = r.orderRef, x.channel = r.channel, x.createdAt = r.createdAt, x.expiresAt = r.expiresAt,
    x.status = r.status, x.rank = r.rank, x.endedAt = r.endedAt, x.consumedBy = r.consumedBy, x.recordedAt = $now,
    x.refAt = r.refAt
WITH x, r WHERE x.tenant = $tenant
// The write lock first: what the comparisons below read is then the latest committed
// state, so two requests recording at once cannot both pass them and let the older win.
SET x._lock = true
REMOVE x._lock
WITH x, r, x.createdAt = r.createdAt AS same
FOREACH (_ IN CASE WHEN same AND r.rank > x.rank THEN [1] ELSE [] END |
  SET x.status = r.status, x.rank = r.rank, x.expiresAt = r.expiresAt, x.endedAt = r.endedAt,
      x.consumedBy = r.consumedBy, x.updatedAt = $now)
FOREACH (_ IN CASE WHEN same AND r.refAt > coalesce(x.refAt, x.createdAt) THEN [1] ELSE [] END |
  SET x.orderRef = r.orderRef, x.refAt = r.refAt, x.updatedAt = $now)
RETURN r.id AS id, same, x`, map[string]any{"rows": rows, "tenant": tenant, "now": now})
	if err != nil {
		return nil, err
	}
	same := map[string]bool{}
	var earlier []inventory.Reservation
	for _, rec := range recs {
		id := get[string](rec, "id")
		if get[bool](rec, "same") {
			same[id] = true
			continue
		}
		earlier = append(earlier, reservationOf(tenant, get[neo4j.Node](rec, "x").Props))
	}
	if len(recs) != len(rs) {
		return nil, fmt.Errorf("%d of %d reservations belong to another tenant", len(rs)-len(recs), len(rs))
	}
	var moves []map[string]any
	for _, r := range rs {
		if !same[r.ID] {
			continue
		}
		ms := []ontology.Movement{r.HoldMovement()}
		if end, ok := r.EndMovement(); ok {
			ms = append(ms, end)
		}
		for _, m := range ms {
			moves = append(moves, map[string]any{"reservation": r.ID, "id": m.ID, "event": m.EventID, "sku": m.SKU,
				"location": m.Location, "lot": m.Lot, "bucket": string(m.Bucket), "qty": int64(m.Qty),
				"at": m.At.UTC(), "reason": m.Reason})
		}
	}
	if len(moves) == 0 {
		return earlier, nil
	}
	err = exec(ctx, tx, `
UNWIND $rows AS r
MATCH (x:Reservation {id: r.reservation}) USING INDEX SEEK x:Reservation(id) WHERE x.tenant = $tenant
MERGE (p:Product {uid: $tenant + '/' + r.sku}) ON CREATE SET p.tenant = $tenant, p.sku = r.sku
MERGE (l:Location {uid: $tenant + '/' + r.location}) ON CREATE SET l.tenant = $tenant, l.id = r.location
MERGE (m:Movement {id: r.id})
  ON CREATE SET m.tenant = $tenant, m.eventId = r.event, m.sku = r.sku, m.location = r.location, m.lot = r.lot,
    m.bucket = r.bucket, m.qty = r.qty, m.at = r.at, m.reason = r.reason
MERGE (x)-[:MOVES]->(m)
MERGE (m)-[:OF]->(p)
MERGE (m)-[:AT]->(l)`, map[string]any{"rows": moves, "tenant": tenant})
	return earlier, err
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullableTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// reservationOf reads a Reservation node.
func reservationOf(tenant string, p map[string]any) inventory.Reservation {
	q, _ := p["qty"].(int64)
	return inventory.Reservation{
		Tenant: tenant, ID: str(p["id"]),
		Cell: ontology.Cell{SKU: str(p["sku"]), Location: str(p["location"]), Lot: str(p["lot"])},
		Qty:  ontology.Qty(q), IdempotencyKey: str(p["idempotencyKey"]), OrderRef: str(p["orderRef"]), Channel: str(p["channel"]),
		Status:    inventory.ReservationStatus(str(p["status"])),
		CreatedAt: timeOf(p["createdAt"]), ExpiresAt: timeOf(p["expiresAt"]), EndedAt: timeOf(p["endedAt"]),
		ConsumedBy: str(p["consumedBy"]), RefAt: timeOf(p["refAt"]),
	}
}

// LiveReservations implements inventory.ReservationLedger.
func (s *Store) LiveReservations(ctx context.Context, tenant string) ([]inventory.Reservation, error) {
	return s.reservations(ctx, tenant, `
MATCH (x:Reservation {tenant: $tenant}) WHERE x.status IN ['active', 'committed']
RETURN x ORDER BY x.id`, nil)
}

// ReservationRecord returns the ledger's record of a reservation, or nil when the tenant
// has none with that id.
func (s *Store) ReservationRecord(ctx context.Context, tenant, id string) (*inventory.Reservation, error) {
	rs, err := s.reservations(ctx, tenant, `
MATCH (x:Reservation {id: $id}) USING INDEX SEEK x:Reservation(id) WHERE x.tenant = $tenant RETURN x`, map[string]any{"id": id})
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return &rs[0], nil
}

// ReservationsOfOrder returns every reservation, live or ended, that a channel made for
// an order: with ref as its order reference, or with ref as its idempotency key.
func (s *Store) ReservationsOfOrder(ctx context.Context, tenant, ref string) ([]inventory.Reservation, error) {
	return s.reservations(ctx, tenant, `
CALL () {
  MATCH (x:Reservation {tenant: $tenant, orderRef: $ref}) RETURN x
  UNION
  MATCH (x:Reservation {id: $id}) USING INDEX SEEK x:Reservation(id) WHERE x.tenant = $tenant RETURN x
}
RETURN x ORDER BY x.createdAt, x.id`, map[string]any{"ref": ref, "id": inventory.ReservationID(tenant, ref)})
}

func (s *Store) reservations(ctx context.Context, tenant, cypher string, params map[string]any) ([]inventory.Reservation, error) {
	p := map[string]any{"tenant": tenant}
	for k, v := range params {
		p[k] = v
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.Reservation, error) {
		recs, err := run(ctx, tx, cypher, p)
		if err != nil {
			return nil, fmt.Errorf("reading reservations: %w", err)
		}
		out := make([]inventory.Reservation, 0, len(recs))
		for _, rec := range recs {
			out = append(out, reservationOf(tenant, get[neo4j.Node](rec, "x").Props))
		}
		return out, nil
	})
}

// AttachReservations makes the hold movements of reservations consumed by documents part
// of those documents' events (doc uid -> event id), inside the resolution transaction
// and before the events are planned. The event's movements so far then include the hold,
// so Reconcile appends only the difference between the order's plan and the hold:
// nothing when the order reserves what the channel reserved, and the stock is never held
// twice nor left unheld in between. A hold belongs to one event at most. An event the
// batch creates is created here (Apply completes it). It returns the holds it attached
// now, by event id.
func (t *resolutionTx) AttachReservations(ctx context.Context, events map[string]string) (map[string][]ontology.Movement, error) {
	out := map[string][]ontology.Movement{}
	if len(events) == 0 {
		return out, nil
	}
	rows := make([]map[string]any, 0, len(events))
	for doc, ev := range events {
		rows = append(rows, map[string]any{"doc": doc, "event": ev})
	}
	recs, err := run(ctx, t.tx, `
UNWIND $rows AS r
MATCH (x:Reservation {tenant: $tenant, consumedBy: r.doc})
WHERE x.status = 'consumed'
MATCH (x)-[:MOVES]->(h:Movement {id: 'rsv:' + x.id + ':hold'})
WHERE NOT EXISTS { (:BusinessEvent)-[:MOVES]->(h) }
MERGE (e:BusinessEvent {id: r.event}) ON CREATE SET e.tenant = $tenant, e.createdAt = $now
WITH x, h, e, r WHERE e.tenant = $tenant
MERGE (e)-[:MOVES]->(h)
SET x.eventId = r.event
RETURN r.event AS event, h`, map[string]any{"rows": rows, "tenant": t.tenant, "now": t.now().UTC()})
	if err != nil {
		return nil, fmt.Errorf("attaching consumed reservations to their events: %w", err)
	}
	for _, rec := range recs {
		ev := get[string](rec, "event")
		out[ev] = append(out[ev], movementOf(get[neo4j.Node](rec, "h").Props))
	}
	return out, nil
}
