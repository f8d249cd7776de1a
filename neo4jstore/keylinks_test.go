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

// TestKeyLinksMadeOnceWhateverTheRows: a document's key and block links are one
// relationship per key, with the values it was named with last, whether the document
// is linked for the first time (its links created) or again (merged), named twice in a
// run, met again in a later run of the same transaction, or written by a later one.
func TestKeyLinksMadeOnceWhateverTheRows(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := pendingBacklog(t, s, 2)
	a, b := fmt.Sprintf("%s/shopify/order/%05d", tenant, 0), fmt.Sprintf("%s/shopify/order/%05d", tenant, 1)
	k1, k2, k3 := tenant+"/order:1", tenant+"/order:2", tenant+"/order:3"
	bx, by := tenant+"/block:x", tenant+"/block:y"
	key := func(doc, k string, identity, mention bool) resolver.KeyLink {
		return resolver.KeyLink{DocUID: doc, KeyUID: k, Kind: "order", Value: k, Identity: identity, Mention: mention}
	}
	block := func(doc, k string) resolver.KeyLink {
		return resolver.KeyLink{DocUID: doc, KeyUID: k, Kind: "block", Value: k, Block: true}
	}
	apply := func(keys ...resolver.KeyLink) {
		t.Helper()
		ch := &resolver.Changes{Tenant: tenant, Keys: keys}
		if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(doc string, want ...string) {
		t.Helper()
		got, err := neo4jstore.KeyLinksOf(ctx, s, tenant, doc)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("links of %s:\n got %q\nwant %q", doc, got, want)
		}
	}
	// a: k1 named twice in its first run (a mention, then its identity), a block twice,
	// then b, then a again with k1 and another block.
	apply(key(a, k1, false, true), block(a, bx), key(a, k2, true, false), key(a, k1, true, false), block(a, bx),
		key(b, k1, true, false), block(b, bx),
		key(a, k1, false, false), key(a, k3, false, true), block(a, by), block(a, bx))
	check(a, "HAS_KEY "+k1+" false false", "NOTES_KEY "+k1+" - -", "HAS_KEY "+k2+" true false",
		"HAS_KEY "+k3+" false true", "NOTES_KEY "+k3+" - -", "IN_BLOCK "+bx+" - -", "IN_BLOCK "+by+" - -")
	check(b, "HAS_KEY "+k1+" true false", "IN_BLOCK "+bx+" - -")
	// A later transaction: b's links exist, so they are merged, not made again.
	apply(key(b, k1, false, true), key(b, k2, true, false), block(b, bx), block(b, by))
	check(b, "HAS_KEY "+k1+" false true", "NOTES_KEY "+k1+" - -", "HAS_KEY "+k2+" true false",
		"IN_BLOCK "+bx+" - -", "IN_BLOCK "+by+" - -")
}

// TestFreshKeyLinksAreCreated: a document linked for the first time gets its key and
// block links created, without MERGE looking for each one first (Expand(Into), about six
// database hits a link, walking the document's relationships); one linked before has
// them merged.
func TestFreshKeyLinksAreCreated(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := pendingBacklog(t, s, 1)
	doc := fmt.Sprintf("%s/shopify/order/%05d", tenant, 0)
	ch := &resolver.Changes{Tenant: tenant}
	for i := range 3 {
		k := fmt.Sprintf("%s/order:%d", tenant, i)
		ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: doc, KeyUID: k, Kind: "order", Value: k, Identity: true, Mention: i == 2})
	}
	for i := range 2 {
		k := fmt.Sprintf("%s/block:%d", tenant, i)
		ch.Keys = append(ch.Keys, resolver.KeyLink{DocUID: doc, KeyUID: k, Kind: "block", Value: k, Block: true})
	}
	hits, err := neo4jstore.KeyLinksHits(ctx, s, ch)
	if err != nil {
		t.Fatal(err)
	}
	if n := hits["Expand(Into)"]; n != 0 {
		t.Errorf("a document's first links looked for themselves: %d database hits of Expand(Into)", n)
	}
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
		t.Fatal(err)
	}
	if hits, err = neo4jstore.KeyLinksHits(ctx, s, ch); err != nil {
		t.Fatal(err)
	}
	if hits["Expand(Into)"] == 0 {
		t.Errorf("links written before were not looked for: %v", hits)
	}
}

// TestEvidenceLinksCreatedMovedAndMerged: a document's link to its event is one
// relationship with its last values, whether it is linked for the first time (the link
// created without looking for it first), moved to another event in the same
// transaction or in a later one (the old link deleted), or linked again to its event.
func TestEvidenceLinksCreatedMovedAndMerged(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := pendingBacklog(t, s, 2)
	a, b := fmt.Sprintf("%s/shopify/order/%05d", tenant, 0), fmt.Sprintf("%s/shopify/order/%05d", tenant, 1)
	e1, e2, e3 := tenant+"-e1", tenant+"-e2", tenant+"-e3"
	events := []resolver.EventWrite{{ID: e1, Status: "complete"}, {ID: e2, Status: "complete"}, {ID: e3, Status: "complete"}}
	link := func(doc, ev, by string) resolver.Link {
		return resolver.Link{DocUID: doc, EventID: ev, Role: "order", DecidedBy: by}
	}
	apply := func(links ...resolver.Link) {
		t.Helper()
		ch := &resolver.Changes{Tenant: tenant, Events: events, Links: links}
		if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(doc string, want ...string) {
		t.Helper()
		got, err := neo4jstore.EvidenceOf(ctx, s, tenant, doc)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("events of %s:\n got %q\nwant %q", doc, got, want)
		}
	}
	fresh := &resolver.Changes{Tenant: tenant, Events: events, Links: []resolver.Link{link(a, e1, "rule:x"), link(b, e1, "rule:x")}}
	hits, err := neo4jstore.EvidenceLinksHits(ctx, s, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if n := hits["Expand(Into)"]; n != 0 {
		t.Errorf("documents linked for the first time looked for their links: %d database hits of Expand(Into)", n)
	}
	// a is linked, then moved in the same transaction; b linked once.
	apply(link(a, e1, "rule:x"), link(b, e2, "rule:y"), link(a, e2, "merge"))
	check(a, e2+" order merge")
	check(b, e2+" order rule:y")
	// A later transaction moves a and links b to its event again.
	apply(link(a, e3, "person:ann"), link(b, e2, "rule:z"))
	check(a, e3+" order person:ann")
	check(b, e2+" order rule:z")
	if hits, err = neo4jstore.EvidenceLinksHits(ctx, s, fresh); err != nil {
		t.Fatal(err)
	}
	if hits["Expand(Into)"] == 0 {
		t.Errorf("documents linked before were not looked for: %v", hits)
	}
}
