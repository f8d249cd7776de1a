package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestSonWhoWroteFilsFirstIsNotJoinedByHisFather: Émile Gaudin's son pays by card as
// "É. Gaudin fils" from his mailbox, then orders as Émile Gaudin from it, which the
// mailbox files with the card. His father's order, Emile Gaudin from his own mailbox at
// the same home, agrees with the son's plain order on everything but the mailbox: the
// son's party states a generation the father's mailbox never has, so they stay two, as
// they are when the father's order comes first (eu-2911).
func TestSonWhoWroteFilsFirstIsNotJoinedByHisFather(t *testing.T) {
	at := func(name, given, family, email, phone string, home bool) ontology.PartyRef {
		p := ontology.PartyRef{Role: ontology.PartyCustomer, Country: "FR", Name: name, GivenName: given, FamilyName: family,
			Email: email, Phone: phone}
		if home {
			p.Place = &ontology.AddressPart{Street: "86, avenue de Colin", Locality: "Lille", Postcode: "59000"}
		}
		return p
	}
	for i := 0; i < 4; i++ {
		f := newFixture(t)
		f.orderBy("son-card", 0, at("É. Gaudin fils", "", "", "emile.gaudin@orange.fr", "0255379594", false))
		f.orderBy("son-plain", 1, at("Émile Gaudin", "Émile", "Gaudin", "emile.gaudin@orange.fr", "", true))
		f.orderBy("father", 2, at("Emile Gaudin", "Emile", "Gaudin", "emile_gaudin@gmail.com", "+33613021408", true))
		son, father := f.partyOf("son-plain").PartyID, f.partyOf("father").PartyID
		if son == father {
			t.Errorf("tenant %d: Émile Gaudin of the son's mailbox, who wrote fils, and Emile Gaudin of his father's are one party %s", i, son)
		}
		if got := f.partyOf("son-card").PartyID; got != son {
			t.Errorf("tenant %d: the son's card is party %s, his plain order %s", i, got, son)
		}
	}
}
