package finance

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// A gift card sold beside the tea (a Shopify gift_card line, marked not stock by its
// mapping) is paid for but never shipped: the order is still complete once the tea has
// left, and the gift card's money still counts in what was owed. Before, the gift card
// waited as goods to ship ("rest of the shipment"), for ever.
func TestNotStockLinesAreNotAwaitedAsGoods(t *testing.T) {
	giftCard := func(d *Doc) {
		d.Lines = append(d.Lines, ontology.Line{ExternalID: "43988129870", Title: "Seam Tea gift card", Qty: ontology.Units(1),
			UnitPrice: eur("50.00"), NotStock: true})
		d.Total = eur("98.00")
		d.Verb = ontology.VerbFulfilled
	}
	wantSale(t, DefaultConfig(), "matched", order(giftCard), fulfilment(2), charge("ch_1", eur("98.00")))
	// A refund line that is not goods is not goods back: finance asks about the refund
	// as about any refund with nothing returned.
	back := func(d *Doc) {
		d.Lines = []ontology.Line{{ExternalID: "43988129870", Qty: ontology.Units(1), NotStock: true}}
	}
	wantSale(t, DefaultConfig(), "partial refund_without_return(goods returned with the refund|refund of 50.00 EUR, no goods back)",
		order(giftCard), fulfilment(2), charge("ch_1", eur("98.00")), shopifyRefund("50.00", 0, back))
}

// A Square sale at the till and its return, an order of its own joined to the sale by
// source_order_id (square-return.yaml): the money given back is booked as refunded, and
// the goods came back with it. The sale's own quantity stays 2, as Square keeps it.
func TestSquareReturnIsARefundWithGoodsBack(t *testing.T) {
	pos := doc("square", "order", ontology.RolePOS, ontology.VerbPaid, "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", t0,
		total(cash("9.00", "USD")), channel("counter"), line("FW-OAT-L", 2, "4.50", "USD"))
	card := doc("square", "payment", ontology.RolePayment, ontology.VerbPaid, "bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY", t0,
		total(cash("9.00", "USD")))
	ret := doc("square", "return", ontology.RoleRefund, ontology.VerbRefunded, "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY", t0.AddDate(0, 0, 2),
		total(cash("4.50", "USD")), status("return"), line("FW-OAT-L", 1, "4.50", "USD"), func(d *Doc) { d.SaleKeepsReturns = true })
	r, _ := Reconcile(sale(pos, card, ret), DefaultConfig(), asOf)
	if got := summary(r); got != "matched" {
		t.Errorf("summary %s, want matched", got)
	}
	refunded := false
	for _, a := range r.Amounts {
		refunded = refunded || a.Refunded == "4.50"
	}
	if !refunded {
		t.Errorf("amounts %+v, want 4.50 USD refunded", r.Amounts)
	}
}

// A Square order still OPEN (an order paid ahead at the till, its ticket not completed)
// holds its goods: they have not left (the ledger holds them, inventory.rungUp), so money
// given back for it expects no goods back. Before, any ring-up counted as goods gone,
// and the refund read refund_without_return.
func TestOpenRingUpHasNotShipped(t *testing.T) {
	pos := func(verb ontology.Verb) Doc {
		return doc("square", "order", ontology.RolePOS, verb, "On8PkR3vXm6LqT2wYz9HcJd7fBaZY", t0,
			total(cash("64.00", "USD")), channel("counter"), line("BQXHKM5R3V7JQ2TFOZ4GHE6N", 2, "32.00", "USD"))
	}
	card := doc("square", "payment", ontology.RolePayment, ontology.VerbPaid, "oTnD6Wq2Lm8XyB3nTz7HcJd4fRaZY", t0,
		total(cash("64.00", "USD")))
	back := doc("square", "return", ontology.RoleRefund, ontology.VerbRefunded, "Rt1", t0.Add(time.Hour),
		total(cash("32.00", "USD")), status("money_only"))
	wantSale(t, DefaultConfig(), "matched", pos(ontology.VerbOrdered), card, back)
	wantSale(t, DefaultConfig(), "partial refund_without_return(goods returned with the refund|refund of 32.00 USD, no goods back)",
		pos(ontology.VerbPaid), card, back)
}
