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
// name, is a household's (see household). Or the account names a party that holds the
// mention's mailbox as well, under a name that contradicts the mention's, while the
// mailbox's key names another: Michelle Martin's first order, at another shop, filed
// robertandmichelle@ under her own party, then Robert's first Shopify order made the
// customer record of the mailbox, under which Shopify files her next checkout. The
// record is still the mailbox's, the household's, not his.
func (pb *partyBook) accountOfHouseholdMailbox(key, party string, prof PartyProfile) bool {
	if !strings.HasPrefix(key, "ext:") || prof.Company || prof.Email == "" {
		return false
	}
	e, ok := pb.known["email:"+prof.Email]
	if !ok {
		return false
	}
	if pb.root(e) == pb.root(party) {
		return pb.household("email:"+prof.Email, e, prof)
	}
	holds := pb.info[party].Email == prof.Email
	for _, p := range pb.memberProfiles(pb.root(party)) {
		holds = holds || p.Email == prof.Email && !p.Company
	}
	return holds && pb.household("email:"+prof.Email, party, prof)
}
