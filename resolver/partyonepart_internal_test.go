package resolver

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

func townsfolk(given, family, dob, town string) PartyProfile {
	return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family,
		Name: given + " " + family, BirthDate: dob, Country: "GB", Address: town, Place: &ontology.AddressPart{Locality: town}})
}

// TestOnePartAgainstParts: a name given in one field only compares by that part, in its
// own field or crosswise; a part that agrees with neither, and Han names, are left to
// the whole names.
func TestOnePartAgainstParts(t *testing.T) {
	for _, c := range []struct {
		a, b          PartyProfile
		given, family compare.Kind
		ok            bool
	}{
		{townsfolk("", "Green", "", ""), townsfolk("Thoas", "Green", "", ""), compare.Null, compare.Exact, true},
		{townsfolk("Thoas", "Green", "", ""), townsfolk("", "Green", "", ""), compare.Null, compare.Exact, true},
		{townsfolk("Isla", "", "", ""), townsfolk("Isla", "Price", "", ""), compare.Exact, compare.Null, true},
		{townsfolk("", "Alfie", "", ""), townsfolk("Alfie", "Kelly", "", ""), compare.Exact, compare.Null, true}, // typed in the other field
		{townsfolk("", "Brown", "", ""), townsfolk("Thomas", "Green", "", ""), 0, 0, false},
		{townsfolk("", "Green", "", ""), townsfolk("", "Green", "", ""), 0, 0, false}, // neither in both parts
		{townsfolk("", "王", "", ""), townsfolk("伟", "王", "", ""), 0, 0, false},
	} {
		g, f, ok := onePartAgainstParts(c.a, c.b)
		if ok != c.ok || ok && (g.Kind != c.given || f.Kind != c.family) {
			t.Errorf("%q/%q against %q/%q: given %v family %v ok %v, want %v %v %v", c.a.Given, c.a.Family, c.b.Given, c.b.Family,
				g.Kind, f.Kind, ok, c.given, c.family, c.ok)
		}
	}
	// A link on the one part rests on part of a name: it holds only as the mention's
	// one such match (restsOnPart), under a model where the rest falls short of Accept.
	pm := DefaultPartyModel()
	a, b := townsfolk("", "Green", "1974-10-05", ""), townsfolk("Thoas", "Green", "1974-10-05", "")
	if c := CompareParties(a, b); !pm.restsOnPart(c, a, b, nil) {
		t.Errorf("Green against Thoas Green rests on more than part of the name: %s", pm.Explain(c, a, nil))
	}
}

// TestOnePartMeets: a family name alone does not contradict its holder's full name,
// even with a slip (Pricce beside Isla Pcire, fake_1000), nor does a given name alone
// contradict a family name alone; another part does.
func TestOnePartMeets(t *testing.T) {
	n := func(g, f string) compare.Name {
		return compare.Name{Full: strings.TrimSpace(g + " " + f), Given: g, Family: f}
	}
	for _, c := range []struct {
		a, b        compare.Name
		contradicts bool
	}{
		{n("", "Pricce"), n("Isla", "Pcire"), false},
		{n("", "Green"), n("Thomas", "Green"), false},
		{n("Isla", ""), n("Isla", "Price"), false},
		{n("William", ""), n("", "Nicholon"), false},
		{n("", "Alfie"), n("Alfie", "Kelly"), false}, // fields swapped
		{n("", "sWt"), n("Arlo", "West"), false},     // its letters shuffled
		{n("Noel", ""), n("Leon", "Smith"), true},    // two names, though of one set of letters
		{n("", "Brown"), n("Thomas", "Green"), true},
		{n("Anna", ""), n("Mary", "Smith"), true},
		{n("Anna", ""), n("Mary", ""), true},
		{n("", "Stephens"), n("Stephanie", "Rivera"), true}, // a family name that is no part of hers
	} {
		if got := namesContradict(c.a, c.b); got != c.contradicts {
			t.Errorf("namesContradict(%+v, %+v) = %v, want %v", c.a, c.b, got, c.contradicts)
		}
		if got := namesContradict(c.b, c.a); got != c.contradicts {
			t.Errorf("namesContradict(%+v, %+v) = %v, want %v", c.b, c.a, got, c.contradicts)
		}
	}
}
