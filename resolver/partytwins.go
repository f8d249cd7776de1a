package resolver

import (
	"context"
	"fmt"
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

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

// A twin may spell his name in his mailbox and his brother not in his (aidengibson1997@
// and agibson1990@, Aiden and Ayden Gibson of one home). Then one mailbox tells how its
// owner spells his given name, and the other side writes another spelling from another
// mailbox of its own, one that does not hold the first spelling. A person who spells
// his name Aiden in the mailbox he chose does not type Ayden: i and y are no keys side
// by side. A keyboard's slip (Aiedn, Aidne, Aidden, Aisen) is told apart from another
// spelling, and stays a slip.

// givenSpeltOtherwise makes the given names (or the whole names) of two profiles differ
// where spelledOtherwise says they are two names, and a phone they share say nothing.
func givenSpeltOtherwise(c *Comparison, a, b PartyProfile) {
	if c[fieldEmail].Kind != compare.Different {
		return
	}
	why, ok := spelledOtherwise(a, b)
	if !ok {
		return
	}
	l := compare.Level{Kind: compare.Different, Why: "given: " + why}
	switch {
	case c[fieldGiven].Kind.Agrees():
		c[fieldGiven] = l
	case c[fieldName].Kind.Agrees():
		l.Why = "name: " + why
		c[fieldName] = l
	}
	if c[fieldPhone].Kind == compare.Exact {
		// Two people on one number: the home's line (a North American one, which
		// the plan does not tell from a mobile), not one person's.
		c[fieldPhone] = compare.Level{Kind: compare.Null, Why: "phone: one number under two names each spelt its own way (the household's)"}
	}
}

// spelledOtherwise reports (with the reason) whether one profile's own mailbox spells
// its given name as written beside the family name, and the other writes another
// spelling of it, no keyboard slip, from another mailbox of its own that does not hold
// the first spelling.
func spelledOtherwise(a, b PartyProfile) (string, bool) {
	if a.Company || b.Company || a.Email == "" || b.Email == "" || a.Email == b.Email || compare.IsMasked(a.Email) || compare.IsMasked(b.Email) ||
		familyMailbox(a) || familyMailbox(b) || compare.ReadsChinese(nameOf(a)) || compare.ReadsChinese(nameOf(b)) {
		return "", false
	}
	ga, gb := givenWords(a), givenWords(b)
	if len(ga) == 0 || len(gb) == 0 || ga[0] == gb[0] || len(ga[0]) < 4 || len(gb[0]) < 4 || keyboardSlip(ga[0], gb[0]) {
		return "", false
	}
	switch compare.NameLevel(compare.Name{Given: ga[0]}, compare.Name{Given: gb[0]}).Kind {
	case compare.Typo, compare.Phonetic:
	default:
		return "", false
	}
	for _, p := range [][2]PartyProfile{{a, b}, {b, a}} {
		spelt, other := givenWords(p[0])[0], givenWords(p[1])[0]
		if mailboxGiven(p[0]) == spelt && !strings.Contains(localLetters(p[1].Email), spelt) {
			return "spelt " + spelt + " in " + p[0].Email + ", written " + other + " from " + p[1].Email + ": two names", true
		}
	}
	return "", false
}

// clustersSpelledOtherwise reports whether some member of the party whose surviving id
// is x and some member of y's are two names by spelledOtherwise: Aiden of ravi.aiden@
// and Ayden of ravia67@, twins whom their home's landline, on an order of Aiden's with
// a slip in his name (Aiddn), would make one party.
func (pb *partyBook) clustersSpelledOtherwise(x, y string) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	for _, p := range pb.memberProfiles(rx) {
		for _, q := range pb.memberProfiles(ry) {
			if _, ok := spelledOtherwise(p, q); ok {
				return true
			}
		}
	}
	return false
}

// qwertyRows are the letter rows of a QWERTY keyboard, each offset half a key from the
// one above.
var qwertyRows = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keysApart reports whether two letters lie on keys that do not touch on a QWERTY
// keyboard (or are not both letters a to z).
func keysApart(x, y byte) bool {
	pos := func(r byte) (int, float64, bool) {
		for i, row := range qwertyRows {
			if j := strings.IndexByte(row, r); j >= 0 {
				return i, float64(j) + 0.5*float64(i), true
			}
		}
		return 0, 0, false
	}
	rx, cx, okX := pos(x)
	ry, cy, okY := pos(y)
	if !okX || !okY {
		return true
	}
	dr, dc := rx-ry, cx-cy
	if dr < 0 {
		dr = -dr
	}
	if dc < 0 {
		dc = -dc
	}
	return dr > 1 || dr == 0 && dc > 1 || dr == 1 && dc > 1
}

// keyboardSlip reports whether two words (folded, a to z) are one slip of the keyboard
// apart: two letters swapped, a letter doubled, dropped or added, or one struck for a key
// beside it.
func keyboardSlip(x, y string) bool {
	if len(x) == len(y) {
		var diff []int
		for i := range len(x) {
			if x[i] != y[i] {
				diff = append(diff, i)
			}
		}
		switch len(diff) {
		case 1:
			return !keysApart(x[diff[0]], y[diff[0]])
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && x[i] == y[j] && x[j] == y[i]
		}
		return false
	}
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x) != len(y)+1 {
		return false
	}
	for i := range len(x) {
		if x[:i]+x[i+1:] == y {
			return true
		}
	}
	return false
}

