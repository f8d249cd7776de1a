package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// providerSamples are the providers' own event envelopes, with ids and values rewritten.
const providerSamples = "../../connectors/webhook/testdata"

func sample(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(providerSamples, path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// delivery is one provider event as the provider posts it.
type delivery struct {
	name    string
	body    []byte
	headers http.Header
	want    string // accepted or ignored
}

func shopifyDelivery(t *testing.T, topic, file, id string) delivery {
	return shopifyBody(topic, sample(t, "shopify/"+file), id)
}

// shopifyBody is a Shopify delivery of the body, signed as Shopify signs it.
func shopifyBody(topic string, body []byte, id string) delivery {
	h := webhook.Sign("shopify", body, []byte(testSecret), "", time.Now())
	h.Set("X-Shopify-Topic", topic)
	h.Set("X-Shopify-Webhook-Id", id)
	h.Set("X-Shopify-Shop-Domain", "seamtea.myshopify.com")
	h.Set("X-Shopify-API-Version", "2025-04")
	return delivery{name: "shopify " + topic, body: body, headers: h}
}

// stripeEvent wraps a Stripe object in the Event envelope Stripe posts.
func stripeEvent(t *testing.T, typ, objectFile string, n int) delivery {
	var obj json.RawMessage = sample(t, "stripe/"+objectFile)
	env := map[string]any{"id": fmt.Sprintf("evt_1QzTest%06d", n), "object": "event", "api_version": "2024-06-20",
		"created": time.Now().Unix(), "livemode": false, "pending_webhooks": 1,
		"request": map[string]any{"id": nil, "idempotency_key": nil}, "type": typ, "data": map[string]any{"object": obj}}
	body, _ := json.Marshal(env)
	return delivery{name: "stripe " + typ, body: body, headers: webhook.Sign("stripe", body, []byte(testSecret), "", time.Now())}
}

func wooDelivery(topic string, body []byte, n int) delivery {
	h := webhook.Sign("woocommerce", body, []byte(testSecret), "", time.Now())
	resource, event, _ := strings.Cut(topic, ".")
	h.Set("X-WC-Webhook-Topic", topic)
	h.Set("X-WC-Webhook-Resource", resource)
	h.Set("X-WC-Webhook-Event", event)
	h.Set("X-WC-Webhook-Source", "https://shop.example/")
	h.Set("X-WC-Webhook-ID", "7")
	h.Set("X-WC-Webhook-Delivery-ID", fmt.Sprint(9000+n))
	return delivery{name: "woocommerce " + topic, body: body, headers: h}
}

// TestEveryProviderEventIsAnswered200: every event type each provider documents for the
// scopes Seam subscribes to, in its real envelope and correctly signed, is answered 200
// and kept (as a document or as a notification); none lands in quarantine.
func TestEveryProviderEventIsAnswered200(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr

	var all []delivery
	for i, c := range [][3]string{
		{"orders/create", "orders_create.json", "accepted"}, {"orders/paid", "orders_paid.json", "accepted"},
		{"orders/updated", "orders_updated_stale.json", "accepted"}, {"orders/cancelled", "orders_cancelled.json", "accepted"},
		{"orders/fulfilled", "orders_fulfilled.json", "accepted"},
		{"orders/partially_fulfilled", "orders_partially_fulfilled.json", "accepted"},
		{"orders/edited", "orders_edited.json", "ignored"},
		{"fulfillments/create", "fulfillments_create.json", "accepted"},
		{"fulfillments/update", "fulfillments_update.json", "accepted"},
		{"refunds/create", "refunds_create.json", "accepted"},
		{"inventory_levels/update", "inventory_levels_update.json", "ignored"},
		{"products/create", "products_create.json", "ignored"}, {"products/update", "products_update.json", "ignored"},
		{"products/delete", "products_delete.json", "ignored"}, {"app/uninstalled", "app_uninstalled.json", "ignored"},
	} {
		d := shopifyDelivery(t, c[0], c[1], fmt.Sprintf("shop-%d", i))
		d.want = c[2]
		all = append(all, d)
	}
	for i, c := range [][3]string{
		{"charge.succeeded", "charge.json", "accepted"}, {"charge.captured", "charge.json", "accepted"},
		{"charge.updated", "charge.json", "accepted"}, {"charge.refunded", "charge.json", "accepted"},
		{"charge.refund.updated", "refund.json", "ignored"}, {"charge.dispute.created", "dispute.json", "ignored"},
		{"charge.dispute.closed", "dispute.json", "ignored"}, {"payment_intent.created", "payment_intent.json", "ignored"},
		{"payment_intent.succeeded", "payment_intent.json", "ignored"}, {"balance.available", "balance.json", "ignored"},
		{"payout.created", "payout.json", "accepted"}, {"payout.paid", "payout.json", "accepted"},
		{"customer.created", "customer.json", "ignored"}, {"customer.updated", "customer.json", "ignored"},
	} {
		d := stripeEvent(t, c[0], c[1], i)
		d.want = c[2]
		all = append(all, d)
	}
	order, product, customer := sample(t, "woocommerce/order.json"), sample(t, "woocommerce/product.json"), sample(t, "woocommerce/customer.json")
	for i, c := range []struct {
		topic string
		body  []byte
		want  string
	}{
		{"order.created", order, "accepted"}, {"order.updated", bytes.Replace(order, []byte(`"processing"`), []byte(`"completed"`), 1), "accepted"},
		// Trashed: the order's last version is stored again, trashed; one Seam does not
		// hold is a notification. Restored later, it is a newer version again.
		{"order.deleted", []byte(`{"id": 4812}`), "accepted"}, {"order.deleted", []byte(`{"id": 4999}`), "ignored"},
		{"order.restored", bytes.Replace(bytes.Replace(order, []byte(`"processing"`), []byte(`"on-hold"`), 1),
			[]byte(`"date_modified_gmt": "2025-03-04T10:16:01"`), []byte(`"date_modified_gmt": "2025-03-04T10:30:00"`), 1), "accepted"},
		{"product.created", product, "ignored"}, {"product.updated", product, "ignored"}, {"product.deleted", []byte(`{"id": 799}`), "ignored"},
		{"product.restored", product, "ignored"}, {"customer.created", customer, "ignored"}, {"customer.updated", customer, "ignored"},
		{"customer.deleted", []byte(`{"id": 25}`), "ignored"},
	} {
		d := wooDelivery(c.topic, c.body, i)
		d.want = c.want
		all = append(all, d)
	}
	// The unsigned ping WooCommerce sends when a webhook is saved.
	all = append(all, delivery{name: "woocommerce ping", body: []byte("webhook_id=7"),
		headers: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, want: "ignored"})
	track := sample(t, "../../../ontology/mapping/testdata/aftership/webhook.json")
	for i, tag := range []string{"Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "Delivered",
		"AvailableForPickup", "Exception", "Expired"} {
		body := bytes.Replace(track, []byte(`"tag": "Delivered"`), []byte(`"tag": "`+tag+`"`), 1)
		body = bytes.Replace(body, []byte(`"updated_at": "2025-03-08T10:20:00+00:00"`), []byte(fmt.Sprintf(`"updated_at": "2025-03-08T10:%02d:00+00:00"`, i)), 1)
		body = bytes.Replace(body, []byte(`9e1c4f0a-3b7d-4c55-a3b1-0c2d4e5f6a7b`), []byte(fmt.Sprintf("9e1c4f0a-3b7d-4c55-a3b1-%012d", i)), 1)
		if bytes.Equal(body, track) {
			t.Fatal("the AfterShip sample changed: its tag or updated_at is not where the test expects it")
		}
		all = append(all, delivery{name: "aftership " + tag, body: body, want: "accepted",
			headers: webhook.Sign("aftership", body, []byte(testSecret), "", time.Now())})
	}

	for _, d := range all {
		system, _, _ := strings.Cut(d.name, " ")
		code, r := postWebhook(t, base, tenant, system, d.body, d.headers)
		if code != http.StatusOK || r.Status != d.want {
			t.Errorf("%s: %d %+v, want 200 %s", d.name, code, r, d.want)
		}
	}
	items, err := s.App.store.QuarantineList(context.Background(), quarantineOf(tenant))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range items {
		t.Errorf("quarantined: %s/%s %v", q.System, q.Type, q.Problems)
	}
	kept, err := s.App.store.NotificationCounts(context.Background(), tenant)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"shopify orders/edited", "shopify app/uninstalled", "stripe charge.dispute.created",
		"stripe balance.available", "woocommerce order.deleted", "woocommerce product.updated"} {
		if kept[k] == 0 {
			t.Errorf("notification %q was not kept (kept: %v)", k, kept)
		}
	}
	if kept["woocommerce ping"] != 0 {
		t.Error("the woocommerce ping was stored; it carries nothing")
	}
}

// TestSquareSummaryNotifications: Square's order.* webhooks name the order without its
// lines. With an access token configured, Seam fetches the whole order through the
// Orders API at once; without one it keeps the notification and answers 200.
func TestSquareSummaryNotifications(t *testing.T) {
	api := newPartnerAPI()
	addr, stop, err := api.listen()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	api.add([]byte(`{"id":"eA3vssLHKJrv9H0IdJCM3gNqfdcZY","location_id":"L2K8D0QWERT7Y","state":"COMPLETED","version":4,
		"created_at":"2025-05-12T07:30:26.129Z","updated_at":"2025-05-12T07:31:04.000Z","closed_at":"2025-05-12T07:31:04.000Z",
		"line_items":[{"uid":"li1","name":"Oolong 250 g","quantity":"1","catalog_object_id":"W62UWFY35CWMYGVWK6TWJDNI",
		"base_price_money":{"amount":1900,"currency":"EUR"}}],"total_money":{"amount":1900,"currency":"EUR"}}`))

	cfg := testConfig(t)
	withToken, without := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	cfg.Pull = []PullConfig{{Name: "square-orders", Tenant: withToken, System: "square", Type: "order", API: "square",
		BaseURL: "http://" + addr, Token: "EAAAl-test", Every: time.Hour}}
	cfg.Products = []resolver.ProductAlias{{System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "TEA-OOL-250G"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	square := func(tenant, file string) (int, webhook.Response) {
		body := sample(t, "square/"+file)
		url := base + "/webhooks/" + tenant + "/square"
		return postWebhook(t, base, tenant, "square", body, webhook.Sign("square", body, []byte(testSecret), url, time.Now()))
	}
	orderUID := ontology.DocKey{Tenant: withToken, System: "square", Type: "order", ExternalID: "eA3vssLHKJrv9H0IdJCM3gNqfdcZY"}.UID()
	for i, f := range []string{"order_created.json", "order_updated.json", "order_fulfillment_updated.json"} {
		code, r := square(withToken, f)
		// The first notification stores the fetched order (a poll may have stored the
		// bare order already: the fetched answer is then a new version); the later ones
		// fetch the same bytes again.
		stored := r.Status == "accepted" && len(r.Documents) == 1 && r.Documents[0] == orderUID
		if code != http.StatusOK || (i == 0 && !stored) || (i > 0 && !stored && r.Status != "duplicate") {
			t.Errorf("%s with a token: %d %+v, want the fetched order stored", f, code, r)
		}
		code, r = square(without, f)
		if code != http.StatusOK || r.Status != "ignored" || !strings.Contains(r.Reason, "summary only") {
			t.Errorf("%s without a token: %d %+v, want the notification kept", f, code, r)
		}
	}
	doc := waitDocument(t, s, ontology.DocKey{Tenant: withToken, System: "square", Type: "order", ExternalID: "eA3vssLHKJrv9H0IdJCM3gNqfdcZY"})
	if !strings.Contains(string(doc.Raw), `"line_items"`) {
		t.Fatalf("stored order has no lines: raw %s", doc.Raw)
	}
	for _, f := range []string{"payment_created.json", "payment_updated.json", "refund_created.json", "refund_updated.json", "inventory_count_updated.json"} {
		if code, r := square(without, f); code != http.StatusOK || r.Status == "quarantined" {
			t.Errorf("%s: %d %+v", f, code, r)
		}
	}
}

// TestShopifyOrderLife drives one Shopify order through the topics a real shop sends, in
// the order they arrive, with a stale orders/updated delivered last but one: the sale
// counts once, shipped, nothing stays reserved, and the returned unit is back.
func TestShopifyOrderLife(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	// The shop's online channel ships from WH-NL1, which is Shopify location 71004455:
	// its fulfilment leaves from there, and its refund restocks there (location_id).
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"},
		{Tenant: tenant, System: "shopify", Code: "71004455", Location: "WH-NL1"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	for i, c := range [][2]string{
		{"orders/create", "orders_create.json"},
		{"orders/paid", "orders_paid.json"},
		{"fulfillments/create", "fulfillments_create.json"},
		{"orders/fulfilled", "orders_fulfilled.json"},
		{"orders/updated", "orders_updated_stale.json"}, // older updated_at: history only
		{"refunds/create", "refunds_create.json"},       // one unit back, restocked as a return
	} {
		d := shopifyDelivery(t, c[0], c[1], fmt.Sprintf("life-%d", i))
		if code, r := postWebhook(t, base, tenant, "shopify", d.body, d.headers); code != http.StatusOK || r.Status != "accepted" {
			t.Fatalf("%s: %d %+v", c[0], code, r)
		}
	}
	rows := waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].OnHand == "-1" && rs[0].Reserved == "0"
	})
	if rows[0].Location != "WH-NL1" || rows[0].Available != "-1" {
		t.Fatalf("stock = %+v", rows[0])
	}
	var out struct {
		Document struct {
			Versions []struct {
				Current bool
				Raw     string
			}
			Event struct {
				ID      string
				Kind    string
				Sources []struct{ Role string }
			}
		}
	}
	r := graphQL(t, base, tenant, `{ document(system: "shopify", type: "order", externalId: "7120193847261") {
		versions { current raw } event { id kind sources { role } } } }`, nil, &out)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	roles := map[string]int{}
	for _, src := range out.Document.Event.Sources {
		roles[src.Role]++
	}
	if out.Document.Event.Kind != "sale" || roles["order"] != 1 || roles["fulfilment"] != 1 || roles["refund"] != 1 {
		t.Fatalf("one sale with its order, shipment and refund; got %+v", out.Document.Event)
	}
	if len(out.Document.Versions) != 4 || !out.Document.Versions[0].Current || !strings.Contains(out.Document.Versions[0].Raw, `"fulfilled"`) {
		t.Fatalf("versions: %d, newest %+v; want 4 with the fulfilled one current", len(out.Document.Versions), out.Document.Versions[0])
	}
}
