package inventory

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Member is a document of an event as the ledger needs it: its role and verb, where it
// happened, and its goods lines with canonical products.
type Member struct {
	UID        string
	System     string
	Type       ontology.DocType
	Role       ontology.Role
	Verb       ontology.Verb
	Direction  string
	OccurredAt time.Time
	Location   string // canonical location; "" when the document names none
	Lines      []Line
	// SaleKeepsReturns marks a refund whose sale still counts the goods it returned
	// (ontology.Document.SaleKeepsReturns): they come back on top of what the sale took.
	SaleKeepsReturns bool
	// CountedRefunds are the ids of the refunds an order's quantities already leave out
	// (ontology.Document.CountedRefunds); nil where the order does not say.
	CountedRefunds *[]string
	// WholeOrder marks a refund of all the order's money (ontology.Document.WholeOrder):
	// made, nothing of the order is left to ship.
	WholeOrder bool
	// WholeOutcome is what became of the goods of such a refund (returned, kept,
	// unshipped; "": not said), which lists none: it is taken to list the sale's.
	WholeOutcome string
}

// Line is a goods line with its canonical product.
type Line struct {
	SKU string
	Lot string
	// Row is the source's id of the line in its document (ontology.Line.Row): a lots
	// document's line names the receipt line whose lots it holds by it.
	Row string
	// Location is where the line's goods move when the source books the line at a
	// place of its own (canonical; "": the member's Location).
	Location string
	// RejectedLocation is where a receipt line's refused goods are held when the
	// source keeps them apart (canonical; "": where the line's goods go).
	RejectedLocation string
	Qty              ontology.Qty
	ExpectedQty      *ontology.Qty
	// RejectedQty is what a receipt refused: it stays on hold at the location.
	RejectedQty *ontology.Qty
	// Outcome is what became of a refund line's goods (ontology.Line.Outcome): "" or
	// returned, kept or unshipped.
	Outcome string
	// KeepsRefunds marks a sale's line whose quantity still counts the units refunded
	// from it (ontology.Line.KeepsRefunds).
	KeepsRefunds bool
}

// Key is one stock cell and bucket.
type Key struct {
	ontology.Cell
	Bucket ontology.Bucket
}

// Effect is the net change to stock an event should have made, by cell and bucket.
type Effect map[Key]ontology.Qty

// Discrepancy is a difference between documents of one event about the same goods, such
// as 1,000 declared but 980 received. It is kept, not hidden, for finance to see.
type Discrepancy struct {
	SKU      string       `json:"sku"`
	Lot      string       `json:"lot,omitempty"`
	Expected ontology.Qty `json:"expected"`
	Actual   ontology.Qty `json:"actual"`
	Source   string       `json:"source"` // which document announced Expected
}

// Ingredient is one input of a recipe: what making one unit of a product consumes.
type Ingredient struct {
	SKU string       `yaml:"sku"`
	Qty ontology.Qty `yaml:"qty"`
}

// Recipes tells what a product is made of. A product sold with a recipe (a latte) is not
// stocked itself; its sale consumes the ingredients (milk, beans, a cup).
type Recipes interface {
	Recipe(sku string) []Ingredient
}

// NoRecipes is a Recipes without any recipe.
type NoRecipes struct{}

// Recipe implements Recipes.
func (NoRecipes) Recipe(string) []Ingredient { return nil }

// Kind decides what kind of event a set of members describes. Goods sold outrank goods
// received, which outrank shipments; documents about money alone make a payment event.
// A customs declaration that belongs to a sale (a cross-border B2C export) is part of
// the sale; on its own it announces goods coming in.
func Kind(members []Member) ontology.EventKind {
	has := map[ontology.Role]bool{}
	customsOrder := false
	for _, m := range members {
		has[m.Role] = true
		customsOrder = customsOrder || (m.Role == ontology.RoleDeclaration && m.Type == ontology.TypeOrder)
	}
	switch {
	case has[ontology.RoleOrder] || has[ontology.RolePOS]:
		return ontology.KindSale
	case customsOrder:
		// A cross-border e-commerce order declared to customs (CEB303/CEB311) is a sale
		// seen by customs. Without the platform's order or a POS it names no stock to
		// move, but it must not announce goods coming in as a declaration of goods does.
		return ontology.KindSale
	case has[ontology.RoleReceipt] && !has[ontology.RolePurchase] && !has[ontology.RoleDeclaration] && ownBooking(members):
		return ownBookingKind(members)
	case has[ontology.RoleReceipt] || has[ontology.RolePurchase] || has[ontology.RoleDeclaration]:
		// A declaration without an order is goods coming to us: a supplier's export
		// declaration is our import, whatever its IEFlag says from China's side.
		return ontology.KindReceipt
	case has[ontology.RoleFulfilment] || has[ontology.RoleTracking]:
		return ontology.KindShipment
	case has[ontology.RoleRefund]:
		// A refund whose sale is not known yet: the goods it restocked came back.
		return ontology.KindReturn
	case has[ontology.RolePayment] || has[ontology.RoleInvoice] || has[ontology.RolePayout] || has[ontology.RoleSettlement]:
		return ontology.KindPayment
	case has[ontology.RoleReading] || has[ontology.RoleSignal]:
		return ontology.KindObservation
	}
	return ontology.KindAdjustment
}

