package finance

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Clock reads a tenant's data clock: when its newest document arrived.
type Clock interface {
	LatestArrival(ctx context.Context, tenant string) (time.Time, error)
}

// Runs remembers reconciliation runs per period.
type Runs interface {
	PreviousRun(ctx context.Context, tenant string, from, to time.Time) (time.Time, bool, error)
}

// Service is finance as the API serves it: reconciliation pages and summaries, the
// maturity baseline, and the breakers.
type Service struct {
	Source    Source
	Clock     Clock
	Runs      Runs
	Maturity  MaturityStore
	Breakers  *Breakers
	ConfigFor func(tenant string) Config
}

// Query builds a period's query: the tenant's data clock and its previous run.
func (s *Service) Query(ctx context.Context, tenant string, from, to time.Time) (Query, error) {
	q := Query{Tenant: tenant, From: from, To: to}
	var err error
	if q.AsOf, err = s.Clock.LatestArrival(ctx, tenant); err != nil {
		return q, fmt.Errorf("reading the data clock of %s: %w", tenant, err)
	}
	since, ok, err := s.Runs.PreviousRun(ctx, tenant, from, to)
	if err != nil {
		return q, fmt.Errorf("reading the previous run: %w", err)
	}
	if ok {
		q.Since = since
	}
	return q, nil
}

// Reconciliation returns up to first reconciled events of the period after the cursor,
// of the given statuses (all when none), and whether more follow.
func (s *Service) Reconciliation(ctx context.Context, tenant string, from, to time.Time, statuses []Status, after Cursor, first int) ([]Result, bool, error) {
	q, err := s.Query(ctx, tenant, from, to)
	if err != nil {
		return nil, false, err
	}
	return Page(ctx, s.Source, q, s.ConfigFor(tenant), after, first, statuses)
}

// Summary reconciles the whole period and returns its summary; it records no run.
func (s *Service) Summary(ctx context.Context, tenant string, from, to time.Time) (Summary, error) {
	q, err := s.Query(ctx, tenant, from, to)
	if err != nil {
		return Summary{}, err
	}
	return Run(ctx, s.Source, q, s.ConfigFor(tenant), nil)
}

// MaturityOf measures a period's five-level baseline.
func (s *Service) MaturityOf(ctx context.Context, tenant string, from, to time.Time) (Maturity, error) {
	q, err := s.Query(ctx, tenant, from, to)
	if err != nil {
		return Maturity{}, err
	}
	return MeasureMaturity(ctx, s.Maturity, s.Source, q, s.ConfigFor(tenant))
}

// SupplierBreakers is one supplier's breakers: its agreed terms, what each rule finds
// now with the breaker's state, and the history.
type SupplierBreakers struct {
	Supplier   string
	AgreedDays *int
	Statuses   []BreakerStatus
	History    []BreakerEvent
}

// Suppliers evaluates the breakers of one supplier, or of every supplier with agreed
// terms or a breaker. Evaluating trips a breaker whose rule is breached by evidence no
// lift has seen, as an approval would: the trip is a fact of the evidence, recorded
// when first seen.
func (s *Service) Suppliers(ctx context.Context, tenant, supplier string) ([]SupplierBreakers, error) {
	names := []string{supplier}
	if supplier != "" {
		if err := CheckSupplier(supplier); err != nil {
			return nil, err
		}
	} else {
		var err error
		if names, err = s.Breakers.Ledger.BreakerSuppliers(ctx, tenant); err != nil {
			return nil, fmt.Errorf("listing suppliers: %w", err)
		}
		for name := range s.ConfigFor(tenant).Terms {
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		slices.Sort(names)
	}
	out := make([]SupplierBreakers, 0, len(names))
	for _, name := range names {
		statuses, err := s.Breakers.Evaluate(ctx, tenant, name)
		if err != nil {
			return nil, err
		}
		sb := SupplierBreakers{Supplier: name, Statuses: statuses}
		days, ok, err := s.Breakers.Terms.AgreedTerms(ctx, tenant, name)
		if err != nil {
			return nil, err
		}
		if !ok {
			days, ok = s.ConfigFor(tenant).Terms[name]
		}
		if ok {
			sb.AgreedDays = &days
		}
		if sb.History, err = s.Breakers.Ledger.BreakerHistory(ctx, tenant, name); err != nil {
			return nil, err
		}
		out = append(out, sb)
	}
	return out, nil
}

// Approve approves a purchase order unless a breaker of its supplier is tripped; see
// Breakers.Approve.
func (s *Service) Approve(ctx context.Context, tenant string, req ApprovalRequest, by string) (Approval, error) {
	return s.Breakers.Approve(ctx, tenant, req, by)
}

// Lift lifts a supplier's tripped breaker; see Breakers.Lift.
func (s *Service) Lift(ctx context.Context, tenant, supplier string, rule Rule, by, reason string) (BreakerState, error) {
	if err := CheckSupplier(supplier); err != nil {
		return BreakerState{}, err
	}
	return s.Breakers.Lift(ctx, tenant, supplier, rule, by, reason)
}

// SetTerms records the payment terms agreed with a supplier; see Breakers.SetTerms.
func (s *Service) SetTerms(ctx context.Context, tenant, supplier string, days int, by string) error {
	return s.Breakers.SetTerms(ctx, tenant, supplier, days, by)
}
