package mapping_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// webhookShopify is a sample of the Shopify webhook bodies the connector's tests post
// (connectors/webhook/testdata/shopify), edited to the shape under test.
func webhookShopify(t *testing.T, typ, file string, edit func(o map[string]any)) inventory.Member {
	t.Helper()
	d, ps := mapEdited(t, "shopify", typ, "../../../connectors/webhook/testdata/shopify/"+file, edit)
	if d == nil {
		t.Fatalf("%s: %v", file, ps)
	}
	return ledgerMember(d)
}

// teaAt is the cell of order #2051's tea at a place, as the ledger names an unaliased
// Shopify location: shopify:<location_id>, or shopify:online for the web shop's stock.
func teaAt(loc string, b ontology.Bucket) inventory.Key {
	return inventory.Key{Cell: ontology.Cell{SKU: "TEA-OOL-250G", Location: loc}, Bucket: b}
}

// TestShopifyShipmentsLeaveFromTheirLocation: a fulfillment names the location its goods
// left from (Fulfillment.location_id), and an orders/fulfilled body names it in each of
// its fulfillments. The goods leave that location's stock, keyed as a refund's
// refund_line_items[].location_id and a POS order's location_id are (shopify, the id),
// while what is still to ship stays reserved where the order is. Before, every
// fulfillment took its goods from the online channel's stock (shopify:online), whatever
// location Shopify said shipped them.
func TestShopifyShipmentsLeaveFromTheirLocation(t *testing.T) {
	const online, wh, store = "shopify:online", "shopify:71004455", "shopify:71004466"
	order := webhookShopify(t, "order", "orders_create.json", func(map[string]any) {})
	// fulfilled is orders/fulfilled with its fulfillment's location_id, as the Order
	// resource's fulfillments[] carry it (the sample leaves it out).
	fulfilled := func(loc int) inventory.Member {
		return webhookShopify(t, "order", "orders_fulfilled.json", func(o map[string]any) {
			o["fulfillments"].([]any)[0].(map[string]any)["location_id"] = json.Number(strconv.Itoa(loc))
		})
	}
	// shipment is fulfillments/create of n teas from location loc (0: none named).
	shipment := func(id, n, loc int) inventory.Member {
		return webhookShopify(t, "fulfillment", "fulfillments_create.json", func(o map[string]any) {
			o["id"] = json.Number(strconv.Itoa(id))
			if loc == 0 {
				delete(o, "location_id")
			} else {
				o["location_id"] = json.Number(strconv.Itoa(loc))
			}
			o["line_items"].([]any)[0].(map[string]any)["quantity"] = json.Number(strconv.Itoa(n))
		})
	}
	returned := webhookShopify(t, "refund", "refunds_create.json", func(map[string]any) {})
	for _, c := range []struct {
		name    string
		members []inventory.Member
		want    inventory.Effect
	}{
		{"fulfillments/create from the warehouse", []inventory.Member{order, shipment(1, 2, 71004455)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-2), teaAt(wh, ontology.BucketInTransit): ontology.Units(2)}},
		{"a fulfillment naming no location leaves the online stock", []inventory.Member{order, shipment(1, 2, 0)},
			inventory.Effect{teaAt(online, ontology.BucketOnHand): ontology.Units(-2), teaAt(online, ontology.BucketInTransit): ontology.Units(2)}},
		{"one of two shipped: the other stays reserved where the order is", []inventory.Member{order, shipment(1, 1, 71004455)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-1), teaAt(wh, ontology.BucketInTransit): ontology.Units(1),
				teaAt(online, ontology.BucketReserved): ontology.Units(1)}},
		{"two shipments from two locations", []inventory.Member{order, shipment(1, 1, 71004455), shipment(2, 1, 71004466)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-1), teaAt(wh, ontology.BucketInTransit): ontology.Units(1),
				teaAt(store, ontology.BucketOnHand): ontology.Units(-1), teaAt(store, ontology.BucketInTransit): ontology.Units(1)}},
		{"orders/fulfilled alone", []inventory.Member{fulfilled(71004455)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-2)}},
		{"orders/fulfilled and its fulfillments/create", []inventory.Member{fulfilled(71004455), shipment(1, 2, 71004455)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-2), teaAt(wh, ontology.BucketInTransit): ontology.Units(2)}},
		{"shipped from the warehouse, one returned there", []inventory.Member{order, shipment(1, 2, 71004455), returned},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-1)}},
		{"orders/fulfilled from the warehouse, one returned there", []inventory.Member{fulfilled(71004455), returned},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-1)}},
	} {
		eff, _ := inventory.Plan(c.members, nil)
		if !effectsEqual(eff, c.want) {
			t.Errorf("%s: moves %v, want %v", c.name, eff, c.want)
		}
	}
}

