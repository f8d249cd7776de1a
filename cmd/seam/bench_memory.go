package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/neo4jstore"
)

// memoryFigures are what `seam bench memory --json` prints on its last line.
type memoryFigures struct {
	Documents int64 `json:"documents"`
	Events    int64 `json:"events"`
	Movements int64 `json:"movements"`
	// PeakBacklogRSS is the server's highest resident memory while it resolved the
	// tenant's backlog; PeakLiveRSS while it took live webhooks afterwards; EndRSS at the end.
	PeakBacklogRSS int64 `json:"peakBacklogRssBytes"`
	PeakLiveRSS    int64 `json:"peakLiveRssBytes"`
	EndRSS         int64 `json:"endRssBytes"`
	LiveDocuments  int64 `json:"liveDocuments"`
	// Preloaded are documents written as finished events before the server started.
	Preloaded int64 `json:"preloadedDocuments"`
}

// benchMemory measures the resident memory of a real `seam serve` (this binary, as a
// child process) holding a tenant of many events: it stores a simulated business of
// about --documents documents for the server to resolve, then feeds it live webhooks
// for --seconds, and samples the server's VmRSS throughout.
func benchMemory(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench memory", stdout)
	docs := fs.Int("documents", 100000, "documents of the tenant the server holds")
	seconds := fs.Duration("live", 30*time.Second, "how long to feed live webhooks once the backlog is resolved")
	asJSON := fs.Bool("json", false, "also print the figures as one JSON object on the last line")
	preload := fs.Int("preload", 0, "documents written first as finished business events (the reconcile bench's loader, tens of thousands a second), so that the server holds a tenant of this size without resolving it all")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	tenant := fmt.Sprintf("bench-memory-%d", time.Now().UnixNano()%1e9)
	defer dropTenant(ctx, app, tenant)
	var fig memoryFigures
	if *preload > 0 {
		// A year ago, a month long: history the live documents do not fall into.
		start := time.Now().UTC().AddDate(-1, 0, 0).Truncate(24 * time.Hour)
		t0 := time.Now()
		n, err := loadReconcileBench(ctx, app.store, tenant, *preload, 1, start, 30*24*time.Hour, stdout)
		if err != nil {
			return fmt.Errorf("preloading the tenant: %w", err)
		}
		fig.Preloaded = int64(n)
		fmt.Fprintf(stdout, "preloaded %d documents as finished events in %s\n", n, time.Since(t0).Round(time.Second))
	}
	srv, err := startChildServer(ctx, tenant)
	if err != nil {
		return err
	}
	defer srv.stop()

	// The backlog: stored here, resolved by the server's worker, which sweeps for it.
	sc := scaleConfig(*docs)
	sc.Tenant = tenant
	dir, err := os.MkdirTemp("", "seam-memory-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if _, err := simulate.Generate(sc, dir); err != nil {
		return err
	}
	peak := srv.sample()
	if _, err := storeFolder(ctx, app, dir, tenant); err != nil {
		return err
	}
	st, err := waitResolved(ctx, app.store, tenant)
	if err != nil {
		return err
	}
	fig.PeakBacklogRSS = peak()
	fig.Documents, fig.Events, fig.Movements = st.Documents, st.Events, st.Movements
	fmt.Fprintf(stdout, "seam serve resolved a backlog of %d documents into %d events (%d movements): peak RSS %.0f MiB\n",
		st.Documents, st.Events, st.Movements, float64(fig.PeakBacklogRSS)/(1<<20))

	// Live traffic: the same business goes on, its documents sent as signed webhooks.
	peak = srv.sample()
	live := simulate.DefaultConfig()
	live.Tenant, live.Stores, live.Seed = tenant, sc.Stores, sc.Seed+1
	live.Start = time.Now().UTC().Truncate(24 * time.Hour)
	lctx, cancel := context.WithTimeout(ctx, *seconds)
	defer cancel()
	feed := &simulate.Feeder{Ctx: lctx, URL: srv.url, Tenant: tenant, Secret: srv.secret, Hour: 200 * time.Millisecond,
		SimNow: live.Start, Log: log}
	if _, err := simulate.Run(live, feed); err != nil && lctx.Err() == nil {
		return fmt.Errorf("feeding live webhooks: %w", err)
	}
	<-lctx.Done()
	after, err := waitResolved(ctx, app.store, tenant)
	if err != nil {
		return err
	}
	fig.PeakLiveRSS = peak()
	fig.EndRSS = srv.rss()
	fig.LiveDocuments = after.Documents - st.Documents
	fig.Documents, fig.Events, fig.Movements = after.Documents, after.Events, after.Movements
	fmt.Fprintf(stdout, "then %s of live webhooks (%d documents more, %d events in all): peak RSS %.0f MiB, at the end %.0f MiB\n",
		*seconds, fig.LiveDocuments, fig.Events, float64(fig.PeakLiveRSS)/(1<<20), float64(fig.EndRSS)/(1<<20))
	return printJSON(stdout, *asJSON, fig)
}

