package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// hkFlat places a Hong Kong customer in one flat of Taikoo Shing.
func hkFlat(ref ontology.PartyRef) ontology.PartyRef {
	ref.Role, ref.Country = ontology.PartyCustomer, "HK"
	ref.Address = "Flat F, 9/F, Block 11, Taikoo Shing, Quarry Bay"
	return ref
}

// TestCantoneseRomanisationIsOneBuyer: 趙永軒 orders in characters, then as Wing-hin
// CHIU, Hong Kong's spelling of the same name, with the same mailbox and phone. Pinyin
// reads zhao yong xuan, so the second order was refused as "a household?". His
// brother Chiu Ka Lok, with his own mailbox on the flat's phone, stays apart.
func TestCantoneseRomanisationIsOneBuyer(t *testing.T) {
	f := newFixture(t)
	f.orderBy("han", 0, hkFlat(ontology.PartyRef{GivenName: "永軒", FamilyName: "趙", Phone: "+852 9229 7862", Email: "hugochiu@gmail.com"}))
	f.orderBy("latin", 1, hkFlat(ontology.PartyRef{GivenName: "Wing-hin", FamilyName: "CHIU", Phone: "9229 7862", Email: "hugochiu@gmail.com"}))
	f.orderBy("brother", 2, hkFlat(ontology.PartyRef{GivenName: "Ka Lok", FamilyName: "Chiu", Phone: "9229 7862", Email: "kalok.chiu@gmail.com"}))
	han := f.partyOf("han").PartyID
	if got := f.partyOf("latin").PartyID; got != han {
		t.Errorf("Wing-hin CHIU with 趙永軒's mailbox and phone is party %s, 趙永軒 %s; want one", got, han)
	}
	if got := f.partyOf("brother").PartyID; got == han {
		t.Errorf("Chiu Ka Lok with his own mailbox joined 趙永軒's party %s", han)
	}
}

// TestEnglishAndChineseGivenNameOnOneMailboxAndPhone: Karen Chow orders, then Yuet Ka
// Chow with the same mailbox and the same phone: her English and her Chinese given
// name, not two women of one household. Chow Ka Yan, on the flat's phone with her own
// mailbox, is her sister: names that differ are not loosened where mailboxes differ.
func TestEnglishAndChineseGivenNameOnOneMailboxAndPhone(t *testing.T) {
	f := newFixture(t)
	f.orderBy("english", 0, hkFlat(ontology.PartyRef{GivenName: "Karen", FamilyName: "Chow", Phone: "9926 4980", Email: "karen.chow22@outlook.com"}))
	f.orderBy("chinese", 1, hkFlat(ontology.PartyRef{GivenName: "Yuet Ka", FamilyName: "Chow", Phone: "852-99264980", Email: "karen.chow22@outlook.com"}))
	f.orderBy("sister", 2, hkFlat(ontology.PartyRef{GivenName: "Ka Yan", FamilyName: "Chow", Phone: "852-99264980", Email: "kayan.chow@gmail.com"}))
	karen := f.partyOf("english").PartyID
	if got := f.partyOf("chinese").PartyID; got != karen {
		t.Errorf("Yuet Ka Chow with Karen Chow's mailbox and phone is party %s, Karen %s; want one", got, karen)
	}
	if got := f.partyOf("sister").PartyID; got == karen {
		t.Errorf("Chow Ka Yan with her own mailbox joined Karen Chow's party %s", karen)
	}
}

// TestEnglishAndChineseGivenNameOnOneMailboxInAnyOrder: Vincent Chan orders from his
// mailbox with no phone, and as CHAN CHI KIT (the family name typed first) from the same
// mailbox with his mobile. One mailbox under an English and a Chinese given name of one
// family name is one person's two names whichever came first; before, Vincent's order
// without a phone stayed "a household?" beside the other. His brother Chan Ka Lok,
// from his own mailbox on the flat's line and on his mobile, stays apart, in any order.
func TestEnglishAndChineseGivenNameOnOneMailboxInAnyOrder(t *testing.T) {
	const mailbox = "vincent_chan@netvigator.com"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{hkFlat(ontology.PartyRef{Name: "Vincent Chan", GivenName: "Vincent", FamilyName: "Chan", Email: mailbox}),
			hkFlat(ontology.PartyRef{Name: "CHAN CHI KIT", GivenName: "CHAN", FamilyName: "CHI KIT", Phone: "852-54127908", Email: mailbox})},
		{hkFlat(ontology.PartyRef{Name: "Ka Lok Chan", GivenName: "Ka Lok", FamilyName: "Chan", Phone: "2557 6279", Email: "kalok.chan@gmail.com"}),
			hkFlat(ontology.PartyRef{Name: "Ka Lok Chan", GivenName: "Ka Lok", FamilyName: "Chan", Phone: "6123 4567", Email: "kalok.chan@gmail.com"})},
	}, "0 0 | 1 1")
}

