package neo4jstore

import (
	"github.com/seamhub/seam/ontology"
)

// newMovementsCypher writes events' new movements, marked Unprojected: the projector
// applies them to live stock and only then clears the mark. The rows are the
// movements grouped by product and location (movementRows): a batch's thousands of
// movements name a few products at a few places, and merging those once per group
// rather than once per movement spares as many index seeks and node locks.
const newMovementsCypher = `UNWIND $rows AS g
MERGE (p:Product {uid: $tenant + '/' + g.sku}) ON CREATE SET p.tenant = $tenant, p.sku = g.sku
MERGE (l:Location {uid: $tenant + '/' + g.location}) ON CREATE SET l.tenant = $tenant, l.id = g.location
WITH g, p, l
UNWIND g.moves AS r
MATCH (e:BusinessEvent {id: r.event, tenant: $tenant}) USING INDEX SEEK e:BusinessEvent(id)
CREATE (m:Movement:Unprojected {id: r.id, tenant: $tenant, eventId: r.event, sku: g.sku, location: g.location,
        lot: r.lot, bucket: r.bucket, qty: r.qty, at: r.at, reason: r.reason})
CREATE (e)-[:MOVES]->(m), (m)-[:OF]->(p), (m)-[:AT]->(l)`

// movementRows groups movements by product and location, in the order each group first
// appears, for newMovementsCypher.
func movementRows(ms []ontology.Movement) []map[string]any {
	var rows []map[string]any
	at := map[[2]string]int{}
	for _, m := range ms {
		k := [2]string{m.SKU, m.Location}
		i, ok := at[k]
		if !ok {
			i = len(rows)
			at[k] = i
			rows = append(rows, map[string]any{"sku": m.SKU, "location": m.Location, "moves": []map[string]any{}})
		}
		rows[i]["moves"] = append(rows[i]["moves"].([]map[string]any), map[string]any{"id": m.ID, "event": m.EventID,
			"lot": m.Lot, "bucket": string(m.Bucket), "qty": int64(m.Qty), "at": m.At.UTC(), "reason": m.Reason})
	}
	return rows
}