// movedVerbs are the verbs by which a receipt-role document says goods moved, not only
// that they are announced: received, and an ERP's own stock bookings (ERPNext's stock
// entries and purchase returns): goods returned to the supplier, transferred between
// its warehouses, consumed (issued for use) or adjusted (repacked, manufactured).
var movedVerbs = map[ontology.Verb]bool{ontology.VerbReceived: true, ontology.VerbReturned: true,
	ontology.VerbTransferred: true, ontology.VerbConsumed: true, ontology.VerbAdjusted: true}

// outbound reports a receipt-role document that books goods leaving its location: a
// return to the supplier, a material issue, the source side of a transfer.
func outbound(m Member) bool { return m.Direction == "outbound" }

// ownBooking reports whether an event's receipt documents are all the business's own
// stock bookings rather than goods arriving from a supplier: each books goods leaving,
// moves them between its own locations, or adjusts what a location holds (a stocktake's
// goods found over, the products of a repack).
func ownBooking(ms []Member) bool {
	for _, m := range ms {
		if m.Role == ontology.RoleReceipt && !outbound(m) && m.Verb != ontology.VerbTransferred && m.Verb != ontology.VerbAdjusted {
			return false
		}
	}
	return true
}

// ownBookingKind names such an event: a transfer between locations, goods consumed, or
// another adjustment (goods sent back to a supplier without their receipt).
func ownBookingKind(ms []Member) ontology.EventKind {
	kind := ontology.KindAdjustment
	for _, m := range ms {
		switch {
		case m.Role != ontology.RoleReceipt:
		case m.Verb == ontology.VerbTransferred:
			return ontology.KindTransfer
		case m.Verb == ontology.VerbConsumed:
			kind = ontology.KindConsumption
		}
	}
	return kind
}

// goodsLeft reports whether an event's documents show that the goods physically left:
// a point of sale, a fulfilment or tracking, or an order whose status says so.
func goodsLeft(members []Member) bool {
	for _, m := range members {
		switch m.Role {
		case ontology.RolePOS:
			// A cancelled ring-up or delivery note took nothing (ERPNext cancels one by
			// booking its goods back); one still open did not yet.
			if rungUp(m) {
				return true
			}
		case ontology.RoleTracking:
			if picked(m) {
				return true
			}
		case ontology.RoleFulfilment:
			if m.Verb != ontology.VerbCancelled {
				return true
			}
		}
		switch m.Verb {
		case ontology.VerbFulfilled, ontology.VerbShipped, ontology.VerbDelivered:
			return true
		}
	}
	return false
}

// Plan returns the effect an event with these members should have on stock, and the
// discrepancies between its documents. It is a pure function of the members, so the
// same members always give the same plan, whatever order they arrived in.
//
// A sale takes its lines from the point of sale when there is one (what the store rang
// up), otherwise from the earliest order. It reserves stock until the documents show the
// goods left (a ring-up that is not still open, announced as ordered, does), then takes
// them from on-hand. A cancelled sale does nothing; an order refunded in full reserves
// nothing (goods that left stay taken). Goods a shipment took leave from the location
// it names, else from the sale's; goods a refund restocked come back where it restocked
// them.
//
// A receipt of goods adds what was accepted (received minus rejected) to on-hand at the
// receiving location. Before any receipt, what was declared or ordered from the supplier
// is incoming at its destination.
func Plan(members []Member, recipes Recipes) (Effect, []Discrepancy) {
	eff, ds, _ := PlanLots(members, recipes, nil, nil)
	return eff, ds
}

// PlanLots is Plan with the lots on hand known: goods that leave without naming a lot
// take the lots that expire first (see "Lots" in lots.go), and the lots chosen are
// returned. done is what the event's movements did so far (its earlier picks are its
// own to take again); lots and done may be nil. It is as pure as Plan: the same members,
// lots and done always give the same plan.
func PlanLots(members []Member, recipes Recipes, lots *LotStock, done Effect) (Effect, []Discrepancy, []LotPick) {
	if recipes == nil {
		recipes = NoRecipes{}
	}
	ms := append([]Member(nil), members...)
	sort.SliceStable(ms, func(i, j int) bool {
		if !ms[i].OccurredAt.Equal(ms[j].OccurredAt) {
			return ms[i].OccurredAt.Before(ms[j].OccurredAt)
		}
		return ms[i].UID < ms[j].UID
	})
	eff := Effect{}
	switch Kind(ms) {
	case ontology.KindSale:
		picks := planSale(ms, eff, recipes, lots, done)
		return eff.clean(), nil, picks
	case ontology.KindReceipt, ontology.KindTransfer, ontology.KindConsumption, ontology.KindAdjustment:
		d := planReceipt(ms, eff)
		return eff.clean(), d, nil
	case ontology.KindReturn:
		where := placed(firstLocation(ms), lineLocations(ms))
		r := returnedLines(ms, where, nil, nil)
		for k, q := range r.kept {
			r.netted[k] += q
		}
		for k, q := range r.away {
			r.netted[k] -= q
		}
		for k, q := range r.netted {
			eff.add(Key{ontology.Cell{SKU: k.SKU, Location: where(k), Lot: k.Lot}, ontology.BucketOnHand}, q)
		}
		for k, q := range r.elsewhere {
			eff.add(k, q)
		}
		return eff.clean(), nil, nil
	}
	return eff, nil, nil
}

