package main

import (
	"context"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/seamhub/seam/neo4jstore"
)

// backlogCollector reports each tenant's resolution queue: documents pending, the age of
// the oldest, and documents set aside. It asks the store at most once per interval, so a
// scrape every few seconds by several Prometheus servers costs one query per interval;
// a failed read reports nothing rather than stale figures.
type backlogCollector struct {
	read     func(ctx context.Context) ([]neo4jstore.Backlog, error)
	interval time.Duration
	now      func() time.Time

	mu     sync.Mutex
	at     time.Time
	last   []neo4jstore.Backlog
	lastOK bool

	pending, oldest, setAside, unresolved *prometheus.Desc
}

func newBacklogCollector(read func(ctx context.Context) ([]neo4jstore.Backlog, error)) *backlogCollector {
	return &backlogCollector{
		read: read, interval: 10 * time.Second, now: time.Now,
		pending: prometheus.NewDesc("seam_pending_documents",
			"Documents stored and waiting for resolution, by tenant.", []string{"tenant"}, nil),
		oldest: prometheus.NewDesc("seam_pending_oldest_age_seconds",
			"Age of the oldest document waiting for resolution, by tenant (0 when none waits).", []string{"tenant"}, nil),
		setAside: prometheus.NewDesc("seam_set_aside_documents",
			"Documents set aside because their resolution failed on its own, by tenant; `seam quarantine retry` requeues them.",
			[]string{"tenant"}, nil),
		unresolved: prometheus.NewDesc("seam_unresolved_products",
			"Goods lines' products no rule identified yet, by tenant: GraphQL productSuggestions lists them, setProductAlias confirms one.",
			[]string{"tenant"}, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *backlogCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.pending
	ch <- c.oldest
	ch <- c.setAside
	ch <- c.unresolved
}

// Collect implements prometheus.Collector.
func (c *backlogCollector) Collect(ch chan<- prometheus.Metric) {
	now := c.now()
	c.mu.Lock()
	if now.Sub(c.at) >= c.interval {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		c.last, c.lastOK = nil, false
		if b, err := c.read(ctx); err == nil {
			c.last, c.lastOK = b, true
		}
		cancel()
		c.at = now
	}
	last := c.last
	c.mu.Unlock()
	for _, b := range last {
		age := 0.0
		if !b.OldestPending.IsZero() {
			age = now.Sub(b.OldestPending).Seconds()
		}
		ch <- prometheus.MustNewConstMetric(c.pending, prometheus.GaugeValue, float64(b.Pending), b.Tenant)
		ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, age, b.Tenant)
		ch <- prometheus.MustNewConstMetric(c.setAside, prometheus.GaugeValue, float64(b.SetAside), b.Tenant)
		ch <- prometheus.MustNewConstMetric(c.unresolved, prometheus.GaugeValue, float64(b.Unresolved), b.Tenant)
	}
}
