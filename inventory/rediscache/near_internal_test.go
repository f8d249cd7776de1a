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
		t.Skip("the near cache serves a single Redis only; this run uses a Cluster (make test starts a single Redis, where it runs)")
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
	kept, ok := near.stockHash(ctx, tenant, "TEA")
	if !ok || !bytes.Equal(kept, sent) {
		t.Fatalf("kept reply of %s: %q, %v; want %q (has go-redis changed how it keys replies?)", key, kept, ok, sent)
	}
	rows, err := near.Stock().Stock(ctx, tenant, "TEA", "")
	if err != nil || len(rows) != 1 || rows[0].OnHand != ontology.Units(4) {
		t.Fatalf("stock = %+v, %v", rows, err)
	}
	near.Close()
	if kept, ok := near.stockHash(ctx, tenant, "TEA"); ok {
		t.Fatalf("a closed near cache answered %q", kept)
	}
}

// The cells parsed from a reply are used again only for the same reply: a change is
// read at once, another tenant's product of the same SKU is its own, a location reads
// its own cells of the remembered ones, and a caller changing its rows changes nothing
// for the next.
func TestNearStockParsesEachReplyOnce(t *testing.T) {
	if strings.Contains(redistest.Addr(), ",") {
		t.Skip("the near cache serves a single Redis only; this run uses a Cluster (make test starts a single Redis, where it runs)")
	}
	ctx := context.Background()
	near := NewNear(redistest.Addr(), os.Getenv("SEAM_REDIS_PASSWORD"))
	defer near.Close()
	plain := redis.NewClient(&redis.Options{Addr: redistest.Addr(), Password: os.Getenv("SEAM_REDIS_PASSWORD")})
	defer plain.Close()
	plain.AddHook(near.WriterHook())
	writer, reader := New(plain), near.Stock()
	ta, tb := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	apply := func(tenant, id, loc string, n int64) {
		t.Helper()
		if _, err := writer.Apply(ctx, tenant, []ontology.Movement{{ID: id, SKU: "TEA", Location: loc, Lot: "L1",
			Bucket: ontology.BucketOnHand, Qty: ontology.Units(n)}}); err != nil {
			t.Fatal(err)
		}
	}
	onHand := func(tenant, loc string) []ontology.Qty {
		t.Helper()
		rows, err := reader.Stock(ctx, tenant, "TEA", loc)
		if err != nil {
			t.Fatal(err)
		}
		var q []ontology.Qty
		for i := range rows {
			q = append(q, rows[i].OnHand)
			rows[i].OnHand = ontology.Units(-99) // the caller's own copy
		}
		return q
	}
	same := func(got []ontology.Qty, want ...int64) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if got[i] != ontology.Units(want[i]) {
				return false
			}
		}
		return true
	}
	apply(ta, "a1", "S1", 3)
	apply(ta, "a2", "WH", 5)
	apply(tb, "b1", "WH", 9)
	for i := range 4 {
		if got := onHand(ta, ""); !same(got, 3, 5) {
			t.Fatalf("read %d of %s: on hand %v, want [3 5]", i, ta, got)
		}
		if got := onHand(ta, "WH"); !same(got, 5) {
			t.Fatalf("read %d of %s at WH: on hand %v, want [5]", i, ta, got)
		}
		if got := onHand(tb, ""); !same(got, 9) {
			t.Fatalf("read %d of %s: on hand %v, want [9]", i, tb, got)
		}
	}
	if e, ok := reader.parsed.byKey[[2]string{ta, "TEA"}]; !ok || len(e.cells) != 2 || e.cells[0].OnHand != ontology.Units(3) {
		t.Fatalf("remembered cells of %s: %+v, %v", ta, e, ok)
	}
	for i := range 50 {
		apply(ta, "a3:"+string(rune('a'+i)), "WH", 1)
		if got := onHand(ta, "WH"); !same(got, int64(6+i)) {
			t.Fatalf("after change %d: on hand %v, want %d", i, got, 6+i)
		}
	}
}
