package resolver

import (
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

// Parent and child of one name at one home. Giorgio Lupo and his son Giorgio Lupo live
// at one address and both give the home's landline; the father orders from
// g.lupo@tiscali.it, the son from lupo.giorgio@virgilio.it or with no phone at all.
// Their names, their address and the line agree: only their mailboxes say who ordered.
// A landline is the household's, shared by everyone who lives there; a mailbox (and a
// mobile) is one person's. So for people written in Latin letters, a home's line under
// the same name with another mailbox names no party by itself: the description
// decides, and there two parties with other mailboxes and nothing but the home's line
// in common (or a home's line on one side, no phone on the other) are two people, as
// other mailboxes and other phones are (contactsApart). What one person has alone (a
// date of birth, a national id) still says one.
//
// This costs a person who orders from two mailboxes and only ever gives the home's
// line: the two mailboxes stay two parties, related, for a person to confirm. A mobile
// given with both, or with one and then the other, still joins them.

// homeLine reports whether a phone key names a fixed line (compare.FixedLine): a
// home's or an office's, not a person's.
func homeLine(key string) bool {
	n, ok := strings.CutPrefix(key, "phone:")
	return ok && compare.FixedLine(n)
}

// homeLineOfAnother reports whether a person's phone key, a home's line, names a party
// (of the mention's name: household has cleared it) that the mention's mailbox does
// not: the mention carries a mailbox, and that mailbox is new, or names a party of
// another surviving id. The line then places the mention nowhere; its description is
// scored (see contactsApart).
func (pb *partyBook) homeLineOfAnother(key, party string, prof PartyProfile) bool {
	if prof.Company || prof.Email == "" || compare.IsMasked(prof.Email) || !homeLine(key) || compare.ReadsChinese(nameOf(prof)) {
		return false
	}
	mine, ok := pb.known["email:"+prof.Email]
	return !ok || pb.root(mine) != pb.root(party)
}
