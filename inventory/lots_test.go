package inventory

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

func lotKey(sku, loc, lot string) Key {
	return Key{ontology.Cell{SKU: sku, Location: loc, Lot: lot}, ontology.BucketOnHand}
}

func day(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }

// shelf is a store holding two lots of milk (L1 expires first) and, in some cases, more.
func shelf(extra func(*LotStock)) *LotStock {
	s := NewLotStock()
	p := Place{"MILK", "S"}
	s.Add(p, "L2", ontology.Units(5))
	s.Add(p, "L1", ontology.Units(5))
	s.Expires("MILK", "L1", day(10))
	s.Expires("MILK", "L2", day(20))
	s.Expires("MILK", "L2", day(25)) // a later document's word does not extend it
	if extra != nil {
		extra(s)
	}
	return s
}

func TestPlanLotsTakesFirstExpiredFirstOut(t *testing.T) {
	pos := func(n int64) []Member {
		return []Member{member("p", ontology.RolePOS, ontology.VerbPaid, "S", line("MILK", n))}
	}
	tests := []struct {
		name    string
		members []Member
		lots    *LotStock
		done    Effect
		want    Effect
		picks   []LotPick
	}{
		{
			name: "the lot that expires first goes first", members: pos(3), lots: shelf(nil),
			want:  Effect{lotKey("MILK", "S", "L1"): ontology.Units(-3)},
			picks: []LotPick{{SKU: "MILK", Location: "S", Lot: "L1", ExpiresAt: day(10), Qty: ontology.Units(3)}},
		},
		{
			name: "a sale larger than the lot splits across lots", members: pos(7), lots: shelf(nil),
			want: Effect{lotKey("MILK", "S", "L1"): ontology.Units(-5), lotKey("MILK", "S", "L2"): ontology.Units(-2)},
			picks: []LotPick{{SKU: "MILK", Location: "S", Lot: "L1", ExpiresAt: day(10), Qty: ontology.Units(5)},
				{SKU: "MILK", Location: "S", Lot: "L2", ExpiresAt: day(20), Qty: ontology.Units(2)}},
		},
		{
			name: "what no lot covers comes from lot \"\"", members: pos(12), lots: shelf(nil),
			want: Effect{lotKey("MILK", "S", "L1"): ontology.Units(-5), lotKey("MILK", "S", "L2"): ontology.Units(-5),
				lotKey("MILK", "S", ""): ontology.Units(-2)},
			picks: []LotPick{{SKU: "MILK", Location: "S", Lot: "L1", ExpiresAt: day(10), Qty: ontology.Units(5)},
				{SKU: "MILK", Location: "S", Lot: "L2", ExpiresAt: day(20), Qty: ontology.Units(5)}},
		},
		{
			name: "an expired lot is not available; one without an expiry goes last", members: pos(7),
			lots: shelf(func(s *LotStock) {
				s.Add(Place{"MILK", "S"}, "L0", ontology.Units(9))
				s.Expires("MILK", "L0", day(3)) // the sale is on the 4th
				s.Add(Place{"MILK", "S"}, "LX", ontology.Units(9))
			}),
			want: Effect{lotKey("MILK", "S", "L1"): ontology.Units(-5), lotKey("MILK", "S", "L2"): ontology.Units(-2)},
			picks: []LotPick{{SKU: "MILK", Location: "S", Lot: "L1", ExpiresAt: day(10), Qty: ontology.Units(5)},
				{SKU: "MILK", Location: "S", Lot: "L2", ExpiresAt: day(20), Qty: ontology.Units(2)}},
		},
		{
			name: "a replan keeps the lots the event took, though another lot now expires sooner", members: pos(3),
			lots:  shelf(func(s *LotStock) { s.Add(Place{"MILK", "S"}, "L2", ontology.Units(-3)) }), // its own take
			done:  Effect{lotKey("MILK", "S", "L2"): ontology.Units(-3)},
			want:  Effect{lotKey("MILK", "S", "L2"): ontology.Units(-3)},
			picks: []LotPick{{SKU: "MILK", Location: "S", Lot: "L2", ExpiresAt: day(20), Qty: ontology.Units(3)}},
		},
		{
			name: "a line that names its lot takes that lot",
			members: []Member{member("p", ontology.RolePOS, ontology.VerbPaid, "S",
				Line{SKU: "MILK", Lot: "L2", Qty: ontology.Units(2)})},
			lots: shelf(nil), want: Effect{lotKey("MILK", "S", "L2"): ontology.Units(-2)},
		},
		{
			name:    "an order not shipped yet reserves from the location; no lot is chosen",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbPaid, "S", line("MILK", 2))},
			lots:    shelf(nil), want: Effect{key("MILK", "S", ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name:    "ingredients of two recipes see each other's picks",
			members: []Member{member("p", ontology.RolePOS, ontology.VerbPaid, "S", line("LATTE", 3), line("FLATWHITE", 2))},
			lots:    shelf(nil),
			want:    Effect{lotKey("MILK", "S", "L1"): ontology.Units(-5), lotKey("MILK", "S", "L2"): ontology.Units(-2)},
			picks: []LotPick{{SKU: "MILK", Location: "S", Lot: "L1", ExpiresAt: day(10), Qty: ontology.Units(5)},
				{SKU: "MILK", Location: "S", Lot: "L2", ExpiresAt: day(20), Qty: ontology.Units(2)}},
		},
		{
			name: "without lots known, everything comes from lot \"\" as before", members: pos(3),
			want: Effect{lotKey("MILK", "S", ""): ontology.Units(-3)},
		},
	}
	book := recipeBook{"LATTE": {{SKU: "MILK", Qty: ontology.Units(1)}}, "FLATWHITE": {{SKU: "MILK", Qty: ontology.Units(2)}}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := clone(tc.lots)
			got, _, picks := PlanLots(tc.members, book, tc.lots, tc.done)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("effect = %v, want %v", got, tc.want)
			}
			if !reflect.DeepEqual(picks, tc.picks) {
				t.Errorf("picks = %+v, want %+v", picks, tc.picks)
			}
			if !sameStock(tc.lots, before) {
				t.Errorf("planning changed the lot stock it was given")
			}
			again, _, _ := PlanLots(tc.members, book, tc.lots, tc.done)
			if !reflect.DeepEqual(again, got) {
				t.Errorf("a second plan differs: %v then %v", got, again)
			}
		})
	}
}

