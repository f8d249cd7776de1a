package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DeleteTenant removes every node of a tenant, with its relationships, and returns how
// many nodes it deleted. It is for benchmarks and for a customer who leaves: every node
// carries its tenant, so nothing of the tenant remains and nothing of another is
// touched. It reads the whole store once and deletes in transactions of a few thousand
// nodes, so it never needs the heap of one big transaction; it is not for request paths.
func (s *Store) DeleteTenant(ctx context.Context, tenant string) (int64, error) {
	if tenant == "" {
		return 0, fmt.Errorf("deleting a tenant: no tenant given")
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	// CALL ... IN TRANSACTIONS commits as it goes, which only an auto-commit query may do.
	res, err := sess.Run(ctx, `MATCH (n) WHERE n.tenant = $tenant
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, map[string]any{"tenant": tenant})
	if err != nil {
		return 0, fmt.Errorf("deleting tenant %s: %w", tenant, classify(err))
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return 0, fmt.Errorf("deleting tenant %s: %w", tenant, classify(err))
	}
	return int64(sum.Counters().NodesDeleted()), nil
}
