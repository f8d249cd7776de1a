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

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

const reserveMutation = `mutation($sku: String!, $qty: Decimal!, $key: String!, $ref: String) {
  reserve(sku: $sku, location: "shipbob:1", qty: $qty, idempotencyKey: $key, ttlSeconds: 600, orderRef: $ref) {
    ok replayed available reservation { id expiresAt status qty orderRef }
  }
}`

type reserveAnswer struct {
	Reserve struct {
		OK          bool
		Replayed    bool
		Available   string
		Reservation *struct {
			ID, Status, Qty string
			ExpiresAt       time.Time
			OrderRef        *string
		}
	}
}

// reserveVars are the variables of reserveMutation.
func reserveVars(sku, qty, key string) map[string]any {
	return map[string]any{"sku": sku, "qty": qty, "key": key}
}

// TestReserveOverGraphQLNeverOversells is the acceptance test of reservations: 200
// requests for one unit each, at 50 available, from 20 clients with their own
// connections, all at once: exactly 50 succeed, a replayed key reserves nothing more, and
// the GraphQL stock rows, the reservations and the ledger agree afterwards.
func TestReserveOverGraphQLNeverOversells(t *testing.T) {
	cfg := testConfig(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "CUP", 50)
	key := mintKey(t, tenant, "partner", "--systems", "shopify")

	const clients, perClient = 20, 10
	answers := make([]reserveAnswer, clients*perClient)
	errs := make([]error, clients*perClient)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for c := range clients {
		// Each client its own transport: its own TCP connections to the server.
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: perClient}, Timeout: 30 * time.Second}
		defer client.CloseIdleConnections()
		for j := range perClient {
			i := c*perClient + j
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				// Any spelling of the SKU reserves the product.
				r, status, err := askGraphQL(client, base, key, nil, reserveMutation,
					reserveVars("cup", "1", fmt.Sprintf("cart-%03d", i)), &answers[i])
				if err == nil && (status != http.StatusOK || len(r.Errors) > 0) {
					err = fmt.Errorf("HTTP %d: %+v", status, r.Errors)
				}
				errs[i] = err
			}()
		}
	}
	close(start)
	wg.Wait()
	var ok []string
	for i, a := range answers {
		if errs[i] != nil {
			t.Fatalf("request %d: %v", i, errs[i])
		}
		switch r := a.Reserve; {
		case r.OK && r.Reservation != nil && r.Reservation.Status == "ACTIVE" && !r.Replayed:
			ok = append(ok, fmt.Sprintf("cart-%03d", i))
			if r.Reservation.Qty != "1" || time.Until(r.Reservation.ExpiresAt) < 9*time.Minute {
				t.Errorf("request %d: reservation %+v", i, *r.Reservation)
			}
		case !r.OK && r.Reservation == nil && r.Available == "0":
		default:
			t.Errorf("request %d answered %+v", i, r)
		}
	}
	if len(ok) != 50 {
		t.Fatalf("%d of 200 reservations succeeded at 50 available; want exactly 50", len(ok))
	}

	// A replayed key answers its reservation and holds nothing more.
	var again reserveAnswer
	if r := graphQLAs(t, base, key, reserveMutation, reserveVars("CUP", "1", ok[7]), &again); len(r.Errors) > 0 ||
		!again.Reserve.OK || !again.Reserve.Replayed || again.Reserve.Available != "0" {
		t.Fatalf("replay = %+v, %+v", again, r.Errors)
	}

	rows := waitStock(t, base, tenant, "CUP", func(rs []stockRow) bool { return len(rs) == 1 })
	if r := rows[0]; r.OnHand != "50" || r.Reserved != "50" || r.Available != "0" {
		t.Fatalf("stock after the rush = %+v; want 50 on hand, 50 reserved", r)
	}
	ctx := context.Background()
	live, err := s.App.store.LiveReservations(ctx, tenant)
	if err != nil || len(live) != 50 {
		t.Fatalf("the ledger holds %d live reservations (%v); want 50", len(live), err)
	}
	totals, err := s.App.store.Totals(ctx, tenant)
	if err != nil || len(totals) != 1 || totals[0].Reserved != ontology.Units(50) || totals[0].OnHand != ontology.Units(50) {
		t.Fatalf("ledger totals = %+v, %v", totals, err)
	}
	var out bytes.Buffer
	if err := runCache(ctx, cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil ||
		!strings.Contains(out.String(), "cache equals the ledger") {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}
}