func TestLotStockApplySeesEarlierEventsOfTheBatch(t *testing.T) {
	s := shelf(nil)
	first, _, _ := PlanLots([]Member{member("a", ontology.RolePOS, ontology.VerbPaid, "S", line("MILK", 4))}, nil, s, nil)
	var ms []ontology.Movement
	for k, q := range first {
		ms = append(ms, ontology.Movement{SKU: k.SKU, Location: k.Location, Lot: k.Lot, Bucket: k.Bucket, Qty: q})
	}
	s.Apply(ms)
	second, _, _ := PlanLots([]Member{member("b", ontology.RolePOS, ontology.VerbPaid, "S", line("MILK", 4))}, nil, s, nil)
	want := Effect{lotKey("MILK", "S", "L1"): ontology.Units(-1), lotKey("MILK", "S", "L2"): ontology.Units(-3)}
	if !reflect.DeepEqual(second, want) {
		t.Fatalf("second sale = %v, want %v", second, want)
	}
}

// clone deep-copies a lot stock, to prove planning leaves its input alone.
// sameStock reports whether two lot stocks know the same lots, quantities and expiries
// (what planning keeps on the side, the FEFO order, is no part of it).
func sameStock(a, b *LotStock) bool {
	if a == nil || b == nil {
		return a == b
	}
	return reflect.DeepEqual(a.onHand, b.onHand) && reflect.DeepEqual(a.expiry, b.expiry)
}

func clone(s *LotStock) *LotStock {
	if s == nil {
		return nil
	}
	c := NewLotStock()
	for p, lots := range s.onHand {
		for lot, q := range lots {
			c.Add(p, lot, q)
		}
	}
	for k, at := range s.expiry {
		c.expiry[k] = at
	}
	return c
}

