package predict

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

// Stock is the stock buckets of one product at one location.
type Stock struct {
	OnHand, Reserved, Incoming ontology.Qty
}

// Position is what the next orders are planned from: available (on hand less
// reserved) plus incoming.
func (s Stock) Position() ontology.Qty { return s.OnHand - s.Reserved + s.Incoming }

// Cost is a unit cost and where it comes from.
type Cost struct {
	Unit   ontology.Money
	Source string // "policy", or the document it was read from
}

// ProposalStatus is where a proposal is in its life.
type ProposalStatus string

// The statuses. Only proposed and approved proposals may be executed.
const (
	ProposalProposed   ProposalStatus = "proposed"
	ProposalHeld       ProposalStatus = "held" // the breaker tripped: a person must approve it
	ProposalApproved   ProposalStatus = "approved"
	ProposalSuperseded ProposalStatus = "superseded" // a later run proposed otherwise
)

// Proposal is an order proposal for one product at one location.
type Proposal struct {
	ID        string
	Key       forecast.Key
	Qty       ontology.Qty
	OrderDate time.Time // when to place it
	Arrival   time.Time // when it arrives, after the lead time
	Stock     Stock     // the buckets it was planned from
	// The levels it rests on, in units: safety stock, reorder point (demand over the
	// lead time plus safety stock) and order-up-to level (demand over the lead time and
	// review period plus safety stock), each as of the order date.
	SafetyStock, ReorderPoint, OrderUpTo ontology.Qty
	// CoverDemand is the forecast demand over the days the order covers (lead time plus
	// review period); HistoricalMean is the mean demand the history shows over as many
	// days, what the breaker compares with.
	CoverDemand, HistoricalMean ontology.Qty
	// AtArrival is the stock expected just before the order arrives.
	AtArrival ontology.Qty
	Capital   *ontology.Money // Qty × unit cost; nil when no cost is known
	CostFrom  string          // where the unit cost comes from
	Status    ProposalStatus
	Reasons   []string // why it is held; empty when it is not
	Model     string   // the forecast model
	Version   int      // its version
	CreatedAt time.Time
	// ApprovedBy and ApprovedAt record the person who released a held proposal.
	ApprovedBy string
	ApprovedAt time.Time
}

// Executable reports whether the proposal may be placed without a person.
func (p *Proposal) Executable() bool {
	return p.Status == ProposalProposed || p.Status == ProposalApproved
}

// Plan is what Propose needs about one series beside the forecast.
type Plan struct {
	Tenant string
	Stock  Stock
	Policy Policy
	Cost   *Cost
	// DailyMean is the mean demand of the history's observed (uncensored) days since the
	// first sale; the breaker's yardstick.
	DailyMean float64
	Today     time.Time // the first forecast day; orders are dated from it
}

// Propose plans the next order of one series: the first day within the review period on
// which the stock position, less forecast demand, reaches the reorder point; the
// quantity brings it to the order-up-to level, rounded up to lot sizes. It returns nil
// when no order is due within the review period.
//
// Safety stock, unless the policy sets it, is z·σ·√(L+R) for the service level's z,
// the forecast's backtest error per day as σ (1.25 times its mean absolute error, the
// normal relation) and L+R the lead time plus review period in days.
func Propose(fc *forecast.Forecast, pl Plan) *Proposal {
	pol := pl.Policy
	L, R := Days(pol.LeadTime), Days(pol.ReviewPeriod)
	daily := extend(fc.Daily, 2*R+L)
	sum := func(a, b int) float64 {
		s := 0.0
		for _, v := range daily[a:b] {
			s += v
		}
		return s
	}
	mean := sum(0, L+R) / float64(L+R)
	ss := safetyStock(fc, pol, mean, L+R)
	pos := pl.Stock.Position()
	for t := range R {
		projected := pos - ceilQty(sum(0, t))
		rop := ceilQty(sum(t, t+L)) + ss
		if pol.ReorderPoint != nil {
			rop = pol.ReorderPoint.Resolve(mean)
		}
		if projected > rop {
			continue
		}
		upTo := max(ceilQty(sum(t, t+L+R))+ss, rop)
		qty := roundUp(upTo-projected, pol.LotSize)
		if qty <= 0 {
			return nil
		}
		p := &Proposal{
			Key: fc.Key, Qty: qty, OrderDate: pl.Today.AddDate(0, 0, t), Arrival: pl.Today.AddDate(0, 0, t+L),
			Stock: pl.Stock, SafetyStock: ss, ReorderPoint: rop, OrderUpTo: upTo,
			CoverDemand: ceilQty(sum(t, t+L+R)), HistoricalMean: ceilQty(pl.DailyMean * float64(L+R)),
			AtArrival: projected - ceilQty(sum(t, t+L)), Model: fc.Model, Version: fc.Version, Status: ProposalProposed,
		}
		if pl.Cost != nil {
			c := ontology.Money{Amount: qty.Decimal().Mul(pl.Cost.Unit.Amount), Currency: pl.Cost.Unit.Currency}
			p.Capital, p.CostFrom = &c, pl.Cost.Source
		}
		p.Reasons = breaker(p, pol, ceilQty(slices.Max(daily[:t+L+R])))
		if len(p.Reasons) > 0 {
			p.Status = ProposalHeld
		}
		p.ID = proposalID(pl.Tenant, p)
		return p
	}
	return nil
}

