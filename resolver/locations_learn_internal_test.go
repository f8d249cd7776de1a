package resolver

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// TestCrossBlocksPairAnOpenLocationOnly: a sale at an aliased store looks up only the
// cross-location blocks of sales no alias places, and a sale no alias places looks up
// both kinds, so a pair with something to learn meets in either arrival order while two
// aliased stores' identical baskets never read each other.
func TestCrossBlocksPairAnOpenLocationOnly(t *testing.T) {
	at := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	sale := func(system, code string, role ontology.Role) *ontology.Document {
		return &ontology.Document{Key: ontology.DocKey{System: system}, Role: role, OccurredAt: at,
			Location: &ontology.LocationRef{System: system, Code: code},
			Lines:    []ontology.Line{{SKU: "LATTE", Qty: ontology.Units(2)}}}
	}
	sku := func(l ontology.Line) string { return l.SKU }
	meets := func(a, b *ontology.Document, aOpen, bOpen bool) bool {
		aStore, aLook := crossBlocks("t", aOpen, a, sku, time.Hour)
		bStore, bLook := crossBlocks("t", bOpen, b, sku, time.Hour)
		return slices.ContainsFunc(aLook, func(k string) bool { return slices.Contains(bStore, k) }) ||
			slices.ContainsFunc(bLook, func(k string) bool { return slices.Contains(aStore, k) })
	}
	order, till := sale("meituan", "POI-77", ontology.RoleOrder), sale("square", "SQ-LOC-9", ontology.RolePOS)
	for _, c := range []struct {
		orderOpen, tillOpen, want bool
	}{{true, false, true}, {false, true, true}, {true, true, true}, {false, false, false}} {
		if got := meets(order, till, c.orderOpen, c.tillOpen); got != c.want {
			t.Errorf("order open %v, till open %v: blocks meet = %v, want %v", c.orderOpen, c.tillOpen, got, c.want)
		}
		// Either side's lookup alone must find the other, whichever was stored first.
		_, look := crossBlocks("t", c.tillOpen, till, sku, time.Hour)
		store, _ := crossBlocks("t", c.orderOpen, order, sku, time.Hour)
		if found := slices.Contains(look, store[0]); found != c.want {
			t.Errorf("order open %v, till open %v: the till's lookup finds the stored order = %v, want %v",
				c.orderOpen, c.tillOpen, found, c.want)
		}
	}
}

// TestCrossBlocksReachNeighbouringHoursNearby: a sale looks up the cross-location
// blocks of the hours before and after its own only when they hold sales close enough
// to learn from, so a sale in the middle of an hour reads its own hour's only, and a
// pair across the turn of an hour still meets.
func TestCrossBlocksReachNeighbouringHoursNearby(t *testing.T) {
	reach := contentReach(DefaultWeights())
	sku := func(l ontology.Line) string { return l.SKU }
	doc := func(role ontology.Role, system string, at time.Time) *ontology.Document {
		return &ontology.Document{Key: ontology.DocKey{System: system}, Role: role, OccurredAt: at,
			Location: &ontology.LocationRef{System: system, Code: "X"}, Lines: []ontology.Line{{SKU: "LATTE", Qty: ontology.Units(2)}}}
	}
	hour := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		till, order time.Duration // after 09:00
		want        bool
	}{
		{30 * time.Minute, -time.Minute, false},     // 08:59 is 31 minutes before 09:30
		{30 * time.Minute, 61 * time.Minute, false}, // 10:01 is 31 minutes after
		{30 * time.Minute, 55 * time.Minute, true},  // the same hour, however far
		{5 * time.Minute, -time.Minute, true},       // 08:59 against 09:05
		{5 * time.Minute, -50 * time.Minute, true},  // 08:10: the hour is looked up whole
		{55 * time.Minute, 62 * time.Minute, true},  // 10:02 against 09:55
		{time.Hour - reach, -time.Second, false},    // reach and a second away
		{time.Hour - reach + time.Second, 0, true},  // the hour before starts within reach
	} {
		till, order := doc(ontology.RolePOS, "square", hour.Add(c.till)), doc(ontology.RoleOrder, "meituan", hour.Add(c.order))
		_, look := crossBlocks("t", false, till, sku, reach)
		store, _ := crossBlocks("t", true, order, sku, reach)
		if got := slices.Contains(look, store[0]); got != c.want {
			t.Errorf("till at %v, order at %v: the till's lookup finds the order = %v, want %v", till.OccurredAt.Format("15:04:05"),
				order.OccurredAt.Format("15:04:05"), got, c.want)
		}
	}
	if reach < 10*time.Minute || reach > 40*time.Minute {
		t.Errorf("the default weights reach %v; the sales they learn from are minutes apart", reach)
	}
}

