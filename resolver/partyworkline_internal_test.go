package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestWorkMailboxBeside: Kevin McDonald billed to McDonald Auto Repair LLC from the
// firm's mailbox and its number, and from his own mailbox and mobile as a guest, both
// to his flat, is one man; two people of one name at the flat, each from a mailbox
// and a phone of their own, are still a pair for a person to look at, and so are two
// colleagues at the firm's domain.
func TestWorkMailboxBeside(t *testing.T) {
	p := func(email, phone, org, street string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Kevin McDonald", GivenName: "Kevin", FamilyName: "McDonald",
			Email: email, Phone: phone, Organization: org, Country: "US",
			Place: &ontology.AddressPart{Street: street, Locality: "San Antonio", Region: "TX", Postcode: "78268"}})
	}
	pm := DefaultPartyModel()
	work := p("kevin@mcdonaldautorepair.com", "210-868-5887", "McDonald Auto Repair LLC", "5864 Ridge Drive, #26B")
	own := p("Kevin83@Gmail.Com", "(210) 346-4733", "", "5864 Ridge Dr, Apt. 26B")
	if d, s := pm.Decide(CompareParties(own, work), own, nil); d != Same {
		t.Errorf("his own order against the firm's: %v (%.1f), want Same: %s", d, s, pm.Explain(CompareParties(own, work), own, nil))
	}
	// Without the firm billed, the same mailbox is just another one: two people.
	plain := p("kevin@mcdonaldautorepair.com", "210-868-5887", "", "5864 Ridge Drive, #26B")
	if d, s := pm.Decide(CompareParties(own, plain), own, nil); d == Same {
		t.Errorf("two mailboxes and two mobiles, no firm billed: %v (%.1f), want no merge", d, s)
	}
	// Billed to a firm whose name the domain does not hold.
	other := p("kevin@ridgeconsulting.com", "210-868-5887", "McDonald Auto Repair LLC", "5864 Ridge Drive, #26B")
	if d, s := pm.Decide(CompareParties(own, other), own, nil); d == Same {
		t.Errorf("a mailbox at another domain than the firm's: %v (%.1f), want no merge", d, s)
	}
	// Two at the firm's domain: colleagues' mailboxes stay two.
	colleague := p("kmcdonald@mcdonaldautorepair.com", "(210) 346-4733", "McDonald Auto Repair LLC", "5864 Ridge Dr, Apt. 26B")
	if c := CompareParties(colleague, work); c[fieldEmail].Kind != compare.Different {
		t.Errorf("two mailboxes at the firm's domain: email %v (%s), want them apart", c[fieldEmail].Kind, c[fieldEmail].Why)
	}
	// Away from the flat the rule says nothing: a namesake across town is not helped.
	away := p("Kevin83@Gmail.Com", "(210) 346-4733", "", "901 Elm Street")
	if c := CompareParties(away, work); c[fieldEmail].Why != CompareParties(away, plain)[fieldEmail].Why {
		t.Errorf("another street: email %q, want the plain comparison's %q", c[fieldEmail].Why, CompareParties(away, plain)[fieldEmail].Why)
	}
}

func TestWorkMailbox(t *testing.T) {
	for _, tt := range []struct {
		email, org string
		want       bool
	}{
		{"kevin@mcdonaldautorepair.com", "McDonald Auto Repair LLC", true},
		{"siobhan.osuilleabhain@osuilleabhaincafe.ie", "Ó Súilleabháin Cafe Teoranta", true},
		{"rhys@cooper-yoga.co.uk", "Cooper Yoga Studio Ltd.", true},    // the firm's name shortened
		{"rhys@cooperandsons.co.uk", "Cooper Yoga Studio Ltd.", false}, // another firm's
		{"kevin@repairs-r-us.com", "McDonald Auto Repair LLC", false},
		{"rhys.taylor53@gmail.com", "Cooper Yoga Studio Ltd.", false},
		{"anna@acme.com", "Acme", false}, // too short to tell
		{"", "McDonald Auto Repair LLC", false},
		{"kevin@mcdonaldautorepair.com", "", false},
	} {
		p := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "X Y", Email: tt.email, Organization: tt.org})
		if got := workMailbox(p); got != tt.want {
			t.Errorf("workMailbox(%q billed to %q) = %v, want %v", tt.email, tt.org, got, tt.want)
		}
	}
}
