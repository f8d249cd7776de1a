package resolver

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Projector applies committed movements to live stock.
type Projector interface {
	Project(ctx context.Context, tenant string, ms []ontology.Movement) error
	CatchUp(ctx context.Context, tenant string) (int, error)
}

// WorkLister finds tenants with unfinished work (pending documents or unprojected
// movements), so a restarted process picks up where the last one stopped.
type WorkLister interface {
	// PendingTenants lists the tenants with work whose names start with prefix ("" for
	// all).
	PendingTenants(ctx context.Context, prefix string) ([]string, error)
}

// WorkerConfig tunes a Worker.
type WorkerConfig struct {
	Batch int           // documents per resolution transaction (default 500)
	Sweep time.Duration // how often to look for work nobody announced (default 2s)
	// Observe, when set, is told about every batch (for metrics).
	Observe func(tenant string, st Stats, took time.Duration, err error)
	// Sweeps, when set, limits the tenants a sweep takes up to those it accepts: several
	// deployments sharing one database each resolve their own tenants. Tenants this
	// process is notified of (its own intake) are always resolved.
	Sweeps func(tenant string) bool
	// SweepPrefix, when set, limits the tenants a sweep asks the store for to those whose
	// names start with it. Sweeps alone filters the list after it was read, and on a
	// database that many processes share the list (a seek per tenant with work) is
	// mostly theirs.
	SweepPrefix string
}

// Worker drives resolution and projection: it is woken with Notify when documents are
// stored, and sweeps periodically for work announced by other processes or left over
// from a crash. It never gives up on an error; it logs it and tries again on the next
// wake or sweep, so Seam recovers by itself when Neo4j or Redis return.
type Worker struct {
	matcher *Matcher
	proj    Projector
	lister  WorkLister
	log     *slog.Logger
	cfg     WorkerConfig
	wake    chan string

	mu      sync.Mutex
	lagging map[string]bool // tenants whose last projection failed
	// stepping is the tenant whose batch Run is resolving, and inline the tenants
	// SaveAndResolve is resolving: while either is busy with a tenant, a delivery of
	// it takes the ordinary way, so that a flood of one tenant's webhooks is resolved
	// in the worker's batches, not one transaction per request queued on its lock.
	stepping string
	inline   map[string]bool
}

