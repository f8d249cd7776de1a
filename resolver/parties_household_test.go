package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestHouseholdContactsBridgeNoOne: 戴建华 orders with the family's mailbox; Dai
// Jianhua, with the family's phone, is him by his description; his son Bozhe Dai then
// orders with both the phone and the mailbox. Neither key nor the description (an
// address, a phone and a mailbox shared, another given name) makes the son his father,
// even though the phone's party was since linked into the mailbox's: the son is his own
// party. Before, the store read the mailbox's party without its name when the phone's
// party named it as its root, and the son joined through the mailbox.
func TestHouseholdContactsBridgeNoOne(t *testing.T) {
	f := newFixture(t)
	home := func(ref ontology.PartyRef) ontology.PartyRef {
		ref.Role, ref.Country = ontology.PartyCustomer, "CN"
		ref.Place = &ontology.AddressPart{Street: "东门中路726号", Line2: "融侨城7栋1903", Locality: "深圳市", Postcode: "518214"}
		return ref
	}
	f.orderBy("father-1", 0, home(ontology.PartyRef{GivenName: "建华", FamilyName: "戴", Email: "daijianhua@sohu.com"}))
	f.orderBy("father-2", 1, home(ontology.PartyRef{GivenName: "Jianhua", FamilyName: "Dai", Phone: "+86 170 1324 5907",
		Email: "daijianhua80@sohu.com"}))
	f.orderBy("son", 2, home(ontology.PartyRef{GivenName: "Bozhe", FamilyName: "Dai", Phone: "17013245907",
		Email: "daijianhua@sohu.com"}))
	father := f.partyOf("father-1").PartyID
	if got := f.partyOf("father-2").PartyID; got != father {
		t.Fatalf("the father's two orders are parties %s and %s, want one", father, got)
	}
	if got := f.partyOf("son").PartyID; got == father {
		t.Errorf("the son joined his father's party %s through the household's phone and mailbox", father)
	}
}
