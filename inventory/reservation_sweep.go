package inventory

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Flush records in the ledger every reservation decision the cache journaled and the
// ledger has not recorded: after a crash between a decision and its record, or while
// Neo4j was away. It returns how many states it recorded. It implements Journal for the
// projector, which flushes before it verifies or rebuilds.
func (s *Reservations) Flush(ctx context.Context, tenant string) (int, error) {
	n := 0
	for {
		rs, gone, err := s.cache.Journal(ctx, tenant, s.cfg.Batch)
		if err != nil {
			return n, fmt.Errorf("reading the reservation journal: %w", err)
		}
		if len(gone) > 0 {
			if err := s.cache.Ack(ctx, tenant, nil, gone); err != nil {
				return n, fmt.Errorf("dropping %d journal entries without a record: %w", len(gone), err)
			}
		}
		if len(rs) == 0 {
			return n, nil
		}
		if _, err := s.settle(ctx, tenant, rs...); err != nil {
			return n, fmt.Errorf("recording %d journaled reservations: %w", len(rs), err)
		}
		n += len(rs)
		if len(rs)+len(gone) < s.cfg.Batch {
			// Entries a newer decision changed meanwhile stay in the journal for that
			// decision's own record (or the next flush); one pass is enough.
			return n, nil
		}
	}
}

// SweepStats counts what one sweep did.
type SweepStats struct {
	Expired  int // reservations this sweep expired
	Recorded int // journaled states it recorded in the ledger
}

// Sweep expires a tenant's reservations whose time has passed and records what the
// journal holds. Several replicas may sweep at once: each expiry is decided once, and
// the ledger records each state once however often it is told.
func (s *Reservations) Sweep(ctx context.Context, tenant string) (SweepStats, error) {
	var st SweepStats
	for {
		ids, err := s.cache.Due(ctx, tenant, s.cfg.Batch)
		if err != nil {
			return st, fmt.Errorf("listing expired reservations: %w", err)
		}
		var expired []Reservation
		for _, id := range ids {
			d, err := s.cache.End(ctx, tenant, id, ReservationExpired)
			if err != nil {
				return st, fmt.Errorf("expiring reservation %s: %w", id, err)
			}
			if d.Outcome == Decided {
				expired = append(expired, *d.Reservation)
			}
		}
		st.Expired += len(expired)
		// Recorded here in one write; should it fail, the journal still holds them.
		if _, err := s.settle(ctx, tenant, expired...); err != nil {
			return st, fmt.Errorf("recording %d expiries (the journal keeps them): %w", len(expired), err)
		}
		if len(ids) < s.cfg.Batch || len(expired) == 0 {
			break
		}
	}
	n, err := s.Flush(ctx, tenant)
	st.Recorded = n
	return st, err
}

// horizon is how long after a tenant's last reservation it may still hold live ones or
// journal entries: an active reservation lives MaxTTL at most, a commit within it adds
// CommitTTL, and an hour more covers a journal that waited for Neo4j.
func (s *Reservations) horizon() time.Duration {
	return s.cfg.MaxTTL + s.cfg.CommitTTL + time.Hour
}

// Run sweeps every tenant (that ReservationConfig.Sweeps takes, or that this process
// reserved for) that has reserved
// recently enough to hold live reservations, every interval, until ctx ends. Failures are
// logged and retried at the next turn: the journal keeps every decision meanwhile.
func (s *Reservations) Run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		since := time.Now().Add(-s.horizon())
		tenants, err := s.cache.Tenants(ctx, since)
		if err != nil && ctx.Err() == nil {
			s.log.WarnContext(ctx, "listing tenants with reservations; will retry", "err", err)
		}
		for _, t := range tenants {
			if !s.sweeps(t, since) {
				continue // another server's tenant
			}
			st, err := s.Sweep(ctx, t)
			if err != nil && ctx.Err() == nil {
				s.log.WarnContext(ctx, "sweeping reservations; will retry", "tenant", t, "err", err)
			}
			if st.Expired > 0 {
				s.log.InfoContext(ctx, "reservations expired", "tenant", t, "expired", st.Expired)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Restore puts back into the cache the live reservations the ledger holds and the cache
// lost (Redis lost its data). It implements Journal for the projector, whose Rebuild
// restores the stock of every cell, the reservations' holds included, from the ledger.
func (s *Reservations) Restore(ctx context.Context, tenant string) (int, error) {
	live, err := s.ledger.LiveReservations(ctx, tenant)
	if err != nil {
		return 0, fmt.Errorf("reading live reservations from the ledger: %w", err)
	}
	n, err := s.cache.Restore(ctx, tenant, live)
	if err != nil {
		return n, fmt.Errorf("restoring %d live reservations: %w", len(live), err)
	}
	return n, nil
}

// ReservationDifference is one reservation the cache and the ledger disagree about; a
// nil side does not hold it as live.
type ReservationDifference struct {
	ID     string
	Ledger *Reservation
	Cache  *Reservation
}

// Verify records what the journal holds, then compares the live reservations of the
// cache with the ledger's, by id, status, cell and quantity. None means they agree; the
// projector's Verify proves the stock, holds included, equal.
func (s *Reservations) Verify(ctx context.Context, tenant string) ([]ReservationDifference, error) {
	if _, err := s.Flush(ctx, tenant); err != nil {
		return nil, err
	}
	inLedger, err := s.ledger.LiveReservations(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("reading live reservations from the ledger: %w", err)
	}
	inCache, err := s.cache.Live(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("reading live reservations from the cache: %w", err)
	}
	return CompareReservations(inLedger, inCache), nil
}

// CompareReservations lists the reservations two sides disagree about, sorted by id.
func CompareReservations(ledger, cache []Reservation) []ReservationDifference {
	byID := map[string]*ReservationDifference{}
	for i := range ledger {
		byID[ledger[i].ID] = &ReservationDifference{ID: ledger[i].ID, Ledger: &ledger[i]}
	}
	for i := range cache {
		d := byID[cache[i].ID]
		if d == nil {
			d = &ReservationDifference{ID: cache[i].ID}
			byID[cache[i].ID] = d
		}
		d.Cache = &cache[i]
	}
	var out []ReservationDifference
	for _, d := range byID {
		if d.Ledger != nil && d.Cache != nil && sameTerms(*d.Ledger, *d.Cache) {
			continue
		}
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func sameTerms(a, b Reservation) bool {
	return a.Cell == b.Cell && a.Qty == b.Qty && a.Status == b.Status && a.CreatedAt.Equal(b.CreatedAt) &&
		a.OrderRef == b.OrderRef
}