// NewWorker builds a worker.
func NewWorker(m *Matcher, p Projector, l WorkLister, log *slog.Logger, cfg WorkerConfig) *Worker {
	if cfg.Batch <= 0 {
		cfg.Batch = 500
	}
	if cfg.Sweep <= 0 {
		cfg.Sweep = 2 * time.Second
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{matcher: m, proj: p, lister: l, log: log, cfg: cfg, wake: make(chan string, 1024)}
}

// Notify asks the worker to process a tenant soon. It never blocks: when the queue is
// full the next sweep finds the work anyway.
func (w *Worker) Notify(tenant string) {
	select {
	case w.wake <- tenant:
	default:
	}
}

// Run processes work until ctx ends. Tenants with work take turns, one batch each, so a
// tenant with a large backlog (a bulk import, a replay) delays another tenant's new
// order by at most one batch per busy tenant, not by the whole backlog.
//
// Periodic sweeps run beside the batches, not between them: a sweep costs a query per
// tenant with work (and, before the store listed tenants by index seeks, a read of every
// queued node: seconds with hundreds of thousands queued), and a live webhook's document
// announced meanwhile waited for it before its resolution began (the p99 of seam bench
// stock's webhook push was the length of a sweep, and a server's first webhook waited for
// the sweep at its start). What a sweep finds joins the turns when it ends.
func (w *Worker) Run(ctx context.Context) {
	tick := time.NewTicker(w.cfg.Sweep)
	defer tick.Stop()
	var turns roundRobin
	swept := make(chan []string, 1)
	sweeping := false
	defer func() {
		if sweeping {
			<-swept // no sweep outlives Run
		}
	}()
	startSweep := func() {
		if sweeping {
			return // the one running will tell
		}
		sweeping = true
		go func() { swept <- w.sweep(ctx) }()
	}
	// The first sweep too: a server that starts with a backlog in the database answers
	// its first webhooks' documents without waiting for it.
	startSweep()
	for ctx.Err() == nil {
		tenant, ok := turns.next()
		if !ok {
			// Nothing to do: wait for a wake or the next sweep.
			select {
			case <-ctx.Done():
				return
			case t := <-w.wake:
				turns.first(t)
			case <-tick.C:
				startSweep()
			case ts := <-swept:
				sweeping = false
				w.queueSwept(ts, &turns)
			}
			continue
		}
		// Take in what arrived while the last batch ran, without waiting.
		for drained := false; !drained; {
			select {
			case t := <-w.wake:
				turns.first(t)
			case <-tick.C:
				startSweep()
			case ts := <-swept:
				sweeping = false
				w.queueSwept(ts, &turns)
			default:
				drained = true
			}
		}
		more, err := w.step(ctx, tenant)
		switch {
		case err != nil && ctx.Err() == nil:
			// Neo4j or Redis is away, or was a moment ago. Try the tenant again after a
			// pause rather than at the next sweep, so its documents show within seconds
			// of the store coming back; the pause keeps an outage from becoming a busy loop.
			w.log.Warn("processing tenant; will retry", "tenant", tenant, "err", err)
			turns.add(tenant)
			select {
			case <-ctx.Done():
			case t := <-w.wake:
				turns.first(t)
			case <-time.After(retryPause):
			}
		case more:
			turns.add(tenant) // back of the queue
		}
	}
}

// retryPause is how long the worker waits after a failed batch before the next try.
const retryPause = 250 * time.Millisecond

// sweep returns every tenant with work; none when the store does not answer.
func (w *Worker) sweep(ctx context.Context) []string {
	tenants, err := w.lister.PendingTenants(ctx, w.cfg.SweepPrefix)
	if err != nil {
		if ctx.Err() == nil {
			w.log.Warn("looking for pending work", "err", err)
		}
		return nil
	}
	return tenants
}

// queueSwept queues the tenants a sweep found that this worker sweeps for.
func (w *Worker) queueSwept(tenants []string, turns *roundRobin) {
	for _, t := range tenants {
		if w.cfg.Sweeps == nil || w.cfg.Sweeps(t) {
			turns.add(t)
		}
	}
}

// step resolves one batch of a tenant's pending documents and projects its movements;
// when there were none left it catches up projection instead. It reports whether the
// tenant may have more work.
func (w *Worker) step(ctx context.Context, tenant string) (more bool, err error) {
	// No panic may end the worker's goroutine: resolution turns its own panics into set
	// aside documents, and anything else (the projection) fails this step only.
	defer func() {
		if r := recover(); r != nil {
			w.log.Error("worker step panicked", "tenant", tenant, "panic", r, "stack", string(debug.Stack()))
			more, err = false, fmt.Errorf("worker step panicked: %v", r)
		}
	}()
	start := time.Now()
	// Only while the batch's transaction runs: a request that came during the
	// projection after it (a webhook sent as soon as the last one's push arrived) would
	// otherwise take the ordinary way, and so would the next, each one's batch making
	// the next one's.
	st, err := w.process(ctx, tenant)
	if w.cfg.Observe != nil {
		w.cfg.Observe(tenant, st, time.Since(start), err)
	}
	if err != nil {
		return false, err
	}
	if st.Documents > 0 {
		if !w.project(ctx, tenant, st.Movements) {
			// Redis is away: catch up in a step of its own once it answers, whatever
			// documents keep arriving meanwhile.
			w.behind(tenant, true)
			return true, nil
		}
		// An expiry that came without a movement waits in the ledger's queue
		// (Stats.UnmovedExpiries); CatchUp copies it after any movements left.
		if w.behind(tenant, false) || st.UnmovedExpiries > 0 {
			if _, err := w.proj.CatchUp(ctx, tenant); err != nil {
				w.log.Warn("catching up the projection; will retry", "tenant", tenant, "err", err)
				w.behind(tenant, true)
				return true, nil
			}
		}
		// A batch short of the limit took every document pending when it began; one
		// stored since then was announced (Notify), so no empty pass is needed to find
		// it. That pass used to run after every live webhook's document, its lock and
		// queries competing with the next document's storage and resolution. A batch
		// that set documents aside was bisected and may have selected fewer than it
		// left pending: look again.
		return st.Documents >= w.cfg.Batch || st.SetAside > 0, nil
	}
	_, err = w.proj.CatchUp(ctx, tenant)
	return false, err
}

// process is the step's batch, with the tenant marked as being resolved meanwhile (see
// takeInline).
func (w *Worker) process(ctx context.Context, tenant string) (Stats, error) {
	w.mu.Lock()
	w.stepping = tenant
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.stepping = ""
		w.mu.Unlock()
	}()
	return w.matcher.Process(ctx, tenant, w.cfg.Batch)
}

