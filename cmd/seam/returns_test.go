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

// squareStore starts a server whose tenant pulls its Square orders from api, with the
// store L2K8D0QWERT7Y as STORE-1 and these catalog aliases, and returns its address,
// the tenant and how to send Square's order.updated notification of an order.
func squareStore(t *testing.T, api *partnerAPI, products ...resolver.ProductAlias) (base, tenant string, notify func(orderID string)) {
	t.Helper()
	addr, stop, err := api.listen()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	cfg := testConfig(t)
	tenant = neo4jtest.Tenant(t)
	cfg.Pull = []PullConfig{{Name: "square-orders", Tenant: tenant, System: "square", Type: "order", API: "square",
		BaseURL: "http://" + addr, Token: "EAAAl-test", Every: time.Hour}}
	cfg.Products = products
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "square", Code: "L2K8D0QWERT7Y", Location: "STORE-1"}}
	s := startServer(t, cfg)
	base = "http://" + s.Addr
	sent := 0
	notify = func(orderID string) {
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
	return base, tenant, notify
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
	online := squareSample(t, "online_pickup_order.json")
	for _, f := range []string{"retrieve_order.json", "return_order.json", "exchange_order.json", "order_gift_card_custom.json"} {
		api.add(squareSample(t, f))
	}
	api.add(online)
	base, tenant, notify := squareStore(t, api,
		resolver.ProductAlias{System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "FW-OAT-L"},
		resolver.ProductAlias{System: "square", Code: "K4RZ2VQX7MTLFA3PHE6NWJ5D", SKU: "FW-OAT-R"},
		resolver.ProductAlias{System: "square", Code: "BQXHKM5R3V7JQ2TFOZ4GHE6N", SKU: "BEANS-HB"})
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
	// The online channel ships from WH-NL1, Shopify location 71004455, which its
	// fulfilment names as the place the goods left.
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"},
		{Tenant: tenant, System: "shopify", Code: "71004455", Location: "WH-NL1"}}
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

// shopifyEdited is a Shopify delivery of a sample edited to the shape under test,
// signed again: every edit must apply; each of renames (another order's ids) where the
// sample has it.
func shopifyEdited(t *testing.T, topic, file, id string, renames [][2]string, edits ...[2]string) delivery {
	t.Helper()
	d := shopifyDelivery(t, topic, file, id)
	for _, e := range renames {
		d.body = bytes.ReplaceAll(d.body, []byte(e[0]), []byte(e[1]))
	}
	for _, e := range edits {
		if !bytes.Contains(d.body, []byte(e[0])) {
			t.Fatalf("%s: no %s to edit", file, e[0])
		}
		d.body = bytes.ReplaceAll(d.body, []byte(e[0]), []byte(e[1]))
	}
	d.headers.Set("X-Shopify-Hmac-Sha256", webhook.Sign("shopify", d.body, []byte(testSecret), "", time.Now()).Get("X-Shopify-Hmac-Sha256"))
	return d
}

