package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// tenantNodes say how to find each label's nodes of one tenant through an index: the
// tenant property where it is indexed, else the uid, which every other node kind
// starts with "tenant/". Movements go first: they hold the relationships that make
// locations and products dense, so those are light by the time their turn comes.
var tenantNodes = []struct{ label, where string }{
	{"Movement", "n.tenant = $tenant"},
	{"Reservation", "n.tenant = $tenant"},
	{"Count", "n.tenant = $tenant"},
	{"Alert", "n.tenant = $tenant"},
	{"Forecast", "n.tenant = $tenant"},
	{"ForecastRun", "n.tenant = $tenant"},
	{"OrderProposal", "n.tenant = $tenant"},
	{"DocumentVersion", "n.tenant = $tenant"},
	{"SourceDocument", "n.tenant = $tenant"},
	{"BusinessEvent", "n.tenant = $tenant"},
	{"Quarantine", "n.tenant = $tenant"},
	{"Key", "n.uid STARTS WITH $prefix"},
	{"Alias", "n.uid STARTS WITH $prefix"},
	{"Party", "n.uid STARTS WITH $prefix"},
	{"Decision", "n.uid STARTS WITH $prefix"},
	{"PartyDecision", "n.uid STARTS WITH $prefix"},
	{"Product", "n.uid STARTS WITH $prefix"},
	{"Location", "n.uid STARTS WITH $prefix"},
	{"Lot", "n.uid STARTS WITH $prefix"},
	{"LotBalance", "n.tenant = $tenant"},
	{"Delivery", "n.uid STARTS WITH $prefix"},
	{"Notification", "n.tenant = $tenant"},
	{"UnresolvedProduct", "n.tenant = $tenant"},
	{"LocationLink", "n.tenant = $tenant"},
	{"PartyModel", "n.tenant = $tenant"},
	{"Checkpoint", "n.uid STARTS WITH $prefix"},
	{"Review", "n.tenant = $tenant"},
	{"ReconciliationRun", "n.tenant = $tenant"},
	{"PaymentTerms", "n.tenant = $tenant"},
	{"Breaker", "n.tenant = $tenant"},
	{"BreakerEvent", "n.tenant = $tenant"},
	{"PurchaseApproval", "n.tenant = $tenant"},
	{"ApiKey", "n.tenant = $tenant"},
	{"Lock", "n.name = 'resolve/' + $tenant"},
	{"Tenant", "n.name = $tenant"},
}

// DeleteTenant removes every node of a tenant, with its relationships, and returns how
// many nodes it deleted. It is for benchmarks and for a customer who leaves. It finds the
// nodes through indexes and deletes them in transactions of a few thousand, so a tenant
// of millions of documents never needs the heap of one big transaction (a single
// MATCH ... DETACH DELETE over a million-document tenant ran Neo4j out of its 3 GB heap).
// It is not for request paths.
func (s *Store) DeleteTenant(ctx context.Context, tenant string) (int64, error) {
	if tenant == "" {
		return 0, fmt.Errorf("deleting a tenant: no tenant given")
	}
	const batch = 2000
	var total int64
	for _, k := range tenantNodes {
		// Labels and predicates come from the table above, never from a caller.
		cypher := "MATCH (n:" + k.label + ") WHERE " + k.where + " WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n"
		for {
			n, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
				recs, err := run(ctx, tx, cypher, map[string]any{"tenant": tenant, "prefix": tenant + "/", "batch": batch})
				if err != nil || len(recs) == 0 {
					return 0, err
				}
				return get[int64](recs[0], "n"), nil
			})
			if err != nil {
				return total, fmt.Errorf("deleting tenant %s (%s): %w", tenant, k.label, err)
			}
			total += n
			if n < batch {
				break
			}
		}
	}
	return total, nil
}
