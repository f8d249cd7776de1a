package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// batchLoader loads values by key for one GraphQL operation, a whole level at a time.
// Parents announce the keys their children will ask for (expect); the first child's load
// fetches every announced key in one store query, and its siblings find theirs loaded.
// Announcing instead of waiting a few milliseconds for siblings to gather keeps batching
// independent of goroutine scheduling. Values are kept for the operation: the three lazy
// fields of one event share one load.
type batchLoader[K comparable, V any] struct {
	fetch func(ctx context.Context, keys []K) (map[K]V, error)

	// mu is held during a fetch too: a sibling that arrives meanwhile waits for the batch
	// that holds its key instead of fetching it again.
	mu   sync.Mutex
	done map[K]loaded[V]
	want []K
}

type loaded[V any] struct {
	v   V
	err error
}

func newBatchLoader[K comparable, V any](fetch func(ctx context.Context, keys []K) (map[K]V, error)) *batchLoader[K, V] {
	return &batchLoader[K, V]{fetch: fetch, done: map[K]loaded[V]{}}
}

// expect announces keys that loads will soon ask for.
func (l *batchLoader[K, V]) expect(keys ...K) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if _, ok := l.done[k]; !ok {
			l.want = append(l.want, k)
		}
	}
}

// load returns the value of key (the zero value when the store has none), fetching it
// together with every announced key not loaded yet.
func (l *batchLoader[K, V]) load(ctx context.Context, key K) (V, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.done[key]; ok {
		return r.v, r.err
	}
	seen := map[K]bool{key: true}
	keys := []K{key}
	for _, k := range l.want {
		if _, ok := l.done[k]; !ok && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	l.want = nil
	got, err := l.fetch(ctx, keys)
	for _, k := range keys {
		l.done[k] = loaded[V]{v: got[k], err: err}
	}
	r := l.done[key]
	return r.v, r.err
}

// values returns what was loaded so far without error.
func (l *batchLoader[K, V]) values() []V {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]V, 0, len(l.done))
	for _, r := range l.done {
		if r.err == nil {
			out = append(out, r.v)
		}
	}
	return out
}

// reset forgets everything loaded: after a mutation, what was read before it is stale.
func (l *batchLoader[K, V]) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done, l.want = map[K]loaded[V]{}, nil
}

// loaders are one operation's loaders, one per level of document -> event -> sources.
type loaders struct {
	events  *batchLoader[string, *resolver.EventDetail]
	docs    *batchLoader[ontology.DocKey, *ontology.StoredDocument]
	parties *batchLoader[ontology.DocKey, []resolver.DocumentParty]
}

type loadersCtx struct{}

// newLoaders makes one operation's loaders, scoped to one tenant.
func newLoaders(svc Services, tenant string) *loaders {
	return &loaders{
		events: newBatchLoader(func(ctx context.Context, ids []string) (map[string]*resolver.EventDetail, error) {
			return svc.Events.EventDetails(ctx, tenant, ids)
		}),
		docs: newBatchLoader(func(ctx context.Context, keys []ontology.DocKey) (map[ontology.DocKey]*ontology.StoredDocument, error) {
			byUID, err := svc.Documents.Documents(ctx, tenant, keys)
			out := make(map[ontology.DocKey]*ontology.StoredDocument, len(byUID))
			for _, k := range keys {
				if d := byUID[k.UID()]; d != nil {
					out[k] = d
				}
			}
			return out, err
		}),
		parties: newBatchLoader(func(ctx context.Context, keys []ontology.DocKey) (map[ontology.DocKey][]resolver.DocumentParty, error) {
			byUID, err := svc.Parties.DocumentsParties(ctx, tenant, keys)
			out := make(map[ontology.DocKey][]resolver.DocumentParty, len(byUID))
			for _, k := range keys {
				if ps := byUID[k.UID()]; ps != nil {
					out[k] = ps
				}
			}
			return out, err
		}),
	}
}

// withLoaders gives each operation fresh loaders scoped to its key's tenant. It runs
// around every operation, so a websocket that stays open for hours never serves a
// cached answer from an earlier operation.
func withLoaders(svc Services) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		tenant, _ := tenantOf(ctx)
		return next(context.WithValue(ctx, loadersCtx{}, newLoaders(svc, tenant)))
	}
}

// loaders returns the operation's loaders.
func (r *Resolver) loaders(ctx context.Context) (*loaders, error) {
	tenant, err := tenantOf(ctx)
	if err != nil {
		return nil, err
	}
	if l, ok := ctx.Value(loadersCtx{}).(*loaders); ok {
		return l, nil
	}
	return newLoaders(r.svc, tenant), nil // outside an operation: nothing to share
}

// event loads an event of the request's tenant; nil when it has none of that id. Before
// the first load of a level it announces the events of every document loaded so far, so
// that document -> event costs one query however many documents the answer shows.
func (l *loaders) event(ctx context.Context, id string) (*resolver.EventDetail, error) {
	for _, d := range l.docs.values() {
		if d != nil && d.EventID != "" {
			l.events.expect(d.EventID)
		}
	}
	return l.events.load(ctx, id)
}

// document loads a document of the request's tenant; nil when it has none with that key.
// It announces the sources of every event loaded so far: event -> sources costs one query.
func (l *loaders) document(ctx context.Context, key ontology.DocKey) (*ontology.StoredDocument, error) {
	for _, d := range l.events.values() {
		if d == nil {
			continue
		}
		for _, s := range d.Sources {
			l.docs.expect(s.Key)
		}
	}
	return l.docs.load(ctx, key)
}

// documentParties loads the parties a document of the request's tenant mentions. It announces
// every document loaded so far: the parties of an answer's documents (an event's
// sources, a review queue's page) cost one query, not one each.
func (l *loaders) documentParties(ctx context.Context, key ontology.DocKey) ([]resolver.DocumentParty, error) {
	for _, d := range l.docs.values() {
		if d != nil {
			l.parties.expect(d.Key)
		}
	}
	return l.parties.load(ctx, key)
}

func (l *loaders) reset() {
	l.events.reset()
	l.docs.reset()
	l.parties.reset()
}
