package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// usHome is an order's customer at one Raleigh home.
func usHome(given, family, email, phone string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: given, FamilyName: family,
		Email: email, Phone: phone,
		Place: &ontology.AddressPart{Street: "994 Mill Blvd", Locality: "Raleigh", Region: "NC", Postcode: "27609"}}
}

// TestDiminutiveOnTheSameMailbox: Allison Vargas orders as Ally at the next shop, with
// her own mailbox and address. Ally is Allison's short form: one person, not a member
// of her household who borrowed the mailbox.
func TestDiminutiveOnTheSameMailbox(t *testing.T) {
	f := newFixture(t)
	f.orderBy("full", 0, usHome("Allison", "Vargas", "allisonvargas66@hotmail.com", ""))
	f.orderBy("short", 1, usHome("ally", "vargas", "allisonvargas66@hotmail.com", ""))
	if a, b := f.partyOf("full").PartyID, f.partyOf("short").PartyID; a != b {
		t.Errorf("Allison is party %s, Ally on her mailbox %s; want one", a, b)
	}
}

// TestMotherAndSonOnTheLandline: Stephanie Rivera orders with her mailbox and the
// family's landline; her son Stephen, at the same home, with his own mailbox and the
// same landline. Stephen reads close to Stephanie, but a woman's and a man's name are
// two people: he is his own party, related to hers at most.
func TestMotherAndSonOnTheLandline(t *testing.T) {
	f := newFixture(t)
	f.orderBy("mother", 0, usHome("Stephanie", "Rivera", "srivera@outlook.com", "(919) 445-0576"))
	f.orderBy("son", 1, usHome("Stephen", "Rivera", "stephen_rivera@gmail.com", "919-445-0576"))
	f.orderBy("mother-again", 2, usHome("Stephanie", "Rivera", "srivera@outlook.com", ""))
	mother := f.partyOf("mother").PartyID
	if got := f.partyOf("son").PartyID; got == mother {
		t.Errorf("Stephen Rivera joined his mother's party %s", mother)
	}
	if got := f.partyOf("mother-again").PartyID; got != mother {
		t.Errorf("Stephanie's second order is party %s, her first %s; want one", got, mother)
	}
}

// TestNamesakesOnPunctuatedMailboxes: Michael Johnson of Albany orders with
// michael.johnson@gmail.com; a namesake pays by card as michael_johnson@gmail.com, a
// charge with no address, and a third Michael Johnson of Springfield writes
// michael_johnson@hotmail.com. A common name, two mailboxes that differ in punctuation
// and the name's own local part at another provider are three people, not one.
func TestNamesakesOnPunctuatedMailboxes(t *testing.T) {
	f := newFixture(t)
	mj := func(email, phone string, place *ontology.AddressPart) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: "Michael", FamilyName: "Johnson",
			Email: email, Phone: phone, Place: place}
	}
	f.orderBy("albany", 0, mj("michael.johnson@gmail.com", "",
		&ontology.AddressPart{Street: "8130 Scott Blvd", Locality: "Albany", Region: "NY", Postcode: "12235-2985"}))
	f.orderBy("card", 1, mj("michael_johnson@gmail.com", "", nil))
	f.orderBy("springfield", 2, mj("Michael_johnson@HOTMAIL.COM", "415 867 2680",
		&ontology.AddressPart{Street: "8730 S Richard Place #19C", Locality: "Springfield", Region: "IL", Postcode: "62782"}))
	albany, card := f.partyOf("albany").PartyID, f.partyOf("card").PartyID
	if card == albany {
		t.Errorf("michael_johnson@gmail.com joined michael.johnson@gmail.com's party %s", albany)
	}
	if got := f.partyOf("springfield").PartyID; got == albany || got == card {
		t.Errorf("Michael Johnson of Springfield is party %s, Albany's %s and %s", got, albany, card)
	}
}

