package resolver

import (
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// mailboxesApart weighs what two e-mail addresses that are not one mailbox say. Local
// parts that differ only in a dot, an underscore or a hyphen at one provider
// (michael.johnson@ and michael_johnson@, shichang_guo@ and shichang.guo@hotmail.com)
// are two mailboxes (Gmail's dots are folded before this): namesakes pick their name
// with the punctuation left free, so it is another person's mailbox, not a slip. One
// local part at two providers (amit.kumar@rediffmail.com and amit.kumar@outlook.com)
// says no more than the name where it is nothing but the name: every Amit Kumar may hold
// it somewhere. A provider typed one letter off (gmial.com) is still the same mailbox's.
// The name with another single digit at one provider (anna.nowak1@ and anna.nowak5@o2.pl)
// is two namesakes' mailboxes, the provider having made each take a number.
func mailboxesApart(c *Comparison, a, b PartyProfile) {
	l := c[fieldEmail]
	if l.Kind != compare.Typo && l.Kind != compare.Partial {
		return
	}
	la, da, okA := strings.Cut(a.Email, "@")
	lb, db, okB := strings.Cut(b.Email, "@")
	if !okA || !okB {
		return
	}
	switch {
	case da == db && la != lb && stripPunct(la) == stripPunct(lb):
		c[fieldEmail] = compare.Level{Kind: compare.Different,
			Why: "email: " + a.Email + " against " + b.Email + ": two mailboxes at one provider, the punctuation apart"}
	case da == db && la != lb && len(stripDigits(la)) == len(la)-1 && len(stripDigits(lb)) == len(lb)-1 &&
		stripDigits(la) == stripDigits(lb) && (localIsName(stripDigits(la), a) || localIsName(stripDigits(la), b)):
		// anna.nowak1@o2.pl and anna.nowak5@o2.pl: the name taken, a provider's
		// namesakes number theirs with one digit. (A year one digit off,
		// janice.thornton62@ and 63@, is a slip as often.)
		c[fieldEmail] = compare.Level{Kind: compare.Different,
			Why: "email: " + a.Email + " against " + b.Email + ": two mailboxes of the name at one provider, numbered apart"}
	case la == lb && !compare.OneEdit(da, db) && (localIsName(la, a) || localIsName(la, b)):
		c[fieldEmail] = compare.Level{Kind: compare.Null,
			Why: "email: the local part " + la + " at two providers is the name alone"}
	}
}

// mailboxProviderSlip reads one local part at two providers a slip or two apart
// (a.cross58@browning-nguyen.com and a.cross58@browning-nguyeyn.com, lily82@gmial.com,
// e.richards16@finley.ifo) as the one mailbox it is, its provider mistyped at checkout:
// nobody else holds a.cross58 at a provider whose name differs from the owner's by a
// struck key. Weighed as another mailbox's likeness it had counted a quarter of the
// mailbox itself. The provider's name may be a slip with its ending kept (one edit, two
// in a name of eight letters or more), or its ending a slip with the name kept. Not where
// the local part is nothing but the owner's name (anna.nowak@wp.pl and @op.pl, two real
// providers a letter apart: every Anna Nowak may hold one), and not for a local part
// under four characters or a masked address.
func mailboxProviderSlip(c *Comparison, a, b PartyProfile) {
	if k := c[fieldEmail].Kind; k != compare.Partial && k != compare.Typo && k != compare.Different {
		// Different: srinivas.gill59@gmail.co against srinivasgill59@gmail.com, whose
		// dots normalize.Email folded on the side it knew as Google's.
		return
	}
	if providerSlip(a, b) {
		c[fieldEmail] = compare.Level{Kind: compare.Exact, Why: "email: " + a.Email + " ~ " + b.Email + ": one mailbox, its provider mistyped"}
	}
}

// providerSlip reports whether the mailboxes of two profiles are one, its provider
// mistyped in one of them (mailboxProviderSlip).
func providerSlip(a, b PartyProfile) bool {
	if compare.IsMasked(a.Email) || compare.IsMasked(b.Email) {
		return false
	}
	la, da, okA := strings.Cut(a.Email, "@")
	lb, db, okB := strings.Cut(b.Email, "@")
	if da == "gmail.com" || db == "gmail.com" {
		// normalize.Email folds the dots of Google's mailboxes, but could not know
		// gmail.co for Google's: srinivas.gill59@gmail.co is srinivasgill59@gmail.com.
		la, lb = strings.ReplaceAll(la, ".", ""), strings.ReplaceAll(lb, ".", "")
	}
	if !okA || !okB || la != lb || da == db || len(la) < 4 || localIsName(la, a) || localIsName(la, b) {
		return false
	}
	na, ta, _ := strings.Cut(da, ".")
	nb, tb, _ := strings.Cut(db, ".")
	switch {
	case na == nb:
		return ta != "" && tb != "" && compare.DamerauLevenshtein(ta, tb) <= 2 && len(na) >= 3
	case ta == tb:
		d := compare.DamerauLevenshtein(na, nb)
		return d <= 1 && min(len(na), len(nb)) >= 3 || d <= 2 && min(len(na), len(nb)) >= 8
	}
	return false
}

// mailboxSlipsBesideBirthday reads two mailboxes two slips apart (maiie.walsoh@ and
// maisie.walsh@hodge.com, l.gordon34cfren@h.com and l.gordon34@french.com) as one
// mailbox typed with slips (Typo, weak evidence), where the dates of birth are the same
// day and the names do not contradict: fake_1000's copies of one person. One slip is a
// namesake's mailbox as often (anna.smit1@, anna.smit2@), two more so, and alone they
// weighed as another mailbox; what makes them one person's here is the birthday, which
// namesakes of one shop do not share, beside a name that agrees. Not where the two
// differ only in punctuation or in a digit of the name at one provider (mailboxesApart
// read those as namesakes' on purpose), nor for addresses under twelve characters,
// whose two slips leave little of them.
func mailboxSlipsBesideBirthday(c *Comparison, a, b PartyProfile) {
	if c[fieldEmail].Kind != compare.Different || c[fieldBirth].Kind != compare.Exact {
		return
	}
	if compare.EmailLevel(a.Email, b.Email).Kind != compare.Different || compare.IsMasked(a.Email) || compare.IsMasked(b.Email) {
		return // mailboxesApart's namesakes, or a mask
	}
	ea, eb := a.Email, b.Email
	if len(ea) < 12 || len(eb) < 12 || compare.DamerauLevenshtein(ea, eb) > 2 {
		return
	}
	la, _, _ := strings.Cut(ea, "@")
	lb, _, _ := strings.Cut(eb, "@")
	if la != lb && stripPunct(la) == stripPunct(lb) {
		return // e.e@ and ee@: the punctuation apart is another mailbox at one provider
	}
	if namesContradict(nameOf(a), nameOf(b)) || familyMailbox(a) || familyMailbox(b) {
		return
	}
	c[fieldEmail] = compare.Level{Kind: compare.Typo, Why: "email: " + ea + " ~ " + eb + ": two slips apart, beside the same date of birth"}
}

// stripDigits drops the digits of a mailbox's local part.
func stripDigits(local string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, local)
}

