package main

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestRejectMatchOverGraphQL: a storefront order and a POS ring-up linked by our own
// reference; a person rejects the link; the ring-up leaves, stock is compensated, and a
// new version of the ring-up is not linked again.
func TestRejectMatchOverGraphQL(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{
		{Tenant: tenant, System: "shopify", Code: "online", Location: "STORE-1"},
		{Tenant: tenant, System: "square", Code: "L2K8D0QWERT7Y", Location: "STORE-1"},
	}
	cfg.Products = []resolver.ProductAlias{{Tenant: tenant, System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "TEA-OOL-250G"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	ctx := context.Background()

	order := strings.Replace(shopifyOrder, `"line_items"`, `"note_attributes": [{"name": "erp_ref", "value": "POS-SH-20250304-0112"}], "line_items"`, 1)
	code, r := postWebhook(t, base, tenant, "shopify", []byte(order), signedShopify([]byte(order), "d1"))
	if code != http.StatusOK {
		t.Fatalf("webhook: %d %+v", code, r)
	}
	ingest := func(body string) {
		t.Helper()
		if _, err := s.App.intake.Accept(ctx, []connectors.Payload{{Tenant: tenant, System: "square", Type: "order", Raw: []byte(body), Via: "file"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.App.worker.Drain(ctx, tenant); err != nil {
			t.Fatal(err)
		}
	}
	ingest(squareOrder)
	// One sale: the POS lines count (3 taken at the store), the order reserves nothing.
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].OnHand == "-3" && rs[0].Reserved == "0"
	})
	var doc struct {
		Document struct{ Event struct{ ID string } }
	}
	graphQL(t, base, tenant, `{ document(system: "square", type: "order", externalId: "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY") { event { id } } }`, nil, &doc)
	ev := doc.Document.Event.ID
	if ev == "" {
		t.Fatal("the ring-up has no event")
	}

	var out struct {
		RejectMatch struct {
			Event     struct{ ID string }
			Other     struct{ ID, Kind string }
			Movements []struct{ Qty, Bucket, Reason string }
		}
	}
	res := graphQL(t, base, tenant, `mutation($ev: ID!) { rejectMatch(document: {system: "square", type: "order",
		externalId: "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY"}, event: $ev) { event { id } other { id kind } movements { qty bucket reason } } }`,
		map[string]any{"ev": ev}, &out)
	if len(res.Errors) > 0 {
		t.Fatalf("rejectMatch: %+v", res.Errors)
	}
	if out.RejectMatch.Event.ID == ev || out.RejectMatch.Other.ID != ev || len(out.RejectMatch.Movements) == 0 {
		t.Fatalf("decision = %+v", out.RejectMatch)
	}
	// Two sales now: the order reserves 2, the ring-up took 3.
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].OnHand == "-3" && rs[0].Reserved == "2"
	})
	// A new version of the ring-up comes in: resolution must not link it back.
	ingest(strings.Replace(squareOrder, `"state": "COMPLETED"`, `"state": "COMPLETED", "version": 2`, 1))
	graphQL(t, base, tenant, `{ document(system: "square", type: "order", externalId: "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY") { event { id } } }`, nil, &doc)
	if doc.Document.Event.ID == ev {
		t.Fatal("the resolver linked a rejected document back")
	}
	res = graphQL(t, base, tenant, `mutation($ev: ID!) { rejectMatch(document: {system: "square", type: "order",
		externalId: "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY"}, event: $ev) { event { id } } }`, map[string]any{"ev": ev}, nil)
	if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Fatalf("rejecting a non-member: %+v", res.Errors)
	}
}

func TestSetLocationAliasMovesStock(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Products = []resolver.ProductAlias{{Tenant: tenant, System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "TEA-OOL-250G"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	if _, err := s.App.intake.Accept(context.Background(), []connectors.Payload{{Tenant: tenant, System: "square", Type: "order", Raw: []byte(squareOrder), Via: "file"}}); err != nil {
		t.Fatal(err)
	}
	// Without an alias the stock is booked under the system's own code.
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Location == "square:L2K8D0QWERT7Y" })
	res := graphQL(t, base, tenant, `mutation { setLocationAlias(system: "square", code: "L2K8D0QWERT7Y", location: "STORE-SH-01") { location } }`, nil, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("setLocationAlias: %+v", res.Errors)
	}
	rows := waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		for _, r := range rs {
			if r.Location == "STORE-SH-01" && r.OnHand == "-3" {
				return true
			}
		}
		return false
	})
	for _, r := range rows {
		if r.Location == "square:L2K8D0QWERT7Y" && r.OnHand != "0" {
			t.Fatalf("stock left behind at the old name: %+v", rows)
		}
	}
	var locs struct {
		Locations []struct{ System, Code, Location string }
	}
	graphQL(t, base, tenant, `{ locations { system code location } }`, nil, &locs)
	if len(locs.Locations) != 1 || locs.Locations[0].Location != "STORE-SH-01" {
		t.Fatalf("locations = %+v", locs.Locations)
	}
}

