package pull

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ShopifyOrders pages GET /admin/api/{version}/orders.json by since_id: ids only grow,
// so the highest id seen is the cursor.
type ShopifyOrders struct {
	BaseURL string // https://{shop}.myshopify.com
	Token   string // X-Shopify-Access-Token
	Version string // e.g. 2024-10
	Limit   int    // default 250 (Shopify's maximum)
}

// Request implements Pager.
func (s ShopifyOrders) Request(ctx context.Context, cursor string) (*http.Request, error) {
	q := url.Values{"status": {"any"}, "limit": {strconv.Itoa(s.limit())}, "order": {"id asc"}}
	if cursor != "" {
		q.Set("since_id", cursor)
	}
	v := s.Version
	if v == "" {
		v = "2024-10"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.BaseURL+"/admin/api/"+v+"/orders.json?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Shopify-Access-Token", s.Token)
	return req, nil
}

func (s ShopifyOrders) limit() int {
	if s.Limit <= 0 {
		return 250
	}
	return s.Limit
}

// Parse implements Pager.
func (s ShopifyOrders) Parse(body []byte, cursor string) ([][]byte, string, bool, error) {
	var page struct {
		Orders []json.RawMessage `json:"orders"`
	}
	if err := decode(body, &page); err != nil {
		return nil, "", false, err
	}
	if page.Orders == nil {
		return nil, "", false, fmt.Errorf("%w: want {\"orders\": [...]}", ErrNoItems)
	}
	next := cursor
	for _, o := range page.Orders {
		var id struct {
			ID json.Number `json:"id"`
		}
		if err := decode(o, &id); err != nil || id.ID == "" {
			return nil, "", false, fmt.Errorf("order without a numeric id: %s", snippet(o))
		}
		if greater(id.ID.String(), next) {
			next = id.ID.String()
		}
	}
	return raws(page.Orders), next, len(page.Orders) == s.limit(), nil
}

// SquareOrders pages POST /v2/orders/search by updated_at and Square's page cursor. The
// cursor is "<updated_at watermark>|<page cursor>": Square's page cursors expire, so
// between polls only the watermark is kept, and each poll re-reads from it (the store
// ignores the repeats).
type SquareOrders struct {
	BaseURL     string // https://connect.squareup.com
	Token       string // Bearer token
	LocationIDs []string
	Limit       int // default 500
}

// Request implements Pager.
func (s SquareOrders) Request(ctx context.Context, cursor string) (*http.Request, error) {
	since, page, _ := strings.Cut(cursor, "|")
	q := map[string]any{"sort": map[string]any{"sort_field": "UPDATED_AT", "sort_order": "ASC"}}
	if since != "" {
		q["filter"] = map[string]any{"date_time_filter": map[string]any{"updated_at": map[string]any{"start_at": since}}}
	}
	body := map[string]any{"location_ids": s.LocationIDs, "query": q, "limit": s.limit(), "return_entries": false}
	if page != "" {
		body["cursor"] = page
	}
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.BaseURL+"/v2/orders/search", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.Token)
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

func (s SquareOrders) limit() int {
	if s.Limit <= 0 {
		return 500
	}
	return s.Limit
}

