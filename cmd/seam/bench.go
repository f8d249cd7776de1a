package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// benchFile is one source file of a data folder laid out as <system>/<type>/<files>.
type benchFile struct {
	system, typ, path, format string
}

// dataFiles lists a data folder's source files (the layout `seam simulate` writes).
func dataFiles(dir string) ([]benchFile, error) {
	var out []benchFile
	systems, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading data folder: %w", err)
	}
	for _, s := range systems {
		if !s.IsDir() || s.Name() == "truth" || strings.HasPrefix(s.Name(), ".") {
			continue
		}
		types, err := os.ReadDir(filepath.Join(dir, s.Name()))
		if err != nil {
			return nil, err
		}
		for _, t := range types {
			if !t.IsDir() {
				continue
			}
			files, err := listFiles([]string{filepath.Join(dir, s.Name(), t.Name())})
			if err != nil {
				return nil, err
			}
			for _, f := range files {
				out = append(out, benchFile{system: s.Name(), typ: t.Name(), path: f, format: formatOf(f)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	if len(out) == 0 {
		return nil, fmt.Errorf("no source files under %s (want <system>/<type>/<files>)", dir)
	}
	return out, nil
}

func runBench(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError{"usage: seam bench ingest|resolve|parties|forecast|reconcile [flags]"}
	}
	switch args[0] {
	case "ingest":
		return benchIngest(ctx, cfg, log, args[1:], stdout)
	case "resolve":
		return benchResolve(ctx, cfg, log, args[1:], stdout)
	case "parties":
		return benchParties(ctx, cfg, log, args[1:], stdout)
	case "forecast":
		return benchForecast(ctx, log, args[1:], stdout)
	case "reconcile":
		return benchReconcile(ctx, cfg, log, args[1:], stdout)
	}
	return usageError{fmt.Sprintf("unknown benchmark %q (ingest, resolve, parties, forecast, reconcile)", args[0])}
}

// benchIngest measures parse+map+validate alone, then end to end into Neo4j (store,
// resolve, project), on a data folder.
func benchIngest(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench ingest", stdout)
	data := fs.String("data", "", "data folder (<system>/<type>/<files>), as seam simulate writes")
	mapOnly := fs.Bool("map-only", false, "only measure parse+map+validate")
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
	tenant := fmt.Sprintf("bench-%d", time.Now().Unix())
	for _, f := range files {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			return err
		}
		bytes += int64(len(raw))
		payloads = append(payloads, connectors.Payload{Tenant: tenant, System: f.system, Type: f.typ, Raw: raw, Format: f.format, Via: "file"})
	}
	fmt.Fprintf(stdout, "data: %d files, %.1f MB, %d cores\n", len(files), float64(bytes)/1e6, runtime.GOMAXPROCS(0))

	// Parse + map + validate, in memory, on every core.
	val := ontology.NewValidator()
	var nDocs, nBad atomic.Int64
	start := time.Now()
	work := make(chan connectors.Payload)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
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
				}
			}
		}()
	}
	for _, p := range payloads {
		work <- p
	}
	close(work)
	wg.Wait()
	mapTook := time.Since(start)
	mapRate := float64(nDocs.Load()) / mapTook.Seconds()
	fmt.Fprintf(stdout, "parse+map+validate: %d documents (%d refused) in %s: %.0f documents/s\n",
		nDocs.Load(), nBad.Load(), mapTook.Round(time.Millisecond), mapRate)
	if *mapOnly {
		return nil
	}

	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	start = time.Now()
	var res connectors.Result
	const batch = 20 // files per intake call; a JSON lines file holds a day of one source
	for i := 0; i < len(payloads); i += batch {
		r, err := app.intake.Accept(ctx, payloads[i:min(i+batch, len(payloads))])
		if err != nil {
			return err
		}
		res.Add(r)
	}
	storeTook := time.Since(start)
	st, err := app.worker.Drain(ctx, tenant)
	if err != nil {
		return err
	}
	total := time.Since(start)
	stored := res.Accepted + res.Updated
	fmt.Fprintf(stdout, "store (raw + canonical, idempotent): %d documents in %s: %.0f documents/s\n",
		stored, storeTook.Round(time.Millisecond), float64(stored)/storeTook.Seconds())
	fmt.Fprintf(stdout, "resolve + ledger + projection: %d documents, %d movements in %s: %.0f documents/s\n",
		st.Documents, len(st.Movements), (total - storeTook).Round(time.Millisecond), float64(st.Documents)/(total-storeTook).Seconds())
	fmt.Fprintf(stdout, "end to end into Neo4j and Redis: %d documents in %s: %.0f documents/s (%d duplicates, %d quarantined)\n",
		stored, total.Round(time.Millisecond), float64(stored)/total.Seconds(), res.Duplicates, res.Quarantined)
	fmt.Fprintf(stdout, "ratio end-to-end / parse+map+validate: %.3f\n", float64(stored)/total.Seconds()/mapRate)
	fmt.Fprintf(stdout, "tenant %s kept for inspection; its data stays in Neo4j\n", tenant)
	return nil
}
