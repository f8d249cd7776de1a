package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
	"github.com/seamhub/seam/resolver"
)

// App is one Seam process's wiring: every adapter and service, built once in Open and
// released in Close. Subcommands use the parts they need.
type App struct {
	cfg       Config
	log       *slog.Logger
	store     *neo4jstore.Store
	rdb       redis.UniversalClient
	cache     *rediscache.Cache
	mqtt      mqtt.Client
	mapper    *Mapper
	intake    *connectors.Intake
	registry  *resolver.Registry
	matcher   *resolver.Matcher
	projector *inventory.Projector
	worker    *resolver.Worker
	metrics   *Metrics
	keys      *apikey.Checker

	// reservations decides in Redis and records in Neo4j; the projector flushes its
	// journal before it verifies or rebuilds.
	reservations *inventory.Reservations
	// liveStock answers the GraphQL stock query: cache itself, or the same reads through
	// near, whose replies stay in memory until Redis invalidates them (Redis.NearCache).
	liveStock *rediscache.Cache
	near      *rediscache.Near
	// skuNames answers which product a SKU spelling names without Neo4j, for reads.
	skuNames *rediscache.SKUNames
	// counts books people's counts of stock cells.
	counts *inventory.Counts
	// alerts evaluates alert rules; readings reach it from the intake (readingTap).
	alerts *inventory.AlertService
	// predict refreshes forecasts and proposals and runs the sandbox.
	predict *predict.Service

	migrated sync.Once
	schemaOK chan struct{}
}

// Open builds the app. It does not wait for Neo4j, Redis or the broker: a server starts
// and reports not-ready until they answer (commands that need them call WaitReady).
func Open(cfg Config, log *slog.Logger) (*App, error) {
	a := &App{cfg: cfg, log: log, metrics: NewMetrics(), schemaOK: make(chan struct{})}
	var err error
	a.store, err = neo4jstore.Open(neo4jstore.Config{
		URI: cfg.Neo4j.URI, User: cfg.Neo4j.User, Password: cfg.Neo4j.Password, Database: cfg.Neo4j.Database,
	}, log.With("part", "neo4j"))
	if err != nil {
		return nil, err
	}
	a.metrics.WatchBacklog(a.store.Backlogs)
	a.rdb = redis.NewUniversalClient(&redis.UniversalOptions{
		Addrs:      strings.Split(cfg.Redis.Addr, ","),
		Password:   string(cfg.Redis.Password),
		MasterName: cfg.Redis.MasterName,
	})
	a.cache = rediscache.New(a.rdb)
	a.liveStock = a.cache
	if cfg.Redis.NearCache && cfg.Redis.MasterName == "" && !strings.Contains(cfg.Redis.Addr, ",") {
		a.near = rediscache.NewNear(cfg.Redis.Addr, string(cfg.Redis.Password))
		a.rdb.AddHook(a.near.WriterHook()) // this process's writes are read back at once
		a.liveStock = a.near.Stock()
		a.metrics.WatchNearCache(a.near.Stats)
	}
	a.skuNames = rediscache.NewSKUNames(a.rdb, a.store, resolver.CanonicalSKUKey)
	a.mapper, err = NewMapper(cfg.Mappings)
	if err != nil {
		a.Close(context.Background())
		return nil, err
	}
	a.registry = resolver.NewRegistry(cfg.Locations, cfg.Products, cfg.Recipes...)
	for _, n := range cfg.NoteFields {
		a.registry.SetNoteFields(n)
	}
	a.matcher = resolver.NewMatcher(a.store, a.registry, log.With("part", "resolver"))
	a.matcher.SetPartyModels(a.store, cfg.PartyModelPins)
	a.matcher.SetPartyOneToOne(cfg.PartyOneToOne)
	ours := func(t string) bool { return strings.HasPrefix(t, cfg.TenantPrefix) }
	a.reservations = inventory.NewReservations(a.cache, a.store, cfg.SafetyHolds, log.With("part", "reservations"),
		inventory.ReservationConfig{Sweeps: ours})
	a.matcher.SetReservations(a.reservations)
	a.projector = inventory.NewProjector(a.store, a.cache, a.reservations)
	a.projector.DeferMarks(markDelay, log.With("part", "projector"))
	a.matcher.SetHeldMarks(a.projector)
	a.counts = inventory.NewCounts(a.store, a.projector, log.With("part", "counts"))
	a.worker = resolver.NewWorker(a.matcher, a.projector, a.store, log.With("part", "worker"),
		resolver.WorkerConfig{Observe: a.metrics.ObserveResolution, Sweeps: ours, SweepPrefix: cfg.TenantPrefix})
	a.alerts = inventory.NewAlertService(a.store, a.cache, a.projector, cfg.Alerts, log.With("part", "alerts"),
		inventory.AlertServiceConfig{Sweep: cfg.AlertSweep, OnRaised: alertMetrics(a.metrics.Registry), Sweeps: ours})
	a.predict = predict.NewService(a.store, a.store, predict.ServiceConfig{Now: func() time.Time { return a.store.Now() }, Policies: cfg.policies,
		TimeZone: cfg.timeZone},
		log.With("part", "forecast"))
	a.intake = a.newIntake(false)
	a.keys = apikey.NewChecker(a.store, cfg.KeyCacheTTL)
	return a, nil
}

// newIntake builds the intake every way in shares. inline makes a webhook's few
// documents resolved in its request (inlineStore): only a serving process does that,
// whose requests wait for it; commands (ingest, benches, replays) store, then resolve.
func (a *App) newIntake(inline bool) *connectors.Intake {
	var docs connectors.DocumentStore = readingTap{a.store, a.alerts, a.log.With("part", "alerts")}
	if inline {
		docs = newInlineStore(docs, a.worker, a.log.With("part", "inline"), a.cfg.HTTP.InlineBudget)
	}
	in := connectors.NewIntake(a.mapper, ontology.NewValidator(), docs, a.worker.Notify)
	in.Observe = a.metrics.ObserveDocument
	// A Sparkplug reading stored under its former id is found there when delivered again.
	in.Former = a.store
	return in
}

