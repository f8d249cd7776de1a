package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// syncBuffer is a log sink several goroutines write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSecretsNeverInLogs: the configuration logged whole, in text and JSON, shows no
// password, token or signing secret; and a server logging at debug level through signed
// and badly signed webhooks, good and wrong API keys shows neither the webhook secret
// nor any key.
func TestSecretsNeverInLogs(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	secrets := map[string]string{"neo4j": "n4-pw-7f3a", "redis": "rd-pw-91c2", "mqtt": "mq-pw-0b7e",
		"webhook": "wh-secret-55d1", "tenant": "shp-secret-c0de", "token": "shpat_tok_e1e1", "woo": "cs_woo_a7a7"}
	logged := cfg
	logged.Neo4j.Password = neo4jstore.Secret(secrets["neo4j"])
	logged.Redis.Password = neo4jstore.Secret(secrets["redis"])
	logged.MQTT.Password = neo4jstore.Secret(secrets["mqtt"])
	logged.WebhookSecret = neo4jstore.Secret(secrets["webhook"])
	logged.Tenants = map[string]TenantConfig{"acme": {Secrets: map[string]neo4jstore.Secret{"shopify": neo4jstore.Secret(secrets["tenant"])}}}
	logged.Pull = []PullConfig{{Name: "p", Tenant: "acme", System: "woocommerce", Type: "order", BaseURL: "https://shop.example",
		Token: neo4jstore.Secret(secrets["token"]), Secret: neo4jstore.Secret(secrets["woo"])}}
	var out bytes.Buffer
	slog.New(slog.NewTextHandler(&out, nil)).Info("config", "cfg", logged)
	slog.New(slog.NewJSONHandler(&out, nil)).Info("config", "cfg", logged)
	slog.New(slog.NewJSONHandler(&out, nil)).Info("pull", "pull", logged.Pull[0], "tenants", logged.Tenants)
	fmt.Fprintf(&out, "%v %+v\n", logged, logged)
	for name, s := range secrets {
		if strings.Contains(out.String(), s) {
			t.Errorf("the %s secret is in the log:\n%s", name, out.String())
		}
	}
	if !strings.Contains(out.String(), `"password":"REDACTED"`) || !strings.Contains(out.String(), "neo4j.uri="+cfg.Neo4j.URI) {
		t.Fatalf("the logged config does not say what it connects to and that a password is set:\n%s", out.String())
	}

	// A running server at debug level.
	var logs syncBuffer
	neo4jtest.Open(t)
	s := startServerLogging(t, cfg, slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	base := "http://" + s.Addr
	key := adminKey(t, tenant)
	body := []byte(shopifyOrder)
	if code, _ := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "secret-log-1")); code != http.StatusOK {
		t.Fatalf("signed webhook: %d", code)
	}
	bad := signedShopify(body, "secret-log-2")
	bad.Set("X-Shopify-Hmac-Sha256", testSecret)
	if code, _ := postWebhook(t, base, tenant, "shopify", body, bad); code != http.StatusUnauthorized {
		t.Fatalf("badly signed webhook: %d", code)
	}
	graphQLWith(t, base, key, nil, `{ stock(sku: "TEA-OOL-250G") { onHand } }`, nil, nil)
	wrong := key[:len(key)-4] + "abcd"
	if _, code := graphQLWith(t, base, wrong, nil, `{ stock(sku: "x") { onHand } }`, nil, nil); code != http.StatusUnauthorized {
		t.Fatalf("a wrong key answered %d", code)
	}
	graphQLWith(t, base, key, nil, `{ nope }`, nil, nil)
	time.Sleep(300 * time.Millisecond) // the worker logs what it resolved
	secretPart := key[strings.LastIndex(key, "_")+1:]
	for name, s := range map[string]string{"webhook secret": testSecret, "api key": key, "api key's secret part": secretPart, "wrong key": wrong} {
		if strings.Contains(logs.String(), s) {
			t.Errorf("the %s is in the server's log", name)
		}
	}
	if !strings.Contains(logs.String(), `"level":"DEBUG"`) && !strings.Contains(logs.String(), `"level":"INFO"`) {
		t.Fatalf("the server logged nothing; the check proves nothing:\n%s", logs.String())
	}
}

