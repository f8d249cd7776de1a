package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/seamhub/seam/connectors/mqtt"
	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/graph"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/web"
)

// Server is a running `seam serve`: the app plus its HTTP listener and background work.
type Server struct {
	App      *App
	Addr     string // the address actually listened on (":0" resolved)
	http     *http.Server
	done     chan struct{}
	bg       sync.WaitGroup // background work that uses the app's connections
	sub      *mqtt.Subscriber
	cancel   context.CancelFunc
	serveErr error
}

// StartServer opens the app, binds the HTTP address and starts the background work:
// schema creation, the resolution worker and the MQTT connection. It returns once the
// listener is bound; dependencies may still be coming up (see /readyz).
func StartServer(ctx context.Context, cfg Config, log *slog.Logger) (*Server, error) {
	dashboard, err := web.NewHandler()
	if err != nil {
		return nil, err
	}
	app, err := Open(cfg, log)
	if err != nil {
		return nil, err
	}
	if cfg.HTTP.InlineResolution {
		app.intake = app.newIntake(true)
	}
	ln, err := net.Listen("tcp", cfg.HTTP.Addr)
	if err != nil {
		app.Close(ctx)
		return nil, fmt.Errorf("listening on %s: %w", cfg.HTTP.Addr, err)
	}
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Server{App: app, Addr: ln.Addr().String(), done: make(chan struct{}), cancel: cancel}
	s.http = &http.Server{
		Handler:           s.routes(dashboard),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	sub := mqtt.NewSubscriber(bg, app.intake, cfg.MQTT.Sparkplug, log.With("part", "mqtt"))
	sub.ShareGroup = cfg.shareGroup()
	sub.Tenants = cfg.mqttTenants()
	sub.TenantPrefix = cfg.TenantPrefix
	app.metrics.WatchMQTTElsewhere(sub.Elsewhere)
	sub.MaxPayload = cfg.MQTT.MaxPayload
	sub.Transient = neo4jstore.IsTransient
	s.sub = sub
	app.mapper.readings.OnUnknownAlias = sub.AskRebirth
	app.ConnectMQTT(func(c paho.Client) {
		if err := sub.Subscribe(c); err != nil {
			log.Error("subscribing to sensor topics", "err", err)
		}
	}, sub.Dispatch)
	pollers, err := app.pollers()
	if err != nil {
		cancel()
		ln.Close()
		app.Close(ctx)
		return nil, err
	}
	for _, p := range pollers {
		s.afterSchema(bg, log.With("part", "pull"), p.Run)
	}
	// Every replica sweeps: each expiry is decided once by its Redis script, and the
	// journal of decisions not yet in Neo4j is recorded by whichever replica comes first.
	s.afterSchema(bg, log.With("part", "reservations"), func(ctx context.Context) { app.reservations.Run(ctx, time.Second) })
	// Every replica evaluates the stock changes it hears of (the store raises each
	// condition once); each tenant's sweep is claimed by one replica at a time.
	s.afterSchema(bg, log.With("part", "alerts"), app.runAlerts)
	s.afterSchema(bg, log.With("part", "cache"), app.guardCache)
	if cfg.ForecastEvery > 0 {
		s.afterSchema(bg, log.With("part", "forecast"), app.runForecastSchedule)
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		if err := app.Migrate(bg); err != nil && bg.Err() == nil {
			log.Error("creating neo4j schema", "err", err)
			return
		}
		// Beside the worker, not before it: a document announced meanwhile is resolved
		// at once (planning its statement itself, as it did before).
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			if err := app.store.WarmResolution(bg); err != nil && bg.Err() == nil {
				log.Warn("planning resolution's statement ahead of the first document", "err", err)
			}
		}()
		app.worker.Run(bg)
	}()
	go func() {
		defer close(s.done)
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.serveErr = err
		}
	}()
	return s, nil
}

// afterSchema runs fn in the background, kept running, once the Neo4j schema exists.
func (s *Server) afterSchema(bg context.Context, log *slog.Logger, fn func(context.Context)) {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		select {
		case <-s.App.schemaOK:
			keepRunning(bg, log, fn)
		case <-bg.Done():
		}
	}()
}

