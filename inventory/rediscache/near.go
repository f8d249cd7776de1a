package rediscache

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Bounds of a near cache. nearEntries holds every product of a large catalogue at a few
// locations (an entry is one product's stock hash); nearStaleness is a backstop only:
// Redis invalidates an entry within milliseconds of a write (see Near).
const (
	nearEntries   = 100_000
	nearMemory    = 64 << 20 // a product with hundreds of cells is a hash of tens of KB
	nearStaleness = 2 * time.Second
)

// Near is a client to one Redis whose read replies are kept in this process's memory
// and invalidated by Redis itself: every connection runs RESP3 CLIENT TRACKING, so Redis
// pushes an invalidation for each key a connection has read as soon as anything writes
// that key. A repeated stock read then costs no round trip.
//
// How fresh a hit is:
//   - Writes by this process (its projector, reservations, counts) are forgotten at once
//     when the writing client carries WriterHook: a caller that reserved and then reads
//     stock sees its reservation.
//   - Writes by another replica reach the cache when Redis's invalidation is read: at
//     once on a busy connection, within one 5 ms drain tick on an idle one, and never
//     later than nearStaleness, the backstop for a lost invalidation.
//
// So it answers people and channels (the GraphQL `stock` query), never a decision:
// reservations run as scripts in Redis, and a reader told of a change (a subscription's
// push, an alert rule) reads Redis itself rather than an entry the change's
// invalidation may not have reached. A connection that breaks takes its entries with
// it, so a Redis restart or flush leaves no stale answers behind.
type Near struct {
	// Client reads through the cache; Stock reads stock through it.
	Client *redis.Client
	cache  *redis.LocalCache
	closed atomic.Bool
	// looked counts Stock's own lookups that missed: each is followed by a read through
	// Client, which the cache counts again (see Stats).
	looked atomic.Uint64
}

// Stats returns the near cache's counters with each stock read counted once: a miss
// of Stock's direct lookup and the read through Client that follows it are one miss
// (or a hit, when the entry arrived in between), not two.
func (n *Near) Stats() redis.CSCStats {
	st := n.Client.CSCStats()
	st.Misses -= min(st.Misses, n.looked.Load())
	return st
}

// NewNear connects a near cache to one Redis (not Cluster or Sentinel: go-redis tracks
// keys on a standalone client only).
func NewNear(addr, password string) *Near {
	cache := redis.NewLocalCache(redis.CacheConfig{MaxEntries: nearEntries, MaxMemoryBytes: nearMemory, MaxStaleness: nearStaleness})
	return &Near{
		cache: cache,
		Client: redis.NewClient(&redis.Options{
			Addr:            addr,
			Password:        password,
			Protocol:        3,
			ClientSideCache: cache,
		}),
	}
}

// Close closes the client. Replies it kept are not read afterwards: nothing invalidates
// them any more.
func (n *Near) Close() error {
	n.closed.Store(true)
	return n.Client.Close()
}

// Stock is live stock read through the near cache. A hit reads the kept reply from the
// cache itself, the entry a read through Client would find, with the same freshness
// (Redis's invalidations, this process's WriterHook, the backstop and a broken
// connection all act on the entries), without the command's pass through go-redis
// (its hooks, the key's encoding, a reader over the reply's copy): most of a stock
// read's cost in the server. A miss reads through Client, which keeps the reply. A reply
// equal to the one last parsed for the product is not parsed again.
func (n *Near) Stock() *Cache { return &Cache{rdb: n.Client, near: n, parsed: newParsedHashes()} }

// stockHash returns the reply to HGETALL of a product's stock hash that the cache holds,
// if it holds one.
func (n *Near) stockHash(ctx context.Context, tenant, sku string) ([]byte, bool) {
	if n.closed.Load() {
		return nil, false
	}
	raw, ok := n.cache.Get(ctx, stockCacheKey(tenant, sku))
	if !ok {
		n.looked.Add(1)
	}
	return raw, ok
}

// stockCacheKey is how go-redis keys its kept reply to HGETALL of stockKey(tenant, sku),
// sent as Cache.Stock sends it: the namespace (nearKeyPrefix), then the command as
// written on the wire, built in one allocation. TestNearStockReadsTheKeptReply fails if
// a go-redis release changes it.
func stockCacheKey(tenant, sku string) string {
	n := len(tenant) + len(sku) + len("seam:{}:stock:")
	return nearKeyPrefix + "*2\r\n$7\r\nhgetall\r\n$" + strconv.Itoa(n) + "\r\nseam:{" + tenant + "}:stock:" + sku + "\r\n"
}

// nearKeyPrefix is how go-redis namespaces a cached Redis key for database 0 and no ACL
// user, which is how NewNear connects: the database, then the user name's length and
// the name. TestNearCacheSeesOwnWritesAtOnce fails if a go-redis release changes it.
const nearKeyPrefix = "0\x000:\x00"

// Forget drops the cached replies of keys, so that the next read asks Redis.
func (n *Near) Forget(keys ...string) {
	for _, k := range keys {
		n.cache.DeleteByRedisKey(nearKeyPrefix + k)
	}
}

// WriterHook is a go-redis hook for the clients that write stock in this process: after
// each command or pipeline it forgets every stock hash the command names (a script's
// keys, a pipeline's HSET or DEL), whether it wrote it or not; a needless forget costs
// one round trip on the next read.
func (n *Near) WriterHook() redis.Hook { return nearForgetter{n} }

type nearForgetter struct{ near *Near }

// DialHook is part of redis.Hook; dialing writes nothing.
func (h nearForgetter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h nearForgetter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		h.forget(cmd)
		return err
	}
}

func (h nearForgetter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		for _, cmd := range cmds {
			h.forget(cmd)
		}
		return err
	}
}

// forget runs after the command, failed or not: a command that timed out may still
// have been applied.
func (h nearForgetter) forget(cmd redis.Cmder) {
	for _, a := range cmd.Args()[1:] {
		if s, ok := a.(string); ok && isStockKey(s) {
			h.near.Forget(s)
		}
	}
}

// isStockKey tells a stock hash's key (stockKey) from other arguments.
func isStockKey(s string) bool {
	return strings.HasPrefix(s, "seam:{") && strings.Contains(s, "}:stock:")
}
