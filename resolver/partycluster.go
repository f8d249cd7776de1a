package resolver

import (
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// Cluster-level consistency of names. A party is the connected component of the
// mentions that matched, so a link judged pair by pair can still join two people: a
// mention that names a person only weakly (李女士, 张先生, 小吴, 李**) matches each
// member of a household, and through it one sister's party reaches the other's. The
// pair rules (household, partLinks.note) see one name on each side; these rules see
// every name the batch knows of each side's party: the names of the parties whose
// surviving id it is, as the store and the batch's candidates gave them.
//
// A weak name may still attach a mention to one party; it may not be the bridge that
// joins two parties whose members' names contradict, nor file under a party a mention
// whose name contradicts one of the party's members. Only what one person has alone (a
// date of birth, a national id) overrules that, as it does pair by pair.

// clusterNames returns the person names the batch knows of the party whose surviving
// id is root: each member's stored name and each loaded member profile's name.
// Missing names are left out; weak ones (a title, a mask) are kept, as namesContradict
// lets them agree with anyone.
func (pb *partyBook) clusterNames(root string) []compare.Name {
	var out []compare.Name
	add := func(n compare.Name) {
		if n == (compare.Name{}) {
			return
		}
		for _, m := range out {
			if m == n {
				return
			}
		}
		out = append(out, n)
	}
	for _, n := range pb.memberNames(root) {
		add(n)
	}
	for _, p := range pb.memberProfiles(root) {
		if !p.Company {
			add(nameOf(p))
		}
	}
	return out
}

// clusterContradicts reports whether a name contradicts the name of some member of
// the party whose surviving id is root.
func (pb *partyBook) clusterContradicts(root string, n compare.Name) bool {
	if n == (compare.Name{}) {
		return false
	}
	for _, m := range pb.clusterNames(root) {
		if clusterContradict(n, m) {
			return true
		}
	}
	return false
}

// clustersContradict reports whether some member of one party (x, which a mention
// named n is being filed as) and some member of the other have names that contradict:
// joining them would make one party of two people. The mention counts as a member of
// x, whose profile may not hold its name yet.
func (pb *partyBook) clustersContradict(x, y string, n compare.Name) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	ny := pb.clusterNames(ry)
	for _, a := range append(pb.clusterNames(rx), n) {
		if a == (compare.Name{}) {
			continue
		}
		for _, b := range ny {
			if clusterContradict(a, b) {
				return true
			}
		}
	}
	return false
}

// weakName reports whether a person name names a family or a household rather than one
// person: masked (李**), a family name alone once a courtesy title is dropped (李女士,
// 张先生), or a pet name of two characters that keeps one (小吴, 老王, 阿娜, 娜娜).
// Such a name contradicts no one (namesContradict), so it tells nothing about which
// member of a family a mention is.
func weakName(n compare.Name) bool {
	text := n.Full
	switch {
	case text != "":
	case compare.HasHan(n.Family + n.Given):
		text = n.Family + n.Given
	default:
		// Thomas / Müller is two words: run together, as a Han name's parts are, every
		// Latin name given in parts read as one word, a given name alone, and
		// contradicted no one.
		text = n.Given + " " + n.Family
	}
	if compare.IsMasked(text) {
		return true
	}
	key := normalize.PersonName(text)
	if key == "" {
		return false
	}
	if !compare.HasHan(key) {
		// One word of Latin letters (Coco, Leo): a given name alone, an English one
		// beside a Chinese name as often as not.
		return !strings.Contains(key, " ")
	}
	switch rs := []rune(key); utf8.RuneCountInString(key) {
	case 1:
		return true
	case 2:
		return compare.NicknamePrefix(rs[0]) || rs[0] == rs[1]
	}
	return false
}

// weakNameLink reports whether a comparison agrees on names only through part of one
// (a family name, a nickname, a mask), or not at all: a link it makes rests on the
// rest of the description, which a household shares.
func weakNameLink(c Comparison) bool {
	for _, f := range []int{fieldName, fieldGiven, fieldFamily} {
		switch k := c[f].Kind; k {
		case compare.Partial, compare.Nickname, compare.MaskedCompatible, compare.Null, compare.Different:
		default:
			if k.Agrees() {
				return false
			}
		}
	}
	return true
}

