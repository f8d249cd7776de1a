package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// yangHome is a member of the Yang household of 新店區自由路364號, whose landline is
// (02)2853-8768, as a Taiwanese storefront writes them.
func yangHome(given, family, phone, email string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "TW", GivenName: given, FamilyName: family,
		Name: given + " " + family, Phone: phone, Email: email,
		Place: &ontology.AddressPart{Street: "自由路364號", Locality: "新店區", Region: "新北市", Postcode: "231"}}
}

// TestTaiwaneseHouseholdOnTheHomesLineInAnyOrder: the father Chih-hung Yang orders
// with the flat's landline from his mailbox, once written 楊志宏; his son Wenpin Yang
// gives the same line written from abroad with his own mailbox, and later his mobile.
// A Wade-Giles given name against a pinyin one is no contradiction, but the line under
// a given name its party is not known by, from another mailbox, is the home's other
// resident; his brother Wenming, from his own mailbox with no phone or the line, shares
// the generation character 文 and is a third person. Three people in any order; the
// father's second mailbox with his mobile is still his.
func TestTaiwaneseHouseholdOnTheHomesLineInAnyOrder(t *testing.T) {
	const home, own = "(02)2853-8768", "0933 218 640"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{yangHome("Chih-hung", "Yang", home, "alan.yang69@outlook.com"), yangHome("志宏", "楊", home, "alan.yang69@outlook.com"),
			yangHome("Chih-hung", "Yang", own, "alan.yang69@outlook.com"), yangHome("Chih-hung", "Yang", own, "chyang@tsmc.com")},
		{yangHome("Wenpin", "Yang", "+886 2 2853 8768", "yangb61@outlook.com"), yangHome("Wenpin", "Yang", "0921 554 017", "yangb61@outlook.com")},
		{yangHome("Wenming", "Yang", "", "wenming.yang@tsmc.com"), yangHome("Wenming", "Yang", "(02)2853-8768", "wenming.yang@tsmc.com")},
	}, "0 0 0 0 | 1 1 | 2 2")
}

// cheungHome is a member of the Cheung household of Heng Fa Chuen Block 7 25B, whose
// landline is 2557 6279.
func cheungHome(given, family, phone, email string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "HK", GivenName: given, FamilyName: family,
		Name: given + " " + family, Phone: phone, Email: email,
		Place: &ontology.AddressPart{Street: "Block 7, Heng Fa Chuen", Line2: "Flat B, 25/F", Locality: "Chai Wan"}}
}

// TestHongKongHouseholdOnTheHomesLineInAnyOrder: Ken Cheung, once 張榮志 from the same
// mailbox, and his wife Kei Chui Cheung each order with the flat's landline from their
// own mailboxes. Ken against Kei Chui shares a syllable and nothing else: the line
// does not make them one, in any order.
func TestHongKongHouseholdOnTheHomesLineInAnyOrder(t *testing.T) {
	const home = "2557 6279"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{cheungHome("Ken", "Cheung", home, "kencheung1963@outlook.com"), cheungHome("榮志", "張", home, "kencheung1963@outlook.com")},
		{cheungHome("Kei Chui", "Cheung", home, "keichuicheung@hotmail.com"), cheungHome("Kei Chui", "Cheung", "", "keichuicheung@hotmail.com")},
	}, "0 0 | 1 1")
}

// southHorizons is a customer of South Horizons, Ap Lei Chau, as a Hong Kong storefront
// writes them: the flat in the first line, the district in the second.
func southHorizons(flat, email string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "HK", GivenName: "Ka Wai", FamilyName: "Chan",
		Name: "Chan Ka Wai", Email: email,
		Place: &ontology.AddressPart{Street: flat + ", South Horizons", Line2: "Ap Lei Chau", Locality: "Hong Kong"}}
}

// TestNamesakesOfOneEstateInAnyOrder: three 陳家偉, Chan Ka Wai, in three blocks of
// South Horizons, each with a mailbox of his own. The district in the second line is
// what every household of the estate writes, not a home they share: three people in
// any order, each with his second order.
func TestNamesakesOfOneEstateInAnyOrder(t *testing.T) {
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{southHorizons("Flat B, 24/F, Block 3", "edmond.chan@hotmail.com"), southHorizons("Flat B, 24/F, Block 3", "edmond.chan@hotmail.com")},
		{southHorizons("Flat C, 23/F, Block 8", "ckawai98@gmail.com"), southHorizons("Flat C, 23/F, Block 8", "ckawai98@gmail.com")},
		{southHorizons("Flat G, 26/F, Tower 3", "chanp84@gmail.com")},
	}, "0 0 | 1 1 | 2")
}
