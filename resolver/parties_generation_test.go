package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestSonWhoWritesJrApartFromHisFather: Josh Gilbert Jr. orders from his own mailbox
// and the home's landline; his father Joshua Gilbert, at the same flat, orders from
// another mailbox, once from his mobile and once from that landline, which the son's
// party already holds. The father's second order carries his own mailbox and his son's
// number: the mailbox is one person's, the line the household's, and the suffix the son
// wrote says they are two. In a second household the father's order has no phone at all
// and is the son's description but for the suffix: still two people. The son's order
// without the suffix, from his own mailbox, is his.
func TestSonWhoWritesJrApartFromHisFather(t *testing.T) {
	at := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "4805 E Derek Street", Line2: "Apt 26C",
				Locality: "Raleigh", Region: "NC", Postcode: "27622"}}
	}
	f := newFixture(t)
	f.orderBy("son", 0, at("Josh", "Gilbert Jr.", "gilbertj93@yahoo.com", "1-503-495-9943"))
	f.orderBy("father", 1, at("Josh", "Gilbert", "joshua.gilbert22@hotmail.com", "+14165641751"))
	f.orderBy("father-landline", 2, at("Joshua", "Gilbert", "Joshua.gilbert22@HOTMAIL.COM", "+15034959943"))
	f.orderBy("son-plain", 3, at("Josh", "Gilbert", "gilbertj93@yahoo.com", ""))
	son, father := f.partyOf("son").PartyID, f.partyOf("father").PartyID
	if son == father {
		t.Fatalf("Josh Gilbert Jr. and his father Josh Gilbert are one party %s", son)
	}
	if got := f.partyOf("father-landline").PartyID; got != father {
		t.Errorf("the father's order from the home's landline is party %s, the father %s, the son %s", got, father, son)
	}
	if got := f.partyOf("son-plain").PartyID; got != son {
		t.Errorf("the son's order without Jr. from his mailbox is party %s, the son %s, the father %s", got, son, father)
	}

	f = newFixture(t)
	f.orderBy("son", 0, at("Faraj", "Golla Jr.", "farajgolla95@rediffmail.com", "+1 404 079 3811"))
	f.orderBy("father", 1, at("Faraj", "Golla", "golla.faraj@hotmail.com", ""))
	if son, father := f.partyOf("son").PartyID, f.partyOf("father").PartyID; son == father {
		t.Errorf("Faraj Golla Jr. and Faraj Golla from another mailbox with no phone are one party %s", son)
	}
}

// TestCoupleOnTheFamilysMailboxAndLandline: MELANIE SCHWARTZ orders from the family's
// mailbox and landline, her husband Jesse from his own; then Jesse orders from the
// family's mailbox (with a store's tag) and the landline. Her name and his contradict,
// so the family's keys relate him to her and his description places the order with
// him: two parties, not one.
func TestCoupleOnTheFamilysMailboxAndLandline(t *testing.T) {
	at := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Place: &ontology.AddressPart{Street: "531 Ingram Drive", Line2: "Suite 9",
				Locality: "Raleigh", Region: "NC", Postcode: "27695"}}
	}
	f := newFixture(t)
	f.orderBy("melanie", 0, at("MELANIE", "SCHWARTZ", "THESCHWARTZS@YAHOO.COM", "(212) 558-0433"))
	f.orderBy("jesse", 1, at("Jesse", "Schwartz", "jesseschwartz67+teashop@hotmail.com", "919-552-8300"))
	f.orderBy("jesse-family", 2, at("Jesse", "Schwartz", "theschwartzs+teashop@yahoo.com", "+1 (212) 558-0433"))
	melanie, jesse := f.partyOf("melanie").PartyID, f.partyOf("jesse").PartyID
	if melanie == jesse {
		t.Fatalf("MELANIE and Jesse Schwartz are one party %s", jesse)
	}
	if got := f.partyOf("jesse-family").PartyID; got != jesse {
		t.Errorf("Jesse's order from the family's mailbox is party %s, Jesse %s, Melanie %s", got, jesse, melanie)
	}
}
