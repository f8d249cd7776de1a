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

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// wsClient speaks graphql-transport-ws as a browser client would.
type wsClient struct {
	t   *testing.T
	ctx context.Context
	c   *websocket.Conn
}

type wsMsg struct {
	Type    string          `json:"type"`
	ID      string          `json:"id"`
	Payload json.RawMessage `json:"payload"`
}

// dialGraphQL opens a websocket to /graphql and sends connection_init with payload;
// it returns the client and the server's answer to the init.
func dialGraphQL(t *testing.T, ctx context.Context, addr string, payload map[string]any) (*wsClient, wsMsg) {
	t.Helper()
	c, _, err := websocket.Dial(ctx, "ws://"+addr+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.CloseNow() })
	w := &wsClient{t: t, ctx: ctx, c: c}
	w.send(map[string]any{"type": "connection_init", "payload": payload})
	return w, w.recv()
}

// subscribe authenticates with key (in the init payload, as browsers must) and starts
// one subscription.
func subscribe(t *testing.T, ctx context.Context, addr, key, query string) *wsClient {
	t.Helper()
	w, ack := dialGraphQL(t, ctx, addr, map[string]any{"Authorization": "Bearer " + key})
	if ack.Type != "connection_ack" {
		t.Fatalf("init answered %+v", ack)
	}
	w.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}})
	time.Sleep(200 * time.Millisecond) // the server subscribes to Redis after the message
	return w
}

func (w *wsClient) send(v any) {
	w.t.Helper()
	if err := wsjson.Write(w.ctx, w.c, v); err != nil {
		w.t.Fatal(err)
	}
}

// recv reads the next message; a closed socket reads as type "closed".
func (w *wsClient) recv() wsMsg {
	w.t.Helper()
	var m wsMsg
	if err := wsjson.Read(w.ctx, w.c, &m); err != nil {
		if websocket.CloseStatus(err) != -1 {
			return wsMsg{Type: "closed", Payload: json.RawMessage(`"` + websocket.CloseStatus(err).String() + `"`)}
		}
		w.t.Fatal(err)
	}
	return m
}

// next returns the next message that is not a keep-alive.
func (w *wsClient) next() wsMsg {
	w.t.Helper()
	for {
		if m := w.recv(); m.Type != "ka" && m.Type != "ping" {
			return m
		}
	}
}

// TestStockChangedSubscription sees a stock change pushed within the contract's bound
// after a webhook.
func TestStockChangedSubscription(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"}}
	s := startServer(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	w := subscribe(t, ctx, s.Addr, adminKey(t, tenant),
		`subscription { stockChanged(sku: "TEA-OOL-250G") { sku location reserved available } }`)

	start := time.Now()
	body := []byte(shopifyOrder)
	if code, r := postWebhook(t, "http://"+s.Addr, tenant, "shopify", body, signedShopify(body, "sub-1")); code != http.StatusOK {
		t.Fatalf("webhook: %d %+v", code, r)
	}
	m := w.next()
	if m.Type != "next" {
		t.Fatalf("subscription sent %+v", m)
	}
	if !strings.Contains(string(m.Payload), `"reserved":"2"`) || !strings.Contains(string(m.Payload), `"WH-NL1"`) {
		t.Fatalf("change = %s", m.Payload)
	}
	t.Logf("stock change pushed %s after the webhook was sent", time.Since(start).Round(time.Millisecond))
}
