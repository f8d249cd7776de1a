package rediscache

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// guardKey marks that this Redis holds the live stock of the tenants whose names start
// with scope. It is set once and never expires: when it is gone, Redis lost its data
// (a restart without persistence, a flush) and the stock must be rebuilt.
func guardKey(scope string) string { return "seam:projection:" + scope }

// Holds reports whether the guard mark of scope is present.
func (c *Cache) Holds(ctx context.Context, scope string) (bool, error) {
	n, err := c.rdb.Exists(ctx, guardKey(scope)).Result()
	if err != nil {
		return false, fmt.Errorf("checking the cache's guard mark: %w", unavailable(err))
	}
	return n == 1, nil
}

// Mark sets the guard mark of scope and ends a rebuild claim.
func (c *Cache) Mark(ctx context.Context, scope string) error {
	_, err := c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, guardKey(scope), time.Now().UTC().Format(time.RFC3339Nano), 0)
		p.Del(ctx, guardKey(scope)+":rebuilding")
		return nil
	})
	if err != nil {
		return fmt.Errorf("setting the cache's guard mark: %w", err)
	}
	return nil
}

// ClaimRebuild claims the rebuild of scope for ttl, so that of several replicas that
// find the mark gone one rebuilds. It reports whether this caller won.
func (c *Cache) ClaimRebuild(ctx context.Context, scope string, ttl time.Duration) (bool, error) {
	err := c.rdb.SetArgs(ctx, guardKey(scope)+":rebuilding", "1", redis.SetArgs{Mode: "NX", TTL: ttl}).Err()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("claiming the cache rebuild: %w", err)
	}
	return true, nil
}

// ReleaseRebuild ends a rebuild claim that failed, so that the next check tries again.
func (c *Cache) ReleaseRebuild(ctx context.Context, scope string) error {
	return c.rdb.Del(ctx, guardKey(scope)+":rebuilding").Err()
}
