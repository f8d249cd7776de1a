package predict

import (
	"math"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

// Warmup is the number of days before a replayed period that Replay needs in its
// input: a policy orders from the mean demand of the four weeks before each review.
const Warmup = 28

// Outcome is how one way of stocking a product did over a period.
type Outcome struct {
	Demand ontology.Qty // what customers asked for (stock-out days estimated)
	Sold   ontology.Qty // what could be served from stock
	Lost   ontology.Qty // demand that met an empty shelf: lost sales
	// StockoutDays counts days with lost sales.
	StockoutDays int
	AvgOnHand    ontology.Qty // mean on-hand stock at the end of each day
	// Turnover is Sold / AvgOnHand over the period: how many times the stock turned.
	Turnover float64
	Expired  ontology.Qty // written off because it passed its shelf life
	Received ontology.Qty // goods that arrived
	Orders   int          // deliveries that arrived or were ordered
	// AvgCapital and ExpiredValue are AvgOnHand and Expired at unit cost, nil when the
	// cost is not known.
	AvgCapital   *ontology.Money
	ExpiredValue *ontology.Money
}

// KeyReport compares what really happened to one product at one location with what the
// policy would have done.
type KeyReport struct {
	Key    forecast.Key
	Policy Policy
	Actual Outcome
	Replay Outcome
	// CostFrom says where the unit cost came from ("" when unknown).
	CostFrom string
}

// Report is a sandbox run: the period, the settings replayed, and the outcome per
// series and in total (money summed per currency).
type Report struct {
	From, To  time.Time
	Settings  []string
	Keys      []KeyReport
	Actual    Outcome
	Replay    Outcome
	Capital   Totals // average capital tied up, per currency: actual and replayed
	Expiry    Totals // expiry write-offs, per currency
	Untracked []forecast.Key
}

// Totals are money figures summed per currency, actual and replayed.
type Totals struct {
	Actual, Replay []ontology.Money
}

// Replay runs the real demand of days[Warmup:] twice: as it happened (the real receipts
// at their real days) and under the policies (orders placed by the policy at its review
// days, arriving after its lead time). Every other on-hand change (returns, transfers,
// adjustments) happens in both. Demand on stock-out days is estimated as the mean of
// the uncensored days within two weeks, since what sold then was only what was there.
// Goods expire ShelfLife after they arrive, oldest first; opening stock counts as
// arrived on the first day.
//
// Replay is a pure function of its inputs: the same days, policies and costs give the
// same report. It never touches a store.
func Replay(days []Daily, ps *Policies, costs map[string]Cost) Report {
	var r Report
	if ps == nil {
		ps = &Policies{}
	}
	r.Settings = ps.Settings()
	capital := newMoneySums()
	exp := newMoneySums()
	for i := range days {
		d := &days[i]
		if d.Len() <= Warmup {
			continue
		}
		if r.From.IsZero() {
			r.From, r.To = d.Start.AddDate(0, 0, Warmup), d.Start.AddDate(0, 0, d.Len()-1)
		}
		if !d.Tracked {
			r.Untracked = append(r.Untracked, d.Key)
			continue
		}
		pol := ps.For(d.Key.SKU)
		kr := KeyReport{Key: d.Key, Policy: pol}
		demand := estimateDemand(d)
		kr.Actual = simulate(d, demand, pol, false)
		kr.Replay = simulate(d, demand, pol, true)
		if c, ok := costs[d.Key.SKU]; ok {
			kr.CostFrom = c.Source
			for _, o := range []*Outcome{&kr.Actual, &kr.Replay} {
				o.AvgCapital = times(o.AvgOnHand, c.Unit)
				o.ExpiredValue = times(o.Expired, c.Unit)
			}
			capital.add(*kr.Actual.AvgCapital, *kr.Replay.AvgCapital)
			exp.add(*kr.Actual.ExpiredValue, *kr.Replay.ExpiredValue)
		}
		add(&r.Actual, kr.Actual)
		add(&r.Replay, kr.Replay)
		r.Keys = append(r.Keys, kr)
	}
	r.Actual.Turnover = turnover(r.Actual)
	r.Replay.Turnover = turnover(r.Replay)
	r.Capital, r.Expiry = capital.totals(), exp.totals()
	return r
}

// batch is goods that arrived together and expire together.
type batch struct {
	qty     ontology.Qty
	expires int // day index; -1 never
}

// simulate runs one key's period day by day. With policy false, goods arrive as the
// receipts really did; with it true, as the policy orders them.
func simulate(d *Daily, demand []ontology.Qty, pol Policy, policy bool) Outcome {
	var o Outcome
	L, R := Days(pol.LeadTime), Days(pol.ReviewPeriod)
	life := -1
	if pol.ShelfLife > 0 {
		life = Days(pol.ShelfLife)
	}
	expiry := func(t int) int {
		if life < 0 {
			return -1
		}
		return t + life
	}
	// Stock at the start of the period: the opening plus the warm-up days' changes.
	level := d.Opening
	for t := range Warmup {
		level += d.Received[t] + d.Other[t] - d.SaleOut[t]
	}
	var stock []batch
	if level > 0 {
		stock = append(stock, batch{level, expiry(Warmup)})
	}
	take := func(q ontology.Qty) ontology.Qty { // oldest first; returns what was there
		got := ontology.Qty(0)
		for q > 0 && len(stock) > 0 {
			n := min(q, stock[0].qty)
			stock[0].qty -= n
			q -= n
			got += n
			if stock[0].qty == 0 {
				stock = stock[1:]
			}
		}
		return got
	}
	onHand := func() ontology.Qty {
		s := ontology.Qty(0)
		for _, b := range stock {
			s += b.qty
		}
		return s
	}
	pipeline := map[int]ontology.Qty{} // arrival day → quantity
	var sumOnHand ontology.Qty
	n := d.Len()
	for t := Warmup; t < n; t++ {
		in := d.Received[t]
		if policy {
			in = pipeline[t]
			delete(pipeline, t)
		}
		if in > 0 {
			stock = append(stock, batch{in, expiry(t)})
			o.Received += in
			if !policy {
				o.Orders++
			}
		}
		if q := d.Other[t]; q > 0 {
			stock = append(stock, batch{q, expiry(t)})
		} else if q < 0 {
			take(-q)
		}
		for len(stock) > 0 && stock[0].expires >= 0 && stock[0].expires <= t {
			o.Expired += stock[0].qty
			stock = stock[1:]
		}
		got := take(demand[t])
		o.Demand += demand[t]
		o.Sold += got
		if lost := demand[t] - got; lost > 0 {
			o.Lost += lost
			o.StockoutDays++
		}
		if policy && (t-Warmup)%R == 0 {
			if q := reorder(demand[t-Warmup:t], onHand(), pipeline, pol, L, R); q > 0 {
				pipeline[t+L] += q
				o.Orders++
			}
		}
		sumOnHand += onHand()
	}
	o.AvgOnHand = sumOnHand / ontology.Qty(n-Warmup)
	o.Turnover = turnover(o)
	return o
}

// reorder is what the policy orders at a review, from the demand of the weeks before:
// up to the order-up-to level when the position (on hand plus on order) is at or below
// the reorder point.
func reorder(recent []ontology.Qty, onHand ontology.Qty, pipeline map[int]ontology.Qty, pol Policy, L, R int) ontology.Qty {
	var mean, sq float64
	for _, q := range recent {
		v := float64(q) / float64(ontology.Units(1))
		mean += v
		sq += v * v
	}
	k := float64(len(recent))
	mean /= k
	sd := math.Sqrt(math.Max(sq/k-mean*mean, 0))
	var ss ontology.Qty
	if pol.SafetyStock != nil {
		ss = pol.SafetyStock.Resolve(mean)
	} else {
		ss = ceilQty(math.Sqrt2 * math.Erfinv(2*pol.ServiceLevel-1) * sd * math.Sqrt(float64(L+R)))
	}
	rop := ceilQty(mean*float64(L)) + ss
	if pol.ReorderPoint != nil {
		rop = pol.ReorderPoint.Resolve(mean)
	}
	pos := onHand
	for _, q := range pipeline {
		pos += q
	}
	if pos > rop {
		return 0
	}
	upTo := max(ceilQty(mean*float64(L+R))+ss, rop)
	return roundUp(upTo-pos, pol.LotSize)
}

// estimateDemand is each day's demand: its sales, or on a stock-out day the mean of the
// uncensored days within two weeks when that is more, rounded to whole units when the
// product sells in whole units.
func estimateDemand(d *Daily) []ontology.Qty {
	whole := true
	for _, q := range d.Sold {
		whole = whole && q%ontology.Units(1) == 0
	}
	out := make([]ontology.Qty, d.Len())
	for t := range out {
		out[t] = d.Sold[t]
		if !d.Censored[t] {
			continue
		}
		var sum ontology.Qty
		var k int
		for u := max(t-14, 0); u <= min(t+14, d.Len()-1); u++ {
			if !d.Censored[u] {
				sum += d.Sold[u]
				k++
			}
		}
		if k > 0 {
			mean := sum / ontology.Qty(k)
			if whole {
				mean = (mean + ontology.Units(1)/2) / ontology.Units(1) * ontology.Units(1)
			}
			out[t] = max(out[t], mean)
		}
	}
	return out
}

func turnover(o Outcome) float64 {
	if o.AvgOnHand <= 0 {
		return 0
	}
	return float64(o.Sold) / float64(o.AvgOnHand)
}

func add(dst *Outcome, o Outcome) {
	dst.Demand += o.Demand
	dst.Sold += o.Sold
	dst.Lost += o.Lost
	dst.StockoutDays += o.StockoutDays
	dst.AvgOnHand += o.AvgOnHand
	dst.Expired += o.Expired
	dst.Received += o.Received
	dst.Orders += o.Orders
}

func times(q ontology.Qty, unit ontology.Money) *ontology.Money {
	return &ontology.Money{Amount: q.Decimal().Mul(unit.Amount), Currency: unit.Currency}
}

// moneySums adds money per currency, actual and replayed side by side.
type moneySums struct{ actual, replay map[string]decimal.Decimal }

func newMoneySums() *moneySums {
	return &moneySums{map[string]decimal.Decimal{}, map[string]decimal.Decimal{}}
}

func (m *moneySums) add(actual, replay ontology.Money) {
	m.actual[actual.Currency] = m.actual[actual.Currency].Add(actual.Amount)
	m.replay[replay.Currency] = m.replay[replay.Currency].Add(replay.Amount)
}

func (m *moneySums) totals() Totals {
	list := func(sums map[string]decimal.Decimal) []ontology.Money {
		out := make([]ontology.Money, 0, len(sums))
		for c, a := range sums {
			out = append(out, ontology.Money{Amount: a, Currency: c})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
		return out
	}
	return Totals{Actual: list(m.actual), Replay: list(m.replay)}
}
