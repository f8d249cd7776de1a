package predict

import (
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

var (
	bread = forecast.Key{SKU: "BREAD", Location: "STORE-1"}
	day0  = time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC) // a Monday
)

func at(d, hour int) time.Time { return day0.AddDate(0, 0, d).Add(time.Duration(hour) * time.Hour) }

func u(n int64) ontology.Qty { return ontology.Units(n) }

func sale(d, hour int, n int64) Flow {
	return Flow{Key: bread, At: at(d, hour), Kind: ontology.KindSale, OnHand: -u(n)}
}

func recv(d, hour int, n int64) Flow {
	return Flow{Key: bread, At: at(d, hour), Kind: ontology.KindReceipt, OnHand: u(n)}
}

func TestFlowDemand(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Flow
		want ontology.Qty
	}{
		{"shipped sale", Flow{Kind: ontology.KindSale, OnHand: -u(3)}, u(3)},
		{"open order, still reserved", Flow{Kind: ontology.KindSale, Reserved: u(2)}, u(2)},
		{"part shipped, part reserved", Flow{Kind: ontology.KindSale, OnHand: -u(1), Reserved: u(2)}, u(3)},
		{"shipped then one returned", Flow{Kind: ontology.KindSale, OnHand: -u(3) + u(1)}, u(2)},
		{"cancelled: nothing left", Flow{Kind: ontology.KindSale}, 0},
		{"more returned than the sale counted", Flow{Kind: ontology.KindSale, OnHand: u(1)}, 0},
		{"a receipt is no demand", Flow{Kind: ontology.KindReceipt, OnHand: u(5)}, 0},
		{"a transfer out is no demand", Flow{Kind: ontology.KindTransfer, OnHand: -u(5)}, 0},
	} {
		if got := c.f.Demand(); got != c.want {
			t.Errorf("%s: demand %s, want %s", c.name, got, c.want)
		}
	}
}

func TestDaysCensorStockouts(t *testing.T) {
	for _, c := range []struct {
		name        string
		flows       []Flow
		from, to    int
		opening     ontology.Qty
		sold        []int64
		censored    []int // day indexes
		tracked     bool
		received    []int64
		transferred []int64
	}{
		{
			name: "runs out, stays out, restocked mid-day",
			flows: []Flow{recv(0, 8, 10), sale(1, 10, 4), sale(2, 10, 6), recv(4, 10, 5), sale(4, 12, 1), sale(5, 9, 2),
				{Key: bread, At: at(5, 18), Kind: ontology.KindTransfer, OnHand: -u(1)}},
			from: 0, to: 6,
			sold:     []int64{0, 4, 6, 0, 1, 2, 0},
			censored: []int{2, 3, 4}, // out after day 2's sale; day 3 starts empty; day 4 starts empty
			tracked:  true, received: []int64{10, 0, 0, 0, 5, 0, 0}, transferred: []int64{0, 0, 0, 0, 0, -1, 0},
		},
		{
			name:  "sales only: stock unknown, nothing censored",
			flows: []Flow{sale(0, 10, 2), sale(1, 10, 3), sale(3, 10, 1)},
			from:  0, to: 3,
			sold: []int64{2, 3, 0, 1},
		},
		{
			name:  "unknown until the first receipt, then judged",
			flows: []Flow{sale(0, 10, 2), recv(1, 8, 5), sale(2, 10, 3), sale(3, 10, 1)},
			from:  0, to: 4,
			// on hand: -2, then 3, 0 (day 2 censored), 0 → -1 (day 3, 4 censored)
			sold: []int64{2, 0, 3, 1, 0}, censored: []int{2, 3, 4}, tracked: true,
			received: []int64{0, 5, 0, 0, 0},
		},
		{
			name:  "flows before the period make the opening stock",
			flows: []Flow{recv(0, 8, 10), sale(1, 10, 4), sale(3, 10, 6)},
			from:  2, to: 4,
			opening: u(6), sold: []int64{0, 6, 0}, censored: []int{1, 2}, tracked: true,
		},
		{
			name:  "flows after the period are left out",
			flows: []Flow{recv(0, 8, 1), sale(0, 9, 1), sale(5, 9, 9)},
			from:  0, to: 1,
			sold: []int64{1, 0}, censored: []int{0, 1}, tracked: true, received: []int64{1, 0},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Given out of order: the history sorts them.
			flows := slices.Clone(c.flows)
			slices.Reverse(flows)
			ds, err := NewHistory(flows, time.UTC).Days(day0.AddDate(0, 0, c.from), day0.AddDate(0, 0, c.to))
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != 1 {
				t.Fatalf("%d series, want 1", len(ds))
			}
			d := ds[0]
			if !d.Start.Equal(day0.AddDate(0, 0, c.from)) || d.Opening != c.opening || d.Tracked != c.tracked {
				t.Errorf("start %s opening %s tracked %v, want %s %s %v", d.Start, d.Opening, d.Tracked,
					day0.AddDate(0, 0, c.from), c.opening, c.tracked)
			}
			if got := units(d.Sold); !slices.Equal(got, c.sold) {
				t.Errorf("sold %v, want %v", got, c.sold)
			}
			var cens []int
			for i, x := range d.Censored {
				if x {
					cens = append(cens, i)
				}
			}
			if !slices.Equal(cens, c.censored) {
				t.Errorf("censored days %v, want %v", cens, c.censored)
			}
			if c.received != nil && !slices.Equal(units(d.Received), c.received) {
				t.Errorf("received %v, want %v", units(d.Received), c.received)
			}
			if c.transferred != nil && !slices.Equal(units(d.Other), c.transferred) {
				t.Errorf("other %v, want %v", units(d.Other), c.transferred)
			}
			s := d.Series()
			if s.Key != bread || len(s.Sales) != len(c.sold) || len(s.Censored) != len(c.sold) {
				t.Errorf("series %+v does not carry the days", s)
			}
		})
	}
}

