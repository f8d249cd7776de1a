package inventory

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Ledger is what the projector reads from the system of record.
type Ledger interface {
	// Unprojected returns up to limit movements not yet marked projected, oldest first.
	Unprojected(ctx context.Context, tenant string, limit int) ([]ontology.Movement, error)
	// MarkProjected marks movements as applied to the cache.
	MarkProjected(ctx context.Context, tenant string, ids []string) error
	// Totals sums every movement of a tenant per cell, with each lot's expiry.
	Totals(ctx context.Context, tenant string) ([]Stock, error)
	// LotExpiries returns the expiry of the lots of these cells, where one is known.
	LotExpiries(ctx context.Context, tenant string, cells []ontology.Cell) (map[ontology.Cell]time.Time, error)
	// UnprojectedExpiries returns up to limit lots whose expiry a document changed
	// without moving them, not yet copied to the cache.
	UnprojectedExpiries(ctx context.Context, tenant string, limit int) ([]LotExpiry, error)
	// MarkExpiriesProjected takes lots UnprojectedExpiries gave off its queue, each only
	// while its expiry is still the one given, and returns how many it took off.
	MarkExpiriesProjected(ctx context.Context, tenant string, lots []LotExpiry) (int, error)
}

// LotExpiry is a lot's expiry, the lot's wherever it lies.
type LotExpiry struct {
	SKU, Lot  string
	ExpiresAt time.Time
}

// ErrCacheUnavailable wraps a cache read that failed because the cache (Redis) did not
// answer: live stock cannot be read now, and the caller says so rather than guessing.
var ErrCacheUnavailable = errors.New("live stock is unavailable: the cache does not answer")

// Cache is the live-stock projection.
type Cache interface {
	// Apply adds movements, each at most once however often it is called with them.
	Apply(ctx context.Context, tenant string, ms []ontology.Movement) (int, error)
	// Replace sets a tenant's stock to exactly these totals.
	Replace(ctx context.Context, tenant string, totals []Stock) error
	Stock(ctx context.Context, tenant, sku, location string) ([]Stock, error)
	SKUs(ctx context.Context, tenant string) ([]string, error)
	// SetExpiries records lots' expiries on their cells.
	SetExpiries(ctx context.Context, tenant string, expiries map[ontology.Cell]time.Time) error
	// SetLotExpiries records lots' expiries on every cell the cache holds of them, and
	// announces those cells.
	SetLotExpiries(ctx context.Context, tenant string, lots []LotExpiry) error
}

// settler is a cache that remembers every movement it applied, to apply none twice, and
// can forget one sooner once the ledger has marked it projected: after the mark, only a
// catch-up that read the movement just before it can offer it again (see staleRead).
type settler interface {
	Settle(ctx context.Context, tenant string, ids []string) error
}

// staleRead bounds how old a page of unprojected movements CatchUp may still apply. A
// movement marked projected meanwhile is applied again, which the cache ignores only
// while it remembers the movement: rediscache keeps a settled movement for an hour, so a
// page read longer ago than this is not applied (CatchUp returns an error; the next one
// reads afresh).
const staleRead = 10 * time.Minute

// Projector keeps the cache equal to the ledger. The ledger marks each movement
// Unprojected when it is written (in the same transaction as the event that caused it);
// the projector applies movements to the cache, which ignores repeats, and only then
// clears the mark. A crash between the two steps leaves the mark, and the next CatchUp
// applies the movement again, which the cache ignores: nothing is lost or doubled.
type Projector struct {
	ledger   Ledger
	cache    Cache
	journals []Journal

	// Marks that wait to be cleared together (DeferMarks); zero markAfter clears each
	// projection's marks at once.
	markAfter time.Duration
	markLog   *slog.Logger
	markMu    sync.Mutex
	marks     map[string][]string // tenant -> movements applied, still marked
	// markSince is when each tenant's marks began to wait: a tenant's marks are cleared
	// by the flush once they waited markAfter, not with another tenant's.
	markSince map[string]time.Time
	// markClock is the flush's clock (time.Now; a test's own).
	markClock func() time.Time
	// settles are movements whose marks another write cleared (MarksCleared), to be
	// settled in the cache (settler) with the next flush.
	settles   map[string][]string
	markTimer *time.Timer // the flush scheduled, nil when none
	closed    bool        // Close ran: marks are cleared at once again
	// flushing is held for the whole of a flush, so that Close returns only once the
	// timer's flush, if one runs, has ended: the store closes after it.
	flushing sync.Mutex
}

