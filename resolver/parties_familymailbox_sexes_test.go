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

// TestFatherOnTheFamilyMailboxAndSonOnHisOwnWithTwoMobilesInAnyOrder: Patrick Moore
// orders from the family's mailbox (moorefamily@) with his mobile; his son Patrick
// Moore, at the same Dublin home, from his own mailbox with his own mobile, once
// writing Jr. The family's mailbox had made the two mailboxes say nothing, and name
// and home joined father and son, with every later order of the son's. Two mobiles, by
// Ireland's plan, are two people's: father and son stay apart. Ava Collins, who orders
// from the family's mailbox with her mobile and from her own with the home's landline,
// is still one person.
func TestFatherOnTheFamilyMailboxAndSonOnHisOwnWithTwoMobilesInAnyOrder(t *testing.T) {
	at := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IE", GivenName: given, FamilyName: family,
			Name: given + " " + family, Email: email, Phone: phone,
			Place: &ontology.AddressPart{Street: "50 Castle Street", Locality: "Dublin", Postcode: "D09 69E5"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{at("Patrick", "Moore", "moorefamily@gmail.com", "0879581568")},
		{at("Patrick", "Moore", "moore.patrick@eircom.net", "+353 83 717 9811"), at("Pattrick", "Moore Jr", "moore.patrick@eircom.net", "0837179811")},
	}, "0 | 1 1")
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{at("Ava", "Collins", "collinshome@gmail.com", "087 331 8374"), at("Ava", "Collins", "ava85@gmail.com", "01 243 6008")},
	}, "0 0")
}
