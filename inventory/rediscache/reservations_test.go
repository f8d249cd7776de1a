package rediscache_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestTenantsForgetsQuietTenants: the sweeper's list holds a tenant from its first
// reservation attempt (refused ones included: the attempt comes before the decision)
// until it has been quiet past the horizon it is asked about.
func TestTenantsForgetsQuietTenants(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	q := inventory.ReserveRequest{SKU: "TEA", Location: "WH", Qty: ontology.Units(1), IdempotencyKey: "k", TTL: time.Minute}
	d, err := c.Reserve(ctx, tenant, inventory.ReservationID(tenant, "k"), q, 0, 0)
	if err != nil || d.Outcome != inventory.Refused || d.Available != 0 {
		t.Fatalf("reserve without stock = %+v, %v", d, err)
	}
	listed := func(since time.Time) bool {
		t.Helper()
		ts, err := c.Tenants(ctx, since)
		if err != nil {
			t.Fatal(err)
		}
		return slices.Contains(ts, tenant)
	}
	if !listed(time.Now().Add(-time.Hour)) {
		t.Fatal("a tenant that just tried to reserve is not listed")
	}
	if listed(time.Now().Add(time.Hour)) || listed(time.Now().Add(-time.Hour)) {
		t.Fatal("a tenant quiet past the horizon is still listed")
	}
}
