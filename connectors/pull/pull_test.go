package pull_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/pull"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// openIntake returns the test store, a fresh tenant and an intake mapping with the
// built-in mappings.
func openIntake(t *testing.T) (*neo4jstore.Store, string, *connectors.Intake) {
	t.Helper()
	store := neo4jtest.Open(t)
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return store, neo4jtest.Tenant(t), connectors.NewIntake(registryMapper{reg}, ontology.NewValidator(), store, nil)
}

// registryMapper adapts the mapping registry to the intake.
type registryMapper struct{ reg *mapping.Registry }

func (m registryMapper) Map(p connectors.Payload) ([]connectors.Mapped, error) {
	res, err := m.reg.MapPayload(p.Tenant, p.System, p.Type, p.Format, p.Raw)
	if err != nil {
		return nil, err
	}
	out := make([]connectors.Mapped, len(res))
	for i, r := range res {
		out[i] = connectors.Mapped{Doc: r.Doc, Raw: r.Raw, Problems: r.Problems}
	}
	return out, nil
}

// shopifyAPI serves GET /admin/api/2024-10/orders.json the way Shopify pages it, with a
// 429 (Retry-After) and a 503 thrown in, and counts the requests.
type shopifyAPI struct {
	mu       sync.Mutex
	orders   []map[string]any
	requests int
	fail     map[int]int // request number -> status to answer
}

func (a *shopifyAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.requests++
	if r.Header.Get("X-Shopify-Access-Token") != "shpat_test" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if code, ok := a.fail[a.requests]; ok {
		if code == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "0")
		}
		w.WriteHeader(code)
		fmt.Fprint(w, `{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}`)
		return
	}
	since, _ := strconv.ParseInt(r.URL.Query().Get("since_id"), 10, 64)
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	page := []map[string]any{}
	for _, o := range a.orders {
		if id := o["id"].(int64); id > since && len(page) < limit {
			page = append(page, o)
		}
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"orders": page})
}

func (a *shopifyAPI) add(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := 0; i < n; i++ {
		id := int64(5820193800000 + len(a.orders) + 1)
		a.orders = append(a.orders, map[string]any{
			"id": id, "name": fmt.Sprintf("#%d", 1000+len(a.orders)+1), "order_number": 1000 + len(a.orders) + 1,
			"created_at": "2025-03-04T10:15:22+08:00", "currency": "EUR", "financial_status": "paid",
			"total_price": "24.00",
			"line_items":  []map[string]any{{"id": id * 10, "sku": "TEA-OOL-250G", "title": "Oolong 250 g", "quantity": 1, "price": "24.00"}},
		})
	}
}

func TestShopifyPollerResumesFromItsCursor(t *testing.T) {
	store, tenant, intake := openIntake(t)
	api := &shopifyAPI{fail: map[int]int{2: http.StatusTooManyRequests, 3: http.StatusServiceUnavailable}}
	api.add(7)
	srv := httptest.NewServer(api)
	defer srv.Close()
	poller := func() *pull.Poller {
		return &pull.Poller{
			Name: "shopify-orders", Tenant: tenant, System: "shopify", Type: "order",
			Pager: pull.ShopifyOrders{BaseURL: srv.URL, Token: "shpat_test", Limit: 3},
			Store: store, Intake: intake, MinInterval: time.Millisecond, BaseBackoff: time.Millisecond,
		}
	}
	ctx := context.Background()
	st, err := poller().Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 7 orders in pages of 3: 3, 3, 1; plus the 429 and the 503 retried.
	if st.Documents.Accepted != 7 || st.Pages != 3 || api.requests != 5 {
		t.Fatalf("first poll: %+v after %d requests", st, api.requests)
	}
	cur, err := store.Cursor(ctx, tenant, "shopify-orders")
	if err != nil || cur != "5820193800007" {
		t.Fatalf("cursor = %q, %v", cur, err)
	}
	// A restarted poller (a new process) starts from the saved cursor: only new orders.
	api.add(2)
	before := api.requests
	st, err = poller().Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents.Accepted != 2 || st.Documents.Duplicates != 0 || api.requests-before != 1 {
		t.Fatalf("second poll: %+v after %d requests", st, api.requests-before)
	}
	d, err := store.Document(ctx, ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "5820193800009"})
	if err != nil || d == nil || d.Via != "pull" {
		t.Fatalf("pulled document = %+v, %v", d, err)
	}
}

func TestPollerGivesUpOnClientErrors(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"errors":"[API] Invalid API key or access token"}`)
	}))
	defer srv.Close()
	p := &pull.Poller{Name: "x", Tenant: neo4jtest.Tenant(t), System: "shopify", Type: "order",
		Pager: pull.ShopifyOrders{BaseURL: srv.URL}, Store: store, MinInterval: time.Millisecond}
	_, err := p.Poll(context.Background())
	var se *pull.StatusError
	if !errors.As(err, &se) || se.Code != http.StatusUnauthorized {
		t.Fatalf("401 should stop the poll at once: %v", err)
	}
}

// TestPollerNamesAnEmptyAnswer: a 200 with nothing in it (a proxy, a partner's bug) is
// retried and then reported as what it is, not as a JSON decoder's EOF.
func TestPollerNamesAnEmptyAnswer(t *testing.T) {
	store := neo4jtest.Open(t)
	var calls int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	p := &pull.Poller{Name: "x", Tenant: neo4jtest.Tenant(t), System: "square", Type: "order",
		Pager: pull.SquareOrders{BaseURL: srv.URL}, Store: store, MinInterval: time.Millisecond,
		MaxRetries: 2, BaseBackoff: time.Millisecond}
	_, err := p.Poll(context.Background())
	if err == nil || !strings.Contains(err.Error(), "answered 200 with an empty body") || calls != 3 {
		t.Fatalf("after %d calls: %v", calls, err)
	}
}
