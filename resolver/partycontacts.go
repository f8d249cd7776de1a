package resolver

import (
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

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

// contactsApart reports whether two parties, each known with a mailbox, share none,
// and share no phone but a home's line (compare.FixedLine, see partyhome.go), by what
// the batch knows of their members and of the mention (prof, filed as x; empty where
// there is none): ownContactsApart's rule for parties, so that an order carrying the
// son's mailbox and no phone does not join the father's party by the description the
// two share, nor an order without contacts join the two. Each side must give a phone,
// or the side that gives none stands against one whose phones are all home lines: a
// mobile beside another mailbox is a person's second mailbox as often.
func (pb *partyBook) contactsApart(x, y string, prof PartyProfile) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	ex, px, okX := pb.clusterContacts(rx, prof)
	ey, py, okY := pb.clusterContacts(ry, PartyProfile{})
	if !okX || !okY || len(ex) == 0 || len(ey) == 0 {
		return false
	}
	if shareMailbox(ex, ey) {
		return false
	}
	for p := range px {
		if py[p] && !compare.FixedLine(p) {
			return false
		}
	}
	if pb.shareOfficeLine(rx, ry, prof) {
		return false // an office's line, not a home's (partyoffice.go)
	}
	switch {
	case len(px) > 0 && len(py) > 0:
		return true
	case len(px) == 0 && len(py) == 0:
		return false
	case len(px) == 0:
		return allHomeLines(py)
	}
	return allHomeLines(px)
}

// shareMailbox reports whether two parties' mailboxes (clusterContacts) hold one
// mailbox: the same, or one with its provider mistyped (christopher_richardson03 at
// yahoo.co and at yahoo.com, providerSlip), which is no second mailbox of another person.
func shareMailbox(ex, ey map[string]PartyProfile) bool {
	for e, pe := range ex {
		if _, ok := ey[e]; ok {
			return true
		}
		for _, pf := range ey {
			if providerSlip(pe, pf) || handleSlip(pe, pf) {
				return true
			}
		}
	}
	return false
}

// handleSlip reports whether two members' mailboxes are one mailbox with a letter of its
// name mistyped at a checkout (joannna1958@ for joanna1958@o2.pl, paweelwojcik64@ for
// pawelwojcik64@): the same provider and the same digits, the letters one edit apart,
// under one name written the same. Twins' and a father's and son's mailboxes differ in
// the names or the digits they hold (anna.cole@ and hanna.cole@ come with two names).
func handleSlip(a, b PartyProfile) bool {
	la, da, okA := strings.Cut(a.Email, "@")
	lb, db, okB := strings.Cut(b.Email, "@")
	if !okA || !okB || da != db || la == lb || compare.IsMasked(a.Email) || compare.IsMasked(b.Email) ||
		compare.NameLevel(nameOf(a), nameOf(b)).Kind != compare.Exact {
		return false
	}
	ta, tb := lettersAZ(la), lettersAZ(lb)
	return digitsOf(la) == digitsOf(lb) && min(len(ta), len(tb)) >= 5 && ta != tb && compare.OneEdit(ta, tb)
}

// allHomeLines reports whether every phone of a set is a fixed line.
func allHomeLines(phones map[string]bool) bool {
	for p := range phones {
		if !compare.FixedLine(p) {
			return false
		}
	}
	return true
}

// clusterContacts returns the plain mailboxes (each with a member that gives it) and
// phones of the loaded members of the party whose surviving id is root, and of extra (a
// mention being filed as it, whose profile the party does not hold yet; PartyProfile{}
// for none); ok is false where one of them is a company or has a name that is Chinese
// in any writing.
func (pb *partyBook) clusterContacts(root string, extra PartyProfile) (emails map[string]PartyProfile, phones map[string]bool, ok bool) {
	emails, phones = map[string]PartyProfile{}, map[string]bool{}
	add := func(p PartyProfile) bool {
		if p.Company || compare.ReadsChinese(nameOf(p)) {
			return false
		}
		if p.Email != "" && !compare.IsMasked(p.Email) && !familyMailbox(p) && !workMailbox(p) {
			// A family's mailbox is the household's, no one person's own; a mailbox at
			// the domain of the company billed is the firm's (workMailboxBeside).
			if _, had := emails[p.Email]; !had {
				emails[p.Email] = p
			}
		}
		if p.Phone != "" && !compare.IsMasked(p.Phone) {
			phones[p.Phone] = true
		}
		return true
	}
	for _, p := range pb.memberProfiles(root) {
		if !add(p) {
			return nil, nil, false
		}
	}
	if !add(extra) {
		return nil, nil, false
	}
	return emails, phones, true
}

// partNameContactsApart reports whether a comparison finds two mailboxes and two phones
// under names whose family names agree whole and whose given names only in part
// (Partial, Similar, Initials: Xu Zhang against Jessica Xue Zhang): a father and his
// daughter at one flat, each ordering with a phone and a mailbox of their own, whose
// names share the family name and, romanised, a syllable's first letters.
// ownContactsApart leaves Chinese names out, since one Chinese customer at a flat
// orders with a second SIM as often (secondPhoneAtHome); but that rests on the whole
// name agreeing. One person who changes phone and mailbox at once keeps writing the
// given name, not a part or a look-alike of it. The family names must agree part by
// part, as namesContradict asks of Partial names: a name written whole in one field
// (Changjiang Xu 徐長江 as the given name) compares in part field by field, and is the
// same person's. Nothing one person has alone (a date of birth, a national id) may
// agree.
func partNameContactsApart(c Comparison, a PartyProfile) bool {
	if a.Company || ownAgreement(c) || c[fieldEmail].Kind != compare.Different || c[fieldPhone].Kind != compare.Different {
		return false
	}
	if k := c[fieldFamily].Kind; k != compare.Exact && k != compare.Transliterated {
		return false
	}
	switch c[fieldGiven].Kind {
	case compare.Partial, compare.Similar, compare.Initials:
		return true
	}
	return false
}
