package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/resolver"
)

// backlogFigures are one size's figures of `seam bench backlog`.
type backlogFigures struct {
	Documents int `json:"documents"`
	// Resolutions counts the documents resolution took up, a document again when new
	// evidence put it back in the queue (a product alias learned later).
	Resolutions    int     `json:"resolutions"`
	Stores         int     `json:"stores"`
	Days           int     `json:"days"`
	StoreDocsPerS  float64 `json:"storeDocsPerSec"`
	ResolveDocsPer float64 `json:"resolveDocsPerSec"`
	// MicrosPerDoc is the resolution's cost per document (resolve, ledger, projection).
	MicrosPerDoc float64 `json:"microsPerDocument"`
	// Relative is MicrosPerDoc over the first size's.
	Relative float64 `json:"relativeToFirst"`
	RSSBytes int64   `json:"rssBytes"`
	// Kinds is what each kind of document cost (see kindCosts), dearest first.
	Kinds []kindCost `json:"kinds"`
	// FirstMicros is this size's batch time a resolution weighed by the first size's
	// mix of kinds, and FirstRelative that over the first size's own: the like-for-like
	// comparison (see likeForLike). The simulator's e-shop and imports do not grow
	// with the stores, so a small backlog holds more of them than a large one.
	FirstMicros   float64 `json:"microsPerResolutionFirstMix"`
	FirstRelative float64 `json:"relativeToFirstSameMix"`
	// FirstCovered is the share of the first size's resolutions whose kinds this size
	// holds too: the comparison counts those kinds only.
	FirstCovered float64 `json:"firstMixCovered"`
}

// kindCost is the resolution time of one kind of document ("meituan/order") in a
// backlog run: each batch's time shared among its documents equally. The queue is in
// arrival order and the bench stores one system's files after another, so nearly every
// batch holds one kind; a batch at a boundary shares its time by count.
type kindCost struct {
	Kind        string  `json:"kind"`
	Resolutions int     `json:"resolutions"`
	Micros      float64 `json:"micros"`
	// MicrosPer is Micros over Resolutions.
	MicrosPer float64 `json:"microsPerResolution"`
	// CPUPer is this process's CPU time a resolution, shared the same way (see
	// processCPU): the Go side's part, which a loaded machine changes less.
	CPUPer float64 `json:"cpuMicrosPerResolution"`
	cpu    float64
}

// kindCosts adds up the batches' time by kind of document.
type kindCosts map[string]*kindCost

// observe shares one batch's time, and the CPU time this process used for it, among
// the kinds of its documents.
func (kc kindCosts) observe(st resolver.Stats, took, cpu time.Duration) {
	if st.Documents == 0 {
		return
	}
	for k, n := range st.Kinds {
		c := kc[k]
		if c == nil {
			c = &kindCost{Kind: k}
			kc[k] = c
		}
		c.Resolutions += n
		share := float64(n) / float64(st.Documents)
		c.Micros += float64(took.Microseconds()) * share
		c.cpu += float64(cpu.Microseconds()) * share
	}
}

