package resolver

import "github.com/seamhub/seam/resolver/compare"

// One mailbox, an English and a Chinese given name. Vincent Chan orders from
// vincent_chan@netvigator.com with no phone; CHAN CHI KIT orders from the same mailbox
// with his mobile. Hong Kong, Taiwanese and overseas Chinese customers carry an English
// given name beside their Chinese one and write either at any shop (Karen Zhang and 张玉华,
// Cherry Kuo and Hsiuchin Kuo). A mailbox is one person's, so under one family name the
// two given names are one person's two names, unless the pair says two people: each
// side with a mobile of its own (two phones are two given names, as README says of
// households), or an English name of the other sex than the Chinese one (Anna Xu on her
// husband 许凯's mailbox). A home's line is the household's and says neither. Two English
// or two Chinese given names on one mailbox are still a household's.
//
// The other way round, one phone under an English and a Chinese given name, each from a
// mailbox of its own (Edmond Wang from wang.gang@163.com, 王飞 from joanne16@outlook.com,
// on 217 874 8324 at their flat): the names agree in the family name only, which is what
// a household shares with its line, and the mailboxes say two people. North American
// numbers do not tell a home's line from a mobile, so the line joined them. The phone
// places such a mention nowhere; its description is scored, where the same rule holds
// (englishBesideChinese in partyscore.go).

// englishAndChineseOfOne reports whether a mention on the mailbox of party is that
// party's person under the other of their English and Chinese given names (known is the
// party's name).
func (pb *partyBook) englishAndChineseOfOne(party string, prof PartyProfile, known compare.Name) bool {
	n := nameOf(prof)
	if !compare.EnglishBesideCantonese(n, known) && !compare.EnglishBesideChinese(n, known) || compare.EnglishGenderClash(n, known) {
		return false
	}
	return !pb.ownMobilesDiffer(party, prof.Phone)
}

// ownMobilesDiffer reports whether phone is a mobile and the party (its stored first
// profile, and the members of its cluster the batch holds) is known by another mobile.
func (pb *partyBook) ownMobilesDiffer(party, phone string) bool {
	if !mobileNumber(phone) {
		return false
	}
	if p := pb.info[party].Phone; mobileNumber(p) && p != phone {
		return true
	}
	root := pb.root(party)
	for _, pr := range pb.memberProfiles(root) {
		if mobileNumber(pr.Phone) && pr.Phone != phone {
			return true
		}
	}
	return false
}

// mobileNumber reports whether a phone is a plain number that is no fixed line by its
// country's plan (a US number, whose plan does not tell, counts as a mobile).
func mobileNumber(p string) bool { return p != "" && !compare.IsMasked(p) && !compare.FixedLine(p) }

// englishAndChineseOnOwnMailboxes reports whether a mention on the phone of party gives
// an English given name where the party is known by a Chinese one (or the other way),
// agreeing in the family name only, from a mailbox of its own: one the party was not
// first known by, and that names no party or another. Only on a number that may be a
// home's line (a fixed line, or one whose plan does not tell): a mobile is a person's.
func (pb *partyBook) englishAndChineseOnOwnMailboxes(party string, prof PartyProfile, known compare.Name) bool {
	if compare.MobileLine(prof.Phone) {
		// A mobile by its country's plan is one person's: Brian Mak from two mailboxes
		// of his own on 5128 3501.
		return false
	}
	mine := pb.info[party].Email
	if p, ok := pb.profiles[party]; ok && mine == "" {
		mine = p.Email // founded in this batch
	}
	if prof.Email == "" || mine == "" || prof.Email == mine || compare.IsMasked(prof.Email) || compare.IsMasked(mine) {
		return false
	}
	if p, ok := pb.known["email:"+prof.Email]; ok && pb.root(p) == pb.root(party) {
		return false
	}
	n := nameOf(prof)
	if compare.EnglishNameBeside(n, known) || wholeNameAgrees(n, known) {
		return false
	}
	return compare.EnglishBesideChinese(n, known) || compare.EnglishBesideCantonese(n, known)
}
