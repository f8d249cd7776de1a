package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// shopifyReshaped is a Shopify delivery of a sample decoded, edited as an object (its
// numbers kept as their text) and signed again.
func shopifyReshaped(t *testing.T, topic, file, id string, edit func(o map[string]any)) delivery {
	t.Helper()
	d := shopifyDelivery(t, topic, file, id)
	body := editedJSON(t, d.body, edit)
	d.body = body
	d.headers.Set("X-Shopify-Hmac-Sha256", webhook.Sign("shopify", body, []byte(testSecret), "", time.Now()).Get("X-Shopify-Hmac-Sha256"))
	return d
}

// shopifyShop starts a server for a tenant of its own whose Shopify location codes are
// aliased as given ({code, location}), and returns its address, the tenant and a post
// that requires each delivery to be accepted.
func shopifyShop(t *testing.T, aliases ...[2]string) (string, string, func(delivery)) {
	t.Helper()
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	for _, a := range aliases {
		cfg.Locations = append(cfg.Locations, resolver.LocationAlias{Tenant: tenant, System: "shopify", Code: a[0], Location: a[1]})
	}
	base := "http://" + startServer(t, cfg).Addr
	return base, tenant, func(d delivery) {
		t.Helper()
		if code, r := postWebhook(t, base, tenant, "shopify", d.body, d.headers); code != http.StatusOK || r.Status != "accepted" {
			t.Fatalf("%s: %d %+v", d.name, code, r)
		}
	}
}

// stockAt is a SKU's stock by location, as "onHand/reserved".
func stockAt(rs []stockRow) map[string]string {
	out := map[string]string{}
	for _, r := range rs {
		out[r.Location] = r.OnHand + "/" + r.Reserved
	}
	return out
}

// TestShopifyGoodsMoveWhereShopifySays: the shop's online channel sells from WH-NL1
// (Shopify location 71004455) and a store, STORE-AMS, is Shopify location 71004466. An
// order of 2 teas is reserved at WH-NL1; the store ships it (fulfillments/create with
// location_id 71004466): the teas leave the store's shelf, and nothing stays reserved.
// One refund takes both back, one restocked at each location (refund_line_items[] with
// two location_ids): each comes back where Shopify restocked it. Before, the shipment
// took the teas from WH-NL1 and the refund brought both back to its first line's place.
func TestShopifyGoodsMoveWhereShopifySays(t *testing.T) {
	base, tenant, post := shopifyShop(t, [2]string{"online", "WH-NL1"}, [2]string{"71004455", "WH-NL1"}, [2]string{"71004466", "STORE-AMS"})
	stock := func(want map[string]string) {
		t.Helper()
		waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return maps.Equal(stockAt(rs), want) })
	}
	post(shopifyDelivery(t, "orders/create", "orders_create.json", "places-0"))
	stock(map[string]string{"WH-NL1": "0/2"})
	post(shopifyReshaped(t, "fulfillments/create", "fulfillments_create.json", "places-1", func(o map[string]any) {
		o["location_id"] = json.Number("71004466")
	}))
	stock(map[string]string{"WH-NL1": "0/0", "STORE-AMS": "-2/0"})
	post(shopifyReshaped(t, "refunds/create", "refunds_create.json", "places-2", func(o map[string]any) {
		first := o["refund_line_items"].([]any)[0].(map[string]any)
		second := maps.Clone(first)
		second["id"], second["location_id"] = json.Number("487817672277"), json.Number("71004466")
		o["refund_line_items"] = []any{first, second}
	}))
	stock(map[string]string{"WH-NL1": "1/0", "STORE-AMS": "-1/0"})
}