// TestShopifyRefundsOfOrdersShippedWithoutShipmentLines follows two Shopify orders of 3
// that ship with no fulfillment document carrying lines (orders/fulfilled alone says
// the goods left), each refunded one unit. An order read before current_quantity (REST
// API versions before 2024-01: quantity only, which never drops) restocks its unit with
// a refund from before restock_type (restock: true): 2 left for good, where 3 were
// taken before. An order with current_quantity has its unit refunded without restock
// (restock_type no_restock): the buyer kept it, current_quantity drops to 2, and all 3
// left, where 2 were taken before.
func TestShopifyRefundsOfOrdersShippedWithoutShipmentLines(t *testing.T) {
	base, tenant, post := shopifyShop(t, [2]string{"online", "WH-NL1"})
	// The old order: quantity 3, no current_quantity, no fulfillments in the body.
	oldOrder := [][2]string{{`"quantity": 2,"current_quantity": 2,`, `"quantity": 3,`}}
	oldFulfilled := [][2]string{{`"quantity": 2, "current_quantity": 2,`, `"quantity": 3,`}, {`"quantity": 2}]}]`, `"quantity": 3}]}]`}}
	stock := func(sku, onHand, reserved string) {
		t.Helper()
		waitStock(t, base, tenant, sku, func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Location == "WH-NL1" && rs[0].OnHand == onHand && rs[0].Reserved == reserved
		})
	}
	// Each delivery is awaited before the next: a new version of an order resolved
	// while a refund of it is (found here, see the report) can leave the ledger on the
	// version before.
	post(shopifyEdited(t, "orders/create", "orders_create.json", "old-0", nil, oldOrder...))
	stock("TEA-OOL-250G", "0", "3")
	post(shopifyEdited(t, "refunds/create", "refunds_create.json", "old-1", nil, [2]string{`"location_id": 71004455,"restock_type": "return",`, ``}))
	waitSources(t, base, tenant, "shopify", "order", "7120193847261", 2)
	post(shopifyEdited(t, "orders/fulfilled", "orders_fulfilled.json", "old-2", nil, oldFulfilled...))
	stock("TEA-OOL-250G", "-2", "0")

	// The current order, another product, another order: its refund kept by the buyer,
	// its last version fulfilled with current_quantity 2.
	other := [][2]string{{"TEA-OOL-250G", "TEA-GRN-100G"}, {"7120193847261", "7120193847262"}, {"#2051", "#2052"},
		{": 2051", ": 2052"}, {"9a1e2b3c4d5e6f708192a3b4c5d6e7f8", "9a1e2b3c4d5e6f708192a3b4c5d6e7f9"},
		{"45988120551", "45988120552"}, {"JJD014600003399501", "JJD014600003399502"}, {"990088186047892", "990088186047893"},
		{"ana.souza@", "bo.jansen@"}, {"8412003311", "8412003312"}}
	post(shopifyEdited(t, "orders/create", "orders_create.json", "new-0", other,
		[2]string{`"quantity": 2,"current_quantity": 2,`, `"quantity": 3,"current_quantity": 3,`}))
	stock("TEA-GRN-100G", "0", "3")
	post(shopifyEdited(t, "refunds/create", "refunds_create.json", "new-1", other,
		[2]string{`"restock_type": "return"`, `"restock_type": "no_restock"`}, [2]string{`"restock": true`, `"restock": false`}))
	waitSources(t, base, tenant, "shopify", "order", "7120193847262", 2)
	post(shopifyEdited(t, "orders/fulfilled", "orders_fulfilled.json", "new-2", other,
		[2]string{`"quantity": 2, "current_quantity": 2,`, `"quantity": 3, "current_quantity": 2,`},
		[2]string{`"financial_status": "paid"`, `"financial_status": "partially_refunded"`},
		[2]string{`"updated_at": "2025-05-13T14:02:05+02:00"`, `"updated_at": "2025-05-20T11:00:05+02:00"`},
		// Its current_quantity leaves the refund out, and it lists the refund, as
		// Shopify's order does once refunded.
		[2]string{`"refunds": []`, `"refunds": [{"id": 990088186047893, "order_id": 7120193847262}]`}))
	stock("TEA-GRN-100G", "-3", "0")
	// The first order is untouched by the second.
	stock("TEA-OOL-250G", "-2", "0")
}

// TestSquareDraftReturnWaitsForItsCompletedVersion: a return begun at the till is first
// a DRAFT order (not finalized), then COMPLETED in a later version. The draft is stored,
// not quarantined, and moves nothing; the completed version brings the goods back.
// Before, the draft was quarantined as bad input.
func TestSquareDraftReturnWaitsForItsCompletedVersion(t *testing.T) {
	api := newPartnerAPI()
	ret := squareSample(t, "return_order.json")
	draft := bytes.Replace(ret, []byte(`"state": "COMPLETED"`), []byte(`"state": "DRAFT"`), 1)
	draft = bytes.Replace(draft, []byte(`"closed_at": "2025-07-02T14:06:03.000Z",`), nil, 1)
	draft = bytes.Replace(draft, []byte(`"version": 3`), []byte(`"version": 1`), 1)
	draft = bytes.Replace(draft, []byte(`"updated_at": "2025-07-02T14:06:03.000Z"`), []byte(`"updated_at": "2025-07-02T13:40:13.000Z"`), 1)
	api.add(squareSample(t, "retrieve_order.json"))
	api.add(draft)
	base, tenant, notify := squareStore(t, api, resolver.ProductAlias{System: "square", Code: "BQXHKM5R3V7JQ2TFOZ4GHE6N", SKU: "BEANS-HB"})
	beans := func(onHand string) {
		t.Helper()
		waitStock(t, base, tenant, "BEANS-HB", func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Location == "STORE-1" && rs[0].OnHand == onHand && rs[0].Reserved == "0"
		})
	}
	notify("q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY")
	notify("Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY")
	// The draft is stored with the sale, and nothing came back.
	var out struct {
		Document struct {
			Verb  string
			Event struct{ Sources []struct{ Role string } }
		}
	}
	waitSources(t, base, tenant, "square", "return", "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY", 2)
	if r := graphQL(t, base, tenant, `{ document(system: "square", type: "return", externalId: "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY") {
		verb event { sources { role } } } }`, nil, &out); len(r.Errors) > 0 || out.Document.Verb != "ordered" {
		t.Fatalf("the draft return: %+v %v", out.Document, r.Errors)
	}
	beans("-1.7")
	// Completed: the half kilo is back.
	api.add(ret)
	notify("Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY")
	beans("-1.2")
}

