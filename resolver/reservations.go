package resolver

import (
	"context"
	"fmt"
	"slices"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// ReservationConsumer hands the reservations a channel made for an order over to the
// order when it arrives, so that the order does not hold its goods a second time
// (inventory.Reservations; see the inventory package's "Commit and orders").
type ReservationConsumer interface {
	// Holding reports whether the tenant may have reservations to hand over: live ones,
	// or decisions the ledger has not recorded yet. It lets tenants that never reserve
	// skip the work below.
	Holding(ctx context.Context, tenant string) (bool, error)
	// Consume hands the live reservations refs name over to the order document by, of
	// the source system channel, and records that in the ledger; it returns every
	// reservation the order holds, those consumed by an earlier call included. A
	// reservation made for another channel stays as it is.
	Consume(ctx context.Context, tenant, by, channel string, refs ...string) ([]inventory.Reservation, error)
}

// SetReservations makes resolution hand reservations over to the orders that arrive for
// them; nil (the default) resolves orders without looking for reservations.
func (m *Matcher) SetReservations(c ReservationConsumer) { m.reservations = c }

// consumeReservations runs before a batch's transaction: the reservations of the orders
// and point-of-sale documents it will resolve are consumed in Redis (where they were
// decided) and recorded in the ledger, which the transaction cannot do: a managed
// transaction may run more than once and must not write elsewhere. It returns the
// selection narrowed to the documents it looked at, so that the transaction resolves
// no order whose reservations were not handed over first.
//
// With peek, and a store that can (pendingPeeker), the documents are read without the
// tenant's lock: taking it is a write transaction of its own (a lock, a read, a commit),
// which every webhook of a tenant that reserves paid before its resolution began.
// Nothing here needs the lock: consuming is idempotent per order, so a document that
// another process resolves meanwhile was consumed for by that process too, and the
// transaction that follows takes, under the lock, only the listed documents still
// pending. The caller looks again when none were (resolveBatch).
func (m *Matcher) consumeReservations(ctx context.Context, tenant string, sel selection, peek bool) (selection, error) {
	if m.reservations == nil {
		return sel, nil
	}
	holding, err := m.reservations.Holding(ctx, tenant)
	if err != nil {
		// Resolution must go on while Redis is away. An order resolved meanwhile holds its
		// goods itself and the channel's reservation holds them too until it ends: stock
		// shows too little for a while, never too much.
		m.log.Warn("cannot tell whether the tenant holds reservations; resolving without handing them over",
			"tenant", tenant, "err", err)
		return sel, nil
	}
	if !holding {
		return sel, nil
	}
	var docs []PendingDoc
	if p, ok := m.store.(pendingPeeker); ok && peek {
		docs, err = p.PeekPending(ctx, tenant, sel.uids, sel.limit)
	} else {
		err = m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
			var err error
			if sel.uids != nil {
				docs, err = tx.PendingOf(ctx, sel.uids)
			} else {
				docs, err = tx.Pending(ctx, sel.limit)
			}
			return err
		})
	}
	if err != nil {
		return sel, fmt.Errorf("reading the documents to resolve: %w", err)
	}
	uids := make([]string, 0, len(docs))
	for _, d := range docs {
		uids = append(uids, d.UID)
		if !consumes(&d.Doc) || d.Problem != "" {
			continue
		}
		if _, err := m.reservations.Consume(ctx, tenant, d.UID, d.Doc.Key.System, orderRefs(&d.Doc)...); err != nil {
			// The hold may be the order's in Redis already; resolving the order now would
			// hold its goods a second time for good. The retry consumes it again.
			return sel, fmt.Errorf("handing reservations over to %s: %w", d.UID, err)
		}
	}
	return selection{uids: uids}, nil
}

// pendingPeeker reads the pending documents a batch would take up without the tenant's
// resolution lock (neo4jstore.Store): those of uids still pending or, uids nil, the
// oldest limit.
type pendingPeeker interface {
	PeekPending(ctx context.Context, tenant string, uids []string, limit int) ([]PendingDoc, error)
}

// peekTries is how often a batch reads the queue unlocked before it reads it under the
// lock: each further try follows a batch another process resolved whole meanwhile.
const peekTries = 3

// consumes reports whether a document is a sale's own record of its goods, which a
// channel may have reserved for.
func consumes(d *ontology.Document) bool {
	return d.Role == ontology.RoleOrder || d.Role == ontology.RolePOS
}

// orderRefs are what a channel may have reserved an order under: its order number as
// orders key it ("1047") and as buyers write it ("#1047"), the platform's order id, the
// checkout or payment id, our own reference carried by the partner, and the document's
// own id.
func orderRefs(d *ontology.Document) []string {
	var refs []string
	add := func(vs ...string) {
		for _, v := range vs {
			if v != "" && !slices.Contains(refs, v) {
				refs = append(refs, v)
			}
		}
	}
	for _, r := range d.Refs {
		switch r.Kind {
		case ontology.RefOrderNumber:
			add(r.Value, "#"+r.Value)
		case ontology.RefOrderID, ontology.RefPayment, ontology.RefHubRef:
			add(r.Value)
		}
	}
	add(d.Key.ExternalID)
	return refs
}

// attachReservations makes the holds of the reservations this batch's orders consumed
// part of their events, before the events are planned: the event's movements so far
// then include the hold, and its plan appends only the difference (nothing when the
// order reserves what the channel reserved; the hold back when it is cancelled).
func (b *batch) attachReservations(ctx context.Context, docs []PendingDoc) error {
	events := map[string]string{}
	for _, d := range docs {
		if !consumes(&d.Doc) {
			continue
		}
		if ev := b.live(b.eventOf(d.UID)); ev != nil {
			events[d.UID] = ev.ID
		}
	}
	if len(events) == 0 {
		return nil
	}
	holds, err := b.tx.AttachReservations(ctx, events)
	if err != nil {
		return fmt.Errorf("attaching reservations to their orders' events: %w", err)
	}
	for id, ms := range holds {
		ev := b.events[id]
		if ev == nil {
			return fmt.Errorf("a reservation was attached to %s, which this batch does not hold", id)
		}
		if ev.Done == nil {
			ev.Done = inventory.Effect{}
		}
		for k, q := range inventory.Net(ms) {
			ev.Done[k] += q
		}
		ev.Seq += int64(len(ms))
		ev.touched = true
	}
	return nil
}
