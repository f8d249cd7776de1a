package resolver

import (
	"context"
	"fmt"
	"slices"
)

// People have the last word on parties. confirmPartyMatch links two parties SAME_AS
// (the older id survives, as for any merge); rejectPartyMatch records that they are two,
// and when resolution had merged them, cuts the one SAME_AS link that joined the two
// sides. Either way the decision is stored, and no later mention, shared key or
// probabilistic match merges two parties a person kept apart.

// PartyDecision is a person's verdict on two parties: "same" or "apart".
type PartyDecision struct {
	A, B    string // party ids as the person named them
	Verdict string
	By      string
}

// PartyDecided says what a person's decision on two parties changed.
type PartyDecided struct {
	// Party and Other are the surviving ids of the two parties after the decision (one
	// id when they are now one party).
	Party, Other string
	// Cut is the SAME_AS link a rejection removed, nil when none was needed.
	Cut *PartyLink
	// Linked is the SAME_AS link a confirmation added, nil when they already were one.
	Linked *PartyLink
}

// ConfirmParties records that parties a and b are one, and links them. Parties with
// different tax ids are two legal entities and cannot be confirmed as one
// (ErrConflict), nor can parties that some person's rejection keeps apart.
func (m *Matcher) ConfirmParties(ctx context.Context, tenant, a, b, by string) (PartyDecided, error) {
	var out PartyDecided
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		out = PartyDecided{}
		pb, err := loadDecisionBook(ctx, tx, a, b)
		if err != nil {
			return err
		}
		// The person's verdict replaces any earlier one on the same pair.
		pb.dropApart(a, b)
		ra, rb := pb.root(a), pb.root(b)
		ch := &Changes{Tenant: tenant, PartyDecisions: []PartyDecision{{A: a, B: b, Verdict: "same", By: by}}}
		if ra != rb {
			ta, tb := pb.info[ra].TaxID, pb.info[rb].TaxID
			if ta != "" && tb != "" && ta != tb {
				return fmt.Errorf("%w: %s and %s have different tax ids", ErrConflict, a, b)
			}
			if !pb.mayJoin(ra, rb) {
				return fmt.Errorf("%w: a person said parties of these two groups are different; confirm the rejected pair first", ErrConflict)
			}
			keep, drop := min(ra, rb), max(ra, rb)
			l := PartyLink{From: drop, To: keep, Kind: "same_as", Reason: "confirmed by " + by}
			ch.PartyLinks = append(ch.PartyLinks, l)
			out.Linked = &l
			ra, rb = keep, keep
		}
		if err := tx.Apply(ctx, ch); err != nil {
			return err
		}
		out.Party, out.Other = ra, rb
		return nil
	})
	if err != nil {
		return PartyDecided{}, fmt.Errorf("confirming parties %s and %s: %w", a, b, err)
	}
	return out, nil
}

// RejectParties records that parties a and b are two, and when they are one party now,
// cuts the SAME_AS link that joined their sides: the weakest probabilistic link on the
// path between them, or, when shared keys made every link of it, the link nearest b.
// Each side keeps the id it survives under, so every other document still reads the
// party it read before.
func (m *Matcher) RejectParties(ctx context.Context, tenant, a, b, by string) (PartyDecided, error) {
	if a == b {
		return PartyDecided{}, fmt.Errorf("rejecting party %s against itself: %w", a, ErrConflict)
	}
	var out PartyDecided
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		out = PartyDecided{}
		pb, err := loadDecisionBook(ctx, tx, a, b)
		if err != nil {
			return err
		}
		ch := &Changes{Tenant: tenant, PartyDecisions: []PartyDecision{{A: a, B: b, Verdict: "apart", By: by}}}
		if pb.root(a) == pb.root(b) {
			cut, ok := cutBetween(pb.parent, a, b)
			if !ok {
				return fmt.Errorf("no SAME_AS path between %s and %s", a, b)
			}
			ch.PartyCuts = append(ch.PartyCuts, cut)
			out.Cut = &cut
			delete(pb.parent, cut.From)
			pb.setInfo(cut.From, PartyInfo{TaxID: pb.info[cut.From].TaxID})
		}
		if err := tx.Apply(ctx, ch); err != nil {
			return err
		}
		out.Party, out.Other = rootOf(pb.parent, a), rootOf(pb.parent, b)
		return nil
	})
	if err != nil {
		return PartyDecided{}, fmt.Errorf("rejecting parties %s and %s: %w", a, b, err)
	}
	return out, nil
}

