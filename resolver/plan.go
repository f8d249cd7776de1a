package resolver

import (
	"context"
	"sort"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// Planner decides what one event's documents do to stock: the movements that bring the
// ledger from what the event did so far (ev.Done, ev.Seq movements) to what its members
// say now, and the event as it is written. Resolution decides which documents are one
// event; the planner decides what that event means for stock. A test drives it with
// events in memory, without a store.
type Planner interface {
	// PlanEvent plans one event. lots are the lots on hand where it may take goods (nil
	// when unknown); the planner must not change them.
	PlanEvent(tenant string, ev *EventState, members []inventory.Member, lots *inventory.LotStock, now time.Time) ([]ontology.Movement, EventWrite)
}

// LedgerPlanner is the Planner of the inventory ledger: inventory.PlanLots for what the
// members mean (goods that name no lot take the first to expire), inventory.Reconcile
// for the movements that get there. An event merged into another means nothing any
// more: all it did is taken back.
type LedgerPlanner struct {
	Recipes func(tenant, sku string) []inventory.Ingredient
}

// PlanEvent implements Planner.
func (p LedgerPlanner) PlanEvent(tenant string, ev *EventState, members []inventory.Member, lots *inventory.LotStock, now time.Time) ([]ontology.Movement, EventWrite) {
	want, discrepancies, picks := inventory.PlanLots(members, recipesOf{p.Recipes, tenant}, lots, ev.Done)
	if ev.MergedInto != "" {
		want, picks = inventory.Effect{}, nil
	}
	moves := inventory.Reconcile(tenant, ev.ID, ev.Done, want, ev.Seq, now)
	w := EventWrite{ID: ev.ID, Created: ev.created, Discrepancies: mustJSON(discrepancies), LotPicks: mustJSON(picks)}
	if ev.MergedInto != "" {
		w.Kind, w.Status, w.OccurredAt = ev.Kind, "merged", ev.OccurredAt
	} else {
		w.Kind = inventory.Kind(members)
		w.Status, w.OccurredAt, w.Location = status(ev.Members), earliest(ev.Members), location(members)
	}
	return moves, w
}

// recipesOf narrows a recipe lookup to one tenant for the ledger.
type recipesOf struct {
	lookup func(tenant, sku string) []inventory.Ingredient
	tenant string
}

func (r recipesOf) Recipe(sku string) []inventory.Ingredient {
	if r.lookup == nil {
		return nil
	}
	return r.lookup(r.tenant, sku)
}

// finish plans every touched event and collects the changes. Events are planned in id
// order against the lots on hand, each seeing what the ones before it took.
func (b *batch) finish(ctx context.Context) (*Changes, error) {
	now := b.m.Now().UTC()
	ids := make([]string, 0, len(b.events))
	members := map[string][]inventory.Member{}
	for id, ev := range b.events {
		if !ev.touched {
			continue
		}
		ids = append(ids, id)
		for _, mem := range ev.Members {
			members[id] = append(members[id], b.ledgerMember(mem))
		}
	}
	sort.Strings(ids)
	lots, err := b.loadLots(ctx, members)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		ev := b.events[id]
		moves, w := b.m.planner.PlanEvent(b.tenant, ev, members[id], lots, now)
		lots.Apply(moves)
		ev.Seq += int64(len(moves))
		b.changes.Movements = append(b.changes.Movements, moves...)
		b.changes.Events = append(b.changes.Events, w)
	}
	b.changes.Tenant = b.tenant
	b.changes.Links = lastLinks(b.changes.Links)
	b.changes.ProductAliases = b.products.added
	b.changes.PartyAliases = b.parties.aliases
	b.changes.PartyLinks = b.parties.links
	b.accountChanges()
	return &b.changes, nil
}

