package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestTownOnlyWithASlip: a checkout that takes the town alone (Splink's fake_1000, as a
// British shop's guest orders) writes Readdng for Reading and Londdon for London; a slip
// in the town is the town, where the whole addresses' letter pairs called them two.
// Another town stays another town, and a street on either side keeps the whole
// address's comparison. The town is compared as the locality it is, not as a whole
// address.
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
		{prof("Readdng", ""), prof("Reading", ""), compare.Typo},
		{prof("Londdon", ""), prof("London", ""), compare.Typo},
		{prof("Birmimghan", ""), prof("Birmingham", ""), compare.Typo},
		{prof("London", ""), prof("London", ""), compare.Exact},
		{prof("London", ""), prof("Leeds", ""), compare.Different},
		{prof("Reading", ""), prof("Redditch", ""), compare.Different},
		// A street on one side: the whole addresses, as before.
		{prof("Readdng", "12 High Street"), prof("Reading", ""), compare.Different},
	} {
		c2 := CompareParties(c.a, c.b)
		got := c2[fieldLocality]
		if c.a.Place.Street != "" {
			got = c2[fieldAddress]
		} else if c2[fieldAddress].Kind != compare.Null {
			t.Errorf("%q against %q: the towns alone compared as whole addresses (%s)", c.a.Address, c.b.Address, c2[fieldAddress].Why)
		}
		if got.Kind != c.want {
			t.Errorf("%q against %q: %v (%s), want %v", c.a.Address, c.b.Address, got.Kind, got.Why, c.want)
		}
	}
}

// TestTownAloneWeighsAsATown: a town is shared by thousands of people. Agreeing on it
// alone weighed +9.2 in the prior, as a whole address does (a street, a number, a
// postcode), so that two namesakes of one city needed nothing else to link. It weighs
// as a locality: far less than a street address, and less again where the tenant's own
// customers show it common (its term frequency).
func TestTownAloneWeighsAsATown(t *testing.T) {
	prof := func(given, town, street, postcode string) PartyProfile {
		p := ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " Walker", GivenName: given, FamilyName: "Walker", Country: "GB",
			Address: town, Place: &ontology.AddressPart{Street: street, Locality: town, Postcode: postcode}}
		if street != "" {
			p.Address = street + ", " + postcode + ", " + town
		}
		return ProfileOf(p)
	}
	pm := DefaultPartyModel()
	address := func(a, b PartyProfile, pm PartyModel) float64 {
		w := pm.fieldWeights(CompareParties(a, b), a, Frequency{})
		return w[fieldNumber] + w[fieldStreet] + w[fieldDetail] + w[fieldLocality] + w[fieldPostcode] + w[fieldAddress]
	}
	town := address(prof("Jack", "Leeds", "", ""), prof("Jack", "Leeds", "", ""), pm)
	home := address(prof("Jack", "Leeds", "14 Park Lane", "LS1 4AB"), prof("Jack", "Leeds", "14 Park Lane", "LS1 4AB"), pm)
	if town <= 0 || town > 2 || home-town < 6 {
		t.Errorf("prior: the town alone weighs %+.1f and a whole street address %+.1f; want the town a little, far below the address", town, home)
	}
	if v, s := pm.Decide(CompareParties(prof("Jack", "Leeds", "", ""), prof("Oliver", "Leeds", "", "")), prof("Jack", "Leeds", "", ""), Frequency{}); v != Apart {
		t.Errorf("prior: Jack and Oliver Walker of Leeds are %v at %.1f; want apart", v, s)
	}
	common, rare := pm, pm
	common.TF = map[string]map[string]float64{"locality": {"leeds": 0.3}}
	rare.TF = map[string]map[string]float64{"locality": {"leeds": 0.001}}
	if c, r := address(prof("Jack", "Leeds", "", ""), prof("Jack", "Leeds", "", ""), common),
		address(prof("Jack", "Leeds", "", ""), prof("Jack", "Leeds", "", ""), rare); c >= r || c >= town {
		t.Errorf("a town three customers in ten give weighs %+.1f, a rare one %+.1f (the prior's %+.1f); want the common one less", c, r, town)
	}
}
