package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

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

// TestEventsByKeysReadsEachKeyOnce: a batch lists a key once per document that holds
// it; the answer names each of the key's events once, however often the key is listed,
// so a key shared by a few documents of the batch does not look too common to follow.
func TestEventsByKeysReadsEachKeyOnce(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := pendingBacklog(t, s, 3)
	uid := func(i int) string { return fmt.Sprintf("%s/shopify/order/%05d", tenant, i) }
	key := tenant + "/order_number:shop:7"
	occurred := time.Date(2025, 3, 4, 10, 7, 0, 0, time.UTC)
	ch := &resolver.Changes{Tenant: tenant, Events: []resolver.EventWrite{{ID: tenant + "-a", Status: "complete"},
		{ID: tenant + "-b", Status: "complete", OccurredAt: occurred}, {ID: tenant + "-c", Status: "complete"}}}
	for i, ev := range []string{tenant + "-a", tenant + "-b"} {
		ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: uid(i), KeyUID: key, Kind: "order_number", Value: "7", Identity: true})
		ch.Links = append(ch.Links, resolver.Link{DocUID: uid(i), EventID: ev, DecidedBy: "rule:test"})
	}
	// A third document's notes name the key: a mention, not a holder.
	ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: uid(2), KeyUID: key, Kind: "order_number", Value: "7", Mention: true})
	ch.Links = append(ch.Links, resolver.Link{DocUID: uid(2), EventID: tenant + "-c", DecidedBy: "rule:test"})
	// The second document is also under a content block.
	block := tenant + "/block:7"
	ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: uid(1), KeyUID: block, Kind: "block", Value: block, Block: true})
	var got, byKey, byMention, byBlock map[string][]string
	var at map[string]time.Time
	err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		if err := tx.Apply(ctx, ch); err != nil {
			return err
		}
		var err error
		if got, err = tx.EventsByKeys(ctx, []string{key, tenant + "/order_number:shop:8", key, key}, 64); err != nil {
			return err
		}
		byKey, byMention, byBlock, at, err = tx.Candidates(ctx, []string{key, key, tenant + "/order_number:shop:8"}, []string{key, key},
			[]string{block, block, tenant + "/block:8"}, 64)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string][]string{got, byKey} {
		evs := m[key]
		slices.Sort(evs)
		if !slices.Equal(evs, []string{tenant + "-a", tenant + "-b"}) || len(m) != 1 {
			t.Errorf("events by keys = %v, want %s's two events once each", m, key)
		}
	}
	if want := []string{tenant + "-c"}; !slices.Equal(byMention[key], want) || len(byMention) != 1 {
		t.Errorf("events by mentions = %v, want %v", byMention, want)
	}
	if want := []string{tenant + "-b"}; !slices.Equal(byBlock[block], want) || len(byBlock) != 1 {
		t.Errorf("events by blocks = %v, want %v", byBlock, want)
	}
	// A block's events come with when they occurred, which a cross-location block's
	// reader bounds its reads by (resolver: scorable).
	if !at[tenant+"-b"].Equal(occurred) || len(at) != 1 {
		t.Errorf("block events' times = %v, want %s at %s", at, tenant+"-b", occurred)
	}
}
