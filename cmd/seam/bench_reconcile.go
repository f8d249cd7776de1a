package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/neo4jstore"
)

// benchReconcile is `seam bench reconcile`: it fills a fresh tenant with a month of
// finance documents (or takes an existing tenant's period), reconciles the period
// streaming, as `seam reconcile --format json` would, and prints the time and the
// peak memory of the reconciliation alone.
func benchReconcile(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench reconcile", stdout)
	docs := fs.Int("docs", 1_000_000, "documents to generate into a fresh tenant")
	seed := fs.Uint64("seed", 1, "generator seed")
	tenant := fs.String("tenant", "", "reconcile this existing tenant's period instead of generating one (with --from and --to)")
	from := fs.String("from", "2025-03-01", "first day of the period")
	to := fs.String("to", "2025-03-31", "last day of the period, included")
	keep := fs.Bool("keep", false, "keep the generated tenant (delete it with the next run's --tenant ... --drop)")
	drop := fs.Bool("drop", false, "delete --tenant after the run")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	start, end, err := finance.ParsePeriod(*from, *to)
	if err != nil {
		return usageError{"seam bench reconcile: " + err.Error()}
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	name := *tenant
	if name == "" {
		name = fmt.Sprintf("bench-reconcile-%d", time.Now().UnixNano()%1e9)
		t0 := time.Now()
		n, err := loadReconcileBench(ctx, app.store, name, *docs, *seed, start, end.Sub(start), stdout)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "loaded %d documents into tenant %s in %s\n", n, name, time.Since(t0).Round(time.Second))
	}
	if (*tenant == "" && !*keep) || *drop {
		defer func() {
			dropTenant(ctx, app, name)
		}()
	} else {
		fmt.Fprintf(stdout, "tenant %s kept\n", name)
	}
	q, err := financeQuery(ctx, app, name, start, end)
	if err != nil {
		return err
	}
	runtime.GC()
	resetPeakRSS()
	peak := watchHeap()
	t0 := time.Now()
	docsRead, eventsRead := 0, 0
	src := countingSource{Source: app.store, docs: &docsRead, events: &eventsRead}
	w := finance.NewWriter(io.Discard, finance.JSON)
	sum, err := finance.Run(ctx, src, q, cfg.Finance.forTenant(name), w.Write)
	if err != nil {
		return err
	}
	elapsed := time.Since(t0)
	heap := peak()
	rss := peakRSS()
	fmt.Fprintf(stdout, "reconciled %d documents in %d events (%d of finance) in %s: %.0f documents/s\n",
		docsRead, eventsRead, sum.Events, elapsed.Round(10*time.Millisecond), float64(docsRead)/elapsed.Seconds())
	fmt.Fprintf(stdout, "peak memory: Go heap %s, process RSS %s\n", mib(heap), mib(rss))
	fmt.Fprintf(stdout, "auto-reconciled %d of %d (%s); exceptions:", sum.AutoReconciled, sum.Events, sum.Rate)
	for _, e := range sum.Exceptions {
		fmt.Fprintf(stdout, " %s=%d", e.Code, e.Events)
	}
	fmt.Fprintln(stdout)
	return nil
}

// loadReconcileBench writes about n documents into tenant, in batches.
func loadReconcileBench(ctx context.Context, s *neo4jstore.Store, tenant string, n int, seed uint64, start time.Time, span time.Duration, progress io.Writer) (int, error) {
	gen := newReconcileBenchData(tenant, seed, start, span)
	cycles := max(1, n/benchCycleDocs)
	written := 0
	var batch []neo4jstore.BenchEvent
	flush := func() error {
		if err := s.LoadBenchEvents(ctx, tenant, batch, gen.skus); err != nil {
			return err
		}
		before := written
		for _, ev := range batch {
			written += len(ev.Docs)
		}
		batch = batch[:0]
		if written/250_000 > before/250_000 {
			fmt.Fprintf(progress, "loaded %d documents\n", written)
		}
		return nil
	}
	for i := 0; i < cycles; i++ {
		batch = append(batch, gen.cycle(i, cycles)...)
		if len(batch) >= 2000 {
			if err := flush(); err != nil {
				return written, err
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return written, err
		}
	}
	return written, nil
}

// countingSource counts the documents a run reads.
type countingSource struct {
	finance.Source
	docs   *int
	events *int
}

// Events counts the events and documents of each page on its way to fn.
func (c countingSource) Events(ctx context.Context, tenant string, from, to time.Time, after finance.Cursor, page int, fn func([]finance.Event) error) error {
	return c.Source.Events(ctx, tenant, from, to, after, page, func(evs []finance.Event) error {
		*c.events += len(evs)
		for _, ev := range evs {
			*c.docs += len(ev.Docs)
		}
		return fn(evs)
	})
}

// resetPeakRSS starts the kernel's peak resident set size afresh (Linux: writing 5 to
// /proc/self/clear_refs), so the peak that follows is the reconciliation's alone.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS reads the peak resident set size (VmHWM) in bytes, 0 where there is none.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// watchHeap samples the Go heap every 10 ms until the returned function is called,
// which returns the largest sample.
func watchHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var mu sync.Mutex
	var top uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			top = max(top, sample[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return top
	}
}

func mib(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