// initialFor reports whether Latin name a gives its given name by an initial alone and
// b, of the same family, writes a given name whole that the initial fits (C Herrera for
// Carlos Herrera): the initial fits every member of the family it starts, Carlos and
// Carmen alike.
func initialFor(a, b compare.Name) bool {
	if !initialOnly(a) || initialOnly(b) {
		return false
	}
	if strings.TrimSpace(a.Given) != "" && strings.TrimSpace(b.Given) != "" {
		return compare.NamePartLevel("given", a.Given, b.Given).Kind == compare.Initials
	}
	return compare.NameLevel(a, b).Kind == compare.Initials
}

// initialOnly reports whether a Latin name gives its given names by initials alone (C
// Herrera, R. J. DeLuca).
func initialOnly(n compare.Name) bool {
	words := normalize.PersonNameWords(n.Given)
	if strings.TrimSpace(n.Given) == "" {
		if w := normalize.PersonNameWords(n.Full); len(w) > 1 {
			words = w[:len(w)-1]
		}
	}
	if len(words) == 0 || compare.HasHan(n.Full+n.Given) {
		return false
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) != 1 {
			return false
		}
	}
	return true
}

// clusterNameContradicts reports whether some member of the party whose surviving id is
// root writes a whole given name that contradicts n (clusterContradict); members known
// by initials are left out, since R. and D. may be one Richard's (Dick's) initials.
func (pb *partyBook) clusterNameContradicts(root string, n compare.Name) bool {
	for _, m := range pb.clusterNames(root) {
		if !initialOnly(m) && clusterContradict(m, n) {
			return true
		}
	}
	return false
}

// clusterContradict reports whether two members' names name two people: as
// namesContradict, but a weak name contradicts no one, whatever its script (小王 beside
// Wang Tao-Hui, Coco beside 袁凯鑫, are the same person's as often as not).
//
// A title's sex is the exception: 张先生 is weak about which 张 he is, never about
// being a man, so he contradicts 张晶月 whatever else the two share.
func clusterContradict(a, b compare.Name) bool {
	return compare.GendersClash(a, b) || !weakName(a) && !weakName(b) && namesContradict(a, b)
}

// maskedHousehold reports whether a link between a mention (prof, filed as self) and a
// candidate (cp, of the party whose surviving id is root) that agree on a masked
// number's digits could as well be another member's of a household: some other party
// the batch knows has a plain number the mask fits, a name the mask fits (张畅 for
// 张**), and a name that contradicts a member of the plain side (张雨琪). The plain
// side is the mention's party with the mention, or the candidate's, whichever is not
// masked.
func (pb *partyBook) maskedHousehold(self, root string, prof, cp PartyProfile) bool {
	masked, plainRoot, plainNames := prof, pb.root(root), pb.clusterNames(pb.root(root))
	if !compare.IsMasked(prof.Phone) {
		masked, plainRoot = cp, pb.root(self)
		plainNames = append(pb.clusterNames(plainRoot), nameOf(prof))
	}
	if !compare.IsMasked(masked.Phone) {
		return false
	}
	maskedRoot := pb.root(root)
	if masked == prof {
		maskedRoot = pb.root(self)
	}
	for id, q := range pb.profiles {
		r := pb.root(id)
		if q.Company || q.Phone == "" || compare.IsMasked(q.Phone) || r == plainRoot || r == maskedRoot {
			continue
		}
		if compare.PhoneLevel(masked.Phone, q.Phone, q.Country).Kind != compare.MaskedDigits ||
			compare.NameLevel(nameOf(masked), nameOf(q)).Kind == compare.Different {
			continue
		}
		for _, n := range plainNames {
			if clusterContradict(n, nameOf(q)) {
				return true
			}
		}
	}
	return false
}

