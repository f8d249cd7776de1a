package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// SavePartyModel stores a trained party model as the tenant's next version ("v1",
// "v2", ...) and makes it the active one. It returns the version.
func (s *Store) SavePartyModel(ctx context.Context, tenant string, pm resolver.PartyModel) (string, error) {
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (string, error) {
		recs, err := run(ctx, tx, `
MATCH (m:PartyModel {tenant: $tenant}) RETURN coalesce(max(m.n), 0) AS n`, map[string]any{"tenant": tenant})
		if err != nil {
			return "", err
		}
		n := int64(1)
		if len(recs) > 0 {
			n = get[int64](recs[0], "n") + 1
		}
		pm.Version = "v" + strconv.FormatInt(n, 10)
		js, err := json.Marshal(pm)
		if err != nil {
			return "", fmt.Errorf("encoding party model: %w", err)
		}
		err = exec(ctx, tx, `
MATCH (old:PartyModel {tenant: $tenant, active: true}) SET old.active = false
WITH count(*) AS _
CREATE (m:PartyModel {uid: $tenant + '/' + $version, tenant: $tenant, version: $version, n: $n, model: $model,
                      trained: $trained, at: $now, active: true})`,
			map[string]any{"tenant": tenant, "version": pm.Version, "n": n, "model": string(js), "trained": pm.Trained,
				"now": s.Now().UTC()})
		return pm.Version, err
	})
}

// PartyModel returns a tenant's party model: the version named, or the active one when
// version is empty; ok is false when the tenant has none (the prior applies).
func (s *Store) PartyModel(ctx context.Context, tenant, version string) (resolver.PartyModel, bool, error) {
	js, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (string, error) {
		recs, err := run(ctx, tx, `
MATCH (m:PartyModel {tenant: $tenant})
WHERE ($version = '' AND m.active) OR m.version = $version
RETURN m.model AS model LIMIT 1`, map[string]any{"tenant": tenant, "version": version})
		if err != nil || len(recs) == 0 {
			return "", err
		}
		return get[string](recs[0], "model"), nil
	})
	if err != nil || js == "" {
		return resolver.PartyModel{}, false, err
	}
	var pm resolver.PartyModel
	if err := json.Unmarshal([]byte(js), &pm); err != nil {
		return resolver.PartyModel{}, false, fmt.Errorf("decoding party model of %s: %w", tenant, err)
	}
	return pm, true, nil
}

// PartyMentions returns up to limit party mentions of a tenant's documents, in document
// order, for training its party model: what the documents say, resolved or not.
func (s *Store) PartyMentions(ctx context.Context, tenant string, limit int) ([]ontology.PartyRef, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]ontology.PartyRef, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {tenant: $tenant})
WHERE d.canonical CONTAINS '"parties"'
RETURN d.canonical AS c ORDER BY d.uid LIMIT $limit`, map[string]any{"tenant": tenant, "limit": limit})
		if err != nil {
			return nil, err
		}
		var out []ontology.PartyRef
		for _, r := range recs {
			var d struct {
				Parties []ontology.PartyRef `json:"parties"`
			}
			if err := json.Unmarshal([]byte(get[string](r, "c")), &d); err != nil {
				continue // a document that does not decode is set aside by resolution, not trained on
			}
			out = append(out, d.Parties...)
		}
		return out, nil
	})
}
