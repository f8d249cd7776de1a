package resolver

import "github.com/seamhub/seam/resolver/compare"

// A son named after his father writes Jr. on some of his orders and not on others
// (Josh Gilbert Jr., Josh Gilbert), and his father, at the same address, almost never
// writes Sr. Pair by pair, the son's order without the suffix and the father's agree on
// the whole name and the home: only their mailboxes differ, and one person's second
// mailbox looks the same. What the two parties hold together tells them apart: once
// one party has stated a generation (in a name, or in a mailbox like gilbertj93jr@) and
// the other, under its own other mailboxes, never has, they are the son and the father,
// whatever home or home line they share. One person who writes Jr. does so with his
// own mailbox; a mailbox the two share makes them one again.

// generationsApart reports whether two parties (x, which a mention prof is being filed
// as, and y) state different generations of one name and share no mailbox, each side
// holding a mailbox of its own (a family's mailbox is the household's and counts for
// neither). Companies and names that are Chinese in any
// writing are left to their own rules (see clusterContacts).
func (pb *partyBook) generationsApart(x, y string, prof PartyProfile) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	ex, _, okX := pb.clusterContacts(rx, prof)
	ey, _, okY := pb.clusterContacts(ry, PartyProfile{})
	if !okX || !okY || len(ex) == 0 || len(ey) == 0 {
		return false
	}
	if shareMailbox(ex, ey) {
		return false
	}
	gx, gy := pb.clusterGenerations(rx, prof), pb.clusterGenerations(ry, PartyProfile{})
	if len(gx) == 0 && len(gy) == 0 {
		return false
	}
	if len(gx) != len(gy) {
		return true
	}
	for g := range gx {
		if !gy[g] {
			return true
		}
	}
	return false
}

// clusterGenerations returns the generations stated by the members of the party whose
// surviving id is root and by extra (a mention filed as it, or
// PartyProfile{}): each member's name suffix, or where its name has none its mailbox's
// (statedGeneration).
func (pb *partyBook) clusterGenerations(root string, extra PartyProfile) map[string]bool {
	out := map[string]bool{}
	add := func(g string) {
		if g != "" {
			out[g] = true
		}
	}
	for _, n := range pb.memberNames(root) {
		add(compare.Generation(n))
	}
	for _, p := range pb.memberProfiles(root) {
		if !p.Company {
			add(statedGeneration(p))
		}
	}
	if !extra.Company {
		add(statedGeneration(extra))
	}
	return out
}
