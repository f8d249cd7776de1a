package resolver

import "github.com/seamhub/seam/resolver/compare"

// A father and his son of the same name at one address (Giorgio Lupo and Giorgio Lupo,
// Aldo Endrizzi and Aldo Endrizzi, where no Jr. is written) agree on everything a
// description holds but their contacts: each has his own mailbox and his own mobile.
// One person with a second mailbox keeps his phone, and one with a new phone keeps his
// mailbox; both changed at once at the same address is two people far more often. So
// for people written in Latin letters (a Chinese household's rules are their own: a
// second SIM at one flat is common there, see secondPhoneAtHome) another mailbox and
// another phone are two people, as another given name and another phone are.

// ownContactsApart reports whether a comparison finds two mailboxes and two phones,
// with a mention (a) whose name is not Chinese in any writing (compare.ReadsChinese),
// and nothing one person has alone agreeing (a date of birth, a national id: Mike
// Compton with a new mailbox and phone, born on the same day written the other way).
func ownContactsApart(c Comparison, a PartyProfile) bool {
	return !a.Company && !compare.ReadsChinese(nameOf(a)) && !ownAgreement(c) &&
		c[fieldEmail].Kind == compare.Different && c[fieldPhone].Kind == compare.Different
}

// contactsApart reports whether two parties, each known with a mailbox and a phone,
// share neither, by what the batch knows of their members: the same rule for parties,
// so that an order carrying the son's mailbox and no phone does not join the father's
// party by the description the two share.
func (pb *partyBook) contactsApart(x, y string) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	ex, px, okX := pb.clusterContacts(rx)
	ey, py, okY := pb.clusterContacts(ry)
	if !okX || !okY || len(ex) == 0 || len(ey) == 0 || len(px) == 0 || len(py) == 0 {
		return false
	}
	for e := range ex {
		if ey[e] {
			return false
		}
	}
	for p := range px {
		if py[p] {
			return false
		}
	}
	return true
}

// clusterContacts returns the plain mailboxes and phones of the loaded members of the
// party whose surviving id is root; ok is false where a member is a company or has a
// name that is Chinese in any writing.
func (pb *partyBook) clusterContacts(root string) (emails, phones map[string]bool, ok bool) {
	emails, phones = map[string]bool{}, map[string]bool{}
	for id, p := range pb.profiles {
		if pb.root(id) != root {
			continue
		}
		if p.Company || compare.ReadsChinese(nameOf(p)) {
			return nil, nil, false
		}
		if p.Email != "" && !compare.IsMasked(p.Email) {
			emails[p.Email] = true
		}
		if p.Phone != "" && !compare.IsMasked(p.Phone) {
			phones[p.Phone] = true
		}
	}
	return emails, phones, true
}
