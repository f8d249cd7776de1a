// Package redistest gives tests a real Redis client.
package redistest

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Addr is the Redis the tests use: SEAM_REDIS_ADDR or the loopback default.
func Addr() string {
	if a := os.Getenv("SEAM_REDIS_ADDR"); a != "" {
		return a
	}
	return "127.0.0.1:6379"
}

// Open returns a client of the test Redis. Under -short it skips the test; otherwise an
// unreachable Redis fails it with the command that starts one.
func Open(tb testing.TB) redis.UniversalClient { return OpenDB(tb, 0) }

// ReservationsDB is the logical database of tests whose tenants must be out of reach of
// the reservation sweepers that `seam serve` tests run meanwhile in database 0: a
// sweeper sweeps every tenant that reserved in its database, and a test that stops
// between a decision and its record must not be recovered behind its back.
const ReservationsDB = 1

// OpenDB is Open on logical database db. A Redis Cluster has only database 0, so there
// it is Open.
func OpenDB(tb testing.TB, db int) redis.UniversalClient {
	tb.Helper()
	if testing.Short() {
		tb.Skip("needs Redis; runs without -short (make test starts the services)")
	}
	addrs := strings.Split(Addr(), ",")
	if len(addrs) > 1 {
		db = 0
	}
	c := redis.NewUniversalClient(&redis.UniversalOptions{
		Addrs:    addrs,
		Password: os.Getenv("SEAM_REDIS_PASSWORD"),
		DB:       db,
	})
	tb.Cleanup(func() { c.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		tb.Fatalf("redis at %s is not reachable (start it with `make services-up`): %v", Addr(), err)
	}
	return c
}

// Keys lists the keys matching pattern with SCAN. KEYS would do it in one command that
// blocks Redis for the whole keyspace: on a developer's Redis holding millions of keys
// from benchmarks it outlasts the client's read timeout and fails the test.
func Keys(tb testing.TB, rdb redis.UniversalClient, pattern string) []string {
	tb.Helper()
	var keys []string
	ctx := context.Background()
	if cluster, ok := rdb.(*redis.ClusterClient); ok {
		err := cluster.ForEachMaster(ctx, func(ctx context.Context, c *redis.Client) error {
			it := c.Scan(ctx, 0, pattern, 10_000).Iterator()
			for it.Next(ctx) {
				keys = append(keys, it.Val())
			}
			return it.Err()
		})
		if err != nil {
			tb.Fatalf("scanning keys %s: %v", pattern, err)
		}
		return keys
	}
	it := rdb.Scan(ctx, 0, pattern, 10_000).Iterator()
	for it.Next(ctx) {
		keys = append(keys, it.Val())
	}
	if err := it.Err(); err != nil {
		tb.Fatalf("scanning keys %s: %v", pattern, err)
	}
	return keys
}
