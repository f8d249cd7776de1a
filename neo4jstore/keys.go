package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology/apikey"
)

var _ apikey.Store = (*Store)(nil)

// CreateKey stores a new API key under the hash of its secret; the secret itself is never
// stored. The hash is unique (a constraint), so a second key with the same secret fails.
func (s *Store) CreateKey(ctx context.Context, k apikey.Key, hash string) error {
	if k.Systems == nil {
		k.Systems = []string{}
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
CREATE (:ApiKey {id: $id, tenant: $tenant, role: $role, name: $name, systems: $systems, hash: $hash, createdAt: $at})`,
			map[string]any{"id": k.ID, "tenant": k.Tenant, "role": string(k.Role), "name": k.Name,
				"systems": k.Systems, "hash": hash, "at": k.CreatedAt.UTC()})
	})
	if err != nil {
		return fmt.Errorf("storing API key %s: %w", k.ID, err)
	}
	return nil
}

// KeyByHash returns the key whose secret has that hash, or nil when there is none.
func (s *Store) KeyByHash(ctx context.Context, hash string) (*apikey.Key, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (*apikey.Key, error) {
		recs, err := run(ctx, tx, "MATCH (k:ApiKey {hash: $hash}) USING INDEX SEEK k:ApiKey(hash) RETURN k", map[string]any{"hash": hash})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		k := keyOf(get[neo4j.Node](recs[0], "k").Props)
		return &k, nil
	})
}

// Keys lists the keys of a tenant, or of every tenant when tenant is "" (the operator's
// `seam keys list`, never a request path), oldest first. Hashes are not returned.
func (s *Store) Keys(ctx context.Context, tenant string) ([]apikey.Key, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]apikey.Key, error) {
		recs, err := run(ctx, tx, `
MATCH (k:ApiKey) WHERE $tenant = '' OR k.tenant = $tenant
RETURN k ORDER BY k.tenant, k.createdAt, k.id`, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, err
		}
		out := make([]apikey.Key, 0, len(recs))
		for _, r := range recs {
			out = append(out, keyOf(get[neo4j.Node](r, "k").Props))
		}
		return out, nil
	})
}

// RevokeKey marks a key revoked. Revoking twice keeps the first time.
func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time) (apikey.Key, error) {
	k, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (*apikey.Key, error) {
		recs, err := run(ctx, tx, `
MATCH (k:ApiKey {id: $id}) USING INDEX SEEK k:ApiKey(id) SET k.revokedAt = coalesce(k.revokedAt, $at) RETURN k`,
			map[string]any{"id": id, "at": at.UTC()})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		k := keyOf(get[neo4j.Node](recs[0], "k").Props)
		return &k, nil
	})
	switch {
	case err != nil:
		return apikey.Key{}, fmt.Errorf("revoking API key %s: %w", id, err)
	case k == nil:
		return apikey.Key{}, fmt.Errorf("revoking %s: %w", id, apikey.ErrNotFound)
	}
	return *k, nil
}

func keyOf(p map[string]any) apikey.Key {
	k := apikey.Key{ID: str(p["id"]), Tenant: str(p["tenant"]), Role: apikey.Role(str(p["role"])), Name: str(p["name"]),
		CreatedAt: timeOf(p["createdAt"]), RevokedAt: timeOf(p["revokedAt"])}
	systems, _ := p["systems"].([]any)
	for _, x := range systems {
		k.Systems = append(k.Systems, str(x))
	}
	return k
}