// graphQLAs asks with a given key and fails the test on a transport error.
func graphQLAs(t *testing.T, base, key, query string, vars map[string]any, out any) gqlResponse {
	t.Helper()
	r, _ := graphQLWith(t, base, key, nil, query, vars, out)
	return r
}

// code is the extensions.code of an answer's first error.
func code(r gqlResponse) string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// TestReservationMutationsOverGraphQL: commit and release change what is available;
// mistakes and refusals carry codes a channel can act on; only partner and admin keys
// reserve.
func TestReservationMutationsOverGraphQL(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "MUG", 5)
	partner := mintKey(t, tenant, "partner", "--systems", "shopify")

	var a reserveAnswer
	vars := reserveVars("mug", "3", "checkout-1")
	vars["ref"] = "#1047"
	if r := graphQLAs(t, base, partner, reserveMutation, vars, &a); len(r.Errors) > 0 || !a.Reserve.OK ||
		a.Reserve.Available != "2" || a.Reserve.Reservation.OrderRef == nil || *a.Reserve.Reservation.OrderRef != "1047" {
		t.Fatalf("reserve = %+v, %+v", a, r.Errors)
	}
	id := a.Reserve.Reservation.ID
	if id != inventory.ReservationID(tenant, "checkout-1") {
		t.Fatalf("id %s is not the key's", id)
	}
	refused := reserveAnswer{}
	if r := graphQLAs(t, base, partner, reserveMutation, reserveVars("MUG", "3", "checkout-2"), &refused); len(r.Errors) > 0 ||
		refused.Reserve.OK || refused.Reserve.Available != "2" {
		t.Fatalf("over-reserve = %+v, %+v", refused, r.Errors)
	}

	for _, c := range []struct {
		name, key string
		vars      map[string]any
		code      string
	}{
		{"quantity not positive", partner, reserveVars("MUG", "0", "k0"), "BAD_USER_INPUT"},
		{"empty idempotency key", partner, reserveVars("MUG", "1", ""), "BAD_USER_INPUT"},
		{"blank idempotency key", partner, reserveVars("MUG", "1", " \t "), "BAD_USER_INPUT"},
		{"key reused with other terms", partner, reserveVars("MUG", "1", "checkout-1"), "CONFLICT"},
		{"a reader may not reserve", mintKey(t, tenant, "reader"), reserveVars("MUG", "1", "k1"), "FORBIDDEN"},
		{"finance may not reserve", mintKey(t, tenant, "finance"), reserveVars("MUG", "1", "k2"), "FORBIDDEN"},
	} {
		if r := graphQLAs(t, base, c.key, reserveMutation, c.vars, nil); code(r) != c.code {
			t.Errorf("%s: answered %+v; want %s", c.name, r.Errors, c.code)
		}
	}
	if r := graphQLAs(t, base, partner, `mutation { reserve(sku: "MUG", location: "shipbob:1", qty: "1", idempotencyKey: "k3", ttlSeconds: -5) { ok } }`, nil, nil); code(r) != "BAD_USER_INPUT" {
		t.Errorf("negative ttl answered %+v", r.Errors)
	}

	const commit = `mutation($id: ID!) { commitReservation(id: $id) { id status } }`
	const release = `mutation($id: ID!) { releaseReservation(id: $id) { id status endedAt } }`
	var cm struct{ CommitReservation struct{ ID, Status string } }
	if r := graphQLAs(t, base, partner, commit, map[string]any{"id": id}, &cm); len(r.Errors) > 0 || cm.CommitReservation.Status != "COMMITTED" {
		t.Fatalf("commit = %+v, %+v", cm, r.Errors)
	}
	if r := graphQLAs(t, base, partner, release, map[string]any{"id": "rsv_nosuch"}, nil); code(r) != "NOT_FOUND" {
		t.Errorf("release of an unknown id answered %+v", r.Errors)
	}
	// Another tenant's admin does not find it either.
	if r := graphQL(t, base, neo4jtest.Tenant(t), release, map[string]any{"id": id}, nil); code(r) != "NOT_FOUND" {
		t.Errorf("another tenant's release answered %+v", r.Errors)
	}
	var rl struct {
		ReleaseReservation struct {
			ID, Status string
			EndedAt    *time.Time
		}
	}
	if r := graphQL(t, base, tenant, release, map[string]any{"id": id}, &rl); len(r.Errors) > 0 ||
		rl.ReleaseReservation.Status != "RELEASED" || rl.ReleaseReservation.EndedAt == nil {
		t.Fatalf("release by admin = %+v, %+v", rl, r.Errors)
	}
	if r := graphQLAs(t, base, partner, commit, map[string]any{"id": id}, nil); code(r) != "CONFLICT" {
		t.Errorf("commit after release answered %+v", r.Errors)
	}
	var got struct{ Reservation *struct{ Status string } }
	if r := graphQL(t, base, tenant, `query($id: ID!) { reservation(id: $id) { status } }`, map[string]any{"id": id}, &got); len(r.Errors) > 0 ||
		got.Reservation == nil || got.Reservation.Status != "RELEASED" {
		t.Fatalf("reservation = %+v, %+v", got, r.Errors)
	}
	rows := waitStock(t, base, tenant, "MUG", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Reserved == "0" })
	if rows[0].Available != "5" {
		t.Fatalf("stock after release = %+v", rows)
	}
}

