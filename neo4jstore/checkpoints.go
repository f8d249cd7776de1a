package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Cursor returns a connector's saved cursor ("" when it has none). Cursors live in Neo4j
// beside the documents, so they survive restarts of Seam and of Redis.
func (s *Store) Cursor(ctx context.Context, tenant, name string) (string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (string, error) {
		recs, err := run(ctx, tx, "MATCH (c:Checkpoint {uid: $uid}) USING INDEX SEEK c:Checkpoint(uid) RETURN c.cursor AS cursor",
			map[string]any{"uid": tenant + "/" + name})
		if err != nil || len(recs) == 0 {
			return "", err
		}
		return get[string](recs[0], "cursor"), nil
	})
}

// SaveCursor stores a connector's cursor.
func (s *Store) SaveCursor(ctx context.Context, tenant, name, cursor string) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MERGE (c:Checkpoint {uid: $uid})
SET c.tenant = $tenant, c.name = $name, c.cursor = $cursor, c.updatedAt = $now`,
			map[string]any{"uid": tenant + "/" + name, "tenant": tenant, "name": name, "cursor": cursor, "now": s.Now().UTC()})
	})
	if err != nil {
		return fmt.Errorf("saving cursor of %s: %w", name, err)
	}
	return nil
}
