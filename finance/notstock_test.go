package finance

import (
	"testing"

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
