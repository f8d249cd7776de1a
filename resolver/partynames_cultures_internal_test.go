package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestNamesAcrossCultures: one customer's given name in its short or English form at
// one shop and in full at the next (Bob and Robert, Pepe and José, Frank and
// Francisco, Raj and Rajesh), and Indian and Vietnamese names typed family name first
// or last, into swapped fields or as one string (Kumar / Amit, Nguyen Van An against
// An / Nguyen), agree in both parts; names of no form in common do not.
func TestNamesAcrossCultures(t *testing.T) {
	p := func(given, family, whole string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Name: whole, Country: "US"})
	}
	for _, c := range []struct {
		a, b  PartyProfile
		agree bool
	}{
		{p("Bob", "Smith", "Bob Smith"), p("Robert", "Smith", "Robert Smith"), true},
		{p("Liz", "Taylor", "Liz Taylor"), p("Elizabeth", "Taylor", "Elizabeth Taylor"), true},
		{p("Bill", "Jones", "Bill Jones"), p("William", "Jones", "William Jones"), true},
		{p("Pepe", "García", "Pepe García"), p("José", "Garcia", "José Garcia"), true},
		{p("Paco", "López", "Paco López"), p("Francisco", "Lopez", "Francisco Lopez"), true},
		{p("Frank", "Ramos", "Frank Ramos"), p("Francisco", "Ramos", "Francisco Ramos"), true},
		{p("Raj", "Malhotra", "Raj Malhotra"), p("Rajesh", "Malhotra", "Rajesh Malhotra"), true},
		{p("Kumar", "Amit", "Kumar Amit"), p("Amit", "Kumar", "Amit Kumar"), true},
		{p("", "", "Sharma Priya"), p("Priya", "Sharma", "Priya Sharma"), true},
		{p("", "", "Nguyen Van An"), p("An", "Nguyen", "An Nguyen"), true},
		{p("Nguyen", "Hoa", "Nguyen Hoa"), p("Hoa", "Nguyen", "Hoa Nguyen"), true},
		{p("Frank", "Ramos", "Frank Ramos"), p("Pedro", "Ramos", "Pedro Ramos"), false},
		{p("Raj", "Malhotra", "Raj Malhotra"), p("Rahul", "Malhotra", "Rahul Malhotra"), false},
	} {
		x := CompareParties(c.a, c.b)
		agree := x[fieldName].Kind.Agrees() || x[fieldGiven].Kind.Agrees() && x[fieldFamily].Kind.Agrees()
		if agree != c.agree {
			t.Errorf("%s against %s: name %v, given %v (%s), family %v; want agreeing %v", c.a.FullName, c.b.FullName,
				x[fieldName].Kind, x[fieldGiven].Kind, x[fieldGiven].Why, x[fieldFamily].Kind, c.agree)
		}
	}
}