// loadKeyedClusters loads the clusters (members' profiles included) of the parties a
// mention's keys name where they name two or more: an order of Aiden's from his
// mailbox and the home's line, which his twin Ayden orders from too. Which of them
// the mention is, and whether the two are one, is what the cluster rules decide
// (personalKeysFirst, twoPeople), and they read the members; a mention whose
// description its keys' parties are filed under asks for no candidates, so the members
// are not otherwise loaded. Keys of two parties on one mention are rare: a household's
// line or a person's second mailbox.
func (b *batch) loadKeyedClusters(ctx context.Context, identities [][]string) error {
	pb := b.parties
	var ids []string
	for _, identity := range identities {
		var named []string
		for _, k := range identity {
			if strings.HasPrefix(k, "phone:") || strings.HasPrefix(k, "email:") {
				if id, ok := pb.known[k]; ok {
					named = appendUnique(named, id)
				}
			}
		}
		if len(named) > 1 {
			for _, id := range named {
				ids = appendUnique(ids, id)
			}
		}
	}
	if err := b.loadClustersWithMembers(ctx, ids); err != nil {
		return fmt.Errorf("loading the clusters of parties one mention's keys name: %w", err)
	}
	return nil
}

// twinNamesAlike makes two given names of one family Different where they are a name
// and its form for the other sex (otherSexForm: Ciara and Ciaran, Paul and Paula), or
// two names a letter apart that sound otherwise (Ella and Emma, Ellis and Elliot) and
// that people are called (compare.GivenNameOfSomeone); never a form of the other
// (compare.Nicknames: Jon and John). Only where the family names agree, the birthday
// agrees or is left out, and no mailbox, phone or national id is shared: two children
// of one family, twins when the birthday agrees, not one person's slip (a slip makes a
// word no one is called: Olvia, Jenifer). Within a family names are chosen to go
// together; what is near-equal between strangers is a likeness there. Han and Chinese
// names are left to their own rules (pinyinGivenApart, generationSibling). Spellings of
// one sound (Hanna and Hannah, Brian and Bryan, Aiden and Ayden) are one name written
// two ways as often as two children's: their mailboxes tell (givenSpeltApart).
func twinNamesAlike(c *Comparison, a, b PartyProfile) {
	if k := c[fieldGiven].Kind; k != compare.Typo && k != compare.Similar && k != compare.Phonetic {
		return
	}
	if !wholePart(c[fieldFamily].Kind) || !(c[fieldBirth].Kind == compare.Exact || c[fieldBirth].Kind == compare.Null) {
		return
	}
	for _, f := range []int{fieldEmail, fieldPhone, fieldNationalID} {
		if k := c[f].Kind; k.Agrees() && k != compare.MaskedCompatible {
			return
		}
	}
	if compare.HasHan(a.FullName+a.Given+a.Family+b.FullName+b.Given+b.Family) || compare.ReadsChinese(nameOf(a)) || compare.ReadsChinese(nameOf(b)) {
		return
	}
	ga, gb := givenWords(a), givenWords(b)
	if len(ga) == 0 || len(gb) == 0 || ga[0] == gb[0] || len(ga[0]) < 3 || len(gb[0]) < 3 || compare.Nicknames(ga[0], gb[0]) {
		return
	}
	if x, y, ok := otherSexForm(ga[0], gb[0]); ok && (compare.GivenNameOfSomeone(x) || c[fieldEmail].Kind.Differs()) {
		c[fieldGiven] = compare.Level{Kind: compare.Different, Why: "given: " + x + " and " + y + " are a name and its form for the other sex, in one family"}
		return
	}
	if c[fieldGiven].Kind == compare.Phonetic || !compare.GivenNameOfSomeone(ga[0]) || !compare.GivenNameOfSomeone(gb[0]) {
		return
	}
	if pa, aa := compare.DoubleMetaphone(ga[0]); pa != "" {
		if pb, ab := compare.DoubleMetaphone(gb[0]); pa == pb || pa == ab || aa != "" && (aa == pb || aa == ab) {
			return
		}
	}
	c[fieldGiven] = compare.Level{Kind: compare.Different, Why: "given: " + ga[0] + " and " + gb[0] + " are two names people are given, in one family"}
}

// otherSexForms are the endings that make a given name's form for the other sex from
// it in the languages of Latin-name customers: Paul and Paula, Louis and Louise, Ciara
// and Ciaran, Daniel and Daniela, Christian and Christiane, Julian and Juliana.
var otherSexForms = []string{"a", "e", "n", "o", "ne", "na", "ia"}

// otherSexForm reports whether one of two given names is the other with an ending of
// otherSexForms (the shorter first, three letters at least), and returns them shorter
// first: a brother and a sister, a father and a daughter, are named so. A slip drops a
// last letter too (Kayl for Kayla, FEBRL's): the caller asks the shorter to be a name
// people are called, or the two to write from two mailboxes.
func otherSexForm(x, y string) (string, string, bool) {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 3 || !strings.HasPrefix(y, x) {
		return "", "", false
	}
	for _, end := range otherSexForms {
		if y == x+end {
			return x, y, true
		}
	}
	return "", "", false
}
