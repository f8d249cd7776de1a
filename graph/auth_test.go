package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

// A key revoked while its websocket lives ends the socket's subscriptions: the socket
// is closed with 4401, as connection_init would refuse the key, whether the key came in
// the init payload or the upgrade request's header, and whether it was revoked by this
// server's checker or in the store by another process (once the checker's cache has
// let go). A socket of a key still valid keeps streaming.
func TestRevokedKeyEndsItsSubscriptions(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	store := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = store.DeleteTenant(context.Background(), tenant) })
	mint := func(role apikey.Role) (id, secret string) {
		t.Helper()
		id, secret = apikey.NewID(), apikey.NewSecret()
		if err := store.CreateKey(ctx, apikey.Key{ID: id, Tenant: tenant, Role: role, CreatedAt: time.Now().UTC()}, apikey.Hash(secret)); err != nil {
			t.Fatal(err)
		}
		return id, secret
	}
	cache := rediscache.New(redistest.Open(t))
	// The checker remembers keys for 200 ms, as a server does for keyCacheTTL; sockets
	// check theirs every 50 ms.
	keys := apikey.NewChecker(store, 200*time.Millisecond)
	srv := httptest.NewServer(NewHandler(Services{Stock: cache, KeyRecheck: 50 * time.Millisecond}, keys))
	defer srv.Close()

	// subscribe opens a socket with the key in its init payload, or in the upgrade
	// request's header, and subscribes to the tenant's stock.
	subscribe := func(secret string, inHeader bool) *websocket.Conn {
		t.Helper()
		opts := &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}}
		payload := map[string]any{"Authorization": "Bearer " + secret}
		if inHeader {
			opts.HTTPHeader = http.Header{"Authorization": {"Bearer " + secret}}
			payload = nil
		}
		c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.CloseNow() })
		var ack struct{ Type string }
		if err := wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": payload}); err != nil {
			t.Fatal(err)
		}
		if err := wsjson.Read(ctx, c, &ack); err != nil || ack.Type != "connection_ack" {
			t.Fatalf("init: %+v %v", ack, err)
		}
		if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe",
			"payload": map[string]any{"query": `subscription { stockChanged { sku onHand } }`}}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	// next reads the socket's next message: its type and the changed row's SKU, or
	// "closed" and the close code.
	next := func(c *websocket.Conn) (string, string) {
		t.Helper()
		var m struct {
			Type    string
			Payload struct {
				Data struct{ StockChanged struct{ SKU string } }
			}
		}
		if err := wsjson.Read(ctx, c, &m); err != nil {
			if code := websocket.CloseStatus(err); code != -1 {
				return "closed", code.String()
			}
			t.Fatal(err)
		}
		return m.Type, m.Payload.Data.StockChanged.SKU
	}
	// closed reads past the changes streamed before to the close.
	closed := func(c *websocket.Conn) string {
		t.Helper()
		for {
			if typ, code := next(c); typ != "next" {
				return typ + " " + code
			}
		}
	}
	// changeStock moves stock until the socket streams a change: the server subscribes
	// to Redis after the subscribe message, at a moment the client cannot see. (A read
	// cannot time out instead: that closes the connection.)
	moved := 0
	changeStock := func(c *websocket.Conn, sku string) {
		t.Helper()
		stop, done := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(done)
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			for {
				moved++
				if _, err := cache.Apply(ctx, tenant, []ontology.Movement{{ID: fmt.Sprintf("m%d", moved), SKU: sku, Location: "WH",
					Bucket: ontology.BucketOnHand, Qty: ontology.Units(1)}}); err != nil {
					t.Error(err)
					return
				}
				select {
				case <-stop:
					return
				case <-tick.C:
				}
			}
		}()
		defer func() { close(stop); <-done }()
		for {
			typ, got := next(c)
			if typ != "next" {
				t.Fatalf("no change of %s streamed: %s %s", sku, typ, got)
			}
			if got == sku {
				return
			}
		}
	}

	_, kept := mint(apikey.Reader)
	staying := subscribe(kept, false)
	changeStock(staying, "TEA")

	// Revoked through this server's checker: closed at the next check.
	{
		id, secret := mint(apikey.Reader)
		byInit, byHeader := subscribe(secret, false), subscribe(secret, true)
		if _, err := keys.Revoke(ctx, id); err != nil {
			t.Fatal(err)
		}
		for _, c := range []*websocket.Conn{byInit, byHeader} {
			if got := closed(c); got != "closed StatusCode(4401)" {
				t.Errorf("after the revocation: %s, want closed 4401", got)
			}
		}
	}
	// Revoked in the store by another process: closed once the checker reads it again.
	{
		id, secret := mint(apikey.Finance)
		c := subscribe(secret, false)
		if _, err := store.RevokeKey(ctx, id, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		if got := closed(c); got != "closed StatusCode(4401)" {
			t.Errorf("after the revocation: %s, want closed 4401", got)
		}
	}
	// The socket of the key nobody revoked still streams: a product moved only now.
	changeStock(staying, "LATE")
}
