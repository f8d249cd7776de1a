package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

// formatOf tells a file's payload format from its extension ("" = the mapping's own).
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".csv":
		return "csv"
	case ".xml":
		return "xml"
	}
	return ""
}

// listFiles expands paths (files and folders, recursively) into a sorted list of files,
// skipping hidden ones, so that a re-run walks them in the same order.
func listFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walking %s: %w", p, err)
		}
	}
	sort.Strings(out)
	return out, nil
}

func runIngest(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	tenant := fs.String("tenant", "", "tenant the documents belong to (required)")
	system := fs.String("system", "", "source system, e.g. square, shopify, china-customs (required)")
	typ := fs.String("type", "", "document type, e.g. order, receipt, declaration (required)")
	format := fs.String("format", "", "payload format (json, jsonl, csv, xml); default: from each file's extension")
	batch := fs.Int("batch", 200, "files per store transaction")
	noResolve := fs.Bool("no-resolve", false, "only store; leave resolution to a running server")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *tenant == "" || *system == "" || *typ == "" || fs.NArg() == 0 {
		return usageError{"usage: seam ingest --tenant TENANT --system SYSTEM --type TYPE PATH..."}
	}
	if !apikey.ValidTenant(*tenant) {
		return usageError{fmt.Sprintf("seam ingest: %s", invalidTenant(*tenant))}
	}
	if *batch < 1 {
		return usageError{fmt.Sprintf("seam ingest: --batch %d: want 1 or more files per store transaction", *batch)}
	}
	files, err := listFiles(fs.Args())
	if err != nil {
		return err
	}
	app, err := Open(cfg, log)
	if err != nil {
		return err
	}
	// A mistyped system or type would quarantine every file under a name nothing reads.
	if err := app.mapper.Reads(*system, *typ); err != nil {
		app.Close(context.WithoutCancel(ctx))
		return usageError{"seam ingest: " + err.Error()}
	}
	defer app.Close(context.WithoutCancel(ctx))
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := app.WaitReady(wctx); err != nil {
		return err
	}
	prog := newProgress(stderr, len(files), *quiet)
	var (
		total    connectors.Result
		unread   []string // files that could not be read: no bytes to keep, so named at the end
		stopped  error
		start    = time.Now()
		filesRun = 0
	)
	for i := 0; i < len(files) && stopped == nil; i += *batch {
		part := files[i:min(i+*batch, len(files))]
		payloads := make([]connectors.Payload, 0, len(part))
		for _, f := range part {
			raw, err := os.ReadFile(f)
			if err != nil {
				unread = append(unread, err.Error())
				continue
			}
			fmtName := *format
			if fmtName == "" {
				fmtName = formatOf(f)
			}
			payloads = append(payloads, connectors.Payload{
				Tenant: *tenant, System: *system, Type: *typ, Raw: raw, Format: fmtName, Via: "file", Source: f,
			})
		}
		res, err := app.intake.Accept(ctx, payloads)
		if err != nil {
			// What earlier batches stored stays stored and is resolved below; this batch
			// and the rest are for the next run, which skips what is already there.
			stopped = fmt.Errorf("storing files %d to %d: %w", i+1, i+len(part), err)
			break
		}
		total.Add(res)
		filesRun = i + len(part)
		prog.update(filesRun, total)
	}
	prog.done()
	resolved := 0
	if !*noResolve && stopped == nil {
		st, err := app.worker.Drain(ctx, *tenant)
		if err != nil {
			return fmt.Errorf("resolving: %w (the documents are stored; a running server will resolve them)", err)
		}
		resolved = st.Documents
	}
	fmt.Fprintf(stdout, "ingested %d files in %s: %d accepted, %d updated, %d duplicates, %d stale, %d quarantined; %d resolved\n",
		filesRun-len(unread), time.Since(start).Round(time.Millisecond), total.Accepted, total.Updated, total.Duplicates, total.Stale, total.Quarantined, resolved)
	if note := resolvedByOthers(*tenant, distinctDocuments(total.Documents), resolved); !*noResolve && stopped == nil && note != "" {
		fmt.Fprintln(stdout, note)
	}
	if total.Ignored > 0 {
		// Records the mapping skips by design (an ERPNext draft books nothing until it
		// is submitted): neither stored nor quarantined; the submitted version is read
		// when it comes.
		fmt.Fprintf(stdout, "%d ignored: records that are no document by design (such as drafts)\n", total.Ignored)
	}
	if total.Quarantined > 0 {
		fmt.Fprintf(stdout, "see them with: seam quarantine list --tenant %s --system %s\n", *tenant, *system)
	}
	for _, u := range unread {
		fmt.Fprintf(stdout, "not read: %s\n", u)
	}
	switch {
	case stopped != nil:
		return fmt.Errorf("%w; %d of %d files were stored before it (kept; run the same command again to store the rest, what is stored is skipped)",
			stopped, filesRun, len(files))
	case len(unread) > 0:
		return fmt.Errorf("%d of %d files could not be read (listed above); the others are stored and resolved: run again once they can be read", len(unread), len(files))
	}
	return nil
}

// progress draws a one-line progress bar on a terminal-like writer.
type progress struct {
	w     io.Writer
	total int
	quiet bool
	last  time.Time
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	return &progress{w: w, total: total, quiet: quiet}
}

func (p *progress) update(done int, r connectors.Result) {
	if p.quiet || (time.Since(p.last) < 100*time.Millisecond && done < p.total) {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width
	if p.total > 0 {
		filled = done * width / p.total
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d files  accepted %d  duplicates %d  quarantined %d ",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, p.total, r.Accepted+r.Updated, r.Duplicates, r.Quarantined)
}

func (p *progress) done() {
	if !p.quiet {
		fmt.Fprintln(p.w)
	}
}

// distinctDocuments counts the documents among keys, each once: a folder that holds an
// order and, later in the same run, its newer version (fulfilled, then shipped) stores
// two versions of one document, which are resolved once, as the latest. Counted as two,
// an ingest with no server anywhere said a running server had resolved the rest.
func distinctDocuments(keys []ontology.DocKey) int {
	seen := make(map[ontology.DocKey]struct{}, len(keys))
	for _, k := range keys {
		seen[k] = struct{}{}
	}
	return len(seen)
}

// resolvedByOthers says who resolved what a run stored and did not resolve itself: Drain
// returns once the tenant has nothing pending, whoever resolved it, and a server serving
// the tenant (its sweep) takes up what the run stores, so "0 resolved" read as if
// nothing was. It is "" when the run resolved all it stored.
func resolvedByOthers(tenant string, stored, resolved int) string {
	if resolved >= stored {
		return ""
	}
	return fmt.Sprintf("nothing of tenant %s is left pending: a running server resolved the other %d", tenant, stored-resolved)
}
