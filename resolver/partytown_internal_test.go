package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestTownOnlyWithASlip: a checkout that takes the town alone (Splink's fake_1000, as a
// British shop's guest orders) writes Readdng for Reading and Londdon for London; a slip
// in the town is the town, where the whole addresses' letter pairs called them two.
// Another town stays another address, and a street on either side keeps the whole
// address's comparison.
func TestTownOnlyWithASlip(t *testing.T) {
	prof := func(town, street string) PartyProfile {
		p := ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Matilda Barker", GivenName: "Matilda", FamilyName: "Barker", Country: "GB",
			Address: town, Place: &ontology.AddressPart{Street: street, Locality: town}}
		if street != "" {
			p.Address = street + ", " + town
		}
		return ProfileOf(p)
	}
	for _, c := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{prof("Readdng", ""), prof("Reading", ""), compare.Similar},
		{prof("Londdon", ""), prof("London", ""), compare.Similar},
		{prof("Birmimghan", ""), prof("Birmingham", ""), compare.Similar},
		{prof("London", ""), prof("London", ""), compare.Exact},
		{prof("London", ""), prof("Leeds", ""), compare.Different},
		{prof("Reading", ""), prof("Redditch", ""), compare.Different},
		// A street on one side: the whole addresses, as before.
		{prof("Readdng", "12 High Street"), prof("Reading", ""), compare.Different},
	} {
		got := CompareParties(c.a, c.b)[fieldAddress]
		if got.Kind != c.want {
			t.Errorf("%q against %q: address %v (%s), want %v", c.a.Address, c.b.Address, got.Kind, got.Why, c.want)
		}
	}
}
