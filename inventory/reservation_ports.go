package inventory

import (
	"context"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Outcome is what one decision of the reservation cache did.
type Outcome int

// The outcomes of a decision.
const (
	// Decided: the decision was made now.
	Decided Outcome = iota
	// Repeated: the same decision had been made before; nothing changed.
	Repeated
	// Refused: not enough stock available to reserve.
	Refused
	// Conflict: the idempotency key already names a reservation with other terms.
	Conflict
	// Missing: the tenant has no reservation with that id.
	Missing
	// Over: the reservation has already ended in another way.
	Over
	// NotDue: an expiry was asked of a reservation whose time has not come.
	NotDue
	// Foreign: an order of another channel than the reservation's asked to consume it.
	Foreign
)

// Decision is the answer of one atomic decision in the reservation cache.
type Decision struct {
	Outcome     Outcome
	Reservation *Reservation // the reservation as the decision left it; nil when Missing or Refused
	Available   ontology.Qty // Reserve only: what can be reserved in the cell now
	// Pending is true when the cache's journal holds a state of the reservation that the
	// ledger may not have recorded yet.
	Pending bool
}

// ReservationDecider makes the decisions about reservations. Each method is one atomic
// step (one Redis script): under any concurrency, from any number of processes, no more
// is reserved than is available, and each decision is taken once. Every decision that
// changes a reservation is also written, in the same step, to a journal of states the
// ledger has yet to record.
type ReservationDecider interface {
	// Reserve sets q.Qty aside in q.Cell() under id when what is available (on hand minus
	// reserved minus the safety hold, in the lot and at the location) covers it.
	// An id that exists gives Repeated (or Conflict when the terms differ).
	Reserve(ctx context.Context, tenant, id string, q ReserveRequest, holdLot, holdLocation ontology.Qty) (Decision, error)
	// Commit moves an active reservation to committed and lets it hold for ttl more. One
	// past its expiry expires instead (Over).
	Commit(ctx context.Context, tenant, id string, ttl time.Duration) (Decision, error)
	// End releases or expires (status) a live reservation and gives its stock back. An
	// expiry of a reservation whose time has not come is NotDue.
	End(ctx context.Context, tenant, id string, status ReservationStatus) (Decision, error)
	// Consume hands a live reservation over to an order (by) of the source system
	// channel: it stops holding on its own, and its hold is the order's from now on. A
	// reservation made for another channel is Foreign and stays as it is; an empty
	// channel is any.
	Consume(ctx context.Context, tenant, id, by, channel string) (Decision, error)
	// Reservation returns a reservation as the cache holds it, or nil.
	Reservation(ctx context.Context, tenant, id string) (*Reservation, error)
	// ByOrderRef lists the ids of live reservations made with this order reference.
	ByOrderRef(ctx context.Context, tenant, ref string) ([]string, error)
	// ConsumedBy lists the ids of reservations the order by has consumed.
	ConsumedBy(ctx context.Context, tenant, by string) ([]string, error)
	// Due lists up to limit ids of live reservations whose expiry has passed.
	Due(ctx context.Context, tenant string, limit int) ([]string, error)
	// Tenants lists the tenants that have reserved since that time, for the sweeper.
	Tenants(ctx context.Context, since time.Time) ([]string, error)
	// Holding reports whether the tenant holds live reservations or journal entries.
	Holding(ctx context.Context, tenant string) (bool, error)
}

// ReservationJournal is the cache's side of keeping the ledger complete.
type ReservationJournal interface {
	// Journal returns up to limit reservations whose latest state the ledger has not
	// acknowledged, oldest decision first, and the ids journaled without a record.
	Journal(ctx context.Context, tenant string, limit int) ([]Reservation, []string, error)
	// Ack drops journal entries whose state the ledger has recorded: each reservation's
	// entry is dropped only if no newer decision was made since (same Version); gone
	// lists ids that had no record.
	Ack(ctx context.Context, tenant string, recorded []Reservation, gone []string) error
	// Void undoes a reservation the cache made under an id the ledger already holds from
	// an earlier life of the same idempotency key (the cache had forgotten it): the fresh
	// hold is given back and the cache takes the ledger's record.
	Void(ctx context.Context, tenant string, fresh, recorded Reservation) error
	// Restore puts live reservations back that the cache lost; existing ones stay.
	Restore(ctx context.Context, tenant string, rs []Reservation) (int, error)
	// Live lists every live reservation the cache holds.
	Live(ctx context.Context, tenant string) ([]Reservation, error)
}

// ReservationLedger is the system of record of reservations.
type ReservationLedger interface {
	// RecordReservations writes each reservation's state, with its hold movement and, once
	// it is released or expired, its end movement. Recording is idempotent and only moves
	// a reservation forward (Rank), so states may be recorded twice and out of order. A
	// reservation whose id the ledger holds from an earlier life (another CreatedAt) is
	// not written; it is returned as the ledger holds it.
	RecordReservations(ctx context.Context, tenant string, rs []Reservation) (earlier []Reservation, err error)
	// LiveReservations lists the reservations the ledger holds as active or committed.
	LiveReservations(ctx context.Context, tenant string) ([]Reservation, error)
}

// ReservationCache is the Redis side of reservations: it decides and journals.
type ReservationCache interface {
	ReservationDecider
	ReservationJournal
}
