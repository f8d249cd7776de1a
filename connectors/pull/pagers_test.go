package pull

import (
	"context"
	"io"
	"strings"
	"testing"
)

func TestSquareOrdersPaging(t *testing.T) {
	s := SquareOrders{BaseURL: "https://connect.squareup.com", Token: "tok", LocationIDs: []string{"L2K8"}}
	req, err := s.Request(context.Background(), "2025-03-04T02:00:00Z|CURSOR1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	for _, want := range []string{`"cursor":"CURSOR1"`, `"start_at":"2025-03-04T02:00:00Z"`, `"sort_field":"UPDATED_AT"`, `"location_ids":["L2K8"]`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("search body %s lacks %s", body, want)
		}
	}
	page := `{"orders":[{"id":"a","updated_at":"2025-03-04T02:10:00Z"},{"id":"b","updated_at":"2025-03-04T02:05:00Z"}],"cursor":"CURSOR2"}`
	items, next, more, err := s.Parse([]byte(page), "2025-03-04T02:00:00Z|CURSOR1")
	if err != nil || len(items) != 2 || next != "2025-03-04T02:10:00Z|CURSOR2" || !more {
		t.Fatalf("page = %d items, %q, %v, %v", len(items), next, more, err)
	}
	_, next, more, _ = s.Parse([]byte(`{"orders":[]}`), next)
	if next != "2025-03-04T02:10:00Z|" || more {
		t.Fatalf("last page: %q %v", next, more)
	}
	if _, _, _, err := s.Parse([]byte(`{"errors":[{"category":"AUTHENTICATION_ERROR"}]}`), ""); err == nil {
		t.Fatal("square errors accepted")
	}
}

func TestStripeListPaging(t *testing.T) {
	s := StripeList{BaseURL: "https://api.stripe.com", Key: "sk_test", Resource: "charges", Limit: 2}
	// Newest first: page one of the window after created 1741000000.
	page1 := `{"object":"list","url":"/v1/charges","has_more":true,"data":[{"id":"ch_3","created":1741000300},{"id":"ch_2","created":1741000200}]}`
	items, next, more, err := s.Parse([]byte(page1), "gt=1741000000;max=1741000000;after=")
	if err != nil || len(items) != 2 || !more || next != "gt=1741000000;max=1741000300;after=ch_2" {
		t.Fatalf("page 1: %v %q %v", err, next, more)
	}
	req, _ := s.Request(context.Background(), next)
	if q := req.URL.Query(); q.Get("starting_after") != "ch_2" || q.Get("created[gt]") != "1741000000" {
		t.Fatalf("page 2 request %s", req.URL)
	}
	page2 := `{"object":"list","url":"/v1/charges","has_more":false,"data":[{"id":"ch_1","created":1741000100}]}`
	_, next, more, _ = s.Parse([]byte(page2), next)
	// The window is read: the watermark moves to one second short of the newest seen,
	// so that an object created later in that second is listed next time.
	if more || next != "gt=1741000299;max=1741000299;after=" {
		t.Fatalf("page 2: %q %v", next, more)
	}
	// Nothing new: the watermark stays.
	if _, again, _, _ := s.Parse([]byte(`{"object":"list","has_more":false,"data":[]}`), next); again != next {
		t.Fatalf("empty window: %q, want %q", again, next)
	}
	if _, _, _, err := s.Parse([]byte(`{"error":{"type":"invalid_request_error"}}`), ""); err == nil {
		t.Fatal("a Stripe error object was read as a page")
	}
}

// Events are listed like any object, with Stripe's type filter: what happened to a
// payout after it was created (paid, then failed) is read as it happens.
func TestStripeEventsRequest(t *testing.T) {
	s := StripeList{BaseURL: "https://api.stripe.com", Key: "rk_test", Resource: "events", EventType: "payout.*"}
	req, err := s.Request(context.Background(), "gt=1741000299;max=1741000299;after=evt_2")
	if err != nil {
		t.Fatal(err)
	}
	q := req.URL.Query()
	if req.URL.Path != "/v1/events" || q.Get("type") != "payout.*" || q.Get("created[gt]") != "1741000299" || q.Get("starting_after") != "evt_2" {
		t.Fatalf("events request %s", req.URL)
	}
	charges := StripeList{BaseURL: "https://api.stripe.com", Key: "rk_test", Resource: "charges", EventType: "payout.*"}
	if req, _ := charges.Request(context.Background(), ""); req.URL.Query().Has("type") {
		t.Fatalf("a type filter on an object list: %s", req.URL)
	}
}

func TestWooOrdersPaging(t *testing.T) {
	w := WooOrders{BaseURL: "https://shop.example", PerPage: 2}
	items, next, more, err := w.Parse([]byte(`[{"id":1,"date_modified_gmt":"2025-03-04T10:00:00"},{"id":2,"date_modified_gmt":"2025-03-04T11:00:00"}]`), "")
	if err != nil || len(items) != 2 || !more || next != "after=;page=2;max=2025-03-04T11:00:00" {
		t.Fatalf("page 1: %v %q %v", err, next, more)
	}
	req, _ := w.Request(context.Background(), next)
	if q := req.URL.Query(); q.Get("page") != "2" || q.Get("orderby") != "modified" {
		t.Fatalf("page 2 request %s", req.URL)
	}
	_, next, more, _ = w.Parse([]byte(`[{"id":3,"date_modified_gmt":"2025-03-04T12:00:00"}]`), next)
	if more || next != "after=2025-03-04T12:00:00;page=1;max=2025-03-04T12:00:00" {
		t.Fatalf("last page: %q %v", next, more)
	}
}

func TestRetryAfter(t *testing.T) {
	if d := retryAfter("3"); d.Seconds() != 3 {
		t.Errorf("Retry-After 3 = %s", d)
	}
	if d := retryAfter("soon"); d != 0 {
		t.Errorf("unreadable Retry-After = %s", d)
	}
}

func FuzzPagers(f *testing.F) {
	f.Add([]byte(`{"orders":[{"id":1}]}`), "")
	f.Add([]byte(`{"object":"list","data":[{"id":"ch_1","created":1}],"has_more":true}`), "gt=0;max=0;after=")
	f.Add([]byte(`[{"id":1,"date_modified_gmt":"x"}]`), "after=;page=1;max=")
	f.Add([]byte(`{"object":"list","data":[{"id":"po_1","created":1,"status":"paid"}],"has_more":false}`), `{"gt":0}`)
	f.Add([]byte(`{"object":"list","data":[{"id":"txn_1","source":"ch_1"}],"has_more":true}`), `{"gt":0,"payout":"po_1","queue":["po_2"]}`)
	f.Fuzz(func(t *testing.T, body []byte, cursor string) {
		for _, p := range []Pager{ShopifyOrders{}, SquareOrders{}, StripeList{}, WooOrders{}, StripePayoutTransactions{}} {
			_, _, _, _ = p.Parse(body, cursor)
		}
	})
}
