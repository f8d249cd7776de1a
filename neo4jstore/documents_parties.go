package neo4jstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// DocumentParties returns the parties a document mentions.
func (s *Store) DocumentParties(ctx context.Context, key ontology.DocKey) ([]resolver.DocumentParty, error) {
	m, err := s.DocumentsParties(ctx, key.Tenant, []ontology.DocKey{key})
	if err != nil {
		return nil, err
	}
	if ps := m[key.UID()]; ps != nil {
		return ps, nil
	}
	return []resolver.DocumentParty{}, nil
}

// DocumentsParties returns the parties each of a tenant's documents mentions, keyed by
// the document's uid; a document that mentions none (or is of another tenant) is
// absent. Read one document at a time, the parties of a page of documents (a GraphQL
// answer's, a benchmark's ten thousand) were one round trip each: the query itself is a
// few dozen database hits, the trip and the statement's set-up were most of its time.
// Each document's parties come as DocumentParties gives them, by role and party.
func (s *Store) DocumentsParties(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string][]resolver.DocumentParty, error) {
	out := map[string][]resolver.DocumentParty{}
	seen := map[string]bool{}
	uids := make([]string, 0, len(keys))
	for _, k := range keys {
		if uid := k.UID(); k.Tenant == tenant && !seen[uid] {
			seen[uid] = true
			uids = append(uids, uid)
		}
	}
	for _, c := range chunks(len(uids), batchSize) {
		recs, err := readOnce(ctx, s, documentsParties, map[string]any{"uids": uids[c[0]:c[1]], "tenant": tenant})
		if err != nil {
			return nil, fmt.Errorf("reading the parties of %d documents: %w", c[1]-c[0], err)
		}
		for _, r := range recs {
			dp := resolver.DocumentParty{Role: get[string](r, "role"), PartyID: get[string](r, "id"), MentionedID: get[string](r, "mentioned")}
			dp.SameAs = linkReasons(r, "sameAs")
			dp.RelatedBecause = linkReasons(r, "related")
			for _, l := range dp.RelatedBecause {
				if !slices.Contains(dp.Related, l.Party) {
					dp.Related = append(dp.Related, l.Party)
				}
			}
			uid := get[string](r, "uid")
			out[uid] = append(out[uid], dp)
		}
	}
	return out, nil
}

// documentsParties reads the parties of documents by uid: each mention's party, the
// survivor its SAME_AS links lead to with their reasons, and the survivor's RELATED
// parties. Rows come by document, then role and party.
const documentsParties = `
UNWIND $uids AS uid
MATCH (d:SourceDocument {uid: uid, tenant: $tenant})-[m:MENTIONS]->(p) USING INDEX SEEK d:SourceDocument(uid) WHERE p.tenant = $tenant
OPTIONAL MATCH path = (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH uid, m, p, coalesce(r, p) AS root,
     [l IN coalesce(relationships(path), []) | {party: endNode(l).id, reason: l.reason, score: coalesce(l.score, 0.0)}] AS sameAs
OPTIONAL MATCH (root)-[rl:RELATED]-(o:Party)
WITH uid, m, p, root, sameAs, o, rl ORDER BY o.id
RETURN uid, m.role AS role, root.id AS id, p.id AS mentioned, sameAs,
       [x IN collect({party: o.id, reason: rl.reason, score: coalesce(rl.score, 0.0)}) WHERE x.party IS NOT NULL] AS related
ORDER BY uid, role, id, mentioned`

// linkReasons reads a list of {party, reason, score} maps from a record.
func linkReasons(r *neo4j.Record, key string) []resolver.PartyLinkReason {
	v, _ := r.Get(key)
	list, _ := v.([]any)
	var out []resolver.PartyLinkReason
	for _, x := range list {
		m, _ := x.(map[string]any)
		l := resolver.PartyLinkReason{}
		l.Party, _ = m["party"].(string)
		l.Reason, _ = m["reason"].(string)
		l.Score, _ = m["score"].(float64)
		out = append(out, l)
	}
	return out
}
