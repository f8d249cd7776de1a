package inventory

import (
	"reflect"
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
			if !reflect.DeepEqual(tc.lots, before) {
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