// writingsApart reports whether the party a mention (prof) is filed as (x) and another
// (y) each hold a name in Han characters and a plain phone of their own, and neither
// agrees: no writing of one is the other's exactly, no phone of one is the other's.
// Siblings named a character apart (邹建宁 and 邹建凝, one reading) each with her own
// phone are such a pair; a link that reads the name through Latin letters (Zou
// jianning) fits either, and must not join them. One person typing a homophone and
// ordering from a second phone as well is rarer than that. A landline is no phone of
// one's own: it is the home's, every member's (see partyhome.go), so a party known by
// its landline alone (朱静 on 0512-4307023) has told no phone of hers, and 朱晶 on her
// mobile at the same flat is not shown to be someone else by it.
func (pb *partyBook) writingsApart(x, y string, prof PartyProfile) bool {
	rx, ry := pb.root(x), pb.root(y)
	if rx == ry {
		return false
	}
	type side struct {
		han    []compare.Name
		phones map[string]bool
	}
	gather := func(root string, extra *PartyProfile) side {
		s := side{phones: map[string]bool{}}
		add := func(p PartyProfile) {
			if p.Company {
				return
			}
			if n := nameOf(p); !weakName(n) && compare.HasHan(n.Full+n.Given+n.Family) {
				s.han = append(s.han, n)
			}
			if p.Phone != "" && !compare.IsMasked(p.Phone) && !compare.FixedLine(p.Phone) {
				s.phones[p.Phone] = true
			}
		}
		for _, p := range pb.memberProfiles(root) {
			add(p)
		}
		if extra != nil {
			add(*extra)
		}
		return s
	}
	sx, sy := gather(rx, &prof), gather(ry, nil)
	if len(sx.han) == 0 || len(sy.han) == 0 || len(sx.phones) == 0 || len(sy.phones) == 0 {
		return false
	}
	for p := range sx.phones {
		for q := range sy.phones {
			// A number one digit from the other's is its owner's slip (see the prior's
			// phone levels), not a second phone: 张昊 at 13253408105 and 张浩 at
			// 13254308105 are one buyer typing both.
			if p == q || compare.OneEdit(p, q) {
				return false
			}
		}
	}
	for _, a := range sx.han {
		for _, b := range sy.han {
			if compare.NameLevel(a, b).Kind == compare.Exact {
				return false
			}
		}
	}
	return true
}

// twoPeople reports whether two parties hold two people by what the batch knows of
// them: Han writings and phones that disagree (writingsApart), or mailboxes and phones
// that do (contactsApart); both count the mention prof, being filed as x, on x's side
// (PartyProfile{} where x is a candidate): 魏志偉 with his own phone, scored into his
// brother 魏志瑋's party through its Zhiwei Wei, is the brother, not one of its
// writings; or generations of one name stated on one side and not the other under
// other mailboxes (generationsApart), or given names each member spells its own way in
// its own mailbox (givensSpeltApart), or one member in his mailbox and another
// otherwise (clustersSpelledOtherwise). (Names that contradict are not enough here:
// a strong description match into each says the names were one person's typos as
// often, and FEBRL's mangled Latin names lost links to that rule.)
func (pb *partyBook) twoPeople(x, y string, prof PartyProfile) bool {
	return pb.writingsApart(x, y, prof) || pb.contactsApart(x, y, prof) || pb.generationsApart(x, y, prof) ||
		pb.givensSpeltApart(x, y, prof) || pb.clustersSpelledOtherwise(x, y)
}

// homesApart reports whether the party whose surviving id is self holds a home (not a
// parcel point) that some member of root's party lives in another flat from, in one
// compound or at one road number (clusterOtherHome).
func (pb *partyBook) homesApart(self, root string) bool {
	var homes []PartyProfile
	for _, p := range pb.memberProfiles(self) {
		if !p.Company && hasParts(p.Place) && compare.ParcelPoint(p.Place.Detail) == "" {
			homes = append(homes, p)
		}
	}
	for _, h := range homes {
		if pb.clusterOtherHome(root, h) {
			return true
		}
	}
	return false
}

// clusterOtherHome reports whether some member of the party whose surviving id is root
// lives in another flat of the compound (or the road's number) the mention names:
// their details name two homes where their compound, or their road and number, agree.
func (pb *partyBook) clusterOtherHome(root string, prof PartyProfile) bool {
	if prof.Company || !hasParts(prof.Place) {
		return false
	}
	for _, p := range pb.memberProfiles(root) {
		if p.Company || !hasParts(p.Place) {
			continue
		}
		c := pb.compare(prof, p)
		if c[fieldDetail].Kind != compare.OtherHome {
			continue
		}
		ca, cb := compoundOf(prof.Place.Detail), compoundOf(p.Place.Detail)
		sameCompound := utf8.RuneCountInString(ca) >= 2 && ca == cb
		if sameCompound || c[fieldStreet].Kind == compare.Exact && c[fieldNumber].Kind == compare.Exact {
			return true
		}
	}
	return false
}
