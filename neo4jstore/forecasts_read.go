package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/ontology"
)

// Forecast returns the kept forecast of one product at one location, nil when there is
// none.
func (s *Store) Forecast(ctx context.Context, tenant, sku, location string) (*predict.Stored, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (*predict.Stored, error) {
		recs, err := run(ctx, tx, `MATCH (f:Forecast {uid: $uid}) USING INDEX SEEK f:Forecast(uid) WHERE f.tenant = $tenant RETURN f`,
			map[string]any{"uid": tenant + "/" + sku + "/" + location, "tenant": tenant})
		if err != nil {
			return nil, fmt.Errorf("reading forecast %s@%s: %w", sku, location, err)
		}
		if len(recs) == 0 {
			return nil, nil
		}
		return storedForecast(get[neo4j.Node](recs[0], "f").Props, true)
	})
}

// ForecastAccuracy returns every kept forecast of a tenant without its daily values:
// its model and backtest figures, sorted by SKU and location.
func (s *Store) ForecastAccuracy(ctx context.Context, tenant string) ([]*predict.Stored, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]*predict.Stored, error) {
		recs, err := run(ctx, tx, `
MATCH (f:Forecast {tenant: $tenant})
RETURN f {.sku, .location, .model, .version, .start, .accuracy, .runId, .createdAt,
          .mAbs, .mErr, .mActual, .mDays, .mScale, .bAbs, .bErr, .bActual, .bDays, .bScale} AS f
ORDER BY f.sku, f.location`, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, fmt.Errorf("reading forecast accuracy: %w", err)
		}
		out := make([]*predict.Stored, 0, len(recs))
		for _, r := range recs {
			raw, _ := r.Get("f")
			f, err := storedForecast(raw.(map[string]any), false)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
		return out, nil
	})
}

// ForecastRuns returns a tenant's latest forecast runs, newest first.
func (s *Store) ForecastRuns(ctx context.Context, tenant string, first int) ([]predict.RunSummary, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]predict.RunSummary, error) {
		recs, err := run(ctx, tx, `
MATCH (x:ForecastRun {tenant: $tenant}) RETURN x ORDER BY x.at DESC, x.id DESC LIMIT $first`,
			map[string]any{"tenant": tenant, "first": first})
		if err != nil {
			return nil, fmt.Errorf("reading forecast runs: %w", err)
		}
		out := make([]predict.RunSummary, 0, len(recs))
		for _, r := range recs {
			p := get[neo4j.Node](r, "x").Props
			rs := predict.RunSummary{ID: str(p["id"]), At: timeOf(p["at"]), Version: intOf(p["version"]),
				Series: intOf(p["series"]), Failed: intOf(p["failed"]), Proposals: intOf(p["proposals"]), Censored: intOf(p["censored"])}
			var totals struct{ Model, Baseline metricsJSON }
			if err := json.Unmarshal([]byte(str(p["totals"])), &totals); err == nil {
				rs.Model, rs.Baseline = totals.Model.metrics(), totals.Baseline.metrics()
			}
			out = append(out, rs)
		}
		return out, nil
	})
}

// metricsJSON reads forecast.Metrics as they are written: a metric without a value is
// null, which is NaN again here.
type metricsJSON struct {
	WAPE, MASE, Bias *float64
	Days             int
	Actual           float64
}

func (m metricsJSON) metrics() forecast.Metrics {
	nan := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	return forecast.Metrics{WAPE: nan(m.WAPE), MASE: nan(m.MASE), Bias: nan(m.Bias), Days: m.Days, Actual: m.Actual}
}

func storedForecast(p map[string]any, daily bool) (*predict.Stored, error) {
	f := &forecast.Forecast{Key: forecast.Key{SKU: str(p["sku"]), Location: str(p["location"])}, Model: str(p["model"]),
		Version: intOf(p["version"]), Start: timeOf(p["start"])}
	if acc := str(p["accuracy"]); acc != "" {
		var a struct {
			Origins, Horizon, Step int
		}
		if err := json.Unmarshal([]byte(acc), &a); err != nil {
			return nil, fmt.Errorf("decoding the accuracy of forecast %s: %w", f.Key, err)
		}
		f.Accuracy.Origins, f.Accuracy.Horizon, f.Accuracy.Step = a.Origins, a.Horizon, a.Step
	}
	f.Accuracy.Model = forecast.Score{AbsErr: floatOf(p["mAbs"]), Err: floatOf(p["mErr"]), Actual: floatOf(p["mActual"]),
		Days: intOf(p["mDays"]), Scale: floatOf(p["mScale"])}
	f.Accuracy.Baseline = forecast.Score{AbsErr: floatOf(p["bAbs"]), Err: floatOf(p["bErr"]), Actual: floatOf(p["bActual"]),
		Days: intOf(p["bDays"]), Scale: floatOf(p["bScale"])}
	if daily {
		if raw, ok := p["daily"].([]any); ok {
			for _, v := range raw {
				f.Daily = append(f.Daily, floatOf(v))
			}
		}
		if in := str(p["inputs"]); in != "" {
			if err := json.Unmarshal([]byte(in), &f.Inputs); err != nil {
				return nil, fmt.Errorf("decoding the inputs of forecast %s: %w", f.Key, err)
			}
		}
	}
	return &predict.Stored{Forecast: f, RunID: str(p["runId"]), CreatedAt: timeOf(p["createdAt"])}, nil
}

