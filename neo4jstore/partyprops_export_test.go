package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// StoredPartyProps returns every property of tenant's party id as Neo4j holds it, so
// that a test can prove what a mention writes.
func StoredPartyProps(ctx context.Context, s *Store, tenant, id string) (map[string]any, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]any, error) {
		recs, err := run(ctx, tx, "MATCH (p:Party {uid: $uid}) RETURN p", map[string]any{"uid": tenant + "/" + id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return get[neo4j.Node](recs[0], "p").Props, nil
	})
}

// PartyLookupStatement is the statement PartyCandidates sends.
func PartyLookupStatement() string { return partyCandidatesCypher }
