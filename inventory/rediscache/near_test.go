package rediscache_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

func openNear(t *testing.T) *rediscache.Near {
	t.Helper()
	if strings.Contains(redistest.Addr(), ",") {
		t.Skip("the near cache serves a single Redis only; this run uses a Cluster (make test starts a single Redis, where it runs)")
	}
	near := rediscache.NewNear(redistest.Addr(), os.Getenv("SEAM_REDIS_PASSWORD"))
	t.Cleanup(func() { near.Close() })
	return near
}

func onHandAt(t *testing.T, c *rediscache.Cache, tenant string) ontology.Qty {
	t.Helper()
	rows, err := c.Stock(context.Background(), tenant, "TEA", "WH")
	if err != nil || len(rows) != 1 {
		t.Fatalf("stock = %+v, %v", rows, err)
	}
	return rows[0].OnHand
}

// The near cache answers a repeated read from memory, and a write by another client
// (another replica's projector) reaches it through Redis's invalidation, well before
// the staleness backstop.
func TestNearCacheServesRepeatsAndSeesOthersWrites(t *testing.T) {
	plain := redistest.Open(t) // no WriterHook: only Redis can tell the near cache
	near := openNear(t)
	writer, reader := rediscache.New(plain), near.Stock()
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)

	if _, err := writer.Apply(ctx, tenant, []ontology.Movement{mv("ev1:1", "TEA", "WH", ontology.BucketOnHand, 10)}); err != nil {
		t.Fatal(err)
	}
	if got := onHandAt(t, reader, tenant); got != ontology.Units(10) {
		t.Fatalf("first read: on hand %v, want 10", got)
	}
	before := near.Client.CSCStats().Hits
	if got := onHandAt(t, reader, tenant); got != ontology.Units(10) {
		t.Fatalf("repeat read: on hand %v, want 10", got)
	}
	if hits := near.Client.CSCStats().Hits; hits != before+1 {
		t.Fatalf("the repeat read was not served from memory: hits %d -> %d", before, hits)
	}

	if _, err := writer.Apply(ctx, tenant, []ontology.Movement{mv("ev2:1", "TEA", "WH", ontology.BucketOnHand, -3)}); err != nil {
		t.Fatal(err)
	}
	// The bound is half the backstop (2 s), which only a lost invalidation would need.
	deadline := time.Now().Add(time.Second)
	for onHandAt(t, reader, tenant) != ontology.Units(7) {
		if time.Now().After(deadline) {
			t.Fatalf("after another client's write the near cache still answers %v, want 7", onHandAt(t, reader, tenant))
		}
		time.Sleep(time.Millisecond)
	}
}

// A process that writes stock through a client carrying WriterHook reads its own
// writes at once: a channel that reserved sees the reservation in its next stock read.
func TestNearCacheSeesOwnWritesAtOnce(t *testing.T) {
	near := openNear(t)
	plain := redis.NewClient(&redis.Options{Addr: redistest.Addr(), Password: os.Getenv("SEAM_REDIS_PASSWORD")})
	t.Cleanup(func() { plain.Close() })
	plain.AddHook(near.WriterHook())
	writer, reader := rediscache.New(plain), near.Stock()
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)

	want := int64(0)
	for i := range 200 {
		// Without the hook, a read within Redis's invalidation delay (a drain tick of
		// 5 ms on an idle connection) would answer the previous figure.
		if _, err := writer.Apply(ctx, tenant, []ontology.Movement{mv("ev"+strconv.Itoa(i)+":1", "TEA", "WH", ontology.BucketOnHand, 1)}); err != nil {
			t.Fatal(err)
		}
		want++
		if got := onHandAt(t, reader, tenant); got != ontology.Units(want) {
			t.Fatalf("read after write %d: on hand %v, want %d", i, got, want)
		}
		// The read just after a write is not kept (its reply raced the write's
		// invalidation on the connection); the next is, and the one after it hits.
		for range 2 {
			if got := onHandAt(t, reader, tenant); got != ontology.Units(want) {
				t.Fatalf("repeat read after write %d: on hand %v, want %d", i, got, want)
			}
		}
	}
	if st := near.Client.CSCStats(); st.Hits < 100 {
		t.Fatalf("near cache stats %+v: the repeat reads were not served from memory", st)
	}
}

