package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestEnglishFormOfTheFlat: 李志豪 orders on Pinduoduo for 干将路1018号狮山花园8栋405,
// and from a Shopify store with another number of his, in English: Room 405,
// Building 8, Shishanhuayuan on Ganjiang Road. The same numbers read the other way
// round are the same flat, so his second number is a second number, not a namesake's.
// Room 406 is the flat next door.
func TestEnglishFormOfTheFlat(t *testing.T) {
	f := newFixture(t)
	shop := func(phone, room string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Name: "志豪 李", GivenName: "志豪", FamilyName: "李", Phone: phone,
			Country: "CN", Place: &ontology.AddressPart{Street: "Ganjiang Road", Line2: room + ", Building 8, Shishanhuayuan",
				Locality: "苏州市", Postcode: "215000"}}
	}
	f.orderBy("pdd", 0, cnOrder("李志豪", "19186888105", "江苏省苏州市姑苏区干将路1018号狮山花园8栋405"))
	f.orderBy("shop", 1, shop("13912345678", "Room 405"))
	if a, b := f.partyOf("pdd").PartyID, f.partyOf("shop").PartyID; a != b {
		t.Errorf("Room 405, Building 8 is party %s, 狮山花园8栋405 %s; want one", b, a)
	}
	f.orderBy("next", 2, shop("13687654321", "Room 406"))
	if a, b := f.partyOf("pdd").PartyID, f.partyOf("next").PartyID; a == b {
		t.Errorf("Room 406 joined 8栋405's party %s", a)
	}
}
