package faulttest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
)

// Order is one Shopify order the load sends: its id, the product it sells and how many.
type Order struct {
	ID   int64
	SKU  string
	Qty  int
	Body []byte
}

// Orders makes n distinct paid Shopify orders over skus products, quantities 1 to 3.
func Orders(first, n, skus int) []Order {
	out := make([]Order, n)
	for i := range out {
		k := first + i
		o := Order{ID: 5100000000000 + int64(k), SKU: fmt.Sprintf("FAULT-%02d", k%skus), Qty: 1 + k%3}
		o.Body = fmt.Appendf(nil, `{"id": %d, "name": "#%d", "order_number": %d, "created_at": "2025-03-04T10:15:22+08:00",
 "currency": "EUR", "financial_status": "paid", "total_price": "%d.00",
 "line_items": [{"id": %d, "sku": "%s", "title": "Item", "quantity": %d, "price": "10.00"}]}`,
			o.ID, k, k, 10*o.Qty, 8000000+k, o.SKU, o.Qty)
		out[i] = o
	}
	return out
}

// Want sums the orders' quantities by product: each paid order reserves its quantity.
func Want(orders []Order) map[string]int {
	out := map[string]int{}
	for _, o := range orders {
		out[o.SKU] += o.Qty
	}
	return out
}

// Sender posts signed Shopify webhooks the way a provider does: it retries every answer
// but 200, and every connection error, until the delivery is answered 200 or its context
// ends. It honours Retry-After up to MaxWait, which tests keep short.
type Sender struct {
	Base, Tenant, Secret string
	// MaxWait caps a wait between tries (default 250 ms).
	MaxWait time.Duration
	Client  *http.Client

	mu sync.Mutex
	// Codes counts the answers by HTTP status (0: no answer, a connection error).
	Codes map[int]int
	// Statuses counts the final 200 answers by the body's status (accepted, duplicate).
	Statuses map[string]int
	// NoRetryAfter counts 429 and 503 answers that lacked Retry-After.
	NoRetryAfter int
	// Other collects answers no sender expects (4xx other than 429, 500...).
	Other []string
}

// NewSender makes a sender to a Seam's webhook endpoint for tenant.
func NewSender(base, tenant, secret string) *Sender {
	return &Sender{Base: base, Tenant: tenant, Secret: secret, MaxWait: 250 * time.Millisecond,
		Client: &http.Client{Timeout: 15 * time.Second}, Codes: map[int]int{}, Statuses: map[string]int{}}
}

// Deliver sends one order until it is answered 200; the delivery id is the same on every
// try, as providers do.
func (s *Sender) Deliver(ctx context.Context, o Order) error {
	delivery := "fault-" + strconv.FormatInt(o.ID, 10)
	for {
		code, status, retryAfter, err := s.post(ctx, o.Body, delivery)
		s.mu.Lock()
		s.Codes[code]++
		switch {
		case code == http.StatusOK:
			s.Statuses[status]++
		case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
			if retryAfter == "" {
				s.NoRetryAfter++
			}
		case code != 0:
			s.Other = append(s.Other, fmt.Sprintf("order %d: HTTP %d %s", o.ID, code, status))
		}
		s.mu.Unlock()
		if code == http.StatusOK {
			return nil
		}
		wait := s.MaxWait
		if secs, err := strconv.Atoi(retryAfter); err == nil && time.Duration(secs)*time.Second < wait {
			wait = time.Duration(secs) * time.Second
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("order %d never answered 200 (last: HTTP %d %v): %w", o.ID, code, err, ctx.Err())
		case <-time.After(wait):
		}
	}
}

func (s *Sender) post(ctx context.Context, body []byte, delivery string) (code int, status, retryAfter string, err error) {
	url := s.Base + "/webhooks/" + s.Tenant + "/shopify"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, "", "", err
	}
	req.Header = webhook.Sign("shopify", body, []byte(s.Secret), url, time.Now())
	req.Header.Set("X-Shopify-Topic", "orders/create")
	req.Header.Set("X-Shopify-Webhook-Id", delivery)
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.Client.Do(req)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	var r webhook.Response
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &r)
	return resp.StatusCode, r.Status, resp.Header.Get("Retry-After"), nil
}

// DeliverAll sends every order with workers concurrent senders and returns the first
// error. started, when set, is told each order's index once it is answered 200.
func (s *Sender) DeliverAll(ctx context.Context, orders []Order, workers int, answered func(int)) error {
	next := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := s.Deliver(ctx, orders[i]); err != nil {
					errs <- err
					return
				}
				if answered != nil {
					answered(i)
				}
			}
		}()
	}
	var err error
feed:
	for i := range orders {
		select {
		case next <- i:
		case err = <-errs:
			break feed
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err == nil {
		err = <-errs
	}
	return err
}

// Count returns how many answers had code.
func (s *Sender) Count(code int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Codes[code]
}

// Summary describes what the sender saw, for failure messages.
func (s *Sender) Summary() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("answers by status %v, final %v, without Retry-After %d, unexpected %d %v",
		s.Codes, s.Statuses, s.NoRetryAfter, len(s.Other), head(s.Other, 5))
}

func head(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
