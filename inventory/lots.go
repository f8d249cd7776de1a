package inventory

import (
	"maps"
	"sort"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Lots: goods leave first expired, first out (FEFO). A sale, shipment or ingredient
// that names no lot takes from the lots on hand at its location, the one that expires
// first first, splitting across lots when one does not cover it; what no lot covers
// comes from lot "" (which may go negative, as any stock may: the sale happened). Lots
// whose expiry has passed when the goods leave are not available. A lot without a
// known expiry goes after every lot with one. The chosen lots are kept with the event
// (LotPick) as the evidence of the choice.
//
// Reserved stock stays on the location's lot "": a reservation or an unshipped order
// holds from the location as a whole, and the lot is chosen when the goods leave.
//
// Replanning an event (a refund, a late shipment) must not move its goods between lots
// because other sales emptied them meanwhile: the lots the event already took from are
// counted as available to it again and taken first, so an unchanged event plans the
// same picks.

// Place is a product at a location: where FEFO chooses among lots.
type Place struct {
	SKU      string
	Location string
}

// LotStock is what planning knows of the lots on hand: per place, each lot's on-hand
// quantity, and each lot's expiry. The zero value knows no lots.
type LotStock struct {
	onHand map[Place]map[string]ontology.Qty
	expiry map[[2]string]time.Time // sku, lot
}

// NewLotStock returns an empty lot stock.
func NewLotStock() *LotStock {
	return &LotStock{onHand: map[Place]map[string]ontology.Qty{}, expiry: map[[2]string]time.Time{}}
}

// Add adds q to a lot's on-hand quantity at a place. Lot "" is not a lot and is ignored.
func (s *LotStock) Add(p Place, lot string, q ontology.Qty) {
	if lot == "" || q == 0 {
		return
	}
	if s.onHand[p] == nil {
		s.onHand[p] = map[string]ontology.Qty{}
	}
	s.onHand[p][lot] += q
}

// Expires records a lot's expiry. Documents may disagree; the earliest counts, so that
// no document's word makes goods sellable longer.
func (s *LotStock) Expires(sku, lot string, at time.Time) {
	if at.IsZero() {
		return
	}
	k := [2]string{sku, lot}
	if e, ok := s.expiry[k]; !ok || at.Before(e) {
		s.expiry[k] = at
	}
}

// Expiry returns a lot's expiry, zero when unknown.
func (s *LotStock) Expiry(sku, lot string) time.Time {
	if s == nil {
		return time.Time{}
	}
	return s.expiry[[2]string{sku, lot}]
}

// At returns the lots on hand at p, each lot's quantity, as a copy.
func (s *LotStock) At(p Place) map[string]ontology.Qty { return maps.Clone(s.onHand[p]) }

// Apply adds the on-hand movements of one event, so that the next event planned in the
// same batch sees what this one took.
func (s *LotStock) Apply(ms []ontology.Movement) {
	for _, m := range ms {
		if m.Bucket == ontology.BucketOnHand {
			s.Add(Place{m.SKU, m.Location}, m.Lot, m.Qty)
		}
	}
}

// LotPick is one lot FEFO chose for goods that named none.
type LotPick struct {
	SKU       string       `json:"sku"`
	Location  string       `json:"location"`
	Lot       string       `json:"lot"`
	ExpiresAt time.Time    `json:"expiresAt,omitzero"`
	Qty       ontology.Qty `json:"qty"`
}

// lotTaker picks lots for one event's plan. It works on its own copy of the event's
// view of a place, so that several takes in one plan (two recipes that use milk) see
// each other and the LotStock is never changed.
type lotTaker struct {
	stock *LotStock
	done  Effect // what the event did so far: its earlier picks
	at    time.Time
	left  map[Place]map[string]ontology.Qty
	picks []LotPick
}

func newLotTaker(stock *LotStock, done Effect, at time.Time) *lotTaker {
	return &lotTaker{stock: stock, done: done, at: at, left: map[Place]map[string]ontology.Qty{}}
}

// view is what the event may take at a place: what is on hand, plus what the event took
// itself before (it is its own to take again).
func (t *lotTaker) view(p Place) map[string]ontology.Qty {
	if v, ok := t.left[p]; ok {
		return v
	}
	v := map[string]ontology.Qty{}
	if t.stock != nil {
		for lot, q := range t.stock.onHand[p] {
			v[lot] += q
		}
	}
	for k, q := range t.done {
		if k.SKU == p.SKU && k.Location == p.Location && k.Lot != "" && k.Bucket == ontology.BucketOnHand && q < 0 {
			v[k.Lot] -= q
		}
	}
	t.left[p] = v
	return v
}

// order lists the lots to take from at a place: those the event took before, then the
// rest, each group by expiry (unknown last) and name; expired and empty lots left out.
func (t *lotTaker) order(p Place, v map[string]ontology.Qty) []string {
	var lots []string
	for lot, q := range v {
		exp := t.stock.Expiry(p.SKU, lot)
		if q > 0 && (exp.IsZero() || exp.After(t.at)) {
			lots = append(lots, lot)
		}
	}
	took := func(lot string) bool {
		return t.done[Key{ontology.Cell{SKU: p.SKU, Location: p.Location, Lot: lot}, ontology.BucketOnHand}] < 0
	}
	sort.Slice(lots, func(i, j int) bool {
		a, b := lots[i], lots[j]
		if ta, tb := took(a), took(b); ta != tb {
			return ta
		}
		ea, eb := t.stock.Expiry(p.SKU, a), t.stock.Expiry(p.SKU, b)
		switch {
		case ea.IsZero() != eb.IsZero():
			return !ea.IsZero()
		case !ea.Equal(eb):
			return ea.Before(eb)
		}
		return a < b
	})
	return lots
}

// take adds to eff the on-hand take of q units of sku at loc from lot (when the goods
// name one) or from the lots FEFO chooses, the rest from lot "".
func (t *lotTaker) take(eff Effect, sku, loc, lot string, q ontology.Qty) {
	if lot != "" || q <= 0 {
		eff.add(Key{ontology.Cell{SKU: sku, Location: loc, Lot: lot}, ontology.BucketOnHand}, -q)
		return
	}
	p := Place{SKU: sku, Location: loc}
	v := t.view(p)
	for _, l := range t.order(p, v) {
		if q == 0 {
			break
		}
		n := min(q, v[l])
		v[l] -= n
		q -= n
		eff.add(Key{ontology.Cell{SKU: sku, Location: loc, Lot: l}, ontology.BucketOnHand}, -n)
		t.picks = append(t.picks, LotPick{SKU: sku, Location: loc, Lot: l, ExpiresAt: t.stock.Expiry(sku, l), Qty: n})
	}
	if q > 0 {
		eff.add(Key{ontology.Cell{SKU: sku, Location: loc}, ontology.BucketOnHand}, -q)
	}
}

// result returns the picks, one per lot and place, in a stable order.
func (t *lotTaker) result() []LotPick {
	at := map[[3]string]int{}
	var out []LotPick
	for _, p := range t.picks {
		k := [3]string{p.SKU, p.Location, p.Lot}
		if i, ok := at[k]; ok {
			out[i].Qty += p.Qty
			continue
		}
		at[k] = len(out)
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.SKU != b.SKU {
			return a.SKU < b.SKU
		}
		return a.Location < b.Location
	})
	return out
}
