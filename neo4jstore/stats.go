package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TenantStats counts what a tenant has in the store.
type TenantStats struct {
	Documents, Pending, Events, Movements, Unprojected, Quarantined, Reviews int64
}

// Stats counts a tenant's documents, events, movements and queues.
func (s *Store) Stats(ctx context.Context, tenant string) (TenantStats, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (TenantStats, error) {
		recs, err := run(ctx, tx, `
CALL () { MATCH (d:SourceDocument {tenant: $t}) RETURN count(d) AS documents }
CALL () { MATCH (d:Pending {tenant: $t}) RETURN count(d) AS pending }
CALL () { MATCH (e:BusinessEvent {tenant: $t}) WHERE e.status <> 'merged' RETURN count(e) AS events }
CALL () { MATCH (m:Movement {tenant: $t}) RETURN count(m) AS movements }
CALL () { MATCH (m:Unprojected {tenant: $t}) RETURN count(m) AS unprojected }
CALL () { MATCH (q:Quarantine {tenant: $t}) WHERE q.status = 'open' RETURN count(q) AS quarantined }
CALL () { MATCH (v:Review {tenant: $t, status: 'open'}) RETURN count(v) AS reviews }
RETURN documents, pending, events, movements, unprojected, quarantined, reviews`, map[string]any{"t": tenant})
		if err != nil || len(recs) == 0 {
			return TenantStats{}, err
		}
		r := recs[0]
		return TenantStats{
			Documents: get[int64](r, "documents"), Pending: get[int64](r, "pending"), Events: get[int64](r, "events"),
			Movements: get[int64](r, "movements"), Unprojected: get[int64](r, "unprojected"),
			Quarantined: get[int64](r, "quarantined"), Reviews: get[int64](r, "reviews"),
		}, nil
	})
}
