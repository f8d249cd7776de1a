package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

const testSecret = "test-secret"

// testConfig is the loopback configuration of `make services-up`, with a free HTTP port.
func testConfig(t *testing.T) Config {
	t.Helper()
	cfg, err := LoadConfig(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.WebhookSecret = testSecret
	cfg.MQTT.ClientID = "seam-test-" + neo4jtest.Tenant(t)
	// Other test binaries share the database: this server resolves only its own test's
	// tenants, never another test's pending documents behind its back.
	cfg.TenantPrefix = neo4jtest.TenantPrefix(t)
	return cfg
}

// settle is how long a test waits for work the server does on its own time (resolution,
// projection, a reaper) before calling it lost. It bounds a wait, it measures nothing: CI
// runs the packages side by side on two cores against a Neo4j whose query caches start
// cold, and a 5 s bound there failed a correct order's life (its refund landed later).
const settle = 30 * time.Second

// startServer runs `seam serve` in-process and waits until it is ready.
func startServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	neo4jtest.Open(t) // skips under -short, fails with a hint when Neo4j is down
	redistest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return startServerLogging(t, cfg, log)
}

// startServerLogging is startServer with the server's log going to log.
func startServerLogging(t *testing.T, cfg Config, log *slog.Logger) *Server {
	t.Helper()
	s, err := StartServer(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := s.App.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// graphQL asks as the tenant's admin (a key minted once per tenant, the way `seam keys
// create` makes one); an empty tenant sends no key.
func graphQL(t *testing.T, base, tenant, query string, vars map[string]any, out any) gqlResponse {
	t.Helper()
	key := ""
	if tenant != "" {
		key = adminKey(t, tenant)
	}
	r, _ := graphQLWith(t, base, key, nil, query, vars, out)
	return r
}

// graphQLWith asks with a key ("" for none) and extra headers; it returns the answer
// and its HTTP status.
func graphQLWith(t *testing.T, base, key string, h http.Header, query string, vars map[string]any, out any) (gqlResponse, int) {
	t.Helper()
	r, status, err := askGraphQL(http.DefaultClient, base, key, h, query, vars, out)
	if err != nil {
		t.Fatal(err)
	}
	return r, status
}

// askGraphQL is graphQLWith through a given client, returning its failures instead of
// ending the test, for use from many goroutines.
func askGraphQL(c *http.Client, base, key string, h http.Header, query string, vars map[string]any, out any) (gqlResponse, int, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range h {
		req.Header[k] = v
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := c.Do(req)
	if err != nil {
		return gqlResponse{}, 0, err
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return r, resp.StatusCode, fmt.Errorf("decoding graphql answer (HTTP %d): %w", resp.StatusCode, err)
	}
	if out != nil && r.Data != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			return r, resp.StatusCode, fmt.Errorf("decoding graphql data %s: %w", r.Data, err)
		}
	}
	return r, resp.StatusCode, nil
}

func postWebhook(t *testing.T, base, tenant, system string, body []byte, h http.Header) (int, webhook.Response) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/webhooks/"+tenant+"/"+system, bytes.NewReader(body))
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r webhook.Response
	_ = json.NewDecoder(resp.Body).Decode(&r)
	return resp.StatusCode, r
}

const shopifyOrder = `{
  "id": 9820193847261123,
  "admin_graphql_api_id": "gid://shopify/Order/9820193847261123",
  "name": "#1047", "order_number": 1047, "email": "mei.lin@example.com",
  "created_at": "2025-03-04T10:15:22+08:00", "currency": "EUR",
  "financial_status": "paid", "fulfillment_status": null, "total_price": "48.00",
  "customer": {"id": 7391002211, "email": "mei.lin@example.com", "first_name": "Mei", "last_name": "Lin"},
  "line_items": [{"id": 14550211002291, "variant_id": 43988120551, "sku": "TEA-OOL-250G",
                  "title": "Oolong 250 g", "quantity": 2, "price": "24.00"}]
}`

