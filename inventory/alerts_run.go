package inventory

import (
	"context"
	"sort"
	"time"
)

// alertRetryPause is how long evaluation waits after a failed round (Neo4j or Redis
// away) before it tries the same products again.
const alertRetryPause = time.Second

// Run evaluates products until ctx ends: those whose stock changes arrives on changes
// (every process sees every change through Redis pub/sub), those Readings and Changed
// name, and on every sweep the products the tenant's settings name and those with alerts
// still open. One product is evaluated at a time, and changes that arrive meanwhile
// gather into one evaluation per product: the cost follows the number of products that
// moved, not the number of movements. It returns when changes is closed, so that the
// caller can subscribe again.
func (s *AlertService) Run(ctx context.Context, changes <-chan TenantCell) {
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		for {
			select {
			case <-ctx.Done():
				return
			case c, ok := <-changes:
				if !ok {
					return
				}
				s.StockChanged(c.Tenant, c.SKU)
			}
		}
	}()
	sweep := time.NewTicker(s.opts.Sweep)
	defer sweep.Stop()
	s.sweep(ctx)
	for ctx.Err() == nil {
		select {
		case <-ctx.Done():
			return
		case <-ended:
			return
		case <-sweep.C:
			s.sweep(ctx)
		case <-s.wake:
		}
		if s.opts.Settle > 0 {
			// Let the rest of a burst arrive.
			select {
			case <-ctx.Done():
				return
			case <-time.After(s.opts.Settle):
			}
		}
		if failed := s.evaluateAll(ctx, s.takeDirty()); failed > 0 && ctx.Err() == nil {
			select {
			case <-ctx.Done():
			case <-time.After(alertRetryPause):
			}
		}
	}
}

// evaluateAll evaluates products in turn; a product whose evaluation fails is asked for
// again. It returns how many failed.
func (s *AlertService) evaluateAll(ctx context.Context, todo []TenantCell) int {
	failed := 0
	var last error
	for _, k := range todo {
		if ctx.Err() != nil {
			return failed
		}
		if _, err := s.Evaluate(ctx, k.Tenant, k.SKU); err != nil {
			failed++
			last = err
			s.mark(k.Tenant, k.SKU)
		}
	}
	if failed > 0 && ctx.Err() == nil {
		s.log.Warn("evaluating alerts; will retry", "products", failed, "err", last)
	}
	return failed
}

// sweep asks for the evaluation of every product that time alone can change: the ones
// tenants' settings name, and the ones with alerts still open (to resolve them when the
// condition went away without a stock change). Each tenant is swept by one process per
// period.
func (s *AlertService) sweep(ctx context.Context) {
	s.forgetStaleConsumption(s.Now())
	open, err := s.store.OpenAlertProducts(ctx)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Warn("listing products with open alerts", "err", err)
		}
		// The configured products are still worth a look.
	}
	byTenant := map[string][]string{}
	for t, c := range s.cfgs {
		byTenant[t] = append(byTenant[t], c.SKUs()...)
	}
	for _, o := range open {
		if _, mine := s.cfgs[o.Tenant]; !mine && s.opts.Sweeps != nil && !s.opts.Sweeps(o.Tenant) {
			continue
		}
		byTenant[o.Tenant] = append(byTenant[o.Tenant], o.SKU)
	}
	tenants := make([]string, 0, len(byTenant))
	for t := range byTenant {
		tenants = append(tenants, t)
	}
	sort.Strings(tenants)
	for _, t := range tenants {
		mine, err := s.cache.ClaimSweep(ctx, t, s.opts.Sweep)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("claiming the alert sweep", "tenant", t, "err", err)
			}
			continue
		}
		if !mine {
			continue
		}
		for _, sku := range byTenant[t] {
			s.mark(t, sku)
		}
	}
}
