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
	got, err := s.PendingTenants(ctx, "")
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
	seeks(t, s, "", before)
}

// seeks checks that the step of the tenant scan from from, after after, is a seek of
// the index: no sort, no scan, a few database hits whatever the queue behind.
func seeks(t *testing.T, s *neo4jstore.Store, from, after string) {
	t.Helper()
	ops, hits, err := neo4jstore.NextPendingTenantPlan(context.Background(), s, from, after)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a step from %q after %q: %d database hits, plan %v", from, after, hits, ops)
	for _, op := range ops {
		if strings.Contains(op, "Sort") || strings.Contains(op, "Top") || strings.Contains(op, "Scan") {
			t.Errorf("a step of the tenant scan reads the queue (%s): %v", op, ops)
		}
	}
	if hits > 20 {
		t.Errorf("a step of the tenant scan took %d database hits (plan %v)", hits, ops)
	}
}

// TestPendingTenantsOfAPrefix: a sweep for the tenants of one prefix lists those with
// work, the tenant named the prefix itself among them, and no other's; its steps are
// seeks as the full list's are.
func TestPendingTenantsOfAPrefix(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	mine := []string{pendingBacklog(t, s, 3), pendingBacklog(t, s, 1)}
	// Another process's tenant, just before and just after the prefix in the index.
	prefix := neo4jtest.TenantPrefix(t) + "-"
	others := []string{pendingBacklogOf(t, s, prefix[:len(prefix)-1]+",x", 1), pendingBacklogOf(t, s, prefix[:len(prefix)-1]+".x", 1)}
	all, err := s.PendingTenants(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range append(slices.Clone(mine), others...) {
		if !slices.Contains(all, want) {
			t.Errorf("PendingTenants(\"\") lists %d tenants, not %s", len(all), want)
		}
	}
	got, err := s.PendingTenants(ctx, prefix)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if want := slices.Sorted(slices.Values(mine)); !slices.Equal(got, want) {
		t.Errorf("PendingTenants(%q) = %v, want %v", prefix, got, want)
	}
	// A server whose prefix is one whole tenant's name (seam bench stock's) finds it.
	if got, err := s.PendingTenants(ctx, mine[1]); err != nil || !slices.Equal(got, mine[1:]) {
		t.Errorf("PendingTenants(%q) = %v, %v; want %v", mine[1], got, err, mine[1:])
	}
	seeks(t, s, prefix, "")
}
