package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// squareSample reads a Square order of the mapping tests' samples (as RetrieveOrder
// answers it, {"order": {...}}) bare, as the partner API keeps it.
func squareSample(t *testing.T, file string) []byte {
	t.Helper()
	// The samples sit beside the providers' envelopes: ontology/mapping/testdata.
	b := sample(t, filepath.Join("..", "..", "..", "ontology", "mapping", "testdata", "square", file))
	var w struct{ Order json.RawMessage }
	if err := json.Unmarshal(b, &w); err != nil || len(w.Order) == 0 {
		t.Fatalf("%s: %v", file, err)
	}
	return w.Order
}

// TestSquareReturnsExchangesAndOnlineOrders drives a Square store's day through the
// order notifications Square sends, each fetched whole: a sale at the till, a return of
// part of it (an order of its own, returns[] only), an exchange (a new sale and a return
// of the first sale's goods, in one order), a sale with a gift card and a custom amount,
// and an order placed online for pickup, first open, then completed. Stock: the returned
// goods back at the store, the exchange's new goods gone, nothing for the gift card or
// the custom amount, the online order reserved until picked up; the returns joined to the
// first sale; no line waiting as an unresolved product.
func TestSquareReturnsExchangesAndOnlineOrders(t *testing.T) {
	api := newPartnerAPI()
	addr, stop, err := api.listen()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	online := squareSample(t, "online_pickup_order.json")
	for _, f := range []string{"retrieve_order.json", "return_order.json", "exchange_order.json", "order_gift_card_custom.json"} {
		api.add(squareSample(t, f))
	}
	api.add(online)

	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Pull = []PullConfig{{Name: "square-orders", Tenant: tenant, System: "square", Type: "order", API: "square",
		BaseURL: "http://" + addr, Token: "EAAAl-test", Every: time.Hour}}
	cfg.Products = []resolver.ProductAlias{
		{System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "FW-OAT-L"},
		{System: "square", Code: "K4RZ2VQX7MTLFA3PHE6NWJ5D", SKU: "FW-OAT-R"},
		{System: "square", Code: "BQXHKM5R3V7JQ2TFOZ4GHE6N", SKU: "BEANS-HB"},
	}
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "square", Code: "L2K8D0QWERT7Y", Location: "STORE-1"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	sent := 0
	notify := func(orderID string) {
		t.Helper()
		// Each notification is an event of its own (Square's event_id).
		sent++
		body := bytes.ReplaceAll(sample(t, "square/order_updated.json"), []byte("eA3vssLHKJrv9H0IdJCM3gNqfdcZY"), []byte(orderID))
		body = bytes.Replace(body, []byte("4b8e5c91-9b32-4f7e-a5c3-b0c9d2d3b51a"), fmt.Appendf(nil, "4b8e5c91-9b32-4f7e-a5c3-%012d", sent), 1)
		url := base + "/webhooks/" + tenant + "/square"
		code, r := postWebhook(t, base, tenant, "square", body, webhook.Sign("square", body, []byte(testSecret), url, time.Now()))
		if code != http.StatusOK || r.Status == "quarantined" || r.Quarantined > 0 || len(r.Problems) > 0 {
			t.Fatalf("order %s: %d %+v", orderID, code, r)
		}
	}
	for _, id := range []string{"q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY", "Ex3VbN7qLk2RtY8mWz4HcJd9fPaZY",
		"Gc6TmQ2wXk9LpR4vYz8HbJd5fNaZY", "On8PkR3vXm6LqT2wYz9HcJd7fBaZY"} {
		notify(id)
	}
	at := func(sku, onHand, reserved string) {
		t.Helper()
		waitStock(t, base, tenant, sku, func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Location == "STORE-1" && rs[0].OnHand == onHand && rs[0].Reserved == reserved
		})
	}
	// Two flat whites sold, one brought back in the exchange, one with the gift card.
	at("FW-OAT-L", "-2", "0")
	// The exchange's new coffee.
	at("FW-OAT-R", "-1", "0")
	// 1.7 kg sold, 0.5 kg returned; the online order's 2 bags held, not yet gone.
	at("BEANS-HB", "-1.2", "2")

	// Picked up: Square completes the fulfillment and the order.
	done := bytes.Replace(online, []byte(`"state": "PROPOSED"`), []byte(`"state": "COMPLETED"`), 1)
	done = bytes.Replace(done, []byte(`"state": "OPEN"`), []byte(`"state": "COMPLETED"`), 1)
	done = bytes.Replace(done, []byte(`"version": 2`), []byte(`"version": 3`), 1)
	done = bytes.Replace(done, []byte(`"updated_at": "2025-07-05T08:12:41.000Z"`), []byte(`"updated_at": "2025-07-05T16:04:10.000Z"`), 1)
	api.add(done)
	notify("On8PkR3vXm6LqT2wYz9HcJd7fBaZY")
	at("BEANS-HB", "-3.2", "0")

	// Both returns belong to the first sale's event.
	var out struct {
		Document struct {
			Event struct {
				Kind    string
				Sources []struct{ Role string }
			}
		}
	}
	r := graphQL(t, base, tenant, `{ document(system: "square", type: "return", externalId: "Ex3VbN7qLk2RtY8mWz4HcJd9fPaZY") {
		event { kind sources { role } } } }`, nil, &out)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	roles := map[string]int{}
	for _, src := range out.Document.Event.Sources {
		roles[src.Role]++
	}
	if out.Document.Event.Kind != "sale" || roles["pos"] != 1 || roles["refund"] != 2 {
		t.Errorf("the first sale with its two returns; got %+v", out.Document.Event)
	}
	var sug struct{ ProductSuggestions []struct{ Title string } }
	if r := graphQL(t, base, tenant, `{ productSuggestions { title } }`, nil, &sug); len(r.Errors) > 0 || len(sug.ProductSuggestions) > 0 {
		t.Errorf("unresolved products: %+v %v", sug.ProductSuggestions, r.Errors)
	}
}

// TestShopifyLegacyRefundRestocks: a refund from before restock_type (the 2017 Refund:
// restock true on the refund, nothing on its lines) returns its unit to stock, as a
// refund restocked as a return does in TestShopifyOrderLife. Before, it moved nothing.
func TestShopifyLegacyRefundRestocks(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	legacy := bytes.Replace(sample(t, "shopify/refunds_create.json"), []byte(`"location_id": 71004455,"restock_type": "return",`), nil, 1)
	if bytes.Contains(legacy, []byte("restock_type")) {
		t.Fatal("the sample's refund line still names its restock type")
	}
	var ds []delivery
	for i, c := range [][2]string{
		{"orders/create", "orders_create.json"},
		{"fulfillments/create", "fulfillments_create.json"},
		{"orders/fulfilled", "orders_fulfilled.json"},
	} {
		ds = append(ds, shopifyDelivery(t, c[0], c[1], fmt.Sprintf("legacy-%d", i)))
	}
	refund := shopifyDelivery(t, "refunds/create", "refunds_create.json", "legacy-refund")
	refund.body = legacy
	refund.headers.Set("X-Shopify-Hmac-Sha256", webhook.Sign("shopify", legacy, []byte(testSecret), "", time.Now()).Get("X-Shopify-Hmac-Sha256"))
	for _, d := range append(ds, refund) {
		if code, r := postWebhook(t, base, tenant, "shopify", d.body, d.headers); code != http.StatusOK || r.Status != "accepted" {
			t.Fatalf("%s: %d %+v", d.name, code, r)
		}
	}
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].Location == "WH-NL1" && rs[0].OnHand == "-1" && rs[0].Reserved == "0"
	})
}