// loadDecisionBook loads what a decision on two parties needs: both parties' clusters
// with their SAME_AS links, and the pairs people kept apart.
func loadDecisionBook(ctx context.Context, tx Tx, a, b string) (*partyBook, error) {
	info, links, err := tx.PartyCluster(ctx, []string{a, b})
	if err != nil {
		return nil, fmt.Errorf("loading the parties: %w", err)
	}
	for _, id := range []string{a, b} {
		if _, ok := info[id]; !ok {
			return nil, fmt.Errorf("party %s: %w", id, ErrNotFound)
		}
	}
	pb := &partyBook{info: map[string]PartyInfo{}, parent: map[string]PartyLink{}}
	for id, in := range info {
		pb.setInfo(id, in)
	}
	for _, l := range links {
		pb.parent[l.From] = l
	}
	if err := pb.loadApart(ctx, tx); err != nil {
		return nil, err
	}
	return pb, nil
}

// loadApart loads the pairs people kept apart, with what is known of each end (its
// surviving id), so that mayJoin can test any two clusters.
func (pb *partyBook) loadApart(ctx context.Context, tx Tx) error {
	pairs, info, err := tx.PartyApart(ctx)
	if err != nil {
		return fmt.Errorf("loading rejected party pairs: %w", err)
	}
	pb.apart = pairs
	for id, in := range info {
		if _, ok := pb.info[id]; !ok {
			pb.setInfo(id, in)
		}
	}
	return nil
}

// dropApart forgets a rejection of the pair (a, b), in either order.
func (pb *partyBook) dropApart(a, b string) {
	pb.apart = slices.DeleteFunc(pb.apart, func(p [2]string) bool {
		return p == [2]string{a, b} || p == [2]string{b, a}
	})
}

// mayJoin reports whether the clusters of x and y may become one: false when a person
// said some party of one and some party of the other are different.
func (pb *partyBook) mayJoin(x, y string) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return true
	}
	for _, p := range pb.apart {
		r0, r1 := pb.root(p[0]), pb.root(p[1])
		if r0 == rx && r1 == ry || r0 == ry && r1 == rx {
			return false
		}
	}
	return true
}

// cutBetween chooses the SAME_AS link whose removal separates a from b. SAME_AS links
// form a forest (only a surviving party is ever linked, so each party has at most one
// outgoing link); parent maps a party to its outgoing link. On the path between a and b,
// the probabilistic link with the lowest score goes first, since it is the least
// certain; when shared keys made every link, the one nearest b goes.
func cutBetween(parent map[string]PartyLink, a, b string) (PartyLink, bool) {
	up := func(id string) []PartyLink {
		var path []PartyLink
		for i := 0; i < 64; i++ {
			l, ok := parent[id]
			if !ok {
				break
			}
			path = append(path, l)
			id = l.To
		}
		return path
	}
	pa, pbPath := up(a), up(b)
	// Nodes on a's way up, with the number of links from a to reach each.
	depth := map[string]int{a: 0}
	for i, l := range pa {
		depth[l.To] = i + 1
	}
	var path []PartyLink // from b's side first
	meet := -1
	if _, ok := depth[b]; ok {
		meet = 0
	} else {
		for i, l := range pbPath {
			path = append(path, l)
			if _, ok := depth[l.To]; ok {
				meet = i + 1
				break
			}
		}
	}
	if meet < 0 {
		return PartyLink{}, false
	}
	lca := b
	if meet > 0 {
		lca = pbPath[meet-1].To
	}
	path = append(path, pa[:depth[lca]]...)
	if len(path) == 0 {
		return PartyLink{}, false
	}
	cut := path[0]
	for _, l := range path {
		if l.Score > 0 && (cut.Score == 0 || l.Score < cut.Score) {
			cut = l
		}
	}
	return cut, true
}

// rootOf follows parent links to the surviving party.
func rootOf(parent map[string]PartyLink, id string) string {
	for i := 0; i < 64; i++ {
		l, ok := parent[id]
		if !ok {
			return id
		}
		id = l.To
	}
	return id
}
