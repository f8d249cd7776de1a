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
