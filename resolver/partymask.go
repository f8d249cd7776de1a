package resolver

import (
	"cmp"
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// Masked buyers and family names alone. A marketplace order that was not decrypted
// carries the platform's masks only: 夏**, 185****8209, 山东省青岛市李沧区****. The
// seven digits of the number are what ties it to its buyer's plain orders (strangers
// share them about once in two hundred thousand pairs), the visible family name and
// district what checks it. A delivery order for 赵女士 names the family only, which with
// the address is as good a lead. A household sharing a number, an address and a family
// name is the trap: the mask or the title fits each member, and an order tied to one
// must not bridge to the others. So a link that rests on part of a value (a mask, a
// family name alone) is taken only where it is the mention's one such match, and not
// into a party holding someone whose name contradicts the mention's.

// maskedPhoneAlone reports whether a comparison reaches Accept only through a masked
// phone's digits (MaskedDigits) without a name and a place that agree beside them, at
// any level, masks included: the digits alone could be any member's of a household
// sharing the number.
func (pm *PartyModel) maskedPhoneAlone(c Comparison, a PartyProfile, fr Frequency) bool {
	if c[fieldPhone].Kind != compare.MaskedDigits {
		return false
	}
	if pm.Score(c, a, fr)-pm.Weight(fieldPhone, compare.MaskedDigits) >= pm.Accept {
		return false // it links without the number
	}
	agrees := func(fields ...int) bool {
		for _, f := range fields {
			if c[f].Kind.Agrees() {
				return true
			}
		}
		return false
	}
	return !agrees(fieldName, fieldGiven, fieldFamily) ||
		!agrees(fieldAddress, fieldStreet, fieldLocality, fieldPostcode)
}

// restsOnPart reports whether a comparison of a with b reaches Accept only with the
// weights of levels that see part of a value: masks (MaskedCompatible, MaskedDigits), a
// name that agrees in its family name alone (Partial, 赵女士 against 赵冬梅, or Green
// with no given name against Thomas / Green, onePartAgainstParts), a
// number's last four digits a waybill prints after the name (Partial), and a
// parcel point in the compound of a home (Partial, 海信慧园丰巢快递柜 against
// 海信慧园7栋1504室), which every household of the compound collects from, a namesake's
// among them.
func (pm *PartyModel) restsOnPart(c Comparison, a, b PartyProfile, fr Frequency) bool {
	ws := pm.fieldWeights(c, a, fr)
	parcel := parcelDetail(c, a, b)
	onePart := onePartOnly(a) != onePartOnly(b) // Green against Thomas / Green (onePartAgainstParts)
	var s float64
	for f, w := range ws {
		k := c[f].Kind
		part := k == compare.MaskedCompatible || k == compare.MaskedDigits ||
			k == compare.Partial && (f == fieldName || f == fieldGiven || f == fieldFamily || f == fieldPhone) ||
			f == fieldDetail && parcel || onePart && (f == fieldGiven || f == fieldFamily) && k.Agrees()
		if !part {
			s += w
		}
	}
	return s < pm.Accept
}

// parcelDetail reports whether two profiles' details agree through a parcel point in
// the compound of the other's home (compare.ParcelPoint): one of them a locker, a
// station or the estate's office, the other a flat of its compound, or of its building
// (a locker numbered by it): a namesake of that building collects there as well.
func parcelDetail(c Comparison, a, b PartyProfile) bool {
	k := c[fieldDetail].Kind
	return (k == compare.Partial || k == compare.Building) && (compare.ParcelPoint(a.Place.Detail) != "") != (compare.ParcelPoint(b.Place.Detail) != "")
}

// namesakeNextDoor reports whether a candidate (b) is someone of the mention's (a)
// name in another flat of the mention's compound: the names agree whole (as written,
// or in another script or romanisation), and the details name two homes in one
// compound. The parcel point of that compound under that name is as much the
// candidate's as the mention's.
func namesakeNextDoor(c Comparison, a, b PartyProfile) bool {
	if a.Company || b.Company || c[fieldDetail].Kind != compare.OtherHome {
		return false
	}
	whole := func(k compare.Kind) bool { return k == compare.Exact || k == compare.Transliterated }
	if !whole(c[fieldName].Kind) && !(whole(c[fieldGiven].Kind) && whole(c[fieldFamily].Kind)) {
		return false
	}
	ca, cb := compoundOf(a.Place.Detail), compoundOf(b.Place.Detail)
	return utf8.RuneCountInString(ca) >= 2 && ca == cb
}

// othersThan reports whether a set holds a party other than root.
func othersThan(set map[string]bool, root string) bool {
	for r := range set {
		if r != root {
			return true
		}
	}
	return false
}

// ownAgreement reports whether a comparison agrees on what one person has alone and a
// household does not share: the date of birth or a national id.
func ownAgreement(c Comparison) bool {
	for _, f := range []int{fieldBirth, fieldNationalID} {
		if k := c[f].Kind; k.Agrees() && k != compare.MaskedCompatible {
			return true
		}
	}
	return false
}

// sharedContact reports whether two person profiles agree on a phone number (in full,
// or in the seven digits a mask shows) or an e-mail address under names that
// contradict: a household's number or mailbox, which says nothing about which member a
// mention is (see namesContradict, and household for the same rule on keys).
func sharedContact(c Comparison, a, b PartyProfile) bool {
	if a.Company || b.Company {
		return false
	}
	k := c[fieldPhone].Kind
	if k != compare.Exact && k != compare.MaskedDigits && c[fieldEmail].Kind != compare.Exact {
		return false
	}
	return namesContradict(nameOf(a), nameOf(b))
}

// namesContradict reports whether two person names name two people: 李利 and 李红霞.
// Names that are missing, masked, a family name alone (王先生) or a typo, nickname or
// transliteration of each other do not contradict.
func namesContradict(a, b compare.Name) bool {
	if compare.GendersClash(a, b) {
		return true // 张先生 is not 张晶月, though the title names the family alone
	}
	if compare.EnglishSexesApart(a, b) {
		return true // Stephanie and Stephen Rivera: a mother and her son
	}
	if ga, gb := compare.Generation(a), compare.Generation(b); ga != "" && gb != "" && ga != gb {
		return true // Patrick Olivier Sr. and Patrick Olivier Jr.: a father and his son
	}
	if middleWordsApart(a, b, false) {
		return true // Mary Ann and Mary Beth Smith: sisters (partymiddle.go)
	}
	if compare.EnglishNameBeside(a, b) {
		return false // Annie Yuying Yan and Yu Ying Yan: one Chinese name, an English one beside it
	}
	if petNameBesideEnglish(a, b) || petNameBesideEnglish(b, a) {
		return false // 阿敏 and Helen张 on one phone: a pet name of no family, an English one
	}
	if givensApartInOneFamily(a, b) {
		return true // Hoàng Trần Thanh and Hưng Trần, Ian Mast and Noortje van der Mast
	}
	if agree, ok := onePartMeets(a, b); ok {
		return !agree // Green, the given name left empty, against Thomas / Green
	}
	switch l := compare.NameLevel(a, b); l.Kind {
	case compare.Different:
		// An English given name beside a Chinese one (Coco Wang, 汪华斌) is one person
		// as often as not: only another family name contradicts across scripts. So in
		// Latin letters alone, with the family name spelt as Hong Kong, Taiwan or the
		// diaspora spell it (Jerry Lau against Weiping Lau, Irene Li against Jianying
		// Lee): the English name is the one a Chinese person uses beside the other.
		// A family name spelt in Cantonese or Hokkien against its Han form (Ng and 吳)
		// comes with a given name in the same romanisation, which cannot be read, so
		// cannot be told apart from the Han one.
		// A family name in Hanyu pinyin comes with a given name in pinyin, so one that
		// is no reading of the Han given name is another person's (慧 张 against Zhang
		// Hua: a daughter and her father on the family's landline).
		return compare.PinyinGivenApart(a, b) ||
			!compare.SameFamilyAcrossScripts(a, b) && !compare.EnglishBesideChinese(a, b) && !compare.FamilyInDialect(a, b) &&
				!compare.FamilyInDialectLatin(a, b)
	case compare.Typo:
		if compare.LookAlikeNames(a, b) || compare.LookAlikeGivenNames(a, b) {
			return false // 王强 read as 主强, 刘明轩 as 刘朋轩: one name misread, not two people
		}
		// Han names are typed through an input method, whose slips are homophones
		// (Phonetic): one character of another reading, 张桂香 and 张桂花, is a sister.
		// A romanised name one letter off a Han one (Guan-Lin Chuo, 卓冠霖) is a
		// spelling, not another character picked: only two Han writings contradict.
		return compare.HasHan(a.Full+a.Given+a.Family) && compare.HasHan(b.Full+b.Given+b.Family)
	case compare.Partial:
		// 桂花 张 against Gui Xiang ZHANG: as wholes they share the family name and a
		// syllable, part by part the given names differ, as CompareParties scores them.
		// Two sisters, as the typo above; but an English given name (Alex 陈 against
		// 辉勇 陈) is the same person's as often as not.
		// Only where the parts are where they belong: the family names agree part by
		// part (黄 typed as the given name, 品睿 as the family, is one person's name
		// swapped, not a sister's).
		return a.Given != "" && a.Family != "" && b.Given != "" && b.Family != "" &&
			compare.NamePartLevel("family", a.Family, b.Family).Kind.Agrees() &&
			compare.NamePartLevel("given", a.Given, b.Given).Kind == compare.Different &&
			chineseGiven(a.Given) && chineseGiven(b.Given)
	}
	return false
}

// petNameBesideEnglish reports whether a is a Han pet name of the given name alone (阿敏,
// 小敏, 敏敏: a nickname's prefix, or the character doubled, beside a character that is
// no common family name) and b gives an English given name (Helen张, Helen Zhang), of
// no sex the pet name's character denies. The pet name states no family to differ from
// b's, and an English given name is the same person's beside her Chinese one as often
// as not, as English and Chinese given names under one family are (EnglishBesideChinese):
// the two do not contradict. 小王 and 老王 name the family, and are left to the rules
// for a family name alone.
func petNameBesideEnglish(a, b compare.Name) bool {
	rs := []rune(normalize.PersonName(cmp.Or(a.Full, a.Family+a.Given)))
	if len(rs) != 2 || !compare.IsHanText(string(rs)) || !(compare.NicknamePrefix(rs[0]) || rs[0] == rs[1]) ||
		compare.CommonFamilyName(rs[1]) {
		return false
	}
	english := false
	for _, w := range normalize.PersonNameWords(cmp.Or(b.Given, b.Full)) {
		english = english || compare.KnownEnglishGiven(w)
		if compare.HasHan(w) && utf8.RuneCountInString(w) > 1 {
			return false // Helen 张丽: a Chinese given name beside the English one, which 阿敏 is not
		}
	}
	return english && !compare.EnglishGenderClash(a, b)
}

// onePartMeets compares two Latin names of which at least one was given in one field
// only (Green with the given name left empty, or Isla with no family name), part by
// part as onePartAgainstParts scores them: ok where it applies, and agree where the one
// part agrees with the other's same part (at any level that agrees: Pricce and Pcire
// are one family name with slips; or its letters shuffled, sWt for West) or, its fields
// typed swapped, is the other one as written or one slip off. A given
// name alone against a family name alone (William, Nicholon) names two parts that do
// not meet, and agrees: neither says the other is someone else. Compared as whole
// names they were different names, and a family name alone contradicted its own
// holder's full name.
func onePartMeets(a, b compare.Name) (agree, ok bool) {
	one := func(n compare.Name) bool {
		return (strings.TrimSpace(n.Given) == "") != (strings.TrimSpace(n.Family) == "")
	}
	both := func(n compare.Name) bool {
		return strings.TrimSpace(n.Given) != "" && strings.TrimSpace(n.Family) != ""
	}
	if !one(a) && !one(b) || !one(a) && !both(a) || !one(b) && !both(b) {
		return false, false
	}
	if compare.HasHan(a.Full+a.Given+a.Family+b.Full+b.Given+b.Family) || compare.ReadsChinese(a) || compare.ReadsChinese(b) {
		return false, false
	}
	if one(b) && !one(a) {
		a, b = b, a
	}
	part, field := a.Given, "given"
	if part == "" {
		part, field = a.Family, "family"
	}
	if one(b) {
		other, otherField := b.Given, "given"
		if other == "" {
			other, otherField = b.Family, "family"
		}
		if otherField != field {
			return true, true // a given name alone and a family name alone
		}
		return compare.NamePartLevel(field, part, other).Kind.Agrees() || scrambledPart(field, part, other), true
	}
	same, cross := b.Given, b.Family
	if field == "family" {
		same, cross = b.Family, b.Given
	}
	if compare.NamePartLevel(field, part, same).Kind.Agrees() || scrambledPart(field, part, same) {
		return true, true
	}
	// Crosswise only as written or one slip off: a family name that merely looks like
	// a given name (Stephens, Stephanie) is no swap.
	k := compare.NamePartLevel(field, part, cross).Kind
	return k == compare.Exact || k == compare.Typo, true
}

// scrambledPart reports whether two parts of one field are one typed with its letters
// shuffled (compare.ScrambledName: sWt for West), unless they are given names people are
// each called (Noel and Leon).
func scrambledPart(field, x, y string) bool {
	if !compare.ScrambledName(x, y) {
		return false
	}
	return field == "family" || !compare.GivenNameOfSomeone(strings.ToLower(x)) || !compare.GivenNameOfSomeone(strings.ToLower(y))
}

// givensApartInOneFamily reports whether two names given in parts agree on the family
// name part by part and name two persons in the given: another Latin given name (Ian
// and Noortje van der Mast, a Dutch couple whose names differ in the particles each
// writes, which as whole names share a word and so were Partial, not Different), or
// another Vietnamese one (see vietnameseGivenApart: Hoàng and Hưng sound alike to
// Double Metaphone, Hồng and Hưng are one letter apart, and are siblings). A romanised
// Chinese given name against another is left to NameLevel's rules, and an English one
// beside a Chinese one is the same person's as often as not.
func givensApartInOneFamily(a, b compare.Name) bool {
	if whole, ok := cardNameInParts(a, b); ok {
		a = whole
	} else if whole, ok := cardNameInParts(b, a); ok {
		b = whole
	}
	if a.Given == "" || a.Family == "" || b.Given == "" || b.Family == "" || compare.NameLevel(a, b).Kind == compare.Exact {
		return false // one name, whatever fields it was typed into
	}
	// Van Der Mast / Noortje, typed into each other's fields, against Ian / Mast.
	return givensApart(a, b) || givensApart(a, compare.Name{Full: b.Full, Given: b.Family, Family: b.Given})
}

// cardNameInParts reads a whole Latin name (a card's holder name, which a payment
// gives in one string: Noortje van der Mast) in the parts a form would give it, its
// first word the given name and the rest the family name, where the other name is
// given in parts: a family mailbox's first order paid by card under Noortje's name
// and then an order of her husband's, Ian / Mast, from it (eu-2901) are two people's
// as if both were typed into a form. Not for Vietnamese or Chinese names, whose
// family name comes first, nor where the form's given name is a later word of the
// card's (a middle name its holder goes by).
func cardNameInParts(whole, parts compare.Name) (compare.Name, bool) {
	if whole.Given != "" || whole.Family != "" || parts.Given == "" || parts.Family == "" ||
		compare.ReadsChinese(whole) || compare.ReadsChinese(parts) || compare.VietnameseName(whole) || compare.VietnameseName(parts) {
		return whole, false
	}
	w := strings.Fields(whole.Full)
	if len(w) < 2 || compare.HasHan(whole.Full) {
		return whole, false
	}
	for _, x := range w[1:] {
		if k := compare.NamePartLevel("given", parts.Given, x).Kind; k == compare.Exact || k == compare.Nickname {
			// Mary Ann Smith on the card, Ann / Smith at the checkout: a middle name
			// its holder goes by, not another person's given name.
			return whole, false
		}
	}
	return compare.Name{Full: whole.Full, Given: w[0], Family: strings.Join(w[1:], " ")}, true
}

// givensApart is givensApartInOneFamily for the parts as given.
func givensApart(a, b compare.Name) bool {
	if k := compare.NamePartLevel("family", a.Family, b.Family).Kind; !k.Agrees() || k == compare.Initials {
		// An initial for the family name (M / Morris read crosswise against Martyn
		// Morris) is no family name the two share.
		return false
	}
	g := compare.NamePartLevel("given", a.Given, b.Given)
	if compare.VietnameseName(a) || compare.VietnameseName(b) {
		switch g.Kind {
		case compare.Different, compare.Phonetic, compare.Similar:
			return true
		case compare.Typo:
			return compare.MarkedLettersApart(a.Given, b.Given) || compare.OnsetApart(a.Given, b.Given)
		case compare.Partial:
			return !compare.ShareAWord(a.Given, b.Given) // Nam against Ngọc Tâm
		}
		return false
	}
	latin := func(g string) bool { return !compare.HasHan(g) && !compare.RomanisedChinese(g) }
	return g.Kind == compare.Different && latin(a.Given) && latin(b.Given)
}

// chineseGiven reports whether a given name is a Chinese one, in Han characters or
// romanised.
func chineseGiven(g string) bool { return compare.HasHan(g) || compare.RomanisedChinese(g) }

// partLinks gathers, over one mention's candidates, which parties it matches on more
// than part of a value (see restsOnPart), which only through part, and which hold
// someone whose name contradicts the mention's.
type partLinks struct {
	strong, part, contra map[string]bool // by the candidate's surviving id
	// masks holds, by surviving id, the description of the wholly masked candidate
	// through which the mention matched that party on part (see maskedDescription),
	// or a value of the party's own where it matched through another candidate.
	masks map[string]string
}

func newPartLinks() partLinks {
	return partLinks{strong: map[string]bool{}, part: map[string]bool{}, contra: map[string]bool{}, masks: map[string]string{}}
}

// describe records the candidate (cp, of the party whose surviving id is root) through
// which a mention's link to that party rests on part of a value.
func (m partLinks) describe(root string, cp PartyProfile) {
	d := maskedDescription(cp)
	if d == "" {
		d = "\x00" + root // a party of its own: no other shares it
	}
	if old, ok := m.masks[root]; ok && old != d {
		d = "\x00" + root
	}
	m.masks[root] = d
}

// maskedDescription is a profile's name, phone and address where all three are a
// platform's masks (李**, 187****9002, 上海市上海市徐汇区****), else "". A buyer's orders
// that were never decrypted look alike, and two of them are never linked to each other
// (masks alone never link), so each is a party of its own until a plain order of the
// buyer comes: it fits them all alike, and they are one description, not several
// people it could be.
func maskedDescription(p PartyProfile) string {
	if !compare.IsMasked(p.FullName+p.Given+p.Family) || !compare.IsMasked(p.Phone) || !compare.IsMasked(p.Address) {
		return ""
	}
	return p.FullName + "|" + p.Given + "|" + p.Family + "|" + p.Phone + "|" + p.Address
}

// note records one candidate's comparison (a the mention, b the candidate, root the
// candidate's surviving id; onPart from restsOnPart) and returns its verdict. Names
// that contradict (方婷敏 and Pinghui Fang, one family name, two given names) link only
// on what one person has alone, a date of birth or an id: a home, a phone and a
// mailbox are a household's as often (the rule household applies to keys), and are at
// most a possible match.
func (m partLinks) note(root string, d PartyVerdict, c Comparison, a, b PartyProfile, onPart bool) PartyVerdict {
	return m.noteJudged(root, d, c, personsContradict(a, b), onPart)
}

// personsContradict reports whether a and b are two persons whose names contradict, or
// one of whose mailboxes spells another member of the other's family (see
// mailboxOfAnother).
func personsContradict(a, b PartyProfile) bool {
	return !a.Company && !b.Company && (namesContradict(nameOf(a), nameOf(b)) && !petNameOnOwnContacts(a, b) && !englishNameOnOwnMailbox(a, b) &&
		!marriedNameOnOwnContacts(a, b) ||
		mailboxNamesAnother(a, b) || mailboxesOfTwoGivens(a, b) ||
		generationsStated(statedGeneration(a), statedGeneration(b)))
}

// petNameOnOwnContacts reports whether two profiles share a mailbox and a phone and
// one's given name is the other's pet name on that mailbox (compare.PetNameOfMailbox:
// Lux and Lakshmi Biswas on lakshmibiswas97@).
func petNameOnOwnContacts(a, b PartyProfile) bool {
	if a.Email == "" || a.Email != b.Email || a.Phone == "" || a.Phone != b.Phone || compare.IsMasked(a.Email) || compare.IsMasked(a.Phone) {
		return false
	}
	return compare.PetNameOfMailbox(nameOf(a), nameOf(b), a.Email) || compare.PetNameOfMailbox(nameOf(b), nameOf(a), a.Email)
}

// marriedNameOnOwnContacts reports whether two profiles share a mailbox and a phone and
// give one given name under two family names (compare.OneGivenNameTwoFamilies): Carol
// Collins and Carol Watson on the couple's richardandcarol@ and the same number, a
// woman's maiden and married names. Relatives of one household are told apart by their
// given names; two who share one besides the mailbox and the number are one person.
//
// Or they share a mobile by its country's plan, a person's own line, from two mailboxes
// each spelling its own name's family: Linda Lloyd on lloyd.linda@ and Linda Singh on
// singhl761@, one number, a woman who took her husband's name and a mailbox with it. A
// household's line is a fixed one, or one whose plan does not tell (a US number).
func marriedNameOnOwnContacts(a, b PartyProfile) bool {
	if a.Phone == "" || a.Phone != b.Phone || compare.IsMasked(a.Phone) {
		return false
	}
	oneMailbox := a.Email != "" && a.Email == b.Email && !compare.IsMasked(a.Email)
	if !oneMailbox && !(compare.MobileLine(a.Phone) && mailboxOfOwnFamily(a) && mailboxOfOwnFamily(b)) {
		return false
	}
	return compare.OneGivenNameTwoFamilies(nameOf(a), nameOf(b))
}

// mailboxOfOwnFamily reports whether a person profile's mailbox holds the letters of its
// own family name, of three letters or more (lloyd.linda@ under Linda Lloyd).
func mailboxOfOwnFamily(p PartyProfile) bool {
	fam := familyLetters(p)
	return len(fam) >= 3 && strings.Contains(localLetters(p.Email), fam)
}

// englishNameOnOwnMailbox reports whether two profiles come from one mailbox that
// spells the Vietnamese given name of one of them, the other giving an English given
// name of that family (compare.EnglishNameOnVietnameseMailbox: Amy Duong and Linh Dương
// from linh.duong@yahoo.com), and not with two mobiles: Kathy Phan ordering from her
// mother Phuong's mailbox gives a mobile of her own.
func englishNameOnOwnMailbox(a, b PartyProfile) bool {
	if a.Email == "" || a.Email != b.Email || compare.IsMasked(a.Email) || twoMobiles(a.Phone, b.Phone) {
		return false
	}
	return compare.EnglishNameOnVietnameseMailbox(nameOf(a), nameOf(b), a.Email)
}

// twoMobiles reports whether two phones are two numbers neither of which is a fixed line
// (mobileNumber).
func twoMobiles(a, b string) bool { return mobileNumber(a) && mobileNumber(b) && a != b }

// statedGeneration is the generation a person profile states: its name's suffix, or
// where the name has none its mailbox's (craigs87jr@icloud.com); "" where neither says.
func statedGeneration(p PartyProfile) string {
	if g := compare.Generation(nameOf(p)); g != "" {
		return g
	}
	return compare.MailboxGeneration(p.Email)
}

// generationsStated reports whether two stated generations are two: a father and his
// son of one name, whatever phone or home they share.
func generationsStated(a, b string) bool { return a != "" && b != "" && a != b }

// noteJudged is note with the names' contradiction already worked out (contra, from
// personsContradict).
func (m partLinks) noteJudged(root string, d PartyVerdict, c Comparison, contra, onPart bool) PartyVerdict {
	if contra {
		m.contra[root] = true
		if d == Same && !ownAgreement(c) {
			d = Possibly
		}
	}
	if d == Same {
		if onPart {
			m.part[root] = true
		} else {
			m.strong[root] = true
		}
	}
	return d
}

// holds reports whether a party the mention matched stays matched: on more than part
// of a value; or through part of one, as the mention's one such match, in a party
// holding no one whose name contradicts the mention's.
func (m partLinks) holds(root string) bool {
	if m.strong[root] {
		return true
	}
	if m.contra[root] {
		return false
	}
	// Parties matched on part through the same masked description count once: the
	// masked orders 李** / 187****9002 of one buyer, each a party of its own, which
	// her plain order 李玲欣 at 18713109002 fits alike. Counted apart, the plain order
	// matched several "such" parties and joined none, where in the other arrival order
	// each masked order joins her.
	n := 0
	seen := map[string]bool{}
	for r := range m.part {
		if m.strong[r] {
			continue
		}
		if d := m.masks[r]; d != "" {
			if seen[d] {
				continue
			}
			seen[d] = true
		}
		n++
	}
	return n == 1
}

// maskedPlace compares a masked address (山东省青岛市李沧区****, kept as written) with
// one in parts: what the mask leaves visible, the area, against the same parts of the
// other (compare.MaskedAreaLevel), however each side writes it. ok is false unless
// exactly one side is masked and the other has parts.
func maskedPlace(a, b PartyProfile) (compare.Level, bool) {
	if compare.IsMasked(b.Address) {
		a, b = b, a
	}
	if !compare.IsMasked(a.Address) || compare.IsMasked(b.Address) || !hasParts(b.Place) {
		return compare.Level{}, false
	}
	return compare.MaskedAreaLevel(compare.ParseAddress(a.Address), b.Place), true
}

// maskBlockPair reports whether a candidate found under block key bk is compared: under
// the masked-phone block a pair with a masked number is, and two plain numbers one digit
// apart in the middle (18513835809 and 18513385809, a slip no other key shares). Two
// plain numbers that agree are the phone key's to join (or to refuse, a household's),
// not a description's.
func maskBlockPair(bk string, a, b PartyProfile) bool {
	if !masksOnly(bk, a) || compare.IsMasked(b.Phone) {
		return true
	}
	return compare.PhoneLevel(a.Phone, b.Phone, a.Country).Kind == compare.Typo
}

// masksOnly reports whether, under block key bk, mention a is compared only with
// candidates whose phone is masked or one slip from its own (maskBlockPair).
func masksOnly(bk string, a PartyProfile) bool {
	return strings.HasPrefix(bk, BlockMaskedPhone+"=") && !compare.IsMasked(a.Phone)
}

// parcelOfNamesakeWithOwnContacts reports whether a comparison through a parcel point
// finds both the phone and the mailbox other than the candidate's: 李军 of 1栋203 at
// 碧桂一品门口快递柜, with his own number and mailbox, against the 李军 of 8栋402, whose
// number and mailbox are others. The name and the compound's road fit both namesakes
// of the compound; the contacts say which one collects there.
func parcelOfNamesakeWithOwnContacts(c Comparison) bool {
	return c[fieldPhone].Kind == compare.Different && c[fieldEmail].Kind == compare.Different
}
