package predict

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

// Ledger is what forecasting reads from the store.
type Ledger interface {
	// DemandFlows returns every event's net effect per product and location (events
	// merged into another left out), for events that happened before `before`.
	DemandFlows(ctx context.Context, tenant string, before time.Time) ([]Flow, error)
	// Totals is the ledger's stock per cell.
	Totals(ctx context.Context, tenant string) ([]inventory.Stock, error)
	// PurchaseCosts is the latest unit price per SKU on the documents that brought goods
	// in (receipts, purchase orders, declarations), with the document it is from.
	PurchaseCosts(ctx context.Context, tenant string) (map[string]Cost, error)
	// Signals returns the tenant's external signals: every current signal document's
	// series.
	Signals(ctx context.Context, tenant string) ([]Signal, error)
}

// RunStore keeps the result of a forecast run.
type RunStore interface {
	SaveForecastRun(ctx context.Context, tenant string, run *Run) error
}

// Run is one refresh of a tenant's forecasts and proposals.
type Run struct {
	ID        string
	At        time.Time
	Version   int // forecast.ModelVersion
	Today     time.Time
	Forecasts []*forecast.Forecast
	Proposals []*Proposal
	// Failed holds the series that could not be forecast, with why.
	Failed map[forecast.Key]string
	// Model and Baseline are the backtest totals of the chosen models and of the
	// seasonal naive forecast on the same windows.
	Model, Baseline forecast.Metrics
	Censored        int // stock-out days left out of fitting, over every series
}

// ServiceConfig sets up forecasting for every tenant.
type ServiceConfig struct {
	Forecast forecast.Config
	TZ       *time.Location // where days end; default UTC
	// TimeZone, when set, gives a tenant's own time zone (nil: TZ): its demand days and
	// forecasts follow its local day.
	TimeZone func(tenant string) *time.Location
	Workers  int // goroutines forecasting; 0 uses every CPU
	Now      func() time.Time
	// Policies returns a tenant's configured policies; nil gives every tenant the default.
	Policies func(tenant string) *Policies
	// MaxSandboxDays bounds a sandbox period; default 730.
	MaxSandboxDays int
}

// Service refreshes forecasts and proposals and runs the sandbox.
type Service struct {
	ledger Ledger
	runs   RunStore
	cfg    ServiceConfig
	log    *slog.Logger
}

