package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/resolver"
)

// PartyNetwork walks RELATED links from a party, breadth first, up to depth steps and at
// most limit parties. Links are read from every party merged into a surviving one (a
// RELATED edge stays on the party it was made for when that party is later merged), and
// each end is shown by its surviving id. The party itself not existing gives
// resolver.ErrNotFound.
func (s *Store) PartyNetwork(ctx context.Context, tenant, partyID string, depth, limit int) (resolver.PartyNetwork, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (resolver.PartyNetwork, error) {
		var net resolver.PartyNetwork
		recs, err := run(ctx, tx, `
MATCH (p:Party {uid: $tenant + '/' + $id}) USING INDEX SEEK p:Party(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
RETURN coalesce(r.id, p.id) AS root`, map[string]any{"tenant": tenant, "id": partyID})
		if err != nil {
			return net, fmt.Errorf("finding party %s: %w", partyID, err)
		}
		if len(recs) == 0 {
			return net, fmt.Errorf("party %s: %w", partyID, resolver.ErrNotFound)
		}
		net.Root = get[string](recs[0], "root")
		depthOf := map[string]int{net.Root: 0}
		order := []string{net.Root}
		seen := map[string]bool{}
		frontier := []string{net.Root}
		for step := 1; step <= depth && len(frontier) > 0 && !net.Truncated; step++ {
			recs, err := run(ctx, tx, `
UNWIND $roots AS rid
MATCH (r:Party {uid: $tenant + '/' + rid}) USING INDEX SEEK r:Party(uid)
OPTIONAL MATCH (m:Party)-[:SAME_AS*1..32]->(r)
WITH rid, r, collect(DISTINCT m) AS merged
WITH rid, [r] + merged AS members
UNWIND members AS x
MATCH (x)-[l:RELATED]-(o:Party)
OPTIONAL MATCH (o)-[:SAME_AS*1..32]->(ro:Party) WHERE NOT (ro)-[:SAME_AS]->()
RETURN rid, coalesce(ro.id, o.id) AS other, l.reason AS reason, coalesce(l.score, 0.0) AS score
ORDER BY rid, other, reason`, map[string]any{"tenant": tenant, "roots": frontier})
			if err != nil {
				return net, fmt.Errorf("walking the network of %s: %w", partyID, err)
			}
			var next []string
			for _, r := range recs {
				from, to := get[string](r, "rid"), get[string](r, "other")
				if from == to {
					continue // both ends merged into one party since the link was made
				}
				if _, ok := depthOf[to]; !ok {
					if len(order) >= limit {
						net.Truncated = true
						continue
					}
					depthOf[to] = step
					order = append(order, to)
					next = append(next, to)
				}
				reason := get[string](r, "reason")
				a, b := min(from, to), max(from, to)
				k := a + "\x00" + b + "\x00" + reason
				if seen[k] {
					continue
				}
				seen[k] = true
				net.Links = append(net.Links, resolver.NetworkLink{From: a, To: b, Reason: reason, Score: get[float64](r, "score")})
			}
			frontier = next
		}
		recs, err = run(ctx, tx, `
UNWIND $ids AS id
MATCH (p:Party {uid: $tenant + '/' + id}) USING INDEX SEEK p:Party(uid)
OPTIONAL MATCH (m:Party)-[:SAME_AS*1..32]->(p)
RETURN p.id AS id, p.name AS name, p.kind AS kind, p.taxId AS tax, count(DISTINCT m) AS merged`,
			map[string]any{"tenant": tenant, "ids": order})
		if err != nil {
			return net, fmt.Errorf("reading the parties of the network of %s: %w", partyID, err)
		}
		for _, r := range recs {
			id := get[string](r, "id")
			net.Parties = append(net.Parties, resolver.NetworkParty{ID: id, Name: get[string](r, "name"), Kind: get[string](r, "kind"),
				TaxID: get[string](r, "tax"), Depth: depthOf[id], Merged: int(get[int64](r, "merged"))})
		}
		slices.SortFunc(net.Parties, func(x, y resolver.NetworkParty) int {
			if x.Depth != y.Depth {
				return x.Depth - y.Depth
			}
			return strings.Compare(x.ID, y.ID)
		})
		slices.SortFunc(net.Links, func(x, y resolver.NetworkLink) int {
			return strings.Compare(x.From+"\x00"+x.To+"\x00"+x.Reason, y.From+"\x00"+y.To+"\x00"+y.Reason)
		})
		return net, nil
	})
}
