package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestSlipOnOneMailbox: on one mailbox, a name typed with its letters out of order, or in
// parts that do not meet, is its owner's; a brother's or a sister's name, a son's of
// another generation, stays another person's (Splink's fake_1000, even clusters: Ezia
// Taylor on elizataylor@, oeL Bradley on leo.bradley54@, Sebastian and Mitchell on
// s.mitchell39@).
func TestSlipOnOneMailbox(t *testing.T) {
	parts := func(g, f string) compare.Name {
		full := g
		if g != "" && f != "" {
			full += " "
		}
		return compare.Name{Full: full + f, Given: g, Family: f}
	}
	for _, c := range []struct {
		a, b  compare.Name
		email string
		want  bool
	}{
		{parts("Ezia", "Taylor"), parts("Eliza", "Taylor"), "elizataylor@marshall.com", true},
		{parts("Cahlrae", "Hall"), parts("Charlie", "Hall"), "charlieh@sandoval-sanders.info", true},
		{parts("oeL", "Bradley"), parts("Leo", "Bradley"), "leo.bradley54@green.net", true},
		{parts("lEls", "varHery"), parts("Ellis", "Harvey"), "ellis.h@morris-davis.net", true},
		{parts("Violet", "alCr"), parts("Clark", "Violet"), "v.clark@campbell.com", true}, // fields swapped
		{parts("Sebastian", ""), parts("", "Mitchell"), "s.mitchell39@green.org", true},
		{parts("", "aDvs"), parts("Lottie", "Davis"), "lottie.d7@morgan-pierce.com", true},
		{parts("Isla", "Pcire"), parts("Isal", "Price"), "iprice@carr.com", true},

		// A brother: Noel is a name, however its letters spell Leon's.
		{parts("Noel", "Smith"), parts("Leon", "Smith"), "leon.smith@example.com", false},
		// Ezia on a mailbox that spells no given name: nothing says it is Eliza's.
		{parts("Ezia", "Taylor"), parts("Eliza", "Taylor"), "taylors.home@example.com", false},
		// A sister with a name of her own on her brother's mailbox.
		{parts("Chloe", "Hall"), parts("Charlie", "Hall"), "charlieh@example.com", false},
		// Twins with one birthday on the family's mailbox: Mia and Max, and Myra
		// beside Mary, whose letters are hers.
		{parts("Mia", "Hall"), parts("Max", "Hall"), "mhall@example.com", false},
		{parts("Myra", "Hall"), parts("Mary", "Hall"), "maryhall@example.com", false},
		// A name and its feminine form, a brother and a sister.
		{parts("Paula", "Smith"), parts("Paul", "Smith"), "paul.smith@example.com", false},
		// A father and his son of one name.
		{parts("John", "Smith Jr."), parts("John", "Smith Sr."), "jsmith@example.com", false},
		// Another given name under a slip of the family's.
		{parts("Anna", "Smyth"), parts("Mary", "Smith"), "mary.smith@example.com", false},
		// A name in one string: its parts are not known.
		{compare.Name{Full: "Noel Smith"}, parts("Leon", "Smith"), "leon.smith@example.com", false},
		// Han names are left to their own rules.
		{parts("丽", "王"), parts("", "王"), "wangli@163.com", false},
	} {
		if got := slipOnOneMailbox(c.a, c.b, c.email); got != c.want {
			t.Errorf("slipOnOneMailbox(%+v, %+v, %s) = %v, want %v", c.a, c.b, c.email, got, c.want)
		}
		if got := slipOnOneMailbox(c.b, c.a, c.email); got != c.want {
			t.Errorf("slipOnOneMailbox(%+v, %+v, %s) = %v, want %v", c.b, c.a, c.email, got, c.want)
		}
	}
}

// TestScrambledBesideBirthday: a given or family name typed with its letters out of
// order beside the same date of birth, from no common mailbox, is the name (fake_1000:
// Jayaned and Jayden Bennett, Hguehes and Hughes, nleaEor and Eleanor); twins whose names
// spell each other's letters (Noel and Leon) and the same slip on another birthday stay
// two names.
func TestScrambledBesideBirthday(t *testing.T) {
	p := func(given, family, dob string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family,
			Name: given + " " + family, BirthDate: dob, Country: "GB", Address: "Swansea", Place: &ontology.AddressPart{Locality: "Swansea"}})
	}
	for _, c := range []struct {
		a, b        PartyProfile
		field       int
		want        compare.Kind
		decideApart bool
	}{
		{p("Jayaned", "Bennett", "2017-01-11"), p("Jayden", "Bennett", "2017-01-11"), fieldGiven, compare.Typo, false},
		{p("Oliver", "Hguehes", "1983-03-07"), p("Oliver", "Hughes", "1983-03-07"), fieldFamily, compare.Typo, false},
		{p("nleaEor", "Evans", "2008-08-27"), p("Eleanor", "Evans", "2008-08-27"), fieldGiven, compare.Typo, false},
		{p("Noel", "Smith", "2001-05-05"), p("Leon", "Smith", "2001-05-05"), fieldGiven, compare.Different, true},
		{p("Jayaned", "Bennett", "2017-01-11"), p("Jayden", "Bennett", "2007-11-01"), fieldGiven, compare.Different, true},
	} {
		x := CompareParties(c.a, c.b)
		if got := x[c.field].Kind; got != c.want {
			t.Errorf("%s against %s: %s %v (%s), want %v", c.a.FullName, c.b.FullName, fieldNames[c.field], got, x[c.field].Why, c.want)
		}
		pm := DefaultPartyModel()
		if v, s := pm.Decide(x, c.a, Frequency{}); (v != Same) != c.decideApart {
			t.Errorf("%s against %s: %v at %.1f; want apart %v", c.a.FullName, c.b.FullName, v, s, c.decideApart)
		}
	}
}
