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

// TestTwinsAtOneStreetAddress: twins share a family name, a birthday and a home, and
// order each from her own mailbox; what tells them apart is the given name, however the
// rest agrees (+9 bits of address and +12 of birthday had outweighed it and the
// mailboxes, and Emma and Olivia Walsh became one party). Twins named alike (Ella and
// Emma), and a name and its form for the other sex (Ciaran and Ciara), are two names
// people are given, not a slip of one; a
// birthday left out changes nothing. A slip in a twin's own name (Olvia) or in a given
// name no one is called (Jenifer) is still that person at her home, from her mailbox or
// another.
func TestTwinsAtOneStreetAddress(t *testing.T) {
	at := func(given, dob, email string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "GB", GivenName: given, FamilyName: "Walsh",
			BirthDate: dob, Email: email, Place: &ontology.AddressPart{Number: "14", Street: "Park Lane",
				Locality: "Leeds", Postcode: "LS1 4AB"}}
	}
	for _, c := range []struct {
		name, one, other, dob, mailOne, mailOther string
	}{
		{"twins of one birthday", "Emma", "Olivia", "2001-04-12", "emma.walsh@gmail.com", "livvy.w@outlook.com"},
		{"twins named alike", "Ella", "Emma", "2001-04-12", "ella.walsh@gmail.com", "emwalsh01@yahoo.co.uk"},
		{"sisters named alike, no birthday", "Ella", "Emma", "", "ella.walsh@gmail.com", "emwalsh01@yahoo.co.uk"},
		{"sisters, no birthday", "Emma", "Olivia", "", "emma.walsh@gmail.com", "livvy.w@outlook.com"},
		{"brother and sister, a name's two forms", "Ciaran", "Ciara", "", "ciaran678@yahoo.ie", "ciara.walsh@hotmail.com"},
		{"twins, a name's two forms", "Paula", "Paul", "1999-02-03", "paula.walsh@gmail.com", "pwalsh99@outlook.com"},
	} {
		f := newFixture(t)
		f.orderBy("one", 0, at(c.one, c.dob, c.mailOne))
		f.orderBy("other", 1, at(c.other, c.dob, c.mailOther))
		f.orderBy("one-again", 2, at(c.one, c.dob, c.mailOne))
		one, other := f.partyOf("one").PartyID, f.partyOf("other").PartyID
		if one == other {
			t.Errorf("%s: %s and %s Walsh at 14 Park Lane are one party %s", c.name, c.one, c.other, one)
			continue
		}
		if got := f.partyOf("one-again").PartyID; got != one {
			t.Errorf("%s: %s's second order is party %s, %s's %s", c.name, c.one, got, c.one, one)
		}
	}

	f := newFixture(t)
	f.orderBy("emma", 0, at("Emma", "2001-04-12", "emma.walsh@gmail.com"))
	f.orderBy("olivia", 1, at("Olivia", "2001-04-12", "livvy.w@outlook.com"))
	f.orderBy("olvia", 2, at("Olvia", "2001-04-12", "livvy.w@outlook.com"))
	f.orderBy("jennifer", 3, at("Jennifer", "1975-09-30", "jwalsh75@gmail.com"))
	f.orderBy("jenifer", 4, at("Jenifer", "1975-09-30", "jenny.walsh@work.example.com"))
	if got, want := f.partyOf("olvia").PartyID, f.partyOf("olivia").PartyID; got != want {
		t.Errorf("Olvia Walsh, a slip in Olivia's name at her home, is party %s, Olivia %s (Emma %s)", got, want, f.partyOf("emma").PartyID)
	}
	if got, want := f.partyOf("jenifer").PartyID, f.partyOf("jennifer").PartyID; got != want {
		t.Errorf("Jenifer Walsh, a slip in Jennifer's name at her home and birthday, is party %s, Jennifer %s", got, want)
	}
}