func planSale(ms []Member, eff Effect, recipes Recipes, lots *LotStock, done Effect) []LotPick {
	src := firstStanding(ms, ontology.RolePOS)
	if src == nil {
		src = first(ms, ontology.RoleOrder)
	}
	if src == nil || cancelled(ms) {
		return nil
	}
	// Lots are judged at the time of the sale: a replan later must not find them expired.
	lt := newLotTaker(lots, done, src.OccurredAt)
	loc := src.Location
	if loc == "" {
		loc = firstLocation(ms)
	}
	// Each product leaves where the sale's own line booked it (an ERPNext delivery note's
	// line warehouse), else at the sale's location.
	where := placed(loc, lineLocations([]Member{*src}))
	// What is still ordered, per product (a Shopify line's current_quantity, after edits
	// and refunds); made-to-order products consume their ingredients at once. gross are
	// the products whose quantity still counts the units refunded (a Shopify order read
	// before current_quantity existed).
	ordered := map[Line]ontology.Qty{}
	gross := map[Line]bool{}
	var products []Line
	for _, l := range src.Lines {
		if in := recipes.Recipe(l.SKU); len(in) > 0 {
			for _, i := range in {
				lt.take(eff, i.SKU, at(l.Location, loc), "", i.Qty.Mul(l.Qty))
			}
			continue
		}
		k := Line{SKU: l.SKU, Lot: l.Lot}
		if _, ok := ordered[k]; !ok {
			products = append(products, k)
		}
		ordered[k] += l.Qty
		gross[k] = gross[k] || l.KeepsRefunds
	}
	ms = withWholeLines(ms, src)
	shipped, counted := shippedLines(ms)
	from := shippedElsewhere(ms, where)
	// netted are goods back that the order's quantities already leave out (a Shopify
	// order's current_quantity); kept, goods back that the sale still counts (a Square
	// sale, whose return is an order of its own; a Shopify order without
	// current_quantity), returned where the sale booked the product; elsewhere, those
	// returned at another location, which they go back to (away: how many of them there
	// are). gone are goods refunded that the buyer kept and the order's quantities leave
	// out; withBuyer, such goods that they still count. unshipped are goods refunded
	// before they left that the order's quantities still count.
	r := returnedLines(ms, where, gross, uncounted(*src))
	netted, kept := r.netted, r.kept
	for k, q := range r.elsewhere {
		eff.add(k, q)
	}
	for k, q := range r.unshipped {
		ordered[k] = max(ordered[k]-q, 0)
	}
	left := goodsLeft(ms)
	carried := withCarrier(ms)
	bounced := returnedToSender(ms)
	// A shipment or return may name a product the order no longer lists (edited away
	// after it shipped): its movements count all the same.
	for _, m := range []map[Line]ontology.Qty{shipped, netted, kept, r.gone, r.withBuyer} {
		for k := range m {
			if _, ok := ordered[k]; !ok {
				products = append(products, k)
				ordered[k] = 0
			}
		}
	}
	for _, k := range products {
		cell := ontology.Cell{SKU: k.SKU, Location: where(k), Lot: k.Lot}
		// What physically left: the shipments' own lines when there are any (a partial
		// fulfilment ships part of the order); else all of it once a document says the
		// goods left. The units a refund returned, or refunded and left with the buyer,
		// were shipped before, and a current quantity no longer counts them.
		out := shipped[k]
		if !counted && left {
			out = ordered[k] + netted[k] + r.gone[k]
		} else {
			// Goods a refund took back had left, whatever the sale's other documents
			// say yet: a Shopify refund restocked as a return ("the items were already
			// delivered") may come before the shipment or the order's update that says
			// so, and a shipment's lines may not list all that left.
			out = max(out, netted[k]+kept[k])
		}
		// What came back here; goods restocked at another location are on hand there.
		back := netted[k] + kept[k] - r.away[k]
		if bounced && out > back {
			// The carrier brought the parcel back to the merchant: what left is on
			// hand again.
			back = out
		}
		// Goods a shipment took from a place of its own (a Shopify fulfilment's
		// location_id) left from there, the rest from the sale's place; a parcel the
		// carrier brought back took nothing from anywhere.
		here := out - back
		for _, o := range from[k] {
			if bounced {
				break
			}
			lt.take(eff, k.SKU, o.loc, k.Lot, o.qty)
			if carried(k.SKU) {
				eff.add(Key{ontology.Cell{SKU: k.SKU, Location: o.loc, Lot: k.Lot}, ontology.BucketInTransit}, o.qty)
			}
			here -= o.qty
		}
		lt.take(eff, k.SKU, cell.Location, k.Lot, here)
		if carried(k.SKU) && here > 0 {
			eff.add(Key{cell, ontology.BucketInTransit}, here)
		}
		// What is still to ship stays reserved, unless the order itself says it is all
		// fulfilled (or it was rung up at a till, where the goods leave at once). Units
		// refunded and returned or kept by the buyer are not to ship, and count against
		// what shipped first, as Shopify counts a line's fulfillable_quantity ("quantity
		// - max(refunded_quantity, fulfilled_quantity) - ..."): a partial refund without
		// restock of a partly shipped order is of goods that left, and one of more than
		// left takes the rest from what was still to ship. all is the line's quantity
		// with every such unit, whether or not the order's quantity still counts them.
		// Where the shipments list their goods, the order's word covers only the
		// products they name in full: one they never name has not left, whatever the
		// order's status says (a Douyin order shipped, status 3, whose packages list some
		// of its SKU orders), nor have the units of one they name fewer times than the
		// order lists it (two SKU orders of one SKU, one of them packed).
		named := shipped[k] >= ordered[k]
		done := fullyFulfilled(ms) && (!counted || named || slices.ContainsFunc(ms, rungUp))
		refundedOut := netted[k] + kept[k] + r.gone[k] + r.withBuyer[k]
		all := ordered[k] + netted[k] + r.gone[k]
		if rest := all - max(out, refundedOut); rest > 0 && !done && !refundedInFull(ms) {
			eff.add(Key{cell, ontology.BucketReserved}, rest)
		}
	}
	return lt.result()
}

