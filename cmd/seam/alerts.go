package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/ontology"
)

// readingTap is the intake's document store with the alerts listening: sensor readings
// that passed validation go on to the alert service, which keeps the pallets' sensor
// state and evaluates their products, while the documents are being stored. The alert
// acts on what the sensor said without waiting for the store's transaction, which takes
// one Neo4j round trip off the path from a reading to its pushed alert. Nothing is lost
// by not waiting: a reading whose store fails is not acknowledged, so the broker (or the
// next ingest of the file) delivers it again, and keeping the same reading twice changes
// nothing (an older or equal reading leaves the kept state as it is). A failure to keep
// the sensor state is logged and loses nothing stored.
type readingTap struct {
	connectors.DocumentStore
	alerts *inventory.AlertService
	log    *slog.Logger
}

// SaveDocuments implements connectors.DocumentStore.
func (r readingTap) SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]connectors.Outcome, error) {
	byTenant := map[string][]ontology.Reading{}
	for _, e := range envs {
		if len(e.Doc.Readings) > 0 {
			byTenant[e.Doc.Key.Tenant] = append(byTenant[e.Doc.Key.Tenant], e.Doc.Readings...)
		}
	}
	if len(byTenant) == 0 {
		return r.DocumentStore.SaveDocuments(ctx, envs)
	}
	kept := make(chan struct{})
	go func() {
		defer close(kept)
		for tenant, rs := range byTenant {
			if err := r.alerts.Readings(ctx, tenant, rs); err != nil {
				r.log.Warn("keeping sensor state for alerts", "tenant", tenant, "err", err)
			}
		}
	}()
	out, err := r.DocumentStore.SaveDocuments(ctx, envs)
	<-kept
	return out, err
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

// alertMetrics registers the alerts' metrics and returns what counts a raised alert:
// how many by rule and severity, and the response time (from the condition becoming
// true by its evidence to the alert) where the evidence tells it.
func alertMetrics(reg *prometheus.Registry) func(inventory.Alert, time.Duration) {
	raised := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "seam_alerts_raised_total",
		Help: "Alerts raised by this process, by rule and severity (one per condition while it lasts).",
	}, []string{"rule", "severity"})
	lag := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "seam_alert_response_seconds",
		Help: "Time from a condition becoming true by its evidence (a reading, an excursion passing its limit) to its alert.",
		// From a settle interval to an hour: the contract is 15 minutes.
		Buckets: []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600},
	}, []string{"rule"})
	reg.MustRegister(raised, lag)
	return func(a inventory.Alert, d time.Duration) {
		raised.WithLabelValues(string(a.Rule), string(a.Severity)).Inc()
		if d > 0 {
			lag.WithLabelValues(string(a.Rule)).Observe(d.Seconds())
		}
	}
}
