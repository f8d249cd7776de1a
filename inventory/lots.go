package inventory

import (
	"maps"
	"slices"
	"sort"
	"strings"
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
// quantity, and each lot's expiry. The zero value knows no lots. A LotStock is not safe
// for concurrent use: planning keeps, per place, its lots in FEFO order (see fefo).
type LotStock struct {
	onHand map[Place]map[string]ontology.Qty
	expiry map[[2]string]time.Time // sku, lot
	// sorted is, per place, every lot onHand holds there in FEFO order: kept because
	// a place holds every lot that ever stayed on its shelf (expired lots are never
	// sold, so years of them pile up), and sorting them at every take made a backlog's
	// later sales cost more than its first (seam bench backlog --grow days).
	sorted map[Place][]fefoLot
}

// fefoLot is a lot in FEFO order: its name and expiry (zero: unknown).
type fefoLot struct {
	lot string
	exp time.Time
}

// NewLotStock returns an empty lot stock.
func NewLotStock() *LotStock {
	return &LotStock{onHand: map[Place]map[string]ontology.Qty{}, expiry: map[[2]string]time.Time{}, sorted: map[Place][]fefoLot{}}
}

// Add adds q to a lot's on-hand quantity at a place. Lot "" is not a lot and is ignored.
func (s *LotStock) Add(p Place, lot string, q ontology.Qty) {
	if lot == "" || q == 0 {
		return
	}
	if s.onHand[p] == nil {
		s.onHand[p] = map[string]ontology.Qty{}
	}
	if _, ok := s.onHand[p][lot]; !ok {
		delete(s.sorted, p)
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
		clear(s.sorted) // expiries are told before planning starts: this is rare
	}
}

// fefo returns the lots onHand holds at p, whatever their quantity, in FEFO order: by
// expiry, unknown last, then by name. Expired lots form a prefix of it at any time.
func (s *LotStock) fefo(p Place) []fefoLot {
	if l, ok := s.sorted[p]; ok {
		return l
	}
	l := make([]fefoLot, 0, len(s.onHand[p]))
	for lot := range s.onHand[p] {
		l = append(l, fefoLot{lot, s.Expiry(p.SKU, lot)})
	}
	slices.SortFunc(l, fefoCompare)
	if s.sorted == nil {
		s.sorted = map[Place][]fefoLot{}
	}
	s.sorted[p] = l
	return l
}

// fefoCompare orders lots first expired, first out: known expiries before unknown ones,
// earlier before later, then by name so that the order never depends on a map's.
func fefoCompare(a, b fefoLot) int {
	switch {
	case a.exp.IsZero() != b.exp.IsZero():
		if a.exp.IsZero() {
			return 1
		}
		return -1
	case !a.exp.Equal(b.exp):
		return a.exp.Compare(b.exp)
	}
	return strings.Compare(a.lot, b.lot)
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

// lotTaker picks lots for one event's plan. It counts what the plan took so far at each
// place, so that several takes in one plan (two recipes that use milk) see each other
// and the LotStock is never changed.
type lotTaker struct {
	stock *LotStock
	done  Effect // what the event did so far: its earlier picks
	at    time.Time
	used  map[Place]map[string]ontology.Qty // taken by this plan, per place and lot
	took  map[Place][]fefoLot               // lots the event took before, per place, in FEFO order
	picks []LotPick
}

func newLotTaker(stock *LotStock, done Effect, at time.Time) *lotTaker {
	if stock == nil {
		stock = &LotStock{}
	}
	return &lotTaker{stock: stock, done: done, at: at, used: map[Place]map[string]ontology.Qty{}, took: map[Place][]fefoLot{}}
}

// before is what the event itself took of a lot before: it is its own to take again.
func (t *lotTaker) before(p Place, lot string) ontology.Qty {
	if q := t.done[Key{ontology.Cell{SKU: p.SKU, Location: p.Location, Lot: lot}, ontology.BucketOnHand}]; q < 0 {
		return -q
	}
	return 0
}

// left is what the event may still take of a lot at a place: what is on hand, plus what
// the event took itself before, less what this plan took.
func (t *lotTaker) left(p Place, lot string) ontology.Qty {
	return t.stock.onHand[p][lot] + t.before(p, lot) - t.used[p][lot]
}

// tookBefore lists the lots at p the event took before, in FEFO order.
func (t *lotTaker) tookBefore(p Place) []fefoLot {
	if l, ok := t.took[p]; ok {
		return l
	}
	var l []fefoLot
	for k, q := range t.done {
		if k.SKU == p.SKU && k.Location == p.Location && k.Lot != "" && k.Bucket == ontology.BucketOnHand && q < 0 {
			l = append(l, fefoLot{k.Lot, t.stock.Expiry(p.SKU, k.Lot)})
		}
	}
	slices.SortFunc(l, fefoCompare)
	t.took[p] = l
	return l
}

// usable reports whether a lot has not expired when the goods leave.
func (t *lotTaker) usable(l fefoLot) bool { return l.exp.IsZero() || l.exp.After(t.at) }

// take adds to eff the on-hand take of q units of sku at loc from lot (when the goods
// name one) or from the lots FEFO chooses, the rest from lot "". The lots the event
// took before go first, then the others, each group by expiry (unknown last) and name;
// expired and empty lots are passed over.
func (t *lotTaker) take(eff Effect, sku, loc, lot string, q ontology.Qty) {
	if lot != "" || q <= 0 {
		eff.add(Key{ontology.Cell{SKU: sku, Location: loc, Lot: lot}, ontology.BucketOnHand}, -q)
		return
	}
	p := Place{SKU: sku, Location: loc}
	from := func(l fefoLot) {
		n := min(q, t.left(p, l.lot))
		if n <= 0 || !t.usable(l) {
			return
		}
		if t.used[p] == nil {
			t.used[p] = map[string]ontology.Qty{}
		}
		t.used[p][l.lot] += n
		q -= n
		eff.add(Key{ontology.Cell{SKU: sku, Location: loc, Lot: l.lot}, ontology.BucketOnHand}, -n)
		t.picks = append(t.picks, LotPick{SKU: sku, Location: loc, Lot: l.lot, ExpiresAt: l.exp, Qty: n})
	}
	took := t.tookBefore(p)
	for _, l := range took {
		if q == 0 {
			break
		}
		from(l)
	}
	// Expired lots are a prefix of the FEFO order: start past them.
	all := t.stock.fefo(p)
	i, _ := slices.BinarySearchFunc(all, t.at, func(l fefoLot, at time.Time) int {
		if t.usable(l) {
			return 1
		}
		return -1
	})
	for _, l := range all[i:] {
		if q == 0 {
			break
		}
		if !slices.ContainsFunc(took, func(x fefoLot) bool { return x.lot == l.lot }) {
			from(l)
		}
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
