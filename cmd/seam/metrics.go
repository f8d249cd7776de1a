package main

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/resolver"
)

// Metrics are Seam's Prometheus metrics, in a registry of their own (no global state).
type Metrics struct {
	Registry    *prometheus.Registry
	documents   *prometheus.CounterVec
	webhooks    *prometheus.CounterVec
	resolveTime prometheus.Histogram
	resolved    *prometheus.CounterVec
	movements   prometheus.Counter
	resolveErrs prometheus.Counter
	setAside    prometheus.Counter
	ready       *prometheus.GaugeVec
}

// NewMetrics registers Seam's metrics and the Go runtime's.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seam_documents_total",
			Help: "Source documents taken in, by system, type, way in and outcome (new, updated, stale, duplicate, quarantined, ignored: a record its mapping skips by design).",
		}, []string{"system", "type", "via", "outcome"}),
		webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seam_webhook_requests_total",
			Help: "Webhook requests by system and answer status (accepted, duplicate, quarantined, rejected).",
		}, []string{"system", "status"}),
		resolveTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "seam_resolution_batch_seconds",
			Help:    "Time to resolve one batch of pending documents, including the ledger write.",
			Buckets: prometheus.ExponentialBuckets(0.002, 2, 14),
		}),
		resolved: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seam_resolution_documents_total",
			Help: "Documents resolved, by decision (created an event, joined one, merged events).",
		}, []string{"decision"}),
		movements: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seam_ledger_movements_total",
			Help: "Ledger movements appended (plans and compensations).",
		}),
		resolveErrs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seam_resolution_errors_total",
			Help: "Resolution batches that failed and will be retried.",
		}),
		setAside: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seam_resolution_set_aside_total",
			Help: "Documents set aside because their resolution failed (or panicked) on its own; the rest of their batch went on.",
		}),
		ready: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "seam_dependency_up",
			Help: "1 when a dependency (neo4j, redis, mqtt) answered the last readiness check.",
		}, []string{"dependency"}),
	}
	m.Registry.MustRegister(m.documents, m.webhooks, m.resolveTime, m.resolved, m.movements, m.resolveErrs, m.setAside, m.ready,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveDocument counts one document's outcome at the intake.
func (m *Metrics) ObserveDocument(system, typ, via, outcome string) {
	m.documents.WithLabelValues(system, typ, via, outcome).Inc()
}

// ObserveWebhook counts one webhook answer.
func (m *Metrics) ObserveWebhook(_, system, status string) {
	m.webhooks.WithLabelValues(system, status).Inc()
}

// ObserveResolution records one resolution batch.
func (m *Metrics) ObserveResolution(_ string, st resolver.Stats, took time.Duration, err error) {
	if err != nil {
		m.resolveErrs.Inc()
		return
	}
	if st.Documents == 0 {
		return
	}
	m.resolveTime.Observe(took.Seconds())
	m.resolved.WithLabelValues("created").Add(float64(st.Created))
	m.resolved.WithLabelValues("joined").Add(float64(st.Joined))
	m.resolved.WithLabelValues("merged").Add(float64(st.Merged))
	m.movements.Add(float64(len(st.Movements)))
	m.setAside.Add(float64(st.SetAside))
}

// WatchBacklog adds the per-tenant resolution queue gauges, read from the store.
func (m *Metrics) WatchBacklog(read func(ctx context.Context) ([]neo4jstore.Backlog, error)) {
	m.Registry.MustRegister(newBacklogCollector(read))
}

// SetUp records whether a dependency answered.
func (m *Metrics) SetUp(dep string, up bool) {
	v := 0.0
	if up {
		v = 1
	}
	m.ready.WithLabelValues(dep).Set(v)
}

// WatchMQTTElsewhere adds the count of MQTT messages left to other servers: their
// tenant is outside this server's tenantPrefix (mqtt.Subscriber.Elsewhere).
func (m *Metrics) WatchMQTTElsewhere(count func() int64) {
	m.Registry.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "seam_mqtt_messages_elsewhere_total",
		Help: "MQTT messages of tenants outside this server's tenant prefix, acknowledged and left to their servers."},
		func() float64 { return float64(count()) }))
}

// WatchNearCache adds the stock query's near cache counters (Redis.NearCache): a falling
// hit ratio under steady reads means writes invalidate faster than reads repeat.
func (m *Metrics) WatchNearCache(stats func() redis.CSCStats) {
	m.Registry.MustRegister(
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "seam_stock_near_cache_hits_total",
			Help: "Stock reads answered from this process's memory (invalidated by Redis)."},
			func() float64 { return float64(stats().Hits) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "seam_stock_near_cache_misses_total",
			Help: "Stock reads the near cache sent to Redis."},
			func() float64 { return float64(stats().Misses) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "seam_stock_near_cache_entries",
			Help: "Product stock hashes held in the near cache."},
			func() float64 { return float64(stats().Entries) }),
	)
}
