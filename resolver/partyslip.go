package resolver

import (
	"strings"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// slipOnOneMailbox reports whether two Latin names that compare as two people's, carried
// on one mailbox, are its owner's name typed with slips, part by part (the given name
// against the given, the family against the family, or crosswise where one side's fields
// were typed swapped: Violet / alCr against Clark / Violet):
//   - a part that only one side gives says nothing: Sebastian against Mitchell on
//     s.mitchell39@, or Jaes against Cox on j.c@, name no second person, as a family
//     name alone does not;
//   - family names of the same letters but two, order aside (Pcire and Price, Cooe and
//     eoookC), are one: a household shares its family name, and a wife's other one is
//     her married or maiden name (compare.OneGivenNameTwoFamilies), so it is the given
//     names that tell its members apart;
//   - a given name written with its capital shuffled inside it (oeL for Leo, lEls for
//     Ellis: compare.ShuffledCase), of the other's letters but two, is that name: no
//     one writes their name so;
//   - a given name of the letters but two of the one the mailbox spells in full (Ezia
//     and Cahlrae on elizataylor@ and charlieh@, beside Eliza and Charlie) is that
//     name, unless it is a name people are called (Noel on leon.smith@ beside Leon is
//     his brother: compare.GivenNameOfSomeone) or the other's with letters after it
//     (Ellison beside Ellis).
//
// Two given names of two sexes, or two generations, stay two people whatever their
// letters.
func slipOnOneMailbox(a, b compare.Name, email string) bool {
	if compare.HasHan(a.Full+a.Given+a.Family+b.Full+b.Given+b.Family) || compare.EnglishSexesApart(a, b) {
		return false
	}
	if compare.Generation(a) != compare.Generation(b) {
		return false
	}
	if a.Given == "" && a.Family == "" || b.Given == "" && b.Family == "" {
		return false // a name in one string: which word is which is not known
	}
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	mailbox := letterRun(local)
	swapped := compare.Name{Full: b.Full, Given: b.Family, Family: b.Given}
	return partsSlipped(a, b, mailbox) || partsSlipped(a, swapped, mailbox)
}

// partsSlipped reports whether each part both names give agrees, or is a slip of the
// other's (see slipOnOneMailbox).
func partsSlipped(a, b compare.Name, mailbox string) bool {
	for _, p := range []struct {
		field, x, y string
	}{{"given", a.Given, b.Given}, {"family", a.Family, b.Family}} {
		if strings.TrimSpace(p.x) == "" || strings.TrimSpace(p.y) == "" {
			continue
		}
		if compare.NamePartLevel(p.field, p.x, p.y).Kind.Agrees() {
			continue
		}
		wx, wy := oneWord(p.x), oneWord(p.y)
		if len(wx) < 3 || len(wy) < 3 {
			return false
		}
		near := compare.LetterDifference(wx, wy) <= 2
		switch {
		case p.field == "family" && near && len(wx) >= 4 && len(wy) >= 4:
		case p.field == "family" && compare.ScrambledName(p.x, p.y):
		case near && (compare.ShuffledCase(p.x) || compare.ShuffledCase(p.y)):
		case p.field == "given" && (spelledSlip(wx, wy, mailbox) || spelledSlip(wy, wx, mailbox)):
		default:
			return false
		}
	}
	return true
}

// spelledSlip reports whether given name x is a slip of given name y that the mailbox
// spells in full (see slipOnOneMailbox): no name people are called, two letters at most
// from y's, order aside, and neither the beginning of the other.
func spelledSlip(x, y, mailbox string) bool {
	if len(y) < 4 || !strings.Contains(mailbox, y) || compare.GivenNameOfSomeone(x) {
		return false
	}
	if strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
		return false
	}
	return compare.LetterDifference(x, y) <= 2
}

// oneWord is a one-word name part folded to lower-case letters
// (normalize.PersonNameWords), or "" for a part of several words or none.
func oneWord(s string) string {
	ws := normalize.PersonNameWords(s)
	if len(ws) != 1 {
		return ""
	}
	return ws[0]
}

// letterRun is s's ASCII letters run together: charlieh of charlieh@, lsmith of
// l.smith73@.
func letterRun(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// clusterContradictsOnMailbox is clusterContradicts for a mention on a mailbox that
// names the party: a member's name of which the mention's is a slip on that mailbox
// (slipOnOneMailbox) contradicts nothing.
func (pb *partyBook) clusterContradictsOnMailbox(root string, n compare.Name, email string) bool {
	if n == (compare.Name{}) {
		return false
	}
	for _, m := range pb.clusterNames(root) {
		if clusterContradict(n, m) && !slipOnOneMailbox(n, m, email) {
			return true
		}
	}
	return false
}

// scrambledBesideBirthday reads a given or a family name typed with its letters out of
// order (Jayaned for Jayden, Hguehes for Hughes: compare.ScrambledName; or its capital
// struck inside it, oiVlet for Violet: compare.ShuffledCase, two letters apart at most)
// as that name's slip, where the other part of the names agrees and the dates of birth
// are the same day: keys struck out of order make such words, which edit distance calls
// another name, and the pair stayed apart as two given names of one family, or twins. It
// holds only where the scrambled word is no name people are called
// (compare.GivenNameOfSomeone: Noel and Leon, Mary and Myra, are two people), where the
// names are not of two sexes or generations, and not for Han names. On one mailbox
// slipOnOneMailbox reads such names without the birthday.
func scrambledBesideBirthday(c *Comparison, a, b PartyProfile) {
	if c[fieldBirth].Kind != compare.Exact || compare.HasHan(a.FullName+a.Given+a.Family+b.FullName+b.Given+b.Family) {
		return
	}
	if compare.EnglishSexesApart(nameOf(a), nameOf(b)) || compare.Generation(nameOf(a)) != compare.Generation(nameOf(b)) {
		return
	}
	slip := func(x, y string) bool {
		wx, wy := oneWord(x), oneWord(y)
		if len(wx) < 3 || len(wy) < 3 || compare.GivenNameOfSomeone(wx) && compare.GivenNameOfSomeone(wy) {
			return false
		}
		return compare.ScrambledName(x, y) ||
			compare.LetterDifference(wx, wy) <= 2 && (compare.ShuffledCase(x) || compare.ShuffledCase(y))
	}
	for _, p := range []struct{ field, other int }{{fieldGiven, fieldFamily}, {fieldFamily, fieldGiven}} {
		if c[p.field].Kind != compare.Different || !wholePart(c[p.other].Kind) {
			continue
		}
		x, y := a.Given, b.Given
		if p.field == fieldFamily {
			x, y = a.Family, b.Family
		}
		if slip(x, y) {
			c[p.field] = compare.Level{Kind: compare.Typo, Why: fieldNames[p.field] + ": " + x + " ~ " + y + ": the letters out of order, beside the same date of birth"}
		}
	}
}
