package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/ontology"
)

var (
	_ predict.Ledger   = (*Store)(nil)
	_ predict.RunStore = (*Store)(nil)
)

// A forecast is kept as a Forecast node {uid: tenant/sku/location, tenant, sku, location,
// model, version, start, daily, weekStart, weekly, inputs, accuracy, the backtest's sums
// (m* for the chosen model, b* for the seasonal naive baseline), runId, createdAt},
// -[:FORECASTS]->(:Product). A refresh replaces a tenant's forecasts; each run leaves a
// ForecastRun {id, tenant, at, version, series, failed, totals} so that the effect of a
// model version change stays visible. Order proposals are OrderProposal nodes, by id.

// DemandFlows implements predict.Ledger: every event not merged into another, with its
// movements summed per product and location, dated when it happened.
func (s *Store) DemandFlows(ctx context.Context, tenant string, before time.Time) ([]predict.Flow, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]predict.Flow, error) {
		recs, err := run(ctx, tx, `
MATCH (e:BusinessEvent {tenant: $tenant})
WHERE e.occurredAt < $before AND coalesce(e.status, '') <> 'merged' AND NOT EXISTS { (e)-[:MERGED_INTO]->() }
MATCH (e)-[:MOVES]->(m:Movement)
WITH e, m.sku AS sku, m.location AS location,
     sum(CASE m.bucket WHEN 'onHand' THEN m.qty ELSE 0 END) AS onHand,
     sum(CASE m.bucket WHEN 'reserved' THEN m.qty ELSE 0 END) AS reserved
WHERE onHand <> 0 OR reserved <> 0
RETURN e.kind AS kind, e.occurredAt AS at, sku, location, onHand, reserved`,
			map[string]any{"tenant": tenant, "before": before.UTC()})
		if err != nil {
			return nil, fmt.Errorf("reading the flows of %s: %w", tenant, err)
		}
		out := make([]predict.Flow, 0, len(recs))
		for _, r := range recs {
			at, _ := r.Get("at")
			out = append(out, predict.Flow{
				Key: forecast.Key{SKU: get[string](r, "sku"), Location: get[string](r, "location")},
				At:  timeOf(at), Kind: ontology.EventKind(get[string](r, "kind")),
				OnHand: ontology.Qty(get[int64](r, "onHand")), Reserved: ontology.Qty(get[int64](r, "reserved")),
			})
		}
		return out, nil
	})
}