// waitSources waits until a document's event holds n documents.
func waitSources(t *testing.T, base, tenant, system, typ, id string, n int) {
	t.Helper()
	var out struct {
		Document struct {
			Event struct{ Sources []struct{ Role string } }
		}
	}
	for deadline := time.Now().Add(settle); ; time.Sleep(50 * time.Millisecond) {
		r := graphQL(t, base, tenant, `query($s: String!, $t: String!, $id: String!) { document(system: $s, type: $t, externalId: $id) {
			event { sources { role } } } }`, map[string]any{"s": system, "t": typ, "id": id}, &out)
		if len(r.Errors) == 0 && len(out.Document.Event.Sources) == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s %s %s: event %+v, want %d documents; %v", system, typ, id, out.Document.Event, n, r.Errors)
		}
	}
}

// TestSquareReturnOfTwoSalesReturnsToEach: one return at the till takes back goods of
// two sales (two returns[] entries, each naming its sale in source_order_id): half a
// kilo of beans from the first, a flat white from the gift-card sale. Each sale's event
// gets its own return, and the goods come back once. Before, the one return document
// named both sales and joined them.
func TestSquareReturnOfTwoSalesReturnsToEach(t *testing.T) {
	api := newPartnerAPI()
	ret := squareSample(t, "return_order.json")
	i := bytes.Index(ret, []byte(`"return_taxes"`))
	if i < 0 {
		t.Fatal("the sample has no return_taxes")
	}
	second := []byte(`"return_amounts": {"total_money": {"amount": 1725, "currency": "USD"}}},
      {"uid": "9d0e5b7a-1c2f-4e3d-8b6a-5f4e3d2c1b0a", "source_order_id": "Gc6TmQ2wXk9LpR4vYz8HbJd5fNaZY",
       "return_line_items": [{"uid": "a1b2", "name": "Flat White", "quantity": "1", "catalog_object_id": "W62UWFY35CWMYGVWK6TWJDNI",
         "item_type": "ITEM", "base_price_money": {"amount": 450, "currency": "USD"}, "total_money": {"amount": 450, "currency": "USD"}}],
       "return_amounts": {"total_money": {"amount": 450, "currency": "USD"}},
       `)
	api.add(squareSample(t, "retrieve_order.json"))
	api.add(squareSample(t, "order_gift_card_custom.json"))
	api.add(append(append(append([]byte(nil), ret[:i]...), second...), ret[i:]...))
	base, tenant, notify := squareStore(t, api,
		resolver.ProductAlias{System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "FW-OAT-L"},
		resolver.ProductAlias{System: "square", Code: "BQXHKM5R3V7JQ2TFOZ4GHE6N", SKU: "BEANS-HB"})
	for _, id := range []string{"q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", "Gc6TmQ2wXk9LpR4vYz8HbJd5fNaZY", "Tn5RkW2qLp8XvB3mYz7HcJd4fSaZY"} {
		notify(id)
	}
	// Each sale with its own return: the sale and one refund.
	waitSources(t, base, tenant, "square", "order", "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", 2)
	waitSources(t, base, tenant, "square", "order", "Gc6TmQ2wXk9LpR4vYz8HbJd5fNaZY", 2)
	var a, b struct {
		Document struct{ Event struct{ ID string } }
	}
	graphQL(t, base, tenant, `{ document(system: "square", type: "order", externalId: "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY") { event { id } } }`, nil, &a)
	graphQL(t, base, tenant, `{ document(system: "square", type: "order", externalId: "Gc6TmQ2wXk9LpR4vYz8HbJd5fNaZY") { event { id } } }`, nil, &b)
	if a.Document.Event.ID == "" || a.Document.Event.ID == b.Document.Event.ID {
		t.Fatalf("the two sales share an event: %q %q", a.Document.Event.ID, b.Document.Event.ID)
	}
	at := func(sku, onHand string) {
		t.Helper()
		waitStock(t, base, tenant, sku, func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Location == "STORE-1" && rs[0].OnHand == onHand && rs[0].Reserved == "0"
		})
	}
	at("FW-OAT-L", "-2")
	at("BEANS-HB", "-1.2")
}
