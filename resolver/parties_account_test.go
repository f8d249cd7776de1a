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

// TestCouplesMailboxAccountRelatesNotMerges: Michelle Martin orders first, at the
// WooCommerce shop, from robertandmichelle@, the couple's mailbox, with her mobile;
// Robert P. Martin then orders at the Shopify shop from the mailbox, which makes its
// customer record, and Shopify files Michelle's next checkout under that record
// (review35 en 1, where the record's key joined her party to his). The record is the
// mailbox's, the mailbox the couple's (two names that contradict order from it): her
// order relates the two and joins her own party; Robert's next order is his.
func TestCouplesMailboxAccountRelatesNotMerges(t *testing.T) {
	at := func(given, phone, account string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", ExternalID: account,
			Name: given + " Martin", GivenName: given, FamilyName: "Martin",
			Email: "robertandmichelle@hotmail.com", Phone: phone, Place: &ontology.AddressPart{Street: "5999 Spring Ln",
				Locality: "Brooklyn", Postcode: "11294", Region: "NY"}}
	}
	const record = "7391002211"
	f := newFixture(t)
	f.orderBy("michelle", 0, at("Michelle", "7184850464", ""))
	f.orderBy("robert", 1, at("Robert P.", "+1 (718) 293-5012", record))
	f.orderBy("michelle-shopify", 2, at("Michelle", "(718) 485-0464", record))
	f.orderBy("robert-again", 3, at("Robert", "+1 (718) 293-5012", record))
	if r := f.partyOf("robert").PartyID; r == f.partyOf("michelle").PartyID {
		t.Errorf("Robert and Michelle Martin, one couple's mailbox and its Shopify record, are one party %s", r)
	}
	for _, o := range [][2]string{{"michelle-shopify", "michelle"}, {"robert-again", "robert"}} {
		if got, want := f.partyOf(o[0]).PartyID, f.partyOf(o[1]).PartyID; got != want {
			t.Errorf("%s is party %s, want %s's %s", o[0], got, o[1], want)
		}
	}
}
