package predict

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// bakery is bread selling 10 a day: four weeks of warm-up that end with 35 on hand, then
// a week with no delivery at all.
func bakery() Daily {
	n := Warmup + 7
	d := Daily{Key: bread, Start: day0, Opening: u(315), Tracked: true, Sold: make([]ontology.Qty, n),
		SaleOut: make([]ontology.Qty, n), Received: make([]ontology.Qty, n), Other: make([]ontology.Qty, n), Censored: make([]bool, n)}
	for t := range n {
		d.Sold[t], d.SaleOut[t] = u(10), u(10)
	}
	// The week as it happened: 35 sold over three and a half days, then empty shelves.
	for t := Warmup + 3; t < n; t++ {
		d.Censored[t] = true
		d.Sold[t], d.SaleOut[t] = 0, 0
	}
	d.Sold[Warmup+3], d.SaleOut[Warmup+3] = u(5), u(5)
	return d
}

func TestReplayAgainstWhatHappened(t *testing.T) {
	ps, err := ParsePolicies([]string{"leadTime.BREAD=1d", "reviewPeriod.BREAD=1d", "safetyStock.BREAD=10"})
	if err != nil {
		t.Fatal(err)
	}
	cost := map[string]Cost{"BREAD": {Unit: ontology.Money{Amount: decimal.RequireFromString("0.80"), Currency: "EUR"}, Source: "policy"}}
	r := Replay([]Daily{bakery()}, ps, cost)
	if len(r.Keys) != 1 || !r.From.Equal(day0.AddDate(0, 0, Warmup)) || !r.To.Equal(day0.AddDate(0, 0, Warmup+6)) {
		t.Fatalf("report of %d series from %s to %s", len(r.Keys), r.From, r.To)
	}
	// As it happened: demand on the empty days is estimated at 10 (the uncensored days
	// around them), so 35 sold and 35 lost over four days of stock-out.
	a := r.Keys[0].Actual
	want := Outcome{Demand: u(70), Sold: u(35), Lost: u(35), StockoutDays: 4, AvgOnHand: u(45) / 7}
	if a.Demand != want.Demand || a.Sold != want.Sold || a.Lost != want.Lost || a.StockoutDays != want.StockoutDays || a.AvgOnHand != want.AvgOnHand {
		t.Errorf("actual %+v, want %+v", a, want)
	}
	if a.AvgCapital == nil || a.AvgCapital.String() != "5.1428568 EUR" || r.Keys[0].CostFrom != "policy" {
		t.Errorf("actual capital %v", a.AvgCapital)
	}
	// The policy (order daily up to two days of demand plus 10, arriving next day): ends
	// days at 25, 15, then 20 every day; nothing lost.
	p := r.Keys[0].Replay
	if p.Sold != u(70) || p.Lost != 0 || p.StockoutDays != 0 || p.AvgOnHand != u(20) || p.Orders != 6 || p.Received != u(55) {
		t.Errorf("replay %+v, want 70 sold, none lost, 20 on hand on average, 6 orders, 55 received", p)
	}
	if p.Turnover != 3.5 || r.Replay.Turnover != 3.5 {
		t.Errorf("turnover %g (total %g), want 70/20", p.Turnover, r.Replay.Turnover)
	}
	if len(r.Capital.Replay) != 1 || r.Capital.Replay[0].String() != "16 EUR" {
		t.Errorf("replayed capital %v, want 16 EUR", r.Capital.Replay)
	}
}

func TestReplayCountsExpiry(t *testing.T) {
	ps, _ := ParsePolicies([]string{"shelfLife.BREAD=2d"})
	r := Replay([]Daily{bakery()}, ps, nil)
	// The 35 on hand at the start keep two days: 15 are left to write off on the third.
	if a := r.Keys[0].Actual; a.Expired != u(15) || a.Sold != u(20) || a.AvgCapital != nil {
		t.Errorf("actual %+v, want 15 expired and 20 sold, no capital without a cost", a)
	}
	if len(r.Capital.Actual) != 0 {
		t.Errorf("capital totals %v without any cost", r.Capital)
	}
}

func TestReplayIsDeterministic(t *testing.T) {
	other := bakery()
	other.Key.Location = "STORE-2"
	other.Received[Warmup+2] = u(40)
	untracked := bakery()
	untracked.Key.SKU, untracked.Tracked = "CAKE", false
	settings := []string{"safetyStock.BREAD=48h", "lotSize=6", "leadTime=2d", "shelfLife=3d"}
	run := func() Report {
		ps, err := ParsePolicies(settings)
		if err != nil {
			t.Fatal(err)
		}
		return Replay([]Daily{bakery(), other, untracked}, ps, map[string]Cost{
			"BREAD": {Unit: ontology.Money{Amount: decimal.RequireFromString("0.80"), Currency: "EUR"}, Source: "policy"}})
	}
	first := run()
	for range 5 {
		if again := run(); !reflect.DeepEqual(first, again) {
			t.Fatalf("two replays of the same input differ:\n%+v\n%+v", first, again)
		}
	}
	if len(first.Keys) != 2 || len(first.Untracked) != 1 || first.Untracked[0].SKU != "CAKE" {
		t.Errorf("%d series replayed, untracked %v", len(first.Keys), first.Untracked)
	}
	if first.Replay.Received%u(6) != 0 {
		t.Errorf("replayed deliveries %s are not in lots of 6", first.Replay.Received)
	}
}