// roundRobin is the queue of tenants with work, each at most once, in turn.
type roundRobin struct {
	queue  []string
	queued map[string]bool
}

func (r *roundRobin) add(tenant string) {
	if r.queued == nil {
		r.queued = map[string]bool{}
	}
	if !r.queued[tenant] {
		r.queued[tenant] = true
		r.queue = append(r.queue, tenant)
	}
}

// first puts a tenant at the head of the queue: work this process was just told about
// (a webhook answered, a file stored) goes before work a sweep found, so its event is
// visible within the promised seconds even while other tenants have backlogs. A tenant
// with more work still goes to the back after its batch, so this does not starve them.
func (r *roundRobin) first(tenant string) {
	if r.queued[tenant] {
		r.queue = slices.DeleteFunc(r.queue, func(t string) bool { return t == tenant })
	}
	if r.queued == nil {
		r.queued = map[string]bool{}
	}
	r.queued[tenant] = true
	r.queue = slices.Insert(r.queue, 0, tenant)
}

func (r *roundRobin) next() (string, bool) {
	if len(r.queue) == 0 {
		return "", false
	}
	t := r.queue[0]
	r.queue = r.queue[1:]
	delete(r.queued, t)
	return t, true
}

// Drain resolves every pending document of tenant and projects every movement, then
// returns the totals, with the movements counted in Moved rather than kept. Callers
// that need the work done before they return (seam ingest, tests) call it directly.
//
// A batch's projection runs while the next batch resolves: it writes Redis and clears
// the marks of movements committed already, which the next batch does not write, so
// Neo4j's second core and Redis work while the resolution transaction runs. One
// projection is in flight at a time, and every one has ended before Drain returns; one
// that fails leaves its marks for the CatchUp at the end, as it always did.
func (w *Worker) Drain(ctx context.Context, tenant string) (Stats, error) {
	var total Stats
	projected := make(chan struct{})
	close(projected)
	for {
		start := time.Now()
		st, err := w.matcher.Process(ctx, tenant, w.cfg.Batch)
		if w.cfg.Observe != nil {
			w.cfg.Observe(tenant, st, time.Since(start), err)
		}
		<-projected
		if err != nil {
			return total, err
		}
		projected = w.projectAside(ctx, tenant, st.Movements)
		st.Moved += len(st.Movements)
		st.Movements = nil
		total.add(st)
		if st.Documents == 0 {
			break
		}
	}
	<-projected
	if _, err := w.proj.CatchUp(ctx, tenant); err != nil {
		return total, err
	}
	return total, nil
}

// projectAside projects movements on a goroutine of its own and closes the channel it
// returns when done. A failure is logged: the movements keep their Unprojected mark.
func (w *Worker) projectAside(ctx context.Context, tenant string, ms []ontology.Movement) chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := w.proj.Project(ctx, tenant, ms); err != nil {
			w.log.Warn("projecting stock; will catch up", "tenant", tenant, "err", err)
		}
	}()
	return done
}

