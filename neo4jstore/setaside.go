package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// setAsideCypher takes documents out of the resolution queue: the SetAside label replaces
// Pending, with the reason, so that the worker never picks them up again until a person
// retries them. Nothing else about the document changes.
const setAsideCypher = `UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.doc}) USING INDEX SEEK d:SourceDocument(uid)
WHERE d.tenant = $tenant
REMOVE d:Pending
SET d:SetAside, d.setAsideReason = r.reason, d.setAsideAt = $now,
    d.setAsideCount = coalesce(d.setAsideCount, 0) + 1`

func setAsideRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.SetAside))
	for _, s := range ch.SetAside {
		rows = append(rows, map[string]any{"doc": s.DocUID, "reason": s.Reason})
	}
	return rows
}

// SetAsideDocuments lists a tenant's documents set aside by resolution in uid order,
// after the document uid after (for paging). systems nil lists every system's; a list
// keeps only those systems' documents (a partner key's), and an empty one none, as
// QuarantineList does: a partner key without systems reads nothing.
func (s *Store) SetAsideDocuments(ctx context.Context, tenant, after string, first int, systems []string) ([]resolver.SetAsideDocument, error) {
	if first <= 0 || first > 1000 {
		first = 1000
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]resolver.SetAsideDocument, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SetAside {tenant: $tenant})
WHERE ($after = '' OR d.uid > $after) AND ($systems IS NULL OR d.system IN $systems)
RETURN d.uid AS uid, d.system AS system, d.type AS type, d.externalId AS externalId,
       d.setAsideReason AS reason, d.setAsideAt AS at, d.setAsideCount AS count, d.receivedAt AS receivedAt
ORDER BY d.uid LIMIT $first`, map[string]any{"tenant": tenant, "after": after, "first": first, "systems": systemsParam(systems)})
		if err != nil {
			return nil, err
		}
		out := make([]resolver.SetAsideDocument, 0, len(recs))
		for _, r := range recs {
			out = append(out, resolver.SetAsideDocument{
				UID: get[string](r, "uid"),
				Key: ontology.DocKey{Tenant: tenant, System: get[string](r, "system"), Type: get[string](r, "type"),
					ExternalID: get[string](r, "externalId")},
				Reason:     get[string](r, "reason"),
				At:         timeOf(recGet(r, "at")),
				ReceivedAt: timeOf(recGet(r, "receivedAt")),
				Attempts:   get[int64](r, "count"),
			})
		}
		return out, nil
	})
}

// RetrySetAside puts a tenant's set-aside documents back in the resolution queue: the
// listed ones, or all of them when uids is nil. It returns how many it queued.
func (s *Store) RetrySetAside(ctx context.Context, tenant string, uids []string) (int64, error) {
	n, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SetAside {tenant: $tenant})
WHERE $all OR d.uid IN $uids
REMOVE d:SetAside
SET d:Pending, d.retriedAt = $now
RETURN count(d) AS n`, map[string]any{"tenant": tenant, "all": uids == nil, "uids": nonNil(uids), "now": s.Now().UTC()})
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return get[int64](recs[0], "n"), nil
	})
	if err != nil {
		return 0, fmt.Errorf("retrying set-aside documents of %s: %w", tenant, err)
	}
	return n, nil
}

// Backlog is one tenant's resolution queue: documents waiting, the oldest one's arrival,
// and documents set aside.
type Backlog struct {
	Tenant        string
	Pending       int64
	OldestPending time.Time // zero when nothing is pending
	SetAside      int64
	// Unresolved counts goods lines' products no rule identified yet (open
	// productSuggestions).
	Unresolved int64
}

// Backlogs returns the resolution queue of every tenant that has one. It scans the
// Pending and SetAside labels, which hold only unfinished work.
func (s *Store) Backlogs(ctx context.Context) ([]Backlog, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]Backlog, error) {
		recs, err := run(ctx, tx, `
CALL () {
  MATCH (d:Pending) RETURN d.tenant AS tenant, count(d) AS pending, min(d.receivedAt) AS oldest, 0 AS setAside, 0 AS unresolved
  UNION ALL
  MATCH (d:SetAside) RETURN d.tenant AS tenant, 0 AS pending, null AS oldest, count(d) AS setAside, 0 AS unresolved
  UNION ALL
  MATCH (u:UnresolvedProduct) WHERE u.status = 'open'
  RETURN u.tenant AS tenant, 0 AS pending, null AS oldest, 0 AS setAside, count(u) AS unresolved
}
RETURN tenant, sum(pending) AS pending, min(oldest) AS oldest, sum(setAside) AS setAside, sum(unresolved) AS unresolved
ORDER BY tenant`, nil)
		if err != nil {
			return nil, err
		}
		out := make([]Backlog, 0, len(recs))
		for _, r := range recs {
			out = append(out, Backlog{Tenant: get[string](r, "tenant"), Pending: get[int64](r, "pending"),
				OldestPending: timeOf(recGet(r, "oldest")), SetAside: get[int64](r, "setAside"),
				Unresolved: get[int64](r, "unresolved")})
		}
		return out, nil
	})
}

func recGet(r *neo4j.Record, key string) any {
	v, _ := r.Get(key)
	return v
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
