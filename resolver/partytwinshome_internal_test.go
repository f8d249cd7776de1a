package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestGivenNamesApartAtAHome: at one street address, two given names under one family
// name are two people where each writes from a mailbox of her own and no phone is
// shared (twins Emma and Olivia Walsh); one mobile under an English and a Vietnamese
// given name (Tony and Huy Ngo) is left to the household rules, and two given names
// from no mailboxes are FEBRL's duplicates as often, left to the score.
func TestGivenNamesApartAtAHome(t *testing.T) {
	p := func(given, family, email, phone string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Name: given + " " + family,
			Email: email, Phone: phone, Country: "US", Address: "6847 Lake Dr, 77050, Houston",
			Place: &ontology.AddressPart{Street: "6847 Lake Dr", Locality: "Houston", Postcode: "77050"}})
	}
	for _, c := range []struct {
		a, b  PartyProfile
		apart bool
	}{
		{p("Emma", "Walsh", "emma.walsh@gmail.com", "832 432 5382"), p("Olivia", "Walsh", "livvy.w@outlook.com", "832 555 0199"), true},
		{p("Emma", "Walsh", "emma.walsh@gmail.com", ""), p("Olivia", "Walsh", "livvy.w@outlook.com", ""), true},
		{p("Tony", "Ngo", "tony.ngo@gmail.com", "832 432 5382"), p("Huy", "Ngo", "ngo.huy@icloud.com", "832-432-5382"), false},
		{p("Emma", "Walsh", "", ""), p("Olivia", "Walsh", "", ""), false},
	} {
		if got := givenNamesApart(CompareParties(c.a, c.b), c.a); got != c.apart {
			t.Errorf("%s (%s, %s) against %s (%s, %s): apart %v, want %v", c.a.FullName, c.a.Email, c.a.Phone, c.b.FullName, c.b.Email, c.b.Phone, got, c.apart)
		}
	}
}
