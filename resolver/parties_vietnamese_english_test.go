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
	home := usAt(ontology.AddressPart{Street: "7977 Washington Way", Locality: "Westminster", Region: "CA", Postcode: "92628"})
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{home("Hung", "Duong", "hung807@outlook.com", "+1 (714) 521-5161"), home("Hoang Hung", "Duong", "hung807@outlook.com", "714.777.4735")},
		{
			home("Amy", "Duong", "linh.duong@yahoo.com", "7145215161"), home("Amy", "Duong", "linh.duong@yahoo.com", "7145215161"),
			home("Linh", "Dương", "linh.duong@yahoo.com", ""), home("Linh", "Dương", "linh.duong@yahoo.com", ""),
		},
	}, "0 0 | 1 1 1 1")
}

// TestVietnameseNamesOneLetterApartInAnyOrder: at one flat Tâm Huỳnh orders from
// tam340@ (once as Ngọc Tâm, both her given names) and Nam Huỳnh from nam321@, mostly
// as David, the English name he goes by; Bảo and Vy order from mailboxes of their own.
// Nam and Tâm are two names a first letter apart, and Nam against Ngọc Tâm agrees with
// no syllable of it: read as slips of one name they made Nam's orders and Tâm's one
// party, once David's orders joined Nam's (review35 en-9, P0175 and P0176).
func TestVietnameseNamesOneLetterApartInAnyOrder(t *testing.T) {
	home := usAt(ontology.AddressPart{Street: "4609 Broadway Place", Line2: "Apt 12", Locality: "Westminster", Region: "CA", Postcode: "92693"})
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{home("Bảo", "Huỳnh", "Huynh.Bao@Aol.Com", "(714) 999-1146"), home("Bảo", "Huỳnh", "Huynh.Bao@Aol.Com", "(714) 999-1146")},
		{home("Vy", "Huynh", "vyhuynh@yahoo.com", "(714) 606-8574")},
		{home("Tâm", "Huỳnh", "Tam340@gmail.com", ""), home("tâm", "huỳnh", "tam340@gmail.com", "+17145231924"), home("Ngọc Tâm", "Huỳnh", "tam340@gmail.com", "")},
		{
			home("David", "Huỳnh", "nam321@hotmail.com", ""), home("David", "Huỳnh", "nam321@hotmail.com", "714-769-8458"),
			home("Nam", "Huỳnh", "nam321@hotmail.com", ""), home("David", "Huynh", "nam321@hotmail.com", "714-769-8458"),
		},
	}, "0 0 | 1 | 2 2 2 | 3 3 3 3")
}
