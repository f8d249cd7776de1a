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

// TestIndianLinesCutOtherwise: Balendra Desai's Chennai flat, "#336, Royal Apartments"
// above "5th Cross, Velachery" on one order and "336, Royal Apartments, 5th Cross"
// above "Velachery" on the next: one street and one flat, not two.
func TestIndianLinesCutOtherwise(t *testing.T) {
	at := func(l1, l2 string) PartyProfile {
		return PartyProfile{Given: "Balendra", Family: "Desai", Country: "IN",
			Place: compare.LatinAddress("", l1, l2, "Chennai", "600541", "TN")}
	}
	c := CompareParties(at("#336, Royal Apartments", "5th Cross, Velachery"), at("336, Royal Apartments, 5th Cross", "Velachery"))
	if c[fieldStreet].Kind != compare.Exact || c[fieldDetail].Kind != compare.Exact {
		t.Errorf("street %v (%s), detail %v (%s); want both exact", c[fieldStreet].Kind, c[fieldStreet].Why, c[fieldDetail].Kind, c[fieldDetail].Why)
	}
	c = CompareParties(at("#337, Royal Apartments", "5th Cross, Velachery"), at("336, Royal Apartments, 5th Cross", "Velachery"))
	if c[fieldStreet].Kind == compare.Exact {
		t.Errorf("flat 337 against 336: street %v (%s); want another home", c[fieldStreet].Kind, c[fieldStreet].Why)
	}
}

// TestFlatOnAnotherStreet: two José García López of Málaga, at 4º C of Calle Larios 12
// and 4º B of Calle Granada 7: the flats a letter apart on two streets are two homes,
// not one flat mistyped, and say nothing; the same flat under the same number on a
// street spelt otherwise, or a building's name, still counts.
func TestFlatOnAnotherStreet(t *testing.T) {
	at := func(street, number, flat string) PartyProfile {
		return PartyProfile{Given: "José", Family: "García López", Country: "ES",
			Place: compare.LatinAddress(number, street, flat, "Málaga", "29006", "")}
	}
	if l := CompareParties(at("Calle Larios", "12", "4º C"), at("Calle Granada", "7", "4º B"))[fieldDetail]; l.Kind != compare.Null {
		t.Errorf("4º C and 4º B on two streets: detail %v (%s), want null", l.Kind, l.Why)
	}
	if l := CompareParties(at("Calle Larios", "12", "4º C"), at("Calle Granada", "7", "4º C"))[fieldDetail]; l.Kind != compare.Null {
		t.Errorf("4º C on two streets under two numbers: detail %v (%s), want null", l.Kind, l.Why)
	}
	if l := CompareParties(at("Calle Larios", "12", "Residencial Kooyong"), at("Calle Granada", "7", "Residencial Kooyong"))[fieldDetail]; l.Kind != compare.Exact {
		t.Errorf("a building's name on two streets: detail %v (%s), want exact", l.Kind, l.Why)
	}
	if l := CompareParties(at("Calle Larios", "12", "4º C"), at("Calle Larios", "12", "4º C"))[fieldDetail]; l.Kind != compare.Exact {
		t.Errorf("one flat: detail %v (%s), want exact", l.Kind, l.Why)
	}
}

func TestPostcodeOnAnotherStreet(t *testing.T) {
	at := func(number, street, postcode string) PartyProfile {
		return PartyProfile{Given: "Nicolas", Family: "Martin", Country: "FR",
			Place: compare.LatinAddress(number, street, "", "Lyon", postcode, "")}
	}
	for _, c := range []struct {
		why  string
		a, b PartyProfile
		want compare.Kind
	}{
		{"two Nicolas Martin of Lyon, in the 9th and the 3rd arrondissement", at("71", "rue de Blin", "69009"), at("115", "rue Adrien Thomas", "69003"), compare.Partial},
		{"one home, a slip in the postcode", at("71", "rue de Blin", "69009"), at("71", "rue de Blin", "69008"), compare.Typo},
		{"the same number on a street spelt otherwise: the slip counts", at("71", "rue de Blin", "69009"), at("71", "Bd des Belges", "69006"), compare.Typo},
	} {
		if l := CompareParties(c.a, c.b)[fieldPostcode]; l.Kind != c.want {
			t.Errorf("%s: postcode %v (%s), want %v", c.why, l.Kind, l.Why, c.want)
		}
	}
}
