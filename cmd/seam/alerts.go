package main

import (
	"context"
	"log/slog"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/ontology"
)

// readingTap is the intake's document store with the alerts listening: sensor readings
// that were stored (new or a new version) go on to the alert service, which keeps the
// pallets' sensor state and evaluates their products. Readings reach it on the replica
// that stored them, as soon as they are durable; a failure to keep the sensor state is
// logged and loses nothing stored.
type readingTap struct {
	connectors.DocumentStore
	alerts *inventory.AlertService
	log    *slog.Logger
}

// SaveDocuments implements connectors.DocumentStore.
func (r readingTap) SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]connectors.Outcome, error) {
	out, err := r.DocumentStore.SaveDocuments(ctx, envs)
	if err != nil {
		return out, err
	}
	byTenant := map[string][]ontology.Reading{}
	for i, e := range envs {
		if i < len(out) && (out[i] == "new" || out[i] == "updated") && len(e.Doc.Readings) > 0 {
			byTenant[e.Doc.Key.Tenant] = append(byTenant[e.Doc.Key.Tenant], e.Doc.Readings...)
		}
	}
	for tenant, rs := range byTenant {
		if err := r.alerts.Readings(ctx, tenant, rs); err != nil {
			r.log.Warn("keeping sensor state for alerts", "tenant", tenant, "err", err)
		}
	}
	return out, nil
}

// runAlerts evaluates alerts on every tenant's stock changes until ctx ends or the
// subscription drops (keepRunning then subscribes again).
func (a *App) runAlerts(ctx context.Context) {
	changes, err := a.cache.SubscribeAllStock(ctx)
	if err != nil {
		if ctx.Err() == nil {
			a.log.Warn("subscribing to stock changes for alerts; retrying", "err", err)
		}
		return
	}
	a.alerts.Run(ctx, changes)
}

// alertsAPI is what GraphQL needs of alerts: the service, and the fan-out of raised
// alerts through Redis.
type alertsAPI struct {
	*inventory.AlertService
	cache *rediscache.Cache
}

// SubscribeAlerts implements graph.Alerts.
func (x alertsAPI) SubscribeAlerts(ctx context.Context, tenant string) (<-chan inventory.Alert, error) {
	return x.cache.SubscribeAlerts(ctx, tenant)
}
