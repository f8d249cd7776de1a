package graph

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/graph/generated"
	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/ontology"
)

// financeError turns finance's refusals and the caller's mistakes into errors the
// presenter shows as they are; anything else stays internal.
func financeError(err error) error {
	var frozen *finance.FrozenError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &frozen):
		return &codedError{code: "BREAKER_TRIPPED", msg: frozen.Error()}
	case errors.Is(err, finance.ErrNotTripped), errors.Is(err, finance.ErrUnknownSupplier), errors.Is(err, finance.ErrInvalid):
		return &userError{err.Error()}
	}
	return err
}

// financeCosts prices the finance fields: a page costs its size times each item.
func financeCosts(c *generated.ComplexityRoot, page func(child int, first *int) int) {
	c.Query.Reconciliation = func(child int, _, _ string, _ []model.ReconciliationStatus, first *int, _ *string) int {
		return page(child, first)
	}
}

// period reads a query's from and to.
func period(from, to string) (time.Time, time.Time, error) {
	f, t, err := finance.ParsePeriod(from, to)
	if err != nil {
		return f, t, &userError{err.Error()}
	}
	return f, t, nil
}

// cursorOf writes a page's end as its last event's time and id.
func cursorOf(r finance.Result) string {
	return r.OccurredAt.UTC().Format(time.RFC3339Nano) + "|" + r.Event
}

func parseCursor(s string) (finance.Cursor, error) {
	if s == "" {
		return finance.Cursor{}, nil
	}
	at, id, ok := strings.Cut(s, "|")
	t, err := time.Parse(time.RFC3339Nano, at)
	if !ok || err != nil || id == "" {
		return finance.Cursor{}, &userError{"after: not a cursor this query gave"}
	}
	return finance.Cursor{At: t, ID: id}, nil
}

func reconciliationEvent(r finance.Result) *model.ReconciliationEvent {
	ev := &model.ReconciliationEvent{Event: r.Event, Kind: r.Kind, OccurredAt: r.OccurredAt, Status: model.ReconciliationStatus(r.Status),
		Reasons: reasons(r.Reasons), Documents: reconciledDocs(r.Documents),
		Amounts: []*model.EventAmounts{}, Fx: []*model.Exchange{}, Tolerated: reasons(r.Tolerated), Awaiting: append([]string{}, r.Awaiting...)}
	if r.Value != nil {
		ev.Amount = &model.Money{Amount: r.Value.Amount, Currency: r.Value.Currency}
	}
	for _, a := range r.Amounts {
		ev.Amounts = append(ev.Amounts, &model.EventAmounts{Currency: a.Currency, Ordered: opt(a.Ordered), Invoiced: opt(a.Invoiced),
			Declared: opt(a.Declared), Paid: opt(a.Paid), Refunded: opt(a.Refunded), Gross: opt(a.Gross), Fees: opt(a.Fees),
			Net: opt(a.Net), PaidOut: opt(a.PaidOut)})
	}
	for _, x := range r.FX {
		ev.Fx = append(ev.Fx, &model.Exchange{From: x.From, To: x.To, Rate: x.Rate.String(), Source: x.Source, Amount: x.Amount,
			Converted: x.Converted, Booked: x.Booked, Documents: reconciledDocs(x.Documents)})
	}
	return ev
}

func reasons(rs []finance.Reason) []*model.ReconciliationReason {
	out := []*model.ReconciliationReason{}
	for _, x := range rs {
		out = append(out, &model.ReconciliationReason{Code: string(x.Code), Expected: x.Expected, Actual: x.Actual,
			Documents: reconciledDocs(x.Documents), Sku: opt(x.SKU), Note: opt(x.Note)})
	}
	return out
}

func reconciledDocs(refs []finance.DocRef) []*model.ReconciledDocument {
	out := []*model.ReconciledDocument{}
	for _, d := range refs {
		out = append(out, &model.ReconciledDocument{System: d.System, Type: d.Type, ExternalID: d.ExternalID})
	}
	return out
}

func moneyOf(m *ontology.Money) *model.Money {
	if m == nil {
		return nil
	}
	return &model.Money{Amount: finance.AmountText(m.Amount, m.Currency), Currency: m.Currency}
}