// TestNamesakesOnInitialMailboxes: two Jack Smiths of two Australian states order
// without an address, one from jsmith@gmail.com (written jsmi.th@), the other from
// jsmith@bigpond.com with a phone. An initial and a common family name at two providers are every
// J. Smith's mailbox somewhere: two people, not one on a "similar" mailbox.
func TestNamesakesOnInitialMailboxes(t *testing.T) {
	f := newFixture(t)
	f.orderBy("perth", 0, ontology.PartyRef{Role: ontology.PartyCustomer, Country: "AU", GivenName: "Jack", FamilyName: "Smith",
		Email: "jsmi.th@gmail.com"})
	f.orderBy("brisbane", 1, ontology.PartyRef{Role: ontology.PartyCustomer, Country: "AU", GivenName: "Jack", FamilyName: "Smith",
		Email: "jsmith@bigpond.com", Phone: "+61430559294"})
	if a, b := f.partyOf("perth").PartyID, f.partyOf("brisbane").PartyID; a == b {
		t.Errorf("jsmith@gmail.com and jsmith@bigpond.com are one party %s; want two", a)
	}
}

// TestFamilyMailboxBesideOwnMailbox: Ethan Howard of 77 Kendra Road orders with the
// household's mailbox thehoward16@bigpond.com and his mobile, and at another shop with
// his own ethanhoward49@gmail.com and the home's landline. A family's mailbox is no
// person's own, so it is not "another mailbox" of a second Ethan Howard: one party.
// His wife Olivia on the same family mailbox stays her own party.
func TestFamilyMailboxBesideOwnMailbox(t *testing.T) {
	f := newFixture(t)
	home := func(given, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "AU", GivenName: given, FamilyName: "Howard",
			Email: email, Phone: phone,
			Place: &ontology.AddressPart{Street: "77 Kendra Rd", Locality: "Adelaide", Region: "SA", Postcode: "5000"}}
	}
	f.orderBy("family", 0, home("Ethan", "thehoward16@bigpond.com", "0412 675 827"))
	f.orderBy("own", 1, home("Ethan", "ethanhoward49@gmail.com", "03 8091 4576"))
	f.orderBy("wife", 2, home("Olivia", "thehoward16@bigpond.com", "03 8091 4576"))
	ethan := f.partyOf("family").PartyID
	if got := f.partyOf("own").PartyID; got != ethan {
		t.Errorf("Ethan on his own mailbox is party %s, on the family's %s; want one", got, ethan)
	}
	if got := f.partyOf("wife").PartyID; got == ethan {
		t.Errorf("Olivia joined Ethan's party %s", ethan)
	}
}

// TestPetNameOnOwnMailboxAndPhone: Lakshmi Biswas orders with lakshmibiswas97@ and her
// mobile, then signs "Lux" with both at the next shop. Lux is a short form the
// nickname table lacks, on the mailbox that spells Lakshmi and on her phone: one
// party, not a household. Priya Biswas on the same mailbox and phone stays apart.
func TestPetNameOnOwnMailboxAndPhone(t *testing.T) {
	f := newFixture(t)
	mumbai := func(given string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IN", GivenName: given, FamilyName: "Biswas",
			Email: "lakshmibiswas97@rediffmail.com", Phone: "093732 86035",
			Place: &ontology.AddressPart{Street: "13, Royal Residency", Line2: "Link Road, Powai", Locality: "Mumbai", Region: "MH", Postcode: "400069"}}
	}
	f.orderBy("full", 0, mumbai("Lakshmi"))
	f.orderBy("pet", 1, mumbai("Lux"))
	f.orderBy("other", 2, mumbai("Priya"))
	lakshmi := f.partyOf("full").PartyID
	if got := f.partyOf("pet").PartyID; got != lakshmi {
		t.Errorf("Lux on Lakshmi's mailbox and phone is party %s, Lakshmi %s; want one", got, lakshmi)
	}
	if got := f.partyOf("other").PartyID; got == lakshmi {
		t.Errorf("Priya joined Lakshmi's party %s", lakshmi)
	}
}
