package inventory

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/seamhub/seam/ontology"
)

// ReservationConfig tunes the reservation service. Zero fields take the defaults.
type ReservationConfig struct {
	DefaultTTL time.Duration // a reservation's life when the request gives none (15 min)
	MaxTTL     time.Duration // the longest life a request may ask (24 h)
	// CommitTTL is how long a committed reservation waits for its order (72 h): an order
	// lost on its way must not hold stock for ever.
	CommitTTL time.Duration
	Batch     int // reservations per sweep and journal step (500)
	// Sweeps tells the tenants whose reservations Run expires (nil: every tenant). Servers
	// that share Redis each with their own tenant prefix sweep only their own tenants.
	Sweeps func(tenant string) bool
}

func (c ReservationConfig) withDefaults() ReservationConfig {
	if c.DefaultTTL <= 0 {
		c.DefaultTTL = 15 * time.Minute
	}
	if c.MaxTTL <= 0 {
		c.MaxTTL = 24 * time.Hour
	}
	if c.CommitTTL <= 0 {
		c.CommitTTL = 72 * time.Hour
	}
	if c.Batch <= 0 {
		c.Batch = 500
	}
	return c
}

// Reservations lets channels set stock aside before they sell it, so that they never
// sell what is not there. The cache decides; the ledger records every decision (see the
// package documentation for the order of the two). It is safe for concurrent use, and
// any number of processes may serve the same tenants.
type Reservations struct {
	cache  ReservationCache
	ledger ReservationLedger
	holds  SafetyHolds
	log    *slog.Logger
	cfg    ReservationConfig

	// served holds when this process last reserved or committed for each tenant, so
	// that Run sweeps those tenants even when Sweeps leaves them to another server: a
	// server answers any key's tenant, and a hold it took for a tenant outside its
	// prefix would never expire where no server owns that prefix.
	servedMu sync.Mutex
	served   map[string]time.Time
}

// serve notes that this process holds stock for tenant (see Reservations.served).
func (s *Reservations) serve(tenant string) {
	s.servedMu.Lock()
	defer s.servedMu.Unlock()
	if s.served == nil {
		s.served = map[string]time.Time{}
	}
	s.served[tenant] = time.Now()
}

// sweeps reports whether Run sweeps tenant: Sweeps takes it, or this process held stock
// for it since cutoff. Tenants served before cutoff are forgotten.
func (s *Reservations) sweeps(tenant string, cutoff time.Time) bool {
	if s.cfg.Sweeps == nil || s.cfg.Sweeps(tenant) {
		return true
	}
	s.servedMu.Lock()
	defer s.servedMu.Unlock()
	at, ok := s.served[tenant]
	if ok && at.Before(cutoff) {
		delete(s.served, tenant)
		return false
	}
	return ok
}