// NewService makes a service over the ledger and the store forecasts are kept in.
func NewService(ledger Ledger, runs RunStore, cfg ServiceConfig, log *slog.Logger) *Service {
	if cfg.TZ == nil {
		cfg.TZ = time.UTC
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxSandboxDays <= 0 {
		cfg.MaxSandboxDays = 730
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{ledger: ledger, runs: runs, cfg: cfg, log: log}
}

// tz is where a tenant's days end.
func (s *Service) tz(tenant string) *time.Location {
	if s.cfg.TimeZone != nil {
		if tz := s.cfg.TimeZone(tenant); tz != nil {
			return tz
		}
	}
	return s.cfg.TZ
}

func (s *Service) policies(tenant string, extra []string) (*Policies, error) {
	ps := &Policies{}
	if s.cfg.Policies != nil {
		if base := s.cfg.Policies(tenant); base != nil {
			ps.sets = append(ps.sets, base.sets...)
		}
	}
	for _, x := range extra {
		if err := ps.Set(x); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// Refresh forecasts every product and location that has sold, from the whole history up
// to yesterday, proposes the orders due within each review period, and stores both.
func (s *Service) Refresh(ctx context.Context, tenant string) (*Run, error) {
	now := s.cfg.Now()
	tz := s.tz(tenant)
	today := forecast.Midnight(now, tz)
	run := &Run{ID: fmt.Sprintf("fr-%d", now.UnixNano()), At: now.UTC(), Version: forecast.ModelVersion, Today: today,
		Failed: map[forecast.Key]string{}}
	flows, err := s.ledger.DemandFlows(ctx, tenant, today)
	if err != nil {
		return nil, fmt.Errorf("reading demand of %s: %w", tenant, err)
	}
	h := NewHistory(flows, tz)
	if len(h.Flows) == 0 || !h.FirstDay().Before(today) {
		return run, s.runs.SaveForecastRun(ctx, tenant, run)
	}
	days, err := h.Days(h.FirstDay(), today.AddDate(0, 0, -1))
	if err != nil {
		return nil, err
	}
	sigs, err := s.ledger.Signals(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("reading the signals of %s: %w", tenant, err)
	}
	byKey := map[forecast.Key]*Daily{}
	var series []forecast.Series
	for i := range days {
		d := &days[i]
		if sold(d) {
			byKey[d.Key] = d
			sr := d.Series()
			Attach(&sr, sigs)
			series = append(series, sr)
		}
	}
	results, err := forecast.All(ctx, s.cfg.Forecast, series, s.cfg.Workers)
	if err != nil {
		return nil, fmt.Errorf("forecasting %s: %w", tenant, err)
	}
	stock, costs, ps, err := s.planInputs(ctx, tenant)
	if err != nil {
		return nil, err
	}
	for _, r := range results {
		if r.Err != nil {
			run.Failed[r.Key] = r.Err.Error()
			continue
		}
		fc := r.Forecast
		run.Forecasts = append(run.Forecasts, fc)
		run.Censored += fc.Inputs.CensoredExcluded
		pol := ps.For(fc.Key.SKU)
		if p := Propose(fc, Plan{Tenant: tenant, Stock: stock[fc.Key], Policy: pol, Cost: costOf(fc.Key.SKU, pol, costs),
			DailyMean: observedMean(byKey[fc.Key]), Today: today}); p != nil {
			p.CreatedAt = run.At
			run.Proposals = append(run.Proposals, p)
		}
	}
	run.Model, run.Baseline = forecast.BacktestTotal(run.Forecasts)
	if err := s.runs.SaveForecastRun(ctx, tenant, run); err != nil {
		return nil, fmt.Errorf("storing forecasts of %s: %w", tenant, err)
	}
	s.log.Info("forecasts refreshed", "tenant", tenant, "series", len(run.Forecasts), "failed", len(run.Failed),
		"proposals", len(run.Proposals), "wape", run.Model.WAPE, "baselineWape", run.Baseline.WAPE)
	return run, nil
}

// planInputs reads the stock buckets per product and location, the purchase costs and
// the tenant's policies.
func (s *Service) planInputs(ctx context.Context, tenant string) (map[forecast.Key]Stock, map[string]Cost, *Policies, error) {
	totals, err := s.ledger.Totals(ctx, tenant)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading stock of %s: %w", tenant, err)
	}
	stock := map[forecast.Key]Stock{}
	for _, t := range totals {
		k := forecast.Key{SKU: t.SKU, Location: t.Location}
		st := stock[k]
		st.OnHand += t.OnHand
		st.Reserved += t.Reserved
		st.Incoming += t.Incoming
		stock[k] = st
	}
	costs, err := s.ledger.PurchaseCosts(ctx, tenant)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading purchase costs of %s: %w", tenant, err)
	}
	ps, err := s.policies(tenant, nil)
	return stock, costs, ps, err
}

// costOf is the policy's unit cost, else the latest purchase price.
func costOf(sku string, pol Policy, costs map[string]Cost) *Cost {
	if pol.UnitCost != nil {
		return &Cost{Unit: *pol.UnitCost, Source: "policy unitCost"}
	}
	if c, ok := costs[sku]; ok {
		return &c
	}
	return nil
}

func sold(d *Daily) bool {
	for _, q := range d.Sold {
		if q > 0 {
			return true
		}
	}
	return false
}

// observedMean is the mean daily demand over the uncensored days from the first sale.
func observedMean(d *Daily) float64 {
	if d == nil {
		return 0
	}
	var sum ontology.Qty
	n, started := 0, false
	for t, q := range d.Sold {
		started = started || q > 0
		if started && !d.Censored[t] {
			sum += q
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(ontology.Units(1)) / float64(n)
}

// ErrSandboxRange is wrapped by errors about a sandbox period.
var ErrSandboxRange = errors.New("invalid sandbox period")

// Sandbox replays the days from `from` to `to` (inclusive) under the tenant's policies
// with the settings applied over them; see [Replay]. It only reads.
func (s *Service) Sandbox(ctx context.Context, tenant string, from, to time.Time, settings []string) (Report, error) {
	tz := s.tz(tenant)
	// The period is days as written: 2025-04-01 is the tenant's own 1 April.
	from, to = localDay(from, tz), localDay(to, tz)
	today := forecast.Midnight(s.cfg.Now(), tz)
	switch n := forecast.DayIndex(from, to) + 1; {
	case n <= 0:
		return Report{}, fmt.Errorf("%w: %s is after %s", ErrSandboxRange, from.Format(time.DateOnly), to.Format(time.DateOnly))
	case n > s.cfg.MaxSandboxDays:
		return Report{}, fmt.Errorf("%w: %d days, at most %d", ErrSandboxRange, n, s.cfg.MaxSandboxDays)
	case !to.Before(today):
		return Report{}, fmt.Errorf("%w: it must end before today (%s): only finished days have real demand", ErrSandboxRange, today.Format(time.DateOnly))
	}
	ps, err := s.policies(tenant, settings)
	if err != nil {
		return Report{}, err
	}
	flows, err := s.ledger.DemandFlows(ctx, tenant, to.AddDate(0, 0, 1))
	if err != nil {
		return Report{}, fmt.Errorf("reading demand of %s: %w", tenant, err)
	}
	days, err := NewHistory(flows, tz).Days(from.AddDate(0, 0, -Warmup), to)
	if err != nil {
		return Report{}, err
	}
	costs, err := s.ledger.PurchaseCosts(ctx, tenant)
	if err != nil {
		return Report{}, fmt.Errorf("reading purchase costs of %s: %w", tenant, err)
	}
	unit := map[string]Cost{}
	for _, d := range days {
		if c := costOf(d.Key.SKU, ps.For(d.Key.SKU), costs); c != nil {
			unit[d.Key.SKU] = *c
		}
	}
	r := Replay(days, ps, unit)
	r.From, r.To = from, to
	return r, nil
}

// localDay is the midnight in tz of the calendar day t shows.
func localDay(t time.Time, tz *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, tz)
}

// Stored is a kept forecast with the run that made it.
type Stored struct {
	*forecast.Forecast
	RunID     string
	CreatedAt time.Time
}

// RunSummary is a kept forecast run's figures: how many series, and the backtest totals
// of the chosen models and of the seasonal naive baseline. Runs of different versions
// side by side show what a model change did.
type RunSummary struct {
	ID                                  string
	At                                  time.Time
	Version                             int
	Series, Failed, Proposals, Censored int
	Model, Baseline                     forecast.Metrics
}

// Errors of approving a proposal.
var (
	ErrProposalNotFound   = errors.New("no such order proposal")
	ErrProposalSuperseded = errors.New("the order proposal was superseded by a later run; approve the current one")
)
