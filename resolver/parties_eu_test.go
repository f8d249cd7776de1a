package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestEuropeanNamesOnOneMailbox: one person's orders with her mailbox under the forms
// her name takes at European shops (a pet name, initials, a particle dropped, a middle
// name on one order and a second family name on the other, her maiden and married
// names) are one party; a husband and wife, or a mother and son, ordering with the
// family's mailbox stay two.
func TestEuropeanNamesOnOneMailbox(t *testing.T) {
	f := newFixture(t)
	at := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "NL", GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "Lindengracht 12", Locality: "Haarlem", Postcode: "2011 KL"}}
	}
	orders := []struct {
		id  string
		ref ontology.PartyRef
	}{
		{"cornelis", at("Cornelis", "de Wit", "c.dewit@example.nl", "+31 6 12345678")},
		{"kees", at("Kees", "de Wit", "c.dewit@example.nl", "")},
		{"initials", at("C.J.", "de Wit", "c.dewit@example.nl", "")},
		{"particle", at("Cornelis", "Wit", "c.dewit@example.nl", "")},
		{"wife", at("Johanna", "de Wit", "c.dewit@example.nl", "+31 6 12345678")},
		{"ana-1", at("Ana Lucía", "Prieto", "anaprieto@example.es", "+34 612 345 678")},
		{"ana-2", at("Ana", "Prieto Gil", "anaprieto@example.es", "+34 612 345 678")},
		{"son", at("Tomás", "Prieto Gil", "anaprieto@example.es", "+34 612 345 678")},
		{"maiden", at("Ilse", "Brouwer", "ilse.degraaf@example.nl", "+31 6 87654321")},
		{"married", at("Ilse", "de Graaf", "ilse.degraaf@example.nl", "+31 6 87654321")},
		{"husband", at("Pieter", "de Graaf", "ilse.degraaf@example.nl", "+31 6 87654321")},
		// Father and son on the home's landline, each with his own mailbox, the
		// fields typed family name first: Kowalczyk is no given name they share.
		{"father", at("Kowalczyk", "Marek", "marek.k@example.pl", "+48 58 123 45 67")},
		{"boy", at("Kowalczyk", "Jan Paweł", "jan.k@example.pl", "+48 58 123 45 67")},
	}
	for i, o := range orders {
		f.orderBy(o.id, i, o.ref)
	}
	him := f.partyOf("cornelis").PartyID
	for _, id := range []string{"kees", "initials", "particle"} {
		if got := f.partyOf(id).PartyID; got != him {
			t.Errorf("%s is party %s, Cornelis de Wit %s; want one", id, got, him)
		}
	}
	if got := f.partyOf("wife").PartyID; got == him {
		t.Errorf("Johanna de Wit joined her husband's party %s through the family's mailbox", him)
	}
	ana := f.partyOf("ana-1").PartyID
	if got := f.partyOf("ana-2").PartyID; got != ana {
		t.Errorf("Ana / Prieto Gil is party %s, Ana Lucía / Prieto %s; want one", got, ana)
	}
	if got := f.partyOf("son").PartyID; got == ana {
		t.Errorf("Tomás Prieto Gil joined his mother's party %s", ana)
	}
	ilse := f.partyOf("maiden").PartyID
	if got := f.partyOf("married").PartyID; got != ilse {
		t.Errorf("Ilse de Graaf is party %s, Ilse Brouwer %s; want one", got, ilse)
	}
	if got := f.partyOf("husband").PartyID; got == ilse {
		t.Errorf("Pieter de Graaf joined his wife's party %s", ilse)
	}
	if a, b := f.partyOf("father").PartyID, f.partyOf("boy").PartyID; a == b {
		t.Errorf("Kowalczyk Marek and Kowalczyk Jan Paweł on the home's landline are one party %s", a)
	}
}

// TestFatherAndSonOfOneNameAtOneAddress: Bruno Conti and his son Bruno Conti live at one
// address, each with his own mailbox and mobile. Their names and address agree, their
// contacts not at all: two parties. In a second household the son orders once with a
// slip in his name, then with his mailbox and no phone: that order, which the father's
// description fits in full, is the son's alone, and does not join the two. A date of
// birth on both orders still makes one man of a new mailbox and a new phone.
func TestFatherAndSonOfOneNameAtOneAddress(t *testing.T) {
	at := func(family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IT", GivenName: "Bruno", FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "Via dei Mille 21", Locality: "Torino", Postcode: "10123"}}
	}
	f := newFixture(t)
	f.orderBy("father", 0, at("Conti", "bruno.conti@example.it", "+39 333 111 2222"))
	f.orderBy("son", 1, at("Conti", "brunoconti98@example.it", "+39 347 555 6666"))
	if father, son := f.partyOf("father").PartyID, f.partyOf("son").PartyID; father == son {
		t.Errorf("father and son of one name, with their own mailboxes and mobiles, are one party %s", son)
	}
	f = newFixture(t)
	f.orderBy("father", 0, at("Conti", "bruno.conti@example.it", "+39 333 111 2222"))
	f.orderBy("son", 1, at("Contti", "brunoconti98@example.it", "+39 347 555 6666")) // a slip in his name
	f.orderBy("son-no-phone", 2, at("Conti", "brunoconti98@example.it", ""))
	father, son := f.partyOf("father").PartyID, f.partyOf("son").PartyID
	if father == son {
		t.Fatalf("the son's order without a phone joined father and son into one party %s", son)
	}
	if got := f.partyOf("son-no-phone").PartyID; got != son {
		t.Errorf("the son's order without a phone is party %s, the son %s, the father %s", got, son, father)
	}
	// One Bruno Conti with a new mailbox and phone, his date of birth on both orders
	// (the day and month written the other way): what he has alone says one person.
	f = newFixture(t)
	born := func(ref ontology.PartyRef, dob string) ontology.PartyRef { ref.BirthDate = dob; return ref }
	f.orderBy("old", 0, born(at("Conti", "bruno.conti@example.it", "+39 333 111 2222"), "1971-03-08"))
	f.orderBy("new", 1, born(at("Conti", "b.conti71@example.it", "+39 347 555 6666"), "1971-08-03"))
	if a, b := f.partyOf("old").PartyID, f.partyOf("new").PartyID; a != b {
		t.Errorf("Bruno Conti born on one day, with a new mailbox and phone, is parties %s and %s; want one", a, b)
	}
}