// Journal is state the cache decides before the ledger records it: reservations, whose
// holds are decided in Redis and recorded in Neo4j right after (see Reservations).
type Journal interface {
	// Flush records in the ledger every decision the cache journaled and the ledger lacks.
	Flush(ctx context.Context, tenant string) (int, error)
	// Restore puts back into the cache the live state the ledger holds and the cache lost.
	Restore(ctx context.Context, tenant string) (int, error)
}

// NewProjector builds a projector. Journals are flushed before every Verify and Rebuild,
// so that a decision the ledger has not recorded yet is neither reported as a difference
// nor dropped by a rebuild, and restored after every Rebuild.
func NewProjector(l Ledger, c Cache, journals ...Journal) *Projector {
	return &Projector{ledger: l, cache: c, journals: journals}
}

// flush records every journal's pending decisions in the ledger.
func (p *Projector) flush(ctx context.Context, tenant string) error {
	for _, j := range p.journals {
		if _, err := j.Flush(ctx, tenant); err != nil {
			return fmt.Errorf("recording decisions the cache journaled: %w", err)
		}
	}
	return nil
}

// Project applies movements that were just committed, then marks them projected.
func (p *Projector) Project(ctx context.Context, tenant string, ms []ontology.Movement) error {
	return p.project(ctx, tenant, ms, true)
}

// project is Project; mayDefer lets it hold the marks back (DeferMarks). CatchUp may
// not: it reads the ledger's marks again right after, and a page whose marks were held
// would come back, be applied again (a no-op) and queued again, page after page until
// the timer fired, and for ever when the mark cannot be written.
func (p *Projector) project(ctx context.Context, tenant string, ms []ontology.Movement, mayDefer bool) error {
	if len(ms) == 0 {
		return nil
	}
	// The lots' expiries first: Apply announces the change, and what the announcement
	// wakes (alert rules, subscribers) and any reservation after it must see a lot that
	// arrives expired as expired, not as stock to sell until the expiry is written.
	if err := p.expiries(ctx, tenant, ms); err != nil {
		return err
	}
	if _, err := p.cache.Apply(ctx, tenant, ms); err != nil {
		return err
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	if !mayDefer || !p.deferMarks(tenant, ids) {
		if err := p.mark(ctx, tenant, ids); err != nil {
			return err
		}
	}
	return nil
}

// mark clears the Unprojected marks of movements the cache has applied, then lets the
// cache forget them sooner. The second step only saves memory, so its failure is logged
// and not returned: the movements are projected and marked.
func (p *Projector) mark(ctx context.Context, tenant string, ids []string) error {
	if err := p.ledger.MarkProjected(ctx, tenant, ids); err != nil {
		return fmt.Errorf("marking %d movements projected: %w", len(ids), err)
	}
	p.settle(ctx, tenant, ids)
	return nil
}

// settle lets the cache forget sooner movements whose marks are cleared. It only saves
// memory: a failure is logged.
func (p *Projector) settle(ctx context.Context, tenant string, ids []string) {
	if s, ok := p.cache.(settler); ok {
		if err := s.Settle(ctx, tenant, ids); err != nil {
			p.logger().Warn("shortening the cache's memory of projected movements; they stay remembered longer",
				"tenant", tenant, "movements", len(ids), "err", err)
		}
	}
}

// logger is where the projector reports what it does not return.
func (p *Projector) logger() *slog.Logger {
	if p.markLog != nil {
		return p.markLog
	}
	return slog.New(slog.DiscardHandler)
}

// DeferMarks makes the projector clear the Unprojected marks of the movements it applied
// together, at most d after the first of them, instead of one write transaction per
// projection. A live webhook's projection is one or two movements; clearing their marks
// was a Neo4j write of its own, which ran beside the next webhook's storage and
// resolution on the same cores and lengthened its way to the subscriber. Nothing depends
// on the marks being cleared at once: the cache applies each movement at most once, so a
// mark left behind (a crash before the flush, a failed flush) only makes the next
// CatchUp apply that movement again, which changes nothing, and CatchUp flushes the
// waiting marks of its tenant before it reads. log receives a failed flush. Call it
// before the projector is used; Close at shutdown.
func (p *Projector) DeferMarks(d time.Duration, log *slog.Logger) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	p.markAfter, p.markLog = d, log
}

