package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestReplayCorrectsTheOrderReference: a channel that reserved at checkout before it
// knew the order number, or with a wrong one, sends the same key again with the
// number; the live reservation moves to it, in the cache and in the ledger, so the
// order that arrives under it takes the hold over and an order under the old number
// does not. Before, the retry answered the first reservation under its first reference
// and the order reserved its goods a second time.
func TestReplayCorrectsTheOrderReference(t *testing.T) {
	cfg := testConfig(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "CUP", 10)
	ctx := context.Background()
	shopify := mintKey(t, tenant, "partner", "--systems", "shopify")

	reserve := func(idem, ref string) (id, orderRef string) {
		t.Helper()
		vars := reserveVars("CUP", "2", idem)
		if ref != "" {
			vars["ref"] = ref
		}
		var a reserveAnswer
		if r := graphQLAs(t, base, shopify, reserveMutation, vars, &a); len(r.Errors) > 0 || !a.Reserve.OK {
			t.Fatalf("reserve %s %s = %+v, %+v", idem, ref, a, r.Errors)
		}
		if a.Reserve.Reservation.OrderRef != nil {
			orderRef = *a.Reserve.Reservation.OrderRef
		}
		return a.Reserve.Reservation.ID, orderRef
	}
	consumes := func(number, id string) bool {
		t.Helper()
		got, err := s.App.reservations.Consume(ctx, tenant, tenant+"/shopify/order/"+number, "shopify", number, "#"+number)
		if err != nil {
			t.Fatalf("consume by order %s: %v", number, err)
		}
		return len(got) == 1 && got[0].ID == id
	}
	ledgerRef := func(id string) string {
		t.Helper()
		rec, err := s.App.store.ReservationRecord(ctx, tenant, id)
		if err != nil || rec == nil {
			t.Fatalf("ledger of %s = %+v, %v", id, rec, err)
		}
		return rec.OrderRef
	}

	// Known later: no number at checkout, the number on the retry.
	late, _ := reserve("checkout-late", "")
	if id, ref := reserve("checkout-late", "#1050"); id != late || ref != "1050" {
		t.Fatalf("the retry with the number answered %s under %q; want %s under 1050", id, ref, late)
	}
	if got := ledgerRef(late); got != "1050" {
		t.Fatalf("the ledger keeps %q as the order number; want 1050", got)
	}
	// A retry without the number leaves it.
	if _, ref := reserve("checkout-late", ""); ref != "1050" {
		t.Fatalf("a retry naming no number changed it to %q", ref)
	}

	// Corrected: the wrong number first, the right one on the retry.
	wrong, _ := reserve("checkout-wrong", "1060")
	if _, ref := reserve("checkout-wrong", "1061"); ref != "1061" {
		t.Fatalf("the corrected number reads %q; want 1061", ref)
	}
	if got := ledgerRef(wrong); got != "1061" {
		t.Fatalf("the ledger keeps %q; want the corrected 1061", got)
	}
	var out bytes.Buffer
	if err := runCache(ctx, cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil ||
		!strings.Contains(out.String(), "cache equals the ledger") {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}

	if consumes("1060", wrong) {
		t.Fatal("the order under the old number took the corrected reservation")
	}
	if !consumes("1061", wrong) || !consumes("1050", late) {
		t.Fatal("the orders under the numbers the retries gave did not take their reservations")
	}
	// An ended reservation keeps the number it ended under.
	if _, ref := reserve("checkout-wrong", "1062"); ref != "1061" {
		t.Fatalf("a retry after the order came moved the reservation to %q", ref)
	}
}
