package resolver

import (
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

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

// maskOfAnotherAccount reports whether a link between a mention (prof, filed as id) and
// a candidate (cp, of the party whose surviving id is root) rests on the seven digits
// a masked number shows (c), where the masked side carries a shop account whose party
// the batch found already holding more than that order (the mention was filed under
// its account's party before its description was scored, or the candidate was
// merged into another party), and the plain side holds no such account. The
// account's party is the buyer's history, which the batch does not load: the buyer's
// own plain number has joined it to the buyer's other parties already, or the buyer's
// first masked order linked them when it founded it. What is left for the digits to
// join is a number the buyer ordered with that is someone else's (the father's,
// ordered to by the son), and the whole account would follow it into that person's
// party.
func (pb *partyBook) maskOfAnotherAccount(id, root string, prof, cp PartyProfile, c Comparison) bool {
	if prof.Company || c[fieldPhone].Kind != compare.MaskedDigits || ownAgreement(c) {
		return false
	}
	masked, node, plain := prof, id, pb.clusterAccounts(pb.root(root))
	if !compare.IsMasked(prof.Phone) {
		masked, node, plain = cp, cp.ID, pb.clusterAccounts(pb.root(id))
		if prof.Account != "" {
			plain[prof.Account] = true
		}
	}
	if masked.Account == "" || !compare.IsMasked(masked.Phone) || node == "" || pb.root(node) == node {
		return false
	}
	return !plain[masked.Account]
}

// accountsMaskOfAnother reports whether a shop account's key names a party (node)
// known by a masked number that the mention's own number (plain, or the digits its
// mask shows) does not fit, and the node's party holds a plain number the node's mask
// does fit. A buyer's orders under one account that were never decrypted each show the
// number they went to: the account's first order went to another member's number (the
// son's, which the father ordered to), and its seven digits joined that member's
// party, as they should on what was known then. An order of the account that shows
// another number is the buyer's, not that member's: filing it under the node would
// make one party of two people. The mention keeps its other keys (or its description
// decides), and the two parties are related.
func (pb *partyBook) accountsMaskOfAnother(key, node string, prof PartyProfile) bool {
	if !pb.accountMaskOther(key, node, prof) {
		return false
	}
	mask := pb.nodePhone(node)
	for _, q := range pb.wholeMemberProfiles(pb.root(node)) {
		if !q.Company && q.Phone != "" && !compare.IsMasked(q.Phone) &&
			compare.PhoneLevel(mask, q.Phone, q.Country).Kind == compare.MaskedDigits {
			return true
		}
	}
	return false
}

// accountMaskOther reports whether a shop account's key names a party (node) known by a
// masked number that the mention's own number does not fit.
func (pb *partyBook) accountMaskOther(key, node string, prof PartyProfile) bool {
	if prof.Company || !strings.HasPrefix(key, "ext:") || prof.Phone == "" {
		return false
	}
	mask := pb.nodePhone(node)
	return compare.IsMasked(mask) && compare.PhoneLevel(mask, prof.Phone, prof.Country).Kind == compare.Different
}

// nodePhone is the phone of a party's own profile: the batch's, or the store's.
func (pb *partyBook) nodePhone(node string) string {
	if p, ok := pb.profiles[node]; ok {
		return p.Phone
	}
	return pb.info[node].Phone
}
