package resolver

import (
	"iter"
	"slices"

	"github.com/seamhub/seam/resolver/compare"
)

// A cluster's members. The cluster rules (partycluster.go, partycontacts.go,
// partygeneration.go, partytwins.go, partyenglishname.go) read every member of a
// party: the profiles and names whose surviving id (root) is the party's. Testing
// root() of every profile the batch holds made each such read grow with the batch's
// candidates, and those grow with the tenant's history (seam bench backlog: an e-shop
// order's party matching five times slower at a million documents than at ten
// thousand). The book keeps instead, beside each party's Root link, the reverse one
// (kids), so a cluster is read by walking down from its root: as long as the cluster,
// not the batch.
//
// Every write of pb.info goes through setInfo, which keeps kids in step: unions
// (a Root set), splits (a Root cleared), and loads from the store. A book made with
// info already filled (tests, loadDecisionBook) builds kids on first use.

// setInfo records what is known of a party (the party it was merged into, its tax id,
// ...) and keeps the reverse links in step with its Root.
func (pb *partyBook) setInfo(id string, in PartyInfo) {
	if pb.kids == nil {
		pb.buildKids()
	}
	if old := pb.info[id].Root; old != in.Root {
		if old != "" && old != id {
			ks := pb.kids[old]
			if i := slices.Index(ks, id); i >= 0 {
				ks[i] = ks[len(ks)-1]
				ks = ks[:len(ks)-1]
			}
			if len(ks) == 0 {
				delete(pb.kids, old)
			} else {
				pb.kids[old] = ks
			}
		}
		if in.Root != "" && in.Root != id {
			pb.kids[in.Root] = append(pb.kids[in.Root], id)
		}
	}
	pb.info[id] = in
}

// buildKids makes the reverse links from pb.info as it stands.
func (pb *partyBook) buildKids() {
	pb.kids = map[string][]string{}
	for id, in := range pb.info {
		if in.Root != "" && in.Root != id {
			pb.kids[in.Root] = append(pb.kids[in.Root], id)
		}
	}
}

// members returns the ids whose surviving id is root (root itself among them when it
// survives): every id root() leads to root, in no particular order. Any id root()
// leads to root has a chain of Root links ending there, so walking the reverse links
// down from root finds it; the walk keeps only those root() itself leads to root, so
// the answer is root()'s wherever the links go. Should the links make a loop (never
// written on purpose; root() stops after 32 steps), the walk gives way to a scan of
// every id the book holds.
func (pb *partyBook) members(root string) []string {
	if pb.kids == nil {
		pb.buildKids()
	}
	var out []string
	stack := []string{root}
	for steps := 0; len(stack) > 0; steps++ {
		if steps > len(pb.info)+1 {
			return pb.scanMembers(root)
		}
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if pb.root(id) == root {
			out = append(out, id)
		}
		stack = append(stack, pb.kids[id]...)
	}
	return out
}

// scanMembers is members by testing every id the book holds a profile, a name or a
// link of: what the cluster rules did before kids, kept for a loop of links and for
// tests to check members against.
func (pb *partyBook) scanMembers(root string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(id string) {
		if !seen[id] && pb.root(id) == root {
			seen[id] = true
			out = append(out, id)
		}
	}
	add(root)
	for id := range pb.profiles {
		add(id)
	}
	for id := range pb.names {
		add(id)
	}
	for id := range pb.info {
		add(id)
	}
	return out
}

// memberProfiles yields the profile of each member of the party whose surviving id is
// root that has one.
func (pb *partyBook) memberProfiles(root string) iter.Seq2[string, PartyProfile] {
	return func(yield func(string, PartyProfile) bool) {
		for _, id := range pb.members(root) {
			if p, ok := pb.profiles[id]; ok && !yield(id, p) {
				return
			}
		}
	}
}

// memberNames yields the name of each member of the party whose surviving id is root
// that the batch knows one of (pb.names).
func (pb *partyBook) memberNames(root string) iter.Seq2[string, compare.Name] {
	return func(yield func(string, compare.Name) bool) {
		for _, id := range pb.members(root) {
			if n, ok := pb.names[id]; ok && !yield(id, n) {
				return
			}
		}
	}
}
