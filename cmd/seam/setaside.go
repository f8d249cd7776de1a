package main

import (
	"context"

	"github.com/seamhub/seam/resolver"
)

// setAside serves the set-aside documents to GraphQL and wakes the worker for those it
// puts back in the queue.
type setAside struct{ a *App }

func (s setAside) SetAsideDocuments(ctx context.Context, tenant, after string, first int, systems []string) ([]resolver.SetAsideDocument, error) {
	return s.a.store.SetAsideDocuments(ctx, tenant, after, first, systems)
}

func (s setAside) RetrySetAside(ctx context.Context, tenant string, uids []string) (int64, error) {
	n, err := s.a.store.RetrySetAside(ctx, tenant, uids)
	if err == nil && n > 0 {
		s.a.worker.Notify(tenant)
	}
	return n, err
}

// products serves productSuggestions and wakes the worker for the documents a
// setProductAlias puts back in the queue.
type products struct{ a *App }

func (p products) ProductSuggestions(ctx context.Context, tenant string, first int) ([]resolver.ProductSuggestion, error) {
	return p.a.store.ProductSuggestions(ctx, tenant, first)
}

func (p products) SetProductAlias(ctx context.Context, al resolver.ProductAlias) (int64, error) {
	n, err := p.a.store.SetProductAlias(ctx, al)
	if err == nil {
		p.a.log.Info("product alias set", "tenant", al.Tenant, "system", al.System, "code", al.Code, "sku", al.SKU,
			"documents_to_replan", n)
		p.a.worker.Notify(al.Tenant)
	}
	return n, err
}