// stripPunct drops the dots, underscores and hyphens of a mailbox's local part.
func stripPunct(local string) string { return mailboxPunct.Replace(local) }

// mailboxPunct is stripPunct's Replacer, built once (a Replacer builds its tables on
// its first Replace).
var mailboxPunct = strings.NewReplacer(".", "", "_", "", "-", "")

// localIsName reports whether a mailbox's local part is its owner's name and nothing
// else (amit.kumar, kumaramit, amit_kumar), or its given name's initial with the
// family name (jsmith, j.smith, smithj): no digit or other word that sets it apart
// from a namesake's, and every Jack, James and Julie Smith may hold jsmith@ at some
// provider.
func localIsName(local string, p PartyProfile) bool {
	letters := stripPunct(local)
	if letters == "" {
		return false
	}
	words := normalize.PersonNameWords(nameOf(p).Full)
	if p.Given != "" && p.Family != "" {
		words = append(normalize.PersonNameWords(p.Given), normalize.PersonNameWords(p.Family)...)
	}
	if len(words) < 2 {
		return false
	}
	fwd := strings.Join(words, "")
	rev := strings.Join(words[1:], "") + words[0]
	last := words[len(words)-1]
	back := last + strings.Join(words[:len(words)-1], "")
	initial := words[0][:1]
	if r, _ := utf8.DecodeRuneInString(words[0]); r >= utf8.RuneSelf {
		initial = string(r)
	}
	if letters == fwd || letters == rev || letters == back || letters == initial+last || letters == last+initial {
		return true
	}
	if namePrefix(letters, words) || formalNameOfPet(letters, words) {
		return true
	}
	// José García López as jgarcia or josegarcia: the first of two family names, as
	// Spanish and Portuguese speakers are called day to day, with the given name or
	// its initial.
	if p.Given == "" || p.Family == "" {
		return false
	}
	for _, f := range normalize.PersonNameWords(p.Family) {
		if len(f) < 2 {
			continue
		}
		for _, g := range []string{words[0], initial} {
			if letters == g+f || letters == f+g {
				return true
			}
		}
	}
	return false
}