// TestChineseNameWithAnotherMobileOnAnEnglishNamesMailbox: Vincent Chan orders with
// his mobile; CHAN KA KIT, his father, orders from Vincent's mailbox with a mobile of
// his own. An English and a Hong Kong given name on one mailbox are one person's only
// where the phones do not say two: two mobiles are two people's.
func TestChineseNameWithAnotherMobileOnAnEnglishNamesMailbox(t *testing.T) {
	f := newFixture(t)
	f.orderBy("son", 0, hkFlat(ontology.PartyRef{Name: "Vincent Chan", GivenName: "Vincent", FamilyName: "Chan", Phone: "5412 7908", Email: "vincent_chan@netvigator.com"}))
	f.orderBy("father", 1, hkFlat(ontology.PartyRef{Name: "CHAN KA KIT", GivenName: "CHAN", FamilyName: "KA KIT", Phone: "9345 1122", Email: "vincent_chan@netvigator.com"}))
	if son, father := f.partyOf("son").PartyID, f.partyOf("father").PartyID; son == father {
		t.Errorf("CHAN KA KIT with his own mobile on Vincent Chan's mailbox joined Vincent's party %s", son)
	}
}

// TestEnglishNameBesideTheChineseOneInAnyOrder: Ho Yee Nga writes her English name
// before her Chinese one at one shop (Natalie / Ho Yee Nga) and leaves it out at the next
// (Yee Nga / Ho), from one mailbox with one mobile. The two are one name; word by word
// they differed, and the second order stayed "a household?". Her sister Ho Yee Man, on
// the flat's line from her own mailbox, stays apart, in any order.
func TestEnglishNameBesideTheChineseOneInAnyOrder(t *testing.T) {
	const mailbox = "natalie.ho@yahoo.com.hk"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{hkFlat(ontology.PartyRef{Name: "Natalie Ho Yee Nga", GivenName: "Natalie", FamilyName: "Ho Yee Nga", Phone: "6756 1666", Email: mailbox}),
			hkFlat(ontology.PartyRef{Name: "Yee Nga Ho", GivenName: "Yee Nga", FamilyName: "Ho", Phone: "852-67561666", Email: mailbox})},
		{hkFlat(ontology.PartyRef{Name: "Yee Man Ho", GivenName: "Yee Man", FamilyName: "Ho", Phone: "2731 9084", Email: "yeeman.ho@gmail.com"})},
	}, "0 0 | 1")
}

// TestEnglishAndChineseNameOnOneLineFromOwnMailboxesInAnyOrder: Edmond Wang and his
// son 王飞 order with the flat's line, 217 874 8324, each from his own mailbox. A North
// American number does not say whether it is a home's line or a mobile, and an English
// given name beside a Chinese one agrees in the family name only: the mailboxes say two
// people, and the line joined them. In any order, each is one party.
func TestEnglishAndChineseNameOnOneLineFromOwnMailboxesInAnyOrder(t *testing.T) {
	home := func(given, family, phone, email string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "US", GivenName: given, FamilyName: family, Name: given + " " + family,
			Phone: phone, Email: email, Place: &ontology.AddressPart{Street: "7666 Jensen Ct", Line2: "Suite 2C", Locality: "New York", Region: "NY", Postcode: "10090"}}
	}
	const line = "217 874 8324"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{home("Edmond", "Wang", line, "wang.gang@163.com"), home("Edmond", "Wang", "", "wang.gang@163.com")},
		{home("飞", "王", "+12178748324", "joanne16@outlook.com"), home("飞", "王", line, "joanne16@outlook.com")},
	}, "0 0 | 1 1")
}
