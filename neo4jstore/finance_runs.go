package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/finance"
)

// runUID names a period's reconciliation record: one per tenant and period.
func runUID(tenant string, from, to time.Time) string {
	return tenant + "/" + from.UTC().Format(time.RFC3339Nano) + "/" + to.UTC().Format(time.RFC3339Nano)
}

// PreviousRun returns the watermark of the last recorded run of the same period: the
// newest arrival it had seen. ok is false before the first run.
func (s *Store) PreviousRun(ctx context.Context, tenant string, from, to time.Time) (time.Time, bool, error) {
	return readRun(ctx, s, runUID(tenant, from, to), tenant)
}

func readRun(ctx context.Context, s *Store, uid, tenant string) (time.Time, bool, error) {
	type out struct {
		at time.Time
		ok bool
	}
	o, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (out, error) {
		recs, err := run(ctx, tx, `MATCH (x:ReconciliationRun {uid: $uid}) USING INDEX SEEK x:ReconciliationRun(uid) WHERE x.tenant = $tenant RETURN x.watermark AS w`,
			map[string]any{"uid": uid, "tenant": tenant})
		if err != nil || len(recs) == 0 {
			return out{}, err
		}
		w, _ := recs[0].Get("w")
		return out{timeOf(w), true}, nil
	})
	return o.at, o.ok, err
}

// RecordRun remembers a run of a period: its watermark (what the next run lists new
// documents after), when it ran and what it found. The watermark never moves back: a
// run that saw less (documents moved to another period) keeps the newer one.
func (s *Store) RecordRun(ctx context.Context, sum finance.Summary) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MERGE (x:ReconciliationRun {uid: $uid})
  ON CREATE SET x.tenant = $tenant, x.from = $from, x.to = $to, x.runs = 0
WITH x WHERE x.tenant = $tenant
SET x.watermark = CASE WHEN x.watermark IS NULL OR x.watermark < $watermark THEN $watermark ELSE x.watermark END,
    x.at = $now, x.runs = x.runs + 1, x.events = $events, x.autoReconciled = $auto`,
			map[string]any{"uid": runUID(sum.Tenant, sum.From, sum.To), "tenant": sum.Tenant, "from": sum.From.UTC(), "to": sum.To.UTC(),
				"watermark": sum.Watermark.UTC(), "now": s.Now().UTC(), "events": sum.Events, "auto": sum.AutoReconciled})
	})
	return err
}
