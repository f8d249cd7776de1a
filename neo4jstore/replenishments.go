package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// replenishmentsCypher reads a product's incoming on-hand movements and walks from each
// to its event, as consumptionCypher does and for the same reason: matched by
// {id: m.eventId}, the event side was planned as an index seek of the tenant's events
// joined by a Cartesian product. The product's movements are sought by the (tenant, sku,
// at) index, by a hint: left to statistics, the planner now and then scanned the
// tenant's movements instead ("m.at IS NOT NULL", always true, is what lets the hint
// use that index).
const replenishmentsCypher = `
MATCH (m:Movement {tenant: $tenant, sku: $sku}) USING INDEX m:Movement(tenant, sku, at)
WHERE m.at IS NOT NULL AND m.bucket = 'onHand' AND m.qty > 0 AND m.reason = 'plan' AND ($location = '' OR m.location = $location)
MATCH (e)-[:MOVES]->(m) WHERE e:BusinessEvent AND e.kind IN ['receipt', 'transfer']
RETURN m.eventId AS event, e.kind AS kind, m.location AS location, coalesce(m.lot, '') AS lot, m.qty AS qty, m.at AS at
ORDER BY m.at DESC, m.id DESC LIMIT $first`

// Replenishments returns a product's latest arrivals, newest first: the on-hand
// movements in that receipt and transfer events planned (compensations excluded), at
// one location or all (location "").
func (s *Store) Replenishments(ctx context.Context, tenant, sku, location string, first int) ([]inventory.Replenishment, error) {
	if first <= 0 || first > 100 {
		first = 3
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.Replenishment, error) {
		recs, err := run(ctx, tx, replenishmentsCypher, map[string]any{"tenant": tenant, "sku": sku, "location": location, "first": first})
		if err != nil {
			return nil, fmt.Errorf("reading replenishments of %s: %w", sku, err)
		}
		out := make([]inventory.Replenishment, 0, len(recs))
		for _, r := range recs {
			at, _ := r.Get("at")
			out = append(out, inventory.Replenishment{
				EventID: get[string](r, "event"), Kind: ontology.EventKind(get[string](r, "kind")),
				Location: get[string](r, "location"), Lot: get[string](r, "lot"),
				Qty: ontology.Qty(get[int64](r, "qty")), At: timeOf(at),
			})
		}
		return out, nil
	})
}