const squareOrder = `{
  "id": "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY",
  "location_id": "L2K8D0QWERT7Y",
  "reference_id": "POS-SH-20250304-0112",
  "state": "COMPLETED",
  "created_at": "2025-03-04T02:15:22.000Z",
  "closed_at": "2025-03-04T02:16:01.000Z",
  "line_items": [{"uid": "li1", "name": "Oolong 250 g", "quantity": "3",
                  "catalog_object_id": "W62UWFY35CWMYGVWK6TWJDNI",
                  "base_price_money": {"amount": 2400, "currency": "EUR"}}],
  "total_money": {"amount": 7200, "currency": "EUR"}
}`

func signedShopify(body []byte, deliveryID string) http.Header {
	h := webhook.Sign("shopify", body, []byte(testSecret), "", time.Now())
	h.Set("X-Shopify-Topic", "orders/create")
	h.Set("X-Shopify-Webhook-Id", deliveryID)
	h.Set("Content-Type", "application/json")
	return h
}

type stockRow struct {
	Location, Lot                                 string
	OnHand, Reserved, Available, Incoming, OnHold string
}

// waitStock polls stock until check passes or 5 s pass (the contract's bound).
func waitStock(t *testing.T, base, tenant, sku string, check func([]stockRow) bool) []stockRow {
	t.Helper()
	deadline := time.Now().Add(settle)
	for {
		var out struct{ Stock []stockRow }
		r := graphQL(t, base, tenant, `query($sku: String!) { stock(sku: $sku) { location lot onHand reserved available incoming onHold } }`,
			map[string]any{"sku": sku}, &out)
		if len(r.Errors) > 0 {
			t.Fatalf("stock query: %+v", r.Errors)
		}
		if check(out.Stock) {
			return out.Stock
		}
		if time.Now().After(deadline) {
			t.Fatalf("stock of %s did not reach the expected state within %s: %+v", sku, settle, out.Stock)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestWalkingSkeleton(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{
		{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"},
		{Tenant: tenant, System: "square", Code: "L2K8D0QWERT7Y", Location: "STORE-SH-01"},
	}
	cfg.Products = []resolver.ProductAlias{{Tenant: tenant, System: "square", Code: "W62UWFY35CWMYGVWK6TWJDNI", SKU: "TEA-OOL-250G"}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	body := []byte(shopifyOrder)

	t.Run("same webhook three times is one document, one event, one set of movements", func(t *testing.T) {
		for i := 0; i < 3; i++ {
			code, r := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "delivery-1047"))
			if code != http.StatusOK {
				t.Fatalf("delivery %d answered %d %+v", i, code, r)
			}
		}
		// A redelivery under a new delivery id is still the same bytes: no new version.
		code, r := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "delivery-1047-again"))
		if code != http.StatusOK || r.Status != "duplicate" {
			t.Fatalf("same bytes, new delivery id: %d %+v", code, r)
		}
		rows := waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Reserved == "2"
		})
		if rows[0].Location != "WH-NL1" || rows[0].OnHand != "0" || rows[0].Available != "-2" {
			t.Fatalf("stock after a paid storefront order = %+v", rows[0])
		}
		var doc struct {
			Document struct {
				ExternalID string
				Raw        string
				Event      struct {
					ID        string
					Kind      string
					Sources   []struct{ Role string }
					Movements []struct{ Qty, Bucket, Location string }
				}
			}
		}
		r2 := graphQL(t, base, tenant, `{ document(system: "shopify", type: "order", externalId: "9820193847261123") {
			externalId raw event { id kind sources { role } movements { qty bucket location } } } }`, nil, &doc)
		if len(r2.Errors) > 0 {
			t.Fatalf("document query: %+v", r2.Errors)
		}
		d := doc.Document
		if d.ExternalID != "9820193847261123" || d.Raw != shopifyOrder {
			t.Fatalf("document = %q, raw kept exactly: %v", d.ExternalID, d.Raw == shopifyOrder)
		}
		if d.Event.Kind != "sale" || len(d.Event.Sources) != 1 || len(d.Event.Movements) != 1 || d.Event.Movements[0].Qty != "2" {
			t.Fatalf("event = %+v", d.Event)
		}
		st, err := s.App.store.Totals(context.Background(), tenant)
		if err != nil || len(st) != 1 {
			t.Fatalf("ledger totals = %+v, %v", st, err)
		}
	})

	t.Run("bad signature answers 401 and stores nothing", func(t *testing.T) {
		other := []byte(strings.Replace(shopifyOrder, "9820193847261123", "9820193847261999", 1))
		h := signedShopify(other, "delivery-bad")
		h.Set("X-Shopify-Hmac-Sha256", "AAAA"+h.Get("X-Shopify-Hmac-Sha256")[4:])
		code, r := postWebhook(t, base, tenant, "shopify", other, h)
		if code != http.StatusUnauthorized || r.Status != "rejected" {
			t.Fatalf("answered %d %+v", code, r)
		}
		doc, err := s.App.store.Document(context.Background(), docKey(tenant, "shopify", "order", "9820193847261999"))
		if err != nil || doc != nil {
			t.Fatalf("a badly signed document was stored: %+v %v", doc, err)
		}
		q, err := s.App.store.QuarantineList(context.Background(), quarantineOf(tenant))
		if err != nil || len(q) != 0 {
			t.Fatalf("a badly signed body reached quarantine: %+v %v", q, err)
		}
	})

	t.Run("malformed body answers 200 with a reason and is quarantined", func(t *testing.T) {
		bad := []byte(`{"id": 1, "line_items": [`)
		code, r := postWebhook(t, base, tenant, "shopify", bad, signedShopify(bad, "delivery-malformed"))
		if code != http.StatusOK || r.Status != "quarantined" || len(r.Problems) == 0 {
			t.Fatalf("answered %d %+v", code, r)
		}
		q, err := s.App.store.QuarantineList(context.Background(), quarantineOf(tenant))
		if err != nil || len(q) != 1 || string(q[0].Raw) != string(bad) {
			t.Fatalf("quarantine = %+v, %v", q, err)
		}
	})

	t.Run("square order via seam ingest reaches stock", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "order.json")
		if err := os.WriteFile(path, []byte(squareOrder), 0o600); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		for i := 0; i < 2; i++ { // the same file twice stores it once
			out.Reset()
			err := runIngest(context.Background(), cfg, slog.New(slog.DiscardHandler),
				[]string{"--tenant", tenant, "--system", "square", "--type", "order", "--quiet", dir}, &out, io.Discard)
			if err != nil {
				t.Fatalf("ingest: %v", err)
			}
		}
		if !strings.Contains(out.String(), "0 accepted") || !strings.Contains(out.String(), "1 duplicates") {
			t.Fatalf("second ingest summary: %s", out.String())
		}
		rows := waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 2 })
		if rows[0].Location != "STORE-SH-01" || rows[0].OnHand != "-3" {
			t.Fatalf("stock after a POS sale of 3 = %+v", rows)
		}
	})

	t.Run("graphql needs a key", func(t *testing.T) {
		r, code := graphQLWith(t, base, "", http.Header{"X-Seam-Tenant": {tenant}}, `{ stock(sku: "TEA-OOL-250G") { onHand } }`, nil, nil)
		if code != http.StatusUnauthorized || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" || r.Data != nil && string(r.Data) != "null" {
			t.Fatalf("no key, a tenant header: %d %+v %s", code, r.Errors, r.Data)
		}
	})
}

