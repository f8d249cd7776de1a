package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// StoredKeyProps returns every property of the ApiKey node with that id, exactly as
// Neo4j holds it, so that a test can prove what is (not) kept at rest.
func StoredKeyProps(ctx context.Context, s *Store, id string) (map[string]any, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]any, error) {
		recs, err := run(ctx, tx, "MATCH (k:ApiKey {id: $id}) RETURN k", map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return get[neo4j.Node](recs[0], "k").Props, nil
	})
}
