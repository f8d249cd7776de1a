package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/resolver"
	"github.com/seamhub/seam/resolver/productmatch"
)

// maxFacts bounds the titles and HS codes a product keeps: the first few dozen names a
// product goes by are what scoring needs; a product named a thousand ways by a
// marketplace's free-form titles must not grow without end.
const maxFacts = 24

// requeueUnresolvedCypher puts back in the queue the documents whose unresolved lines'
// declaration elements name a product key that just became known (a declaration read
// before the warehouse receipt that names its SKU): resolved again, they find it.
// Without rows it reads nothing: resolution's statement sends it with none in most
// transactions (writeSteps).
const requeueUnresolvedCypher = `UNWIND $rows AS r
WITH collect(r.code) AS codes WHERE size(codes) > 0
MATCH (u:UnresolvedProduct {tenant: $tenant, status: 'open'})
WHERE any(k IN coalesce(u.keys, []) WHERE k IN codes)
MATCH (d)-[:NAMES_UNRESOLVED]->(u) WHERE d.tenant = $tenant
SET d:Pending`

// productFactsCypher adds the titles and HS codes lines named a product by.
const productFactsCypher = `UNWIND $rows AS r
MERGE (p:Product {uid: $tenant + '/' + r.sku}) ON CREATE SET p.tenant = $tenant, p.sku = r.sku
SET p.titles = CASE WHEN r.title = '' OR r.title IN coalesce(p.titles, []) OR size(coalesce(p.titles, [])) >= $max
                    THEN p.titles ELSE coalesce(p.titles, []) + r.title END,
    p.hs = CASE WHEN r.hs = '' OR r.hs IN coalesce(p.hs, []) OR size(coalesce(p.hs, [])) >= $max
                THEN p.hs ELSE coalesce(p.hs, []) + r.hs END`

func productFactRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.ProductFacts))
	for _, f := range ch.ProductFacts {
		rows = append(rows, map[string]any{"sku": f.SKU, "title": f.Title, "hs": f.HS})
	}
	return rows
}

// unresolvedCypher keeps a described line no rule identified as an UnresolvedProduct of
// its system and description code, linked from every document that names it.
const unresolvedCypher = `UNWIND $rows AS r
MERGE (u:UnresolvedProduct {uid: $tenant + '/' + r.system + '/' + r.code})
  ON CREATE SET u.tenant = $tenant, u.system = r.system, u.code = r.code, u.createdAt = $now
SET u.title = r.title, u.hs = r.hs, u.model = r.model, u.reason = r.reason, u.candidates = r.candidates,
    u.keys = r.keys, u.status = 'open', u.updatedAt = $now
WITH u, r
MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
MERGE (d)-[:NAMES_UNRESOLVED]->(u)`

func unresolvedRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Unresolved))
	for _, u := range ch.Unresolved {
		rows = append(rows, map[string]any{"doc": u.DocUID, "system": u.System, "code": u.Code, "title": u.Title,
			"hs": u.HS, "model": u.Model, "reason": u.Reason, "candidates": u.Candidates, "keys": nonNil(u.Keys)})
	}
	return rows
}

func (t *resolutionTx) Catalogue(ctx context.Context, limit int) ([]productmatch.Product, error) {
	recs, err := run(ctx, t.tx, `
MATCH (p:Product {tenant: $tenant})
WHERE p.titles IS NOT NULL OR p.hs IS NOT NULL
RETURN p.sku AS sku, coalesce(p.titles, []) AS titles, coalesce(p.hs, []) AS hs
ORDER BY p.sku LIMIT $limit`, map[string]any{"tenant": t.tenant, "limit": limit})
	if err != nil {
		return nil, err
	}
	out := make([]productmatch.Product, 0, len(recs))
	for _, r := range recs {
		out = append(out, productmatch.Product{SKU: get[string](r, "sku"), Titles: strs(recGet(r, "titles")), HS: strs(recGet(r, "hs"))})
	}
	return out, nil
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// ProductSuggestions lists a tenant's open unresolved products, most documents first.
func (s *Store) ProductSuggestions(ctx context.Context, tenant string, first int) ([]resolver.ProductSuggestion, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.ProductSuggestion, error) {
		recs, err := run(ctx, tx, `
MATCH (u:UnresolvedProduct {tenant: $tenant, status: 'open'})
CALL (u) { MATCH (d:SourceDocument)-[:NAMES_UNRESOLVED]->(u) RETURN count(d) AS docs }
RETURN u, docs ORDER BY docs DESC, u.uid LIMIT $first`, map[string]any{"tenant": tenant, "first": first})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.ProductSuggestion, 0, len(recs))
		for _, r := range recs {
			p := get[neo4j.Node](r, "u").Props
			sg := resolver.ProductSuggestion{System: str(p["system"]), Code: str(p["code"]), Title: str(p["title"]), HS: str(p["hs"]),
				Model: str(p["model"]), Reason: str(p["reason"]), Documents: get[int64](r, "docs"), UpdatedAt: timeOf(p["updatedAt"])}
			if c := str(p["candidates"]); c != "" && c != "null" {
				if err := json.Unmarshal([]byte(c), &sg.Candidates); err != nil {
					return nil, fmt.Errorf("decoding candidates of %s: %w", str(p["uid"]), err)
				}
			}
			out = append(out, sg)
		}
		return out, nil
	})
}

