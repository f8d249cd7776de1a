package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// ingestFigures are what `seam bench ingest --json` prints on its last line. Rates are
// documents per second over the same documents: the valid ones the data folder holds,
// repeated deliveries included, since both paths write them.
type ingestFigures struct {
	Documents          int64   `json:"documents"`
	Refused            int64   `json:"refused"`
	MapDocsPerSec      float64 `json:"mapDocsPerSec"`
	CeilingDocsPerSec  float64 `json:"ceilingDocsPerSec"`
	StoreDocsPerSec    float64 `json:"storeDocsPerSec"`
	ResolveDocsPerSec  float64 `json:"resolveDocsPerSec"`
	EndToEndDocsPerSec float64 `json:"endToEndDocsPerSec"`
	// Ratio is end to end over the ceiling, both measured in this run.
	Ratio       float64 `json:"ratio"`
	Stored      int     `json:"stored"`
	Duplicates  int     `json:"duplicates"`
	Quarantined int     `json:"quarantined"`
	Resolved    int     `json:"resolved"`
	Movements   int     `json:"movements"`
	CeilingSec  float64 `json:"ceilingSeconds"`
	EndToEndSec float64 `json:"endToEndSeconds"`
	// WarmDocuments and WarmSec are the warm-up's documents and time, outside both
	// timed phases (0 with --warm=false).
	WarmDocuments int     `json:"warmDocuments"`
	WarmSec       float64 `json:"warmSeconds"`
	// RSSBytes is this process's resident memory at the end (VmRSS).
	RSSBytes int64 `json:"rssBytes"`
}

// benchIngest measures, in one run on one data folder: parse+map+validate alone; the
// ceiling, the same mapped documents written to Neo4j with plain UNWIND + MERGE batches
// into a throwaway tenant; and end to end (parse, map, validate, store, resolve, ledger,
// Redis projection). The machine is shared, so the ratio of the two is the figure that
// holds; absolute rates move with the neighbours.
func benchIngest(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench ingest", stdout)
	data := fs.String("data", "", "data folder (<system>/<type>/<files>), as seam simulate --out writes")
	mapOnly := fs.Bool("map-only", false, "only measure parse+map+validate")
	asJSON := fs.Bool("json", false, "also print the figures as one JSON object on the last line")
	keep := fs.Bool("keep", false, "keep the end-to-end tenant in Neo4j for inspection")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the end-to-end phase to this file")
	warm := fs.Bool("warm", true, "send a sample of the documents through both paths, untimed, before timing them (see bench_warm.go)")
	stmts := addStatementFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usageError{"seam bench ingest needs --data DIR"}
	}
	files, err := dataFiles(*data)
	if err != nil {
		return err
	}
	mapper, err := NewMapper(cfg.Mappings)
	if err != nil {
		return err
	}
	payloads := make([]connectors.Payload, 0, len(files))
	var bytes int64
	stamp := time.Now().UnixNano() % 1e9
	tenant := fmt.Sprintf("bench-%d", stamp)
	ceilingTenant := fmt.Sprintf("bench-ceiling-%d", stamp)
	for _, f := range files {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			return err
		}
		bytes += int64(len(raw))
		payloads = append(payloads, connectors.Payload{Tenant: tenant, System: f.system, Type: f.typ, Raw: raw, Format: f.format, Via: "file"})
	}
	fmt.Fprintf(stdout, "data: %d files, %.1f MB, %d cores\n", len(files), float64(bytes)/1e6, runtime.GOMAXPROCS(0))

	var fig ingestFigures
	envs, mapTook := mapAll(mapper, payloads, &fig)
	fig.MapDocsPerSec = float64(fig.Documents) / mapTook.Seconds()
	fmt.Fprintf(stdout, "parse+map+validate: %d documents (%d refused) in %s: %.0f documents/s\n",
		fig.Documents, fig.Refused, mapTook.Round(time.Millisecond), fig.MapDocsPerSec)
	if *mapOnly {
		return printJSON(stdout, *asJSON, fig)
	}

	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	worker, err := benchWorker(app, *data, tenant)
	if err != nil {
		return err
	}
	// Both tenants go when the run ends, however it ends: a large run is gigabytes.
	defer func() {
		dropTenant(ctx, app, ceilingTenant)
		if !*keep {
			dropTenant(ctx, app, tenant)
		}
	}()

	if *warm {
		sample := warmSample(envs)
		took, err := warmBench(ctx, app, *data, sample, fmt.Sprintf("bench-warm-ceiling-%d", stamp), fmt.Sprintf("bench-warm-%d", stamp))
		if err != nil {
			return err
		}
		fig.WarmDocuments, fig.WarmSec = len(sample), took.Seconds()
		fmt.Fprintf(stdout, "warm-up, untimed: %d documents through both paths (Neo4j plans each statement once) in %s\n",
			len(sample), took.Round(time.Millisecond))
	}

	// The ceiling: the same documents, already mapped, written plainly.
	for i := range envs {
		envs[i].Doc.Key.Tenant = ceilingTenant
	}
	start := time.Now()
	if err := app.store.WritePlain(ctx, envs); err != nil {
		return err
	}
	ceilingTook := time.Since(start)
	envs = nil
	fig.CeilingSec = ceilingTook.Seconds()
	fig.CeilingDocsPerSec = float64(fig.Documents) / ceilingTook.Seconds()
	fmt.Fprintf(stdout, "ceiling (mapped documents, plain UNWIND + MERGE, no resolution): %d documents in %s: %.0f documents/s\n",
		fig.Documents, ceilingTook.Round(time.Millisecond), fig.CeilingDocsPerSec)

	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	e2e, profile := stmts.profile(ctx)
	start = time.Now()
	var res connectors.Result
	const batch = 20 // files per intake call; a JSON lines file holds a day of one source
	for i := 0; i < len(payloads); i += batch {
		r, err := app.intake.Accept(e2e, payloads[i:min(i+batch, len(payloads))])
		if err != nil {
			return err
		}
		res.Add(r)
	}
	storeTook := time.Since(start)
	st, err := worker.Drain(e2e, tenant)
	if err != nil {
		return err
	}
	total := time.Since(start)
	stored := res.Accepted + res.Updated
	fmt.Fprintf(stdout, "store (raw + canonical, idempotent): %d documents in %s: %.0f documents/s\n",
		stored, storeTook.Round(time.Millisecond), float64(stored)/storeTook.Seconds())
	fmt.Fprintf(stdout, "resolve + ledger + projection: %d documents, %d movements in %s: %.0f documents/s\n",
		st.Documents, st.Moved, (total - storeTook).Round(time.Millisecond), float64(st.Documents)/(total-storeTook).Seconds())
	fmt.Fprintf(stdout, "end to end into Neo4j and Redis: %d documents in %s: %.0f documents/s (%d duplicates, %d quarantined)\n",
		stored, total.Round(time.Millisecond), float64(stored)/total.Seconds(), res.Duplicates, res.Quarantined)
	fmt.Fprintf(stdout, "ratio end-to-end / parse+map+validate: %.3f\n", float64(stored)/total.Seconds()/fig.MapDocsPerSec)

	fig.Stored, fig.Duplicates, fig.Quarantined = stored, res.Duplicates, res.Quarantined
	fig.Resolved, fig.Movements = st.Documents, st.Moved
	fig.StoreDocsPerSec = float64(fig.Documents) / storeTook.Seconds()
	fig.ResolveDocsPerSec = float64(st.Documents) / (total - storeTook).Seconds()
	fig.EndToEndSec = total.Seconds()
	fig.EndToEndDocsPerSec = float64(fig.Documents) / total.Seconds()
	fig.Ratio = fig.EndToEndDocsPerSec / fig.CeilingDocsPerSec
	fig.RSSBytes = rss()
	fmt.Fprintf(stdout, "ratio end-to-end / ceiling (same %d documents, this run): %.3f (%.0f of %.0f documents/s)\n",
		fig.Documents, fig.Ratio, fig.EndToEndDocsPerSec, fig.CeilingDocsPerSec)
	if *keep {
		fmt.Fprintf(stdout, "tenant %s kept for inspection; its data stays in Neo4j\n", tenant)
	}
	stmts.print(stdout, "the end-to-end phase (store, resolve, ledger)", profile)
	return printJSON(stdout, *asJSON, fig)
}

