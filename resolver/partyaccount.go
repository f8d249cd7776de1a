package resolver

import "strings"

// A storefront files a guest checkout under the customer record of its mailbox
// (Shopify's customer object, created by the mailbox's first order and keeping its
// name): the record is the mailbox's, no more one person's than the mailbox is. Where
// the mailbox is a household's (Alina Panicucci ordering from the family's mailbox her
// husband Gustavo ordered from first), so is the record, and the account key relates
// the two as the mailbox does rather than proving them one.

// accountOfHouseholdMailbox reports whether key, a system's account key, names the
// party that the mention's own mailbox names, and that mailbox, under the mention's
// name, is a household's (see household).
func (pb *partyBook) accountOfHouseholdMailbox(key, party string, prof PartyProfile) bool {
	if !strings.HasPrefix(key, "ext:") || prof.Company || prof.Email == "" {
		return false
	}
	e, ok := pb.known["email:"+prof.Email]
	if !ok || pb.root(e) != pb.root(party) {
		return false
	}
	return pb.household("email:"+prof.Email, e, prof)
}
