package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/resolver"
)

// TestMentionsSkipTheKeysHolders: finding the documents whose notes name a key reads
// those documents, not the many that hold the key as their own (a pickup number that
// repeats in every store every day), so its cost does not grow with the data.
func TestMentionsSkipTheKeysHolders(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	const holders = 300
	tenant := pendingBacklog(t, s, holders+1)
	uid := func(i int) string { return fmt.Sprintf("%s/shopify/order/%05d", tenant, i) }
	key := tenant + "/receipt_number:shop:4"
	ch := &resolver.Changes{Tenant: tenant, Events: []resolver.EventWrite{{ID: tenant + "-held", Status: "complete"},
		{ID: tenant + "-noted", Status: "complete"}}}
	for i := range holders {
		ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: uid(i), KeyUID: key, Kind: "receipt_number", Value: "4", Identity: true})
		ch.Links = append(ch.Links, resolver.Link{DocUID: uid(i), EventID: tenant + "-held", DecidedBy: "rule:test"})
	}
	ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: uid(holders), KeyUID: key, Kind: "receipt_number", Value: "4", Mention: true})
	ch.Links = append(ch.Links, resolver.Link{DocUID: uid(holders), EventID: tenant + "-noted", DecidedBy: "rule:test"})
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
		t.Fatal(err)
	}
	hits, events, err := neo4jstore.MentionsPlan(ctx, s, tenant, []string{key})
	if err != nil {
		t.Fatal(err)
	}
	if got := events[key]; !slices.Equal(got, []string{tenant + "-noted"}) {
		t.Errorf("events whose notes name the key = %v, want the noting document's only", got)
	}
	// The key, its one mention, that document's event: a few dozen hits. Reading the
	// holders' links costs at least one hit per holder.
	if hits > 50 {
		t.Errorf("finding one mention of a key %d documents hold took %d database hits", holders, hits)
	}
}
