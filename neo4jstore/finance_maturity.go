package neo4jstore

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/finance"
)

var _ finance.MaturityStore = (*Store)(nil)

// periodEvents opens the maturity queries: the tenant's live events of a period,
// through the (tenant, occurredAt) index.
const periodEvents = `
MATCH (e:BusinessEvent {tenant: $tenant})
WHERE e.occurredAt >= $from AND e.occurredAt < $to AND e.status <> 'merged'`

func periodParams(tenant string, from, to time.Time) map[string]any {
	return map[string]any{"tenant": tenant, "from": from.UTC(), "to": to.UTC()}
}

// CountedEvents implements finance.MaturityStore: the period's receipts (and counts)
// that put goods on hand, with how many products, the differences resolution recorded
// and their receipts' statuses.
func (s *Store) CountedEvents(ctx context.Context, tenant string, from, to time.Time) ([]finance.CountedEvent, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]finance.CountedEvent, error) {
		recs, err := run(ctx, tx, periodEvents+` AND e.kind IN ['receipt', 'adjustment']
CALL (e) {
  MATCH (e)-[:MOVES]->(m:Movement {bucket: 'onHand'}) WHERE m.qty > 0 OR e.kind = 'adjustment'
  RETURN count(DISTINCT m.sku) AS skus
}
WITH e, skus WHERE skus > 0
CALL (e) {
  MATCH (d:SourceDocument {role: 'receipt'})-[:EVIDENCES]->(e)
  RETURN collect(d.system + ':' + coalesce(d.status, '')) AS statuses
}
RETURN e.id AS id, skus, e.discrepancies AS discrepancies, statuses`, periodParams(tenant, from, to))
		if err != nil {
			return nil, err
		}
		out := make([]finance.CountedEvent, 0, len(recs))
		for _, r := range recs {
			ev := finance.Event{ID: get[string](r, "id")}
			if err := decodeDiscrepancies(get[string](r, "discrepancies"), &ev); err != nil {
				return nil, err
			}
			c := finance.CountedEvent{ID: ev.ID, Products: int(get[int64](r, "skus")), Discrepancies: ev.Discrepancies}
			raw, _ := r.Get("statuses")
			for _, x := range raw.([]any) {
				c.Statuses = append(c.Statuses, x.(string))
			}
			out = append(out, c)
		}
		return out, nil
	})
}

// DecisionCounts implements finance.MaturityStore: who placed each document of the
// period's events in its event.
func (s *Store) DecisionCounts(ctx context.Context, tenant string, from, to time.Time) (finance.DecisionCounts, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (finance.DecisionCounts, error) {
		recs, err := run(ctx, tx, periodEvents+`
MATCH (d:SourceDocument)-[r:EVIDENCES]->(e)
WITH d, coalesce(r.decidedBy, '') AS by
RETURN CASE
  WHEN NOT by STARTS WITH 'person:' THEN 'rule'
  WHEN EXISTS { MATCH (v:Review {tenant: $tenant, status: 'confirmed'}) WHERE v.doc = d.uid } THEN 'suggestion'
  ELSE 'person' END AS who, count(*) AS n`, periodParams(tenant, from, to))
		if err != nil {
			return finance.DecisionCounts{}, err
		}
		var out finance.DecisionCounts
		for _, r := range recs {
			n := int(get[int64](r, "n"))
			switch get[string](r, "who") {
			case "rule":
				out.ByRule += n
			case "suggestion":
				out.BySuggestion += n
			default:
				out.ByPerson += n
			}
		}
		return out, nil
	})
}

// Anomalies implements finance.MaturityStore: the goods differences of the period,
// each revealed by the latest receipt (or count) of its event, recorded when resolution
// linked that document to the event (the link's time).
func (s *Store) Anomalies(ctx context.Context, tenant string, from, to time.Time) ([]finance.Anomaly, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]finance.Anomaly, error) {
		recs, err := run(ctx, tx, periodEvents+` AND e.discrepancies STARTS WITH '[{'
MATCH (d:SourceDocument)-[l:EVIDENCES]->(e) WHERE d.role = 'receipt' OR e.kind = 'adjustment'
WITH e, d, l ORDER BY d.receivedAt DESC
WITH e, collect([d, l])[0] AS last
WITH e, last[0] AS d, last[1] AS l
RETURN e.id AS id, d.system AS system, d.type AS type, d.externalId AS externalId, coalesce(d.status, '') AS status,
       d.occurredAt AS occurred, d.receivedAt AS arrived, coalesce(l.at, d.receivedAt) AS recorded`, periodParams(tenant, from, to))
		if err != nil {
			return nil, err
		}
		out := make([]finance.Anomaly, 0, len(recs))
		for _, r := range recs {
			a := finance.Anomaly{
				What: "goods difference in " + get[string](r, "id") + " revealed by " +
					strings.Join([]string{get[string](r, "system"), get[string](r, "type"), get[string](r, "externalId")}, "/"),
				Status: get[string](r, "system") + ":" + get[string](r, "status"),
			}
			for k, dst := range map[string]*time.Time{"occurred": &a.Occurred, "arrived": &a.Arrived, "recorded": &a.Recorded} {
				v, _ := r.Get(k)
				*dst = timeOf(v)
			}
			out = append(out, a)
		}
		return out, nil
	})
}

// ConnectedSystems implements finance.MaturityStore.
func (s *Store) ConnectedSystems(ctx context.Context, tenant string, from, to time.Time) ([]finance.SystemLinks, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]finance.SystemLinks, error) {
		recs, err := run(ctx, tx, periodEvents+`
CALL (e) {
  MATCH (d:SourceDocument)-[:EVIDENCES]->(e)
  RETURN collect(DISTINCT d.system) AS systems
}
UNWIND systems AS system
RETURN system, sum(CASE WHEN size(systems) > 1 THEN 1 ELSE 0 END) AS shared
ORDER BY system`, periodParams(tenant, from, to))
		if err != nil {
			return nil, err
		}
		out := make([]finance.SystemLinks, 0, len(recs))
		for _, r := range recs {
			out = append(out, finance.SystemLinks{System: get[string](r, "system"), Events: int(get[int64](r, "shared"))})
		}
		return out, nil
	})
}
