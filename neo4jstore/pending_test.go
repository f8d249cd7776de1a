package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// pendingBacklog stores n documents of a fresh tenant, received one second apart in the
// reverse of their ids' order, and returns the tenant.
func pendingBacklog(t *testing.T, s *neo4jstore.Store, n int) string {
	t.Helper()
	return pendingBacklogOf(t, s, neo4jtest.Tenant(t), n)
}

// pendingBacklogOf is pendingBacklog for a tenant of the caller's naming.
func pendingBacklogOf(t *testing.T, s *neo4jstore.Store, tenant string, n int) string {
	t.Helper()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	envs := make([]ontology.Envelope, n)
	for i := range envs {
		envs[i] = ontology.Envelope{Raw: []byte(fmt.Sprintf(`{"id":%d}`, i)), ReceivedAt: base.Add(time.Duration(n-i) * time.Second),
			Doc: ontology.Document{
				Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: fmt.Sprintf("%05d", i)},
				Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: base,
			}}
	}
	if _, err := s.SaveDocuments(context.Background(), envs); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	return tenant
}

// TestPendingIsOldestFirst: resolution takes the documents received first, whatever
// their ids.
func TestPendingIsOldestFirst(t *testing.T) {
	s := neo4jtest.Open(t)
	tenant := pendingBacklog(t, s, 50)
	var got []string
	err := s.WithTenantLock(context.Background(), tenant, func(ctx context.Context, tx resolver.Tx) error {
		docs, err := tx.Pending(ctx, 3)
		got = nil
		for _, d := range docs {
			got = append(got, d.UID[strings.LastIndex(d.UID, "/")+1:])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"00049", "00048", "00047"}; !slices.Equal(got, want) {
		t.Fatalf("pending page = %v, want the last received first: %v", got, want)
	}
}

// TestPendingReadsOnlyItsPage: a batch's read of the pending queue costs its page, not
// the backlog: no sort over every pending document, and database hits that do not grow
// with it.
func TestPendingReadsOnlyItsPage(t *testing.T) {
	s := neo4jtest.Open(t)
	const backlog, page = 600, 10
	tenant := pendingBacklog(t, s, backlog)
	ops, hits, err := neo4jstore.PendingPlan(context.Background(), s, tenant, page)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		if strings.Contains(op, "Top") || strings.Contains(op, "Sort") {
			t.Errorf("plan sorts the backlog (%s): %v", op, ops)
		}
	}
	// An index seek of page+1 entries, the page's properties and relationships: a few
	// hits per document of the page. Sorting the backlog costs three per pending one.
	if hits > 6*page {
		t.Errorf("reading a page of %d from %d pending documents took %d database hits (plan %v)", page, backlog, hits, ops)
	}
	// The same read taking the resolution lock first: its limit must stay a plain one
	// (after a write Neo4j makes it exhaustive, reading the whole backlog), and it reads
	// the same page, oldest first.
	ops, hits, uids, err := neo4jstore.PendingLockingPlan(context.Background(), s, tenant, page)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		if strings.Contains(op, "Top") || strings.Contains(op, "Sort") || strings.Contains(op, "Exhaustive") {
			t.Errorf("the locking read reads the backlog (%s): %v", op, ops)
		}
	}
	if hits > 6*page+10 { // and the lock's few
		t.Errorf("reading a page of %d from %d pending documents with the lock took %d database hits (plan %v)", page, backlog, hits, ops)
	}
	if len(uids) != page || !strings.HasSuffix(uids[0], fmt.Sprintf("/%05d", backlog-1)) {
		t.Errorf("the locking read's page = %v, want the %d received first, from %05d", uids, page, backlog-1)
	}
}