func (b *batch) ledgerMember(mem Member) inventory.Member {
	d := mem.Doc
	lm := inventory.Member{
		UID: mem.UID, System: d.Key.System, Type: d.Key.Type, Role: d.Role, Verb: d.Verb, Direction: d.Direction,
		OccurredAt: d.OccurredAt, Location: b.m.canon.Location(b.tenant, d.Location), SaleKeepsReturns: d.SaleKeepsReturns, WholeOrder: d.WholeOrder, WholeOutcome: d.WholeOutcome,
		CountedRefunds: d.CountedRefunds,
	}
	for _, l := range d.Lines {
		sku := b.sku(d.Key.System, l)
		if sku == "" {
			continue // an unresolved product waits; it moves no stock until identified
		}
		if d.Role == ontology.RoleDeclaration && !l.Counted() {
			// A customs line known only in kilograms (or litres) says nothing of how
			// many pieces come: it announces no stock; the receipt counts them, and
			// reconciliation reports the units that cannot be compared.
			continue
		}
		lm.Lines = append(lm.Lines, inventory.Line{SKU: sku, Lot: l.Lot, Row: l.Row, Qty: l.Qty, ExpectedQty: l.ExpectedQty,
			RejectedQty: l.RejectedQty, Outcome: l.Outcome, KeepsRefunds: l.KeepsRefunds,
			Location: b.m.canon.Location(b.tenant, l.Location), RejectedLocation: b.m.canon.Location(b.tenant, l.RejectedLocation)})
	}
	return lm
}

// status is the most advanced verb among the members, in lifecycle order, with
// cancellation winning only when every goods document says so. A sale whose order or
// charge says it was refunded in full reads refunded, though its balance transactions
// or invoice settled later: the money went back. A payout that failed or was cancelled
// reads cancelled, though its balance transactions settled (the payout's own entry, and
// the failure's that put the money back in the balance): it never reached the bank.
func status(ms []Member) string {
	if payoutFailed(ms) {
		return string(ontology.VerbCancelled)
	}
	// An order its source's cancellation withdrew (Meituan's cancellation push) counts
	// as cancelled.
	withdrawn := map[string]bool{}
	for _, m := range ms {
		if m.Doc.Role == ontology.RoleOrder && m.Doc.Verb == ontology.VerbCancelled {
			withdrawn[m.Doc.Key.System+"/"+m.Doc.Key.ExternalID] = true
		}
	}
	best := -1
	for _, m := range ms {
		if m.Doc.Role == ontology.RoleOrder && withdrawn[m.Doc.Key.System+"/"+m.Doc.Key.ExternalID] {
			continue
		}
		for i, v := range ontology.Verbs {
			if v == m.Doc.Verb && v != ontology.VerbCancelled && v != ontology.VerbObserved && i > best {
				best = i
			}
		}
	}
	for _, m := range ms {
		if m.Doc.Verb == ontology.VerbRefunded && (m.Doc.Role == ontology.RoleOrder || m.Doc.Role == ontology.RolePayment) {
			return string(ontology.VerbRefunded)
		}
	}
	if best < 0 {
		if len(withdrawn) > 0 {
			return string(ontology.VerbCancelled)
		}
		if len(ms) > 0 {
			return string(ms[0].Doc.Verb)
		}
		return ""
	}
	return string(ontology.Verbs[best])
}

// payoutFailed reports whether the event is a payout's and every payout document of it
// says it was cancelled (Stripe's failed and canceled).
func payoutFailed(ms []Member) bool {
	failed := false
	for _, m := range ms {
		if m.Doc.Role != ontology.RolePayout {
			continue
		}
		if m.Doc.Verb != ontology.VerbCancelled {
			return false
		}
		failed = true
	}
	return failed
}

func earliest(ms []Member) time.Time {
	var t time.Time
	for _, m := range ms {
		if t.IsZero() || m.Doc.OccurredAt.Before(t) {
			t = m.Doc.OccurredAt
		}
	}
	return t
}

func location(ms []inventory.Member) string {
	for _, r := range []ontology.Role{ontology.RolePOS, ontology.RoleReceipt, ontology.RoleOrder} {
		for _, m := range ms {
			if m.Role == r && m.Location != "" {
				return m.Location
			}
		}
	}
	for _, m := range ms {
		if m.Location != "" {
			return m.Location
		}
	}
	return ""
}
