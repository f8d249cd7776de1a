package resolver_test

import (
	"errors"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestDecisionsNeverCrossTenants: event ids are global hashes, so a person of tenant A
// may learn or guess one of tenant B's. Confirming or rejecting with it must find
// nothing, and leave B's event and stock as they were.
func TestDecisionsNeverCrossTenants(t *testing.T) {
	a, b := newFixture(t), newFixture(t)
	mine := a.doc("square", "order", "p1", ontology.RolePOS, ontology.VerbPaid, t0, "L2K8", nil, line("LATTE", 1))
	a.save(mine)
	a.process()
	theirs := b.doc("meituan", "order", "1", ontology.RoleOrder, ontology.VerbDelivered, t0.Add(25*time.Minute), "SH-PD-003", nil, line("LATTE", 1))
	b.save(theirs)
	b.process()
	other := b.eventOf("meituan", "order", "1")
	before := b.stock()

	if _, err := a.m.Confirm(a.ctx, a.tenant, mine.Key, other, "mallory"); !errors.Is(err, resolver.ErrNotFound) {
		t.Fatalf("confirming into another tenant's event: %v, want not found", err)
	}
	if _, err := a.m.Reject(a.ctx, a.tenant, mine.Key, other, "mallory"); !errors.Is(err, resolver.ErrNotFound) {
		t.Fatalf("rejecting from another tenant's event: %v, want not found", err)
	}
	// B's document named under A's tenant is no document of A's.
	spoofed := theirs.Key
	spoofed.Tenant = a.tenant
	if _, err := a.m.Reject(a.ctx, a.tenant, spoofed, other, "mallory"); !errors.Is(err, resolver.ErrNotFound) {
		t.Fatalf("rejecting B's document under A: %v, want not found", err)
	}
	if ev := b.eventOf("meituan", "order", "1"); ev != other {
		t.Fatalf("B's document moved from %s to %s", other, ev)
	}
	after := b.stock()
	if len(after) != len(before) || after["LATTE@STORE-SH-01/onHand"] != before["LATTE@STORE-SH-01/onHand"] {
		t.Fatalf("B's stock changed: %v -> %v", before, after)
	}
	if ev := a.eventOf("square", "order", "p1"); ev == other || ev == "" {
		t.Fatalf("A's document is in %q", ev)
	}
}
