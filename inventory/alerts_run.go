package inventory

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/seamhub/seam/ontology"
)

// alertRetryPause is how long evaluation waits after a failed round (Neo4j or Redis
// away) before it tries the same products again.
const alertRetryPause = time.Second

// Run evaluates products until ctx ends: those whose stock changes arrives on changes
// (every process sees every change through Redis pub/sub), those Readings and Changed
// name, and on every sweep the products the tenant's settings name, those with alerts
// still open and those whose lots reach their expiry window or their expiry (learnt from
// every product's stock when Run first starts, then from each evaluation). One product
// is evaluated at a time, and changes that arrive meanwhile gather into one evaluation
// per product: the cost follows the number of products that moved, not the number of
// movements. It returns when changes is closed, so that the caller can subscribe again.
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
	// The expiries are learnt beside evaluation, which must not wait for a scan of every
	// product; Run returns once the scan has stopped.
	lctx, stop := context.WithCancel(ctx)
	learned := make(chan struct{})
	defer func() { stop(); <-learned }()
	go func() {
		defer close(learned)
		if !s.learned.Load() && s.learnExpiries(lctx) {
			s.learned.Store(true)
		}
	}()
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
	// Every process keeps its own note of expiries, from its own evaluations: it asks
	// for the products due whoever claims the sweep.
	s.markExpiring(s.Now())
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

// nextExpiryChange is the first instant after now at which time alone changes what the
// rules say of a product's cells: a lot on hand entering the expiry window, or expiring.
// Zero when none will.
func nextExpiryChange(cfg AlertConfig, cells []Stock, now time.Time) time.Time {
	var next time.Time
	for _, c := range cells {
		exp := cfg.cellExpiry(c)
		if c.OnHand <= 0 || exp.IsZero() {
			continue
		}
		for _, at := range []time.Time{exp.Add(-cfg.Defaults.ExpiryWindow), exp} {
			if at.After(now) {
				next = earlier(next, at)
				break
			}
		}
	}
	return next
}

// noteExpiries keeps when a product is next due for evaluation by its expiries; zero
// forgets it.
func (s *AlertService) noteExpiries(tenant, sku string, next time.Time) {
	k := TenantCell{Tenant: tenant, Cell: ontology.Cell{SKU: sku}}
	s.mu.Lock()
	defer s.mu.Unlock()
	if next.IsZero() {
		delete(s.expiring, k)
	} else {
		s.expiring[k] = next
	}
}

// markExpiring asks for the products whose next expiry change has come; their
// evaluation notes the one after.
func (s *AlertService) markExpiring(now time.Time) {
	s.mu.Lock()
	var due []TenantCell
	for k, at := range s.expiring {
		if !at.After(now) {
			due = append(due, k)
			delete(s.expiring, k)
		}
	}
	s.mu.Unlock()
	for _, k := range due {
		s.mark(k.Tenant, k.SKU)
	}
}

// learnExpiries reads, once when the process starts, the live stock of every product of
// the tenants with alerts, so that the expiries of lots that do not move reach the
// sweep: a product with a lot already in its expiry window is evaluated now (it was
// stocked before this process ran, or before alerts were on), one with a lot that will
// be is noted for then. It costs one Redis read per product, once, beside evaluation.
// It reports whether it read every tenant's products.
func (s *AlertService) learnExpiries(ctx context.Context) bool {
	whole := true
	tenants := make([]string, 0, len(s.cfgs))
	for t := range s.cfgs {
		tenants = append(tenants, t)
	}
	sort.Strings(tenants)
	for _, t := range tenants {
		cfg := s.cfgs[t]
		skus, err := s.cache.SKUs(ctx, t)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("listing products for their lots' expiry", "tenant", t, "err", err)
			}
			whole = false
			continue
		}
		for _, sku := range skus {
			if ctx.Err() != nil {
				return false
			}
			cells, err := s.cache.Stock(ctx, t, sku, "")
			if err != nil {
				if ctx.Err() == nil {
					s.log.Warn("reading stock for its lots' expiry", "tenant", t, "sku", sku, "err", err)
				}
				whole = false
				continue
			}
			now := s.Now()
			if slices.ContainsFunc(cells, func(c Stock) bool {
				exp := cfg.cellExpiry(c)
				return c.OnHand > 0 && !exp.IsZero() && !exp.Add(-cfg.Defaults.ExpiryWindow).After(now)
			}) {
				s.mark(t, sku)
				continue
			}
			if next := nextExpiryChange(cfg, cells, now); !next.IsZero() {
				// An evaluation may have noted the product meanwhile, from fresher stock:
				// the earlier of the two costs one evaluation at most, the later could
				// miss a lot.
				k := TenantCell{Tenant: t, Cell: ontology.Cell{SKU: sku}}
				s.mu.Lock()
				s.expiring[k] = earlier(s.expiring[k], next)
				s.mu.Unlock()
			}
		}
	}
	return whole
}
