package pull

import (
	"context"
	"encoding/json"
	"testing"
)

// TestStripePayoutTransactionsPaging walks one poll page by page: the payout listing
// (two pages, newest first), then each paid payout's transactions, each with the
// payout's id added; the watermark stops before the payout still in transit.
func TestStripePayoutTransactionsPaging(t *testing.T) {
	s := StripePayoutTransactions{BaseURL: "https://api.stripe.com", Key: "sk_test", Limit: 2}
	ctx := context.Background()
	step := func(cursor, page string) ([][]byte, string, bool) {
		t.Helper()
		items, next, more, err := s.Parse([]byte(page), cursor)
		if err != nil {
			t.Fatalf("page %s after %s: %v", page, cursor, err)
		}
		return items, next, more
	}
	req := func(cursor string) map[string]string {
		t.Helper()
		r, err := s.Request(ctx, cursor)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{"path": r.URL.Path}
		for k, v := range r.URL.Query() {
			out[k] = v[0]
		}
		return out
	}
	cursor := `{"gt":1741000000}`
	if q := req(cursor); q["path"] != "/v1/payouts" || q["created[gt]"] != "1741000000" || q["limit"] != "2" {
		t.Fatalf("first request %v", q)
	}
	_, cursor, more := step(cursor, `{"object":"list","has_more":true,"data":[
		{"id":"po_4","object":"payout","created":1741000400,"status":"paid"},
		{"id":"po_3","object":"payout","created":1741000300,"status":"in_transit"}]}`)
	if q := req(cursor); !more || q["starting_after"] != "po_3" || q["path"] != "/v1/payouts" {
		t.Fatalf("second listing request %v (more %v)", q, more)
	}
	_, cursor, more = step(cursor, `{"object":"list","has_more":false,"data":[
		{"id":"po_2","object":"payout","created":1741000200,"status":"failed"},
		{"id":"po_1","object":"payout","created":1741000100,"status":"paid"}]}`)
	if q := req(cursor); !more || q["path"] != "/v1/balance_transactions" || q["payout"] != "po_4" || q["starting_after"] != "" {
		t.Fatalf("first payout's request %v (more %v)", q, more)
	}
	items, cursor, more := step(cursor, `{"object":"list","has_more":true,"data":[
		{"id":"txn_a","object":"balance_transaction","type":"charge","source":"ch_a"},
		{"id":"txn_b","object":"balance_transaction","type":"charge","source":"ch_b"}]}`)
	if q := req(cursor); !more || len(items) != 2 || q["payout"] != "po_4" || q["starting_after"] != "txn_b" {
		t.Fatalf("first payout's second page: %v (items %d, more %v)", q, len(items), more)
	}
	for _, it := range items {
		var bt struct{ ID, Payout, Source string }
		if err := json.Unmarshal(it, &bt); err != nil || bt.Payout != "po_4" || bt.Source == "" {
			t.Fatalf("item %s: payout %q, %v", it, bt.Payout, err)
		}
	}
	_, cursor, more = step(cursor, `{"object":"list","has_more":false,"data":[
		{"id":"txn_c","object":"balance_transaction","type":"payout","source":"po_4"}]}`)
	if q := req(cursor); !more || q["payout"] != "po_1" {
		t.Fatalf("the failed payout is skipped, the in-transit one waits: %v", q)
	}
	items, cursor, more = step(cursor, `{"object":"list","has_more":false,"data":[
		{"id":"txn_d","object":"balance_transaction","type":"charge","source":"ch_d","payout":"po_1"}]}`)
	if more || len(items) != 1 {
		t.Fatalf("last page: %d items, more %v", len(items), more)
	}
	// The watermark stops just before po_3, still in transit: the next poll lists it
	// (and po_4 again, whose transactions then come back as duplicates).
	if cursor != `{"gt":1741000299}` {
		t.Fatalf("cursor after the poll %s", cursor)
	}
	if _, _, _, err := s.Parse([]byte(`{"error":{"type":"invalid_request_error"}}`), cursor); err == nil {
		t.Fatal("a Stripe error object was read as a page")
	}
	if _, _, _, err := s.Parse([]byte(`{"object":"list","has_more":false,"data":[{"object":"payout","status":"paid"}]}`), ""); err == nil {
		t.Fatal("a payout without an id was accepted")
	}
}

// TestStripePayoutWatermarkWithNothingOpen: with every payout final, the watermark
// moves to the newest; with none listed it stays.
func TestStripePayoutWatermarkWithNothingOpen(t *testing.T) {
	s := StripePayoutTransactions{}
	_, next, more, err := s.Parse([]byte(`{"object":"list","has_more":false,"data":[
		{"id":"po_9","created":1741000900,"status":"canceled"},{"id":"po_8","created":1741000800,"status":"failed"}]}`), `{"gt":1741000000}`)
	// One second short of the newest: created[gt] compares whole seconds.
	if err != nil || more || next != `{"gt":1741000899}` {
		t.Fatalf("all final: %q %v %v", next, more, err)
	}
	_, next, more, err = s.Parse([]byte(`{"object":"list","has_more":false,"data":[]}`), next)
	if err != nil || more || next != `{"gt":1741000899}` {
		t.Fatalf("none listed: %q %v %v", next, more, err)
	}
	// Paid but not reconciled yet holds the watermark and is not read; a manual payout
	// (Stripe cannot list what it paid out) is skipped.
	_, next, more, err = s.Parse([]byte(`{"object":"list","has_more":false,"data":[
		{"id":"po_b","created":1741001200,"status":"paid","automatic":false},
		{"id":"po_a","created":1741001100,"status":"paid","automatic":true,"reconciliation_status":"in_progress"}]}`), next)
	if err != nil || more || next != `{"gt":1741001099}` {
		t.Fatalf("unreconciled and manual: %q %v %v", next, more, err)
	}
}
