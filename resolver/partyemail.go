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
	case la == lb && !compare.OneEdit(da, db) && (localIsName(la, a) || localIsName(la, b)):
		c[fieldEmail] = compare.Level{Kind: compare.Null,
			Why: "email: the local part " + la + " at two providers is the name alone"}
	}
}

// stripPunct drops the dots, underscores and hyphens of a mailbox's local part.
func stripPunct(local string) string {
	return strings.NewReplacer(".", "", "_", "", "-", "").Replace(local)
}

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
	return letters == fwd || letters == rev || letters == back || letters == initial+last || letters == last+initial
}

// familyMailboxes makes two mailboxes that differ say nothing where one of them is a
// family's (familyMailbox): thehowards@ beside ethan.howard49@ is the household's
// mailbox beside Ethan's own, which he uses as his wife does, not another person's.
// Evidence against one person is a mailbox that is someone's own.
func familyMailboxes(c *Comparison, a, b PartyProfile) {
	if c[fieldEmail].Kind != compare.Different || !familyMailbox(a) && !familyMailbox(b) {
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
	local, _, ok := strings.Cut(p.Email, "@")
	if !ok || p.Company || compare.IsMasked(p.Email) {
		return false
	}
	family := p.Family
	if family == "" {
		if w := strings.Fields(p.FullName); len(w) > 1 {
			family = w[len(w)-1]
		}
	}
	fam := strings.Join(normalize.PersonNameWords(family), "")
	if len(fam) < 2 {
		return false
	}
	letters := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, strings.ToLower(local))
	for _, suf := range familySuffixes {
		if letters == "the"+fam+suf || len(suf) > 2 && letters == fam+suf {
			return true
		}
	}
	return false
}
