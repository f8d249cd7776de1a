package mapping_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Returns, exchanges and lines that are not goods, in the shapes the providers document:
// Square's return and exchange orders (Orders API "Returns and exchanges": a return is an
// order of its own with returns[], return_amounts and each return's source_order_id; the
// OrderReturn and OrderReturnLineItem models of square/square-go-sdk), Square's line item
// types (OrderLineItemItemType ITEM, CUSTOM_AMOUNT, GIFT_CARD), Shopify's gift card and
// tip lines (gift_card, tip_payment_gateway on the REST LineItem) and its Refund from
// before restock_type (restock on the refund). Values are invented.

// sqDocs maps a Square order payload and fails on any problem.
func sqDocs(t *testing.T, file string) []*ontology.Document {
	t.Helper()
	return sqDocsOf(t, srcSample(t, file))
}

// A return at the till, as RetrieveOrder answers it: no line_items, returns[] naming the
// sale (source_order_id), return_amounts saying what went back. Before: quarantined, a
// POS document without lines. Now it is a refund of its own type, joined to the sale by
// the sale's order id, whose goods come back to the store on top of the sale's (Square
// never lowers the sale's quantities), and whose money is what was returned.
func TestSquareReturnOrderIsARefundOfItsSale(t *testing.T) {
	docs := sqDocs(t, "square/return_order.json")
	if len(docs) != 1 {
		t.Fatalf("%d documents, want the return alone", len(docs))
	}
	d := docs[0]
	if d.Key.Type != "return" || d.Key.ExternalID != "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY" || d.Role != ontology.RoleRefund ||
		d.Verb != ontology.VerbRefunded || d.Status != "return" || !d.SaleKeepsReturns {
		t.Errorf("return = %+v %s %s %s %q keeps=%v", d.Key, d.Role, d.Verb, d.Status, d.Status, d.SaleKeepsReturns)
	}
	if d.Total.String() != "17.25 USD" {
		t.Errorf("total = %s, want the 17.25 USD returned (total_money is the new sale's 0)", d.Total)
	}
	sfTime(t, "occurredAt", d.OccurredAt, "2025-07-02T14:06:03Z")
	sfLocation(t, d, "square:L2K8D0QWERT7Y")
	sfLines(t, d, " ext=BQXHKM5R3V7JQ2TFOZ4GHE6N qty=0.5 price=32USD")
	// Its own id, which the refund's PaymentRefund names as its order_id, and the payment
	// its refunds[] gave the money back to.
	sfRefs(t, d, "order_id:square:q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", "order_id:square:Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY", "payment:square:bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY")
	if d.SourceVersion == nil || *d.SourceVersion != 3 {
		t.Errorf("source version = %v, want 3", d.SourceVersion)
	}
	// A custom refund: an amount given back alone, no goods.
	raw := bytes.ReplaceAll(srcSample(t, "square/return_order.json"), []byte(`"catalog_object_id": "BQXHKM5R3V7JQ2TFOZ4GHE6N",`), nil)
	raw = bytes.ReplaceAll(raw, []byte(`"item_type": "ITEM"`), []byte(`"item_type": "CUSTOM_AMOUNT"`))
	docs, ps := sfResults(t, "square", "order", "", raw)
	if len(ps) > 0 || len(docs) != 1 || len(docs[0].Lines) != 0 || docs[0].Status != "money_only" || docs[0].Total.String() != "17.25 USD" {
		t.Errorf("custom refund: %d documents, problems %v", len(docs), ps)
	}
}

