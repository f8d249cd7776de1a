package resolver

import (
	"context"
	"errors"
	"fmt"

	"github.com/seamhub/seam/ontology"
)

// ErrNotMember is returned when a decision names a document that is not in the event.
var ErrNotMember = errors.New("document is not in that event")

// ErrConflict is returned when a confirmation would put two documents of a unique role
// (two orders, two POS sales) into one event.
var ErrConflict = errors.New("the two events cannot be one")

// ErrNotFound is returned when a decision names an unknown document or event.
var ErrNotFound = errors.New("not found")

// Decided says what a person's decision changed.
type Decided struct {
	// EventID is where the document is now.
	EventID string
	// Other is the event the decision was about (what the document left, or joined).
	Other     string
	Movements []ontology.Movement
}

// Reject takes a document out of an event a person says it does not belong to. The
// document gets an event of its own, the ledger compensates both events, and the
// document is never linked with the event's other documents again, by any rule.
func (m *Matcher) Reject(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (Decided, error) {
	var out Decided
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		out = Decided{}
		b := newBatch(m, tx, tenant)
		if err := b.loadEvents(ctx, map[string]bool{eventID: true}); err != nil {
			return err
		}
		if err := b.loadProducts(ctx, nil); err != nil {
			return err
		}
		ev := b.live(eventID)
		if ev == nil {
			return fmt.Errorf("event %s: %w", eventID, ErrNotFound)
		}
		uid := doc.UID()
		var leaving *Member
		var rest []Member
		for i := range ev.Members {
			if ev.Members[i].UID == uid {
				leaving = &ev.Members[i]
			} else {
				rest = append(rest, ev.Members[i])
			}
		}
		if leaving == nil {
			return fmt.Errorf("%s in %s: %w", uid, ev.ID, ErrNotMember)
		}
		for _, r := range rest {
			b.changes.Decisions = append(b.changes.Decisions, Decision{A: uid, B: r.UID, Verdict: "different", By: by})
		}
		b.changes.ReviewUpdates = append(b.changes.ReviewUpdates, ReviewUpdate{DocUID: uid, EventID: ev.ID, Status: "rejected", By: by})
		if len(rest) == 0 {
			// Alone in its event already: the decision is recorded, nothing moves.
			out.EventID, out.Other = ev.ID, ev.ID
			b.changes.Tenant = tenant
			return tx.Apply(ctx, &b.changes)
		}
		ev.Members = rest
		ev.touched = true
		b.changes.Unlinks = append(b.changes.Unlinks, Unlink{DocUID: uid, EventID: ev.ID})
		// The remaining documents keep the event and its id; the leaving one gets a new id
		// derived from the split, so a replay of the same decisions gives the same ids.
		id := EventID(uid + "|left|" + ev.ID)
		if err := b.loadEvents(ctx, map[string]bool{id: true}); err != nil {
			return err
		}
		own := b.events[id]
		if own == nil {
			own = &EventState{ID: id, OccurredAt: leaving.Doc.OccurredAt, created: true}
			b.events[id] = own
		}
		own.MergedInto = ""
		b.join(own, uid, &leaving.Doc, Evidence{Rule: "rejected-by-person", Score: 1,
			Note: fmt.Sprintf("%s said it does not belong to %s", by, ev.ID)}, "person:"+by)
		ch, err := b.finish(ctx)
		if err != nil {
			return err
		}
		if err := tx.Apply(ctx, ch); err != nil {
			return err
		}
		out = Decided{EventID: own.ID, Other: ev.ID, Movements: ch.Movements}
		return nil
	})
	if err != nil {
		return Decided{}, fmt.Errorf("rejecting %s from %s: %w", doc, eventID, err)
	}
	return out, nil
}

// Confirm puts a document into an event a person says it belongs to (typically a match
// from the review queue): the document's current event merges with it, the ledger
// corrects itself, and the pair is remembered as the same.
func (m *Matcher) Confirm(ctx context.Context, tenant string, doc ontology.DocKey, eventID, by string) (Decided, error) {
	var out Decided
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		out = Decided{}
		b := newBatch(m, tx, tenant)
		current, err := tx.EventOf(ctx, doc.UID())
		if err != nil {
			return err
		}
		if current == "" {
			return fmt.Errorf("document %s (or it is still pending): %w", doc, ErrNotFound)
		}
		if err := b.loadEvents(ctx, map[string]bool{eventID: true, current: true}); err != nil {
			return err
		}
		if err := b.loadProducts(ctx, nil); err != nil {
			return err
		}
		target, mine := b.live(eventID), b.live(current)
		if target == nil {
			return fmt.Errorf("event %s: %w", eventID, ErrNotFound)
		}
		b.changes.ReviewUpdates = append(b.changes.ReviewUpdates, ReviewUpdate{DocUID: doc.UID(), EventID: eventID, Status: "confirmed", By: by})
		for _, t := range target.Members {
			if t.UID != doc.UID() {
				b.changes.Decisions = append(b.changes.Decisions, Decision{A: doc.UID(), B: t.UID, Verdict: "same", By: by})
			}
		}
		if mine.ID != target.ID {
			if c := clash(mine, target); c != "" {
				return fmt.Errorf("%w: both hold a %s document", ErrConflict, c)
			}
			into, from := target, mine
			if older(mine, target) {
				into, from = mine, target
			}
			b.merge(from, into, nil)
			for i := range b.changes.Merges {
				b.changes.Merges[i].Evidence = mustJSON(Evidence{Rule: "confirmed-by-person", Score: 1,
					Note: fmt.Sprintf("%s confirmed %s belongs to %s", by, doc.UID(), eventID)})
			}
			for i := range b.changes.Links {
				if b.changes.Links[i].DocUID == doc.UID() {
					b.changes.Links[i].DecidedBy = "person:" + by
				}
			}
			target = into
		}
		ch, err := b.finish(ctx)
		if err != nil {
			return err
		}
		if err := tx.Apply(ctx, ch); err != nil {
			return err
		}
		out = Decided{EventID: target.ID, Other: eventID, Movements: ch.Movements}
		return nil
	})
	if err != nil {
		return Decided{}, fmt.Errorf("confirming %s in %s: %w", doc, eventID, err)
	}
	return out, nil
}
