package resolver

import (
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// These tests drive resolution's parts on their own, in memory: candidate rules, merging
// and ledger planning. The integration tests (matcher_test.go) drive them together
// against Neo4j.

var t0 = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)

func member(uid string, role ontology.Role, refs ...ontology.Ref) Member {
	return Member{UID: uid, Doc: ontology.Document{Key: ontology.DocKey{Tenant: "t", System: "s", Type: "x", ExternalID: uid},
		Role: role, Verb: ontology.VerbPaid, OccurredAt: t0, Refs: refs,
		Lines: []ontology.Line{{SKU: "A", Qty: ontology.Units(1)}}}}
}

func TestCandidateRules(t *testing.T) {
	b := &batch{rejected: map[string]map[string]bool{"pos-2": {"order-1": true}}}
	withOrder := &EventState{ID: "ev1", Members: []Member{member("order-1", ontology.RoleOrder)}}
	withPOS := &EventState{ID: "ev2", Members: []Member{member("pos-1", ontology.RolePOS)}}
	order2 := member("order-2", ontology.RoleOrder)
	pos2 := member("pos-2", ontology.RolePOS)
	track := member("trk-1", ontology.RoleTracking)
	for _, c := range []struct {
		name string
		ev   *EventState
		m    Member
		want bool
	}{
		{"a second order never joins an order's event", withOrder, order2, false},
		{"a POS ring-up joins an order's event", withOrder, member("pos-3", ontology.RolePOS), true},
		{"a person kept this ring-up apart from that order", withOrder, pos2, false},
		{"tracking joins any sale", withPOS, track, true},
	} {
		if got := b.fits(c.ev, c.m.UID, &c.m.Doc); got != c.want {
			t.Errorf("%s: fits = %v", c.name, got)
		}
	}
	if c := clash(withOrder, &EventState{Members: []Member{order2}}); c != "order" {
		t.Errorf("two orders clash on %q, want order", c)
	}
	if c := clash(withOrder, withPOS); c != "" {
		t.Errorf("an order and a ring-up clash on %q", c)
	}
	payout, order, decl := member("po-1", ontology.RolePayout), member("o", ontology.RoleOrder), member("d", ontology.RoleDeclaration)
	for _, c := range []struct {
		name string
		d    *ontology.Document
		r    ontology.Ref
		want bool
	}{
		{"an order's own number identifies it", &order.Doc, ontology.Ref{Kind: ontology.RefOrderNumber, Value: "1047"}, true},
		{"a container carries many actions' goods", &decl.Doc, ontology.Ref{Kind: ontology.RefContainer, Value: "MSKU1234565"}, false},
		{"a payout names many charges", &payout.Doc, ontology.Ref{Kind: ontology.RefPayment, Value: "ch_1"}, false},
		{"a payout is its own payout id", &payout.Doc, ontology.Ref{Kind: ontology.RefPayout, Value: "po_1"}, true},
	} {
		if got := identifies(c.d, c.r); got != c.want {
			t.Errorf("%s: identifies = %v", c.name, got)
		}
	}
}

func TestMergeMovesMembersAndKeepsTheOlderEvent(t *testing.T) {
	b := &batch{events: map[string]*EventState{}}
	older := &EventState{ID: "ev-old", OccurredAt: t0, Members: []Member{member("order-1", ontology.RoleOrder)}}
	newer := &EventState{ID: "ev-new", OccurredAt: t0.Add(time.Minute), Members: []Member{member("pos-1", ontology.RolePOS)}}
	b.events[older.ID], b.events[newer.ID] = older, newer
	b.merge(newer, older, []string{"order_number:1047"})
	if len(older.Members) != 2 || len(newer.Members) != 0 || newer.MergedInto != "ev-old" {
		t.Fatalf("after merge: older %+v, newer %+v", older.Members, newer)
	}
	if b.live("ev-new") != older {
		t.Fatal("a merged id does not resolve to the survivor")
	}
	if len(b.changes.Merges) != 1 || len(b.changes.Unlinks) != 1 || len(lastLinks(b.changes.Links)) != 1 {
		t.Fatalf("changes %+v", b.changes)
	}
}

// TestLedgerPlannerTakesBackWhatChanged: planning is a function of the members and of
// what the event did so far; a merged event's effect is taken back whole.
func TestLedgerPlannerTakesBackWhatChanged(t *testing.T) {
	p := LedgerPlanner{}
	sale := []inventory.Member{{UID: "o", Role: ontology.RoleOrder, Verb: ontology.VerbPaid, Location: "WH", OccurredAt: t0,
		Lines: []inventory.Line{{SKU: "A", Qty: ontology.Units(2)}}}}
	ev := &EventState{ID: "ev1", Done: inventory.Effect{}}
	moves, w := p.PlanEvent("t", ev, sale, nil, t0)
	if len(moves) != 1 || moves[0].Bucket != ontology.BucketReserved || moves[0].Qty != ontology.Units(2) || w.Kind != ontology.KindSale {
		t.Fatalf("first plan: %+v %+v", moves, w)
	}
	ev.Done, ev.Seq = inventory.Net(moves), 1
	if again, _ := p.PlanEvent("t", ev, sale, nil, t0); len(again) != 0 {
		t.Fatalf("the same members planned again moved %+v", again)
	}
	ev.MergedInto = "ev0"
	back, w := p.PlanEvent("t", ev, sale, nil, t0)
	if len(back) != 1 || back[0].Qty != ontology.Units(-2) || w.Status != "merged" {
		t.Fatalf("merged away: %+v %+v", back, w)
	}
}
