package predict

import (
	"fmt"
	"sort"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

// Flow is one business event's net effect on one product at one location: the sum of
// the event's movements there. At is when the event happened (its occurredAt), not when
// its movements were written: a history loaded in one afternoon still has its days.
type Flow struct {
	Key      forecast.Key
	At       time.Time
	Kind     ontology.EventKind
	OnHand   ontology.Qty // net change of on-hand stock
	Reserved ontology.Qty // net change of reserved stock
}

// Demand is what a sale asked for: the units that left plus those still reserved for
// it, less what a refund put back. Only sales have demand; a sale that was taken back
// entirely (cancelled, or all returned) has none, never a negative one.
func (f Flow) Demand() ontology.Qty {
	if f.Kind != ontology.KindSale {
		return 0
	}
	return max(-f.OnHand+f.Reserved, 0)
}

// Daily is one product at one location day by day over a period: its demand, what came
// in and went out otherwise, and the days it was out of stock.
type Daily struct {
	Key   forecast.Key
	Start time.Time // midnight of the first day
	// Opening is the on-hand stock at the start of the first day, from every flow before.
	Opening ontology.Qty
	Sold    []ontology.Qty // demand of the sales of each day
	// SaleOut is the on-hand stock sales took each day (demand not yet shipped stays
	// reserved and is not here).
	SaleOut  []ontology.Qty
	Received []ontology.Qty // on-hand stock added by receipts
	// Other is every other on-hand change: returns, transfers, adjustments, consumption.
	Other []ontology.Qty
	// Censored marks days on which on-hand stock was at or below zero at some moment:
	// their sales are only a lower bound of demand.
	Censored []bool
	// First is the first day with a flow of this product here (0 when stock was on hand
	// before the period): the days before it are not zero demand, the product was not
	// there yet.
	First int
	// Tracked tells whether the ledger follows this product's stock here: some flow
	// put stock on hand by the period's end. Without that, on hand is only ever what
	// sales took (negative), no day can be judged out of stock, and none is censored.
	Tracked bool
}

// Series is the forecasting series of d: its sales with its stock-out days censored,
// from the product's first day here. A tenant's history starts with its first event of
// any product; a product listed a year later would otherwise bring a year of zeros,
// which every model reads as demand that was not there and the breaker's mean divides.
func (d *Daily) Series() forecast.Series {
	first := min(max(d.First, 0), len(d.Sold))
	return forecast.Series{Key: d.Key, Start: d.Start.AddDate(0, 0, first), Sales: append([]ontology.Qty(nil), d.Sold[first:]...),
		Censored: append([]bool(nil), d.Censored[first:]...)}
}

// Len is the number of days.
func (d *Daily) Len() int { return len(d.Sold) }

// History is a tenant's flows, sorted by time, and the time zone its days end in.
type History struct {
	Flows []Flow
	TZ    *time.Location
}

// NewHistory sorts the flows by time, then key, so that the same flows always give the
// same days whatever order they were read in.
func NewHistory(flows []Flow, tz *time.Location) History {
	if tz == nil {
		tz = time.UTC
	}
	fs := append([]Flow(nil), flows...)
	sort.SliceStable(fs, func(i, j int) bool {
		if !fs[i].At.Equal(fs[j].At) {
			return fs[i].At.Before(fs[j].At)
		}
		return keyLess(fs[i].Key, fs[j].Key)
	})
	return History{Flows: fs, TZ: tz}
}

func keyLess(a, b forecast.Key) bool {
	if a.SKU != b.SKU {
		return a.SKU < b.SKU
	}
	return a.Location < b.Location
}

// FirstDay is the day of the earliest flow (zero without flows).
func (h History) FirstDay() time.Time {
	if len(h.Flows) == 0 {
		return time.Time{}
	}
	return forecast.Midnight(h.Flows[0].At, h.TZ)
}

// Days lays the flows out day by day from day `from` to day `to` inclusive, per product
// and location that had any flow up to `to`, sorted by key.
//
// A day is censored when on-hand stock was at or below zero at its start or after any of
// its flows, counted only from the first moment stock was above zero: before that the
// ledger does not know the stock (its receipts were never recorded), and an unknown
// stock is not an empty shelf.
func (h History) Days(from, to time.Time) ([]Daily, error) {
	tz := h.TZ
	if tz == nil {
		tz = time.UTC
	}
	start, end := forecast.Midnight(from, tz), forecast.Midnight(to, tz)
	n := forecast.DayIndex(start, end) + 1
	if n <= 0 {
		return nil, fmt.Errorf("history from %s to %s: empty range", from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	type state struct {
		d       *Daily
		level   ontology.Qty
		known   bool // stock has been above zero: from then on a level at or below zero is a stock-out
		lastDay int  // last day whose censoring is decided from the running level
	}
	byKey := map[forecast.Key]*state{}
	get := func(k forecast.Key) *state {
		s := byKey[k]
		if s == nil {
			s = &state{d: &Daily{Key: k, Start: start, Sold: make([]ontology.Qty, n), SaleOut: make([]ontology.Qty, n),
				Received: make([]ontology.Qty, n), Other: make([]ontology.Qty, n), Censored: make([]bool, n), First: -1}, lastDay: -1}
			byKey[k] = s
		}
		return s
	}
	// fill marks the days after the last decided one up to day i (exclusive) by the
	// level they started with and kept: no flow changed it.
	fill := func(s *state, i int) {
		for d := max(s.lastDay+1, 0); d < min(i, n); d++ {
			if s.known && s.level <= 0 {
				s.d.Censored[d] = true
			}
		}
		s.lastDay = max(s.lastDay, min(i, n)-1)
	}
	for _, f := range h.Flows {
		i := forecast.DayIndex(start, forecast.Midnight(f.At, tz))
		if i >= n {
			break
		}
		s := get(f.Key)
		if s.d.First < 0 {
			s.d.First = max(i, 0)
		}
		if i < 0 {
			s.d.Opening += f.OnHand
			s.level += f.OnHand
			s.known = s.known || s.level > 0
			continue
		}
		if i > s.lastDay {
			fill(s, i)
			// The day starts at the level the previous one ended with.
			if s.known && s.level <= 0 {
				s.d.Censored[i] = true
			}
			s.lastDay = i
		}
		switch f.Kind {
		case ontology.KindSale:
			s.d.Sold[i] += f.Demand()
			s.d.SaleOut[i] -= f.OnHand
		case ontology.KindReceipt:
			s.d.Received[i] += f.OnHand
		default:
			s.d.Other[i] += f.OnHand
		}
		s.level += f.OnHand
		s.known = s.known || s.level > 0
		if s.known && s.level <= 0 {
			s.d.Censored[i] = true
		}
	}
	out := make([]Daily, 0, len(byKey))
	for _, s := range byKey {
		fill(s, n)
		s.d.Tracked = s.known
		out = append(out, *s.d)
	}
	sort.Slice(out, func(i, j int) bool { return keyLess(out[i].Key, out[j].Key) })
	return out, nil
}
