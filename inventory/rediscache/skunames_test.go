package rediscache_test

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// countingAliases counts the questions that reach Neo4j.
type countingAliases struct {
	*neo4jstore.Store
	asked atomic.Int64
}

func (c *countingAliases) SKUAlias(ctx context.Context, tenant, sku string) (string, bool, error) {
	c.asked.Add(1)
	return c.Store.SKUAlias(ctx, tenant, sku)
}

// TestSKUNamesAskNeo4jOncePerProduct: a known spelling is asked of Neo4j once, then
// answered from memory, and by another process from Redis; an unknown one is asked again
// only after a second, and then finds the product a document has founded meanwhile.
func TestSKUNamesAskNeo4jOncePerProduct(t *testing.T) {
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	m := resolver.NewMatcher(store, resolver.NewRegistry(nil,
		[]resolver.ProductAlias{{Tenant: tenant, System: "square", Code: "latte", SKU: "LATTE-12OZ"}}), nil)
	sell := func(id, sku string) {
		t.Helper()
		d := ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: id},
			Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
			Lines: []ontology.Line{{SKU: sku, Qty: ontology.Units(1)}},
		}
		raw, _ := json.Marshal(d)
		if _, err := store.SaveDocuments(ctx, []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Process(ctx, tenant, 10); err != nil {
			t.Fatal(err)
		}
	}
	sell("o1", "tea_ool_250g")

	src := &countingAliases{Store: store}
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	names := rediscache.NewSKUNames(rdb, src, resolver.CanonicalSKUKey)
	names.Now = func() time.Time { return clock }
	ask := func(n *rediscache.SKUNames, sku, want string, asked int64) {
		t.Helper()
		got, err := n.CanonicalSKU(ctx, tenant, sku)
		if err != nil || got != want || src.asked.Load() != asked {
			t.Fatalf("%q = %q, %v after %d questions to neo4j; want %q after %d", sku, got, err, src.asked.Load(), want, asked)
		}
	}
	ask(names, "Tea-Ool-250G", "TEA-OOL-250G", 1)
	ask(names, "tea ool 250g", "TEA-OOL-250G", 1)
	replica := rediscache.NewSKUNames(rdb, src, resolver.CanonicalSKUKey)
	ask(replica, "TEA_OOL_250G", "TEA-OOL-250G", 1)

	ask(names, "latte", "LATTE", 2) // no product is named so yet
	ask(names, "Latte", "LATTE", 2)
	sell("o2", "latte") // founds LATTE-12OZ, known by latte from now on
	clock = clock.Add(500 * time.Millisecond)
	ask(names, "latte", "LATTE", 2)
	clock = clock.Add(time.Second)
	ask(names, "latte", "LATTE-12OZ", 3)
	ask(replica, "LATTE", "LATTE-12OZ", 3)
	if other, err := names.CanonicalSKU(ctx, neo4jtest.Tenant(t), "latte"); err != nil || other != "LATTE" {
		t.Fatalf("another tenant's latte = %q, %v", other, err)
	}
}
