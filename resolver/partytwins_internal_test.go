package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestGivenSpeltOtherwise: Aiden Gibson spells his name in aidengibson1997@; Ayden H.
// Gibson of the same home orders from agibson1990@, which holds no spelling: two
// names, twins (en-301). A slip of the keyboard (Aidne, Aiedn, Aisen) from another
// mailbox is still Aiden, and so is Ayden on Aiden's own mailbox.
func TestGivenSpeltOtherwise(t *testing.T) {
	p := func(given, email string) PartyProfile {
		return PartyProfile{Given: given, Family: "Gibson", Email: email}
	}
	aiden := p("Aiden", "aidengibson1997@outlook.com")
	for _, tt := range []struct {
		b     PartyProfile
		apart bool
	}{
		{p("ayden h.", "agibson1990@hotmail.com"), true},
		{p("Ayden", "ayden81@comcast.net"), true},
		{p("Aidne", "agibson1990@hotmail.com"), false},
		{p("Aiedn", "agibson1990@hotmail.com"), false},
		{p("Aisen", "agibson1990@hotmail.com"), false},
		{p("Aidden", "agibson1990@hotmail.com"), false},
		{p("Ayden", "aidengibson1997@outlook.com"), false},
		{p("Ayden", "aiden.g@work.com"), false},
	} {
		c := CompareParties(aiden, tt.b)
		if got := c[fieldGiven].Kind == compare.Different; got != tt.apart {
			t.Errorf("Aiden of %s against %s of %s: given %v (%s), want apart %v", aiden.Email, tt.b.Given, tt.b.Email, c[fieldGiven].Kind, c[fieldGiven].Why, tt.apart)
		}
	}
	// Aiden Meagan Marsh and Ayden Marsh on the home's line, a North American number
	// the plan does not tell from a mobile (en-251): the line is the household's.
	a := PartyProfile{Given: "Aiden Meagan", Family: "Marsh", Email: "aidenmarsh@hotmail.com", Phone: "+16089355794"}
	b := PartyProfile{Given: "Ayden", Family: "Marsh", Email: "marsha61@icloud.com", Phone: "+16089355794"}
	if c := CompareParties(a, b); c[fieldGiven].Kind != compare.Different || c[fieldPhone].Kind != compare.Null {
		t.Errorf("Aiden Meagan and Ayden Marsh on one line: given %v, phone %v (%s), want different and null", c[fieldGiven].Kind, c[fieldPhone].Kind, c[fieldPhone].Why)
	}
}

// TestKeyboardSlip: a slip swaps, doubles, drops or adds a letter, or strikes the key
// beside; i for y is another spelling.
func TestKeyboardSlip(t *testing.T) {
	for _, tt := range []struct {
		x, y string
		slip bool
	}{
		{"aiden", "aidne", true}, {"aiden", "aiedn", true}, {"aiden", "aisen", true}, {"aiden", "aidden", true},
		{"aiden", "aidn", true}, {"aiden", "ayden", false}, {"ethan", "evan", false}, {"caitlin", "kaitlyn", false},
	} {
		if got := keyboardSlip(tt.x, tt.y); got != tt.slip {
			t.Errorf("keyboardSlip(%s, %s) = %v, want %v", tt.x, tt.y, got, tt.slip)
		}
	}
}
