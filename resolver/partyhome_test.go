package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestHouseholdLine: between Chinese names that do not agree as wholes, each from its
// own mailbox, a home's landline says nothing and a given name only Similar is another;
// a mobile, one mailbox, or one name written two ways keeps what they share.
func TestHouseholdLine(t *testing.T) {
	tw := func(given, phone, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Country: "TW", GivenName: given, FamilyName: "Yang",
			Name: given + " Yang", Phone: phone, Email: email,
			Place: &ontology.AddressPart{Street: "自由路364號", Locality: "新店區", Region: "新北市"}})
	}
	cases := []struct {
		name        string
		a, b        PartyProfile
		phone, give compare.Kind
	}{
		{"father and son on the line", tw("Chih-hung", "(02)2853-8768", "alan.yang69@outlook.com"), tw("Wenpin", "+886 2 2853 8768", "yangb61@outlook.com"),
			compare.Null, compare.Different},
		{"brothers of one generation name", tw("Wenpin", "(02)2853-8768", "yangb61@outlook.com"), tw("Wenming", "", "wenming.yang@tsmc.com"),
			compare.Null, compare.Different},
		{"brothers on one mobile", tw("Wenpin", "0921 554 017", "yangb61@outlook.com"), tw("Wenming", "0921 554 017", "wenming.yang@tsmc.com"),
			compare.Exact, compare.Similar},
		{"one mailbox", tw("Wenpin", "(02)2853-8768", "yangb61@outlook.com"), tw("Wenming", "(02)2853-8768", "yangb61@outlook.com"),
			compare.Exact, compare.Similar},
		{"one name, two mailboxes", tw("Wenpin", "(02)2853-8768", "yangb61@outlook.com"), tw("Wen-pin", "(02)2853-8768", "wpyang@tsmc.com"),
			compare.Exact, compare.Exact},
	}
	for _, c := range cases {
		got := CompareParties(c.a, c.b)
		if got[fieldPhone].Kind != c.phone || got[fieldGiven].Kind != c.give {
			t.Errorf("%s: phone %v (%s), given %v (%s); want %v, %v", c.name, got[fieldPhone].Kind, got[fieldPhone].Why,
				got[fieldGiven].Kind, got[fieldGiven].Why, c.phone, c.give)
		}
	}
}
