package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/ontology"
)

// Signals implements predict.Ledger: the series of the tenant's current signal
// documents (role signal; their older versions are history and not read), oldest
// arrival first.
func (s *Store) Signals(ctx context.Context, tenant string) ([]predict.Signal, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]predict.Signal, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {tenant: $tenant, role: $role})
RETURN d.uid AS uid, d.canonical AS canonical, d.receivedAt AS receivedAt ORDER BY d.receivedAt, d.uid`,
			map[string]any{"tenant": tenant, "role": string(ontology.RoleSignal)})
		if err != nil {
			return nil, fmt.Errorf("reading the signals of %s: %w", tenant, err)
		}
		out := make([]predict.Signal, 0, len(recs))
		for _, r := range recs {
			var doc ontology.Document
			uid := get[string](r, "uid")
			if err := json.Unmarshal([]byte(get[string](r, "canonical")), &doc); err != nil {
				return nil, fmt.Errorf("decoding signal document %s: %w", uid, err)
			}
			if doc.Signal == nil {
				continue // a signal role without a series cannot pass validation; nothing to read
			}
			at, _ := r.Get("receivedAt")
			out = append(out, predict.Signal{Signal: *doc.Signal, Document: uid, ReceivedAt: timeOf(at)})
		}
		return out, nil
	})
}