// withWholeLines gives each refund of the whole order that lists no goods but says
// what became of them (Meituan's full refund with return) the goods of the sale's own
// record src, with that outcome, so they come back (or stay with the buyer) as a
// refund's lines do. The members are not changed.
func withWholeLines(ms []Member, src *Member) []Member {
	out, cloned := ms, false
	for i, m := range ms {
		if !m.WholeOrder || m.WholeOutcome == "" || len(m.Lines) > 0 || !refundMade(m) {
			continue
		}
		if !cloned {
			out, cloned = slices.Clone(ms), true
		}
		lines := make([]Line, 0, len(src.Lines))
		for _, l := range src.Lines {
			l.Outcome = m.WholeOutcome
			lines = append(lines, l)
		}
		out[i].Lines = lines
	}
	return out
}

// withCarrier reports, product by product, whether the goods that left are on their
// way with a carrier: a shipment or tracking document carries them, and no document
// says they were delivered, nor settled them with a refund, nor refunded the whole order
// (the buyer has them, sent them back, or they were lost). A shipment delivered, or a
// refund, that lists its goods ends the journey of those products only (not of goods
// it refunds as never shipped): the other
// parcels of the sale are still on their way. One that lists none (a tracking event, a
// refund of money only) or the order itself saying delivered ends it for all. A sale at
// a till never is with a carrier.
func withCarrier(ms []Member) func(sku string) bool {
	none := func(string) bool { return false }
	carried := false
	ended := map[string]bool{}
	for _, m := range ms {
		switch {
		case orderRefunded(m):
			return none
		case m.Verb == ontology.VerbDelivered || refundMade(m):
			if len(m.Lines) == 0 || m.Role == ontology.RoleOrder || m.Role == ontology.RolePOS {
				return none
			}
			for _, l := range m.Lines {
				// Units refunded before they left (a Shopify line cancelled before its
				// fulfilment) were never on their way: the units shipped after them are.
				if l.Outcome != ontology.OutcomeUnshipped {
					ended[l.SKU] = true
				}
			}
		case m.Role == ontology.RoleTracking && picked(m), m.Role == ontology.RoleFulfilment && m.Verb != ontology.VerbCancelled:
			carried = true
		}
	}
	if !carried {
		return none
	}
	return func(sku string) bool { return !ended[sku] }
}

// picked reports whether a tracking document says the carrier has (or had) the goods: a
// delivery only asked for (a Meituan rider who accepted the order but has not picked it
// up yet, announced as ordered) or called off (cancelled) has not taken them.
func picked(m Member) bool {
	return m.Verb != ontology.VerbOrdered && m.Verb != ontology.VerbCancelled
}

