package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// orderEvent is what the order document says of itself and its event.
type orderEvent struct {
	Document *struct {
		Pending bool
		Event   *struct {
			ID        string
			Movements []struct{ ID, Bucket, Qty, Reason string }
		}
	}
}

// waitOrder polls the Shopify order until it is resolved and check passes.
func waitOrder(t *testing.T, base, tenant string, check func(orderEvent) bool) orderEvent {
	t.Helper()
	deadline := time.Now().Add(settle)
	for {
		var o orderEvent
		r := graphQL(t, base, tenant, `{ document(system: "shopify", type: "order", externalId: "9820193847261123") {
		  pending event { id movements { id bucket qty reason } } } }`, nil, &o)
		if len(r.Errors) > 0 {
			t.Fatalf("document query: %+v", r.Errors)
		}
		if o.Document != nil && !o.Document.Pending && o.Document.Event != nil && check(o) {
			return o
		}
		if time.Now().After(deadline) {
			t.Fatalf("the order did not reach the expected state within %s: %+v", settle, o.Document)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestOrderConsumesItsReservation: a channel reserves for order #1047; when the order's
// webhook arrives it takes the reservation over, so the goods are held once, not twice;
// when the order is cancelled, they are released.
func TestOrderConsumesItsReservation(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{
		{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"},
		{Tenant: tenant, System: "shipbob", Code: "1", Location: "WH-NL1"},
	}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	receiveAt(t, s.App, tenant, "TEA-OOL-250G", 10)

	var a reserveAnswer
	r := graphQLAs(t, base, mintKey(t, tenant, "partner", "--systems", "shopify"), `mutation {
	  reserve(sku: "tea-ool-250g", location: "WH-NL1", qty: "2", idempotencyKey: "checkout-c1f0", orderRef: "#1047") {
	    ok reservation { id status } } }`, nil, &a)
	if len(r.Errors) > 0 || !a.Reserve.OK {
		t.Fatalf("reserve = %+v, %+v", a, r.Errors)
	}
	id := a.Reserve.Reservation.ID
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].Reserved == "2" && rs[0].Available == "8"
	})

	body := []byte(shopifyOrder)
	if code, res := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "o-1")); code != http.StatusOK {
		t.Fatalf("order webhook: %d %+v", code, res)
	}
	o := waitOrder(t, base, tenant, func(orderEvent) bool { return true })
	held := false
	for _, m := range o.Document.Event.Movements {
		held = held || m.ID == "rsv:"+id+":hold"
	}
	if !held || len(o.Document.Event.Movements) != 1 {
		t.Fatalf("the order's event holds %+v; want the reservation's hold and nothing more", o.Document.Event.Movements)
	}
	var got struct {
		Reservation struct{ Status, ConsumedBy string }
	}
	graphQL(t, base, tenant, `query($id: ID!) { reservation(id: $id) { status consumedBy } }`, map[string]any{"id": id}, &got)
	if got.Reservation.Status != "CONSUMED" || got.Reservation.ConsumedBy != "shopify/order/9820193847261123" {
		t.Fatalf("reservation after the order = %+v", got)
	}
	rows := waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 })
	if rows[0].Reserved != "2" || rows[0].Available != "8" {
		t.Fatalf("stock after the order = %+v; want 2 reserved once", rows)
	}

	cancelled := []byte(strings.Replace(shopifyOrder, `"financial_status": "paid",`,
		`"financial_status": "voided", "cancelled_at": "2025-03-04T11:00:00+08:00", "updated_at": "2025-03-04T11:00:00+08:00",`, 1))
	if code, res := postWebhook(t, base, tenant, "shopify", cancelled, signedShopify(cancelled, "o-2")); code != http.StatusOK {
		t.Fatalf("cancel webhook: %d %+v", code, res)
	}
	rows = waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Reserved == "0" })
	if rows[0].Available != "10" || rows[0].OnHand != "10" {
		t.Fatalf("stock after the cancellation = %+v", rows)
	}
	var out bytes.Buffer
	if err := runCache(context.Background(), cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}
}

// TestOrderWithoutTheReservedGoodsGivesTheHoldBack: the channel's order under the number
// a reservation was made for takes it over even when it carries none of the reserved
// product (the buyer took it out of the cart): the order is what was sold, so the hold
// goes back at once instead of waiting out its time (72 hours once committed), and what
// the order does carry is held once.
func TestOrderWithoutTheReservedGoodsGivesTheHoldBack(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.Locations = []resolver.LocationAlias{
		{Tenant: tenant, System: "shopify", Code: "online", Location: "WH-NL1"},
		{Tenant: tenant, System: "shipbob", Code: "1", Location: "WH-NL1"},
	}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	receiveAt(t, s.App, tenant, "TEA-OOL-250G", 10)
	receiveAt(t, s.App, tenant, "MUG", 5)

	var a reserveAnswer
	r := graphQLAs(t, base, mintKey(t, tenant, "partner", "--systems", "shopify"), `mutation {
	  reserve(sku: "MUG", location: "WH-NL1", qty: "2", idempotencyKey: "checkout-mug", orderRef: "#1047") {
	    ok reservation { id status } } }`, nil, &a)
	if len(r.Errors) > 0 || !a.Reserve.OK {
		t.Fatalf("reserve = %+v, %+v", a, r.Errors)
	}
	if _, err := s.App.reservations.Commit(context.Background(), tenant, a.Reserve.Reservation.ID); err != nil {
		t.Fatal(err)
	}
	body := []byte(shopifyOrder) // order #1047: tea, no mug
	if code, res := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "o-1")); code != http.StatusOK {
		t.Fatalf("order webhook: %d %+v", code, res)
	}
	waitOrder(t, base, tenant, func(orderEvent) bool { return true })
	mug := waitStock(t, base, tenant, "MUG", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Reserved == "0" })
	if mug[0].Available != "5" {
		t.Fatalf("mug after the order = %+v; want the hold given back", mug)
	}
	tea := waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 })
	if tea[0].Reserved != "2" || tea[0].Available != "8" {
		t.Fatalf("tea after the order = %+v; want the order's 2 held once", tea)
	}
	var got struct{ Reservation struct{ Status string } }
	graphQL(t, base, tenant, `query($id: ID!) { reservation(id: $id) { status } }`, map[string]any{"id": a.Reserve.Reservation.ID}, &got)
	if got.Reservation.Status != "CONSUMED" {
		t.Fatalf("the reservation after the order is %s; want CONSUMED", got.Reservation.Status)
	}
	var out bytes.Buffer
	if err := runCache(context.Background(), cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}
}
