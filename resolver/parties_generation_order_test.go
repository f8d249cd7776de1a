package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestSonWhoWritesJrLaterIsCutFromHisFather: the father's order comes first, then his
// son's without the suffix from his own mailbox, which the description files as the
// father's, then the son's with Jr. from that mailbox: the suffix cuts the guess, and
// the son's two orders are his party, the father's his own, as they are when the
// orders arrive the other way round.
func TestSonWhoWritesJrLaterIsCutFromHisFather(t *testing.T) {
	at := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IN", GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "Flat 20, Lodha Apartments", Line2: "Nehru Street, Jayanagar",
				Locality: "Bengaluru", Region: "KA", Postcode: "560398"}}
	}
	for _, oneJr := range []bool{false, true} {
		f := newFixture(t)
		f.orderBy("father", 0, at("Faraj", "Golla", "golla.faraj@hotmail.com", ""))
		f.orderBy("son-plain", 1, at("Faraj", "Golla", "farajgolla95@rediffmail.com", "77160 63173"))
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
