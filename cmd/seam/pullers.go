package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/connectors/pull"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology/apikey"
)

// PullConfig configures one poller of a partner API.
type PullConfig struct {
	Name   string `yaml:"name"` // unique per tenant; names the saved cursor
	Tenant string `yaml:"tenant"`
	System string `yaml:"system"`
	Type   string `yaml:"type"`
	// API is how the partner pages: shopify, square, stripe or woocommerce.
	API      string            `yaml:"api"`
	BaseURL  string            `yaml:"baseUrl"`
	Token    neo4jstore.Secret `yaml:"token"`  // Shopify access token, Square bearer, Stripe key, Woo consumer key
	Secret   neo4jstore.Secret `yaml:"secret"` // Woo consumer secret
	Resource string            `yaml:"resource"`
	// Events filters a Stripe events poll (resource events) by Stripe's event type:
	// "payout.*" by default for type payout, "charge.*" for type charge.
	Events      string        `yaml:"events"`
	LocationIDs []string      `yaml:"locationIds"`
	Every       time.Duration `yaml:"every"`
	MinInterval time.Duration `yaml:"minInterval"`
}

func (c PullConfig) pager() (pull.Pager, error) {
	switch c.API {
	case "shopify":
		return pull.ShopifyOrders{BaseURL: c.BaseURL, Token: string(c.Token)}, nil
	case "square":
		return pull.SquareOrders{BaseURL: c.BaseURL, Token: string(c.Token), LocationIDs: c.LocationIDs}, nil
	case "stripe":
		switch c.Resource {
		case "":
			return nil, fmt.Errorf("pull %s: stripe needs resource (charges, payouts, balance_transactions, payout_transactions, events)", c.Name)
		case "payout_transactions":
			// Each paid payout's balance transactions, with the payout named (type
			// balance_transaction).
			return pull.StripePayoutTransactions{BaseURL: c.BaseURL, Key: string(c.Token)}, nil
		case "events":
			// What happened to objects after they were created (a payout paid, then
			// failed): each Event is stored as a version of the object it wraps.
			events := c.Events
			if events == "" {
				events = c.Type + ".*"
			}
			return pull.StripeList{BaseURL: c.BaseURL, Key: string(c.Token), Resource: c.Resource, EventType: events, Object: c.Type}, nil
		}
		return pull.StripeList{BaseURL: c.BaseURL, Key: string(c.Token), Resource: c.Resource}, nil
	case "woocommerce":
		return pull.WooOrders{BaseURL: c.BaseURL, Key: string(c.Token), Secret: string(c.Secret)}, nil
	}
	return nil, fmt.Errorf("pull %s: unknown api %q (shopify, square, stripe, woocommerce)", c.Name, c.API)
}

// pollers builds the configured pollers.
func (a *App) pollers() ([]*pull.Poller, error) {
	lease := &redisLease{rdb: a.rdb, owner: uuid.NewString()}
	var out []*pull.Poller
	for _, c := range a.cfg.Pull {
		pager, err := c.pager()
		if err != nil {
			return nil, err
		}
		if c.Name == "" || c.Tenant == "" || c.System == "" || c.Type == "" || c.BaseURL == "" {
			return nil, fmt.Errorf("pull %q: name, tenant, system, type and baseUrl are required", c.Name)
		}
		if !apikey.ValidTenant(c.Tenant) {
			return nil, fmt.Errorf("pull %q: %s", c.Name, invalidTenant(c.Tenant))
		}
		out = append(out, &pull.Poller{
			Name: c.Name, Tenant: c.Tenant, System: c.System, Type: c.Type, Pager: pager,
			Client: &http.Client{Timeout: 30 * time.Second}, Store: a.store, Intake: a.intake,
			Log: a.log.With("part", "pull", "poller", c.Name), Every: c.Every, MinInterval: c.MinInterval, Lease: lease,
		})
	}
	return out, nil
}

// redisLease is a pull.Lease in Redis: SET NX with an expiry, released only by its owner.
type redisLease struct {
	rdb   redis.UniversalClient
	owner string
}

func leaseKey(name string) string { return "seam:lease:pull:" + name }

func (l *redisLease) Acquire(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	ok, err := l.rdb.SetNX(ctx, leaseKey(name), l.owner, ttl).Result()
	if err != nil {
		return false, fmt.Errorf("taking lease %s: %w", name, err)
	}
	return ok, nil
}

var releaseScript = redis.NewScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`)

func (l *redisLease) Release(ctx context.Context, name string) error {
	return releaseScript.Run(ctx, l.rdb, []string{leaseKey(name)}, l.owner).Err()
}