// OrderProposals returns a tenant's order proposals, those with one status or all open
// ones (proposed, held, approved) when status is empty, by order date.
func (s *Store) OrderProposals(ctx context.Context, tenant string, status predict.ProposalStatus, first int) ([]predict.Proposal, error) {
	statuses := []string{string(predict.ProposalProposed), string(predict.ProposalHeld), string(predict.ProposalApproved)}
	if status != "" {
		statuses = []string{string(status)}
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]predict.Proposal, error) {
		recs, err := run(ctx, tx, `
MATCH (x:OrderProposal {tenant: $tenant}) WHERE x.status IN $statuses
RETURN x ORDER BY x.orderDate, x.sku, x.location, x.id LIMIT $first`,
			map[string]any{"tenant": tenant, "statuses": statuses, "first": first})
		if err != nil {
			return nil, fmt.Errorf("reading order proposals: %w", err)
		}
		out := make([]predict.Proposal, 0, len(recs))
		for _, r := range recs {
			out = append(out, proposalOf(get[neo4j.Node](r, "x").Props))
		}
		return out, nil
	})
}

// ApproveProposal releases a proposal for execution, recording who did. Approving an
// approved proposal changes nothing; a superseded one cannot be approved.
func (s *Store) ApproveProposal(ctx context.Context, tenant, id, by string) (*predict.Proposal, error) {
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (*predict.Proposal, error) {
		recs, err := run(ctx, tx, `
MATCH (x:OrderProposal {id: $id}) USING INDEX SEEK x:OrderProposal(id) WHERE x.tenant = $tenant
WITH x, x.status AS was
SET x.status = CASE WHEN was IN ['proposed', 'held'] THEN 'approved' ELSE was END,
    x.approvedBy = CASE WHEN was IN ['proposed', 'held'] THEN $by ELSE x.approvedBy END,
    x.approvedAt = CASE WHEN was IN ['proposed', 'held'] THEN $now ELSE x.approvedAt END
RETURN x, was`, map[string]any{"id": id, "tenant": tenant, "by": by, "now": s.Now().UTC()})
		if err != nil {
			return nil, fmt.Errorf("approving proposal %s: %w", id, err)
		}
		if len(recs) == 0 {
			return nil, fmt.Errorf("%w: %s", predict.ErrProposalNotFound, id)
		}
		if get[string](recs[0], "was") == string(predict.ProposalSuperseded) {
			return nil, fmt.Errorf("%w: %s", predict.ErrProposalSuperseded, id)
		}
		p := proposalOf(get[neo4j.Node](recs[0], "x").Props)
		return &p, nil
	})
}

func proposalOf(p map[string]any) predict.Proposal {
	q := func(k string) ontology.Qty { v, _ := p[k].(int64); return ontology.Qty(v) }
	out := predict.Proposal{
		ID: str(p["id"]), Key: forecast.Key{SKU: str(p["sku"]), Location: str(p["location"])}, Qty: q("qty"),
		OrderDate: timeOf(p["orderDate"]), Arrival: timeOf(p["arrival"]),
		Stock:       predict.Stock{OnHand: q("onHand"), Reserved: q("reserved"), Incoming: q("incoming")},
		SafetyStock: q("safetyStock"), ReorderPoint: q("reorderPoint"), OrderUpTo: q("orderUpTo"),
		CoverDemand: q("coverDemand"), HistoricalMean: q("historicalMean"), AtArrival: q("atArrival"),
		CostFrom: str(p["costFrom"]), Status: predict.ProposalStatus(str(p["status"])), Reasons: strs(p["reasons"]),
		Model: str(p["model"]), Version: intOf(p["version"]), CreatedAt: timeOf(p["createdAt"]),
		ApprovedBy: str(p["approvedBy"]), ApprovedAt: timeOf(p["approvedAt"]),
	}
	if amount, err := decimal.NewFromString(str(p["capital"])); err == nil {
		out.Capital = &ontology.Money{Amount: amount, Currency: str(p["currency"])}
	}
	return out
}

func intOf(v any) int {
	n, _ := v.(int64)
	return int(n)
}

func floatOf(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}
