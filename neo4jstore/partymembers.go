package neo4jstore

import (
	"context"
	"fmt"

	"github.com/seamhub/seam/resolver"
)

// partyMembersCypher walks each listed party's cluster from its surviving party down
// the SAME_AS links, at most $per members a cluster: a party joined by many mentions of
// a shared line or mailbox must not make a batch's read grow with it.
const partyMembersCypher = `
UNWIND $ids AS id
MATCH (p:Party {uid: $tenant + '/' + id}) USING INDEX SEEK p:Party(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH p, collect(r)[0] AS r
WITH DISTINCT coalesce(r, p) AS root
CALL (root) {
  MATCH (m:Party)-[:SAME_AS*0..32]->(root)
  WITH DISTINCT m LIMIT $per
  RETURN m
}
RETURN m.id AS node, root.id AS root, m.kind AS kind, m.profile AS profile,
       CASE WHEN m.profile IS NULL THEN m {.nameKey, .email, .phone, .address, .country} END AS old,
       coalesce(root.taxId, m.taxId) AS tax,
       [(al:Alias)-[:NAMES]->(m) WHERE al.code STARTS WITH 'ext:' | al.code][..$per] AS accounts`

// PartyMembers returns the members of the clusters the listed parties belong to, each
// with its own first mention's profile and its surviving id, at most per a cluster, in
// one statement for the whole list; and, by member, the shop account keys (ext:) that
// name it: a member's profile is its first mention's, and the accounts that named it
// since (a Pinduoduo order founded it, the buyer's Douyin orders joined it by his
// phone) are its aliases only.
func (t *resolutionTx) PartyMembers(ctx context.Context, ids []string, per int) ([]resolver.PartyProfile, map[string][]string, error) {
	if len(ids) == 0 || per <= 0 {
		return nil, nil, nil
	}
	recs, err := run(ctx, t.tx, partyMembersCypher, map[string]any{"ids": ids, "tenant": t.tenant, "per": per})
	if err != nil {
		return nil, nil, fmt.Errorf("loading party cluster members: %w", err)
	}
	out := make([]resolver.PartyProfile, 0, len(recs))
	keys := map[string][]string{}
	seen := map[string]bool{}
	for _, r := range recs {
		if node := get[string](r, "node"); seen[node] {
			continue
		} else {
			seen[node] = true
		}
		pr, err := storedProfile(r)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, pr)
		for _, a := range get[[]any](r, "accounts") {
			if k, ok := a.(string); ok {
				keys[pr.ID] = append(keys[pr.ID], k)
			}
		}
	}
	return out, keys, nil
}