// formalNameOfPet reports whether letters are one of the name's words (the family
// name) with, before or after it, the formal given name of a pet name among the
// others: martinnicolas@ and nicolas.martin@ of Nico Martin. People shorten their
// given name at a checkout but keep the formal one in the handle they chose years ago,
// so the handle is the name and nothing else, and every Nicolas Martin may hold it at
// some provider (eu-2921: Nico Martin of Nantes, martinnicolas@orange.fr, and Nicolas
// Martin of Paris, martinnicolas@sfr.fr, were one person on the handle).
func formalNameOfPet(letters string, words []string) bool {
	for i, family := range words {
		if len(family) < 2 {
			continue
		}
		for _, rest := range []string{strings.TrimPrefix(letters, family), strings.TrimSuffix(letters, family)} {
			if len(rest) < 3 || len(rest) == len(letters) {
				continue
			}
			for j, g := range words {
				if j != i && compare.Nicknames(rest, g) {
					return true
				}
			}
		}
	}
	return false
}

// namePrefix reports whether letters are the name's words run together in their order,
// each whole or by its initial, some left out, with a family name's particle (da, de,
// van) where the name on the order leaves it out: maria, mariada and mda of Maria da
// Silva Santos, or of Maria Santos, who is one; josegarcia and jgl of José García López.
// The name as far as its owner cared to write it, which a namesake's mailbox may be as
// well. (The whole name and the given name's initial with the last word are
// localIsName's own.)
func namePrefix(letters string, words []string) bool {
	var run func(rest string, i, pieces, own int, whole bool) bool
	run = func(rest string, i, pieces, own int, whole bool) bool {
		if rest == "" {
			return own > 0 && (pieces >= 2 || whole)
		}
		for _, p := range nameParticles {
			if strings.HasPrefix(rest, p) && run(rest[len(p):], i, pieces+1, own, whole) {
				return true
			}
		}
		if i == len(words) {
			return false
		}
		w := words[i]
		if strings.HasPrefix(rest, w) && run(rest[len(w):], i+1, pieces+1, own+1, whole || len(w) >= 3) {
			return true
		}
		r, n := utf8.DecodeRuneInString(w)
		if strings.HasPrefix(rest, string(r)) && run(rest[n:], i+1, pieces+1, own+1, whole) {
			return true
		}
		return run(rest, i+1, pieces, own, whole)
	}
	return run(letters, 0, 0, 0, false)
}

// nameParticles are the particles of Portuguese, Spanish, Italian, Dutch and German
// family names, which a mailbox may spell where the order's name leaves them out.
var nameParticles = []string{"da", "de", "do", "dos", "das", "di", "del", "van", "von", "der", "den"}