// deferMarks queues ids to be marked later and reports whether it did.
func (p *Projector) deferMarks(tenant string, ids []string) bool {
	if p.markAfter <= 0 {
		return false
	}
	p.markMu.Lock()
	defer p.markMu.Unlock()
	if p.closed {
		return false
	}
	if p.marks == nil {
		p.marks, p.markSince = map[string][]string{}, map[string]time.Time{}
	}
	if len(p.marks[tenant]) == 0 {
		p.markSince[tenant] = p.clock()
	}
	p.marks[tenant] = append(p.marks[tenant], ids...)
	p.armLocked(p.markAfter)
	return true
}

// clock is the time of the marks' flush.
func (p *Projector) clock() time.Time {
	if p.markClock != nil {
		return p.markClock()
	}
	return time.Now()
}

// armLocked schedules a flush in d unless one is scheduled; markMu is held.
func (p *Projector) armLocked(d time.Duration) {
	if p.markTimer == nil {
		p.markTimer = time.AfterFunc(d, func() {
			ctx, cancel := context.WithTimeout(context.Background(), markFlushTimeout)
			defer cancel()
			p.flushDue(ctx)
		})
	}
}

// flushDue is the timer's flush: it clears the marks of the tenants whose marks waited
// markAfter, settles what other writes cleared (MarksCleared), and schedules the next
// flush for the marks still waiting. A tenant whose documents keep coming has its
// marks taken by each next resolution (TakeMarks) before they are due, and no flush
// clears them in a transaction of its own; one flush for every tenant at the first
// one's deadline ran every markAfter while webhooks came, beside one of them.
func (p *Projector) flushDue(ctx context.Context) {
	p.flushing.Lock()
	defer p.flushing.Unlock()
	p.markMu.Lock()
	now := p.clock()
	due := map[string][]string{}
	var next time.Time
	for tenant, ids := range p.marks {
		at := p.markSince[tenant].Add(p.markAfter)
		if p.closed || !now.Before(at) {
			due[tenant] = ids
			delete(p.marks, tenant)
			delete(p.markSince, tenant)
		} else if next.IsZero() || at.Before(next) {
			next = at
		}
	}
	settles := p.settles
	p.settles = nil
	if p.markTimer != nil {
		p.markTimer.Stop()
		p.markTimer = nil
	}
	if !next.IsZero() {
		p.armLocked(next.Sub(now))
	}
	p.markMu.Unlock()
	p.clear(ctx, settles, due)
}

// clear settles and marks what a flush took.
func (p *Projector) clear(ctx context.Context, settles, marks map[string][]string) {
	for tenant, ids := range settles {
		p.settle(ctx, tenant, ids)
	}
	for tenant, ids := range marks {
		if err := p.mark(ctx, tenant, ids); err != nil {
			p.logger().Warn("marking projected movements; the next catch-up applies them again, which changes nothing",
				"tenant", tenant, "movements", len(ids), "err", err)
		}
	}
}

// TakeMarks hands over the marks held for tenant (DeferMarks) to a write that clears
// them itself: resolution's next batch of the tenant (resolver.HeldMarks), which commits
// anyway, so a tenant whose documents keep coming needs no flush of its own. They are no
// longer held; what no write cleared comes back through ReturnMarks.
func (p *Projector) TakeMarks(tenant string) []string {
	p.markMu.Lock()
	defer p.markMu.Unlock()
	ids := p.marks[tenant]
	delete(p.marks, tenant)
	delete(p.markSince, tenant)
	return ids
}

// ReturnMarks holds again marks TakeMarks handed over that no committed write cleared,
// or clears them at once once the projector is closed. A failure is logged: the marks
// stay in the ledger, where CatchUp finds them.
func (p *Projector) ReturnMarks(ctx context.Context, tenant string, ids []string) {
	if len(ids) == 0 || p.deferMarks(tenant, ids) {
		return
	}
	p.clear(ctx, nil, map[string][]string{tenant: ids})
}

