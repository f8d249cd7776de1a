package graph

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/ontology"
)

// forecastModel converts a kept forecast to its GraphQL shape.
func forecastModel(s *predict.Stored) *model.Forecast {
	f := s.Forecast
	out := &model.Forecast{Sku: f.Key.SKU, Location: f.Key.Location, Model: f.Model, Version: f.Version,
		Daily: make([]*model.ForecastPoint, 0, len(f.Daily)), Accuracy: seriesAccuracy(f), CreatedAt: s.CreatedAt}
	for i, v := range f.Daily {
		out.Daily = append(out.Daily, &model.ForecastPoint{Date: f.Start.AddDate(0, 0, i), Demand: v})
	}
	for _, w := range f.Weekly() {
		out.Weekly = append(out.Weekly, &model.ForecastWeek{Start: w.Start, Days: w.Days, Demand: w.Demand})
	}
	in := f.Inputs
	out.Inputs = &model.ForecastInputs{HistoryFrom: in.HistoryFrom, HistoryTo: in.HistoryTo, ObservedDays: in.Observed,
		CensoredDays: in.CensoredExcluded, PromoDays: in.PromoDays, DemandClass: in.Class, Yearly: in.Yearly,
		Effects: []*model.ForecastEffect{}, Params: []*model.Figure{}}
	for _, e := range in.Effects {
		out.Inputs.Effects = append(out.Inputs.Effects, &model.ForecastEffect{Name: e.Name, Coefficient: e.Coef,
			WapeWith: num(e.WAPEWith), WapeWithout: num(e.WAPEWithout), Used: e.Used, ForecastDays: e.ForecastDays})
		if !e.KnownTo.IsZero() {
			k := e.KnownTo
			out.Inputs.Effects[len(out.Inputs.Effects)-1].KnownTo = &k
		}
	}
	names := make([]string, 0, len(in.Params))
	for k := range in.Params {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		out.Inputs.Params = append(out.Inputs.Params, &model.Figure{Name: k, Value: formatFloat(in.Params[k])})
	}
	return out
}

func seriesAccuracy(f *forecast.Forecast) *model.SeriesAccuracy {
	m, b := f.Accuracy.Model.Metrics(), f.Accuracy.Baseline.Metrics()
	return &model.SeriesAccuracy{Sku: f.Key.SKU, Location: f.Key.Location, Model: f.Model, Version: f.Version,
		Origins: f.Accuracy.Origins, Horizon: f.Accuracy.Horizon, Chosen: metricsModel(m), Baseline: metricsModel(b),
		BeatsBaseline: f.Accuracy.Origins > 0 && m.WAPE < b.WAPE}
}

func metricsModel(m forecast.Metrics) *model.ForecastMetrics {
	return &model.ForecastMetrics{Wape: num(m.WAPE), Mase: num(m.MASE), Bias: num(m.Bias), Days: m.Days, Actual: m.Actual}
}

// num is v, or null where JSON has no number for it (NaN, infinity).
func num(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

func proposalModel(p predict.Proposal) *model.OrderProposal {
	d := func(q ontology.Qty) model.Decimal { return model.Decimal(q) }
	out := &model.OrderProposal{ID: p.ID, Sku: p.Key.SKU, Location: p.Key.Location, Qty: d(p.Qty),
		OrderDate: p.OrderDate, Arrival: p.Arrival, Status: model.ProposalStatus(strings.ToUpper(string(p.Status))),
		Executable: p.Executable(), Reasons: append([]string{}, p.Reasons...),
		OnHand: d(p.Stock.OnHand), Reserved: d(p.Stock.Reserved), Incoming: d(p.Stock.Incoming),
		SafetyStock: d(p.SafetyStock), ReorderPoint: d(p.ReorderPoint), OrderUpTo: d(p.OrderUpTo),
		CoverDemand: d(p.CoverDemand), HistoricalMean: d(p.HistoricalMean), AtArrival: d(p.AtArrival),
		Capital: moneyModel(p.Capital), CostSource: opt(p.CostFrom), Model: p.Model, ModelVersion: p.Version,
		CreatedAt: p.CreatedAt, ApprovedBy: opt(p.ApprovedBy), ApprovedAt: optTime(p.ApprovedAt)}
	return out
}

func moneyModel(m *ontology.Money) *model.Money {
	if m == nil {
		return nil
	}
	return &model.Money{Amount: m.Amount.String(), Currency: m.Currency}
}

func moneyList(ms ...*ontology.Money) []*model.Money {
	out := []*model.Money{}
	for _, m := range ms {
		if m != nil {
			out = append(out, moneyModel(m))
		}
	}
	return out
}

func outcomeModel(o predict.Outcome, capital, expiry []ontology.Money) *model.SandboxOutcome {
	out := &model.SandboxOutcome{Demand: model.Decimal(o.Demand), Sold: model.Decimal(o.Sold), LostSales: model.Decimal(o.Lost),
		StockoutDays: o.StockoutDays, AverageOnHand: model.Decimal(o.AvgOnHand), Turnover: o.Turnover,
		Expired: model.Decimal(o.Expired), Received: model.Decimal(o.Received), Orders: o.Orders,
		AverageCapital: moneyList(o.AvgCapital), ExpiryWriteOff: moneyList(o.ExpiredValue)}
	if capital != nil || expiry != nil {
		out.AverageCapital, out.ExpiryWriteOff = moneyList(ptrs(capital)...), moneyList(ptrs(expiry)...)
	}
	return out
}

func ptrs(ms []ontology.Money) []*ontology.Money {
	out := make([]*ontology.Money, len(ms))
	for i := range ms {
		out[i] = &ms[i]
	}
	return out
}

func sandboxModel(r predict.Report) *model.SandboxReport {
	out := &model.SandboxReport{From: r.From, To: r.To, Settings: append([]string{}, r.Settings...),
		Actual:    outcomeModel(r.Actual, nonNilMoney(r.Capital.Actual), nonNilMoney(r.Expiry.Actual)),
		Replay:    outcomeModel(r.Replay, nonNilMoney(r.Capital.Replay), nonNilMoney(r.Expiry.Replay)),
		Series:    make([]*model.SandboxSeries, 0, len(r.Keys)),
		Untracked: make([]string, 0, len(r.Untracked))}
	for _, k := range r.Keys {
		out.Series = append(out.Series, &model.SandboxSeries{Sku: k.Key.SKU, Location: k.Key.Location,
			Actual: outcomeModel(k.Actual, nil, nil), Replay: outcomeModel(k.Replay, nil, nil)})
	}
	for _, k := range r.Untracked {
		out.Untracked = append(out.Untracked, k.String())
	}
	return out
}

func nonNilMoney(ms []ontology.Money) []ontology.Money {
	if ms == nil {
		return []ontology.Money{}
	}
	return ms
}

// forecastError shows the caller the mistakes in its request; anything else stays an
// internal error.
func forecastError(err error) error {
	for _, e := range []error{predict.ErrProposalNotFound, predict.ErrProposalSuperseded, predict.ErrSandboxRange, predict.ErrSetting} {
		if errors.Is(err, e) {
			return &userError{err.Error()}
		}
	}
	return err
}
