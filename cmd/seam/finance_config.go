package main

import (
	"fmt"
	"time"

	"github.com/seamhub/seam/finance"
)

// FinanceConfig is the `finance:` section of the config file:
//
//	finance:
//	  amount: { minor: 1, pct: "0" }            # money between documents: one minor unit of the currency
//	  declared: { minor: 1, pct: "0.5" }        # customs value against invoice or order
//	  qty: { abs: "0" }
//	  customerTermsDays: 30
//	  collectedBy: [square, meituan, douyin, pinduoduo]
//	  rates: [ { from: USD, to: CNY, rate: "7.10" } ]
//	  terms:                                    # agreed payment terms, days, per tenant and supplier
//	    acme: { "erpnext:SUP-0007": 60 }
//	  breaker: { termsBoundDays: 10, termsInvoices: 3, declaredBoundPct: "5", declaredPairs: 3 }
type FinanceConfig struct {
	finance.Config `yaml:",inline"`
	// Terms are agreed payment terms in days, by tenant and then supplier
	// ("system:code", as the ERP names the supplier). setPaymentTerms overrides them.
	Terms map[string]map[string]int `yaml:"terms"`
	// Breaker bounds the contract-drift circuit breaker.
	Breaker finance.BreakerRules `yaml:"breaker"`
}

// DefaultFinanceConfig is finance as Seam ships it.
func DefaultFinanceConfig() FinanceConfig {
	return FinanceConfig{Config: finance.DefaultConfig(), Breaker: finance.DefaultBreakerRules()}
}

// Validate reports finance settings that cannot work.
func (f FinanceConfig) Validate() error {
	if err := f.Config.Validate(); err != nil {
		return err
	}
	for tenant, terms := range f.Terms {
		for supplier, days := range terms {
			if days < 0 {
				return fmt.Errorf("finance.terms.%s.%s: %d days is negative", tenant, supplier, days)
			}
		}
	}
	return f.Breaker.Validate()
}

// forTenant is the reconciliation config of one tenant: the shared tolerances with the
// tenant's configured terms.
func (f FinanceConfig) forTenant(tenant string) finance.Config {
	c := f.Config
	c.Terms = f.Terms[tenant]
	return c
}

// financeService is finance as the API serves it, over the app's store.
func (a *App) financeService() *finance.Service {
	cfg := a.cfg.Finance
	return &finance.Service{
		Source: a.store, Clock: a.store, Runs: a.store, Maturity: a.store, ConfigFor: cfg.forTenant,
		Breakers: &finance.Breakers{Terms: a.store, Evidence: a.store, Ledger: a.store, Purchases: a.store,
			Rules: cfg.Breaker, ConfigFor: cfg.forTenant, Now: time.Now},
	}
}
