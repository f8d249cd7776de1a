package rediscache

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// SKUAliases is the system of record of product names (Neo4j's product aliases).
type SKUAliases interface {
	// SKUAlias returns the product a spelling of a SKU names, and whether any product is
	// known by it; an unknown spelling answers the name a new product would get.
	SKUAlias(ctx context.Context, tenant, sku string) (canonical string, known bool, err error)
}

// SKUNames answers which product a spelling of a SKU names without asking Neo4j on
// every stock read: a live `stock` read then costs one Redis round trip.
//
// A known spelling's product never changes (resolution only adds product keys; people
// alias item ids and descriptions, not SKUs), so known answers are kept for good: in
// this process's memory, and in Redis (one hash per tenant) so that another replica, or
// this one after a restart, learns them without Neo4j. A spelling no product has yet
// may become known at any moment (the first document that names it), so that answer is
// kept only for unknownTTL: an unknown spelling is asked of Neo4j at most once per
// unknownTTL per process, however often it is read. Memory holds at most maxNames
// answers; past that it starts again from Redis.
type SKUNames struct {
	rdb redis.UniversalClient
	src SKUAliases
	key func(sku string) string
	// Now is the clock, replaceable in tests.
	Now func() time.Time

	mu      sync.Mutex
	known   map[[2]string]string
	unknown map[[2]string]unknownName
}

type unknownName struct {
	sku   string
	until time.Time
}

// unknownTTL is how long an unknown spelling's answer is trusted; maxNames bounds memory.
const (
	unknownTTL = time.Second
	maxNames   = 100_000
)

func skuNamesKey(tenant string) string { return "seam:{" + tenant + "}:sku-names" }

// NewSKUNames caches src. key reduces a spelling to the form every spelling of one SKU
// shares (resolver.CanonicalSKUKey), so that the cache holds one entry per product key.
func NewSKUNames(rdb redis.UniversalClient, src SKUAliases, key func(sku string) string) *SKUNames {
	return &SKUNames{rdb: rdb, src: src, key: key, Now: time.Now,
		known: map[[2]string]string{}, unknown: map[[2]string]unknownName{}}
}

// CanonicalSKU returns the product any spelling of a SKU names. It implements the
// GraphQL layer's Products.
func (n *SKUNames) CanonicalSKU(ctx context.Context, tenant, sku string) (string, error) {
	k := [2]string{tenant, n.key(sku)}
	n.mu.Lock()
	if canonical, ok := n.known[k]; ok {
		n.mu.Unlock()
		return canonical, nil
	}
	if u, ok := n.unknown[k]; ok && n.Now().Before(u.until) {
		n.mu.Unlock()
		return u.sku, nil
	}
	n.mu.Unlock()
	// A Redis failure is no reason to refuse a read: Neo4j answers instead.
	if canonical, err := n.rdb.HGet(ctx, skuNamesKey(tenant), k[1]).Result(); err == nil && canonical != "" {
		n.remember(k, canonical, true)
		return canonical, nil
	}
	canonical, known, err := n.src.SKUAlias(ctx, tenant, sku)
	if err != nil {
		return sku, err
	}
	if known {
		_ = n.rdb.HSet(ctx, skuNamesKey(tenant), k[1], canonical).Err() // the next read asks Neo4j again
	}
	n.remember(k, canonical, known)
	return canonical, nil
}

func (n *SKUNames) remember(k [2]string, canonical string, known bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.known)+len(n.unknown) >= maxNames {
		n.known, n.unknown = map[[2]string]string{}, map[[2]string]unknownName{}
	}
	if known {
		n.known[k] = canonical
		delete(n.unknown, k)
		return
	}
	n.unknown[k] = unknownName{sku: canonical, until: n.Now().Add(unknownTTL)}
}
