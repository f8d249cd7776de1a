package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestEnglishAndVietnameseGivenNameOnOneMailboxAndPhoneInAnyOrder: Hiếu Phạm orders as
// Andy Pham at one shop and as Phạm Hiếu (family name first) at the next, from one
// mailbox (its Gmail dots written or not) and one mobile. A Vietnamese American's
// English and Vietnamese given names under one family name are one person's, as a Hong
// Kong customer's are; before, the mailbox and the phone were refused as "another name
// (a household?)". His sister Lan Pham, from her own mailbox and mobile at the flat,
// stays apart, and so does his father Minh, who orders from his own mailbox with the
// flat's landline, in any order.
func TestEnglishAndVietnameseGivenNameOnOneMailboxAndPhoneInAnyOrder(t *testing.T) {
	home := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: given, FamilyName: family,
			Name: given + " " + family, Email: email, Phone: phone,
			Place: &ontology.AddressPart{Number: "9300", Street: "S Sunset Rd", Line2: "Apt 18B", Locality: "Westminster", Region: "CA", Postcode: "92675"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{home("Andy", "Pham", "hieu.pham@gmail.com", "(714) 353-8411"), home("Phạm", "Hiếu", "hieupham+shop@gmail.com", "7143538411")},
		{home("Lan", "Phạm", "lan.pham88@yahoo.com", "(714) 771-2045")},
		{home("Minh", "Pham", "minhpham52@comcast.net", "(714) 892-6610")},
	}, "0 0 | 1 | 2")
}

// TestEnglishNameOnAVietnameseRelativesMailboxWithOwnMobileInAnyOrder: Kathy Phan
// orders from her mother Phuong's mailbox with a mobile of her own. An English and a
// Vietnamese given name on one mailbox are one person's only where the phone agrees
// too: two mobiles are two people's, and the mailbox's "another name (a household?)"
// stands, whichever came first.
func TestEnglishNameOnAVietnameseRelativesMailboxWithOwnMobileInAnyOrder(t *testing.T) {
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{usHome("Thi Phuong", "Phan", "phuong.phan@icloud.com", "+1 713-884-5377")},
		{usHome("Kathy", "Phan", "phuong.phan@icloud.com", "+1 832-415-0961")},
	}, "0 | 1")
}
