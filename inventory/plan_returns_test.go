package inventory

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// A return whose sale still counts the goods (Square: a return is an order of its own,
// the sale's quantities never drop) brings them back on top of what the sale took; a
// refund whose order's current quantity already leaves them out (Shopify) does not add
// them twice. Before, both were read the Shopify way, and a Square return moved nothing.
func TestPlanReturnsAgainstTheSale(t *testing.T) {
	squareReturn := func(lines ...Line) Member {
		m := member("r", ontology.RoleRefund, ontology.VerbRefunded, "STORE", lines...)
		m.SaleKeepsReturns = true
		return m
	}
	tests := []planCase{
		{
			name: "square: sale of 2, one returned: one gone",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				squareReturn(line("A", 1)),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-1)},
		},
		{
			name:    "square: a return before its sale is known adds the goods back",
			members: []Member{squareReturn(line("A", 1))},
			want:    Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name: "square: a return of goods the sale no longer lists still counts",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				squareReturn(line("B", 1)),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-2), key("B", "STORE", ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name: "square: returned at another store: back on that store's shelf",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				func() Member { m := squareReturn(line("A", 1)); m.Location = "STORE-2"; return m }(),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-2), key("A", "STORE-2", ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name: "square: a return only drafted (DRAFT, announced as ordered) moves nothing",
			members: []Member{
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
				func() Member { m := squareReturn(line("A", 1)); m.Verb = ontology.VerbOrdered; return m }(),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-2)},
		},
		{
			name: "shopify: current quantity 1 after one of 2 came back: one gone",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 1)),
				member("r", ontology.RoleRefund, ontology.VerbRefunded, "WH", line("A", 1)),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-1)},
		},
	}
	runPlanCases(t, tests)
}

// What a Shopify refund did with each item (its line's outcome) and whether the order's
// quantity still counts refunded units (an order read before current_quantity, REST
// 2024-01) decide what left stock. Before, an old order of 3 with one restocked took 3
// (the restock was netted against a quantity that never dropped), and an order shipped
// with no shipment lines took only its current quantity when the buyer kept a refunded
// unit (no_restock), although all of them left.
func TestPlanShopifyRefundOutcomes(t *testing.T) {
	gross := func(sku string, n int64) Line { l := line(sku, n); l.KeepsRefunds = true; return l }
	refunded := func(outcome string, n int64) Member {
		l := line("A", n)
		l.Outcome = outcome
		return member("r", ontology.RoleRefund, ontology.VerbRefunded, "WH", l)
	}
	onHand := func(n int64) Effect { return Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(n)} }
	tests := []planCase{
		{
			name:    "order without current_quantity, 3 shipped, 1 restocked: 2 gone",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", gross("A", 3)), refunded(ontology.OutcomeReturned, 1)},
			want:    onHand(-2),
		},
		{
			name:    "order without current_quantity, 3 shipped, 1 kept by the buyer: 3 gone",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", gross("A", 3)), refunded(ontology.OutcomeKept, 1)},
			want:    onHand(-3),
		},
		{
			name:    "order without current_quantity, 1 of 3 cancelled before shipping: 2 gone",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", gross("A", 3)), refunded(ontology.OutcomeUnshipped, 1)},
			want:    onHand(-2),
		},
		{
			name:    "order without current_quantity, 1 of 3 cancelled, not shipped yet: 2 reserved",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", gross("A", 3)), refunded(ontology.OutcomeUnshipped, 1)},
			want:    Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name:    "current quantity 2 after 1 of 3 kept by the buyer, shipped without lines: 3 gone",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2)), refunded(ontology.OutcomeKept, 1)},
			want:    onHand(-3),
		},
		{
			name:    "current quantity 2 after 1 of 3 cancelled, shipped: 2 gone",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2)), refunded(ontology.OutcomeUnshipped, 1)},
			want:    onHand(-2),
		},
		{
			name:    "current quantity 2 after 1 of 3 refunded unshipped without restock: 2 reserved, nothing gone",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 2)), refunded(ontology.OutcomeKept, 1)},
			want:    Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name: "a shipment's lines say what left, whatever the refund",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2)),
				member("f", ontology.RoleFulfilment, ontology.VerbShipped, "WH", line("A", 3)),
				refunded(ontology.OutcomeKept, 1),
			},
			want: onHand(-3),
		},
		{
			name:    "a refund alone: only returned goods come back",
			members: []Member{refunded(ontology.OutcomeKept, 1), refunded(ontology.OutcomeUnshipped, 2)},
			want:    Effect{},
		},
	}
	runPlanCases(t, tests)
}

// planCase is a case of the plan: the members of an event and the effect they make.
type planCase struct {
	name    string
	members []Member
	want    Effect
}

func runPlanCases(t *testing.T, tests []planCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := Plan(tc.members, nil)
			if !equalEffects(got, tc.want) {
				t.Errorf("effect = %v, want %v", got, tc.want)
			}
		})
	}
}

// A point of sale still open (announced as ordered: a Square ticket, a courier's order
// being made, a hub's order not yet completed) holds its goods; only its completed
// version takes them. Before, any POS document that was not cancelled took its goods at
// once, and the hub's order beside it reserved nothing.
func TestPlanOpenPointOfSaleHoldsItsGoods(t *testing.T) {
	runPlanCases(t, []planCase{
		{
			name:    "open ticket",
			members: []Member{member("p", ontology.RolePOS, ontology.VerbOrdered, "STORE", line("A", 2))},
			want:    Effect{key("A", "STORE", ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name: "hub's order and its open Square order: held once, at the store",
			members: []Member{
				member("h", ontology.RoleOrder, ontology.VerbPaid, "HUB", line("A", 2)),
				member("p", ontology.RolePOS, ontology.VerbOrdered, "STORE", line("A", 2)),
			},
			want: Effect{key("A", "STORE", ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name: "completed: taken",
			members: []Member{
				member("h", ontology.RoleOrder, ontology.VerbPaid, "HUB", line("A", 2)),
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("A", 2)),
			},
			want: Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(-2)},
		},
	})
}

// Goods a refund restocked at a location of its own (a Shopify refund's
// refund_line_items[].location_id) are on hand there, not where the sale took them, nor
// where another refund of the event restocked. Before, a Shopify refund's goods always
// came back to the sale's location.
func TestPlanRefundsRestockWhereTheySay(t *testing.T) {
	returned := func(uid, loc string, n int64) Member {
		return member(uid, ontology.RoleRefund, ontology.VerbRefunded, loc, line("A", n))
	}
	runPlanCases(t, []planCase{
		{
			name:    "two refunds alone, restocked at two stores",
			members: []Member{returned("r1", "STORE", 1), returned("r2", "STORE-2", 2)},
			want:    Effect{key("A", "STORE", ontology.BucketOnHand): ontology.Units(1), key("A", "STORE-2", ontology.BucketOnHand): ontology.Units(2)},
		},
		{
			name:    "shipped from the warehouse, one restocked at a store",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbFulfilled, "WH", line("A", 2)), returned("r", "STORE", 1)},
			want:    Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-3), key("A", "STORE", ontology.BucketOnHand): ontology.Units(1)},
		},
	})
}