// familyMailboxes makes two mailboxes that differ say nothing where one of them is a
// family's (familyMailbox): thehowards@ beside ethan.howard49@ is the household's
// mailbox beside Ethan's own, which he uses as his wife does, not another person's.
// Evidence against one person is a mailbox that is someone's own. Not where each side
// gives a mobile by its country's plan and the two differ (Patrick Moore from
// moorefamily@ with his mobile, Patrick Moore from moore.patrick@ with another, at one
// home): a mobile is one person's, so the other side's mailbox is that other person's
// own, and the pair is a father and son of one name (ownContactsApart), not one man who
// used the household's mailbox once.
func familyMailboxes(c *Comparison, a, b PartyProfile) {
	if c[fieldEmail].Kind != compare.Different || !familyMailbox(a) && !familyMailbox(b) {
		return
	}
	if a.Phone != b.Phone && compare.MobileLine(a.Phone) && compare.MobileLine(b.Phone) {
		return
	}
	c[fieldEmail] = compare.Level{Kind: compare.Null, Why: "email: " + a.Email + " against " + b.Email + ": a family's mailbox beside a person's"}
}

// familySuffixes are what follows a family name in a family's mailbox: the Smiths,
// the Smith family, the Smith home.
var familySuffixes = []string{"", "s", "es", "family", "fam", "home", "household", "house", "clan"}

// familyMailbox reports whether a profile's mailbox names its family rather than a
// person: the family name, without a given name, with "the" before it or a family's
// word after it (thesmiths@, theandersonhome@, mendozafamily@, thehoward16@): one a
// couple and their children share, so its owner is the household, not one of them. A
// family name with digits alone (howard16@) is a person's as often, and so is one
// with an s after it (riveras42@: Rivera and the initial of Stephen).
func familyMailbox(p PartyProfile) bool {
	letters, fam := localLetters(p.Email), familyLetters(p)
	if p.Company || letters == "" || len(fam) < 2 {
		return false
	}
	for _, suf := range familySuffixes {
		if letters == "the"+fam+suf || len(suf) > 2 && letters == fam+suf {
			return true
		}
	}
	for _, w := range familyWords {
		// The family word beside any name: the household's mailbox may spell the
		// husband's family name (lopes.familia@ of Sara da Costa, cavalcanti.familia@)
		// or a particle (vanfamilie2000@), not the buyer's own.
		if len(w) > len("fam") && len(letters) > len(w) && (strings.HasPrefix(letters, w) || strings.HasSuffix(letters, w)) {
			return true
		}
	}
	return false
}

// familyWords are the words for a family that continental European and Vietnamese
// households put before or after a family name in the mailbox they share
// (familie.maillot@, famillemartin@, familiagarcia@, famiglia.rossi@, rodzinanowak@,
// giadinhnguyen@), as English ones write thesmiths@ or smithfamily@. "fam" counts only
// beside the buyer's own family name (see familySuffixes).
var familyWords = []string{"familie", "famille", "familia", "famiglia", "rodzina", "giadinh", "family"}

// initialSpelledByMailbox compares the given name a mailbox spells in full with the
// other side's where one side gives only its initial: L. Mohan ordering from
// loganmohan99@ is Logan, and Liam Mohan of the same flat is his twin, not L.; an
// initial agrees with any name it begins. Only a mailbox that is the family name with
// a word of three letters or more before or after it, starting with the initial.
func initialSpelledByMailbox(c *Comparison, a, b PartyProfile) {
	f := fieldGiven
	if c[f].Kind != compare.Initials {
		if f = fieldName; c[f].Kind != compare.Initials {
			return
		}
	}
	for _, p := range [][2]PartyProfile{{a, b}, {b, a}} {
		initial, other := givenWords(p[0]), givenWords(p[1])
		if len(initial) == 0 || len(other) == 0 || len(initial[0]) != 1 || len(other[0]) < 2 {
			continue
		}
		spelled := mailboxGiven(p[0])
		if len(spelled) < 3 || spelled[:1] != initial[0] {
			continue
		}
		if l := compare.NamePartLevel("given", spelled, other[0]); l.Kind == compare.Different {
			c[f] = compare.Level{Kind: compare.Different, Why: fieldNames[f] + ": " + initial[0] + " of " + p[0].Email + " is " + spelled + ", not " + other[0]}
			return
		}
	}
}