// returnedToSender reports whether the carrier brought the goods back to the merchant:
// the sale has tracking, and every tracking says its parcel was returned to the sender
// (AfterShip's return_to_sender, delivered back). With some parcels delivered, which
// goods came back is not known, and none are counted back.
func returnedToSender(ms []Member) bool {
	returned := false
	for _, m := range ms {
		if m.Role != ontology.RoleTracking {
			continue
		}
		if m.Verb != ontology.VerbReturned {
			return false
		}
		returned = true
	}
	return returned
}

// shippedLines sums the lines of the shipments (fulfilments) that carry lines and were
// not cancelled. counted is false when no shipment lists its goods: then only the
// documents' statuses tell whether the goods left.
func shippedLines(ms []Member) (map[Line]ontology.Qty, bool) {
	out := map[Line]ontology.Qty{}
	counted := false
	for _, m := range ms {
		if m.Role != ontology.RoleFulfilment || m.Verb == ontology.VerbCancelled || len(m.Lines) == 0 {
			continue
		}
		counted = true
		for _, l := range m.Lines {
			out[Line{SKU: l.SKU, Lot: l.Lot}] += l.Qty
		}
	}
	return out, counted
}

// shipment is what the shipments of an event took of one product at one place.
type shipment struct {
	loc string
	qty ontology.Qty
}

// shippedElsewhere is what the shipments counted by shippedLines took from places other
// than where the sale books each product: a shipment line's own location, else its
// document's (a Shopify fulfilment names the location it left from). By product, in
// order of place.
func shippedElsewhere(ms []Member, where func(Line) string) map[Line][]shipment {
	sums := map[Line]map[string]ontology.Qty{}
	for _, m := range ms {
		if m.Role != ontology.RoleFulfilment || m.Verb == ontology.VerbCancelled {
			continue
		}
		for _, l := range m.Lines {
			k := Line{SKU: l.SKU, Lot: l.Lot}
			if loc := at(l.Location, m.Location); loc != "" && loc != where(k) {
				if sums[k] == nil {
					sums[k] = map[string]ontology.Qty{}
				}
				sums[k][loc] += l.Qty
			}
		}
	}
	out := map[Line][]shipment{}
	for k, byLoc := range sums {
		for _, loc := range slices.Sorted(maps.Keys(byLoc)) {
			out[k] = append(out[k], shipment{loc, byLoc[loc]})
		}
	}
	return out
}

// refunded is what an event's refunds did with the goods, by product (see returnedLines).
type refunded struct {
	netted, kept, gone, withBuyer, unshipped, away map[Line]ontology.Qty
	elsewhere                                      Effect
}

// returnedLines sorts the goods of an event's refunds by what the sale's quantities
// already say of them. Goods that came back are netted when the sale's own quantities
// already leave them out, and kept when it still counts them (a refund whose sale keeps
// returns, or a product in gross, whose order line gives the quantity first ordered),
// returned where the sale booked the product (where gives it), or naming no location.
// Goods returned at another location are on hand there (elsewhere): a Square return is
// an order of the store that took the goods back; a Shopify refund names the location
// its line items were restocked at (refund_line_items[].location_id); an ERPNext return
// line its own warehouse. They count as netted or kept all the same, and also as away:
// they left the sale's place with the rest of the sale, and do not come back to it.
//
// Goods refunded that did not come back: gone are goods the buyer kept that a netting
// sale no longer counts (they left with the rest); withBuyer, goods the buyer kept that
// a sale in gross still counts; unshipped are goods refunded before they left that a
// sale in gross still counts (they never left).
//
// A refund the sale's order does not count yet (uncounted: the order's version came
// before it) is, for that order, of goods its quantities still count.
func returnedLines(ms []Member, where func(Line) string, gross map[Line]bool, uncounted func(Member) bool) refunded {
	r := refunded{netted: map[Line]ontology.Qty{}, kept: map[Line]ontology.Qty{}, gone: map[Line]ontology.Qty{},
		withBuyer: map[Line]ontology.Qty{}, unshipped: map[Line]ontology.Qty{}, away: map[Line]ontology.Qty{}, elsewhere: Effect{}}
	for _, m := range ms {
		if !refundMade(m) {
			continue
		}
		for _, l := range m.Lines {
			k := Line{SKU: l.SKU, Lot: l.Lot}
			keeps := m.SaleKeepsReturns || gross[k] || (uncounted != nil && uncounted(m))
			place := at(l.Location, m.Location)
			there := place == "" || place == where(k)
			switch {
			case l.Outcome == ontology.OutcomeKept && keeps:
				r.withBuyer[k] += l.Qty
			case l.Outcome == ontology.OutcomeKept:
				r.gone[k] += l.Qty
			case l.Outcome == ontology.OutcomeUnshipped:
				if keeps {
					r.unshipped[k] += l.Qty
				}
			default:
				if keeps {
					r.kept[k] += l.Qty
				} else {
					r.netted[k] += l.Qty
				}
				if !there {
					r.away[k] += l.Qty
					r.elsewhere.add(Key{ontology.Cell{SKU: l.SKU, Location: place, Lot: l.Lot}, ontology.BucketOnHand}, l.Qty)
				}
			}
		}
	}
	return r
}

