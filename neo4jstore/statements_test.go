package neo4jstore_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestStatementProfileCountsWhatRan: under a context carrying a profile, the store's
// statements are added up by the site that ran them, with their database hits when
// asked, and the work they do is the work done without one; outside such a context
// nothing is counted.
func TestStatementProfileCountsWhatRan(t *testing.T) {
	s := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	p := neo4jstore.NewStatementProfile(true)
	ctx := neo4jstore.WithStatementProfile(context.Background(), p)
	ch := &resolver.Changes{Tenant: tenant, Events: []resolver.EventWrite{{ID: tenant + "-e1", Status: "complete"}}}
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
		t.Fatal(err)
	}
	stats, commits := p.Stats()
	if len(stats) == 0 {
		t.Fatal("a transaction under a profile counted no statement")
	}
	var applied *neo4jstore.StatementStat
	for i, st := range stats {
		if st.Calls == 0 || st.Wait <= 0 || st.Shapes != 1 {
			t.Errorf("site %s: calls %d, wait %s, shapes %d; want each at least one, one shape", st.Site, st.Calls, st.Wait, st.Shapes)
		}
		if strings.Contains(st.Head, "BusinessEvent") {
			applied = &stats[i]
		}
	}
	if applied == nil {
		t.Fatalf("the event's write is not among the sites: %+v", stats)
	}
	if applied.DBHits == 0 {
		t.Errorf("the event's write counted no database hits under PROFILE")
	}
	if commits.Calls != 1 {
		t.Errorf("want the one write transaction's commit counted, got %d", commits.Calls)
	}
	// The write was done, read here outside the profile, which counts nothing more.
	calls := 0
	for _, st := range stats {
		calls += st.Calls
	}
	got, err := neo4jstore.ReadProps(context.Background(), s, "BusinessEvent", tenant)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0]["status"] != "complete" {
		t.Errorf("want the event written under PROFILE stored, got %v", got)
	}
	after, _ := p.Stats()
	n := 0
	for _, st := range after {
		n += st.Calls
	}
	if n != calls {
		t.Errorf("a read outside the profile's context was counted: %d calls, then %d", calls, n)
	}
	var out bytes.Buffer
	p.Print(&out, 0)
	if !strings.Contains(out.String(), "BusinessEvent") || !strings.Contains(out.String(), "all statements") {
		t.Errorf("the printed table misses the write or the totals:\n%s", out.String())
	}
}
