package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// AsStoredBeforeVersions turns a stored document into what SaveDocuments wrote before
// every version was kept (schema v5 and earlier): no version count, no clock, no
// DocumentVersion nodes, and version telling how many versions had arrived.
func (s *Store) AsStoredBeforeVersions(ctx context.Context, key ontology.DocKey, version int64) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MATCH (d:SourceDocument {uid: $uid})
OPTIONAL MATCH (d)-[:HAS_VERSION]->(v:DocumentVersion)
DETACH DELETE v
WITH DISTINCT d
SET d.version = $version
REMOVE d.versions, d.sourceTime, d.sourceVersion`, map[string]any{"uid": key.UID(), "version": version})
	})
	return err
}