// storeFolder stores a data folder's documents for tenant without resolving them.
func storeFolder(ctx context.Context, app *App, dir, tenant string) (int, error) {
	files, err := dataFiles(dir)
	if err != nil {
		return 0, err
	}
	stored := 0
	const batch = 20 // files per intake call, as bench ingest
	for i := 0; i < len(files); i += batch {
		var payloads []connectors.Payload
		for _, f := range files[i:min(i+batch, len(files))] {
			raw, err := os.ReadFile(f.path)
			if err != nil {
				return stored, err
			}
			payloads = append(payloads, connectors.Payload{Tenant: tenant, System: f.system, Type: f.typ, Raw: raw, Format: f.format, Via: "file"})
		}
		res, err := app.intake.Accept(ctx, payloads)
		if err != nil {
			return stored, err
		}
		stored += res.Accepted + res.Updated
	}
	return stored, nil
}

// waitResolved waits until no document of tenant is pending and every movement is
// projected, and returns the tenant's counts.
func waitResolved(ctx context.Context, store *neo4jstore.Store, tenant string) (neo4jstore.TenantStats, error) {
	for {
		st, err := store.Stats(ctx, tenant)
		if err != nil {
			return st, err
		}
		if st.Pending == 0 && st.Unprojected == 0 {
			return st, nil
		}
		select {
		case <-ctx.Done():
			return st, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// childServer is `seam serve` run from this binary, resolving one tenant only.
type childServer struct {
	cmd    *exec.Cmd
	url    string
	secret []byte
}

func startChildServer(ctx context.Context, tenant string) (*childServer, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	secret := make([]byte, 16)
	rand.Read(secret)
	s := &childServer{url: "http://" + addr, secret: []byte(hex.EncodeToString(secret))}
	s.cmd = exec.CommandContext(ctx, self, "serve", "--addr", addr)
	// Its own tenant only: the database is shared with other Seams and their backlogs.
	s.cmd.Env = append(os.Environ(), "SEAM_TENANT_PREFIX="+tenant, "SEAM_WEBHOOK_SECRET="+string(s.secret),
		"SEAM_MQTT_URL=off", "SEAM_LOG_LEVEL=warn")
	s.cmd.Stderr = os.Stderr
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting seam serve: %w", err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get(s.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("seam serve at %s not ready within 2 minutes", addr)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func (s *childServer) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

// rss is the server's resident memory now.
func (s *childServer) rss() int64 {
	return rssOf("/proc/" + strconv.Itoa(s.cmd.Process.Pid) + "/status")
}

// sample starts sampling the server's memory every 250 ms; the returned function stops
// and gives the highest value seen.
func (s *childServer) sample() func() int64 {
	var mu sync.Mutex
	var peak int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			r := s.rss()
			mu.Lock()
			peak = max(peak, r)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(250 * time.Millisecond):
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