// uncounted reports, of an order that lists the refunds its quantities already leave
// out, the refunds of its system it does not list: a Shopify order lists in refunds[]
// those its current_quantity dropped by, and a refund it does not list came after this
// version of it (its orders/updated is still to come). An order that does not list its
// refunds says nothing of any.
func uncounted(order Member) func(Member) bool {
	if order.CountedRefunds == nil {
		return nil
	}
	return func(m Member) bool {
		_, id, ok := uidParts(m)
		return m.System == order.System && ok && !slices.Contains(*order.CountedRefunds, id)
	}
}

// refundMade reports whether a member is a refund that was made: not cancelled, and not
// only drafted (a Square return in DRAFT, announced as ordered), which moves nothing
// until a later version makes it.
func refundMade(m Member) bool {
	return m.Role == ontology.RoleRefund && m.Verb != ontology.VerbCancelled && m.Verb != ontology.VerbOrdered
}

// fullyFulfilled reports whether nothing of the sale remains to ship: it was rung up at a
// till, or the order (or a shipment) says the goods left.
func fullyFulfilled(ms []Member) bool {
	if slices.ContainsFunc(ms, rungUp) {
		return true
	}
	for _, m := range ms {
		if m.Role == ontology.RoleOrder || m.Role == ontology.RoleTracking {
			switch m.Verb {
			case ontology.VerbFulfilled, ontology.VerbShipped, ontology.VerbDelivered:
				return true
			}
		}
	}
	return false
}

// subject names what a document is about in its source: its system and its own id
// without the type, so that the documents of one source about one thing (Amazon's
// shipment status and the same shipment's items answer) share it.
func subject(m Member) string {
	system, id, ok := uidParts(m)
	if !ok {
		return m.UID
	}
	return system + "/" + id
}

// uidParts are a member's system and its own id in that system, read from its uid
// (tenant/system/type/external id; the id may itself hold slashes); ok is false for a
// uid of another shape.
func uidParts(m Member) (system, id string, ok bool) {
	parts := strings.SplitN(m.UID, "/", 4)
	if len(parts) < 4 {
		return "", "", false
	}
	return parts[1], parts[3], true
}

// whole is the subject of the thing a document is a part of: its subject without the
// last "/" and what follows (Amazon's page of a shipment's items, keyed
// "<ShipmentId>/<first SKU>", is a part of the shipment), or "" when it has none.
func whole(m Member) string {
	s := subject(m)
	if i := strings.LastIndex(s, "/"); i > strings.Index(s, "/") {
		return s[:i]
	}
	return ""
}

// cancelledSubjects are the subjects (see subject) of the members that are cancelled.
func cancelledSubjects(ms []Member) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		if m.Verb == ontology.VerbCancelled {
			out[subject(m)] = true
		}
	}
	return out
}

// rungUp reports whether a member is a point of sale that took its goods: not cancelled,
// and not still open (announced as ordered: a Square ticket or order not yet completed,
// whose goods are held until a later version completes it).
func rungUp(m Member) bool {
	return m.Role == ontology.RolePOS && m.Verb != ontology.VerbCancelled && m.Verb != ontology.VerbOrdered
}

// refundedInFull reports whether the order itself says all its money went back
// (WooCommerce status refunded, Shopify financial_status refunded), or a refund made
// says it gave back the whole order (Meituan's full refund): nothing of it is
// left to ship, so nothing stays reserved. It says nothing of the goods: those that
// left stay gone unless a shipment, the order's status or a refund that restocked them
// says otherwise.
func refundedInFull(ms []Member) bool {
	return slices.ContainsFunc(ms, func(m Member) bool { return orderRefunded(m) || refundMade(m) && m.WholeOrder })
}

// orderRefunded reports whether a member is an order that says all its money went back.
func orderRefunded(m Member) bool {
	return m.Role == ontology.RoleOrder && m.Verb == ontology.VerbRefunded
}

// cancelled reports whether the documents that carry the sale say it was cancelled. A
// refund alone is not a cancellation: the goods may still have left. An order is
// cancelled too when its source's cancellation of it is a member: an order-role document
// of the same source about the same order (see subject), such as Meituan's
// cancellation push, which names no goods. A point of sale that rang the order up is the
// store's own record and stands: the sale is not cancelled.
func cancelled(ms []Member) bool {
	withdrawn := map[string]bool{}
	for _, m := range ms {
		if m.Role == ontology.RoleOrder && m.Verb == ontology.VerbCancelled {
			withdrawn[subject(m)] = true
		}
	}
	for _, m := range ms {
		switch {
		case m.Role != ontology.RoleOrder && m.Role != ontology.RolePOS, m.Verb == ontology.VerbCancelled:
		case m.Role == ontology.RoleOrder && withdrawn[subject(m)]:
		default:
			return false
		}
	}
	return true
}