// An exchange: one order with the new sale's line_items and the return of the old goods.
// Before: a POS sale of the new goods alone; the returned goods were never booked. Now
// two documents: the sale, and the return joined to the first sale.
func TestSquareExchangeIsASaleAndAReturn(t *testing.T) {
	docs := sqDocs(t, "square/exchange_order.json")
	if len(docs) != 2 {
		t.Fatalf("%d documents, want the sale and the return", len(docs))
	}
	sale, ret := docs[0], docs[1]
	if sale.Key.Type != "order" || sale.Role != ontology.RolePOS || sale.Verb != ontology.VerbPaid || sale.Total.String() != "4 USD" {
		t.Errorf("sale = %+v %s %s %s", sale.Key, sale.Role, sale.Verb, sale.Total)
	}
	sfLines(t, sale, " ext=K4RZ2VQX7MTLFA3PHE6NWJ5D qty=1 price=4USD")
	sfRefs(t, sale, "order_id:square:Ex3VbN7qLk2RtY8mWz4HcJd9fPaZY")
	if ret.Key.Type != "return" || ret.Key.ExternalID != sale.Key.ExternalID || ret.Role != ontology.RoleRefund || ret.Total.String() != "4.5 USD" {
		t.Errorf("return = %+v %s %s", ret.Key, ret.Role, ret.Total)
	}
	sfLines(t, ret, " ext=W62UWFY35CWMYGVWK6TWJDNI qty=1 price=4.5USD")
	// The return belongs with the goods' first sale, not with the exchange's new one: not
	// keyed by the exchange's id; its refund went back to the first sale's payment.
	sfRefs(t, ret, "order_id:square:q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", "payment:square:bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY")
}

// A gift card and a custom amount rung up beside a coffee, with a tip on the card. Before:
// both lines waited as unresolved products. Now they stay on the sale for their money
// but are not stock.
func TestSquareGiftCardAndCustomAmountAreNotStock(t *testing.T) {
	docs := sqDocs(t, "square/order_gift_card_custom.json")
	if len(docs) != 1 || docs[0].Total.String() != "33.5 USD" {
		t.Fatalf("documents %d", len(docs))
	}
	var got []bool
	for _, l := range docs[0].Lines {
		got = append(got, l.NotStock)
	}
	if len(got) != 3 || got[0] || !got[1] || !got[2] {
		t.Errorf("not stock = %v, want the coffee stock, the gift card and custom amount not", got)
	}
	// The same with every line not goods: still a sale, for its money.
	raw := bytes.Replace(srcSample(t, "square/order_gift_card_custom.json"), []byte(`"catalog_object_id": "W62UWFY35CWMYGVWK6TWJDNI",`), nil, 1)
	docs, ps := sfResults(t, "square", "order", "", raw)
	if len(ps) > 0 || len(docs) != 1 || !docs[0].Lines[0].NotStock {
		t.Errorf("an ad hoc line without a catalog item: %d documents, problems %v", len(docs), ps)
	}
}

// An order placed on Square Online for pickup: while its PICKUP fulfillment is open it
// is an order, whose goods stay reserved; completed, the next version is the sale that
// took them. Before: a POS sale from the first version, goods gone before the buyer came.
func TestSquareOnlineOrderIsAnOrderUntilFulfilled(t *testing.T) {
	raw := srcSample(t, "square/online_pickup_order.json")
	for _, tc := range []struct {
		state, order string
		want         ontology.Role
	}{
		{"PROPOSED", "OPEN", ontology.RoleOrder},
		{"RESERVED", "OPEN", ontology.RoleOrder},
		{"PREPARED", "OPEN", ontology.RoleOrder},
		{"COMPLETED", "COMPLETED", ontology.RolePOS},
		{"CANCELED", "CANCELED", ontology.RolePOS},
	} {
		b := bytes.Replace(raw, []byte(`"state": "PROPOSED"`), []byte(`"state": "`+tc.state+`"`), 1)
		b = bytes.Replace(b, []byte(`"state": "OPEN"`), []byte(`"state": "`+tc.order+`"`), 1)
		for _, typ := range []string{"PICKUP", "SHIPMENT"} {
			c := bytes.Replace(b, []byte(`"type": "PICKUP"`), []byte(`"type": "`+typ+`"`), 1)
			docs, ps := sfResults(t, "square", "order", "", c)
			if len(ps) > 0 || len(docs) != 1 {
				t.Fatalf("%s %s: problems %v", typ, tc.state, ps)
			}
			if docs[0].Role != tc.want {
				t.Errorf("%s fulfillment %s: role %s, want %s", typ, tc.state, docs[0].Role, tc.want)
			}
		}
	}
	// A courier's order (DELIVERY) stays the POS side of its marketplace order, and a
	// hub's order for shipping (reference_id) the POS side of the hub's own.
	for _, b := range [][]byte{
		bytes.Replace(raw, []byte(`"type": "PICKUP"`), []byte(`"type": "DELIVERY"`), 1),
		bytes.Replace(raw, []byte(`"customer_id"`), []byte(`"reference_id": "HUB-10442", "customer_id"`), 1),
	} {
		if docs, ps := sfResults(t, "square", "order", "", b); len(ps) > 0 || len(docs) != 1 || docs[0].Role != ontology.RolePOS {
			t.Errorf("courier or hub order: %d documents %v", len(docs), ps)
		}
	}
}