// A partner key acts on its own channel's reservations only: another system's partner
// can neither read nor commit nor release a Shopify checkout's hold by its id (ids derive
// from idempotency keys, which orders show), and is told of none; the Shopify partner
// and an admin can.
func TestPartnersActOnTheirOwnChannelsReservations(t *testing.T) {
	cfg := testConfig(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "CUP", 10)
	shopify := mintKey(t, tenant, "partner", "--systems", "shopify")
	woo := mintKey(t, tenant, "partner", "--systems", "woocommerce")

	var a reserveAnswer
	if r := graphQLAs(t, base, shopify, reserveMutation, reserveVars("CUP", "2", "checkout-own"), &a); len(r.Errors) > 0 || !a.Reserve.OK {
		t.Fatalf("reserve = %+v, %+v", a, r.Errors)
	}
	id := a.Reserve.Reservation.ID
	var seen struct{ Reservation *struct{ ID, Status string } }
	if r := graphQLAs(t, base, woo, `query($id: ID!) { reservation(id: $id) { id status } }`, map[string]any{"id": id}, &seen); len(r.Errors) > 0 || seen.Reservation != nil {
		t.Fatalf("another channel's partner read %+v, %+v; want null", seen.Reservation, r.Errors)
	}
	for _, m := range []string{"commitReservation", "releaseReservation"} {
		r := graphQLAs(t, base, woo, `mutation($id: ID!) { `+m+`(id: $id) { id status } }`, map[string]any{"id": id}, nil)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "NOT_FOUND" {
			t.Fatalf("%s by another channel's partner: %+v; want NOT_FOUND", m, r.Errors)
		}
	}
	var still struct{ Reservation *struct{ ID, Status string } }
	if r := graphQLAs(t, base, shopify, `query($id: ID!) { reservation(id: $id) { id status } }`, map[string]any{"id": id}, &still); len(r.Errors) > 0 || still.Reservation == nil || still.Reservation.Status != "ACTIVE" {
		t.Fatalf("the reserving partner reads %+v, %+v; want it active", still.Reservation, r.Errors)
	}
	var done struct{ CommitReservation struct{ Status string } }
	if r := graphQLAs(t, base, shopify, `mutation($id: ID!) { commitReservation(id: $id) { status } }`, map[string]any{"id": id}, &done); len(r.Errors) > 0 || done.CommitReservation.Status != "COMMITTED" {
		t.Fatalf("the reserving partner's commit = %+v, %+v", done, r.Errors)
	}
}

