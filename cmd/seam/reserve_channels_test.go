package main

import (
	"context"
	"strings"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

const reserveForChannel = `mutation($key: String!, $ref: String, $channel: String) {
  reserve(sku: "CUP", location: "shipbob:1", qty: "1", idempotencyKey: $key, orderRef: $ref, channel: $channel) {
    ok replayed reservation { id channel }
  }
}`

type channelAnswer struct {
	Reserve struct {
		OK, Replayed bool
		Reservation  *struct {
			ID      string
			Channel *string
		}
	}
}

// TestEveryKeysReservationHasItsChannel: a reservation made with a partner key for
// several systems is consumed by those systems' orders only, and is not a single-system
// key's to read; an admin may name the channel a reservation is for, and a partner key
// only one of its own systems. Without this, both were consumed by any channel's order
// naming their number (Shopify and WooCommerce both count orders from 1001).
func TestEveryKeysReservationHasItsChannel(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "CUP", 10)
	ctx := context.Background()
	multi := mintKey(t, tenant, "partner", "--systems", "woocommerce,shopify")
	shopify := mintKey(t, tenant, "partner", "--systems", "shopify")

	reserve := func(key, idem, ref, channel string) channelAnswer {
		t.Helper()
		vars := map[string]any{"key": idem, "ref": ref}
		if channel != "" {
			vars["channel"] = channel
		}
		var a channelAnswer
		if r := graphQLAs(t, base, key, reserveForChannel, vars, &a); len(r.Errors) > 0 || !a.Reserve.OK || a.Reserve.Reservation == nil {
			t.Fatalf("reserve %s = %+v, %+v", idem, a, r.Errors)
		}
		return a
	}
	channel := func(a channelAnswer) string {
		if a.Reserve.Reservation.Channel == nil {
			return ""
		}
		return *a.Reserve.Reservation.Channel
	}
	consumes := func(system, number, id string) bool {
		t.Helper()
		got, err := s.App.reservations.Consume(ctx, tenant, tenant+"/"+system+"/order/"+number, system, number, "#"+number)
		if err != nil {
			t.Fatalf("consume by %s order %s: %v", system, number, err)
		}
		return len(got) == 1 && got[0].ID == id
	}

	m := reserve(multi, "multi-1", "2001", "")
	if channel(m) != "shopify,woocommerce" {
		t.Fatalf("a two-system key's reservation is for %q; want both systems", channel(m))
	}
	var seen struct{ Reservation *struct{ ID string } }
	if r := graphQLAs(t, base, shopify, `query($id: ID!) { reservation(id: $id) { id } }`,
		map[string]any{"id": m.Reserve.Reservation.ID}, &seen); len(r.Errors) > 0 || seen.Reservation != nil {
		t.Fatalf("a Shopify-only key read the two-system key's reservation: %+v, %+v", seen.Reservation, r.Errors)
	}
	if consumes("square", "2001", m.Reserve.Reservation.ID) {
		t.Fatal("a Square order consumed the reservation of a key for Shopify and WooCommerce")
	}
	if !consumes("woocommerce", "2001", m.Reserve.Reservation.ID) {
		t.Fatal("a WooCommerce order did not consume the reservation of a key for Shopify and WooCommerce")
	}

	admin := adminKey(t, tenant)
	a := reserve(admin, "admin-1", "3001", "shopify")
	if channel(a) != "shopify" {
		t.Fatalf("an admin's reservation for shopify is for %q", channel(a))
	}
	if consumes("woocommerce", "3001", a.Reserve.Reservation.ID) {
		t.Fatal("a WooCommerce order consumed the reservation an admin made for Shopify")
	}
	if !consumes("shopify", "3001", a.Reserve.Reservation.ID) {
		t.Fatal("the Shopify order did not consume the reservation an admin made for Shopify")
	}
	if any := reserve(admin, "admin-2", "", ""); channel(any) != "" {
		t.Fatalf("an admin's reservation naming no channel is for %q; want any", channel(any))
	}
	if own := reserve(multi, "multi-2", "", "shopify"); channel(own) != "shopify" {
		t.Fatalf("a partner naming one of its systems reserved for %q", channel(own))
	}

	for _, c := range []struct{ name, key, channel, code string }{
		{"a partner names another system", shopify, "woocommerce", "FORBIDDEN"},
		{"two systems in one name", admin, "shopify,woocommerce", "BAD_USER_INPUT"},
	} {
		vars := map[string]any{"key": "bad-" + c.name, "channel": c.channel}
		if r := graphQLAs(t, base, c.key, reserveForChannel, vars, nil); code(r) != c.code {
			t.Errorf("%s: answered %+v; want %s", c.name, r.Errors, c.code)
		}
	}
}

// TestReplayingAnotherChannelsKeyTellsNothing: the same idempotency key answers the
// same reservation to its own channel and to an admin, but another channel's partner
// that sends it (keys such as order numbers repeat across channels) is told only that
// the key is taken: not the reservation's id, which its commit and release would need,
// nor what it holds.
func TestReplayingAnotherChannelsKeyTellsNothing(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "CUP", 10)
	shopify := mintKey(t, tenant, "partner", "--systems", "shopify")
	woo := mintKey(t, tenant, "partner", "--systems", "woocommerce")

	var first reserveAnswer
	if r := graphQLAs(t, base, shopify, reserveMutation, reserveVars("CUP", "2", "1001"), &first); len(r.Errors) > 0 || !first.Reserve.OK {
		t.Fatalf("reserve = %+v, %+v", first, r.Errors)
	}
	id := first.Reserve.Reservation.ID
	for _, qty := range []string{"2", "3"} { // the same terms, and other terms
		var a reserveAnswer
		r := graphQLAs(t, base, woo, reserveMutation, reserveVars("CUP", qty, "1001"), &a)
		if code(r) != "CONFLICT" || a.Reserve.Reservation != nil {
			t.Fatalf("another channel replaying the key (qty %s) = %+v, %+v; want CONFLICT", qty, a.Reserve, r.Errors)
		}
		if msg := r.Errors[0].Message; strings.Contains(msg, id) || strings.Contains(msg, "CUP") || strings.Contains(msg, "shipbob") {
			t.Fatalf("the refusal tells of the reservation: %q", msg)
		}
	}
	for name, key := range map[string]string{"its own channel": shopify, "an admin": adminKey(t, tenant)} {
		var a reserveAnswer
		if r := graphQLAs(t, base, key, reserveMutation, reserveVars("CUP", "2", "1001"), &a); len(r.Errors) > 0 ||
			!a.Reserve.OK || !a.Reserve.Replayed || a.Reserve.Reservation.ID != id {
			t.Fatalf("%s replaying the key = %+v, %+v; want the reservation", name, a.Reserve, r.Errors)
		}
	}
	// The refusals held nothing: 2 reserved, 8 available.
	rows := waitStock(t, base, tenant, "CUP", func(rs []stockRow) bool { return len(rs) == 1 })
	if rows[0].Reserved != "2" || rows[0].Available != "8" {
		t.Fatalf("stock = %+v; want the first reservation's 2 alone", rows)
	}
	if got, err := s.App.reservations.Reservation(context.Background(), tenant, id); err != nil ||
		got.Status != inventory.ReservationActive || got.Channel != "shopify" {
		t.Fatalf("the reservation after the refusals = %+v, %v; want Shopify's, active", got, err)
	}
}