// mapAll parses, maps and validates every payload on every core, counting documents and
// refusals into fig, and returns the valid documents as envelopes.
func mapAll(mapper *Mapper, payloads []connectors.Payload, fig *ingestFigures) ([]ontology.Envelope, time.Duration) {
	val := ontology.NewValidator()
	var nDocs, nBad atomic.Int64
	var mu sync.Mutex
	var envs []ontology.Envelope
	start := time.Now()
	work := make(chan connectors.Payload)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []ontology.Envelope
			for p := range work {
				recs, err := mapper.Map(p)
				if err != nil {
					nBad.Add(1)
					continue
				}
				for _, r := range recs {
					if r.Doc == nil || len(r.Problems) > 0 || val.Document(r.Doc) != nil {
						nBad.Add(1)
						continue
					}
					nDocs.Add(1)
					mine = append(mine, ontology.Envelope{Doc: *r.Doc, Raw: r.Raw, Format: p.Format, Via: p.Via, ReceivedAt: start})
				}
			}
			mu.Lock()
			envs = append(envs, mine...)
			mu.Unlock()
		}()
	}
	for _, p := range payloads {
		work <- p
	}
	close(work)
	wg.Wait()
	fig.Documents, fig.Refused = nDocs.Load(), nBad.Load()
	return envs, time.Since(start)
}

// benchWorker is the worker that resolves the benchmark's tenant: with the master data
// of the business the folder holds (the seam.yaml `seam simulate` writes beside its
// files) when there is one, else the app's own.
func benchWorker(app *App, dir, tenant string) (*resolver.Worker, error) {
	reg, err := masterData(filepath.Join(dir, "seam.yaml"), tenant)
	if errors.Is(err, os.ErrNotExist) {
		return app.worker, nil
	}
	if err != nil {
		return nil, err
	}
	matcher := resolver.NewMatcher(app.store, reg, app.log)
	return resolver.NewWorker(matcher, app.projector, app.store, app.log, resolver.WorkerConfig{}), nil
}

// masterData reads a simulated business's locations, products and recipes, as its
// config file would declare them, for tenant (whatever tenant the file names).
func masterData(path, tenant string) (*resolver.Registry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var master struct {
		Locations []resolver.LocationAlias `yaml:"locations"`
		Products  []resolver.ProductAlias  `yaml:"products"`
		Recipes   []resolver.Recipe        `yaml:"recipes"`
	}
	if err := yaml.Unmarshal(b, &master); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	for i := range master.Locations {
		master.Locations[i].Tenant = tenant
	}
	for i := range master.Products {
		master.Products[i].Tenant = tenant
	}
	for i := range master.Recipes {
		master.Recipes[i].Tenant = tenant
	}
	return resolver.NewRegistry(master.Locations, master.Products, master.Recipes...), nil
}

func printJSON(w io.Writer, on bool, v any) error {
	if !on {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}

// startCPUProfile writes a CPU profile to path until the returned stop is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("creating cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