func TestLocationSuggestions(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "meituan", Code: "SH-PD-003", Location: "STORE-PUDONG"}}
	s := startServer(t, cfg)
	order := func(id, poi string) []byte {
		return []byte(`{"order_id": ` + id + `, "wm_order_id_view": ` + id + `, "app_poi_code": "` + poi + `", "wm_poi_name": "Seam Coffee 浦东店",
			"wm_poi_address": "上海市浦东新区示例路88号", "status": 8, "ctime": 1741054522, "total": 18.5,
			"detail": "[{\"app_food_code\":\"LATTE\",\"quantity\":1,\"price\":18.5}]"}`)
	}
	// The same store under a new code, as after Meituan re-listed it.
	for _, o := range [][2]string{{"27061900338318741", "SH-PD-003"}, {"27061900338318742", "SH-PD-003-NEW"}} {
		if _, err := s.App.intake.Accept(context.Background(), []connectors.Payload{{Tenant: tenant, System: "meituan", Type: "order", Raw: order(o[0], o[1]), Via: "file"}}); err != nil {
			t.Fatal(err)
		}
	}
	var out struct {
		LocationSuggestions []struct {
			System, Code, Location string
			Score                  float64
		}
	}
	r := graphQL(t, "http://"+s.Addr, tenant, `{ locationSuggestions { system code location score } }`, nil, &out)
	if len(r.Errors) > 0 || len(out.LocationSuggestions) != 1 {
		t.Fatalf("suggestions = %+v %+v", out, r.Errors)
	}
	if got := out.LocationSuggestions[0]; got.Code != "SH-PD-003-NEW" || got.Location != "STORE-PUDONG" {
		t.Fatalf("suggestion = %+v", got)
	}
}

// TestPartiesOverGraphQL: two Meituan orders of one customer share no key (a privacy
// number, no customer id); the same name and address make one party, and the document
// shows the SAME_AS link with its score and each field's weight.
func TestPartiesOverGraphQL(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	ctx := context.Background()
	first, err := os.ReadFile("../../ontology/mapping/testdata/meituan/order.json")
	if err != nil {
		t.Fatal(err)
	}
	second := strings.ReplaceAll(string(first), "27061900338318741", "27061900338319999")
	if second == string(first) {
		t.Fatal("the sample's order id moved")
	}
	for _, body := range []string{string(first), second} {
		if _, err := s.App.intake.Accept(ctx, []connectors.Payload{{Tenant: tenant, System: "meituan", Type: "order", Raw: []byte(body), Via: "file"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.App.worker.Drain(ctx, tenant); err != nil {
			t.Fatal(err)
		}
	}
	type party struct {
		Role, PartyID string
		SameAs        []struct {
			Party, Reason string
			Score         *float64
		}
	}
	parties := func(id string) []party {
		var out struct{ Document struct{ Parties []party } }
		res := graphQL(t, base, tenant, `query($id: String!) { document(system: "meituan", type: "order", externalId: $id) {
			parties { role partyId sameAs { party reason score } related { party reason score } } } }`, map[string]any{"id": id}, &out)
		if len(res.Errors) > 0 || len(out.Document.Parties) != 1 {
			t.Fatalf("parties of %s: %+v %+v", id, res.Errors, out)
		}
		return out.Document.Parties
	}
	a, b := parties("27061900338318741")[0], parties("27061900338319999")[0]
	if a.Role != "customer" || a.PartyID != b.PartyID {
		t.Fatalf("one customer, two parties: %+v %+v", a, b)
	}
	if len(b.SameAs) != 1 || b.SameAs[0].Score == nil || *b.SameAs[0].Score < 12 || !strings.Contains(b.SameAs[0].Reason, "street exact") {
		t.Errorf("SAME_AS evidence: %+v", b.SameAs)
	}
	if len(a.SameAs) != 0 {
		t.Errorf("the surviving party links on: %+v", a.SameAs)
	}
}