// list returns the kinds, dearest a resolution first.
func (kc kindCosts) list() []kindCost {
	out := make([]kindCost, 0, len(kc))
	for _, c := range kc {
		k := *c
		k.MicrosPer = k.Micros / float64(max(k.Resolutions, 1))
		k.CPUPer = k.cpu / float64(max(k.Resolutions, 1))
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].MicrosPer != out[j].MicrosPer {
			return out[i].MicrosPer > out[j].MicrosPer
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// likeForLike weighs two runs' costs a resolution by kind (a, b) with the shares of
// mix's kinds: the cost a resolution of each run, had it held mix's kinds in mix's
// shares. Only kinds that mix, a and b all hold count, their shares made whole again;
// covered is the share of mix's resolutions they hold. ok is false when none counts.
func likeForLike(mix, a, b []kindCost) (ma, mb, covered float64, ok bool) {
	per := func(cs []kindCost) map[string]float64 {
		out := map[string]float64{}
		for _, c := range cs {
			if c.Resolutions > 0 {
				out[c.Kind] = c.MicrosPer
			}
		}
		return out
	}
	pa, pb := per(a), per(b)
	var all, in int
	for _, m := range mix {
		all += m.Resolutions
		x, inA := pa[m.Kind]
		y, inB := pb[m.Kind]
		if !inA || !inB || m.Resolutions == 0 {
			continue
		}
		in += m.Resolutions
		ma += x * float64(m.Resolutions)
		mb += y * float64(m.Resolutions)
	}
	if in == 0 {
		return 0, 0, 0, false
	}
	return ma / float64(in), mb / float64(in), float64(in) / float64(all), true
}

// benchBacklog measures what a bulk import costs when it stores first and resolves
// afterwards: for each size, a simulated business of about that many documents is
// stored whole, then resolved as one backlog. The cost per document should not grow
// with the backlog: each batch reads its page of the queue, and every lookup is an
// index seek bounded by fanOutCap.
//
// The sizes do not hold the same mix of documents: the simulator grows a business by
// its stores, while the e-shop, its payments and the imports stay at about 2,200
// documents a month, a quarter of a 10k backlog and a fifth of a percent of a million
// (a 10k backlog is 62% POS sales, a 100k one 80%). The end-to-end µs a document is
// printed as measured; below it, each kind of document's cost at each size, and each
// size's cost in the first size's mix of kinds, which compares like with like.
func benchBacklog(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench backlog", stdout)
	sizes := fs.String("sizes", "10000,100000", "backlog sizes in documents (e.g. 10000,100000,1000000)")
	asJSON := fs.Bool("json", false, "also print the figures as one JSON object on the last line")
	grow := fs.String("grow", growStores, "how a larger backlog is made: \"stores\", more stores over one month (the business grows), or \"days\", the same stores over more days (only the history grows)")
	stores := fs.Int("stores", 4, "with --grow days, the stores of the business at every size")
	trace := fs.Int("trace", 0, "print the resolution's progress every this many batches, with the kinds of document those batches held and this process's CPU time (0: never)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	warm := fs.Bool("warm", true, "first store and resolve a small backlog, untimed, so that no size pays for Neo4j's planning (see bench_warm.go)")
	stmts := addStatementFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *grow != growStores && *grow != growDays {
		return usageError{fmt.Sprintf("--grow %q: want %s or %s", *grow, growStores, growDays)}
	}
	if *stores < 1 || *stores > 999 {
		return usageError{fmt.Sprintf("--stores %d: want 1 to 999", *stores)}
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
	if *warm {
		// The first size would otherwise pay, alone, for what a server pays once in its
		// life, which makes the later sizes look flatter than they are.
		sc := scaleConfig(warmBacklog)
		if *grow == growDays {
			sc = historyConfig(warmBacklog, *stores)
		}
		start := time.Now()
		f, err := backlogRun(ctx, app, sc, nil, nil)
		if err != nil {
			return fmt.Errorf("warming up: %w", err)
		}
		fmt.Fprintf(stdout, "warm-up, untimed: a backlog of %d documents stored and resolved in %s\n", f.Documents, time.Since(start).Round(time.Millisecond))
	}
	how := "hard noise, 30 days, more stores as it grows"
	if *grow == growDays {
		how = fmt.Sprintf("hard noise, %d stores, more days as it grows", *stores)
	}
	fmt.Fprintf(stdout, "backlog stored first, then resolved (%s):\n%10s %11s %6s %7s %12s %12s %14s %9s %9s\n",
		how, "documents", "resolutions", "days", "stores", "store/s", "resolve/s", "µs/document", "vs first", "RSS MiB")
	var all []backlogFigures
	var profiles []*neo4jstore.StatementProfile
	for _, s := range strings.Split(*sizes, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err != nil || n <= 0 {
			return usageError{fmt.Sprintf("--sizes: %q is not a number of documents", s)}
		}
		_, profile := stmts.profile(ctx)
		profiles = append(profiles, profile)
		sc := scaleConfig(n)
		if *grow == growDays {
			sc = historyConfig(n, *stores)
		}
		f, err := backlogRun(ctx, app, sc, batchTracer(stdout, *trace), profile)
		if err != nil {
			return err
		}
		f.Relative = 1
		if len(all) > 0 {
			f.Relative = f.MicrosPerDoc / all[0].MicrosPerDoc
		}
		first := f.Kinds
		if len(all) > 0 {
			first = all[0].Kinds
		}
		if own, this, covered, ok := likeForLike(first, first, f.Kinds); ok && own > 0 {
			f.FirstMicros, f.FirstRelative, f.FirstCovered = this, this/own, covered
		}
		all = append(all, f)
		fmt.Fprintf(stdout, "%10d %11d %6d %7d %12.0f %12.0f %14.1f %9.3f %9.0f\n", f.Documents, f.Resolutions, f.Days, f.Stores, f.StoreDocsPerS,
			f.ResolveDocsPer, f.MicrosPerDoc, f.Relative, float64(f.RSSBytes)/(1<<20))
	}
	printKinds(stdout, all)
	for i, p := range profiles {
		stmts.print(stdout, fmt.Sprintf("resolving the backlog of %d documents", all[i].Documents), p)
	}
	return printJSON(stdout, *asJSON, map[string]any{"backlog": all})
}

// printKinds prints what each kind of document cost at each size, and each size's cost
// in the first size's mix of kinds: the end-to-end figures above compare backlogs of
// different mixes (the e-shop's and the imports' documents are a quarter of a 10k
// backlog and nearly none of a million), so this is the like-for-like comparison. It
// counts batch time only (the end-to-end figure also holds the last projection).
func printKinds(w io.Writer, all []backlogFigures) {
	if len(all) == 0 {
		return
	}
	fmt.Fprintf(w, "by kind of document (each batch's time shared among its documents; µs a resolution, this process's CPU µs of them, share of the size's resolutions):\n%-28s", "kind")
	for _, f := range all {
		fmt.Fprintf(w, " %26s", fmt.Sprintf("%d docs", f.Documents))
	}
	fmt.Fprintln(w)
	type cell struct {
		micros, cpu, share float64
		ok                 bool
	}
	rows := map[string][]cell{}
	var order []string
	for i, f := range all {
		total := 0
		for _, k := range f.Kinds {
			total += k.Resolutions
		}
		for _, k := range f.Kinds {
			if rows[k.Kind] == nil {
				rows[k.Kind] = make([]cell, len(all))
				order = append(order, k.Kind)
			}
			rows[k.Kind][i] = cell{k.MicrosPer, k.CPUPer, float64(k.Resolutions) / float64(max(total, 1)), true}
		}
	}
	for _, k := range order {
		fmt.Fprintf(w, "%-28s", k)
		for _, c := range rows[k] {
			if !c.ok {
				fmt.Fprintf(w, " %26s", "-")
				continue
			}
			fmt.Fprintf(w, " %26s", fmt.Sprintf("%.0f µs (CPU %.0f) %5.1f%%", c.micros, c.cpu, 100*c.share))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-28s", "in the first size's mix")
	for _, f := range all {
		fmt.Fprintf(w, " %26s", fmt.Sprintf("%.0f µs ×%.3f", f.FirstMicros, f.FirstRelative))
	}
	fmt.Fprintln(w)
	for _, f := range all[1:] {
		if f.FirstCovered < 0.999 {
			fmt.Fprintf(w, "(%d docs: weighed over the kinds both sizes hold, %.1f%% of the first size's resolutions)\n", f.Documents, 100*f.FirstCovered)
		}
	}
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

// warmBacklog is the size of the backlog seam bench backlog resolves, untimed, before
// the measured sizes: a few days of the business, every kind of document in it.
const warmBacklog = 2000

// How seam bench backlog makes a larger backlog (--grow).
const (
	growStores = "stores"
	growDays   = "days"
)

// historyConfig is a business of stores stores over as many days as make about n
// documents: every size the same business, only its history longer. What a document
// costs then can only grow with the backlog, not with the business (with more stores a
// POS batch spans more product and place pairs, which scaleConfig's sizes compare).
func historyConfig(n, stores int) simulate.Config {
	sc := simulate.DefaultConfig()
	sc.Noise = simulate.HardNoise()
	sc.Stores = stores
	// scaleConfig's month: about 2,200 documents of e-shop and imports and 1,700 a store.
	perMonth := 2200 + 1700*stores
	sc.Days = min(3660, max(1, (n*30+perMonth/2)/perMonth))
	return sc
}

// backlogRun simulates one business into a fresh tenant, stores all of it, then
// resolves the backlog, and removes the tenant.
// With a profile, the resolution's statements (not the storing's) are added to it.
func backlogRun(ctx context.Context, app *App, sc simulate.Config, observe batchObserver, profile *neo4jstore.StatementProfile) (backlogFigures, error) {
	f := backlogFigures{Stores: sc.Stores, Days: sc.Days}
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
	kinds := kindCosts{}
	var cpu time.Duration
	worker := resolver.NewWorker(resolver.NewMatcher(app.store, reg, app.log), app.projector, app.store, app.log, resolver.WorkerConfig{
		Observe: func(_ string, st resolver.Stats, took time.Duration, err error) {
			now := processCPU()
			if err == nil {
				kinds.observe(st, took, now-cpu)
			}
			if observe != nil {
				observe(st, took, now-cpu, err)
			}
			cpu = now
		}})
	start := time.Now()
	if f.Documents, err = storeFolder(ctx, app, dir, sc.Tenant); err != nil {
		return f, err
	}
	storeTook := time.Since(start)
	rctx := ctx
	if profile != nil {
		rctx = neo4jstore.WithStatementProfile(ctx, profile)
	}
	start, cpu = time.Now(), processCPU()
	st, err := worker.Drain(rctx, sc.Tenant)
	if err != nil {
		return f, err
	}
	f.Resolutions = st.Documents
	took := time.Since(start)
	f.StoreDocsPerS = float64(f.Documents) / storeTook.Seconds()
	f.ResolveDocsPer = float64(f.Documents) / took.Seconds()
	f.MicrosPerDoc = 1e6 / f.ResolveDocsPer
	f.RSSBytes = rss()
	f.Kinds = kinds.list()
	return f, nil
}

// batchObserver is told about each batch of a backlog run: its stats, its wall time and
// the CPU time this process used meanwhile (see processCPU).
type batchObserver func(st resolver.Stats, took, cpu time.Duration, err error)

// batchTracer prints, every n batches, how far the backlog is and what the last n
// batches cost per document: early and late windows of one run see the same machine,
// so a cost that rises along the run is the backlog's doing, not the neighbours'.
// It returns nil when n is 0.
func batchTracer(w io.Writer, n int) batchObserver {
	if n <= 0 {
		return nil
	}
	var batches, docs, windowDocs int
	var window, windowCPU time.Duration
	kinds := map[string]int{}
	return func(st resolver.Stats, took, cpu time.Duration, err error) {
		if err != nil || st.Documents == 0 {
			return
		}
		batches++
		docs += st.Documents
		windowDocs += st.Documents
		window += took
		windowCPU += cpu
		for k, c := range st.Kinds {
			kinds[k] += c
		}
		if batches%n == 0 {
			fmt.Fprintf(w, "  batch %6d  resolved %9d  %8.1f ms/batch  %8.1f µs/document  %7.1f CPU µs/document here  %s\n",
				batches, docs, float64(window.Microseconds())/1000/float64(n), float64(window.Microseconds())/float64(windowDocs),
				float64(windowCPU.Microseconds())/float64(windowDocs), mixOf(kinds))
			window, windowCPU, windowDocs = 0, 0, 0
			clear(kinds)
		}
	}
}

// processCPU is the CPU time this process has used, user and system: a window's share
// of it is the Go side's cost (the resolver, the driver, the projection beside it),
// which neighbours' load on a shared machine changes far less than wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// mixOf names the two commonest kinds of a window's documents with their shares, and
// how many other kinds it held: a window's cost is its kinds' cost.
func mixOf(kinds map[string]int) string {
	type kc struct {
		k string
		n int
	}
	var all []kc
	total := 0
	for k, n := range kinds {
		all = append(all, kc{k, n})
		total += n
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].k < all[j].k })
	var parts []string
	for _, c := range all[:min(2, len(all))] {
		parts = append(parts, fmt.Sprintf("%s %.0f%%", c.k, 100*float64(c.n)/float64(total)))
	}
	if len(all) > 2 {
		parts = append(parts, fmt.Sprintf("+%d kinds", len(all)-2))
	}
	return strings.Join(parts, ", ")
}