// markDelay is how long the projector holds the Unprojected marks of the movements it
// applied before clearing them in one write (inventory.Projector.DeferMarks): a live
// webhook's own write transaction for its one movement's mark ran beside the next
// webhook's storage and resolution. The tenant's next resolution clears them in its own
// write (Matcher.SetHeldMarks) when it comes within the delay, as it does while
// documents keep coming; the flush clears the rest.
const markDelay = 200 * time.Millisecond

// ConnectMQTT starts the broker connection; paho keeps reconnecting on its own. The
// session is persistent (clean session off, fixed client id) so that QoS 1 readings
// published while Seam was down are delivered when it returns.
//
// onMessage, when set, receives every message no subscription claims: on reconnecting
// to a persistent session the broker sends what it kept before the subscription's
// handler is registered again, and those messages must not be lost.
func (a *App) ConnectMQTT(onConnect func(mqtt.Client), onMessage func(mqtt.Message)) {
	if !a.cfg.MQTTEnabled() {
		a.log.Info("mqtt off: no broker configured, no sensor readings taken")
		return
	}
	opts := mqtt.NewClientOptions().
		AddBroker(a.cfg.MQTT.URL).
		SetClientID(a.cfg.MQTT.ClientID).
		SetCleanSession(false).
		SetAutoReconnect(true).
		SetConnectRetry(true).
		SetConnectRetryInterval(time.Second).
		SetMaxReconnectInterval(10 * time.Second).
		// In order: the subscriber keeps each edge node's messages in sequence (a
		// Sparkplug DDATA must not be read before the DBIRTH that names its aliases) and
		// stores different sources concurrently on its own.
		SetOrderMatters(true).
		// Acknowledge only once a reading is stored (the subscriber calls Ack), so a
		// crash in between makes the broker deliver it again.
		SetAutoAckDisabled(true).
		SetConnectTimeout(5 * time.Second)
	if onMessage != nil {
		opts.SetDefaultPublishHandler(func(_ mqtt.Client, m mqtt.Message) { onMessage(m) })
	}
	if a.cfg.MQTT.User != "" {
		opts.SetUsername(a.cfg.MQTT.User).SetPassword(string(a.cfg.MQTT.Password))
	}
	opts.SetOnConnectHandler(func(c mqtt.Client) {
		a.log.Info("mqtt connected", "broker", a.cfg.MQTT.URL)
		if onConnect != nil {
			onConnect(c)
		}
	})
	opts.SetConnectionLostHandler(func(_ mqtt.Client, err error) {
		a.log.Warn("mqtt connection lost; reconnecting", "err", err)
	})
	a.mqtt = mqtt.NewClient(opts)
	a.mqtt.Connect() // with ConnectRetry the token completes only once connected
}

// Migrate creates the Neo4j schema, retrying until Neo4j answers or ctx ends.
func (a *App) Migrate(ctx context.Context) error {
	for {
		err := a.store.Migrate(ctx)
		if err == nil {
			err = a.loadAliases(ctx)
		}
		if err == nil {
			a.migrated.Do(func() { close(a.schemaOK) })
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
		a.log.Warn("neo4j schema not ready; retrying", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}

// Check is the readiness of each dependency: nil when it answered.
type Check struct {
	Neo4j, Redis, MQTT error
}

// Ready checks every dependency now.
func (a *App) Ready(ctx context.Context) Check {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var c Check
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		c.Neo4j = a.store.Ping(ctx)
		if c.Neo4j == nil {
			select {
			case <-a.schemaOK:
			default:
				c.Neo4j = errors.New("schema not created yet")
			}
		}
	}()
	go func() { defer wg.Done(); c.Redis = a.cache.Ping(ctx) }()
	wg.Wait()
	switch {
	case !a.cfg.MQTTEnabled():
		// No broker configured: nothing to wait for.
	case a.mqtt == nil:
		c.MQTT = errors.New("not connected (this command does not use MQTT)")
	case !a.mqtt.IsConnectionOpen():
		c.MQTT = fmt.Errorf("not connected to %s", a.cfg.MQTT.URL)
	}
	a.metrics.SetUp("neo4j", c.Neo4j == nil)
	a.metrics.SetUp("redis", c.Redis == nil)
	if a.cfg.MQTTEnabled() {
		a.metrics.SetUp("mqtt", c.MQTT == nil)
	}
	return c
}

// WaitReady waits until Neo4j (with its schema) and Redis answer, for commands that
// cannot do anything without them.
func (a *App) WaitReady(ctx context.Context) error {
	if err := a.store.WaitReady(ctx); err != nil {
		return err
	}
	if err := a.Migrate(ctx); err != nil {
		return err
	}
	for {
		err := a.cache.Ping(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for redis at %s: %w (last error: %v)", a.cfg.Redis.Addr, ctx.Err(), err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// Close releases every connection.
func (a *App) Close(ctx context.Context) {
	if a.projector != nil && a.store != nil {
		// Held marks would be found by the next start's catch-up, at the cost of
		// applying their movements again (which changes nothing).
		a.projector.Close(ctx)
	}
	if a.mqtt != nil {
		a.mqtt.Disconnect(250)
	}
	if a.near != nil {
		_ = a.near.Close()
	}
	if a.rdb != nil {
		_ = a.rdb.Close()
	}
	if a.store != nil {
		_ = a.store.Close(ctx)
	}
}
