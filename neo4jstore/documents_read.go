package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// Documents returns stored documents of one tenant by key, in one query, keyed by uid;
// keys with no document (or of another tenant) are absent. It loads a whole level of a
// GraphQL answer (every source of every event shown) at once.
func (s *Store) Documents(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string]*ontology.StoredDocument, error) {
	out := map[string]*ontology.StoredDocument{}
	byUID := map[string]ontology.DocKey{}
	uids := make([]string, 0, len(keys))
	for _, k := range keys {
		if k.Tenant != tenant {
			continue
		}
		if _, ok := byUID[k.UID()]; !ok {
			byUID[k.UID()] = k
			uids = append(uids, k.UID())
		}
	}
	if len(uids) == 0 {
		return out, nil
	}
	_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := run(ctx, tx, `
UNWIND $uids AS uid
MATCH (d:SourceDocument {uid: uid, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
OPTIONAL MATCH (d)-[:EVIDENCES]->(e) WHERE e.tenant = $tenant
RETURN uid, d, e.id AS event, d:Pending AS pending`, map[string]any{"uids": uids, "tenant": tenant})
		if err != nil {
			return struct{}{}, err
		}
		for _, rec := range recs {
			uid := get[string](rec, "uid")
			out[uid] = storedDocumentOf(byUID[uid], rec)
		}
		return struct{}{}, nil
	})
	return out, err
}

func storedDocumentOf(key ontology.DocKey, rec *neo4j.Record) *ontology.StoredDocument {
	p := get[neo4j.Node](rec, "d").Props
	doc := &ontology.StoredDocument{
		Key:        key,
		Role:       str(p["role"]),
		Verb:       str(p["verb"]),
		Status:     str(p["status"]),
		OccurredAt: timeOf(p["occurredAt"]),
		ReceivedAt: timeOf(p["receivedAt"]),
		Format:     str(p["format"]),
		Via:        str(p["via"]),
		Hash:       str(p["hash"]),
		Canonical:  str(p["canonical"]),
		EventID:    get[string](rec, "event"),
		Pending:    get[bool](rec, "pending"),
	}
	doc.Raw, _ = p["raw"].([]byte)
	doc.Version, _ = p["version"].(int64)
	return doc
}
