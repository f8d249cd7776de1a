package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// WritePlain writes documents the plainest way the store allows: one UNWIND + MERGE
// statement per batch of batchSize, each in its own transaction, with the properties
// SaveDocuments gives a new document and nothing else (no version check, no Pending
// mark, no resolution). It is the ceiling benchmarks measure Seam's own pipeline
// against; nothing but a benchmark's throwaway tenant should be written with it.
func (s *Store) WritePlain(ctx context.Context, envs []ontology.Envelope) error {
	now := s.Now().UTC()
	for _, c := range chunks(len(envs), batchSize) {
		rows := make([]map[string]any, 0, c[1]-c[0])
		for _, e := range envs[c[0]:c[1]] {
			r, err := newVersionRow(e, now)
			if err != nil {
				return err
			}
			rows = append(rows, map[string]any{"uid": r.uid, "props": r.props})
		}
		_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
MERGE (d:SourceDocument {uid: r.uid})
SET d += r.props, d.version = 1`, map[string]any{"rows": rows})
		})
		if err != nil {
			return fmt.Errorf("writing documents plainly: %w", err)
		}
	}
	return nil
}
