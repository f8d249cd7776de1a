package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestTwinsWhoSpellTheirNamesInTheirMailboxes: Ayden and Aiden Hall, twins at one flat,
// order from the home's landline and their own mobiles, each from his own mailbox,
// which spells his name his way (ayden_hall@, aiden.hall67@). One letter apart, their
// names read as one name with a slip; their mailboxes say two. Aiden's order with no
// phone is his, and Ayden's from his mobile his. A slip in the name on one person's own
// mailbox (Ayden on aiden.hall67@) is still that person.
func TestTwinsWhoSpellTheirNamesInTheirMailboxes(t *testing.T) {
	at := func(given, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: given, FamilyName: "Hall",
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "6888 Wright Ct", Line2: "Unit 17F",
				Locality: "Springfield", Region: "IL", Postcode: "62740"}}
	}
	f := newFixture(t)
	f.orderBy("ayden", 0, at("Ayden", "ayden_hall@yahoo.com", "5123755765"))
	f.orderBy("aiden", 1, at("Aiden", "aiden.hall67@aol.com", "512.375.5765"))
	f.orderBy("aiden-no-phone", 2, at("Aiden L.", "aiden.hall67@aol.com", ""))
	f.orderBy("ayden-mobile", 3, at("Ayden", "ayden_hall@yahoo.com", "(206) 893-3002"))
	ayden, aiden := f.partyOf("ayden").PartyID, f.partyOf("aiden").PartyID
	if ayden == aiden {
		t.Fatalf("the twins Ayden and Aiden Hall, each from his own mailbox, are one party %s", ayden)
	}
	if got := f.partyOf("aiden-no-phone").PartyID; got != aiden {
		t.Errorf("Aiden's order with no phone is party %s, Aiden %s, Ayden %s", got, aiden, ayden)
	}
	if got := f.partyOf("ayden-mobile").PartyID; got != ayden {
		t.Errorf("Ayden's order from his mobile is party %s, Ayden %s, Aiden %s", got, ayden, aiden)
	}

	f = newFixture(t)
	f.orderBy("aiden", 0, at("Aiden", "aiden.hall67@aol.com", "512.375.5765"))
	f.orderBy("slip", 1, at("Ayden", "aiden.hall67@aol.com", "(206) 893-3002"))
	if a, b := f.partyOf("aiden").PartyID, f.partyOf("slip").PartyID; a != b {
		t.Errorf("Aiden Hall and Ayden Hall on one mailbox are parties %s and %s; want one", a, b)
	}
}