// referenceTake is FEFO as the lots doc says it, written plainly: the lots at the place
// (on hand plus the event's own earlier takes, less this plan's), those the event took
// before first, then by expiry (unknown last) and name; expired and empty ones passed.
// It is the oracle the kept FEFO order is checked against.
func referenceTake(s *LotStock, done Effect, at time.Time, used map[string]ontology.Qty, eff Effect, p Place, q ontology.Qty) []LotPick {
	avail := map[string]ontology.Qty{}
	for lot, n := range s.onHand[p] {
		avail[lot] += n
	}
	took := map[string]bool{}
	for k, n := range done {
		if k.SKU == p.SKU && k.Location == p.Location && k.Lot != "" && k.Bucket == ontology.BucketOnHand && n < 0 {
			avail[k.Lot] -= n
			took[k.Lot] = true
		}
	}
	var lots []string
	for lot, n := range avail {
		exp := s.Expiry(p.SKU, lot)
		if n-used[lot] > 0 && (exp.IsZero() || exp.After(at)) {
			lots = append(lots, lot)
		}
	}
	sort.Slice(lots, func(i, j int) bool {
		a, b := lots[i], lots[j]
		if took[a] != took[b] {
			return took[a]
		}
		ea, eb := s.Expiry(p.SKU, a), s.Expiry(p.SKU, b)
		if ea.IsZero() != eb.IsZero() {
			return !ea.IsZero()
		}
		if !ea.Equal(eb) {
			return ea.Before(eb)
		}
		return a < b
	})
	var picks []LotPick
	for _, lot := range lots {
		if q == 0 {
			break
		}
		n := min(q, avail[lot]-used[lot])
		used[lot] += n
		q -= n
		eff.add(lotKey(p.SKU, p.Location, lot), -n)
		picks = append(picks, LotPick{SKU: p.SKU, Location: p.Location, Lot: lot, ExpiresAt: s.Expiry(p.SKU, lot), Qty: n})
	}
	if q > 0 {
		eff.add(lotKey(p.SKU, p.Location, ""), -q)
	}
	return picks
}

// TestLotTakerMatchesReferenceFEFO checks the taker, which keeps each place's lots in
// FEFO order and starts past the expired ones, against the plain definition, over random
// shelves with expired, unknown-expiry, empty and owed lots, earlier takes of the event
// and several takes in one plan.
func TestLotTakerMatchesReferenceFEFO(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	p := Place{"MILK", "S"}
	for round := range 2000 {
		s := NewLotStock()
		done := Effect{}
		for i := range rng.IntN(12) {
			lot := fmt.Sprintf("L%02d", i)
			s.Add(p, lot, ontology.Units(int64(rng.IntN(9)-2)))
			if rng.IntN(4) > 0 {
				s.Expires(p.SKU, lot, day(1+rng.IntN(20)))
			}
			if rng.IntN(5) == 0 {
				done[lotKey(p.SKU, p.Location, lot)] = ontology.Units(-int64(1 + rng.IntN(3)))
			}
		}
		at := day(1 + rng.IntN(20))
		lt := newLotTaker(s, done, at)
		got, want := Effect{}, Effect{}
		used := map[string]ontology.Qty{}
		var ref []LotPick
		for range 1 + rng.IntN(3) {
			q := ontology.Units(int64(1 + rng.IntN(15)))
			lt.take(got, p.SKU, p.Location, "", q)
			ref = append(ref, referenceTake(s, done, at, used, want, p, q)...)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(lt.picks, ref) {
			t.Fatalf("round %d: effect %v picks %+v, want %v picks %+v", round, got, lt.picks, want, ref)
		}
	}
}

// BenchmarkPlanLotsLongHistory plans one sale at a place holding a long history of
// lots, nearly all expired with stock left (expired goods are never sold), as years of
// daily receipts leave them. The cost per sale should not grow with the history. The
// cold runs plan each sale on a stock read afresh (the first sale of a place in a
// batch), which sorts the place's lots once.
func BenchmarkPlanLotsLongHistory(b *testing.B) {
	for _, tc := range []struct {
		n    int
		cold bool
	}{{10, false}, {100, false}, {1000, false}, {10000, false}, {10, true}, {1000, true}, {10000, true}} {
		n := tc.n
		b.Run(fmt.Sprintf("lots=%d/cold=%v", n, tc.cold), func(b *testing.B) {
			s := NewLotStock()
			p := Place{"MILK", "S"}
			start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
			for i := range n {
				lot := fmt.Sprintf("L%06d", i)
				s.Add(p, lot, ontology.Units(3))
				s.Expires(p.SKU, lot, start.AddDate(0, 0, i))
			}
			at := start.AddDate(0, 0, n-5) // the last few lots are good
			sale := []Member{member("p", ontology.RolePOS, ontology.VerbPaid, "S", line("MILK", 4))}
			sale[0].OccurredAt = at
			b.ReportAllocs()
			for b.Loop() {
				if tc.cold {
					clear(s.sorted)
				}
				PlanLots(sale, nil, s, nil)
			}
		})
	}
}
