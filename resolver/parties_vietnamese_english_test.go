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

// TestEnglishNameOnTheVietnameseNamesMailboxInAnyOrder: Linh Dương orders as Amy Duong
// with the house's landline and as Linh Dương with no phone, always from
// linh.duong@yahoo.com; her husband Hung orders from his own mailbox with that landline
// and his mobile. The mailbox spells Linh, so Amy on it is its owner's English name,
// not a relative: before, the two names on one mailbox read as a household's and her
// orders made two parties in every arrival order (review35 en-7, P0347). Hung stays
// apart.
func TestEnglishNameOnTheVietnameseNamesMailboxInAnyOrder(t *testing.T) {
	home := func(given, family, email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Name: given + " " + family,
			Email: email, Phone: phone, Country: "US",
			Place: &ontology.AddressPart{Street: "7977 Washington Way", Locality: "Westminster", Region: "CA", Postcode: "92628"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{home("Hung", "Duong", "hung807@outlook.com", "+1 (714) 521-5161"), home("Hoang Hung", "Duong", "hung807@outlook.com", "714.777.4735")},
		{
			home("Amy", "Duong", "linh.duong@yahoo.com", "7145215161"), home("Amy", "Duong", "linh.duong@yahoo.com", "7145215161"),
			home("Linh", "Dương", "linh.duong@yahoo.com", ""), home("Linh", "Dương", "linh.duong@yahoo.com", ""),
		},
	}, "0 0 | 1 1 1 1")
}