// TestContentReachBoundsTheScore: a candidate with every field at its best scores below
// Accept-Margin once it is farther than contentReach, and can reach it a minute nearer,
// so the bound is the scoring's own and not a guess; weights with no margin reach a day.
func TestContentReachBoundsTheScore(t *testing.T) {
	for _, w := range []Weights{DefaultWeights(), {Basket: 2, DelayMean: 60, Window: 3600, TotalEqual: 3, TotalDiffers: -1,
		RefHint: 5, DeliveryTender: 2, CounterTender: -4, Accept: 4, Review: 1, Margin: 0.5}} {
		reach := contentReach(w)
		at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
		total := &ontology.Money{Amount: decimal.RequireFromString("12.50"), Currency: "CNY"}
		// The till's free reference holds the tail of the order's number: the reference hint.
		till := &ontology.Document{Role: ontology.RolePOS, Channel: "delivery", OccurredAt: at, Total: total,
			Refs: []ontology.Ref{{Kind: ontology.RefReceipt, Value: "MT-3812345"}}}
		order := func(dt time.Duration) *ontology.Document {
			return &ontology.Document{Role: ontology.RoleOrder, OccurredAt: at.Add(-dt), Total: total,
				Refs: []ontology.Ref{{Kind: ontology.RefOrderID, Value: "2706190033812345"}}}
		}
		floor := w.Accept - w.Margin
		if e := scoreContent(w, till, order(reach+time.Second)); e.Score >= floor {
			t.Errorf("%+v: a candidate %v away scores %.2f (%v), at least Accept-Margin %.2f", w, reach+time.Second, e.Score, e.Fields, floor)
		}
		if e := scoreContent(w, till, order(reach-time.Minute)); e.Score < floor {
			t.Errorf("%+v: the best candidate %v away scores %.2f, below Accept-Margin %.2f: the reach is not tight", w, reach-time.Minute, e.Score, floor)
		}
	}
	if r := contentReach(Weights{Basket: 4.3, DelayMean: 150, Window: 3600, Accept: 6, Margin: 0}); r < 24*time.Hour {
		t.Errorf("no margin reaches %v, want a day", r)
	}
}

// TestScorableBound: an event of a cross-location block is read unless the block is
// full or the event occurred more than reach after the latest document looking it up;
// an unknown time bounds nothing.
func TestScorableBound(t *testing.T) {
	reach := contentReach(DefaultWeights())
	latest := time.Date(2025, 3, 4, 10, 20, 0, 0, time.UTC)
	for _, c := range []struct {
		n        int
		at       time.Time
		latest   time.Time
		scorable bool
	}{
		{1, latest.Add(-time.Hour), latest, true}, // the bound is one-sided: the event's time is its earliest document's
		{1, latest.Add(reach), latest, true},
		{1, latest.Add(reach + time.Second), latest, false},
		{fanOutCap - 1, latest, latest, true},
		{fanOutCap, latest, latest, false},
		{1, time.Time{}, latest, true},
		{1, latest.Add(2 * time.Hour), time.Time{}, true},
	} {
		if got := scorable(c.n, c.at, c.latest, reach); got != c.scorable {
			t.Errorf("scorable(%d, %s, %s) = %v, want %v", c.n, c.at.Format("15:04:05"), c.latest.Format("15:04:05"), got, c.scorable)
		}
	}
}
