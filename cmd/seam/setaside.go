package main

import (
	"context"

	"github.com/seamhub/seam/resolver"
)

// setAside serves the set-aside documents to GraphQL and wakes the worker for those it
// puts back in the queue.
type setAside struct{ a *App }

func (s setAside) SetAsideDocuments(ctx context.Context, tenant, after string, first int, systems ...string) ([]resolver.SetAsideDocument, error) {
	return s.a.store.SetAsideDocuments(ctx, tenant, after, first, systems...)
}

func (s setAside) RetrySetAside(ctx context.Context, tenant string, uids []string) (int64, error) {
	n, err := s.a.store.RetrySetAside(ctx, tenant, uids)
	if err == nil && n > 0 {
		s.a.worker.Notify(tenant)
	}
	return n, err
}