// TestShopifyRefundAndOrderUpdateInEitherOrder: a refund of one tea of three, none
// shipped, without restock (restock_type no_restock: it will never ship), and the
// orders/updated that follows it (current_quantity 2, the refund listed in refunds[]),
// delivered in both orders for two orders of the shop. Either way 2 stay reserved from
// the refund's arrival on. Before, the refund that came first left 3 reserved until the
// order's update came.
func TestShopifyRefundAndOrderUpdateInEitherOrder(t *testing.T) {
	base, tenant, post := shopifyShop(t, [2]string{"online", "WH-NL1"})
	// Each order is the sample's under its own ids and product.
	type shop struct{ sku, number, orderID, refundID, lineID string }
	rename := func(o map[string]any, sh shop) {
		o["id"], o["name"], o["order_number"] = json.Number(sh.orderID), "#"+sh.number, json.Number(sh.number)
		o["checkout_token"] = "token-" + sh.orderID
	}
	order := func(sh shop, n int, updated bool) delivery {
		topic := map[bool]string{false: "orders/create", true: "orders/updated"}[updated]
		return shopifyReshaped(t, topic, "orders_create.json", fmt.Sprintf("%s-%s-%t", sh.sku, sh.orderID, updated), func(o map[string]any) {
			rename(o, sh)
			o["financial_status"] = "paid"
			li := o["line_items"].([]any)[0].(map[string]any)
			li["sku"], li["id"], li["variant_id"] = sh.sku, json.Number(sh.lineID), json.Number(sh.lineID)
			li["quantity"], li["current_quantity"], li["fulfillable_quantity"] = json.Number("3"), json.Number(fmt.Sprint(n)), json.Number(fmt.Sprint(n))
			if updated {
				o["financial_status"], o["updated_at"] = "partially_refunded", "2025-05-20T11:00:01+02:00"
				o["refunds"] = []any{map[string]any{"id": json.Number(sh.refundID), "order_id": json.Number(sh.orderID)}}
			}
		})
	}
	refund := func(sh shop) delivery {
		return shopifyReshaped(t, "refunds/create", "refunds_create.json", "refund-"+sh.refundID, func(o map[string]any) {
			o["id"], o["order_id"], o["restock"] = json.Number(sh.refundID), json.Number(sh.orderID), false
			rli := o["refund_line_items"].([]any)[0].(map[string]any)
			delete(rli, "location_id")
			rli["restock_type"], rli["line_item_id"] = "no_restock", json.Number(sh.lineID)
			li := rli["line_item"].(map[string]any)
			li["sku"], li["id"], li["variant_id"], li["fulfillment_status"] = sh.sku, json.Number(sh.lineID), json.Number(sh.lineID), nil
			li["quantity"] = json.Number("3")
			for _, tr := range o["transactions"].([]any) {
				tr.(map[string]any)["order_id"] = json.Number(sh.orderID)
			}
		})
	}
	reserved := func(sku, want string) {
		t.Helper()
		waitStock(t, base, tenant, sku, func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Location == "WH-NL1" && rs[0].OnHand == "0" && rs[0].Reserved == want
		})
	}
	first := shop{"TEA-OOL-250G", "3001", "7120193840001", "990088180000001", "15550211000001"}
	post(order(first, 3, false))
	reserved(first.sku, "3")
	post(refund(first))
	waitSources(t, base, tenant, "shopify", "order", first.orderID, 2)
	reserved(first.sku, "2")
	post(order(first, 2, true))
	waitVersions(t, base, tenant, first.orderID, 2)
	reserved(first.sku, "2")

	second := shop{"TEA-GRN-100G", "3002", "7120193840002", "990088180000002", "15550211000002"}
	post(order(second, 3, false))
	reserved(second.sku, "3")
	post(order(second, 2, true))
	waitVersions(t, base, tenant, second.orderID, 2)
	reserved(second.sku, "2")
	post(refund(second))
	waitSources(t, base, tenant, "shopify", "order", second.orderID, 2)
	reserved(second.sku, "2")
}

// waitVersions waits until a Shopify order has n versions, the newest current.
func waitVersions(t *testing.T, base, tenant, id string, n int) {
	t.Helper()
	var out struct {
		Document struct{ Versions []struct{ Current bool } }
	}
	for deadline := time.Now().Add(settle); ; time.Sleep(50 * time.Millisecond) {
		r := graphQL(t, base, tenant, `query($id: String!) { document(system: "shopify", type: "order", externalId: $id) { versions { current } } }`,
			map[string]any{"id": id}, &out)
		vs := out.Document.Versions
		if len(r.Errors) == 0 && len(vs) == n && vs[0].Current {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("order %s: versions %+v, want %d; %v", id, vs, n, r.Errors)
		}
	}
}