// MarksCleared tells the projector that a committed write cleared marks TakeMarks
// handed over: the cache is told (settler) with the next flush, off the path of the
// document whose write cleared them; at once when the projector is closed.
func (p *Projector) MarksCleared(ctx context.Context, tenant string, ids []string) {
	if len(ids) == 0 {
		return
	}
	p.markMu.Lock()
	if p.closed || p.markAfter <= 0 {
		p.markMu.Unlock()
		p.settle(ctx, tenant, ids)
		return
	}
	if p.settles == nil {
		p.settles = map[string][]string{}
	}
	p.settles[tenant] = append(p.settles[tenant], ids...)
	p.armLocked(p.markAfter)
	p.markMu.Unlock()
}

// markFlushTimeout bounds a deferred flush: one that cannot finish leaves its marks to
// the next CatchUp.
const markFlushTimeout = 30 * time.Second

// FlushMarks clears now every mark DeferMarks is holding. A tenant whose marks cannot be
// cleared keeps them in the ledger, where CatchUp finds them; the failure is logged.
func (p *Projector) FlushMarks(ctx context.Context) {
	p.flushing.Lock()
	defer p.flushing.Unlock()
	p.markMu.Lock()
	marks, settles := p.marks, p.settles
	p.marks, p.settles, p.markSince = nil, nil, nil
	if p.markTimer != nil {
		p.markTimer.Stop()
		p.markTimer = nil
	}
	p.markMu.Unlock()
	p.clear(ctx, settles, marks)
}

// Close clears every held mark, waiting for a flush under way, and makes later
// projections clear their marks at once: call it before the ledger's store closes.
func (p *Projector) Close(ctx context.Context) {
	p.markMu.Lock()
	p.closed = true
	p.markMu.Unlock()
	p.FlushMarks(ctx)
}

// flushTenantMarks clears the marks held for one tenant now.
func (p *Projector) flushTenantMarks(ctx context.Context, tenant string) error {
	p.markMu.Lock()
	ids := p.marks[tenant]
	delete(p.marks, tenant)
	delete(p.markSince, tenant)
	p.markMu.Unlock()
	if len(ids) == 0 {
		return nil
	}
	return p.mark(ctx, tenant, ids)
}

