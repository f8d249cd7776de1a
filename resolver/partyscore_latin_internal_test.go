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

// TestTwoWholeNamesInParts: two card payments' holder names, Stephen Jones and STEPHEN
// JONES, weigh as a given and a family name that agree, as they would from a
// storefront's two fields; Jones Stephen is the same name family first. Zhang Wei,
// which reads as Chinese, stays one name.
func TestTwoWholeNamesInParts(t *testing.T) {
	whole := func(n string) PartyProfile { return PartyProfile{FullName: n, Name: n} }
	for _, pair := range [][2]string{{"Stephen Jones", "STEPHEN JONES"}, {"Stephen Jones", "Jones Stephen"}} {
		c := CompareParties(whole(pair[0]), whole(pair[1]))
		if c[fieldGiven].Kind != compare.Exact || c[fieldFamily].Kind != compare.Exact {
			t.Errorf("%s against %s: given %v, family %v; want both exact", pair[0], pair[1], c[fieldGiven].Kind, c[fieldFamily].Kind)
		}
	}
	if c := CompareParties(whole("Zhang Wei"), whole("Zhang Wei")); c[fieldName].Kind != compare.Exact || c[fieldGiven].Kind != compare.Null {
		t.Errorf("Zhang Wei: name %v, given %v; want the whole name", c[fieldName].Kind, c[fieldGiven].Kind)
	}
}
