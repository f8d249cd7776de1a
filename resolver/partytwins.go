package resolver

import "github.com/seamhub/seam/resolver/compare"

// Two given names one letter or one sound apart (Aiden and Ayden, Jon and John) are
// one name with a slip as often as not, unless each is spelt the same way in its own
// mailbox: a person who writes ayden_hall@ spells his name Ayden, and one who writes
// aiden.hall67@ spells it Aiden. Nobody spells his own name two ways in two mailboxes
// he chose; twin brothers named alike, each with his own, do.

// mailboxesSpellTwoGivens reports whether two person profiles' first given names are
// spelling variants of each other (a typo's or a sound's distance, not a nickname: Jake
// of jake.lam@ may well own jacob.lam@ too), each spelt as written in the profile's own
// mailbox beside its family name (mailboxGiven).
func mailboxesSpellTwoGivens(a, b PartyProfile) bool {
	if a.Company || b.Company || a.Email == "" || b.Email == "" || compare.IsMasked(a.Email) || compare.IsMasked(b.Email) {
		return false
	}
	ga, gb := givenWords(a), givenWords(b)
	if len(ga) == 0 || len(gb) == 0 || ga[0] == gb[0] || len(ga[0]) < 3 || len(gb[0]) < 3 {
		return false
	}
	if mailboxGiven(a) != ga[0] || mailboxGiven(b) != gb[0] {
		return false
	}
	switch compare.NameLevel(compare.Name{Given: ga[0]}, compare.Name{Given: gb[0]}).Kind {
	case compare.Typo, compare.Phonetic, compare.Homophone:
		return true
	}
	return false
}

// givenSpeltApart makes the given names (or the whole names) of two profiles differ
// where their mailboxes spell them two ways (mailboxesSpellTwoGivens).
func givenSpeltApart(c *Comparison, a, b PartyProfile) {
	if !mailboxesSpellTwoGivens(a, b) {
		return
	}
	l := compare.Level{Kind: compare.Different, Why: "given: spelt " + mailboxGiven(a) + " in " + a.Email + " and " + mailboxGiven(b) + " in " + b.Email + ": two names"}
	switch {
	case c[fieldGiven].Kind.Agrees():
		c[fieldGiven] = l
	case c[fieldName].Kind.Agrees():
		l.Why = "name" + l.Why[len("given"):]
		c[fieldName] = l
	}
}

// spellsAnotherGiven reports whether a member of the party whose surviving id is root
// spells, in its own mailbox, a given name the mention spells another way in its own
// (mailboxesSpellTwoGivens): Ayden Hall on the landline Aiden Hall orders from.
func (pb *partyBook) spellsAnotherGiven(root string, prof PartyProfile) bool {
	for _, p := range pb.memberProfiles(root) {
		if mailboxesSpellTwoGivens(prof, p) {
			return true
		}
	}
	return false
}

// givensSpeltApart reports whether some member of one party (x, which the mention
// prof is being filed as) and some member of the other (y) spell their given names
// two ways in their own mailboxes: twins, whom a description joining them would make
// one party (see twoPeople).
func (pb *partyBook) givensSpeltApart(x, y string, prof PartyProfile) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	if pb.spellsAnotherGiven(ry, prof) {
		return true
	}
	for _, p := range pb.memberProfiles(rx) {
		if pb.spellsAnotherGiven(ry, p) {
			return true
		}
	}
	return false
}

// namesakeOnLine reports whether a mention that a phone key places under party (known
// by the name known) comes from a mailbox of its own, one that names no party or
// another, and states another generation than that name (Josh Gilbert against Josh
// Gilbert Jr.), or spells in the mailbox a given name one slip from the party's
// (aiden.hall67@ under Aiden Hall, on the line of Ayden Hall). A phone is a
// household's as often as one person's: then the line places the mention nowhere, and
// its description, scored against each party's members with their mailboxes, decides.
// A number the plan tells for a mobile is one person's and still places it.
func (pb *partyBook) namesakeOnLine(party string, prof PartyProfile, known compare.Name) bool {
	if prof.Company || prof.Email == "" || compare.IsMasked(prof.Email) || compare.MobileLine(prof.Phone) ||
		compare.ReadsChinese(nameOf(prof)) || compare.ReadsChinese(known) {
		return false
	}
	if mine, ok := pb.known["email:"+prof.Email]; ok && pb.root(mine) == pb.root(party) {
		return false
	}
	if compare.Generation(known) != statedGeneration(prof) {
		return true
	}
	g, kg := givenWords(prof), givenWords(PartyProfile{Given: known.Given, Family: known.Family, FullName: known.Full})
	if len(g) == 0 || len(kg) == 0 || g[0] == kg[0] || len(kg[0]) < 3 || mailboxGiven(prof) != g[0] {
		return false
	}
	switch compare.NameLevel(compare.Name{Given: g[0]}, compare.Name{Given: kg[0]}).Kind {
	case compare.Typo, compare.Phonetic, compare.Homophone:
		return true
	}
	return false
}
