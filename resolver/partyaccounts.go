package resolver

// A shop's customer account (a Douyin buyer's doudian_open_id, a storefront's customer
// number) is one customer's as the shop sees them, and the members of a household
// each order from their own. A link that rests on part of a value (the seven digits
// of a masked number, a family name under a title) fits every member of a household
// alike: the member whose number it is, and the member whose order carries that
// number because they ordered with it. Where the two parties it would join each hold
// an account of one shop, and not the same one, the shop itself says they are two
// customers, and the part does not outweigh it.

// accountsApart reports whether the mention (prof, filed as self) with its party and
// the party whose surviving id is root hold accounts of one system and none in common
// for it: two customers of that shop.
func (pb *partyBook) accountsApart(self, root string, prof PartyProfile) bool {
	if prof.Company {
		return false
	}
	mine := pb.clusterAccounts(pb.root(self))
	if prof.Account != "" {
		mine[prof.Account] = true
	}
	theirs := pb.clusterAccounts(pb.root(root))
	if len(mine) == 0 || len(theirs) == 0 {
		return false
	}
	shared := map[string]bool{}
	for a := range mine {
		if theirs[a] {
			shared[accountSystem(a)] = true
		}
	}
	for a := range mine {
		s := accountSystem(a)
		if shared[s] {
			continue
		}
		for b := range theirs {
			if accountSystem(b) == s {
				return true
			}
		}
	}
	return false
}

// clusterAccounts is the set of accounts the members of the party whose surviving id is
// root hold, the stored members' too (see partyclusterload.go).
func (pb *partyBook) clusterAccounts(root string) map[string]bool {
	out := map[string]bool{}
	for id, p := range pb.wholeMemberProfiles(root) {
		if p.Company {
			continue
		}
		if p.Account != "" {
			out[p.Account] = true
		}
		for _, a := range pb.storedAccounts[id] {
			out[a] = true
		}
	}
	return out
}
