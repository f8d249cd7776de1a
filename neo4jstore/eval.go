package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// Resolution is what resolution decided for one tenant, read back for scoring it.
type Resolution struct {
	// EventOf maps a document uid to its event.
	EventOf map[string]string
	// PartyOf maps "document uid#role" to the surviving id of the party mentioned.
	PartyOf map[string]string
	// Documents are the canonical documents by uid.
	Documents map[string]ontology.Document
	// ProductKeys maps product keys (gtin:, sku:, item:) to their canonical SKU.
	ProductKeys map[string]string
}

// ReadResolution reads a tenant's documents, their events, party mentions and product
// keys. It holds everything in memory: meant for benchmarks and audits, not for serving.
func (s *Store) ReadResolution(ctx context.Context, tenant string) (*Resolution, error) {
	r := &Resolution{EventOf: map[string]string{}, PartyOf: map[string]string{},
		Documents: map[string]ontology.Document{}, ProductKeys: map[string]string{}}
	_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		res, err := tx.Run(ctx, `
MATCH (d:SourceDocument {tenant: $t})
OPTIONAL MATCH (d)-[:EVIDENCES]->(e:BusinessEvent)
RETURN d.uid AS uid, d.canonical AS canonical, e.id AS event`, map[string]any{"t": tenant})
		if err != nil {
			return struct{}{}, err
		}
		for res.Next(ctx) {
			rec := res.Record()
			uid := get[string](rec, "uid")
			var d ontology.Document
			if err := json.Unmarshal([]byte(get[string](rec, "canonical")), &d); err != nil {
				return struct{}{}, fmt.Errorf("decoding %s: %w", uid, err)
			}
			r.Documents[uid] = d
			if ev := get[string](rec, "event"); ev != "" {
				r.EventOf[uid] = ev
			}
		}
		if err := res.Err(); err != nil {
			return struct{}{}, err
		}
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {tenant: $t})-[m:MENTIONS]->(p:Party)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(root:Party) WHERE NOT (root)-[:SAME_AS]->()
RETURN d.uid AS uid, m.role AS role, coalesce(root.id, p.id) AS party`, map[string]any{"t": tenant})
		if err != nil {
			return struct{}{}, err
		}
		for _, rec := range recs {
			r.PartyOf[get[string](rec, "uid")+"#"+get[string](rec, "role")] = get[string](rec, "party")
		}
		recs, err = run(ctx, tx, `
MATCH (al:Alias {tenant: $t, kind: 'product'}) RETURN al.code AS code, al.target AS sku`, map[string]any{"t": tenant})
		if err != nil {
			return struct{}{}, err
		}
		for _, rec := range recs {
			r.ProductKeys[get[string](rec, "code")] = get[string](rec, "sku")
		}
		return struct{}{}, nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the resolution of %s: %w", tenant, err)
	}
	return r, nil
}
