package graph

import (
	"context"
	"sync"

	"github.com/seamhub/seam/resolver"
)

type detailCacheKey struct{}

// detailCache loads each event at most once per request: an event's movements, sources
// and evidence are separate GraphQL fields but one store query.
type detailCache struct {
	mu      sync.Mutex
	entries map[string]*detailEntry
}

type detailEntry struct {
	once sync.Once
	d    *resolver.EventDetail
	err  error
}

func withDetailCache(ctx context.Context) context.Context {
	return context.WithValue(ctx, detailCacheKey{}, &detailCache{entries: map[string]*detailEntry{}})
}

func (c *detailCache) get(ctx context.Context, ev EventReader, tenant, id string) (*resolver.EventDetail, error) {
	c.mu.Lock()
	e := c.entries[id]
	if e == nil {
		e = &detailEntry{}
		c.entries[id] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.d, e.err = ev.EventDetail(ctx, tenant, id) })
	return e.d, e.err
}
