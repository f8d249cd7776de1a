package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestCoupleOfNamesALetterApartOnTheFamilysMailbox: Mary Farmer orders from the
// family's mailbox and landline, then her husband Mark from the same two: Mark is Mary
// with one letter changed, but a man's name and a woman's, under one family name, are
// two members of the household, not one given name under two family names.
func TestCoupleOfNamesALetterApartOnTheFamilysMailbox(t *testing.T) {
	at := func(given, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CA", GivenName: given, FamilyName: "Farmer",
			Email: "thefarmers@outlook.com", Phone: phone, Place: &ontology.AddressPart{Street: "1177 Oak Ct",
				Locality: "Calgary", Region: "AB", Postcode: "T1Z 5V8"}}
	}
	f := newFixture(t)
	f.orderBy("mary", 0, at("Mary", "1-614-650-7095"))
	f.orderBy("mark", 1, at("Mark", "614-650-7095"))
	if mary, mark := f.partyOf("mary").PartyID, f.partyOf("mark").PartyID; mary == mark {
		t.Errorf("Mary and Mark Farmer on the family's mailbox and landline are one party %s", mary)
	}
}