// PurchaseCosts implements predict.Ledger. A document line's SKU is the source's own
// code: it names the canonical product when it is that product's SKU, or when the line
// is the document's only one and its event moved only one product.
func (s *Store) PurchaseCosts(ctx context.Context, tenant string) (map[string]predict.Cost, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]predict.Cost, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {tenant: $tenant})-[l:EVIDENCES]->(e:BusinessEvent {tenant: $tenant})
WHERE e.kind = 'receipt' AND l.role IN ['receipt', 'purchase', 'declaration'] AND d.canonical CONTAINS '"unitPrice"'
OPTIONAL MATCH (e)-[:MOVES]->(m:Movement)
WITH d, e, collect(DISTINCT m.sku) AS skus
RETURN d.uid AS uid, d.canonical AS canonical, skus ORDER BY e.occurredAt, d.uid`, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, fmt.Errorf("reading purchase prices of %s: %w", tenant, err)
		}
		out := map[string]predict.Cost{}
		for _, r := range recs {
			var doc ontology.Document
			if err := json.Unmarshal([]byte(get[string](r, "canonical")), &doc); err != nil {
				continue // a damaged document is reported by resolution; it only has no price here
			}
			raw, _ := r.Get("skus")
			var skus []string
			for _, v := range raw.([]any) {
				skus = append(skus, str(v))
			}
			for _, l := range doc.Lines {
				if l.UnitPrice == nil || l.UnitPrice.Amount.Sign() < 0 {
					continue
				}
				sku := l.SKU
				if !slices.Contains(skus, sku) {
					if len(doc.Lines) != 1 || len(skus) != 1 {
						continue
					}
					sku = skus[0]
				}
				out[sku] = predict.Cost{Unit: *l.UnitPrice, Source: "purchase price on " + get[string](r, "uid")}
			}
		}
		return out, nil
	})
}

// SaveForecastRun implements predict.RunStore: the run's forecasts replace the tenant's,
// its proposals are merged by id (a proposal made again keeps its status, so an
// approval survives a refresh), and open proposals it did not make again are
// superseded.
func (s *Store) SaveForecastRun(ctx context.Context, tenant string, r *predict.Run) error {
	fcs := make([]map[string]any, 0, len(r.Forecasts))
	for _, f := range r.Forecasts {
		row, err := forecastRow(f)
		if err != nil {
			return err
		}
		fcs = append(fcs, row)
	}
	props := make([]map[string]any, 0, len(r.Proposals))
	ids := make([]string, 0, len(r.Proposals))
	for _, p := range r.Proposals {
		props = append(props, proposalRow(p))
		ids = append(ids, p.ID)
	}
	params := map[string]any{"tenant": tenant, "run": r.ID, "now": r.At.UTC()}
	for _, c := range chunks(len(fcs), 500) {
		_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
MERGE (f:Forecast {uid: $tenant + '/' + r.sku + '/' + r.location})
SET f += r, f.tenant = $tenant, f.runId = $run, f.createdAt = $now
MERGE (p:Product {uid: $tenant + '/' + r.sku}) ON CREATE SET p.tenant = $tenant, p.sku = r.sku
MERGE (f)-[:FORECASTS]->(p)`, with(params, "rows", fcs[c[0]:c[1]]))
		})
		if err != nil {
			return fmt.Errorf("storing forecasts: %w", err)
		}
	}
	for _, c := range chunks(len(props), 500) {
		_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
MERGE (x:OrderProposal {id: r.id})
  ON CREATE SET x += r, x.tenant = $tenant, x.createdAt = $now
WITH x, r WHERE x.tenant = $tenant
SET x.runId = $run, x.updatedAt = $now,
    x.status = CASE x.status WHEN 'superseded' THEN r.status ELSE x.status END
MERGE (p:Product {uid: $tenant + '/' + x.sku}) ON CREATE SET p.tenant = $tenant, p.sku = x.sku
MERGE (x)-[:ORDERS]->(p)`, with(params, "rows", props[c[0]:c[1]]))
		})
		if err != nil {
			return fmt.Errorf("storing order proposals: %w", err)
		}
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if err := exec(ctx, tx, `
MATCH (x:OrderProposal {tenant: $tenant}) WHERE x.status IN ['proposed', 'held'] AND NOT x.id IN $ids
SET x.status = 'superseded', x.updatedAt = $now`, with(params, "ids", ids)); err != nil {
			return struct{}{}, err
		}
		if err := exec(ctx, tx, `
MATCH (f:Forecast {tenant: $tenant}) WHERE f.runId <> $run DETACH DELETE f`, params); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, exec(ctx, tx, `
CREATE (x:ForecastRun {id: $run, tenant: $tenant, at: $now, version: $version, series: $series, failed: $failed,
        proposals: $proposals, censored: $censored, totals: $totals})`,
			with(params, "version", r.Version, "series", len(r.Forecasts), "failed", len(r.Failed),
				"proposals", len(r.Proposals), "censored", r.Censored, "totals", mustJSON(map[string]forecast.Metrics{
					"model": r.Model, "baseline": r.Baseline})))
	})
	if err != nil {
		return fmt.Errorf("recording forecast run %s: %w", r.ID, err)
	}
	return nil
}

// with returns a copy of params with more key/value pairs.
func with(params map[string]any, kv ...any) map[string]any {
	out := make(map[string]any, len(params)+len(kv)/2)
	for k, v := range params {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

func forecastRow(f *forecast.Forecast) (map[string]any, error) {
	inputs, err := json.Marshal(f.Inputs)
	if err != nil {
		return nil, fmt.Errorf("encoding the inputs of forecast %s: %w", f.Key, err)
	}
	acc, err := json.Marshal(f.Accuracy)
	if err != nil {
		return nil, fmt.Errorf("encoding the accuracy of forecast %s: %w", f.Key, err)
	}
	weeks := f.Weekly()
	starts, demand, days := make([]string, len(weeks)), make([]float64, len(weeks)), make([]int64, len(weeks))
	for i, w := range weeks {
		starts[i], demand[i], days[i] = w.Start.Format(time.DateOnly), w.Demand, int64(w.Days)
	}
	m, b := f.Accuracy.Model, f.Accuracy.Baseline
	return map[string]any{
		"sku": f.Key.SKU, "location": f.Key.Location, "model": f.Model, "version": f.Version, "start": f.Start.UTC(),
		"daily": nonNilFloats(f.Daily), "weekStart": starts, "weekly": demand, "weekDays": days,
		"inputs": string(inputs), "accuracy": string(acc),
		"mAbs": m.AbsErr, "mErr": m.Err, "mActual": m.Actual, "mDays": m.Days, "mScale": m.Scale,
		"bAbs": b.AbsErr, "bErr": b.Err, "bActual": b.Actual, "bDays": b.Days, "bScale": b.Scale,
	}, nil
}

func nonNilFloats(v []float64) []float64 {
	if v == nil {
		return []float64{}
	}
	return v
}

func proposalRow(p *predict.Proposal) map[string]any {
	row := map[string]any{
		"id": p.ID, "sku": p.Key.SKU, "location": p.Key.Location, "qty": int64(p.Qty),
		"orderDate": p.OrderDate.UTC(), "arrival": p.Arrival.UTC(), "status": string(p.Status), "reasons": nonNil(p.Reasons),
		"onHand": int64(p.Stock.OnHand), "reserved": int64(p.Stock.Reserved), "incoming": int64(p.Stock.Incoming),
		"safetyStock": int64(p.SafetyStock), "reorderPoint": int64(p.ReorderPoint), "orderUpTo": int64(p.OrderUpTo),
		"coverDemand": int64(p.CoverDemand), "historicalMean": int64(p.HistoricalMean), "atArrival": int64(p.AtArrival),
		"model": p.Model, "version": p.Version, "costFrom": p.CostFrom,
	}
	if p.Capital != nil {
		row["capital"], row["currency"] = p.Capital.Amount.String(), p.Capital.Currency
	}
	return row
}