// expiries copies the expiry of the lots movements touched onto their cells, and onto
// every other cell of those lots (SetExpiries), so that reads show it and reservations
// leave expired lots out without asking the ledger. A lot's expiry comes with the
// documents that move it, though not always where it is: a declaration moves the lot at
// its own place, not at the warehouse that received it first. A rebuild copies every
// lot's.
func (p *Projector) expiries(ctx context.Context, tenant string, ms []ontology.Movement) error {
	seen := map[ontology.Cell]bool{}
	var cells []ontology.Cell
	for _, m := range ms {
		c := ontology.Cell{SKU: m.SKU, Location: m.Location, Lot: m.Lot}
		if m.Lot != "" && !seen[c] {
			seen[c] = true
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return nil
	}
	exp, err := p.ledger.LotExpiries(ctx, tenant, cells)
	if err != nil {
		return fmt.Errorf("reading the expiry of %d lots: %w", len(cells), err)
	}
	return p.cache.SetExpiries(ctx, tenant, exp)
}

// CatchUp projects every movement still marked unprojected, for example after a crash
// or while Redis was unreachable. It returns how many it projected.
func (p *Projector) CatchUp(ctx context.Context, tenant string) (int, error) {
	// Marks held back (DeferMarks) first: their movements are applied already.
	if err := p.flushTenantMarks(ctx, tenant); err != nil {
		return 0, err
	}
	n := 0
	for {
		asked := time.Now()
		ms, err := p.ledger.Unprojected(ctx, tenant, 2000)
		if err != nil {
			return n, fmt.Errorf("reading unprojected movements: %w", err)
		}
		if len(ms) == 0 {
			return n, p.catchUpExpiries(ctx, tenant)
		}
		if took := time.Since(asked); took > staleRead {
			// The process stalled with the page in hand (or the read took that long):
			// movements in it may have been marked and forgotten since. Nothing is
			// applied; the caller's next catch-up reads afresh, and the error says why
			// the projection did not move (a loop here would hide a read that is always
			// that slow).
			return n, fmt.Errorf("a page of unprojected movements took %s to read, longer than %s: not applied, read again on the next catch-up", took.Round(time.Second), staleRead)
		}
		if err := p.project(ctx, tenant, ms, false); err != nil {
			return n, err
		}
		n += len(ms)
	}
}

// catchUpExpiries copies to the cache the expiries documents gave lots without moving
// them (Ledger.UnprojectedExpiries), then takes them off the ledger's queue. It runs
// after the movements: a lot the queue names may have been moved since, and its
// movements' projection has copied the same expiry already (the earliest wins in the
// ledger, and it is the ledger's that both copy).
func (p *Projector) catchUpExpiries(ctx context.Context, tenant string) error {
	for {
		lots, err := p.ledger.UnprojectedExpiries(ctx, tenant, 500)
		if err != nil {
			return fmt.Errorf("reading lot expiries not yet projected: %w", err)
		}
		if len(lots) == 0 {
			return nil
		}
		if err := p.cache.SetLotExpiries(ctx, tenant, lots); err != nil {
			return err
		}
		n, err := p.ledger.MarkExpiriesProjected(ctx, tenant, lots)
		if err != nil {
			return err
		}
		if n == 0 {
			// Every one changed again since it was read: the next catch-up copies
			// the newer expiries (a loop here would spin while a writer keeps up).
			return fmt.Errorf("%d lot expiries changed while they were projected: read again on the next catch-up", len(lots))
		}
	}
}

// Rebuild replaces a tenant's cache with the ledger's totals. Run it when Verify finds a
// difference, or after Redis lost its data; run it while the tenant is quiet, since
// movements projected during the rebuild may be counted in both.
func (p *Projector) Rebuild(ctx context.Context, tenant string) (int, error) {
	if err := p.flush(ctx, tenant); err != nil {
		return 0, err
	}
	if _, err := p.CatchUp(ctx, tenant); err != nil {
		return 0, err
	}
	totals, err := p.ledger.Totals(ctx, tenant)
	if err != nil {
		return 0, fmt.Errorf("summing the ledger: %w", err)
	}
	if err := p.cache.Replace(ctx, tenant, totals); err != nil {
		return 0, err
	}
	for _, j := range p.journals {
		if _, err := j.Restore(ctx, tenant); err != nil {
			return len(totals), fmt.Errorf("restoring journaled state: %w", err)
		}
	}
	return len(totals), nil
}

// Difference is one cell where the cache and the ledger disagree.
type Difference struct {
	Cell   ontology.Cell
	Ledger Stock
	Cache  Stock
}

// Verify compares every cell of the cache with the ledger's totals and returns the cells
// that differ; none means the cache is proven equal to the ledger.
func (p *Projector) Verify(ctx context.Context, tenant string) ([]Difference, error) {
	if err := p.flush(ctx, tenant); err != nil {
		return nil, err
	}
	totals, err := p.ledger.Totals(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("summing the ledger: %w", err)
	}
	want := map[ontology.Cell]Stock{}
	skus := map[string]bool{}
	for _, s := range totals {
		want[s.Cell] = s
		skus[s.SKU] = true
	}
	cached, err := p.cache.SKUs(ctx, tenant)
	if err != nil {
		return nil, err
	}
	for _, s := range cached {
		skus[s] = true
	}
	got := map[ontology.Cell]Stock{}
	for sku := range skus {
		rows, err := p.cache.Stock(ctx, tenant, sku, "")
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			got[r.Cell] = r
		}
	}
	var diffs []Difference
	for c, w := range want {
		// A lot's expiry is compared too: reserve leaves an expired lot out by the
		// cache's expiry, so a cell that lacks it sells what the ledger says is expired.
		if g := got[c]; !w.SameBuckets(g) || !w.ExpiresAt.Truncate(time.Millisecond).Equal(g.ExpiresAt) {
			diffs = append(diffs, Difference{Cell: c, Ledger: w, Cache: g})
		}
	}
	for c, g := range got {
		if _, ok := want[c]; !ok && !g.SameBuckets(Stock{}) {
			diffs = append(diffs, Difference{Cell: c, Cache: g})
		}
	}
	sort.Slice(diffs, func(i, j int) bool {
		a, b := diffs[i].Cell, diffs[j].Cell
		if a.SKU != b.SKU {
			return a.SKU < b.SKU
		}
		if a.Location != b.Location {
			return a.Location < b.Location
		}
		return a.Lot < b.Lot
	})
	return diffs, nil
}
