package finance

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Cursor is a position in a period's events, which are ordered by when they occurred
// and then by id: the last event of the previous page.
type Cursor struct {
	At time.Time
	ID string
}

// Source streams a tenant's business events. The store implements it.
type Source interface {
	// Events calls fn with the tenant's events that occurred in [from, to), in pages of
	// at most page events ordered by occurredAt and then id, starting after the cursor
	// (the zero Cursor starts at the beginning). Events merged into others are left
	// out. It never holds more than one page; fn returning ErrStop ends the walk
	// without an error.
	Events(ctx context.Context, tenant string, from, to time.Time, after Cursor, page int, fn func([]Event) error) error
}

// ErrStop ends a walk over events early; Events returns nil for it.
var ErrStop = errors.New("stop")

// Query is one reconciliation: a tenant's period, the data clock, and the watermark of
// the previous run of the same period.
type Query struct {
	Tenant string
	From   time.Time
	To     time.Time
	// AsOf is the data clock: the newest arrival of any of the tenant's documents.
	// Due dates are judged against it, never against the wall clock, so the same
	// documents always reconcile the same way.
	AsOf time.Time
	// Since is the newest arrival the previous run of this period had seen, or zero
	// when there was none: documents that arrived after it are listed as new.
	Since time.Time
}

// pageSize is how many events one read brings: enough to amortise a round trip, few
// enough that a page of events with all their documents stays small.
const pageSize = 500

// Run reconciles every event of the period, calling emit with each result in event
// order, and returns the report's summary. It holds one page of events at a time.
func Run(ctx context.Context, src Source, q Query, cfg Config, emit func(Result) error) (Summary, error) {
	rep, err := RunReport(ctx, src, q, cfg, emit)
	if err != nil {
		return Summary{}, err
	}
	return rep.Summary(), nil
}

