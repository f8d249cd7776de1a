package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestSuburbAndCityOfOnePostcode: 77 Kendra Road in Unley and in Adelaide, both 5000:
// a checkout's city field holds the suburb for one order and the city for the next,
// and the postcode names the place. The locality says nothing there; under another
// postcode it still differs.
func TestSuburbAndCityOfOnePostcode(t *testing.T) {
	at := func(locality, postcode string) PartyProfile {
		return PartyProfile{Given: "Ethan", Family: "Howard", Country: "AU",
			Place: compare.LatinAddress("", "77 Kendra Road", "", locality, postcode, "SA")}
	}
	if l := CompareParties(at("Unley", "5000"), at("Adelaide", "5000"))[fieldLocality]; l.Kind != compare.Null {
		t.Errorf("Unley against Adelaide under 5000: locality %v (%s), want null", l.Kind, l.Why)
	}
	if l := CompareParties(at("Unley", "5061"), at("Adelaide", "5000"))[fieldLocality]; l.Kind != compare.Different {
		t.Errorf("Unley 5061 against Adelaide 5000: locality %v (%s), want different", l.Kind, l.Why)
	}
}