func planReceipt(ms []Member, eff Effect) []Discrepancy {
	ms = bundledLots(ms)
	// A warehouse receipt that is only announced (a receiving order still awaiting the
	// goods) announces like a declaration, with its expected quantities. The announced
	// receipts of one system and type are parts of one announcement (the pages of
	// Amazon's answer of one shipment's items): their goods add up.
	var receipts []Member
	var announced []announcement
	parts := map[string]int{} // system and type: its announcement's index
	gone := cancelledSubjects(ms)
	for i, m := range ms {
		switch {
		case m.Verb == ontology.VerbCancelled, gone[subject(m)], gone[whole(m)]:
			// Cancelled, or another document of its source about the same thing (or
			// the thing this one is a part of) is: Amazon's items answer of an inbound
			// shipment whose own status says CANCELLED or DELETED announces goods that
			// will never come.
		case m.Role == ontology.RoleReceipt && movedVerbs[m.Verb]:
			receipts = append(receipts, m)
		case m.Role == ontology.RoleReceipt && outbound(m):
			// Goods to leave, not gone yet (a draft return or issue): nothing moves.
		case m.Role == ontology.RoleReceipt && len(m.Lines) > 0:
			// A receipt that lists no goods announces nothing.
			k := m.System + "/" + string(m.Type)
			if j, ok := parts[k]; ok {
				announced[j].parts = append(announced[j].parts, m)
				announced[j].at = i
				continue
			}
			parts[k] = len(announced)
			announced = append(announced, announcement{parts: []Member{m}, at: i, receipt: true})
		case m.Role == ontology.RoleDeclaration || m.Role == ontology.RolePurchase:
			announced = append(announced, announcement{parts: []Member{m}, at: i})
		}
	}
	if len(receipts) == 0 {
		// Nothing here yet: what was announced is incoming. The latest announcement
		// wins, so a corrected declaration replaces the purchase order's figures.
		a, ok := latest(announced)
		if !ok {
			return nil
		}
		for _, l := range a.Lines {
			eff.add(Key{ontology.Cell{SKU: l.SKU, Location: at(l.Location, firstLocation(ms)), Lot: l.Lot}, ontology.BucketIncoming}, l.Qty)
		}
		return nil
	}
	// One arrival of goods is often recorded by the warehouse and by the ERP too. The
	// warehouse's own system counts: it is where the goods are. The others are compared
	// with it and their differences kept.
	byRecorder := map[string][]Member{}
	for _, r := range receipts {
		byRecorder[r.System] = append(byRecorder[r.System], r)
	}
	recorder := receiptRecorder(byRecorder)
	var ds []Discrepancy
	counted := byRecorder[recorder]
	for sys, rs := range byRecorder {
		if sys != recorder {
			ds = append(ds, compare(lineTotals(rs), lineTotals(counted), rs[0].UID)...)
		}
	}
	// The announced parts of the recorder's receipts not counted yet (a page of items
	// Amazon has not counted while it counts the others) are part of the arrival: they
	// receive nothing so far, and are compared with what they expect.
	rest := announced[:0]
	for _, a := range announced {
		if a.receipt && a.parts[0].System == recorder {
			for _, p := range a.parts {
				counted = append(counted, notCounted(p))
			}
			continue
		}
		rest = append(rest, a)
	}
	announced = rest
	receipts = counted
	received := map[string]ontology.Qty{} // by SKU
	expectedFromReceipt := map[string]ontology.Qty{}
	for _, r := range receipts {
		loc := r.Location
		if loc == "" {
			// A receipt that names no place (Amazon's item answer) is where its event's
			// other documents say (the shipment's fulfilment centre).
			loc = firstLocation(ms)
		}
		for _, l := range r.Lines {
			// A line booked at a place of its own (an ERPNext line's warehouse) moves
			// there, not at the document's location.
			here := at(l.Location, loc)
			if outbound(r) {
				// Goods that left: sent back to the supplier, issued, or moved on to
				// another location (where the transfer's other side books them in).
				eff.add(Key{ontology.Cell{SKU: l.SKU, Location: here, Lot: l.Lot}, ontology.BucketOnHand}, -l.Qty)
				continue
			}
			eff.add(Key{ontology.Cell{SKU: l.SKU, Location: here, Lot: l.Lot}, ontology.BucketOnHand}, l.Qty)
			if l.RejectedQty != nil && *l.RejectedQty > 0 {
				// Refused goods are still here, awaiting inspection or return: on hold,
				// where the source keeps them apart (a rejected warehouse) if it does.
				eff.add(Key{ontology.Cell{SKU: l.SKU, Location: at(l.RejectedLocation, here), Lot: l.Lot}, ontology.BucketOnHold}, *l.RejectedQty)
			}
			received[l.SKU] += l.Qty
			if l.ExpectedQty != nil {
				expectedFromReceipt[l.SKU] += *l.ExpectedQty
			}
		}
	}
	if a, ok := latest(announced); ok {
		declared := map[string]ontology.Qty{}
		for _, l := range a.Lines {
			declared[l.SKU] += l.Qty
		}
		ds = append(ds, compare(declared, received, a.UID)...)
	} else {
		ds = append(ds, compare(expectedFromReceipt, received, receipts[0].UID)...)
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].SKU != ds[j].SKU {
			return ds[i].SKU < ds[j].SKU
		}
		return ds[i].Source < ds[j].Source
	})
	return ds
}

