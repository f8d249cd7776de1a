package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestWomanAndManGivenNamesDiffer: Stephen against Stephanie Rivera, at one home, is
// not a given name with a slip but a mother and her son: the given names differ, and
// the description alone does not link them. Steve against Stephen still agrees.
func TestWomanAndManGivenNamesDiffer(t *testing.T) {
	home := func(given string) PartyProfile {
		return PartyProfile{Given: given, Family: "Rivera", Name: given + " Rivera", Country: "US",
			Place: compare.Address{Number: "994", Street: "mill boulevard", Locality: "raleigh", Postcode: "27609"}}
	}
	c := CompareParties(home("Stephanie"), home("Stephen"))
	if k := c[fieldGiven].Kind; k != compare.Different {
		t.Errorf("Stephanie against Stephen: given %v (%s), want different", k, c[fieldGiven].Why)
	}
	c = CompareParties(home("Steve"), home("Stephen"))
	if k := c[fieldGiven].Kind; !k.Agrees() {
		t.Errorf("Steve against Stephen: given %v (%s), want agreeing", k, c[fieldGiven].Why)
	}
}

// TestNamesakesMailboxesSayNothing: michael.johnson@ and michael_johnson@ at one
// provider are two mailboxes, evidence against, not a typo of one; amit.kumar@ at two
// providers is the name again, no evidence either way. A provider typed one letter off,
// or a local part beyond the name (janice.thornton62), still counts for them.
func TestNamesakesMailboxesSayNothing(t *testing.T) {
	p := func(given, family, email string) PartyProfile {
		return PartyProfile{Given: given, Family: family, Email: email}
	}
	for _, tt := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{p("Michael", "Johnson", "michael.johnson@hotmail.com"), p("Michael", "Johnson", "michael_johnson@hotmail.com"), compare.Different},
		{p("Amit", "Kumar", "amit.kumar@rediffmail.com"), p("Amit", "Kumar", "amit.kumar@outlook.com"), compare.Null},
		{p("Amit", "Kumar", "kumaramit@rediffmail.com"), p("Amit", "Kumar", "kumaramit@outlook.com"), compare.Null},
		{p("Amit", "Kumar", "amit.kumar@outlok.com"), p("Amit", "Kumar", "amit.kumar@outlook.com"), compare.Partial},
		{p("Janice", "Thornton", "janice.thornton62@hotmail.com"), p("Janice", "Thornton", "janice.thornton62@infosys.com"), compare.Partial},
		{p("Janice", "Thornton", "janice.thornton62@hotmail.com"), p("Janice", "Thornton", "janice.thornton63@hotmail.com"), compare.Typo},
	} {
		if got := CompareParties(tt.a, tt.b)[fieldEmail]; got.Kind != tt.want {
			t.Errorf("%s against %s: email %v (%s), want %v", tt.a.Email, tt.b.Email, got.Kind, got.Why, tt.want)
		}
	}
}