// TestRequestSizeLimits: a webhook body over 5 MiB and a GraphQL body over 1 MiB are
// answered 413 and nothing is stored; a query of a thousand aliases is refused by the
// cost limit before any resolver runs.
func TestRequestSizeLimits(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	big := append([]byte(`{"id": 4500000000001, "note": "`), bytes.Repeat([]byte("x"), 5<<20)...)
	big = append(big, `"}`...)
	code, r := postWebhook(t, base, tenant, "shopify", big, signedShopify(big, "too-big"))
	if code != http.StatusRequestEntityTooLarge || r.Status != "rejected" {
		t.Fatalf("a 5 MiB webhook: %d %+v", code, r)
	}
	if st, err := s.App.store.Stats(context.Background(), tenant); err != nil || st.Documents != 0 || st.Quarantined != 0 {
		t.Fatalf("the oversized webhook left %+v %v", st, err)
	}
	key := adminKey(t, tenant)
	huge := `{ stock(sku: "` + strings.Repeat("y", 1<<20) + `") { onHand } }`
	if r, code := graphQLWith(t, base, key, nil, huge, nil, nil); code != http.StatusRequestEntityTooLarge ||
		len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "REQUEST_TOO_LARGE" {
		t.Fatalf("a 1 MiB query: HTTP %d %+v", code, r.Errors)
	}
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 1000 {
		fmt.Fprintf(&aliases, ` a%d: stock(sku: "S%d") { onHand }`, i, i)
	}
	aliases.WriteString(" }")
	if r, _ := graphQLWith(t, base, key, nil, aliases.String(), nil, nil); len(r.Errors) != 1 ||
		r.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" || len(r.Data) > 0 && string(r.Data) != "null" {
		t.Fatalf("a thousand aliases: %+v %s", r.Errors, r.Data)
	}
}

// TestTenantIsolationUnderConcurrentLoad: three tenants post orders for the same product
// codes at once while each polls its stock with its own key. No answer ever exceeds what
// the tenant itself ordered, each ends with exactly its own sum, and a key used with
// another tenant's header is refused.
func TestTenantIsolationUnderConcurrentLoad(t *testing.T) {
	cfg := testConfig(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	tenants := []string{neo4jtest.Tenant(t), neo4jtest.Tenant(t), neo4jtest.Tenant(t)}
	keys := make([]string, len(tenants))
	for i, tn := range tenants {
		keys[i] = adminKey(t, tn)
	}
	const orders = 25
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i, tn := range tenants {
		qty := i + 1 // tenant i orders i+1 of SHARED-1 each time
		wg.Add(2)
		go func() {
			defer wg.Done()
			for k := range orders {
				body := fmt.Appendf(nil, `{"id": %d, "name": "#%d", "order_number": %d, "created_at": "2025-03-04T10:15:22+08:00",
 "currency": "EUR", "financial_status": "paid", "total_price": "1.00",
 "line_items": [{"id": %d, "sku": "SHARED-1", "title": "Shared", "quantity": %d, "price": "1.00"}]}`, 4600000000000+k, k, k, k+1, qty)
				req, _ := http.NewRequest(http.MethodPost, base+"/webhooks/"+tn+"/shopify", bytes.NewReader(body))
				req.Header = signedShopify(body, fmt.Sprintf("iso-%d", k))
				resp, err := http.DefaultClient.Do(req)
				if err != nil || resp.StatusCode != http.StatusOK {
					errs <- fmt.Sprintf("%s order %d: %v %v", tn, k, resp, err)
					return
				}
				resp.Body.Close()
			}
		}()
		go func() {
			defer wg.Done()
			deadline := time.Now().Add(30 * time.Second)
			for time.Now().Before(deadline) {
				var out struct{ Stock []stockRow }
				r, _ := graphQLWith(t, base, keys[i], nil, `{ stock(sku: "SHARED-1") { reserved } }`, nil, &out)
				if len(r.Errors) > 0 {
					errs <- fmt.Sprintf("%s stock: %+v", tn, r.Errors)
					return
				}
				total := 0
				for _, row := range out.Stock {
					var n int
					fmt.Sscan(row.Reserved, &n)
					total += n
				}
				if total > orders*qty || total%qty != 0 {
					errs <- fmt.Sprintf("%s saw reserved %d: not its own orders (%d of %d each)", tn, total, orders, qty)
					return
				}
				if total == orders*qty {
					return
				}
				time.Sleep(20 * time.Millisecond)
			}
			errs <- fmt.Sprintf("%s never saw its own %d reserved", tn, orders*qty)
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for i, tn := range tenants {
		other := tenants[(i+1)%len(tenants)]
		if r, code := graphQLWith(t, base, keys[i], http.Header{"X-Seam-Tenant": {other}}, `{ stock(sku: "SHARED-1") { reserved } }`, nil, nil); code != http.StatusForbidden && code != http.StatusUnauthorized {
			t.Errorf("%s's key with %s's header: HTTP %d %+v", tn, other, code, r.Errors)
		}
		st, err := s.App.store.Stats(context.Background(), tn)
		if err != nil || st.Documents != orders || st.Events != orders || st.Movements != orders {
			t.Errorf("%s holds %+v %v; want %d of each", tn, st, err, orders)
		}
	}
}
