package pull_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/pull"
	"github.com/seamhub/seam/ontology"
)

// stripeAPI serves GET /v1/payouts and GET /v1/balance_transactions?payout= as Stripe
// lists them: newest first, limit and starting_after, the payout filter.
type stripeAPI struct {
	mu      sync.Mutex
	payouts []map[string]any            // newest first
	txns    map[string][]map[string]any // by payout
	events  []map[string]any            // newest first
}

func (a *stripeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if user, _, ok := r.BasicAuth(); !ok || user != "rk_test_payouts" {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"error":{"type":"invalid_request_error","message":"Invalid API Key provided"}}`))
		return
	}
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	var all []map[string]any
	switch r.URL.Path {
	case "/v1/payouts":
		gt, _ := strconv.ParseInt(q.Get("created[gt]"), 10, 64)
		for _, p := range a.payouts {
			if p["created"].(int64) > gt {
				all = append(all, p)
			}
		}
	case "/v1/balance_transactions":
		all = a.txns[q.Get("payout")]
	case "/v1/events":
		gt, _ := strconv.ParseInt(q.Get("created[gt]"), 10, 64)
		prefix, wild := strings.CutSuffix(q.Get("type"), "*")
		for _, e := range a.events {
			typ := e["type"].(string)
			if e["created"].(int64) > gt && (typ == prefix || wild && strings.HasPrefix(typ, prefix)) {
				all = append(all, e)
			}
		}
	default:
		w.WriteHeader(http.StatusNotFound)
		return
	}
	start := 0
	if after := q.Get("starting_after"); after != "" {
		start = slices.IndexFunc(all, func(o map[string]any) bool { return o["id"] == after }) + 1
	}
	end := min(start+limit, len(all))
	_ = json.NewEncoder(w).Encode(map[string]any{"object": "list", "url": r.URL.Path, "has_more": end < len(all), "data": all[start:end]})
}

func (a *stripeAPI) set(status map[string]string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, p := range a.payouts {
		if s, ok := status[p["id"].(string)]; ok {
			p["status"] = s
		}
	}
}

func bt(id, source string, net int64) map[string]any {
	return map[string]any{"id": id, "object": "balance_transaction", "amount": net + 59, "fee": 59, "net": net,
		"currency": "eur", "created": int64(1741000000), "available_on": int64(1741200000), "status": "available",
		"type": "charge", "source": source, "exchange_rate": nil}
}

// TestStripePayoutTransactionsArePulledWithTheirPayout: a poller reads each paid
// payout's balance transactions; each is stored as a balance_transaction naming its
// payout. A payout still in transit is read by a later poll, once paid.
func TestStripePayoutTransactionsArePulledWithTheirPayout(t *testing.T) {
	store, tenant, intake := openIntake(t)
	payout := func(id string, created int64, status string) map[string]any {
		return map[string]any{"id": id, "object": "payout", "amount": 1000, "currency": "eur", "created": created,
			"arrival_date": created + 86400, "automatic": true, "status": status}
	}
	api := &stripeAPI{
		payouts: []map[string]any{payout("po_3", 1741000300, "in_transit"), payout("po_2", 1741000200, "paid"), payout("po_1", 1741000100, "paid")},
		txns: map[string][]map[string]any{
			"po_1": {bt("txn_1a", "ch_1a", 941), bt("txn_1b", "ch_1b", 941), bt("txn_1c", "ch_1c", 941)},
			"po_2": {bt("txn_2a", "ch_2a", 1941)},
			"po_3": {bt("txn_3a", "ch_3a", 441)},
		},
	}
	srv := httptest.NewServer(api)
	defer srv.Close()
	poller := &pull.Poller{
		Name: "stripe-payout-transactions", Tenant: tenant, System: "stripe", Type: "balance_transaction",
		Pager: pull.StripePayoutTransactions{BaseURL: srv.URL, Key: "rk_test_payouts", Limit: 2},
		Store: store, Intake: intake, MinInterval: time.Millisecond, BaseBackoff: time.Millisecond,
	}
	ctx := context.Background()
	st, err := poller.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents.Accepted != 4 {
		t.Fatalf("first poll: %+v, want the 4 transactions of the two paid payouts", st)
	}
	payoutOf := func(txn string) string {
		t.Helper()
		d, err := store.Document(ctx, ontology.DocKey{Tenant: tenant, System: "stripe", Type: "balance_transaction", ExternalID: txn})
		if err != nil || d == nil {
			t.Fatalf("%s: %+v, %v", txn, d, err)
		}
		var doc ontology.Document // the mapped document, as stored
		if err := json.Unmarshal([]byte(d.Canonical), &doc); err != nil {
			t.Fatalf("%s: canonical form: %v", txn, err)
		}
		for _, r := range doc.Refs {
			if r.Kind == "payout" {
				return r.Value
			}
		}
		return ""
	}
	for txn, want := range map[string]string{"txn_1a": "po_1", "txn_1c": "po_1", "txn_2a": "po_2"} {
		if got := payoutOf(txn); got != want {
			t.Errorf("%s names payout %q, want %q", txn, got, want)
		}
	}
	// po_3 lands; the next poll lists it (and nothing older) and reads its transaction.
	api.set(map[string]string{"po_3": "paid"})
	st, err = poller.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents.Accepted != 1 || st.Documents.Duplicates != 0 || payoutOf("txn_3a") != "po_3" {
		t.Fatalf("second poll: %+v, txn_3a names %q", st, payoutOf("txn_3a"))
	}
}

// A payout's life after it was created (paid, then failed days later, as Stripe allows)
// reaches Seam through a poll of its events: each Event is stored as a version of the
// payout, ordered by the Event's created, so the payout ends failed (cancelled).
func TestStripePayoutEventsFollowAPayoutThatFailsAfterPaying(t *testing.T) {
	store, tenant, intake := openIntake(t)
	event := func(id, typ string, created int64, status string) map[string]any {
		return map[string]any{"id": id, "object": "event", "type": typ, "created": created, "api_version": "2024-06-20",
			"data": map[string]any{"object": map[string]any{"id": "po_9", "object": "payout", "amount": 5200, "currency": "eur",
				"created": int64(1741000000), "arrival_date": int64(1741086400), "automatic": true, "status": status}}}
	}
	other := event("evt_x", "payout.other_object", 1741086400, "")
	other["data"] = map[string]any{"object": map[string]any{"id": "tr_1", "object": "transfer"}}
	api := &stripeAPI{events: []map[string]any{
		event("evt_2", "payout.paid", 1741086500, "paid"),
		other, // wraps a transfer: not a payout, skipped
		event("evt_c", "charge.succeeded", 1741000050, "succeeded"), // not asked for
		event("evt_1", "payout.created", 1741000000, "pending"),
	}}
	srv := httptest.NewServer(api)
	defer srv.Close()
	poller := &pull.Poller{
		Name: "stripe-payout-events", Tenant: tenant, System: "stripe", Type: "payout",
		Pager: pull.StripeList{BaseURL: srv.URL, Key: "rk_test_payouts", Resource: "events", EventType: "payout.*", Object: "payout", Limit: 1},
		Store: store, Intake: intake, MinInterval: time.Millisecond, BaseBackoff: time.Millisecond,
	}
	ctx := context.Background()
	status := func() (string, ontology.Verb) {
		t.Helper()
		d, err := store.Document(ctx, ontology.DocKey{Tenant: tenant, System: "stripe", Type: "payout", ExternalID: "po_9"})
		if err != nil || d == nil {
			t.Fatalf("po_9: %+v, %v", d, err)
		}
		var doc ontology.Document
		if err := json.Unmarshal([]byte(d.Canonical), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Status, doc.Verb
	}
	st, err := poller.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: payout.paid is stored, then payout.created is older than it (stale),
	// never a step back to pending.
	if st.Documents.Accepted != 1 || st.Documents.Stale != 1 {
		t.Fatalf("first poll: %+v, want the payout stored once and its older event stale", st)
	}
	if s, v := status(); s != "paid" || v != ontology.VerbSettled {
		t.Fatalf("after payout.paid: %s / %s", s, v)
	}
	// Three days later the bank returns it.
	api.mu.Lock()
	api.events = append([]map[string]any{event("evt_3", "payout.failed", 1741345700, "failed")}, api.events...)
	api.mu.Unlock()
	if _, err := poller.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if s, v := status(); s != "failed" || v != ontology.VerbCancelled {
		t.Fatalf("after payout.failed: %s / %s, want failed / cancelled", s, v)
	}
}