// A Shopify order with a gift card and a tip beside the tea (REST Order: gift_card true
// on the card, the tip a line of its own with tip_payment_gateway). Before: both waited
// as unresolved products, and the gift card stayed reserved as goods never shipped.
func TestShopifyGiftCardAndTipAreNotStock(t *testing.T) {
	d := sfOne(t, "shopify", "order", "", "shopify/orders_create_gift_card_tip.json")
	if d.Total.String() != "79 USD" || len(d.Lines) != 3 {
		t.Fatalf("total %s, %d lines", d.Total, len(d.Lines))
	}
	if d.Lines[0].NotStock || !d.Lines[1].NotStock || !d.Lines[2].NotStock {
		t.Errorf("not stock = %v %v %v; want tea stock, gift card and tip not", d.Lines[0].NotStock, d.Lines[1].NotStock, d.Lines[2].NotStock)
	}
}

// A refund from before restock_type (API of 2017: restock on the refund, nothing on its
// lines). Before: no line was restocked, so the returned unit never came back, and
// finance read a refund of goods kept. Now its lines are restocked as legacy_restock.
func TestShopifyLegacyRestockRefundReturnsGoods(t *testing.T) {
	d := sfOne(t, "shopify", "refund", "", "shopify/refunds_create_legacy_restock.json")
	if d.Status != "legacy_restock" || d.Total.String() != "24 USD" {
		t.Errorf("status %q total %s, want legacy_restock 24 USD", d.Status, d.Total)
	}
	sfLines(t, d, "TEA-OOL-250G ext=43988120551 qty=1")
	if d.Lines[0].Outcome != ontology.OutcomeReturned {
		t.Errorf("restock true: outcome %q, want returned", d.Lines[0].Outcome)
	}
	// restock false: the buyer kept the goods; the line says so, and does not come back.
	raw := bytes.Replace(sfSample(t, "shopify/refunds_create_legacy_restock.json"), []byte(`"restock": true`), []byte(`"restock": false`), 1)
	d = sfMap(t, "shopify", "refund", "", raw)
	if d.Status != "no_restock" || len(d.Lines) != 1 || d.Lines[0].Outcome != ontology.OutcomeKept || d.Lines[0].ComesBack() {
		t.Errorf("restock false: status %q, lines %+v; want no_restock and one kept", d.Status, d.Lines)
	}
}

// A refund's lines say what became of each refunded item (REST Refund,
// refund_line_items[].restock_type: "return: the items were already delivered, and will
// be returned to the merchant", "cancel: the items have not yet been fulfilled",
// "no_restock: the refund doesn't result in any restocking"). Before, only restocked
// lines were read, so a no_restock refund of goods already shipped could not tell the
// ledger that they left.
func TestShopifyRefundLinesSayWhatBecameOfTheGoods(t *testing.T) {
	raw := sfSample(t, "shopify/refunds_create_legacy_restock.json")
	for typ, want := range map[string]string{"return": ontology.OutcomeReturned, "no_restock": ontology.OutcomeKept,
		"cancel": ontology.OutcomeUnshipped, "legacy_restock": ontology.OutcomeReturned} {
		b := bytes.Replace(raw, []byte(`"quantity": 1,`), []byte(`"quantity": 1, "restock_type": "`+typ+`",`), 1)
		d := sfMap(t, "shopify", "refund", "", b)
		if len(d.Lines) != 1 || d.Lines[0].Outcome != want || d.Lines[0].Qty.String() != "1" {
			t.Errorf("%s: lines %+v, want one of outcome %s", typ, d.Lines, want)
		}
	}
	// A restock type this mapping does not know moves nothing.
	b := bytes.Replace(raw, []byte(`"quantity": 1,`), []byte(`"quantity": 1, "restock_type": "exchange",`), 1)
	if d := sfMap(t, "shopify", "refund", "", b); len(d.Lines) != 0 {
		t.Errorf("unknown restock type: lines %+v", d.Lines)
	}
}

