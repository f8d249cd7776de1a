package rediscache

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// Near.Stock reads a kept reply from the cache under the key go-redis keeps it by: after
// reads through the client, the entry is found, holds the reply Redis sent, and answers
// as the client does; after Close nothing is read from the cache.
func TestNearStockReadsTheKeptReply(t *testing.T) {
	if strings.Contains(redistest.Addr(), ",") {
		t.Skip("the near cache serves a single Redis only; this run uses a Cluster")
	}
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	if _, err := New(redistest.Open(t)).Apply(ctx, tenant, []ontology.Movement{{ID: "e1:1", SKU: "TEA", Location: "WH", Lot: "L1",
		Bucket: ontology.BucketOnHand, Qty: ontology.Units(4)}}); err != nil {
		t.Fatal(err)
	}
	near := NewNear(redistest.Addr(), os.Getenv("SEAM_REDIS_PASSWORD"))
	defer near.Close()
	key := stockKey(tenant, "TEA")
	var sent []byte
	for range 3 { // the first reply after a write may race its invalidation and not be kept
		cmd := redis.NewRawCmd(ctx, "hgetall", key)
		if err := near.Client.Process(ctx, cmd); err != nil {
			t.Fatal(err)
		}
		sent = cmd.Val()
	}
	kept, ok := near.hash(ctx, key)
	if !ok || !bytes.Equal(kept, sent) {
		t.Fatalf("kept reply of %s: %q, %v; want %q (has go-redis changed how it keys replies?)", key, kept, ok, sent)
	}
	rows, err := near.Stock().Stock(ctx, tenant, "TEA", "")
	if err != nil || len(rows) != 1 || rows[0].OnHand != ontology.Units(4) {
		t.Fatalf("stock = %+v, %v", rows, err)
	}
	near.Close()
	if kept, ok := near.hash(ctx, key); ok {
		t.Fatalf("a closed near cache answered %q", kept)
	}
}
