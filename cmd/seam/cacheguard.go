package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// cacheGuardEvery is how often a server checks that Redis still holds live stock.
const cacheGuardEvery = 2 * time.Second

// guardCache rebuilds live stock from the ledger when Redis loses it while Seam runs (a
// restart without persistence, a flush): Redis is a cache and the ledger the truth, but
// only movements not yet projected are applied again by themselves, so without this the
// stock read would lack everything projected before the loss.
//
// The first check of a process only sets the mark when it is missing: a Redis that lost
// its data while no Seam ran cannot be told from a new one, and `seam cache rebuild`
// is then the operator's step (see the README).
func (a *App) guardCache(ctx context.Context) {
	first := true
	for {
		if err := a.checkCache(ctx, first); err != nil {
			if ctx.Err() != nil {
				return
			}
			a.log.Warn("checking that redis holds live stock", "err", err)
		} else {
			first = false
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(cacheGuardEvery):
		}
	}
}

// checkCache rebuilds every tenant of this process's scope when the guard mark is gone.
func (a *App) checkCache(ctx context.Context, first bool) error {
	scope := a.cfg.TenantPrefix
	ok, err := a.cache.Holds(ctx, scope)
	if err != nil || ok {
		return err
	}
	if first {
		return a.cache.Mark(ctx, scope)
	}
	won, err := a.cache.ClaimRebuild(ctx, scope, 10*time.Minute)
	if err != nil || !won {
		return err // another replica rebuilds
	}
	if err := a.rebuildScope(ctx, scope); err != nil {
		_ = a.cache.ReleaseRebuild(context.WithoutCancel(ctx), scope)
		return err
	}
	return a.cache.Mark(ctx, scope)
}

// rebuildScope rebuilds the live stock of every tenant whose name starts with scope.
func (a *App) rebuildScope(ctx context.Context, scope string) error {
	tenants, err := a.store.Tenants(ctx)
	if err != nil {
		return err
	}
	a.log.Warn("redis lost live stock; rebuilding it from the ledger", "scope", scope)
	n := 0
	for _, t := range tenants {
		if !strings.HasPrefix(t, scope) {
			continue
		}
		if _, err := a.projector.Rebuild(ctx, t); err != nil {
			return fmt.Errorf("rebuilding the stock of %s: %w", t, err)
		}
		n++
	}
	a.log.Warn("live stock rebuilt from the ledger", "scope", scope, "tenants", n)
	return nil
}