// An order read from an API version before current_quantity (REST 2024-01: "partners
// currently using refund line items to calculate a line item's current quantity should
// migrate") gives quantity, which still counts the refunded units; its lines say so.
func TestShopifyOrderWithoutCurrentQuantityKeepsRefunds(t *testing.T) {
	raw := sfSample(t, "shopify/orders_create.json")
	d := sfMap(t, "shopify", "order", "", raw)
	for _, l := range d.Lines {
		if l.KeepsRefunds {
			t.Errorf("a line with current_quantity keeps refunds: %+v", l)
		}
	}
	old := regexp.MustCompile(`"current_quantity":\s*\d+,?`).ReplaceAll(raw, nil)
	if bytes.Equal(old, raw) {
		t.Fatal("the sample has no current_quantity")
	}
	d = sfMap(t, "shopify", "order", "", old)
	for _, l := range d.Lines {
		if !l.KeepsRefunds && !l.NotStock {
			t.Errorf("a line without current_quantity nets refunds: %+v", l)
		}
	}
}

// WooCommerce keeps fees (a payment surcharge, a gift wrap fee) in fee_lines, apart from
// line_items: they never were goods lines, and stay so.
func TestWooCommerceFeeLinesAreNotGoods(t *testing.T) {
	d := sfOne(t, "woocommerce", "order", "", "woocommerce/order_rest_custom_line.json")
	for _, l := range d.Lines {
		if l.Title == "Betaaltoeslag" {
			t.Errorf("the fee line became a goods line: %+v", l)
		}
	}
}

// A Square order with neither line_items nor returns (a draft emptied before it was
// paid) is none of the documents the order payload gives: quarantined with that reason.
// And Square orders sent as returns by mistake are refused, not booked as refunds.
func TestSquareOrderOfNothingIsQuarantined(t *testing.T) {
	empty := []byte(`{"order": {"id": "Dr4ftEmPtY0rDeR000000000ZY", "location_id": "L2K8D0QWERT7Y", "state": "DRAFT",
  "version": 1, "created_at": "2025-07-01T09:00:00Z", "updated_at": "2025-07-01T09:00:00Z", "total_money": {"amount": 0, "currency": "USD"}}}`)
	docs, ps := sfResults(t, "square", "order", "", empty)
	if len(docs) != 0 || len(ps) != 1 || ps[0].Rule != "if" {
		t.Errorf("an empty order: %d documents, problems %+v", len(docs), ps)
	}
	docs, ps = sfResults(t, "square", "return", "", srcSample(t, "square/retrieve_order.json"))
	if len(docs) != 0 || len(ps) != 1 || ps[0].Rule != "if" {
		t.Errorf("a sale sent as a return: %d documents, problems %+v", len(docs), ps)
	}
}

// A list answer with a broken element (not an object) gives that element one
// problem, its payload type's, not one per mapping that reads Square orders. Before this
// was checked, a corrupt order counted twice in quarantine.
func TestSquareBrokenRecordIsOneProblem(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "square", "order", "", []byte(`{"orders": ["not an order"]}`))
	if err != nil || len(res) != 1 || len(res[0].Problems) == 0 {
		t.Errorf("a list element that is no order: %d results, %v", len(res), err)
	}
}

// A return begun at the till and not finalized (OrderState DRAFT: "can be updated, but
// not paid for"). Before: quarantined as bad input, its verb not in the map. Now it is
// stored, announced (ordered), so that its later OPEN or COMPLETED version acts.
func TestSquareDraftReturnIsStored(t *testing.T) {
	raw := bytes.Replace(srcSample(t, "square/return_order.json"), []byte(`"state": "COMPLETED"`), []byte(`"state": "DRAFT"`), 1)
	raw = bytes.Replace(raw, []byte(`"closed_at": "2025-07-02T14:06:03.000Z",`), nil, 1)
	docs, ps := sfResults(t, "square", "order", "", raw)
	if len(ps) > 0 || len(docs) != 1 {
		t.Fatalf("a draft return: %d documents, problems %+v", len(docs), ps)
	}
	if d := docs[0]; d.Key.Type != "return" || d.Role != ontology.RoleRefund || d.Verb != ontology.VerbOrdered {
		t.Errorf("a draft return: %s %s %s, want a return, refund, ordered", d.Key.Type, d.Role, d.Verb)
	}
}