// keepRunning runs fn until ctx ends, starting it again a second after a panic: a bug
// that one partner's payload reaches must not stop that poller for good, nor the process.
func keepRunning(ctx context.Context, log *slog.Logger, fn func(context.Context)) {
	for ctx.Err() == nil {
		func() {
			defer func() {
				if r := recover(); r != nil {
					log.Error("background task panicked; restarting it", "panic", r, "stack", string(debug.Stack()))
				}
			}()
			fn(ctx)
		}()
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// Shutdown stops accepting requests, lets running ones finish, stops background work
// and closes connections.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	s.cancel()
	<-s.done
	s.bg.Wait() // the worker must stop using connections before they close
	s.sub.Wait()
	s.App.Close(ctx)
	if s.serveErr != nil {
		return s.serveErr
	}
	return err
}

func (s *Server) routes(dashboard http.Handler) http.Handler {
	a := s.App
	mux := http.NewServeMux()
	// The dashboard at the root; its hash routes need no server-side fallback.
	mux.Handle("GET /{$}", dashboard)
	mux.Handle("GET /assets/", dashboard)
	admit := webhook.NewAdmission(a.cfg.HTTP.MaxWebhooks)
	if a.cfg.HTTP.MaxWebhooks == 0 {
		admit = webhook.NewAdmission(defaultMaxWebhooks)
	}
	mux.Handle("POST /webhooks/{tenant}/{system}", &webhook.Handler{
		Admission:     admit,
		Schemes:       webhook.Schemes(),
		Secrets:       a.cfg,
		Intake:        a.intake,
		Deliveries:    a.store,
		Systems:       a.mapper,
		Notifications: a.store,
		Fetcher:       newAPIFetcher(a.cfg.Pull, a.store),
		Log:           a.log.With("part", "webhook"),
		PublicURL:     a.cfg.HTTP.PublicURL,
		Observe:       a.metrics.ObserveWebhook,
	})
	gql := graph.NewHandler(graph.Services{
		Stock:          a.cache,
		LiveStock:      a.liveStock,
		SafetyHolds:    a.cfg.SafetyHolds,
		Documents:      a.store,
		Versions:       a.store,
		Parties:        a.store,
		Events:         a.store,
		Decisions:      decisions{a},
		PartyDecisions: partyDecisions{a},
		Networks:       a.store,
		Locations:      locations{a},
		Products:       a.skuNames,
		SetAside:       setAside{a},
		Suggestions:    products{a},
		Alerts:         alertsAPI{a.alerts, a.cache},
		Reservations:   a.reservations,
		Counts:         a.counts,
		Zones:          a.cfg.Zones,
		Replenishments: a.store,
		Forecasts:      forecastsAPI{a.store, a.predict},
		Finance:        a.financeService(),
		Log:            a.log.With("part", "graphql"),
		// Sockets check their key twice per cache TTL: one revoked by the CLI ends its
		// subscriptions within one and a half TTLs, by this server at the next check.
		KeyRecheck: keyCacheTTL(a.cfg) / 2,
	}, a.keys)
	mux.Handle("/graphql", gql)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		c := a.Ready(r.Context())
		code := http.StatusOK
		if c.Neo4j != nil || c.Redis != nil || c.MQTT != nil {
			code = http.StatusServiceUnavailable
		}
		writeJSON(w, code, map[string]any{
			"ready": code == http.StatusOK,
			"neo4j": status(c.Neo4j),
			"redis": status(c.Redis),
			"mqtt":  mqttStatus(a.cfg, c.MQTT),
		})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.metrics.Registry, promhttp.HandlerOpts{Registry: a.metrics.Registry}))
	return mux
}

// defaultMaxWebhooks is how many webhooks are served at once unless http.maxWebhooks
// says otherwise: several times what Neo4j's default connection pool writes in parallel
// on a small machine, few enough that a flood is turned away in well under a second.
const defaultMaxWebhooks = 32

func status(err error) map[string]any {
	if err == nil {
		return map[string]any{"ok": true}
	}
	return map[string]any{"ok": false, "error": err.Error()}
}

// mqttStatus is status, saying so when no broker is configured at all.
func mqttStatus(cfg Config, err error) map[string]any {
	if !cfg.MQTTEnabled() {
		return map[string]any{"ok": true, "disabled": true}
	}
	return status(err)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func runServe(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("serve", stdout)
	fs.StringVar(&cfg.HTTP.Addr, "addr", cfg.HTTP.Addr, "HTTP listen address (SEAM_HTTP_ADDR)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s, err := StartServer(ctx, cfg, log)
	if err != nil {
		return err
	}
	log.Info("seam serving", "dashboard", "http://"+s.Addr+"/", "graphql", "http://"+s.Addr+"/graphql", "readyz", "http://"+s.Addr+"/readyz")
	<-ctx.Done()
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return s.Shutdown(sctx)
}