// TestShopifyOrderFulfilledFromTwoLocations: an orders/fulfilled body whose two lines
// shipped from two locations (each fulfillment lists the order lines it shipped by
// their id) books each line where it left, when no fulfillments/create carries the
// shipments. Before, every line left from the first fulfillment's location, so one
// location's stock fell by goods it never held and the other's never fell.
func TestShopifyOrderFulfilledFromTwoLocations(t *testing.T) {
	const wh, store = "shopify:71004455", "shopify:71004466"
	// twoPlaces is orders/fulfilled with a second line, a green tea, shipped from the
	// store by a second fulfillment; the tea left from the warehouse. swap lists the
	// store's fulfillment first.
	twoPlaces := func(swap bool) inventory.Member {
		return webhookShopify(t, "order", "orders_fulfilled.json", func(o map[string]any) {
			tea := o["line_items"].([]any)[0].(map[string]any)
			green := map[string]any{}
			for k, v := range tea {
				green[k] = v
			}
			green["id"], green["sku"], green["variant_id"], green["quantity"], green["current_quantity"] =
				json.Number("15550211002292"), "TEA-GRN-100G", json.Number("44001122334456"), json.Number("1"), json.Number("1")
			o["line_items"] = []any{tea, green}
			first := o["fulfillments"].([]any)[0].(map[string]any)
			first["location_id"] = json.Number("71004455")
			second := map[string]any{}
			for k, v := range first {
				second[k] = v
			}
			second["id"], second["location_id"] = json.Number("5620011223345"), json.Number("71004466")
			second["line_items"] = []any{map[string]any{"id": json.Number("15550211002292"), "sku": "TEA-GRN-100G", "quantity": json.Number("1")}}
			fs := []any{first, second}
			if swap {
				fs = []any{second, first}
			}
			o["fulfillments"] = fs
		})
	}
	green := inventory.Key{Cell: ontology.Cell{SKU: "TEA-GRN-100G", Location: store}, Bucket: ontology.BucketOnHand}
	want := inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-2), green: ontology.Units(-1)}
	for _, swap := range []bool{false, true} {
		eff, _ := inventory.Plan([]inventory.Member{twoPlaces(swap)}, nil)
		if !effectsEqual(eff, want) {
			t.Errorf("store's fulfillment first %v: moves %v, want %v", swap, eff, want)
		}
	}
}

// TestShopifyRefundRestocksEachLineWhereShopifyDid: a refund's lines each name the
// location they are restocked at (refund_line_items[].location_id); one refund may
// restock at two. Each line's goods come back to its own location. Before, the refund had
// one location, its first line's, and every line came back there.
func TestShopifyRefundRestocksEachLineWhereShopifyDid(t *testing.T) {
	const wh, store = "shopify:71004455", "shopify:71004466"
	// refund restocks the tea as returns, n at each location.
	refund := func(atWH, atStore int) inventory.Member {
		return webhookShopify(t, "refund", "refunds_create.json", func(o map[string]any) {
			items := o["refund_line_items"].([]any)
			first := items[0].(map[string]any)
			second := map[string]any{}
			for k, v := range first {
				second[k] = v
			}
			first["quantity"] = json.Number(strconv.Itoa(atWH))
			second["id"], second["quantity"], second["location_id"] = json.Number("487817672277"), json.Number(strconv.Itoa(atStore)), json.Number("71004466")
			o["refund_line_items"] = []any{first, second}
		})
	}
	fulfilled := webhookShopify(t, "order", "orders_fulfilled.json", func(o map[string]any) {
		o["fulfillments"].([]any)[0].(map[string]any)["location_id"] = json.Number("71004455")
		li := o["line_items"].([]any)[0].(map[string]any)
		li["quantity"], li["current_quantity"] = json.Number("4"), json.Number("4")
		o["fulfillments"].([]any)[0].(map[string]any)["line_items"].([]any)[0].(map[string]any)["quantity"] = json.Number("4")
	})
	for _, c := range []struct {
		name    string
		members []inventory.Member
		want    inventory.Effect
	}{
		{"the refund alone: its goods came back", []inventory.Member{refund(1, 2)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(1), teaAt(store, ontology.BucketOnHand): ontology.Units(2)}},
		{"4 shipped from the warehouse, 1 back there and 2 at the store", []inventory.Member{fulfilled, refund(1, 2)},
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-3), teaAt(store, ontology.BucketOnHand): ontology.Units(2)}},
	} {
		eff, _ := inventory.Plan(c.members, nil)
		if !effectsEqual(eff, c.want) {
			t.Errorf("%s: moves %v, want %v", c.name, eff, c.want)
		}
	}
}

