package neo4jstore_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestPendingTenantsSeeksEachTenant: the sweep that finds tenants with work lists every
// tenant with pending documents, and each step of it costs a seek, not a read of every
// pending document (a bulk import's backlog made the old DISTINCT take seconds).
func TestPendingTenantsSeeksEachTenant(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	big := pendingBacklog(t, s, 600)
	small := pendingBacklog(t, s, 1)
	got, err := s.PendingTenants(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{big, small} {
		if !slices.Contains(got, want) {
			t.Errorf("PendingTenants = %v, missing %s", got, want)
		}
	}
	if len(got) != len(slices.Compact(slices.Sorted(slices.Values(got)))) {
		t.Errorf("PendingTenants lists a tenant twice: %v", got)
	}
	// The step that lands on the big tenant: one index entry and its value, whatever
	// the 600 documents behind it.
	before := big[:len(big)-1]
	ops, hits, err := neo4jstore.NextPendingTenantPlan(ctx, s, before)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a step: %d database hits, plan %v", hits, ops)
	for _, op := range ops {
		if strings.Contains(op, "Sort") || strings.Contains(op, "Top") || strings.Contains(op, "Scan") {
			t.Errorf("a step of the tenant scan reads the queue (%s): %v", op, ops)
		}
	}
	if hits > 20 {
		t.Errorf("a step of the tenant scan took %d database hits over a tenant of 600 pending (plan %v)", hits, ops)
	}
}
