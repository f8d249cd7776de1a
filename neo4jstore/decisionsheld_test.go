package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestDecisionReadsSkippedWhileNoneHeld: the statement that takes a tenant's lock says
// whether the tenant holds parties kept apart and decisions on documents; a batch of a
// tenant without them reads neither (a round trip each on every live webhook's path),
// and once one is written, in an earlier transaction or earlier in the same one, it is
// read and enforced.
func TestDecisionReadsSkippedWhileNoneHeld(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	docA, docB := tenant+"/shopify/order/1", tenant+"/shopify/order/2"

	// reads takes the lock with a statement of its own (EventOf), then reads the two
	// kinds of decision, and says how many statements the transaction sent in all.
	reads := func(before *resolver.Changes) (int, [][2]string, map[string]map[string]bool) {
		t.Helper()
		var apart [][2]string
		var rejected map[string]map[string]bool
		n, err := neo4jstore.WithCountedTenantLock(ctx, s, tenant, func(ctx context.Context, tx resolver.Tx) error {
			if _, err := tx.EventOf(ctx, docA); err != nil {
				return err
			}
			if before != nil {
				if err := tx.Apply(ctx, before); err != nil {
					return err
				}
			}
			var err error
			if apart, _, err = tx.PartyApart(ctx); err != nil {
				return err
			}
			rejected, err = tx.Rejections(ctx, []string{docA, docB})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n, apart, rejected
	}

	// No decisions: the lock's statement and EventOf, nothing else.
	if n, apart, rejected := reads(nil); n != 2 || len(apart) != 0 || len(rejected) != 0 {
		t.Fatalf("a tenant without decisions: %d statements (want 2), apart %v, rejected %v", n, apart, rejected)
	}

	// A pair kept apart written in this transaction is read back in it.
	keep := &resolver.Changes{Tenant: tenant, PartyDecisions: []resolver.PartyDecision{{A: "pt_a", B: "pt_b", Verdict: "apart", By: "test"}}}
	if _, apart, _ := reads(keep); len(apart) != 1 || apart[0] != [2]string{"pt_a", "pt_b"} {
		t.Fatalf("a pair kept apart earlier in the same transaction was not read: %v", apart)
	}
	// In the next transaction the lock's statement tells it is there: read, and the
	// documents' decisions, still none, are not.
	n, apart, rejected := reads(nil)
	if n != 3 || len(apart) != 1 || len(rejected) != 0 {
		t.Fatalf("with a pair kept apart: %d statements (want 3), apart %v, rejected %v", n, apart, rejected)
	}

	// A person's decision on two documents, written by a transaction of its own.
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		return tx.Apply(ctx, &resolver.Changes{Tenant: tenant, Decisions: []resolver.Decision{{A: docA, B: docB, Verdict: "different", By: "test"}}})
	}); err != nil {
		t.Fatal(err)
	}
	n, _, rejected = reads(nil)
	if n != 4 || !rejected[docA][docB] || !rejected[docB][docA] {
		t.Fatalf("with a decision on documents: %d statements (want 4), rejected %v", n, rejected)
	}
}