// A quantity or time that does not parse is the caller's mistake: BAD_USER_INPUT with a
// message naming the argument and the value, never INTERNAL; an integer JSON number in
// the variables is a quantity like its string.
func TestBadScalarsAreTheCallersMistake(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "MUG", 5)
	partner := mintKey(t, tenant, "partner", "--systems", "shopify")

	for _, c := range []struct {
		name, query string
		vars        map[string]any
		want        []string // in the message
	}{
		{"letters", `mutation { reserve(sku: "MUG", location: "shipbob:1", qty: "abc", idempotencyKey: "b1") { ok } }`, nil, []string{"qty", "abc"}},
		{"out of range", `mutation { reserve(sku: "MUG", location: "shipbob:1", qty: "99999999999999999999999", idempotencyKey: "b2") { ok } }`, nil, []string{"qty", "99999999999999999999999"}},
		{"fractional JSON number", reserveMutation, map[string]any{"sku": "MUG", "qty": 1.5, "key": "b3"}, []string{"qty", "1.5"}},
		{"object", reserveMutation, map[string]any{"sku": "MUG", "qty": map[string]any{"a": 1}, "key": "b4"}, []string{"qty"}},
		{"count", `mutation { recordCount(sku: "MUG", location: "shipbob:1", counted: "x", countedBy: "t") { difference } }`, nil, []string{"counted", `"x"`}},
		{"transfer", `mutation { createTransfer(alert: "al_x", qty: "abc") { event { id } } }`, nil, []string{"qty", "abc"}},
		{"time", `query { stockAccuracy(location: "shipbob:1", since: "yesterday") { __typename } }`, nil, []string{"since", "yesterday"}},
	} {
		var r gqlResponse
		if strings.HasPrefix(c.query, "mutation { reserve") || c.vars != nil {
			r = graphQLAs(t, base, partner, c.query, c.vars, nil)
		} else {
			r = graphQL(t, base, tenant, c.query, c.vars, nil)
		}
		if code(r) != "BAD_USER_INPUT" {
			t.Errorf("%s: answered %+v; want BAD_USER_INPUT", c.name, r.Errors)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(r.Errors[0].Message, w) {
				t.Errorf("%s: message %q does not name %q", c.name, r.Errors[0].Message, w)
			}
		}
	}

	var a reserveAnswer
	if r := graphQLAs(t, base, partner, reserveMutation, map[string]any{"sku": "MUG", "qty": 2, "key": "n1"}, &a); len(r.Errors) > 0 ||
		!a.Reserve.OK || a.Reserve.Reservation.Qty != "2" || a.Reserve.Available != "3" {
		t.Fatalf("reserve with the integer 2 = %+v, %+v", a, r.Errors)
	}
}

// A stock row's available is what reserve would grant: the safety hold is left out of it
// as reserve leaves it out (10 on hand, 3 held back: 7 available, and reserving 8 is
// refused with 7 available).
func TestStockRowLeavesTheSafetyHoldOut(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	cfg.SafetyHolds = inventory.HoldTable{tenant: {{SKU: "JAR", Location: "shipbob:1", Qty: ontology.Units(3)}}}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	receiveAt(t, s.App, tenant, "JAR", 10)
	partner := mintKey(t, tenant, "partner", "--systems", "shopify")

	waitStock(t, base, tenant, "JAR", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].OnHand == "10" && rs[0].Available == "7"
	})
	var a reserveAnswer
	if r := graphQLAs(t, base, partner, reserveMutation, reserveVars("JAR", "8", "h1"), &a); len(r.Errors) > 0 ||
		a.Reserve.OK || a.Reserve.Available != "7" {
		t.Fatalf("reserve 8 = %+v, %+v", a, r.Errors)
	}
	if r := graphQLAs(t, base, partner, reserveMutation, reserveVars("JAR", "7", "h2"), &a); len(r.Errors) > 0 ||
		!a.Reserve.OK || a.Reserve.Available != "0" {
		t.Fatalf("reserve 7 = %+v, %+v", a, r.Errors)
	}
	waitStock(t, base, tenant, "JAR", func(rs []stockRow) bool {
		return len(rs) == 1 && rs[0].Reserved == "7" && rs[0].Available == "0"
	})
}
