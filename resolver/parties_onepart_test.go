package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestFamilyNameAloneBesideTwinsInAnyOrder: an order gives the family name alone (the
// given-name field left empty), the twins' birthday and their town. Against a name in
// both parts it compares by the part it gives (onePartAgainstParts), which links it to
// one Green of that birthday; but it names neither twin more than the other, so in no
// arrival order or batching does it make Thomas and Anna Green one party.
func TestFamilyNameAloneBesideTwinsInAnyOrder(t *testing.T) {
	green := func(given, email string) ontology.PartyRef {
		name := "Green"
		if given != "" {
			name = given + " Green"
		}
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: "Green", Name: name,
			BirthDate: "1974-10-05", Email: email, Country: "GB", Address: "London", Place: &ontology.AddressPart{Locality: "London"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{green("Thomas", "thomas.green@clark.org"), green("Thomas", "")},
		{green("Anna", "anna.green@clark.org"), green("Anna", "")},
		{green("", "")},
	}, "0 0 | 1 1 | 2", "0 0 2 | 1 1", "0 0 | 1 1 2")
}

// TestFamilyNameAloneJoinsItsOneNamesake: the same order beside one Thomas Green of
// that birthday and town is his, in any order (Splink's fake_1000: Green / 1974-10-05 /
// Londdon beside Thoas Green / 1974-10-05 / London); before, the two names compared as
// a title's family name against a whole name and did not link.
func TestFamilyNameAloneJoinsItsOneNamesake(t *testing.T) {
	green := func(given, email, town string) ontology.PartyRef {
		name := "Green"
		if given != "" {
			name = given + " Green"
		}
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: "Green", Name: name,
			BirthDate: "1974-10-05", Email: email, Country: "GB", Address: town, Place: &ontology.AddressPart{Locality: town}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{green("Thoas", "thomas.green@clark.org", "London"), green("", "", "Londdon")},
	}, "0 0")
}
