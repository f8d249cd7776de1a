package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// Quarantine keeps payloads that could not become valid documents, with their raw bytes
// and reasons. The same bytes from the same source are one item; a repeat raises its count,
// unless it is a replay of the item (Via "replay"): that is the item tried again, not the
// bytes arriving again.
func (s *Store) Quarantine(ctx context.Context, items []ontology.Quarantined) error {
	now := s.Now().UTC()
	for _, c := range chunks(len(items), batchSize) {
		rows := make([]map[string]any, 0, c[1]-c[0])
		for _, q := range items[c[0]:c[1]] {
			problems, err := json.Marshal(q.Problems)
			if err != nil {
				return fmt.Errorf("encoding quarantine reasons: %w", err)
			}
			received := q.ReceivedAt
			if received.IsZero() {
				received = now
			}
			rows = append(rows, map[string]any{
				"id": q.ID,
				"props": map[string]any{
					"tenant":     q.Tenant,
					"system":     q.System,
					"type":       q.Type,
					"externalId": q.ExternalID,
					"raw":        q.Raw,
					"format":     q.Format,
					"via":        q.Via,
					"topic":      q.Topic,
					"source":     q.Source,
					"problems":   string(problems),
					"receivedAt": received.UTC(),
				},
			})
		}
		_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
MERGE (t:Tenant {name: r.props.tenant})
MERGE (q:Quarantine {id: r.id})
  ON CREATE SET q += r.props, q.count = 1, q.status = 'open'
  ON MATCH SET q.count = q.count + CASE r.props.via WHEN 'replay' THEN 0 ELSE 1 END,
               q.lastSeenAt = CASE r.props.via WHEN 'replay' THEN q.lastSeenAt ELSE $now END,
               q.problems = r.props.problems,
               q.raw = coalesce(q.raw, r.props.raw),
               q.status = CASE q.status WHEN 'replayed' THEN 'replayed' ELSE 'open' END`,
				map[string]any{"rows": rows, "now": now})
		})
		if err != nil {
			return fmt.Errorf("quarantining %d payloads: %w", len(rows), err)
		}
	}
	return nil
}

// discardableCypher selects the open items a discard's filter names: one filter for the
// count an operator checks first and the discard that follows, so the two cannot differ.
const discardableCypher = `
MATCH (q:Quarantine {tenant: $tenant, status: 'open'})
WHERE ($system = '' OR q.system = $system) AND ($type = '' OR q.type = $type)
  AND ($ids IS NULL OR q.id IN $ids) AND ($before IS NULL OR q.receivedAt < $before)`

// discardParams are discardableCypher's parameters.
func discardParams(f ontology.QuarantineFilter, ids []string, before time.Time) map[string]any {
	var beforeParam any
	if !before.IsZero() {
		beforeParam = before.UTC()
	}
	return map[string]any{"tenant": f.Tenant, "system": f.System, "type": f.Type, "ids": systemsParam(ids), "before": beforeParam}
}

// CountDiscardable counts the open items DiscardQuarantined would discard with the same
// arguments, without reading their bytes.
func (s *Store) CountDiscardable(ctx context.Context, f ontology.QuarantineFilter, ids []string, before time.Time) (int, error) {
	n, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		recs, err := run(ctx, tx, discardableCypher+"\nRETURN count(q) AS n", discardParams(f, ids, before))
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return int(get[int64](recs[0], "n")), nil
	})
	if err != nil {
		return 0, fmt.Errorf("counting quarantined items of %s: %w", f.Tenant, err)
	}
	return n, nil
}

// DiscardQuarantined marks the open items the filter selects (its tenant, system and
// type; ids when not empty; received before before when not zero) discarded by by, and
// drops their bytes, which is what a flood of junk costs. The item stays, with its
// source, reasons, count and size, so the decision is on record; the same bytes sent
// again open it again with them. It works through the items a thousand a transaction
// and returns how many it discarded.
func (s *Store) DiscardQuarantined(ctx context.Context, f ontology.QuarantineFilter, ids []string, before time.Time, by string) (int, error) {
	params := discardParams(f, ids, before)
	params["by"] = by
	total := 0
	for {
		params["now"] = s.Now().UTC()
		n, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
			recs, err := run(ctx, tx, discardableCypher+`
WITH q LIMIT 1000
SET q.status = 'discarded', q.discardedAt = $now, q.discardedBy = $by, q.rawBytes = size(q.raw), q.raw = null
RETURN count(q) AS n`, params)
			if err != nil || len(recs) == 0 {
				return 0, err
			}
			return int(get[int64](recs[0], "n")), nil
		})
		if err != nil {
			return total, fmt.Errorf("discarding quarantined items of %s: %w", f.Tenant, err)
		}
		total += n
		if n < 1000 {
			return total, nil
		}
	}
}

// QuarantineList returns quarantined items in arrival order, a page at a time.
func (s *Store) QuarantineList(ctx context.Context, f ontology.QuarantineFilter) ([]ontology.Quarantined, error) {
	if f.First <= 0 || f.First > 1000 {
		f.First = 100
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]ontology.Quarantined, error) {
		recs, err := run(ctx, tx, `
OPTIONAL MATCH (a:Quarantine {id: $after, tenant: $tenant}) USING INDEX SEEK a:Quarantine(id)
WITH a
MATCH (q:Quarantine {tenant: $tenant})
WHERE ($system = '' OR q.system = $system) AND ($systems IS NULL OR q.system IN $systems)
  AND ($type = '' OR q.type = $type)
  AND ($status = '' OR q.status = $status)
  AND (a IS NULL OR q.receivedAt > a.receivedAt OR (q.receivedAt = a.receivedAt AND q.id > a.id))
RETURN q ORDER BY q.receivedAt, q.id LIMIT $first`, map[string]any{
			"tenant": f.Tenant, "system": f.System, "systems": systemsParam(f.Systems), "type": f.Type, "status": f.Status,
			"after": f.After, "first": f.First,
		})
		if err != nil {
			return nil, err
		}
		out := make([]ontology.Quarantined, 0, len(recs))
		for _, rec := range recs {
			p := get[neo4j.Node](rec, "q").Props
			q := ontology.Quarantined{
				ID: str(p["id"]), Tenant: str(p["tenant"]), System: str(p["system"]), Type: str(p["type"]),
				ExternalID: str(p["externalId"]), Format: str(p["format"]), Via: str(p["via"]), Topic: str(p["topic"]), Source: str(p["source"]),
				ReceivedAt: timeOf(p["receivedAt"]), Status: str(p["status"]), ReplayedAs: str(p["replayedAs"]),
			}
			q.Raw, _ = p["raw"].([]byte)
			q.Count, _ = p["count"].(int64)
			if err := json.Unmarshal([]byte(str(p["problems"])), &q.Problems); err != nil {
				return nil, fmt.Errorf("decoding reasons of %s: %w", q.ID, err)
			}
			out = append(out, q)
		}
		return out, nil
	})
}

// MarkReplayed records that a quarantined item became the document with that uid.
func (s *Store) MarkReplayed(ctx context.Context, tenant, id, docUID string) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MATCH (q:Quarantine {id: $id, tenant: $tenant}) USING INDEX SEEK q:Quarantine(id)
SET q.status = 'replayed', q.replayedAs = $uid, q.replayedAt = $now`,
			map[string]any{"id": id, "tenant": tenant, "uid": docUID, "now": s.Now().UTC()})
	})
	if err != nil {
		return fmt.Errorf("marking %s replayed: %w", id, err)
	}
	return nil
}

// UpdateQuarantineReasons replaces the reasons of an item whose replay failed again.
func (s *Store) UpdateQuarantineReasons(ctx context.Context, tenant, id string, problems []ontology.Problem) error {
	b, err := json.Marshal(problems)
	if err != nil {
		return fmt.Errorf("encoding reasons: %w", err)
	}
	_, err = write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MATCH (q:Quarantine {id: $id, tenant: $tenant}) USING INDEX SEEK q:Quarantine(id) SET q.problems = $problems, q.lastReplayAt = $now`,
			map[string]any{"id": id, "tenant": tenant, "problems": string(b), "now": s.Now().UTC()})
	})
	if err != nil {
		return fmt.Errorf("updating reasons of %s: %w", id, err)
	}
	return nil
}

// systemsParam passes a nil list as null (no limit) and any other list as a list.
func systemsParam(systems []string) any {
	if systems == nil {
		return nil
	}
	return systems
}