// givenWords are the words of a person profile's given name, folded: its given field,
// or the words of its whole name before the last.
func givenWords(p PartyProfile) []string {
	if p.Given != "" && p.Family != "" {
		return normalize.PersonNameWords(p.Given)
	}
	w := normalize.PersonNameWords(p.FullName)
	if len(w) < 2 {
		return nil
	}
	return w[:len(w)-1]
}

// mailboxGiven is the word a mailbox's local part holds beside the family name
// (logan of loganmohan99@ and of mohan.logan@), "" where the local part does not start
// or end with the family name.
func mailboxGiven(p PartyProfile) string {
	letters, fam := localLetters(p.Email), familyLetters(p)
	if len(fam) < 2 || len(letters) <= len(fam) {
		return ""
	}
	if rest, ok := strings.CutPrefix(letters, fam); ok {
		return rest
	}
	if rest, ok := strings.CutSuffix(letters, fam); ok {
		return rest
	}
	return ""
}

// mailboxesOfTwoGivens reports whether each of two person profiles comes from a mailbox
// that begins with the first given name of its own order, and the two names are two:
// mary.cook@ under Mary Cook and martha.cook@ under Martha May Cook, twins at one flat
// with one landline. A name agreeing only in part (Mary against May, Martha's middle
// name) or by sound says less than two mailboxes each spelling its owner's name. Names
// of three letters or more, neither the same nor a nickname, a slip or an initial of
// the other; not for Chinese names, whose mailboxes follow rules of their own.
func mailboxesOfTwoGivens(a, b PartyProfile) bool {
	if a.Company || b.Company || a.Email == "" || b.Email == "" || a.Email == b.Email {
		return false
	}
	ga, gb := firstGiven(a), firstGiven(b)
	if len(ga) < 3 || len(gb) < 3 || ga == gb {
		return false
	}
	if !strings.HasPrefix(localLetters(a.Email), ga) || !strings.HasPrefix(localLetters(b.Email), gb) {
		return false
	}
	switch compare.NamePartLevel("given", ga, gb).Kind {
	case compare.Exact, compare.Nickname, compare.Typo, compare.Initials:
		return false
	}
	return !compare.ReadsChinese(nameOf(a)) && !compare.ReadsChinese(nameOf(b))
}

// firstGiven is the first word of a person profile's given name (of its whole name where
// the source gave none apart), folded to the letters a to z; "" where there is none.
func firstGiven(p PartyProfile) string {
	words := normalize.PersonNameWords(p.Given)
	if strings.TrimSpace(p.Given) == "" {
		if w := normalize.PersonNameWords(p.FullName); len(w) > 1 {
			words = w
		}
	}
	if len(words) == 0 {
		return ""
	}
	return lettersAZ(words[0])
}

// localLetters is the letters a to z of a mailbox's local part, lower-cased, without a
// tag after + (thehowards+teashop@, a filing the mailbox's owner made for one shop):
// "" for a masked or malformed address.
func localLetters(email string) string {
	local, _, ok := strings.Cut(email, "@")
	if !ok || compare.IsMasked(email) {
		return ""
	}
	local, _, _ = strings.Cut(local, "+")
	return lettersAZ(strings.ToLower(local))
}

// lettersAZ keeps the letters a to z of s and drops everything else.
func lettersAZ(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

// familyLetters is a person profile's family name run together and folded: its family
// field, or the last word of its whole name.
func familyLetters(p PartyProfile) string {
	family := p.Family
	if family == "" {
		if w := strings.Fields(p.FullName); len(w) > 1 {
			family = w[len(w)-1]
		}
	}
	return strings.Join(normalize.PersonNameWords(family), "")
}