func summaryModel(s finance.Summary) *model.ReconciliationSummary {
	out := &model.ReconciliationSummary{Events: s.Events, AutoReconciled: s.AutoReconciled, AutoReconciledRate: opt(s.Rate),
		ByStatus: []*model.StatusTotal{}, Fees: amounts(s.Fees), Exceptions: []*model.ReasonCount{}, Arrived: s.Arrived,
		ArrivedDocuments: reconciledDocs(s.ArrivedDocuments), PreviousRun: s.PreviousRun}
	if !s.AsOf.IsZero() {
		out.AsOf = &s.AsOf
	}
	if !s.Watermark.IsZero() {
		out.Watermark = &s.Watermark
	}
	for _, st := range s.ByStatus {
		out.ByStatus = append(out.ByStatus, &model.StatusTotal{Status: model.ReconciliationStatus(st.Status), Events: st.Events, Amounts: amounts(st.Amounts),
			PaidOut: amounts(st.PaidOut), Settlements: amounts(st.Settlements)})
	}
	for _, e := range s.Exceptions {
		out.Exceptions = append(out.Exceptions, &model.ReasonCount{Code: string(e.Code), Events: e.Events})
	}
	return out
}

func amounts(as []finance.CurrencyAmount) []*model.Money {
	out := []*model.Money{}
	for _, a := range as {
		out = append(out, &model.Money{Amount: a.Amount, Currency: a.Currency})
	}
	return out
}

func maturityModel(m finance.Maturity) *model.Maturity {
	out := &model.Maturity{From: m.From, To: m.To, Level: m.Level, Next: m.Next, Figures: []*model.MaturityFigure{}}
	for _, f := range m.Figures {
		out.Figures = append(out.Figures, &model.MaturityFigure{Name: f.Name, Value: f.Value, Level: f.Level, Target: opt(f.Target),
			Measured: f.Measured, Met: f.Met, Evidence: append([]string{}, f.Evidence...)})
	}
	return out
}

func supplierModel(s finance.SupplierBreakers) *model.SupplierBreakers {
	out := &model.SupplierBreakers{Supplier: s.Supplier, AgreedTermsDays: s.AgreedDays, Breakers: []*model.Breaker{}, History: []*model.BreakerHistoryEntry{}}
	for _, st := range s.Statuses {
		out.Breakers = append(out.Breakers, breakerModel(st.State, &st.Verdict))
	}
	for _, h := range s.History {
		out.History = append(out.History, &model.BreakerHistoryEntry{Rule: model.BreakerRule(h.Rule), Action: h.Action, At: h.At, By: h.By,
			Figures: h.Figures, Reason: opt(h.Reason), Po: opt(h.PO)})
	}
	return out
}

func breakerModel(st finance.BreakerState, v *finance.Verdict) *model.Breaker {
	b := &model.Breaker{Rule: model.BreakerRule(st.Rule), Tripped: st.Tripped, TrippedFigures: opt(st.Figures),
		LiftedBy: opt(st.LiftedBy), LiftReason: opt(st.Reason), Evidence: []*model.ReconciledDocument{}}
	if !st.TrippedAt.IsZero() {
		b.TrippedAt = &st.TrippedAt
	}
	if !st.LiftedAt.IsZero() {
		b.LiftedAt = &st.LiftedAt
	}
	if v != nil {
		b.Figures, b.Breached, b.Evaluated, b.Evidence = v.Figures, v.Breached, v.Evaluated, reconciledDocs(v.Evidence)
	}
	return b
}

// documentOf loads a reconciled document for drill-down, through the request's loader.
func (r *Resolver) documentOf(ctx context.Context, d *model.ReconciledDocument) (*model.SourceDocument, error) {
	tenant, err := tenantOf(ctx)
	if err != nil {
		return nil, err
	}
	l, err := r.loaders(ctx)
	if err != nil {
		return nil, err
	}
	doc, err := l.document(ctx, ontology.DocKey{Tenant: tenant, System: d.System, Type: d.Type, ExternalID: d.ExternalID})
	if err != nil || doc == nil {
		return nil, err
	}
	return sourceDocument(doc), nil
}