// breaker says why a proposal must wait for a person: its quantity is far above the
// historical demand it should cover, or stock would still fall far below safety stock
// before it arrives (too late: someone must expedite or accept the risk). maxDay is the
// highest daily demand forecast over the order's cover.
func breaker(p *Proposal, pol Policy, maxDay ontology.Qty) []string {
	var why []string
	limit := ontology.Qty(math.Round(float64(p.HistoricalMean) * pol.BreakerMultiple))
	switch {
	case p.HistoricalMean <= 0:
		why = append(why, fmt.Sprintf("no sales history to compare %s units with", p.Qty))
	case p.Qty > limit:
		why = append(why, fmt.Sprintf("quantity %s is %.0f%% of the historical mean demand over the %s it covers (%s); the limit is %.0f%%",
			p.Qty, 100*float64(p.Qty)/float64(p.HistoricalMean), coverDays(pol), p.HistoricalMean, 100*pol.BreakerMultiple))
	}
	// Reviewing once a day, an order placed on time still lets stock dip up to one day's
	// demand under the safety stock before it arrives; only a shortfall beyond that is
	// a proposal that comes too late.
	if float64(p.AtArrival) < pol.FarBelow*float64(p.SafetyStock)-float64(maxDay) {
		why = append(why, fmt.Sprintf("stock would be %s when the order arrives on %s, far below the safety stock of %s (under %.0f%% of it, less a day's demand): too late to avoid a stock-out",
			p.AtArrival, p.Arrival.Format(time.DateOnly), p.SafetyStock, 100*pol.FarBelow))
	}
	return why
}

func coverDays(pol Policy) string {
	return fmt.Sprintf("%d days", Days(pol.LeadTime)+Days(pol.ReviewPeriod))
}

// safetyStock is the policy's safety stock, or the statistical one.
func safetyStock(fc *forecast.Forecast, pol Policy, mean float64, days int) ontology.Qty {
	if pol.SafetyStock != nil {
		return pol.SafetyStock.Resolve(mean)
	}
	sigma := math.Sqrt(math.Max(mean, 0)) // Poisson, when there is no backtest
	if s := fc.Accuracy.Model; s.Days > 0 {
		sigma = 1.25 * s.AbsErr / float64(s.Days)
	}
	z := math.Sqrt2 * math.Erfinv(2*pol.ServiceLevel-1)
	return ceilQty(z * sigma * math.Sqrt(float64(days)))
}

// extend returns at least n days of forecast: past the horizon, the mean of its last
// week repeats (only a lead time longer than the horizon needs it).
func extend(daily []float64, n int) []float64 {
	if len(daily) >= n {
		return daily
	}
	out := append([]float64(nil), daily...)
	tail := out[max(len(out)-7, 0):]
	m := 0.0
	for _, v := range tail {
		m += v
	}
	if len(tail) > 0 {
		m /= float64(len(tail))
	}
	for len(out) < n {
		out = append(out, m)
	}
	return out
}

// roundUp rounds q up to a multiple of lot (whole units without a lot size).
func roundUp(q, lot ontology.Qty) ontology.Qty {
	if q <= 0 {
		return 0
	}
	if lot <= 0 {
		lot = ontology.Units(1)
	}
	return (q + lot - 1) / lot * lot
}

// proposalID names a proposal by what it proposes: the same order proposed again by a
// later run keeps its id, and with it a person's approval.
func proposalID(tenant string, p *Proposal) string {
	h := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%s\x00%d", tenant, p.Key.SKU, p.Key.Location,
		p.OrderDate.Format(time.DateOnly), int64(p.Qty)))
	return "op-" + hex.EncodeToString(h[:10])
}
