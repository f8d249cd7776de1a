package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestSonWhoWritesJrLaterIsCutFromHisFather: the father's order comes first, then his
// son's without the suffix from his own mailbox, which the description files as the
// father's, and the father's second order from his mailbox, filed under that party;
// then the son's with Jr. from his mailbox: the suffix cuts the guess, the father's
// second order goes with his mailbox, and the son's orders are his party, the father's
// his own, as they are when the orders arrive the other way round.
func TestSonWhoWritesJrLaterIsCutFromHisFather(t *testing.T) {
	at := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IN", GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "Flat 20, Lodha Apartments", Line2: "Nehru Street, Jayanagar",
				Locality: "Bengaluru", Region: "KA", Postcode: "560398"}}
	}
	// Party ids hash the tenant's keys, and the smaller id survives a merge: six
	// tenants let the son's party survive the guess in some of them, the father's in
	// others.
	for i := 0; i < 6; i++ {
		oneJr := i%2 == 1
		f := newFixture(t)
		f.orderBy("father", 0, at("Faraj", "Golla", "golla.faraj@hotmail.com", ""))
		f.orderBy("son-plain", 1, at("Faraj", "Golla", "farajgolla95@rediffmail.com", "77160 63173"))
		f.orderBy("father-again", 1, at("Faraj", "Golla", "golla.faraj@hotmail.com", ""))
		if !oneJr {
			f.orderBy("son", 2, at("Faraj", "Golla Jr.", "farajgolla95@rediffmail.com", "+917716063173"))
		}
		f.orderBy("son-again", 3, at("Faraj", "Golla JR", "farajgolla95@rediffmail.com", "4040793811"))
		father, son := f.partyOf("father").PartyID, f.partyOf("son-again").PartyID
		if father == son {
			t.Errorf("oneJr %v: Faraj Golla and Faraj Golla JR, each from his own mailbox, are one party %s", oneJr, son)
		}
		if got := f.partyOf("son-plain").PartyID; got != son {
			t.Errorf("oneJr %v: the son's order without the suffix from his mailbox is party %s, the son %s, the father %s", oneJr, got, son, father)
		}
		if got := f.partyOf("father-again").PartyID; got != father {
			t.Errorf("oneJr %v: the father's second order, from his mailbox, is party %s, the father %s, the son %s", oneJr, got, father, son)
		}
	}
}

// TestSonOnHisOwnFieldsCutFromHisFathersCard: Stephen Rivera's card names him whole,
// his son's storefront order splits "Steve" from "Rivera JR": the father's description
// shares no block with the son's, so the cluster's members are read by id.
func TestSonOnHisOwnFieldsCutFromHisFathersCard(t *testing.T) {
	at := func(name, given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "AU", Name: name, GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "27/164 Campbell Pl",
				Locality: "Adelaide", Region: "SA", Postcode: "5917"}}
	}
	f := newFixture(t)
	f.orderBy("father", 0, at("Stephen Rivera", "", "", "riveras42@optusnet.com.au", ""))
	f.orderBy("son-plain", 1, at("Stephen Rivera", "", "", "stephen_rivera@gmail.com", ""))
	f.orderBy("son", 2, at("", "Steve", "Rivera JR", "stephen_rivera@gmail.com", "+61446509236"))
	father, son := f.partyOf("father").PartyID, f.partyOf("son").PartyID
	if father == son {
		t.Errorf("Stephen Rivera and Steve Rivera JR, each from his own mailbox, are one party %s", son)
	}
	if got := f.partyOf("son-plain").PartyID; got != son {
		t.Errorf("the son's order without the suffix is party %s, the son %s, the father %s", got, son, father)
	}
}

// TestFathersLaterOrdersFollowHimWhenJrCuts: Matthew Vaidya's card, then his son's
// order without the suffix (his family name mistyped Vaida) from his own mailbox and no
// phone, then the father's storefront order, whose keys are the card's and whose
// description the son's: it joins the two. The father's next order, from his mailbox,
// is filed under the joined party's surviving id. When the son writes Jr. from his
// mailbox, the father's orders all go with the father's mailbox, the son's with his.
func TestFathersLaterOrdersFollowHimWhenJrCuts(t *testing.T) {
	at := func(name, given, family, email, phone, street, line2, city, postcode string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IN", Name: name, GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: street, Line2: line2,
				Locality: city, Region: "TN", Postcode: postcode}}
	}
	for i := 0; i < 4; i++ {
		f := newFixture(t)
		f.orderBy("father", 0, at("Vaidya Matthew", "", "", "vaidya.matthew@yahoo.co.in", "06052282883",
			"Flat No. 22, Sobha Towers, Link Road", "T. Nagar", "Chennai", "600244"))
		f.orderBy("son-plain", 1, at("Matthew Vaida", "Matthew", "Vaida", "vaidyam85@hotmail.com", "",
			"Flat no 22, Sobha Towers, Link Road", "", "Madras", "600 244"))
		f.orderBy("father-shop", 2, at("Matthew Vaidya", "Matthew", "Vaidya", "vaidya.matthew@yahoo.co.in", "916052282883",
			"Flat No. 22, Sobha Towers, Link Road", "T. Nagar", "Chennai", "600244"))
		f.orderBy("father-again", 3, at("Vaidya Matthew", "Vaidya", "Matthew", "vaidya.matthew@yahoo.co.in", "",
			"22, Sobha Towers", "Link Road, T. Nagar", "Chennai", "600244"))
		f.orderBy("son", 4, at("vaidya matt Jr", "vaidya", "matt Jr", "vaidyam85@hotmail.com", "+91 61815 66542",
			"22, Sobha Towers", "Link Road, T. Nagar", "Chennai", "600244"))
		father, son := f.partyOf("father").PartyID, f.partyOf("son").PartyID
		if father == son {
			t.Fatalf("Matthew Vaidya and vaidya matt Jr, each from his own mailbox, are one party %s", son)
		}
		for _, o := range []string{"father-shop", "father-again"} {
			if got := f.partyOf(o).PartyID; got != father {
				t.Errorf("%s is party %s, the father %s, the son %s", o, got, father, son)
			}
		}
		if got := f.partyOf("son-plain").PartyID; got != son {
			t.Errorf("the son's order without the suffix is party %s, the son %s, the father %s", got, son, father)
		}
	}
}
