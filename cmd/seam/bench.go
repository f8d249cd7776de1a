package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/seamhub/seam/neo4jstore"
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
		return usageError{"usage: seam bench ingest|resolve|backlog|memory|parties|forecast|stock|reconcile [flags]"}
	}
	switch args[0] {
	case "ingest":
		return benchIngest(ctx, cfg, log, args[1:], stdout)
	case "resolve":
		return benchResolve(ctx, cfg, log, args[1:], stdout)
	case "backlog":
		return benchBacklog(ctx, cfg, log, args[1:], stdout)
	case "memory":
		return benchMemory(ctx, cfg, log, args[1:], stdout)
	case "parties":
		return benchParties(ctx, cfg, log, args[1:], stdout)
	case "forecast":
		return benchForecast(ctx, log, args[1:], stdout)
	case "reconcile":
		return benchReconcile(ctx, cfg, log, args[1:], stdout)
	case "stock":
		return benchStock(ctx, cfg, log, args[1:], stdout)
	}
	return usageError{fmt.Sprintf("unknown benchmark %q (ingest, resolve, backlog, memory, parties, forecast, stock, reconcile)", args[0])}
}

// dropTenant removes a benchmark's tenant from Neo4j and Redis, whatever ended the run:
// a large run is gigabytes, and a benchmark leaves nothing behind.
func dropTenant(ctx context.Context, app *App, tenant string) {
	ctx = context.WithoutCancel(ctx)
	if _, err := app.store.DeleteTenant(ctx, tenant); err != nil {
		app.log.Warn("removing a benchmark tenant", "tenant", tenant, "err", err)
	}
	// Every key, not only the stock: the applied-movement guards of a million-document
	// run alone are gigabytes of Redis.
	if _, err := app.cache.DropTenant(ctx, tenant); err != nil {
		app.log.Warn("removing a benchmark tenant's keys", "tenant", tenant, "err", err)
	}
}

// statementFlags are the benchmarks' --statements and --db-hits: which of the store's
// statements the measured phase ran, how often, and what they cost.
type statementFlags struct {
	top    *int
	dbHits *bool
}

func addStatementFlags(fs *flag.FlagSet) statementFlags {
	return statementFlags{
		top:    fs.Int("statements", 0, "after the figures, print the N dearest Neo4j statements of the measured phase (site, calls, rows, client wait, server time); 0: none"),
		dbHits: fs.Bool("db-hits", false, "with --statements, run every statement under PROFILE and add up its database hits (times then include PROFILE's own cost: compare them only with another --db-hits run)"),
	}
}

// profile returns ctx carrying a new statement profile, or ctx and nil when not asked.
func (f statementFlags) profile(ctx context.Context) (context.Context, *neo4jstore.StatementProfile) {
	if *f.top <= 0 {
		return ctx, nil
	}
	p := neo4jstore.NewStatementProfile(*f.dbHits)
	return neo4jstore.WithStatementProfile(ctx, p), p
}

// print writes p's table under a title; nothing when p is nil.
func (f statementFlags) print(w io.Writer, title string, p *neo4jstore.StatementProfile) {
	if p == nil {
		return
	}
	fmt.Fprintf(w, "\nNeo4j statements of %s:\n", title)
	p.Print(w, *f.top)
}
