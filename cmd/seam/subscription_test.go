package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/seamhub/seam/ontology/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestStockChangedSubscription speaks graphql-transport-ws as a browser client would and
// sees a stock change pushed within the contract's bound after a webhook.
func TestStockChangedSubscription(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"}}
	s := startServer(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws://"+s.Addr+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	send := func(v any) {
		if err := wsjson.Write(ctx, c, v); err != nil {
			t.Fatal(err)
		}
	}
	type msg struct {
		Type    string          `json:"type"`
		ID      string          `json:"id"`
		Payload json.RawMessage `json:"payload"`
	}
	recv := func() msg {
		var m msg
		if err := wsjson.Read(ctx, c, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	send(map[string]any{"type": "connection_init", "payload": map[string]any{"X-Seam-Tenant": tenant}})
	if m := recv(); m.Type != "connection_ack" {
		t.Fatalf("init answered %+v", m)
	}
	send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": `subscription { stockChanged(sku: "TEA-OOL-250G") { sku location reserved available } }`}})
	time.Sleep(200 * time.Millisecond) // the server subscribes to Redis after the message

	start := time.Now()
	body := []byte(shopifyOrder)
	if code, r := postWebhook(t, "http://"+s.Addr, tenant, "shopify", body, signedShopify(body, "sub-1")); code != http.StatusOK {
		t.Fatalf("webhook: %d %+v", code, r)
	}
	for {
		m := recv()
		if m.Type == "ka" || m.Type == "ping" {
			continue
		}
		if m.Type != "next" {
			t.Fatalf("subscription sent %+v", m)
		}
		if !strings.Contains(string(m.Payload), `"reserved":"2"`) || !strings.Contains(string(m.Payload), `"WH-NL1"`) {
			t.Fatalf("change = %s", m.Payload)
		}
		t.Logf("stock change pushed %s after the webhook was sent", time.Since(start).Round(time.Millisecond))
		return
	}
}
