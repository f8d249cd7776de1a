package resolver

import (
	"slices"
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

// A work mailbox is not a person's own. ownContactsApart reads another mailbox beside
// another phone at one address as two people (a father and his son of one name, each
// with his own mailbox and mobile). A mailbox at the domain of the company the order
// is billed to (Kevin McDonald from kevin@mcdonaldautorepair.com, billed to McDonald
// Auto Repair LLC, and from kevin83@gmail.com at the same flat) is the firm's: a person
// orders for the firm from the firm's mailbox and for himself from his own. It does not
// say the two are one: at one home (the street and its number agree) the two mailboxes
// simply stop counting against it, and the name and the address must still carry the
// pair. Elsewhere they are left as they are: a namesake across the town is not helped
// by a mailbox that stops counting.
//
// A home's fixed line against a mobile was tried the same way (Emily Collins from her
// mobile, and from the couple's mailbox and the house's line) and left out: a father
// and his son of one name at one house give the house's line and a mobile just so
// (review35 en dev seeds 1-3: six false pairs against four found).

// workMailboxBeside makes two mailboxes say nothing where exactly one side's is at the
// domain of the company its order is billed to. Both at one company's domain are two
// colleagues' mailboxes and stay Different.
func workMailboxBeside(c *Comparison, a, b PartyProfile) {
	if c[fieldEmail].Kind != compare.Different || !atOneHome(c) || workMailbox(a) == workMailbox(b) {
		return
	}
	c[fieldEmail] = compare.Level{Kind: compare.Null, Why: "email: one a mailbox at the domain of the company billed, beside the person's own"}
}

// workMailbox reports whether p's mailbox is at the domain of the company p's order is
// billed to: the domain's name (its first label: mcdonaldautorepair of
// mcdonaldautorepair.com, osuilleabhaincafe of osuilleabhaincafe.ie) is made of the
// words of the company's name (auto, mcdonald, repair; the legal form dropped by the
// company key), but for a letter or two (the o of Ó Súilleabháin). Words of fewer than
// three letters are not looked for, and at least six letters must be the company's:
// a short domain tells too little to say whose mailbox it is.
func workMailbox(p PartyProfile) bool {
	if p.Organization == "" || p.Email == "" || compare.IsMasked(p.Email) {
		return false
	}
	_, domain, ok := strings.Cut(p.Email, "@")
	if !ok {
		return false
	}
	label, _, _ := strings.Cut(domain, ".")
	rest := letterRun(label)
	words := strings.Fields(p.Organization)
	// Longest first, so that a short word does not take letters out of a longer one.
	slices.SortStableFunc(words, func(x, y string) int { return len(y) - len(x) })
	found := 0
	for _, w := range words {
		if w = letterRun(w); len(w) < 3 {
			continue
		}
		if i := strings.Index(rest, w); i >= 0 {
			rest = rest[:i] + rest[i+len(w):]
			found += len(w)
		}
	}
	return found >= 6 && len(rest) <= 2
}

// atOneHome reports whether a comparison finds the same street and house number.
func atOneHome(c *Comparison) bool {
	return c[fieldStreet].Kind.Agrees() && c[fieldNumber].Kind.Agrees()
}