// SaveAndResolve stores documents of tenant and resolves them in one transaction
// (Matcher.ProcessSaved), then projects their movements, on the caller's goroutine: a
// live webhook's order reaches its subscribers with one commit and no hand-over to the
// worker. It answers ErrNotInline, having stored nothing, when the documents must go
// the ordinary way: the worker or another request is resolving the tenant (a busy
// tenant's documents are resolved faster in the worker's batches), its projection lags
// (the worker catches it up), or the tenant holds reservations. On any other error nothing is stored either. A projection that
// fails is left to the worker, as its own would be.
func (w *Worker) SaveAndResolve(ctx context.Context, tenant string, save SaveFunc) (Stats, error) {
	if !w.takeInline(tenant) {
		return Stats{}, ErrNotInline
	}
	defer w.doneInline(tenant)
	start := time.Now()
	st, err := w.matcher.ProcessSaved(ctx, tenant, save)
	if err != nil {
		// Not counted here: the documents go the ordinary way, whose batch counts them.
		return st, err
	}
	if w.cfg.Observe != nil {
		w.cfg.Observe(tenant, st, time.Since(start), nil)
	}
	if st.Documents == 0 {
		return st, nil
	}
	// Committed: what follows must not end with the request that asked for it.
	ctx = context.WithoutCancel(ctx)
	if !w.project(ctx, tenant, st.Movements) {
		w.behind(tenant, true)
		w.Notify(tenant)
		return st, nil
	}
	if st.UnmovedExpiries > 0 {
		// Copying the expiries is the worker's catch-up, whose length no request
		// should wait for.
		w.Notify(tenant)
	}
	return st, nil
}

// takeInline marks tenant as resolved in a request, unless the worker or another
// request is resolving it now.
func (w *Worker) takeInline(tenant string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stepping == tenant || w.inline[tenant] || w.lagging[tenant] {
		// A lagging tenant's catch-up (after Redis was away: pages of movements) is
		// the worker's next step, not a request's.
		return false
	}
	if w.inline == nil {
		w.inline = map[string]bool{}
	}
	w.inline[tenant] = true
	return true
}

func (w *Worker) doneInline(tenant string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.inline, tenant)
}

// Confirm is Matcher.Confirm followed by the projection of its movements.
func (w *Worker) Confirm(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (Decided, error) {
	d, err := w.matcher.Confirm(ctx, tenant, doc, eventID, by)
	if err == nil {
		w.project(ctx, tenant, d.Movements)
	}
	return d, err
}

// Reject is Matcher.Reject followed by the projection of its movements.
func (w *Worker) Reject(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (Decided, error) {
	d, err := w.matcher.Reject(ctx, tenant, doc, eventID, by)
	if err == nil {
		w.project(ctx, tenant, d.Movements)
	}
	return d, err
}

// ConfirmParties is Matcher.ConfirmParties: a decision on parties moves no stock.
func (w *Worker) ConfirmParties(ctx context.Context, tenant, a, b, by string) (PartyDecided, error) {
	return w.matcher.ConfirmParties(ctx, tenant, a, b, by)
}

// RejectParties is Matcher.RejectParties.
func (w *Worker) RejectParties(ctx context.Context, tenant, a, b, by string) (PartyDecided, error) {
	return w.matcher.RejectParties(ctx, tenant, a, b, by)
}

func (w *Worker) project(ctx context.Context, tenant string, ms []ontology.Movement) bool {
	if err := w.proj.Project(ctx, tenant, ms); err != nil {
		w.log.Warn("projecting stock; will catch up", "tenant", tenant, "err", err)
		return false
	}
	return true
}

// behind records (set) or reads and clears (!set) that a tenant has movements a failed
// projection left behind, so that the next step with documents catches them up too.
func (w *Worker) behind(tenant string, set bool) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	was := w.lagging[tenant]
	if set {
		if w.lagging == nil {
			w.lagging = map[string]bool{}
		}
		w.lagging[tenant] = true
	} else {
		delete(w.lagging, tenant)
	}
	return was
}