// SetProductAlias declares that a system's code (an item id, or the description code of
// a line that names its product in words) is the product sku, closes the unresolved
// product of that code, and puts the documents that name it back in the resolution
// queue, so that their stock moves. It returns how many documents it queued.
func (s *Store) SetProductAlias(ctx context.Context, a resolver.ProductAlias) (int64, error) {
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
		recs, err := run(ctx, tx, `
UNWIND [$item, $desc] AS key
MERGE (al:Alias {uid: $tenant + '/product/' + key})
SET al.tenant = $tenant, al.kind = 'product', al.code = key, al.system = $system, al.target = $sku,
    al.at = $now, al.by = 'person'
MERGE (p:Product {uid: $tenant + '/' + $sku}) ON CREATE SET p.tenant = $tenant, p.sku = $sku
MERGE (al)-[:NAMES]->(p)
WITH DISTINCT p
OPTIONAL MATCH (u:UnresolvedProduct {uid: $tenant + '/' + $system + '/' + $code}) USING INDEX SEEK u:UnresolvedProduct(uid)
SET u.status = 'resolved', u.resolvedAs = $sku, u.resolvedAt = $now
WITH u
OPTIONAL MATCH (d)-[:NAMES_UNRESOLVED]->(u) WHERE d.tenant = $tenant
SET d:Pending
RETURN count(d) AS n`, map[string]any{"tenant": a.Tenant, "system": a.System, "code": a.Code, "sku": a.SKU,
			"item": "item:" + a.System + ":" + a.Code, "desc": "desc:" + a.System + ":" + a.Code, "now": s.Now().UTC()})
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return get[int64](recs[0], "n"), nil
	})
}

// locationPairsCypher counts, per code no alias names and the location it was seen with,
// the distinct business actions that joined them, keeping a few examples.
const locationPairsCypher = `UNWIND $rows AS r
MERGE (x:LocationLink {uid: $tenant + '/' + r.system + '/' + r.code + '/' + r.other})
  ON CREATE SET x.tenant = $tenant, x.system = r.system, x.code = r.code, x.other = r.other, x.pairs = [], x.examples = []
WITH x, r, r.pair IN x.pairs AS known
SET x.pairs = CASE WHEN known OR size(x.pairs) >= 200 THEN x.pairs ELSE x.pairs + r.pair END,
    x.examples = CASE WHEN known OR size(x.examples) >= 3 THEN x.examples ELSE x.examples + r.evidence END,
    x.lastAt = $now
SET x.links = size(x.pairs)`

func locationPairRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.LocationPairs))
	for _, p := range ch.LocationPairs {
		rows = append(rows, map[string]any{"system": p.System, "code": p.Code, "other": p.Other, "pair": p.Pair,
			"evidence": p.Evidence})
	}
	return rows
}

// LearnedLocations returns what a tenant's documents say of codes no alias names: each
// code with the location it was seen with and how many business actions joined them.
func (s *Store) LearnedLocations(ctx context.Context, tenant string) ([]resolver.LearnedLocation, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.LearnedLocation, error) {
		recs, err := run(ctx, tx, `
MATCH (x:LocationLink {tenant: $tenant})
RETURN x.system AS system, x.code AS code, x.other AS other, x.links AS links, x.examples AS examples, x.lastAt AS at
ORDER BY links DESC, system, code LIMIT 500`, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.LearnedLocation, 0, len(recs))
		for _, r := range recs {
			out = append(out, resolver.LearnedLocation{System: get[string](r, "system"), Code: get[string](r, "code"),
				Location: get[string](r, "other"), Links: get[int64](r, "links"), Examples: strs(recGet(r, "examples")),
				LastAt: timeOf(recGet(r, "at"))})
		}
		return out, nil
	})
}