// NewReservations builds the service. holds may be nil (no safety holds).
func NewReservations(c ReservationCache, l ReservationLedger, holds SafetyHolds, log *slog.Logger, cfg ReservationConfig) *Reservations {
	if holds == nil {
		holds = HoldTable(nil)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Reservations{cache: c, ledger: l, holds: holds, log: log, cfg: cfg.withDefaults()}
}

// Reserve sets stock aside for q. When not enough is available it answers OK false with
// what is available, and nothing is held. The same idempotency key always answers with
// the same reservation and holds its stock once. The answer is given only once the
// ledger has recorded the reservation; when recording fails the error says so, the
// reservation stands, and a retry with the same key answers it.
func (s *Reservations) Reserve(ctx context.Context, tenant string, q ReserveRequest) (ReserveResult, error) {
	q, err := ValidateReserve(q, s.cfg.DefaultTTL, s.cfg.MaxTTL)
	if err != nil {
		return ReserveResult{}, err
	}
	holdLocation, err := s.holds.SafetyHold(ctx, tenant, ontology.Cell{SKU: q.SKU, Location: q.Location})
	if err != nil {
		return ReserveResult{}, fmt.Errorf("reading the safety hold of %s at %s: %w", q.SKU, q.Location, err)
	}
	holdLot := holdLocation
	if q.Lot != "" {
		if holdLot, err = s.holds.SafetyHold(ctx, tenant, q.Cell()); err != nil {
			return ReserveResult{}, fmt.Errorf("reading the safety hold of %s at %s lot %s: %w", q.SKU, q.Location, q.Lot, err)
		}
	}
	id := ReservationID(tenant, q.IdempotencyKey)
	d, err := s.cache.Reserve(ctx, tenant, id, q, holdLot, holdLocation)
	if err != nil {
		return ReserveResult{}, fmt.Errorf("reserving %s of %s at %s: %w", q.Qty, q.SKU, q.Location, err)
	}
	switch d.Outcome {
	case Refused:
		return ReserveResult{Available: d.Available}, nil
	case Conflict:
		return ReserveResult{}, &ConflictError{Key: q.IdempotencyKey, Held: *d.Reservation}
	case Decided, Repeated:
		r := *d.Reservation
		if d.Outcome == Decided {
			s.serve(tenant)
		}
		if d.Outcome == Decided || d.Pending {
			earlier, err := s.settle(ctx, tenant, r)
			if err != nil {
				return ReserveResult{}, fmt.Errorf("recording reservation %s (it stands; retry with the same key): %w", r.ID, err)
			}
			if e, ok := earlier[r.ID]; ok {
				// The key was used long ago and the cache had forgotten it: the ledger's
				// reservation is the answer, and the hold just made was given back.
				return ReserveResult{OK: holds(e.Status), Replayed: true, Reservation: &e, Available: d.Available + r.Qty}, nil
			}
		}
		return ReserveResult{OK: holds(r.Status), Replayed: d.Outcome == Repeated, Reservation: &r, Available: d.Available}, nil
	}
	return ReserveResult{}, fmt.Errorf("reserving under %s: unexpected outcome %d", id, d.Outcome)
}

// holds reports whether a reservation with status st stands for its key: it holds stock
// (active, committed) or its sale took it over (consumed). Released and expired ones hold
// nothing and sold nothing.
func holds(st ReservationStatus) bool {
	return st != ReservationReleased && st != ReservationExpired
}

// Commit confirms a reservation's sale: it keeps holding (for CommitTTL at most) until
// the sale's order arrives and consumes it. Committing twice, or committing a reservation
// an order has already consumed, answers the reservation as it is. A released or expired
// reservation gives ErrReservationEnded.
func (s *Reservations) Commit(ctx context.Context, tenant, id string) (Reservation, error) {
	d, err := s.cache.Commit(ctx, tenant, id, s.cfg.CommitTTL)
	if err != nil {
		return Reservation{}, fmt.Errorf("committing reservation %s: %w", id, err)
	}
	if d.Outcome == Decided {
		s.serve(tenant) // the hold now lasts CommitTTL: this process sees it ends
	}
	return s.conclude(ctx, tenant, id, d, ReservationCommitted, ReservationConsumed)
}

// Release gives a reservation's stock back. Releasing twice answers the released
// reservation; releasing one that was consumed or expired gives ErrReservationEnded.
func (s *Reservations) Release(ctx context.Context, tenant, id string) (Reservation, error) {
	d, err := s.cache.End(ctx, tenant, id, ReservationReleased)
	if err != nil {
		return Reservation{}, fmt.Errorf("releasing reservation %s: %w", id, err)
	}
	return s.conclude(ctx, tenant, id, d, ReservationReleased)
}

// Expire gives a reservation's stock back if its time has passed; expired reports whether
// this call did it. Any number of sweepers may call it for the same reservation: one
// expires it, the others see it ended.
func (s *Reservations) Expire(ctx context.Context, tenant, id string) (expired bool, err error) {
	d, err := s.cache.End(ctx, tenant, id, ReservationExpired)
	if err != nil {
		return false, fmt.Errorf("expiring reservation %s: %w", id, err)
	}
	if d.Outcome != Decided {
		return false, nil
	}
	if _, err := s.settle(ctx, tenant, *d.Reservation); err != nil {
		return true, fmt.Errorf("recording the expiry of %s (the journal keeps it): %w", id, err)
	}
	return true, nil
}

// conclude turns a decision on an existing reservation into the caller's answer:
// decided or repeated states are recorded, Over is an error unless the reservation
// already stands in one of the accepted statuses.
func (s *Reservations) conclude(ctx context.Context, tenant, id string, d Decision, accept ...ReservationStatus) (Reservation, error) {
	switch d.Outcome {
	case Missing:
		return Reservation{}, fmt.Errorf("%w: %s", ErrReservationNotFound, id)
	case Decided, Repeated, Over:
		r := *d.Reservation
		if d.Outcome == Over && !accepted(r.Status, accept) {
			return r, fmt.Errorf("%w: %s is %s", ErrReservationEnded, id, r.Status)
		}
		if d.Outcome == Decided || d.Pending {
			if _, err := s.settle(ctx, tenant, r); err != nil {
				return r, fmt.Errorf("recording reservation %s (the decision stands): %w", id, err)
			}
		}
		return r, nil
	}
	return Reservation{}, fmt.Errorf("reservation %s: unexpected outcome %d", id, d.Outcome)
}

func accepted(s ReservationStatus, accept []ReservationStatus) bool {
	for _, a := range accept {
		if s == a {
			return true
		}
	}
	return false
}

// Consume hands the live reservations an order refers to over to that order, so that
// the order does not reserve its goods a second time. refs are what the order is known
// by that a channel may have reserved with: its idempotency key (checkout or cart id),
// its order number in the forms the channel used. by names the order (its document's
// uid), channel the source system it came from: a reservation made for another channel
// is left alone, since order numbers are each channel's own. It returns the reservations the order holds now, those consumed by an earlier
// call included. Reservations that have ended otherwise are left alone: the order then
// reserves on its own, as any order does.
//
// The resolver calls it before the transaction that plans the order's event, and then
// attaches the returned reservations' hold movements to the event (see the package
// documentation, "Orders take over their reservations").
func (s *Reservations) Consume(ctx context.Context, tenant, by, channel string, refs ...string) ([]Reservation, error) {
	if by == "" {
		return nil, fmt.Errorf("%w: consuming without naming the order", ErrInvalidReservation)
	}
	// What this order consumed before comes first: a retried resolution gets it again.
	ids, err := s.cache.ConsumedBy(ctx, tenant, by)
	if err != nil {
		return nil, fmt.Errorf("finding reservations consumed by %s: %w", by, err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for _, ref := range refs {
		if ref == "" {
			continue
		}
		byRef, err := s.cache.ByOrderRef(ctx, tenant, ref)
		if err != nil {
			return nil, fmt.Errorf("finding reservations of order %q: %w", ref, err)
		}
		for _, id := range append([]string{ReservationID(tenant, ref)}, byRef...) {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	var out, record []Reservation
	for _, id := range ids {
		d, err := s.cache.Consume(ctx, tenant, id, by, channel)
		if err != nil {
			return nil, fmt.Errorf("consuming reservation %s for %s: %w", id, by, err)
		}
		if d.Outcome != Decided && d.Outcome != Repeated {
			continue
		}
		out = append(out, *d.Reservation)
		if d.Outcome == Decided || d.Pending {
			record = append(record, *d.Reservation)
		}
	}
	if _, err := s.settle(ctx, tenant, record...); err != nil {
		return out, fmt.Errorf("recording %d consumed reservations (the journal keeps them): %w", len(record), err)
	}
	return out, nil
}

// Holding reports whether the tenant may have reservations for an order to consume:
// live ones, or decisions the ledger has not recorded yet. One Redis round trip, so that
// resolution of tenants that never reserve costs nothing more.
func (s *Reservations) Holding(ctx context.Context, tenant string) (bool, error) {
	ok, err := s.cache.Holding(ctx, tenant)
	if err != nil {
		return false, fmt.Errorf("asking whether %s holds reservations: %w", tenant, err)
	}
	return ok, nil
}

// Reservation returns a reservation by id, as the cache holds it, or ErrReservationNotFound.
func (s *Reservations) Reservation(ctx context.Context, tenant, id string) (Reservation, error) {
	r, err := s.cache.Reservation(ctx, tenant, id)
	if err != nil {
		return Reservation{}, fmt.Errorf("reading reservation %s: %w", id, err)
	}
	if r == nil {
		return Reservation{}, fmt.Errorf("%w: %s", ErrReservationNotFound, id)
	}
	return *r, nil
}

// settle records reservations in the ledger and then drops them from the cache's
// journal. A reservation the ledger holds from an earlier life is voided in the cache
// and returned under its id.
func (s *Reservations) settle(ctx context.Context, tenant string, rs ...Reservation) (map[string]Reservation, error) {
	if len(rs) == 0 {
		return nil, nil
	}
	earlier, err := s.ledger.RecordReservations(ctx, tenant, rs)
	if err != nil {
		return nil, err
	}
	byID := map[string]Reservation{}
	for _, e := range earlier {
		byID[e.ID] = e
	}
	recorded := make([]Reservation, 0, len(rs))
	for _, r := range rs {
		e, ok := byID[r.ID]
		if !ok {
			recorded = append(recorded, r)
			continue
		}
		s.log.WarnContext(ctx, "idempotency key reused after the cache forgot it; the ledger's reservation stands",
			"tenant", tenant, "reservation", r.ID, "ledger_status", e.Status, "ledger_created", e.CreatedAt)
		if err := s.cache.Void(ctx, tenant, r, e); err != nil {
			return nil, fmt.Errorf("voiding the second life of %s: %w", r.ID, err)
		}
	}
	if err := s.cache.Ack(ctx, tenant, recorded, nil); err != nil {
		return nil, fmt.Errorf("acknowledging %d recorded reservations: %w", len(recorded), err)
	}
	return byID, nil
}
