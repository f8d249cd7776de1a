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

// TestTwinWhoSpellsHisNameInHisMailboxOnly: Aiden Ravi spells his name in ravi.aiden@,
// his twin Ayden orders from ravia67@, which spells none, and from the home's line. An
// order of Aiden's with a slip in his name (Aiddn) from his mailbox and the home's
// line carries keys of both: the mailbox is his, the line the household's, and the
// twins stay two (en-3011).
func TestTwinWhoSpellsHisNameInHisMailboxOnly(t *testing.T) {
	at := func(given, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IN", GivenName: given, FamilyName: "Ravi",
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "Flat 651, Green Heights", Line2: "MG Road, Gachibowli",
				Locality: "Hyderabad", Region: "TG", Postcode: "500569"}}
	}
	for i := 0; i < 3; i++ {
		f := newFixture(t)
		card := func(p ontology.PartyRef) ontology.PartyRef {
			p.Name, p.GivenName, p.FamilyName = p.GivenName+" "+p.FamilyName, "", ""
			return p
		}
		f.orderBy("aiden", 0, at("Aiden", "ravi.aiden@yahoo.co.in", "69512 41224"))
		f.orderBy("ayden", 1, at("Ayden", "Ravia67@HOTMAIL.COM", "8088502324"))
		f.orderBy("ayden-mobile", 2, card(at("Ayden", "ravia67@hotmail.com", "+919374046622")))
		f.orderBy("aiddn", 3, card(at("Aiddn", "ravi.aiden@yahoo.co.in", "8088502324")))
		aiden, ayden := f.partyOf("aiden").PartyID, f.partyOf("ayden").PartyID
		if aiden == ayden {
			t.Fatalf("tenant %d: the twins Aiden (ravi.aiden@) and Ayden (ravia67@) Ravi are one party %s", i, aiden)
		}
		if got := f.partyOf("aiddn").PartyID; got != aiden {
			t.Errorf("tenant %d: Aiddn from Aiden's mailbox is party %s, Aiden %s, Ayden %s", i, got, aiden, ayden)
		}
		if got := f.partyOf("ayden-mobile").PartyID; got != ayden {
			t.Errorf("tenant %d: Ayden from his mailbox and mobile is party %s, Ayden %s, Aiden %s", i, got, ayden, aiden)
		}
	}
}