// RunReport is Run returning the whole report, for figures built on top of it.
func RunReport(ctx context.Context, src Source, q Query, cfg Config, emit func(Result) error) (*Report, error) {
	rep := NewReport(q)
	err := src.Events(ctx, q.Tenant, q.From, q.To, Cursor{}, pageSize, func(evs []Event) error {
		for _, ev := range evs {
			res, ok := Reconcile(ev, cfg, q.AsOf)
			if !ok {
				// No finance event (a dispute's or a fee's balance transaction alone),
				// but what the processor kept is the period's all the same.
				rep.addFees(ev)
				continue
			}
			rep.Add(ev, res)
			if emit != nil {
				if err := emit(res); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reconciling %s from %s to %s: %w", q.Tenant, q.From.Format(time.RFC3339), q.To.Format(time.RFC3339), err)
	}
	return rep, nil
}

// Page reconciles events after the cursor until it has first results of the wanted
// statuses (all when none are given), and says whether more follow. It is how GraphQL
// pages through a period.
func Page(ctx context.Context, src Source, q Query, cfg Config, after Cursor, first int, statuses []Status) ([]Result, bool, error) {
	var out []Result
	more := false
	err := src.Events(ctx, q.Tenant, q.From, q.To, after, max(first+1, 50), func(evs []Event) error {
		for _, ev := range evs {
			res, ok := Reconcile(ev, cfg, q.AsOf)
			if !ok || (len(statuses) > 0 && !slices.Contains(statuses, res.Status)) {
				continue
			}
			if len(out) == first {
				more = true
				return ErrStop
			}
			out = append(out, res)
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("reconciling %s: %w", q.Tenant, err)
	}
	return out, more, nil
}

// arrivedShown bounds the documents a summary lists as arrived since the previous run;
// the count is always whole.
const arrivedShown = 1000

// Report folds results into a summary as they stream by.
type Report struct {
	q         Query
	events    int
	byStatus  map[Status]int
	amounts   map[Status]purse
	paidOut   map[Status]purse
	settled   map[Status]purse
	fees      purse
	exception map[Code]int
	arrived   []DocRef
	nArrived  int
	watermark time.Time
	// closedAt is the business time of the last document of an auto-reconciled event:
	// from then on the period's reconciled part needed no more documents.
	closedAt  time.Time
	closedDoc DocRef
}

// NewReport starts an empty report of a query.
func NewReport(q Query) *Report {
	return &Report{q: q, byStatus: map[Status]int{}, amounts: map[Status]purse{}, paidOut: map[Status]purse{},
		settled: map[Status]purse{}, fees: purse{},
		exception: map[Code]int{}}
}

// Add folds one event's result into the report.
func (r *Report) Add(ev Event, res Result) {
	r.events++
	r.byStatus[res.Status]++
	// A payout pays out money its sales already count: added to them it would count
	// the same money twice.
	// So does a payment of invoices that other events hold.
	values := r.amounts
	switch {
	case res.payout:
		values = r.paidOut
	case res.settles:
		values = r.settled
	}
	if values[res.Status] == nil {
		values[res.Status] = purse{}
	}
	values[res.Status].add(res.Amount)
	r.addFees(ev)
	seen := map[Code]bool{}
	for _, x := range res.Reasons {
		if !seen[x.Code] {
			seen[x.Code] = true
			r.exception[x.Code]++
		}
	}
	for _, d := range ev.Docs {
		if res.Status.Reconciled() && d.OccurredAt.After(r.closedAt) {
			r.closedAt, r.closedDoc = d.OccurredAt, d.Ref()
		}
		if d.ReceivedAt.After(r.watermark) {
			r.watermark = d.ReceivedAt
		}
		if !r.q.Since.IsZero() && d.ReceivedAt.After(r.q.Since) {
			r.nArrived++
			if len(r.arrived) < arrivedShown {
				r.arrived = append(r.arrived, d.Ref())
			}
		}
	}
}

// addFees adds what the processor kept on the event's own balance transactions, each
// once. A payout shows the fees of the transactions it pays out too, but they are other
// events' documents (Event.Related): counted there, they are counted once.
func (r *Report) addFees(ev Event) {
	var own []Doc
	for _, d := range ev.Docs {
		if d.Role == ontology.RoleSettlement && d.Verb != ontology.VerbCancelled {
			own = append(own, d)
		}
	}
	for _, bt := range oneEachTransaction(own) {
		r.fees.add(bt.Fee)
	}
}

// Summary is what a period's reconciliation comes to. It holds no wall-clock time: the
// same documents give the same summary, whenever it is asked.
type Summary struct {
	Tenant string    `json:"tenant"`
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	AsOf   time.Time `json:"asOf"`
	Events int       `json:"events"`
	// AutoReconciled counts matched events and those matched within tolerance; Rate is
	// their share of all events, as a decimal fraction ("0.9731"), "" with no events.
	AutoReconciled int              `json:"autoReconciled"`
	Rate           string           `json:"autoReconciledRate"`
	ByStatus       []StatusTotal    `json:"byStatus"`
	Fees           []CurrencyAmount `json:"fees"`
	Exceptions     []CodeCount      `json:"exceptions"`
	// Watermark is the newest arrival among the period's documents; the next run lists
	// what arrived after it.
	Watermark time.Time `json:"watermark"`
	// PreviousRun is the previous run's watermark, nil on the first run; Arrived counts
	// the documents that arrived after it, ArrivedDocuments lists the first of them.
	PreviousRun      *time.Time `json:"previousRun"`
	Arrived          int        `json:"arrived"`
	ArrivedDocuments []DocRef   `json:"arrivedDocuments"`
}

// StatusTotal is the events of one status and what they are worth, per currency.
type StatusTotal struct {
	Status Status `json:"status"`
	Events int    `json:"events"`
	// Amounts are the events' values (Result.Amount), payouts and payments of other
	// events' invoices left out: those pay money their sales or purchases already count.
	Amounts []CurrencyAmount `json:"amounts"`
	// PaidOut are the values of the payouts among the events.
	PaidOut []CurrencyAmount `json:"paidOut"`
	// Settlements are the values of the payments among the events that settle invoices
	// other events hold (one transfer for several invoices).
	Settlements []CurrencyAmount `json:"settlements"`
}

// CurrencyAmount is an amount in one currency.
type CurrencyAmount struct {
	Currency string `json:"currency"`
	Amount   string `json:"amount"`
}

// CodeCount is how many events a reason code applies to.
type CodeCount struct {
	Code   Code `json:"code"`
	Events int  `json:"events"`
}

// Summary returns the report so far.
func (r *Report) Summary() Summary {
	s := Summary{Tenant: r.q.Tenant, From: r.q.From.UTC(), To: r.q.To.UTC(), AsOf: r.q.AsOf.UTC(), Events: r.events,
		Fees: figures(r.fees), ArrivedDocuments: sortRefs(slices.Clone(r.arrived)), Arrived: r.nArrived,
		Watermark: r.watermark.UTC(), ByStatus: []StatusTotal{}, Exceptions: []CodeCount{}}
	if s.ArrivedDocuments == nil {
		s.ArrivedDocuments = []DocRef{}
	}
	if !r.q.Since.IsZero() {
		since := r.q.Since.UTC()
		s.PreviousRun = &since
	}
	for _, st := range Statuses {
		s.ByStatus = append(s.ByStatus, StatusTotal{Status: st, Events: r.byStatus[st], Amounts: figures(r.amounts[st]),
			PaidOut: figures(r.paidOut[st]), Settlements: figures(r.settled[st])})
		if st.Reconciled() {
			s.AutoReconciled += r.byStatus[st]
		}
	}
	if r.events > 0 {
		s.Rate = decimal.NewFromInt(int64(s.AutoReconciled)).DivRound(decimal.NewFromInt(int64(r.events)), 4).StringFixed(4)
	}
	for _, c := range Codes {
		if n := r.exception[c]; n > 0 {
			s.Exceptions = append(s.Exceptions, CodeCount{Code: c, Events: n})
		}
	}
	return s
}

func figures(p purse) []CurrencyAmount {
	out := []CurrencyAmount{}
	cs := make([]string, 0, len(p))
	for c := range p {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	for _, c := range cs {
		out = append(out, CurrencyAmount{Currency: c, Amount: amount(p[c], c)})
	}
	return out
}

// ClosedBy is when the last document of the period's auto-reconciled events happened,
// and which document that was: how long after the period's end the books of what
// reconciles by itself could close.
func (r *Report) ClosedBy() (time.Time, DocRef) { return r.closedAt, r.closedDoc }
