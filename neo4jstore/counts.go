package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

var _ inventory.CountLedger = (*Store)(nil)

// A count is a Count node {id, tenant, sku, location, lot, counted, ledger, countedBy,
// recordedBy, at, eventId} linked (c)-[:COUNTS]->(e) to the adjustment event it booked,
// whose id is the count's. The event moves the difference like any event: one on-hand
// movement, marked Unprojected.

// BookCount implements inventory.CountLedger.
func (s *Store) BookCount(ctx context.Context, c inventory.Count, id string) (inventory.CountRecord, error) {
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (inventory.CountRecord, error) {
		// The tenant's resolution lock: no batch changes the cell between the read and
		// the write, in this process or any other.
		if err := exec(ctx, tx, takeLock, map[string]any{"name": tenantLock(c.Tenant)}); err != nil {
			return inventory.CountRecord{}, err
		}
		recs, err := run(ctx, tx, "MATCH (x:Count {id: $id}) USING INDEX SEEK x:Count(id) WHERE x.tenant = $tenant RETURN x",
			map[string]any{"id": id, "tenant": c.Tenant})
		if err != nil {
			return inventory.CountRecord{}, err
		}
		if len(recs) > 0 {
			return countOf(c.Tenant, get[neo4j.Node](recs[0], "x").Props), nil
		}
		// A count synced late (a PDA offline for a shift) is compared with the ledger as
		// it stood when the goods were counted: the movements of events that happened
		// by then, by the events' own time, not by when their documents arrived (a
		// movement's at is when it was booked; a receipt booked late was on the shelf
		// all the same). A later count of the cell already set its stock, so an earlier
		// one cannot be booked over it.
		recs, err = run(ctx, tx, `
MATCH (x:Count {tenant: $tenant, location: $location})
WHERE x.sku = $sku AND x.lot = $lot AND x.at > $at
RETURN max(x.at) AS later`, map[string]any{"tenant": c.Tenant, "sku": c.SKU, "location": c.Location, "lot": c.Lot, "at": c.At.UTC()})
		if err != nil {
			return inventory.CountRecord{}, err
		}
		if len(recs) > 0 && recs[0].Values[0] != nil {
			return inventory.CountRecord{}, fmt.Errorf("%w: a later count of this cell (at %s) already set its stock; a count from %s cannot be booked over it",
				inventory.ErrInvalidCount, timeOf(recs[0].Values[0]).UTC().Format(time.RFC3339), c.At.UTC().Format(time.RFC3339))
		}
		recs, err = run(ctx, tx, `
MATCH (e)-[:MOVES]->(m:Movement {tenant: $tenant, sku: $sku, location: $location})
WHERE m.lot = $lot AND m.bucket = 'onHand' AND coalesce(e.occurredAt, m.at) <= $at
RETURN coalesce(sum(m.qty), 0) AS qty`, map[string]any{"tenant": c.Tenant, "sku": c.SKU, "location": c.Location, "lot": c.Lot, "at": c.At.UTC()})
		if err != nil || len(recs) == 0 {
			return inventory.CountRecord{}, err
		}
		r := inventory.CountRecord{Count: c, ID: id, Ledger: ontology.Qty(get[int64](recs[0], "qty")), EventID: id}
		params := map[string]any{"id": id, "tenant": c.Tenant, "sku": c.SKU, "location": c.Location, "lot": c.Lot,
			"counted": int64(c.Counted), "ledger": int64(r.Ledger), "by": c.CountedBy, "recordedBy": c.RecordedBy,
			"at": c.At.UTC(), "now": s.Now().UTC(), "lotUid": lotUID(c.Tenant, c.SKU, c.Lot)}
		err = exec(ctx, tx, `
MERGE (e:BusinessEvent {id: $id}) ON CREATE SET e.tenant = $tenant, e.createdAt = $now
WITH e WHERE e.tenant = $tenant
SET e.kind = 'adjustment', e.status = 'adjusted', e.occurredAt = $at, e.location = $location, e.updatedAt = $now
CREATE (x:Count {id: $id, tenant: $tenant, sku: $sku, location: $location, lot: $lot, counted: $counted,
                 ledger: $ledger, countedBy: $by, recordedBy: $recordedBy, at: $at, eventId: $id})
CREATE (x)-[:COUNTS]->(e)
FOREACH (_ IN CASE WHEN $lot <> '' THEN [1] ELSE [] END |
  MERGE (l:Lot {uid: $lotUid}) ON CREATE SET l.tenant = $tenant, l.sku = $sku, l.batch = $lot)`, params)
		if err != nil {
			return inventory.CountRecord{}, err
		}
		m, ok := r.Adjustment()
		if !ok {
			return r, nil
		}
		if err := exec(ctx, tx, newMovementsCypher, map[string]any{"rows": movementRows([]ontology.Movement{m}), "tenant": c.Tenant}); err != nil {
			return r, err
		}
		// A count of a lot moves that lot's balance, which planning reads for FEFO.
		return r, writeLotBalances(ctx, tx, c.Tenant, []ontology.Movement{m})
	})
}

// Counts implements inventory.CountLedger.
func (s *Store) Counts(ctx context.Context, tenant, location string, since time.Time) ([]inventory.CountRecord, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.CountRecord, error) {
		recs, err := run(ctx, tx, `
MATCH (x:Count {tenant: $tenant, location: $location}) WHERE x.at >= $since
RETURN x ORDER BY x.at, x.id`, map[string]any{"tenant": tenant, "location": location, "since": since.UTC()})
		if err != nil {
			return nil, fmt.Errorf("reading counts: %w", err)
		}
		out := make([]inventory.CountRecord, 0, len(recs))
		for _, r := range recs {
			out = append(out, countOf(tenant, get[neo4j.Node](r, "x").Props))
		}
		return out, nil
	})
}

// countOf reads a Count node.
func countOf(tenant string, p map[string]any) inventory.CountRecord {
	counted, _ := p["counted"].(int64)
	ledger, _ := p["ledger"].(int64)
	return inventory.CountRecord{
		Count: inventory.Count{
			Tenant: tenant, Cell: ontology.Cell{SKU: str(p["sku"]), Location: str(p["location"]), Lot: str(p["lot"])},
			Counted: ontology.Qty(counted), CountedBy: str(p["countedBy"]), RecordedBy: str(p["recordedBy"]), At: timeOf(p["at"]),
		},
		ID: str(p["id"]), Ledger: ontology.Qty(ledger), EventID: str(p["eventId"]),
	}
}
