package mapping_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// What a Shopify refund does to the stock of its sale, read from the payloads Shopify
// documents: the orders/create body (a line's quantity, current_quantity and
// fulfillable_quantity), a fulfillment's line_items, and the refunds/create body
// (refund_line_items[] with restock_type, location_id "where the items will be
// restocked", and the line_item as it is after the refund). Shopify counts what is left
// to fulfil as "quantity - max(refunded_quantity, fulfilled_quantity) - ...": units
// refunded count against those shipped first. Each case's refund states that figure in
// its line_item.fulfillable_quantity, and the reservation must be it.
//
// Before: a no_restock refund of a partly shipped order took the refunded units from
// what was still to ship on top of what shipped (2 of 3 refunded, 1 shipped: nothing
// held, where Shopify has 1 to fulfil), and an order read without current_quantity held
// all it first ordered; goods restocked at another location came back to the web shop's
// stock; and a return that came before the shipment or the order's update put the
// goods on hand on top of the stock they never left, and held them again as still to
// ship (available right, on hand and reserved one too high).
func TestShopifyRefundsMoveStockAsShopifyCountsThem(t *testing.T) {
	const tea = "TEA-OOL-250G"
	online, store := "shopify:online", "shopify:71004455"
	cell := func(loc string, b ontology.Bucket) inventory.Key {
		return inventory.Key{Cell: ontology.Cell{SKU: tea, Location: loc}, Bucket: b}
	}
	// order is #1047 with its tea line alone: quantity 3, current as given (-1 leaves
	// current_quantity out, as REST before 2024-01 did), fulfilled or not, as it is after
	// the refund (its refunds[] lists it).
	order := func(current int, fulfilled bool) inventory.Member {
		d, ps := mapEdited(t, "shopify", "order", "shopify/orders_create.json", func(o map[string]any) {
			o["refunds"] = []any{map[string]any{"id": json.Number("509562969"), "order_id": o["id"]}}
			items := o["line_items"].([]any)
			li := items[0].(map[string]any)
			o["line_items"] = items[:1]
			if current < 0 {
				delete(li, "current_quantity")
			} else {
				li["current_quantity"] = json.Number(strconv.Itoa(current))
			}
			if fulfilled {
				o["fulfillment_status"] = "fulfilled"
			}
		})
		if d == nil {
			t.Fatalf("order: %v", ps)
		}
		return ledgerMember(d)
	}
	// shipment is a fulfillment of n teas of #1047.
	shipment := func(n int) inventory.Member {
		raw := `{"id": 4255001122, "order_id": 5820193847261, "status": "success", "created_at": "2025-03-05T09:00:00+08:00",
			"updated_at": "2025-03-05T09:00:00+08:00", "tracking_number": "1Z999AA10123456784",
			"line_items": [{"id": 14550211002291, "variant_id": 43988120551, "sku": "TEA-OOL-250G", "quantity": ` + strconv.Itoa(n) + `,
			"fulfillable_quantity": 0, "fulfillment_status": "fulfilled"}]}`
		d, ps := mapRaw(t, "shopify", "fulfillment", "json", []byte(raw))
		if d == nil {
			t.Fatalf("fulfillment: %v", ps)
		}
		return ledgerMember(d)
	}
	// refund refunds n teas of #1047 with a restock type, restocked at loc (0: none
	// named), leaving fulfillable to fulfil.
	refund := func(n int, restock string, loc int, fulfillable int) inventory.Member {
		d, ps := mapEdited(t, "shopify", "refund", "shopify/refunds_create_legacy_restock.json", func(o map[string]any) {
			rli := o["refund_line_items"].([]any)[0].(map[string]any)
			rli["quantity"] = json.Number(strconv.Itoa(n))
			rli["restock_type"] = restock
			if loc != 0 {
				rli["location_id"] = json.Number(strconv.Itoa(loc))
			}
			li := rli["line_item"].(map[string]any)
			li["fulfillable_quantity"] = json.Number(strconv.Itoa(fulfillable))
		})
		if d == nil {
			t.Fatalf("refund: %v", ps)
		}
		return ledgerMember(d)
	}
	for _, c := range []struct {
		name    string
		members []inventory.Member
		want    inventory.Effect
	}{
		{
			name:    "no_restock of 2 of 3, 1 shipped: 1 gone, 1 still to fulfil",
			members: []inventory.Member{order(1, false), shipment(1), refund(2, "no_restock", 0, 1)},
			want:    inventory.Effect{cell(online, ontology.BucketOnHand): ontology.Units(-1), cell(online, ontology.BucketReserved): ontology.Units(1)},
		},
		{
			name:    "no_restock of 1 of 3, 1 shipped: the shipped one was refunded, 2 still to fulfil",
			members: []inventory.Member{order(2, false), shipment(1), refund(1, "no_restock", 0, 2)},
			want:    inventory.Effect{cell(online, ontology.BucketOnHand): ontology.Units(-1), cell(online, ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name:    "order read without current_quantity, no_restock of 1 of 3 unshipped: 2 to fulfil",
			members: []inventory.Member{order(-1, false), refund(1, "no_restock", 0, 2)},
			want:    inventory.Effect{cell(online, ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name:    "returned before the order says it shipped: back where it was, 2 to fulfil",
			members: []inventory.Member{order(2, false), refund(1, "return", 0, 2)},
			want:    inventory.Effect{cell(online, ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name:    "order read without current_quantity, returned before it says it shipped",
			members: []inventory.Member{order(-1, false), refund(1, "return", 0, 2)},
			want:    inventory.Effect{cell(online, ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name:    "shipped in full, one returned to the store that restocked it",
			members: []inventory.Member{order(2, true), refund(1, "return", 71004455, 0)},
			want:    inventory.Effect{cell(online, ontology.BucketOnHand): ontology.Units(-3), cell(store, ontology.BucketOnHand): ontology.Units(1)},
		},
		{
			name:    "returned to the store before the shipment said it left",
			members: []inventory.Member{order(2, false), refund(1, "return", 71004455, 2)},
			want: inventory.Effect{cell(online, ontology.BucketOnHand): ontology.Units(-1), cell(store, ontology.BucketOnHand): ontology.Units(1),
				cell(online, ontology.BucketReserved): ontology.Units(2)},
		},
	} {
		eff, _ := inventory.Plan(c.members, nil)
		if !effectsEqual(eff, c.want) {
			t.Errorf("%s: moves %v, want %v", c.name, eff, c.want)
		}
	}
}

// A refund whose first transaction failed and whose gateway retry succeeded paid back
// the money once: only transactions that did not fail count (found by an outside
// review, review23: the refund was twice its money).
func TestShopifyRefundCountsNoFailedTransaction(t *testing.T) {
	d, ps := mapEdited(t, "shopify", "refund", "shopify/refunds_create_split_tender.json", func(r map[string]any) {
		txs := r["transactions"].([]any)
		ok := txs[1].(map[string]any)
		failed := map[string]any{}
		for k, v := range ok {
			failed[k] = v
		}
		failed["id"], failed["status"], failed["error_code"] = json.Number("7310442198"), "failure", "processing_error"
		errored := map[string]any{}
		for k, v := range failed {
			errored[k] = v
		}
		errored["id"], errored["status"] = json.Number("7310442199"), "error"
		r["transactions"] = []any{failed, errored, txs[0], ok}
	})
	if d == nil {
		t.Fatalf("refund: %v", ps)
	}
	if got := d.Total.String(); got != "54 EUR" {
		t.Errorf("total %s, want 54 EUR (20 to the gift card, 34 to the card): the failed and errored attempts paid nothing back", got)
	}
}

// A shop that sells in other currencies (order #1047: shop currency USD, the buyer paid
// in EUR, total_price_set 103.50 USD / 95.12 EUR) refunds two items: Shopify pays back
// 33.09 EUR (the transaction, in the presentment currency) and states the refund's lines
// in both currencies (subtotal_set 24.00 USD / 22.06 EUR and 12.00 USD / 11.03 EUR).
// Finance reads the order's total in the shop's currency, so the refund must be too:
// 36.00 USD refunded of the sale's 103.50 USD. Before, the refund was 33.09 EUR, an
// amount in a currency the sale never had (found by an outside review, review23 s11).
func TestShopifyRefundInAnotherCurrencyCountsInTheShops(t *testing.T) {
	order, ps := sfResults(t, "shopify", "order", "", srcSample(t, "shopify/orders_create.json"))
	if len(ps) > 0 || len(order) != 1 || order[0].Total.String() != "103.5 USD" {
		t.Fatalf("order: %v, problems %v", order, ps)
	}
	refund, ps := sfResults(t, "shopify", "refund", "", srcSample(t, "shopify/refunds_create_multi_currency.json"))
	if len(ps) > 0 || len(refund) != 1 {
		t.Fatalf("refund: %d documents, problems %v", len(refund), ps)
	}
	if got := refund[0].Total.String(); got != "36 USD" {
		t.Errorf("refund total %s, want 36 USD (33.09 EUR paid back, at the order's rate)", got)
	}
	r, _ := reconciled(refund[0].OccurredAt.AddDate(0, 0, 1), append(order, refund...)...)
	if got := refundedOf(r, "USD"); got != "36.00" {
		t.Errorf("refunded %q USD, want 36.00 (amounts %+v)", got, r.Amounts)
	}
	if got := refundedOf(r, "EUR"); got != "" {
		t.Errorf("refunded %q EUR, want none: the shop's books are in USD (amounts %+v)", got, r.Amounts)
	}

	// A refund of an amount alone (no lines): 4.60 EUR back, stated in its adjustment as
	// -5.00 USD / -4.60 EUR (a refund_discrepancy, minus what was refunded).
	d, ps := mapEdited(t, "shopify", "refund", "shopify/refunds_create_multi_currency.json", func(r map[string]any) {
		r["refund_line_items"] = []any{}
		tx := r["transactions"].([]any)[0].(map[string]any)
		tx["amount"] = "4.60"
		r["order_adjustments"] = []any{map[string]any{
			"id": json.Number("177085972600"), "order_id": r["order_id"], "refund_id": r["id"],
			"amount": "-5.00", "tax_amount": "0.00", "kind": "refund_discrepancy", "reason": "Refund discrepancy",
			"amount_set": map[string]any{
				"shop_money":        map[string]any{"amount": "-5.00", "currency_code": "USD"},
				"presentment_money": map[string]any{"amount": "-4.60", "currency_code": "EUR"}},
			"tax_amount_set": map[string]any{
				"shop_money":        map[string]any{"amount": "0.00", "currency_code": "USD"},
				"presentment_money": map[string]any{"amount": "0.00", "currency_code": "EUR"}},
		}}
	})
	if d == nil {
		t.Fatalf("money-only refund: %v", ps)
	}
	if got := d.Total.String(); got != "5 USD" {
		t.Errorf("money-only refund total %s, want 5 USD", got)
	}
}