// Parse implements Pager.
func (s SquareOrders) Parse(body []byte, cursor string) ([][]byte, string, bool, error) {
	var page struct {
		Orders []json.RawMessage `json:"orders"`
		Cursor string            `json:"cursor"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := decode(body, &page); err != nil {
		return nil, "", false, err
	}
	if len(page.Errors) > 0 {
		return nil, "", false, fmt.Errorf("square errors: %s", snippet(body))
	}
	since, _, _ := strings.Cut(cursor, "|")
	for _, o := range page.Orders {
		var u struct {
			UpdatedAt string `json:"updated_at"`
		}
		if err := decode(o, &u); err == nil && u.UpdatedAt > since {
			since = u.UpdatedAt // RFC 3339 UTC strings order as times
		}
	}
	return raws(page.Orders), since + "|" + page.Cursor, page.Cursor != "", nil
}

// StripeList pages a Stripe list endpoint (/v1/charges, /v1/payouts,
// /v1/balance_transactions, /v1/events). Stripe lists newest first, so a poll reads the
// window created after the last watermark, paging with starting_after, and moves the
// watermark only when the window is read. The cursor is "gt=<unix>;max=<unix>;after=<id>".
//
// An object is listed once, by when it was created: a payout that turns from pending to
// paid, or from paid to failed days later, is never listed again. Resource "events"
// lists what happened instead (payout.paid, then payout.failed), each Event wrapping the
// object as it was then, which the built-in mappings unwrap and order by the Event's own
// created. Stripe keeps events for 30 days: a poller stopped longer misses changes.
type StripeList struct {
	BaseURL  string // https://api.stripe.com
	Key      string // secret key
	Resource string // charges, payouts, balance_transactions, events
	// EventType filters events (Stripe's type parameter: "payout.*", "charge.refunded");
	// only with Resource events.
	EventType string
	// Object, with Resource events, keeps the events that wrap this kind of object
	// (data.object.object): charge.* also lists charge.dispute.created, which wraps a
	// dispute, and a dispute is not a charge. The others are skipped, as Stripe's
	// webhook route ignores them.
	Object string
	Limit  int // default 100 (Stripe's maximum)
}

func stripeCursor(c string) (gt, max int64, after string) {
	for _, part := range strings.Split(c, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "gt":
			gt, _ = strconv.ParseInt(v, 10, 64)
		case "max":
			max, _ = strconv.ParseInt(v, 10, 64)
		case "after":
			after = v
		}
	}
	return
}

// Request implements Pager.
func (s StripeList) Request(ctx context.Context, cursor string) (*http.Request, error) {
	gt, _, after := stripeCursor(cursor)
	q := url.Values{"limit": {strconv.Itoa(s.limit())}}
	if gt > 0 {
		q.Set("created[gt]", strconv.FormatInt(gt, 10))
	}
	if after != "" {
		q.Set("starting_after", after)
	}
	if s.Resource == "events" && s.EventType != "" {
		q.Set("type", s.EventType)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.BaseURL+"/v1/"+s.Resource+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(s.Key, "")
	return req, nil
}

func (s StripeList) limit() int {
	if s.Limit <= 0 {
		return 100
	}
	return s.Limit
}

// stripeList reads a page of any Stripe list endpoint: its objects and whether more
// follow. An error object (or anything else) is not a page.
func stripeList(body []byte) (data []json.RawMessage, hasMore bool, err error) {
	var page struct {
		Object  string            `json:"object"`
		Data    []json.RawMessage `json:"data"`
		HasMore bool              `json:"has_more"`
	}
	if err := decode(body, &page); err != nil {
		return nil, false, err
	}
	if page.Object != "list" || page.Data == nil {
		return nil, false, fmt.Errorf("%w: want a Stripe list object", ErrNoItems)
	}
	return page.Data, page.HasMore, nil
}

// Parse implements Pager.
func (s StripeList) Parse(body []byte, cursor string) ([][]byte, string, bool, error) {
	data, hasMore, err := stripeList(body)
	if err != nil {
		return nil, "", false, err
	}
	gt, newest, _ := stripeCursor(cursor)
	last := ""
	kept := data[:0:0]
	for _, o := range data {
		var it struct {
			ID      string      `json:"id"`
			Created json.Number `json:"created"`
			Data    struct {
				Object struct {
					Object string `json:"object"`
				} `json:"object"`
			} `json:"data"`
		}
		if err := decode(o, &it); err != nil {
			return nil, "", false, err
		}
		if c, err := it.Created.Int64(); err == nil && c > newest {
			newest = c
		}
		last = it.ID
		if s.Resource != "events" || s.Object == "" || it.Data.Object.Object == s.Object {
			kept = append(kept, o)
		}
	}
	data = kept
	if hasMore {
		return raws(data), fmt.Sprintf("gt=%d;max=%d;after=%s", gt, newest, last), true, nil
	}
	// created[gt] compares whole seconds: the next window starts one second short of the
	// newest, so that an object created later in that same second is not skipped (the
	// ones read again are stored again as the same versions).
	next := max(gt, newest-1)
	return raws(data), fmt.Sprintf("gt=%d;max=%d;after=", next, next), false, nil
}

// WooOrders pages GET /wp-json/wc/v3/orders by page number within a modified_after
// window, oldest change first. The cursor is "after=<gmt time>;page=<n>;max=<gmt time>".
type WooOrders struct {
	BaseURL     string // https://shop.example.com
	Key, Secret string // REST API consumer key and secret (basic auth over HTTPS)
	PerPage     int    // default 100 (WooCommerce's maximum)
}

func wooCursor(c string) (after string, page int, max string) {
	page = 1
	for _, part := range strings.Split(c, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "after":
			after = v
		case "page":
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				page = n
			}
		case "max":
			max = v
		}
	}
	return
}

func (w WooOrders) perPage() int {
	if w.PerPage <= 0 {
		return 100
	}
	return w.PerPage
}

// Request implements Pager.
func (w WooOrders) Request(ctx context.Context, cursor string) (*http.Request, error) {
	after, page, _ := wooCursor(cursor)
	q := url.Values{"orderby": {"modified"}, "order": {"asc"}, "per_page": {strconv.Itoa(w.perPage())}, "page": {strconv.Itoa(page)}}
	if after != "" {
		q.Set("modified_after", after)
		q.Set("dates_are_gmt", "true")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.BaseURL+"/wp-json/wc/v3/orders?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(w.Key, w.Secret)
	return req, nil
}

// Parse implements Pager.
func (w WooOrders) Parse(body []byte, cursor string) ([][]byte, string, bool, error) {
	var orders []json.RawMessage
	if err := decode(body, &orders); err != nil {
		return nil, "", false, fmt.Errorf("%w: want a JSON array of orders", err)
	}
	after, page, max := wooCursor(cursor)
	for _, o := range orders {
		var m struct {
			Modified string `json:"date_modified_gmt"`
		}
		if err := decode(o, &m); err == nil && m.Modified > max {
			max = m.Modified
		}
	}
	if len(orders) == w.perPage() {
		return raws(orders), fmt.Sprintf("after=%s;page=%d;max=%s", after, page+1, max), true, nil
	}
	if max == "" {
		max = after
	}
	return raws(orders), fmt.Sprintf("after=%s;page=1;max=%s", max, max), false, nil
}

func decode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decoding page: %w", err)
	}
	return nil
}

func raws(items []json.RawMessage) [][]byte {
	out := make([][]byte, len(items))
	for i, it := range items {
		out[i] = []byte(it)
	}
	return out
}

// greater compares two non-negative decimal integers given as strings (ids may exceed
// 2^63 in principle; Shopify's do not, but strings cost nothing).
func greater(a, b string) bool {
	if b == "" {
		return true
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

// RetrieveOrder reads one order whole: GET /v2/orders/{order_id}, answered as
// {"order": {...}} (the square-order mapping unwraps it). Square's order webhooks carry
// only a summary; this is how the whole order is had at once instead of at the next poll.
func (s SquareOrders) RetrieveOrder(ctx context.Context, client *http.Client, id string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.BaseURL+"/v2/orders/"+url.PathEscape(id), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.Token)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("retrieving square order %s: %w", id, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 5<<20))
	if err != nil {
		return nil, fmt.Errorf("reading square order %s: %w", id, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("retrieving square order %s: %s: %s", id, resp.Status, snippet(body))
	}
	var o struct {
		Order json.RawMessage `json:"order"`
	}
	if err := decode(body, &o); err != nil || len(o.Order) == 0 {
		return nil, fmt.Errorf("retrieving square order %s: no order in the answer: %s", id, snippet(body))
	}
	return body, nil
}
