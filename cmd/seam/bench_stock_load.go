package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// loaded measures the reads and a push under concurrent clients, as a shop's storefront,
// handhelds and dashboards read at once: the raw Redis GET and the GraphQL stock read
// each from clients goroutines with their own connections, then signed webhooks to a
// subscriber while clients goroutines keep reading stock. One client's figures flatter
// a server; these are what a busy one does.
//
// rate paces the readers beside the webhooks: that many stock reads a second in all,
// each client sending on a schedule of its own, and each read's latency counted from
// when it was due, not from when a late client got round to it (a client that waits
// for its previous answer would otherwise hide the queue: coordinated omission). 0
// keeps them reading as fast as they can, which on a small machine measures what is
// left for a webhook when the readers take every core.
func (b *stockBench) loaded(ctx context.Context, clients, reads, events, rate int) ([]benchRow, error) {
	kinds, err := b.reads(ctx)
	if err != nil {
		return nil, err
	}
	own := make([]*http.Client, clients)
	for c := range own {
		own[c] = benchClient()
	}
	cells := 2 * len(benchLocations)
	per := max(1, reads/clients)
	var rows []benchRow
	for _, k := range []struct {
		what string
		fn   func(c, i int) error
	}{
		{kinds[0].what, func(_, i int) error { return kinds[0].fn(i) }},
		{"GraphQL stock(sku:) over HTTP, any spelling, typed client", func(c, i int) error {
			a, err := b.stockRead(own[c], b.spelling(c*per+i))
			if err != nil {
				return err
			}
			// The push phase reserved stock of the first product without a lot: a
			// cell more.
			if len(a.Stock) < cells {
				return fmt.Errorf("stock answered %d rows, want %d or more", len(a.Stock), cells)
			}
			return nil
		}},
		{"GraphQL stock(sku:) over HTTP, lean client", func(c, i int) error { return b.leanStock(own[c], c*per+i, cells) }},
	} {
		took, err := concurrently(clients, per, k.fn)
		if err != nil {
			return nil, fmt.Errorf("%s under %d clients: %w", k.what, clients, err)
		}
		rows = append(rows, benchRow{what: fmt.Sprintf("%s, %d clients", k.what, clients), took: took})
	}

	// Webhooks to a subscriber while the clients read: a product no earlier phase
	// reserved, so that its pushes count from zero.
	sku := b.skus[len(b.skus)-1]
	if len(b.skus) < 2 {
		return rows, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, err := b.subscribe(ctx, `subscription($sku: String) { stockChanged(sku: $sku) { location reserved } }`, map[string]any{"sku": sku})
	if err != nil {
		return nil, err
	}
	var (
		wg       sync.WaitGroup
		done     atomic.Bool
		readsRun atomic.Int64
		readErr  atomic.Value
		mu       sync.Mutex
		paced    []time.Duration
	)
	started := time.Now()
	// A paced client's reads are due every clients/rate seconds, the clients' schedules
	// staggered across one interval.
	var every time.Duration
	if rate > 0 {
		every = time.Duration(float64(clients) / float64(rate) * float64(time.Second))
	}
	for c := range clients {
		wg.Go(func() {
			var took []time.Duration
			defer func() {
				mu.Lock()
				paced = append(paced, took...)
				mu.Unlock()
			}()
			for i := 0; !done.Load(); i++ {
				start := time.Now()
				if every > 0 {
					due := pacedDue(started, every, clients, c, i)
					if wait := time.Until(due); wait > 0 {
						time.Sleep(wait)
					}
					start = due
				}
				if _, err := b.stockRead(own[c], b.spelling(c*7+i)); err != nil {
					readErr.CompareAndSwap(nil, err)
					return
				}
				if every > 0 {
					took = append(took, time.Since(start))
				}
				readsRun.Add(1)
			}
		})
	}
	answered, pushed, late, err := b.webhooks(ctx, ch, sku, events, 500_000, 0)
	done.Store(true)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("webhooks under %d reading clients: %w", clients, err)
	}
	if e, ok := readErr.Load().(error); ok {
		return nil, fmt.Errorf("stock reads beside the webhooks: %w", e)
	}
	note := fmt.Sprintf("(%.0f stock reads/s beside them)", float64(readsRun.Load())/time.Since(started).Seconds())
	if rate == 0 {
		return append(rows,
			benchRow{what: fmt.Sprintf("signed webhook answered, %d clients reading", clients), took: answered, note: note},
			benchRow{what: fmt.Sprintf("signed webhook to stockChanged subscriber, %d clients reading", clients), took: pushed, note: lateNote(late)},
		), nil
	}
	return append(rows,
		benchRow{what: fmt.Sprintf("GraphQL stock(sku:), typed client, %d clients paced at %d/s, from when due", clients, rate), took: paced, note: note},
		benchRow{what: fmt.Sprintf("signed webhook answered, %d clients reading %d/s", clients, rate), took: answered},
		benchRow{what: fmt.Sprintf("signed webhook to stockChanged subscriber, %d clients reading %d/s", clients, rate), took: pushed, note: lateNote(late)},
	), nil
}

// pacedDue is when client c of clients, each sending every interval, is due to send its
// i-th request: the clients' schedules are staggered so that together they send at an
// even pace, one request every interval/clients.
func pacedDue(started time.Time, every time.Duration, clients, c, i int) time.Time {
	return started.Add(every*time.Duration(i) + every*time.Duration(c)/time.Duration(clients))
}

// concurrently runs fn from clients goroutines, n times each (after n/10 warm-up runs),
// and returns every measured latency.
func concurrently(clients, n int, fn func(client, i int) error) ([]time.Duration, error) {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		all  = make([]time.Duration, 0, clients*n)
		errs = make([]error, clients)
	)
	for c := range clients {
		wg.Go(func() {
			took, err := timed(n, func(i int) error { return fn(c, i) })
			errs[c] = err
			mu.Lock()
			all = append(all, took...)
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return all, nil
}

// benchClient is an HTTP client with connections of its own.
func benchClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2}, Timeout: 30 * time.Second}
}

// leanStock reads the i-th product's stock as a client that only needs the bytes would:
// the request body prepared once per spelling, the answer read whole and its rows
// counted, not decoded into structs. The Redis GET it is compared with parses nothing
// either; the typed read beside it shows what a client that decodes adds.
func (b *stockBench) leanStock(client *http.Client, i, cells int) error {
	resp, err := b.post(client, b.leanBody(i))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	return checkLeanAnswer(resp.StatusCode, buf.Bytes(), cells)
}

// checkLeanAnswer refuses a stock answer that is not HTTP 200 with at least cells rows
// and no errors, without decoding it.
func checkLeanAnswer(status int, body []byte, cells int) error {
	if n := bytes.Count(body, []byte(`"location":`)); status != http.StatusOK || n < cells || bytes.Contains(body, []byte(`"errors"`)) {
		return fmt.Errorf("stock answered HTTP %d with %d rows: %.200s", status, n, body)
	}
	return nil
}

// leanBody is the prepared request body of the i-th spelling.
func (b *stockBench) leanBody(i int) []byte {
	b.bodiesOnce.Do(func() {
		b.bodies = make([][]byte, 3*len(b.skus))
		for k := range b.bodies {
			b.bodies[k], _ = json.Marshal(map[string]any{"query": benchStockQuery, "variables": map[string]any{"sku": b.spelling(k)}})
		}
	})
	return b.bodies[i%len(b.bodies)]
}