// proxy is a TCP forwarder the test can cut, to take Neo4j away from one Seam process
// without stopping the database the other tests use.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	up     bool
}

func startProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target, up: true}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			up := p.up
			p.mu.Unlock()
			if !up {
				c.Close()
				continue
			}
			go p.pipe(c)
		}
	}()
	return p
}

func (p *proxy) pipe(c net.Conn) {
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns = append(p.conns, c, s)
	p.mu.Unlock()
	go func() { _, _ = io.Copy(s, c); s.Close() }()
	_, _ = io.Copy(c, s)
	c.Close()
}

// cut drops every connection and refuses new ones.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.up = false
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.up = true
}

func TestReadinessFollowsNeo4jAndRecovers(t *testing.T) {
	cfg := testConfig(t)
	target := strings.TrimPrefix(strings.TrimPrefix(neo4jtest.URI(), "bolt://"), "neo4j://")
	if strings.Contains(target, "://") {
		t.Skip("needs a bolt:// or neo4j:// Neo4j to put a proxy in front of; SEAM_NEO4J_URI is " + neo4jtest.URI())
	}
	p := startProxy(t, target)
	cfg.Neo4j.URI = "bolt://" + p.ln.Addr().String()
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr

	readyz := func() (int, map[string]any) {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	waitReady := func(want int) map[string]any {
		deadline := time.Now().Add(30 * time.Second)
		for {
			code, m := readyz()
			if code == want {
				return m
			}
			if time.Now().After(deadline) {
				t.Fatalf("/readyz stayed %d (%v), want %d", code, m, want)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitReady(http.StatusOK)

	p.cut()
	m := waitReady(http.StatusServiceUnavailable)
	if n := m["neo4j"].(map[string]any); n["ok"] != false {
		t.Fatalf("readyz does not name neo4j: %v", m)
	}
	if r := m["redis"].(map[string]any); r["ok"] != true {
		t.Fatalf("readyz blames redis too: %v", m)
	}
	// Seam keeps running: health answers, and a webhook is refused with 503 (retry later).
	if resp, err := http.Get(base + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz while neo4j is down: %v %v", resp, err)
	}
	body := []byte(shopifyOrder)
	code, _ := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "while-down"))
	if code != http.StatusServiceUnavailable {
		t.Fatalf("webhook while neo4j is down answered %d, want 503", code)
	}

	p.restore()
	waitReady(http.StatusOK)
	code, r := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "after-recovery"))
	if code != http.StatusOK {
		t.Fatalf("webhook after recovery answered %d %+v", code, r)
	}
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Reserved == "2" })
}

func TestConfigFromEnvironmentAndFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "seam.yaml")
	yaml := "neo4j: {uri: \"neo4j+s://x.databases.neo4j.io\", user: neo4j, password: pw}\n" +
		"tenants:\n  acme:\n    secrets: {shopify: shp}\nkeyCacheTTL: 2s\n"
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SEAM_CONFIG": path, "SEAM_REDIS_ADDR": "10.0.0.1:6379"}
	cfg, err := LoadConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Neo4j.URI != "neo4j+s://x.databases.neo4j.io" || cfg.Neo4j.User != "neo4j" || cfg.Redis.Addr != "10.0.0.1:6379" ||
		cfg.HTTP.Addr != "127.0.0.1:8080" || cfg.MQTT.URL != "tcp://127.0.0.1:1883" || cfg.KeyCacheTTL != 2*time.Second {
		t.Fatalf("config = %+v", cfg)
	}
	if s, ok := cfg.Secret("acme", "shopify"); !ok || string(s) != "shp" {
		t.Fatalf("tenant secret = %q %v", s, ok)
	}
	if _, ok := cfg.Secret("acme", "square"); ok {
		t.Fatal("a system without a secret got one")
	}
	if fmt.Sprint(cfg.Neo4j.Password) != "REDACTED" {
		t.Fatalf("password prints as %q", fmt.Sprint(cfg.Neo4j.Password))
	}
	bad := map[string]string{"SEAM_NEO4J_URI": "localhost:7687"}
	if _, err := LoadConfig(func(k string) string { return bad[k] }); err == nil || !strings.Contains(err.Error(), "SEAM_NEO4J_URI") {
		t.Fatalf("uri without scheme: %v", err)
	}
	os.WriteFile(path, []byte("neo4j: {uri: bolt://x:1, nope: 1}\n"), 0o600)
	if _, err := LoadConfig(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("unknown key: %v", err)
	}
}

func docKey(tenant, system, typ, id string) ontology.DocKey {
	return ontology.DocKey{Tenant: tenant, System: system, Type: typ, ExternalID: id}
}

func quarantineOf(tenant string) ontology.QuarantineFilter {
	return ontology.QuarantineFilter{Tenant: tenant}
}
