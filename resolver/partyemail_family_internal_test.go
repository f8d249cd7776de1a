package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestFamilyMailboxIsNoPersonsOwn: thehoward16@, theelliotts@, mendozafamily@ and
// theandersonhome@ name a household, which a couple and their children share: against
// a person's own mailbox it says nothing either way. howard16@ and ethan.howard@ are a
// person's.
func TestFamilyMailboxIsNoPersonsOwn(t *testing.T) {
	p := func(family, email string) PartyProfile {
		return PartyProfile{Given: "Ethan", Family: family, Email: email}
	}
	for _, tt := range []struct {
		p    PartyProfile
		want bool
	}{
		{p("Howard", "thehoward16@bigpond.com"), true},
		{p("Elliott", "theelliotts@sky.com"), true},
		{p("Mendoza", "themendozafamily@yahoo.com"), true},
		{p("Mendoza", "mendozafamily@yahoo.com"), true},
		{p("Anderson", "theandersonhome@optusnet.com.au"), true},
		{p("Willis-Tran", "thewillistrans@rogers.com"), true},
		{p("Howard", "howard16@bigpond.com"), false},
		{p("Rivera", "riveras42@optusnet.com.au"), false},
		{p("Howard", "ethan.howard49@gmail.com"), false},
		{p("Howard", "ehoward@gmail.com"), false},
		{p("The", "the@gmail.com"), false},
	} {
		if got := familyMailbox(tt.p); got != tt.want {
			t.Errorf("%s of %s: family mailbox %v, want %v", tt.p.Email, tt.p.Family, got, tt.want)
		}
	}
	c := CompareParties(p("Howard", "thehoward16@bigpond.com"), p("Howard", "ethan.howard49@gmail.com"))
	if c[fieldEmail].Kind != compare.Null {
		t.Errorf("a family's mailbox against Ethan's own: email %v (%s), want null", c[fieldEmail].Kind, c[fieldEmail].Why)
	}
}
