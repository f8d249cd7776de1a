package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// SetLocationAlias records that a system's code names a canonical location and marks the
// documents that name it for resolution again (as their own location, or as their
// lines' through a place key), so that their events are replanned and their stock moves
// to the canonical location. It returns how many documents it marked.
func (s *Store) SetLocationAlias(ctx context.Context, a resolver.LocationAlias) (int64, error) {
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
		recs, err := run(ctx, tx, `
MERGE (al:Alias {uid: $uid})
SET al.tenant = $tenant, al.kind = 'location', al.system = $system, al.code = $code, al.target = $location, al.at = $now
WITH al
OPTIONAL MATCH (d:SourceDocument {tenant: $tenant, locSystem: $system, locCode: $code})
WITH collect(d) AS named
OPTIONAL MATCH (k:Key {uid: $place})<-[:NAMES_PLACE]-(l) USING INDEX SEEK k:Key(uid)
WITH named, collect(l) AS lined
WITH named + lined AS docs
UNWIND docs AS d
WITH DISTINCT d
SET d:Pending
RETURN count(d) AS n`, map[string]any{
			"uid": a.Tenant + "/location/" + a.System + "/" + a.Code, "tenant": a.Tenant, "system": a.System,
			"code": a.Code, "location": a.Location, "now": s.Now().UTC(), "place": placeKeyUID(a.Tenant, a.System, a.Code),
		})
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return get[int64](recs[0], "n"), nil
	})
}

// LocationAliases returns the location aliases a tenant's people declared over the API.
func (s *Store) LocationAliases(ctx context.Context, tenant string) ([]resolver.LocationAlias, error) {
	return s.locationAliases(ctx, tenantLocationAliases, tenant)
}

// The location aliases are read by the kind index (schema v77): every party mention
// writes an Alias too, so a read by label alone grows with the customers, and
// AllLocationAliases runs before a starting process serves anything.
const (
	tenantLocationAliases = `
MATCH (al:Alias {kind: 'location', tenant: $tenant})
RETURN al.tenant AS t, al.system AS s, al.code AS c, al.target AS l ORDER BY s, c`
	allLocationAliases = `
MATCH (al:Alias {kind: 'location'})
RETURN al.tenant AS t, al.system AS s, al.code AS c, al.target AS l ORDER BY t, s, c`
)

// AllLocationAliases returns every tenant's declared location aliases, for loading the
// registry when a process starts; never for a request.
func (s *Store) AllLocationAliases(ctx context.Context) ([]resolver.LocationAlias, error) {
	return s.locationAliases(ctx, allLocationAliases, "")
}

func (s *Store) locationAliases(ctx context.Context, cypher, tenant string) ([]resolver.LocationAlias, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.LocationAlias, error) {
		recs, err := run(ctx, tx, cypher, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.LocationAlias, 0, len(recs))
		for _, r := range recs {
			out = append(out, resolver.LocationAlias{Tenant: get[string](r, "t"), System: get[string](r, "s"),
				Code: get[string](r, "c"), Location: get[string](r, "l")})
		}
		return out, nil
	})
}

// Reviews lists a tenant's open review items, oldest first, a page at a time.
func (s *Store) Reviews(ctx context.Context, tenant, after string, first int) ([]resolver.Review, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.Review, error) {
		recs, err := run(ctx, tx, `
OPTIONAL MATCH (a:Review {id: $after, tenant: $tenant}) USING INDEX SEEK a:Review(id)
WITH a
MATCH (v:Review {tenant: $tenant, status: 'open'})
WHERE a IS NULL OR v.createdAt > a.createdAt OR (v.createdAt = a.createdAt AND v.id > a.id)
MATCH (d:SourceDocument {uid: v.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
RETURN v, d.system AS system, d.type AS type, d.externalId AS externalId
ORDER BY v.createdAt, v.id LIMIT $first`, map[string]any{"tenant": tenant, "after": after, "first": first})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.Review, 0, len(recs))
		for _, r := range recs {
			p := get[neo4j.Node](r, "v").Props
			rv := resolver.Review{
				ID: str(p["id"]), EventID: str(p["event"]), CreatedAt: timeOf(p["createdAt"]),
				Doc: ontology.DocKey{Tenant: tenant, System: get[string](r, "system"), Type: get[string](r, "type"), ExternalID: get[string](r, "externalId")},
			}
			rv.Score, _ = p["score"].(float64)
			if err := json.Unmarshal([]byte(str(p["evidence"])), &rv.Evidence); err != nil {
				return nil, fmt.Errorf("decoding evidence of review %s: %w", rv.ID, err)
			}
			out = append(out, rv)
		}
		return out, nil
	})
}

// CanonicalSKU returns the product that any spelling of a SKU names ("tea_ool_250g" finds
// TEA-OOL-250G); a spelling no product has yet is the name such a product would get.
func (s *Store) CanonicalSKU(ctx context.Context, tenant, sku string) (string, error) {
	canonical, _, err := s.SKUAlias(ctx, tenant, sku)
	return canonical, err
}

// SKUAlias is CanonicalSKU, and whether a product is known by that spelling at all. The
// product a known spelling names never changes (resolution only adds product keys), so
// a cache may keep known answers for good.
func (s *Store) SKUAlias(ctx context.Context, tenant, sku string) (string, bool, error) {
	type answer struct {
		sku   string
		known bool
	}
	a, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (answer, error) {
		recs, err := run(ctx, tx, "MATCH (al:Alias {uid: $uid, tenant: $tenant}) USING INDEX SEEK al:Alias(uid) RETURN al.target AS sku",
			map[string]any{"uid": tenant + "/product/" + resolver.CanonicalSKUKey(sku), "tenant": tenant})
		if err != nil {
			return answer{sku: sku}, err
		}
		if len(recs) == 0 {
			// Not known yet: the name a product first seen under this code gets.
			return answer{sku: resolver.CanonicalSKU(sku)}, nil
		}
		return answer{sku: get[string](recs[0], "sku"), known: true}, nil
	})
	return a.sku, a.known, err
}

// LocationCodes lists the store and warehouse codes a tenant's documents name, with a
// name or address they give and how many documents use each.
func (s *Store) LocationCodes(ctx context.Context, tenant string) ([]resolver.LocationCode, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.LocationCode, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {tenant: $t}) WHERE d.locCode IS NOT NULL
WITH d.locSystem AS system, d.locCode AS code, collect(d.locName)[0] AS name, count(*) AS n
RETURN system, code, name, n ORDER BY system, code LIMIT 10000`, map[string]any{"t": tenant})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.LocationCode, 0, len(recs))
		for _, r := range recs {
			out = append(out, resolver.LocationCode{System: get[string](r, "system"), Code: get[string](r, "code"),
				Name: get[string](r, "name"), Documents: get[int64](r, "n")})
		}
		return out, nil
	})
}