func TestDaysInTimeZoneAndEmptyRange(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	// 17:00 UTC on day 0 is 01:00 of day 1 in Shanghai.
	h := NewHistory([]Flow{sale(0, 17, 2)}, shanghai)
	ds, err := h.Days(day0.In(shanghai), day0.AddDate(0, 0, 2).In(shanghai))
	if err != nil {
		t.Fatal(err)
	}
	if got := units(ds[0].Sold); !slices.Equal(got, []int64{0, 2, 0}) {
		t.Errorf("sold %v, want the sale on the second local day", got)
	}
	if _, err := h.Days(day0.AddDate(0, 0, 2), day0); err == nil {
		t.Error("a range ending before it starts was accepted")
	}
}

func units(qs []ontology.Qty) []int64 {
	out := make([]int64, len(qs))
	for i, q := range qs {
		out[i] = int64(q / ontology.Units(1))
	}
	return out
}

// TestSeriesStartsWithTheProduct: a product that first appears on day 5 of the tenant's
// history forecasts from day 5, not from the tenant's first day; one with stock before
// the period starts with the period.
func TestSeriesStartsWithTheProduct(t *testing.T) {
	milk := forecast.Key{SKU: "MILK", Location: "STORE-1"}
	flows := []Flow{
		{Key: milk, At: at(0, 9), Kind: ontology.KindSale, OnHand: -u(1)},
		recv(5, 6, 20), sale(5, 10, 4), sale(6, 10, 3),
	}
	days, err := NewHistory(flows, time.UTC).Days(day0, at(7, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range days {
		s := d.Series()
		switch d.Key {
		case bread:
			if !s.Start.Equal(day0.AddDate(0, 0, 5)) || len(s.Sales) != 3 || s.Sales[0] != u(4) || s.Sales[1] != u(3) || len(s.Censored) != 3 {
				t.Errorf("bread's series starts %s with %v: want day 5 with [4 3 0]", s.Start.Format(time.DateOnly), s.Sales)
			}
		case milk:
			if !s.Start.Equal(day0) || len(s.Sales) != 8 {
				t.Errorf("milk's series starts %s with %d days: want day 0 with 8", s.Start.Format(time.DateOnly), len(s.Sales))
			}
		}
	}
	// Stock from before the period: the product was there from its first day.
	before := []Flow{recv(0, 6, 20), sale(3, 10, 2)}
	days, err = NewHistory(before, time.UTC).Days(at(2, 0), at(4, 0))
	if err != nil {
		t.Fatal(err)
	}
	if s := days[0].Series(); !s.Start.Equal(at(2, 0)) || len(s.Sales) != 3 {
		t.Errorf("with stock before the period the series starts %s with %d days: want the period's 3", s.Start.Format(time.DateOnly), len(s.Sales))
	}
}
