package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// EventDetail returns an event with its sources, evidence and movements. An id that was
// merged away resolves to the surviving event. It returns nil when the tenant has no such
// event (another tenant's event is no event of this one).
func (s *Store) EventDetail(ctx context.Context, tenant, id string) (*resolver.EventDetail, error) {
	m, err := s.EventDetails(ctx, tenant, []string{id})
	if err != nil {
		return nil, err
	}
	return m[id], nil
}

// EventDetails is EventDetail for many ids in one query, for loading a whole level of a
// GraphQL answer at once. The map is keyed by the id asked for; ids of no event of the
// tenant are absent. Ids that lead to one surviving event share one detail.
func (s *Store) EventDetails(ctx context.Context, tenant string, ids []string) (map[string]*resolver.EventDetail, error) {
	out := map[string]*resolver.EventDetail{}
	if len(ids) == 0 {
		return out, nil
	}
	_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := run(ctx, tx, `
UNWIND $ids AS askedId
MATCH (asked:BusinessEvent {id: askedId, tenant: $tenant}) USING INDEX SEEK asked:BusinessEvent(id)
OPTIONAL MATCH (asked)-[:MERGED_INTO*1..32]->(survivor)
  WHERE survivor.tenant = $tenant AND NOT (survivor)-[:MERGED_INTO]->()
WITH coalesce(survivor, asked) AS e, collect(askedId) AS asked
CALL (e) {
  OPTIONAL MATCH (d)-[r:EVIDENCES]->(e) WHERE d.tenant = $tenant
  RETURN collect(CASE WHEN d IS NULL THEN NULL ELSE {system: d.system, type: d.type, externalId: d.externalId,
    role: r.role, decidedBy: r.decidedBy, score: r.score, evidence: r.evidence} END) AS sources
}
CALL (e) {
  OPTIONAL MATCH (e)-[:MOVES]->(m) WHERE m.tenant = $tenant
  WITH m ORDER BY m.at, m.id
  RETURN collect(m) AS moves
}
CALL (e) {
  OPTIONAL MATCH (old:BusinessEvent {tenant: $tenant})-[:MERGED_INTO*1..32]->(e)
  RETURN collect(DISTINCT old.id) AS mergedFrom
}
CALL (e) {
  OPTIONAL MATCH (c:Count {tenant: $tenant})-[:COUNTS]->(e)
  RETURN collect(c) AS counts
}
RETURN asked, e, sources, moves, mergedFrom, counts`, map[string]any{"ids": ids, "tenant": tenant})
		if err != nil {
			return struct{}{}, err
		}
		for _, rec := range recs {
			d, err := eventDetailOf(tenant, rec)
			if err != nil {
				return struct{}{}, err
			}
			asked, _ := rec.Get("asked")
			for _, id := range asked.([]any) {
				out[id.(string)] = d
			}
		}
		return struct{}{}, nil
	})
	return out, err
}

// eventDetailOf reads one record of EventDetails.
func eventDetailOf(tenant string, rec *neo4j.Record) (*resolver.EventDetail, error) {
	p := get[neo4j.Node](rec, "e").Props
	d := &resolver.EventDetail{Event: ontology.BusinessEvent{
		Tenant: tenant, ID: str(p["id"]), Kind: ontology.EventKind(str(p["kind"])),
		OccurredAt: timeOf(p["occurredAt"]), Status: ontology.Verb(str(p["status"])), Location: str(p["location"]),
	}}
	if disc := str(p["discrepancies"]); disc != "" && disc != "null" {
		if err := json.Unmarshal([]byte(disc), &d.Discrepancies); err != nil {
			return nil, fmt.Errorf("decoding discrepancies of %s: %w", d.Event.ID, err)
		}
	}
	if picks := str(p["lotPicks"]); picks != "" && picks != "null" {
		if err := json.Unmarshal([]byte(picks), &d.LotPicks); err != nil {
			return nil, fmt.Errorf("decoding lot picks of %s: %w", d.Event.ID, err)
		}
	}
	sources, _ := rec.Get("sources")
	for _, raw := range sources.([]any) {
		m := raw.(map[string]any)
		src := resolver.Source{
			Role: ontology.Role(str(m["role"])), DecidedBy: str(m["decidedBy"]),
			Key: ontology.DocKey{Tenant: tenant, System: str(m["system"]), Type: str(m["type"]), ExternalID: str(m["externalId"])},
		}
		src.Score, _ = m["score"].(float64)
		if ev := str(m["evidence"]); ev != "" {
			if err := json.Unmarshal([]byte(ev), &src.Evidence); err != nil {
				return nil, fmt.Errorf("decoding evidence of %s: %w", src.Key, err)
			}
		}
		d.Sources = append(d.Sources, src)
	}
	moves, _ := rec.Get("moves")
	for _, raw := range moves.([]any) {
		d.Movements = append(d.Movements, movementOf(raw.(neo4j.Node).Props))
	}
	counts, _ := rec.Get("counts")
	for _, raw := range counts.([]any) {
		c := countOf(tenant, raw.(neo4j.Node).Props)
		d.Count = &c
	}
	merged, _ := rec.Get("mergedFrom")
	for _, raw := range merged.([]any) {
		d.MergedFrom = append(d.MergedFrom, raw.(string))
	}
	return d, nil
}