// A tracking connection that breaks can no longer be told of writes: its entries must
// go with it, well before the staleness backstop. Redis kills the near cache's
// connection (as a restart or a network cut would), another client writes meanwhile,
// and the next reads must see the write.
func TestNearCacheForgetsWhatABrokenConnectionRead(t *testing.T) {
	plain := redistest.Open(t)
	near := openNear(t)
	writer, reader := rediscache.New(plain), near.Stock()
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	if _, err := writer.Apply(ctx, tenant, []ontology.Movement{mv("ev1:1", "TEA", "WH", ontology.BucketOnHand, 10)}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if got := onHandAt(t, reader, tenant); got != ontology.Units(10) {
			t.Fatalf("read: on hand %v, want 10", got)
		}
	}
	if st := near.Client.CSCStats(); st.Hits == 0 {
		t.Fatalf("stats %+v: nothing is cached, the test would prove nothing", st)
	}
	id, err := near.Client.ClientID(ctx).Result()
	if err != nil {
		t.Fatal(err)
	}
	// The connection CLIENT ID answered on must be the one that tracks (flag t), or
	// killing it would prove nothing about the cache.
	info, err := plain.Do(ctx, "CLIENT", "LIST", "ID", id).Text()
	if err != nil {
		t.Fatal(err)
	}
	flags := ""
	for f := range strings.FieldsSeq(info) {
		if v, ok := strings.CutPrefix(f, "flags="); ok {
			flags = v
		}
	}
	if !strings.Contains(flags, "t") {
		t.Fatalf("connection %d does not track keys (CLIENT LIST: %s)", id, info)
	}
	// Only this test's connection: other test binaries share the Redis.
	if err := plain.Do(ctx, "CLIENT", "KILL", "ID", id).Err(); err != nil {
		t.Fatalf("killing the near cache's connection %d: %v", id, err)
	}
	if _, err := writer.Apply(ctx, tenant, []ontology.Movement{mv("ev2:1", "TEA", "WH", ontology.BucketOnHand, -3)}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Second) // half the backstop
	for {
		rows, err := reader.Stock(ctx, tenant, "TEA", "WH")
		if err == nil && len(rows) == 1 && rows[0].OnHand == ontology.Units(7) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a second after its connection was killed the near cache answers %+v, %v; want 7 on hand", rows, err)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestNearStatsCountEachReadOnce: a stock read the near cache does not hold is one miss
// in Stats (the direct lookup and the read through the client that follows it are one
// read), and a repeat is one hit.
func TestNearStatsCountEachReadOnce(t *testing.T) {
	near := openNear(t)
	reader := near.Stock()
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	if _, err := rediscache.New(redistest.Open(t)).Apply(ctx, tenant, []ontology.Movement{mv("ev1:1", "TEA", "WH", ontology.BucketOnHand, 4)}); err != nil {
		t.Fatal(err)
	}
	before := near.Stats()
	onHandAt(t, reader, tenant)
	cold := near.Stats()
	onHandAt(t, reader, tenant)
	warm := near.Stats()
	if cold.Misses-before.Misses != 1 || cold.Hits != before.Hits {
		t.Errorf("a cold read counted %d misses and %d hits, want 1 and 0", cold.Misses-before.Misses, cold.Hits-before.Hits)
	}
	if warm.Hits-cold.Hits != 1 || warm.Misses != cold.Misses {
		t.Errorf("a repeat counted %d hits and %d misses, want 1 and 0", warm.Hits-cold.Hits, warm.Misses-cold.Misses)
	}
}