// announcement is what one announcing document says is coming, or the parts of one
// (the announced receipts of one system and type); at is the position of its latest
// member among the event's.
type announcement struct {
	parts   []Member
	at      int
	receipt bool
}

// latest is the announcement made last, as one member: its parts' lines (at their own
// locations) together, a receipt's with their expected quantities.
func latest(as []announcement) (Member, bool) {
	if len(as) == 0 {
		return Member{}, false
	}
	a := as[0]
	for _, b := range as[1:] {
		if b.at > a.at {
			a = b
		}
	}
	m := a.parts[0]
	m.Lines = nil
	for _, p := range a.parts {
		if a.receipt {
			p = expected(p)
		}
		for _, l := range p.Lines {
			l.Location = at(l.Location, p.Location)
			m.Lines = append(m.Lines, l)
		}
	}
	return m, true
}

// notCounted is an announced receipt as a part of an arrival not counted yet: nothing
// received, its goods expected.
func notCounted(m Member) Member {
	lines := make([]Line, len(m.Lines))
	for i, l := range m.Lines {
		lines[i] = l
		if l.ExpectedQty == nil {
			q := l.Qty
			lines[i].ExpectedQty = &q
		}
		lines[i].Qty = 0
	}
	m.Lines = lines
	return m
}

// expected is an announced receipt with its expected quantities as the quantities.
func expected(m Member) Member {
	lines := make([]Line, len(m.Lines))
	for i, l := range m.Lines {
		lines[i] = l
		if l.ExpectedQty != nil {
			lines[i].Qty = *l.ExpectedQty
		}
	}
	m.Lines = lines
	return m
}

// warehouseSystems are systems that physically receive goods, in order of preference.
var warehouseSystems = []string{"shipbob", "amazon-fba"}

// receiptRecorder picks the system whose receipts count: a warehouse's own, else the
// alphabetically first, so the choice never depends on arrival order.
func receiptRecorder(by map[string][]Member) string {
	for _, w := range warehouseSystems {
		if _, ok := by[w]; ok {
			return w
		}
	}
	names := make([]string, 0, len(by))
	for n := range by {
		names = append(names, n)
	}
	sort.Strings(names)
	return names[0]
}

func lineTotals(ms []Member) map[string]ontology.Qty {
	t := map[string]ontology.Qty{}
	for _, m := range ms {
		for _, l := range m.Lines {
			t[l.SKU] += l.Qty
		}
	}
	return t
}

func compare(expected, actual map[string]ontology.Qty, source string) []Discrepancy {
	var ds []Discrepancy
	for sku, e := range expected {
		if a := actual[sku]; a != e {
			ds = append(ds, Discrepancy{SKU: sku, Expected: e, Actual: a, Source: source})
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].SKU < ds[j].SKU })
	return ds
}

func first(ms []Member, role ontology.Role) *Member {
	for i := range ms {
		if ms[i].Role == role {
			return &ms[i]
		}
	}
	return nil
}

// firstStanding is the first member of the role that was not cancelled.
func firstStanding(ms []Member, role ontology.Role) *Member {
	for i := range ms {
		if ms[i].Role == role && ms[i].Verb != ontology.VerbCancelled {
			return &ms[i]
		}
	}
	return nil
}

// at is a line's own location, else the one given (its document's).
func at(line, doc string) string {
	if line != "" {
		return line
	}
	return doc
}

// lineLocations are the places documents' lines book their products at, by product:
// the first line naming one wins, in the members' order.
func lineLocations(ms []Member) map[Line]string {
	out := map[Line]string{}
	for _, m := range ms {
		for _, l := range m.Lines {
			k := Line{SKU: l.SKU, Lot: l.Lot}
			if _, ok := out[k]; !ok && l.Location != "" {
				out[k] = l.Location
			}
		}
	}
	return out
}

// placed says where a product of an event is: where a line booked it, else loc.
func placed(loc string, lines map[Line]string) func(Line) string {
	return func(k Line) string { return at(lines[Line{SKU: k.SKU, Lot: k.Lot}], loc) }
}

func firstLocation(ms []Member) string {
	for _, m := range ms {
		if m.Location != "" {
			return m.Location
		}
	}
	return ""
}

func (e Effect) add(k Key, q ontology.Qty) { e[k] += q }

// clean drops zero entries so that equal effects compare equal.
func (e Effect) clean() Effect {
	for k, v := range e {
		if v == 0 {
			delete(e, k)
		}
	}
	return e
}
