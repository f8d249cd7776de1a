package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestRolesDecideWhatAKeyMayDo: reader, partner, finance and admin keys of one tenant
// ask the same things; each gets what its role allows and FORBIDDEN for the rest.
func TestRolesDecideWhatAKeyMayDo(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	seedConfig(&cfg, tenant)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	d := seedTenant(t, s, tenant, 2, false)
	// A Meituan payload nobody can read: quarantine of a system the partner does not own.
	if _, err := s.App.intake.Accept(context.Background(), []connectors.Payload{{Tenant: tenant, System: "meituan", Type: "order",
		Raw: []byte(`{"order_id": `), Via: "file"}}); err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{
		"reader":  mintKey(t, tenant, "reader"),
		"partner": mintKey(t, tenant, "partner", "--systems", "shopify"),
		"finance": mintKey(t, tenant, "finance", "--name", "ledger team"),
		"admin":   adminKey(t, tenant),
	}
	const (
		stock     = `{ stock(sku: "TEA-OOL-250G") { reserved } }`
		docMeta   = `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { externalId verb } }`
		docRaw    = `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { raw } }`
		docCanon  = `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { canonical } }`
		docEvent  = `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { event { id } } }`
		otherDoc  = `{ document(system: "meituan", type: "order", externalId: "M-1") { externalId } }`
		event     = `query($ev: ID!) { inventoryEvent(id: $ev) { id } }`
		quarMeta  = `{ quarantine { items { system } } }`
		quarRaw   = `{ quarantine { items { raw } } }`
		review    = `{ reviewQueue { items { id } } }`
		locations = `{ locations { code } }`
		alias     = `mutation { setLocationAlias(system: "square", code: "X-1", location: "STORE-X") { location } }`
		reject    = `mutation($ev: ID!) { rejectMatch(document: {system: "shopify", type: "order", externalId: "9820193847261123"}, event: $ev) { event { id } } }`
	)
	vars := map[string]any{"ev": d.orderEvent}
	// want: "ok" (data, no error), "forbidden" (FORBIDDEN error), "null" (no data, no
	// error: a partner asking for another system's document finds none).
	for _, tc := range []struct {
		query string
		want  map[string]string
	}{
		{stock, map[string]string{"reader": "ok", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{docMeta, map[string]string{"reader": "ok", "partner": "ok", "finance": "ok", "admin": "ok"}},
		{docRaw, map[string]string{"reader": "forbidden", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{docCanon, map[string]string{"reader": "forbidden", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{docEvent, map[string]string{"reader": "ok", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{otherDoc, map[string]string{"reader": "ok", "partner": "null", "finance": "ok", "admin": "ok"}},
		{event, map[string]string{"reader": "ok", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{quarMeta, map[string]string{"reader": "forbidden", "partner": "ok", "finance": "ok", "admin": "ok"}},
		{quarRaw, map[string]string{"reader": "forbidden", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{review, map[string]string{"reader": "ok", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{locations, map[string]string{"reader": "ok", "partner": "forbidden", "finance": "ok", "admin": "ok"}},
		{alias, map[string]string{"reader": "forbidden", "partner": "forbidden", "finance": "forbidden", "admin": "ok"}},
		{reject, map[string]string{"reader": "forbidden", "partner": "forbidden", "finance": "forbidden"}},
	} {
		for role, want := range tc.want {
			r, code := graphQLWith(t, base, keys[role], nil, tc.query, vars, nil)
			got := "ok"
			switch {
			case len(r.Errors) > 0 && r.Errors[0].Extensions["code"] == "FORBIDDEN":
				got = "forbidden"
			case len(r.Errors) > 0:
				got = "error " + r.Errors[0].Message
			case strings.Contains(string(r.Data), ":null"):
				got = "null"
			}
			if got != want || code != http.StatusOK {
				t.Errorf("%s asking %s: %s (HTTP %d, %s), want %s", role, tc.query, got, code, r.Data, want)
			}
		}
	}

	t.Run("a partner lists its own systems' quarantine only", func(t *testing.T) {
		var out struct {
			Quarantine struct{ Items []struct{ System string } }
		}
		for _, q := range []string{quarMeta, `{ quarantine(system: "meituan") { items { system } } }`} {
			out.Quarantine.Items = nil
			graphQLWith(t, base, keys["partner"], nil, q, nil, &out)
			for _, it := range out.Quarantine.Items {
				if it.System != "shopify" {
					t.Fatalf("partner of shopify listed %+v", out.Quarantine.Items)
				}
			}
		}
		graphQLWith(t, base, keys["finance"], nil, quarMeta, nil, &out)
		if len(out.Quarantine.Items) != 2 {
			t.Fatalf("finance lists every system: %+v", out.Quarantine.Items)
		}
	})

	t.Run("a reader's subscription works, a partner's is refused", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		w := subscribe(t, ctx, s.Addr, keys["partner"], `subscription { stockChanged { reserved } }`)
		if m := w.next(); m.Type == "complete" || !strings.Contains(string(m.Payload), `"code":"FORBIDDEN"`) || strings.Contains(string(m.Payload), "reserved") {
			t.Fatalf("partner subscription: %s %s", m.Type, m.Payload)
		}
		r := subscribe(t, ctx, s.Addr, keys["reader"], `subscription { stockChanged { reserved } }`)
		body := []byte(strings.Replace(shopifyOrder, "9820193847261123", "9820193847261126", 1))
		if code, _ := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "roles-more")); code != http.StatusOK {
			t.Fatalf("webhook: %d", code)
		}
		if m := r.next(); m.Type != "next" || !strings.Contains(string(m.Payload), `"reserved":"4"`) {
			t.Fatalf("reader subscription: %s %s", m.Type, m.Payload)
		}
	})
}

// TestKeysAreRequiredAndRevocable: no key, a wrong key and a revoked key get 401 with
// UNAUTHENTICATED, on queries and websockets alike; a revoked key's live subscription
// is closed with 4401.
func TestKeysAreRequiredAndRevocable(t *testing.T) {
	cfg := testConfig(t)
	cfg.KeyCacheTTL = 300 * time.Millisecond
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	const q = `{ stock(sku: "TEA-OOL-250G") { onHand } }`
	unauthenticated := func(t *testing.T, key string, h http.Header) {
		t.Helper()
		r, code := graphQLWith(t, base, key, h, q, nil, nil)
		if code != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Fatalf("key %q: HTTP %d %+v", key, code, r.Errors)
		}
	}
	unauthenticated(t, "", nil)
	unauthenticated(t, "seam_nope", nil)
	unauthenticated(t, "seam_"+strings.Repeat("a", 52), nil)
	unauthenticated(t, "", http.Header{"Authorization": {"Basic dXNlcjpwYXNz"}})
	resp, err := http.Get(base + "/graphql?query=" + strings.ReplaceAll(q, " ", "%20"))
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("GET without a key: %v %v", resp, err)
	}
	resp.Body.Close()
	if resp, err := http.Get(base + "/graphql"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("the GraphiQL page needs no key: %v %v", resp, err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, ack := dialGraphQL(t, ctx, s.Addr, nil); ack.Type == "connection_ack" {
		t.Fatal("a websocket without a key was accepted")
	}

	t.Run("revoked in this process: refused at once", func(t *testing.T) {
		key := mintKey(t, tenant, "reader")
		if _, code := graphQLWith(t, base, key, nil, q, nil, nil); code != http.StatusOK {
			t.Fatalf("a new key: HTTP %d", code)
		}
		id := keyID(t, tenant, "reader")
		if _, err := s.App.keys.Revoke(ctx, id); err != nil {
			t.Fatal(err)
		}
		unauthenticated(t, key, nil)
		if _, ack := dialGraphQL(t, ctx, s.Addr, map[string]any{"Authorization": "Bearer " + key}); ack.Type == "connection_ack" {
			t.Fatal("a revoked key opened a websocket")
		}
	})

	t.Run("revoked by seam keys revoke: refused within the cache's TTL", func(t *testing.T) {
		key := mintKey(t, tenant, "finance")
		if _, code := graphQLWith(t, base, key, nil, q, nil, nil); code != http.StatusOK {
			t.Fatalf("a new key: HTTP %d", code)
		}
		live := subscribe(t, ctx, s.Addr, key, `subscription { stockChanged { sku onHand } }`)
		var out bytes.Buffer
		if err := Run(ctx, []string{"keys", "revoke", keyID(t, tenant, "finance")}, os.Getenv, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "revoked key_") {
			t.Fatalf("revoke said %q", out.String())
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			if _, code := graphQLWith(t, base, key, nil, q, nil, nil); code == http.StatusUnauthorized {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("a key revoked by the CLI still works after 10 s")
			}
			time.Sleep(50 * time.Millisecond)
		}
		// The subscription it opened before ends: its socket checks the key again and
		// is closed as connection_init refuses a revoked key.
		if m := live.next(); m.Type != "closed" || string(m.Payload) != `"StatusCode(4401)"` {
			t.Fatalf("the revoked key's subscription: %s %s", m.Type, m.Payload)
		}
	})
}
