package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestHouseholdMailboxAccountRelatesNotMerges: Shopify files Alina Panicucci's guest
// order under the customer record of the family's mailbox, which Gustavo's first order
// created: the order carries his account id and the family's mailbox under her name and
// her own mobile. The account is the mailbox's, the mailbox the household's: she is a
// party of her own, related to his. Gustavo's next order on the same account is his.
func TestHouseholdMailboxAccountRelatesNotMerges(t *testing.T) {
	at := func(given, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IT", ExternalID: "7102939006",
			Name: given + " Panicucci", GivenName: given, FamilyName: "Panicucci",
			Email: "panicucci2000@hotmail.it", Phone: phone, Place: &ontology.AddressPart{Street: "Viale Ferrara n. 146",
				Line2: "int. 36", Locality: "Roma", Postcode: "00180"}}
	}
	f := newFixture(t)
	f.orderBy("gustavo", 0, at("Gustavo", "+39 023 151014"))
	f.orderBy("alina", 1, at("Alina", "+39 347 2524322"))
	f.orderBy("gustavo-again", 2, at("Gustavo", ""))
	g, a := f.partyOf("gustavo").PartyID, f.partyOf("alina").PartyID
	if g == a {
		t.Errorf("Gustavo and Alina Panicucci, one family's mailbox and its Shopify record, are one party %s", g)
	}
	if got := f.partyOf("gustavo-again").PartyID; got != g {
		t.Errorf("Gustavo's second order is party %s, Gustavo %s, Alina %s", got, g, a)
	}
}
