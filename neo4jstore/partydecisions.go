package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/resolver"
)

// maxApartPairs bounds the rejections one batch loads. People decide these one at a
// time, so a tenant with more has a runaway script, not a review team; past the bound
// the newest are kept, and the log says so.
const maxApartPairs = 10000

// PartyCluster returns the listed parties that exist, each with its surviving id and
// tax id, and every SAME_AS link in their clusters.
func (t *resolutionTx) PartyCluster(ctx context.Context, ids []string) (map[string]resolver.PartyInfo, []resolver.PartyLink, error) {
	info := map[string]resolver.PartyInfo{}
	recs, err := run(ctx, t.tx, `
UNWIND $ids AS id
MATCH (p:Party {uid: $tenant + '/' + id}) USING INDEX SEEK p:Party(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH p, coalesce(r, p) AS root
OPTIONAL MATCH (m:Party)-[:SAME_AS*1..32]->(root)
OPTIONAL MATCH (m)-[l:SAME_AS]->(n:Party)
RETURN p.id AS id, root.id AS root, p.taxId AS tax, root.taxId AS rootTax,
       [x IN collect({from: m.id, to: n.id, reason: l.reason, score: coalesce(l.score, 0.0)}) WHERE x.from IS NOT NULL] AS links`,
		map[string]any{"ids": ids, "tenant": t.tenant})
	if err != nil {
		return nil, nil, fmt.Errorf("loading party clusters: %w", err)
	}
	seen := map[[2]string]bool{}
	var links []resolver.PartyLink
	for _, r := range recs {
		id, root := get[string](r, "id"), get[string](r, "root")
		info[id] = resolver.PartyInfo{Root: root, TaxID: get[string](r, "tax")}
		if root != id {
			info[root] = resolver.PartyInfo{Root: root, TaxID: get[string](r, "rootTax")}
		}
		v, _ := r.Get("links")
		list, _ := v.([]any)
		for _, x := range list {
			m, _ := x.(map[string]any)
			from, _ := m["from"].(string)
			to, _ := m["to"].(string)
			if from == "" || to == "" || seen[[2]string{from, to}] {
				continue
			}
			seen[[2]string{from, to}] = true
			reason, _ := m["reason"].(string)
			score, _ := m["score"].(float64)
			links = append(links, resolver.PartyLink{From: from, To: to, Kind: "same_as", Reason: reason, Score: score})
		}
	}
	return info, links, nil
}

// PartyApart returns the pairs of parties people said are different, newest first, with
// each end's surviving id and tax id.
func (t *resolutionTx) PartyApart(ctx context.Context) ([][2]string, map[string]resolver.PartyInfo, error) {
	if t.lock.noneHeld(t.lock.apart) {
		return nil, map[string]resolver.PartyInfo{}, nil
	}
	recs, err := run(ctx, t.tx, `
MATCH (d:PartyDecision {tenant: $tenant, verdict: 'apart'})
WITH d ORDER BY d.at DESC LIMIT $max
OPTIONAL MATCH (a:Party {uid: $tenant + '/' + d.a}) USING INDEX SEEK a:Party(uid)
OPTIONAL MATCH (a)-[:SAME_AS*1..32]->(ra:Party) WHERE NOT (ra)-[:SAME_AS]->()
OPTIONAL MATCH (b:Party {uid: $tenant + '/' + d.b}) USING INDEX SEEK b:Party(uid)
OPTIONAL MATCH (b)-[:SAME_AS*1..32]->(rb:Party) WHERE NOT (rb)-[:SAME_AS]->()
RETURN d.a AS a, d.b AS b, coalesce(ra.id, d.a) AS ra, coalesce(rb.id, d.b) AS rb,
       a.taxId AS ta, b.taxId AS tb, coalesce(ra.taxId, a.taxId) AS tra, coalesce(rb.taxId, b.taxId) AS trb`,
		map[string]any{"tenant": t.tenant, "max": maxApartPairs + 1})
	if err != nil {
		return nil, nil, fmt.Errorf("loading rejected party pairs: %w", err)
	}
	if len(recs) > maxApartPairs {
		t.log.Warn("more rejected party pairs than one batch loads; the oldest are not enforced",
			"tenant", t.tenant, "limit", maxApartPairs)
		recs = recs[:maxApartPairs]
	}
	pairs := make([][2]string, 0, len(recs))
	info := map[string]resolver.PartyInfo{}
	for _, r := range recs {
		a, b := get[string](r, "a"), get[string](r, "b")
		pairs = append(pairs, [2]string{a, b})
		for _, end := range []struct{ id, root, tax, rootTax string }{
			{a, get[string](r, "ra"), get[string](r, "ta"), get[string](r, "tra")},
			{b, get[string](r, "rb"), get[string](r, "tb"), get[string](r, "trb")},
		} {
			info[end.id] = resolver.PartyInfo{Root: end.root, TaxID: end.tax}
			if end.root != end.id {
				info[end.root] = resolver.PartyInfo{Root: end.root, TaxID: end.rootTax}
			}
		}
	}
	return pairs, info, nil
}

// partyDecisionCypher stores a person's verdict on a pair, one node per unordered pair,
// so that a later verdict on the same pair replaces the earlier one.
const partyDecisionCypher = `UNWIND $rows AS r
MERGE (d:PartyDecision {uid: r.uid})
SET d.tenant = $tenant, d.a = r.a, d.b = r.b, d.verdict = r.verdict, d.by = r.by, d.at = $now`

func partyDecisionRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.PartyDecisions))
	for _, d := range ch.PartyDecisions {
		rows = append(rows, map[string]any{"uid": ch.Tenant + "/" + min(d.A, d.B) + "/" + max(d.A, d.B),
			"a": d.A, "b": d.B, "verdict": d.Verdict, "by": d.By})
	}
	return rows
}

// partyCutCypher removes the SAME_AS links a rejection cuts.
const partyCutCypher = `UNWIND $rows AS r
MATCH (a:Party {uid: $tenant + '/' + r.from})-[l:SAME_AS]->(b:Party {uid: $tenant + '/' + r.to}) USING INDEX SEEK a:Party(uid) USING INDEX SEEK b:Party(uid)
DELETE l`

func partyCutRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.PartyCuts))
	for _, l := range ch.PartyCuts {
		rows = append(rows, map[string]any{"from": l.From, "to": l.To})
	}
	return rows
}

// PartyDecisions lists a tenant's decisions on parties, newest first.
func (s *Store) PartyDecisions(ctx context.Context, tenant string, first int) ([]resolver.PartyDecision, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.PartyDecision, error) {
		recs, err := run(ctx, tx, `MATCH (d:PartyDecision {tenant: $tenant})
RETURN d.a AS a, d.b AS b, d.verdict AS verdict, d.by AS by ORDER BY d.at DESC, d.uid LIMIT $first`,
			map[string]any{"tenant": tenant, "first": first})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.PartyDecision, 0, len(recs))
		for _, r := range recs {
			out = append(out, resolver.PartyDecision{A: get[string](r, "a"), B: get[string](r, "b"),
				Verdict: get[string](r, "verdict"), By: get[string](r, "by")})
		}
		return out, nil
	})
}
