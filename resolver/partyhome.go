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

// A Chinese household's line. The Yangs of 新店區自由路364號 all give the flat's line,
// (02)2853-8768: the father Chih-hung from alan.yang69@outlook.com, his son Wenpin
// from yangb61@outlook.com. Their family name agrees, and a Wade-Giles given name
// against a pinyin one is no contradiction that household can rely on (Han, Cantonese,
// Wade-Giles and English names of one person differ as much), so the line would
// join the son to his father. But a given name that agrees with no name the line's
// party is known by, on an order from another mailbox, is the line's other resident
// as the Latin rule above has it for one name: the line places the mention nowhere,
// and its description is scored. A Chinese name that agrees as a whole (张伟 and
// Zhang Wei, a slip), or a name too weak to tell (王先生, a given name alone), is
// still placed by the line; a mailbox or a mobile still places the mention.

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
	if prof.Company || prof.Email == "" || compare.IsMasked(prof.Email) || !homeLine(key) {
		return false
	}
	if compare.ReadsChinese(nameOf(prof)) && !pb.anotherResident(pb.root(party), nameOf(prof)) {
		return false
	}
	if pb.officeLineOf(pb.root(party), prof) {
		return false // the office's line of the company both are billed to (partyoffice.go)
	}
	mine, ok := pb.known["email:"+prof.Email]
	return !ok || pb.root(mine) != pb.root(party)
}

// anotherResident reports whether a Chinese name agrees as a whole (wholeNameAgrees)
// with none of the names the party whose surviving id is root is known by, where the
// name and at least one of them are strong enough to tell (weakName): the home's other
// resident, not its owner written another way.
func (pb *partyBook) anotherResident(root string, n compare.Name) bool {
	if n == (compare.Name{}) || weakName(n) {
		return false
	}
	strong := false
	for _, m := range pb.clusterNames(root) {
		if weakName(m) {
			continue
		}
		if wholeNameAgrees(n, m) {
			return false
		}
		strong = true
	}
	return strong
}

// householdLine makes a home's line say nothing between two Chinese names that do not
// agree as wholes, each from a mailbox of its own (Chih-hung Yang and his son Wenpin
// Yang on (02)2853-8768): the line is the household's, shared by everyone at the flat,
// not a person's. Where no phone but such a line agrees, a given
// name that is only Similar (Wenming and Wenpin, 家豪 and 家偉 romanised: siblings
// named for their generation) is another given name: brothers, not a slip.
func householdLine(c *Comparison, a, b PartyProfile) {
	na, nb := nameOf(a), nameOf(b)
	if !compare.ReadsChinese(na) && !compare.ReadsChinese(nb) {
		return
	}
	if a.Email == "" || b.Email == "" || compare.IsMasked(a.Email) || compare.IsMasked(b.Email) || c[fieldEmail].Kind != compare.Different {
		return
	}
	if weakName(na) || weakName(nb) || wholeNameAgrees(na, nb) || mailboxNamesTheOther(a, b) {
		return
	}
	home := c[fieldPhone].Kind == compare.Exact && compare.FixedLine(a.Phone)
	if home {
		c[fieldPhone] = compare.Level{Kind: compare.Null, Why: "phone: the home's line under two given names, each from its own mailbox (the household's)"}
	}
	if c[fieldGiven].Kind == compare.Similar && !c[fieldPhone].Kind.Agrees() {
		c[fieldGiven] = compare.Level{Kind: compare.Different, Why: c[fieldGiven].Why + ", each from its own mailbox with no phone of one person in common (siblings of one generation name)"}
	}
}

// mailboxNamesTheOther reports whether one side's mailbox holds, beside the family name,
// the other side's given name: Chia-hung Lin from wilsonlin@hotmail.com and Wilson Lin
// from lchiahung1998@hotmail.com on their home's line are one man's English and
// Chinese names, each mailbox his, not two residents.
func mailboxNamesTheOther(a, b PartyProfile) bool {
	for _, p := range [][2]PartyProfile{{a, b}, {b, a}} {
		if g := mailboxGiven(p[0]); len(g) >= 3 && g == strings.Join(givenWords(p[1]), "") {
			return true
		}
	}
	return false
}

// generationSibling makes two Chinese given names that read alike but for one syllable
// of two (compare.OtherSyllable: 文明 and Wen-ting at one flat of Kaohsiung, each
// from a mailbox of their own, no phone in common) another given name: brothers and
// sisters share the generation character and differ in the other, while the letters
// compared call the pair a typo (ming ~ ting) worth nearly a name. A slip that lands on
// another syllable, by someone ordering from a second mailbox with no phone of theirs in
// common, is the rarer reading. One mailbox, or one phone, still joins them.
func generationSibling(c *Comparison, a, b PartyProfile) {
	switch c[fieldGiven].Kind {
	case compare.Typo, compare.Similar, compare.Phonetic:
	default:
		return
	}
	if !compare.ReadsChinese(nameOf(a)) || !compare.ReadsChinese(nameOf(b)) || c[fieldPhone].Kind.Agrees() {
		return
	}
	if a.Email == "" || b.Email == "" || compare.IsMasked(a.Email) || compare.IsMasked(b.Email) || c[fieldEmail].Kind != compare.Different {
		return
	}
	if !compare.OtherSyllable(a.Given, b.Given) {
		return
	}
	c[fieldGiven] = compare.Level{Kind: compare.Different, Why: c[fieldGiven].Why + ": another syllable beside a shared one, each from its own mailbox with no phone in common (siblings of one generation name)"}
}