// TestShopifyRefundBeforeItsOrderUpdate: Shopify sends refunds/create and then the
// orders/updated whose line current_quantity drops by the units refunded, and lists the
// refund in refunds[]; webhooks come in any order. A refund of units never shipped
// (no_restock or cancel on an unfulfilled line: they will never ship) lowers what stays
// reserved at once, and the order's update does not lower it again: the refund first,
// the update first, and the update alone all give the stock Shopify's counts say. Before,
// a refund that came before the update left the units reserved until it arrived (3
// reserved for 2 to ship), as it did for a return or a shipped unit kept by the buyer.
func TestShopifyRefundBeforeItsOrderUpdate(t *testing.T) {
	const online, wh = "shopify:online", "shopify:71004455"
	// order is #2051 with 3 teas ordered, current as given, listing the refunds given.
	order := func(current int, refunds ...string) inventory.Member {
		return webhookShopify(t, "order", "orders_create.json", func(o map[string]any) {
			li := o["line_items"].([]any)[0].(map[string]any)
			li["quantity"], li["current_quantity"] = json.Number("3"), json.Number(strconv.Itoa(current))
			listed := []any{}
			for _, id := range refunds {
				listed = append(listed, map[string]any{"id": json.Number(id), "order_id": o["id"]})
			}
			o["refunds"] = listed
			if len(refunds) > 0 {
				o["updated_at"], o["financial_status"] = "2025-05-20T11:00:01+02:00", "partially_refunded"
			}
		})
	}
	// refund refunds one tea with a restock type; a return restocks at the warehouse.
	refund := func(restock string) inventory.Member {
		return webhookShopify(t, "refund", "refunds_create.json", func(o map[string]any) {
			rli := o["refund_line_items"].([]any)[0].(map[string]any)
			rli["restock_type"] = restock
			if restock != "return" {
				delete(rli, "location_id")
			}
			rli["line_item"].(map[string]any)["fulfillment_status"] = nil
		})
	}
	const refundID = "990088186047892"
	shipment := webhookShopify(t, "fulfillment", "fulfillments_create.json", func(o map[string]any) {
		o["line_items"].([]any)[0].(map[string]any)["quantity"] = json.Number("1")
	})
	for _, c := range []struct {
		name    string
		shipped []inventory.Member
		restock string
		want    inventory.Effect
	}{
		{"no_restock of 1 unshipped: 2 to ship", nil, "no_restock",
			inventory.Effect{teaAt(online, ontology.BucketReserved): ontology.Units(2)}},
		{"cancel of 1 unshipped: 2 to ship", nil, "cancel",
			inventory.Effect{teaAt(online, ontology.BucketReserved): ontology.Units(2)}},
		{"return of 1 before it shipped: taken there and back, 2 to ship", nil, "return",
			inventory.Effect{teaAt(online, ontology.BucketOnHand): ontology.Units(-1), teaAt(wh, ontology.BucketOnHand): ontology.Units(1),
				teaAt(online, ontology.BucketReserved): ontology.Units(2)}},
		{"1 shipped, no_restock of 1: the shipped one, 2 to ship", []inventory.Member{shipment}, "no_restock",
			inventory.Effect{teaAt(wh, ontology.BucketOnHand): ontology.Units(-1), teaAt(online, ontology.BucketReserved): ontology.Units(2)}},
	} {
		r := refund(c.restock)
		arrivals := map[string][]inventory.Member{
			"refund before the update": append([]inventory.Member{order(3), r}, c.shipped...),
			"update before the refund": append([]inventory.Member{order(2, refundID), r}, c.shipped...),
		}
		if c.restock != "return" && c.shipped == nil {
			// Of an order nothing of which shipped, the update says all there is. A unit
			// returned moved on hand, which only its refund says; and of a partly
			// shipped order, only the refund says whether the refunded unit had shipped.
			arrivals["the update alone"] = append([]inventory.Member{order(2, refundID)}, c.shipped...)
		}
		for name, ms := range arrivals {
			eff, _ := inventory.Plan(ms, nil)
			if !effectsEqual(eff, c.want) {
				t.Errorf("%s, %s: moves %v, want %v", c.name, name, eff, c.want)
			}
		}
	}
}

// TestShopifyOrderListsTheRefundsItCounts: the order's refunds[] is read as the refunds
// its quantities leave out, none when the list is empty, and nothing said when the body
// has no list (a saved order without it).
func TestShopifyOrderListsTheRefundsItCounts(t *testing.T) {
	for _, c := range []struct {
		refunds any
		want    *[]string
	}{
		{[]any{map[string]any{"id": json.Number("990088186047892")}}, &[]string{"990088186047892"}},
		{[]any{}, &[]string{}},
		{nil, nil},
	} {
		d, ps := mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(o map[string]any) {
			if c.refunds == nil {
				delete(o, "refunds")
			} else {
				o["refunds"] = c.refunds
			}
		})
		if d == nil {
			t.Fatal(ps)
		}
		if (d.CountedRefunds == nil) != (c.want == nil) || (c.want != nil && !slices.Equal(*d.CountedRefunds, *c.want)) {
			t.Errorf("refunds %v: counted %v, want %v", c.refunds, d.CountedRefunds, c.want)
		}
	}
}