// A return of goods from two sales (OrderReturn: each returns[] entry names "an order
// that contains the original sale of these return line items" in source_order_id, and
// its own return_amounts). Before: one document referring to both sales, which joined
// them. Now one document per entry, keyed by the order's id and the entry's uid, each
// with its own sale, lines and money; a return of one sale keeps the order's id.
func TestSquareReturnOfTwoSalesIsTwoReturns(t *testing.T) {
	raw := srcSample(t, "square/return_order.json")
	i := bytes.Index(raw, []byte(`        "return_taxes"`))
	second := []byte(`        "return_amounts": {"total_money": {"amount": 1725, "currency": "USD"}}
      },
      {
        "uid": "9d0e5b7a-1c2f-4e3d-8b6a-5f4e3d2c1b0a",
        "source_order_id": "Bs2kSaLeXm6LqT2wYz9HcJd7fCaZY",
        "return_line_items": [
          {"uid": "a1b2", "source_line_item_uid": "Z9y8", "name": "Flat white", "quantity": "1",
           "catalog_object_id": "W62UWFY35CWMYGVWK6TWJDNI", "item_type": "ITEM",
           "base_price_money": {"amount": 450, "currency": "USD"}, "total_money": {"amount": 450, "currency": "USD"}}
        ],
        "return_amounts": {"total_money": {"amount": 450, "currency": "USD"}},
`)
	if i < 0 {
		t.Fatal("the sample has no return_taxes")
	}
	two := append(append(append([]byte(nil), raw[:i]...), second...), raw[i:]...)
	docs := sqDocsOf(t, two)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want one per sale returned to", len(docs))
	}
	want := []struct{ id, sale, line, total string }{
		{"Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY/c3b1f0d2-6f3e-4c1a-9a57-2b8e5d9c7a10", "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", "BQXHKM5R3V7JQ2TFOZ4GHE6N", "17.25 USD"},
		{"Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY/9d0e5b7a-1c2f-4e3d-8b6a-5f4e3d2c1b0a", "Bs2kSaLeXm6LqT2wYz9HcJd7fCaZY", "W62UWFY35CWMYGVWK6TWJDNI", "4.5 USD"},
	}
	for i, w := range want {
		d := docs[i]
		if d.Key.ExternalID != w.id || len(d.Refs) != 1 || d.Refs[0].Value != w.sale || len(d.Lines) != 1 ||
			d.Lines[0].ExternalID != w.line || d.Total.String() != w.total {
			t.Errorf("return %d: %s refs %v lines %+v total %s; want %+v", i, d.Key.ExternalID, d.Refs, d.Lines, d.Total, w)
		}
	}
	if docs := sqDocsOf(t, raw); len(docs) != 1 || docs[0].Key.ExternalID != "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY" {
		t.Errorf("a return of one sale: %d documents", len(docs))
	}
}

// sqDocsOf maps a Square order payload and fails on any problem.
func sqDocsOf(t *testing.T, raw []byte) []*ontology.Document {
	t.Helper()
	docs, ps := sfResults(t, "square", "order", "", raw)
	if len(ps) > 0 {
		t.Fatalf("problems %+v", ps)
	}
	return docs
}

// A return whose returns[] do not name the sale (no source_order_id) still joins it:
// its refunds[] name the sale's order (transaction_id, "the transaction that the refunded
// tender is part of") and the tender given back to. Before, such a return named nothing
// and stood alone.
func TestSquareReturnJoinsItsSaleByItsRefunds(t *testing.T) {
	raw := bytes.Replace(srcSample(t, "square/return_order.json"), []byte(`"source_order_id": "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY",`), nil, 1)
	docs := sqDocsOf(t, raw)
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	sfRefs(t, docs[0], "order_id:square:Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY", "payment:square:bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY", "order_id:square:q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY")
}
