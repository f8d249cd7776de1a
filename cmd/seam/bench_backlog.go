package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/resolver"
)

// backlogFigures are one size's figures of `seam bench backlog`.
type backlogFigures struct {
	Documents int `json:"documents"`
	// Resolutions counts the documents resolution took up, a document again when new
	// evidence put it back in the queue (a product alias learned later).
	Resolutions    int     `json:"resolutions"`
	Stores         int     `json:"stores"`
	StoreDocsPerS  float64 `json:"storeDocsPerSec"`
	ResolveDocsPer float64 `json:"resolveDocsPerSec"`
	// MicrosPerDoc is the resolution's cost per document (resolve, ledger, projection).
	MicrosPerDoc float64 `json:"microsPerDocument"`
	// Relative is MicrosPerDoc over the first size's.
	Relative float64 `json:"relativeToFirst"`
	RSSBytes int64   `json:"rssBytes"`
}

// benchBacklog measures what a bulk import costs when it stores first and resolves
// afterwards: for each size, a simulated business of about that many documents is
// stored whole, then resolved as one backlog. The cost per document should not grow
// with the backlog: each batch reads its page of the queue, and every lookup is an
// index seek bounded by fanOutCap.
func benchBacklog(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench backlog", stdout)
	sizes := fs.String("sizes", "10000,100000", "backlog sizes in documents (e.g. 10000,100000,1000000)")
	asJSON := fs.Bool("json", false, "also print the figures as one JSON object on the last line")
	trace := fs.Int("trace", 0, "print the resolution's progress every this many batches (0: never)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	fmt.Fprintf(stdout, "backlog stored first, then resolved (hard noise, 30 days, more stores as it grows):\n%10s %11s %7s %12s %12s %14s %9s %9s\n",
		"documents", "resolutions", "stores", "store/s", "resolve/s", "µs/document", "vs first", "RSS MiB")
	var all []backlogFigures
	for _, s := range strings.Split(*sizes, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err != nil || n <= 0 {
			return usageError{fmt.Sprintf("--sizes: %q is not a number of documents", s)}
		}
		f, err := backlogRun(ctx, app, scaleConfig(n), batchTracer(stdout, *trace))
		if err != nil {
			return err
		}
		f.Relative = 1
		if len(all) > 0 {
			f.Relative = f.MicrosPerDoc / all[0].MicrosPerDoc
		}
		all = append(all, f)
		fmt.Fprintf(stdout, "%10d %11d %7d %12.0f %12.0f %14.1f %9.3f %9.0f\n", f.Documents, f.Resolutions, f.Stores, f.StoreDocsPerS,
			f.ResolveDocsPer, f.MicrosPerDoc, f.Relative, float64(f.RSSBytes)/(1<<20))
	}
	return printJSON(stdout, *asJSON, map[string]any{"backlog": all})
}

// scaleConfig is a simulated business of about n documents: more stores over the same
// month, each as busy as before. Growing orders per store instead would also crowd each
// store-hour's content blocks, which measures a busier shop, not more data.
func scaleConfig(n int) simulate.Config {
	sc := simulate.DefaultConfig()
	sc.Noise = simulate.HardNoise()
	sc.Days = 30
	// About 2,200 documents of e-shop and imports a month, and 1,700 per store.
	sc.Stores = min(999, max(1, (n-2200)/1700))
	return sc
}

// backlogRun simulates one business into a fresh tenant, stores all of it, then
// resolves the backlog, and removes the tenant.
func backlogRun(ctx context.Context, app *App, sc simulate.Config, observe func(string, resolver.Stats, time.Duration, error)) (backlogFigures, error) {
	f := backlogFigures{Stores: sc.Stores}
	sc.Tenant = fmt.Sprintf("bench-backlog-%d", time.Now().UnixNano()%1e9)
	dir, err := os.MkdirTemp("", "seam-backlog-")
	if err != nil {
		return f, err
	}
	defer os.RemoveAll(dir)
	defer dropTenant(ctx, app, sc.Tenant)
	if _, err := simulate.Generate(sc, dir); err != nil {
		return f, err
	}
	reg, err := masterData(filepath.Join(dir, "seam.yaml"), sc.Tenant)
	if err != nil {
		return f, err
	}
	worker := resolver.NewWorker(resolver.NewMatcher(app.store, reg, app.log), app.projector, app.store, app.log, resolver.WorkerConfig{Observe: observe})
	start := time.Now()
	if f.Documents, err = storeFolder(ctx, app, dir, sc.Tenant); err != nil {
		return f, err
	}
	storeTook := time.Since(start)
	start = time.Now()
	st, err := worker.Drain(ctx, sc.Tenant)
	if err != nil {
		return f, err
	}
	f.Resolutions = st.Documents
	took := time.Since(start)
	f.StoreDocsPerS = float64(f.Documents) / storeTook.Seconds()
	f.ResolveDocsPer = float64(f.Documents) / took.Seconds()
	f.MicrosPerDoc = 1e6 / f.ResolveDocsPer
	f.RSSBytes = rss()
	return f, nil
}

// batchTracer prints, every n batches, how far the backlog is and what the last n
// batches cost per document: early and late windows of one run see the same machine,
// so a cost that rises along the run is the backlog's doing, not the neighbours'.
// It returns nil when n is 0.
func batchTracer(w io.Writer, n int) func(string, resolver.Stats, time.Duration, error) {
	if n <= 0 {
		return nil
	}
	var batches, docs, windowDocs int
	var window time.Duration
	return func(_ string, st resolver.Stats, took time.Duration, err error) {
		if err != nil || st.Documents == 0 {
			return
		}
		batches++
		docs += st.Documents
		windowDocs += st.Documents
		window += took
		if batches%n == 0 {
			fmt.Fprintf(w, "  batch %6d  resolved %9d  %8.1f ms/batch  %8.1f µs/document\n",
				batches, docs, float64(window.Microseconds())/1000/float64(n), float64(window.Microseconds())/float64(windowDocs))
			window, windowDocs = 0, 0
		}
	}
}
